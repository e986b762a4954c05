// A local cluster of real parts (docs/deployment.md): PostgreSQL's database, N API instances of the compiled build, the
// standalone klaim worker and HAProxy (deploy/haproxy.cfg) in front, optionally PgBouncer (deploy/pgbouncer.ini) between
// the instances and PostgreSQL. Used by `pnpm cluster` (scripts/cluster.ts) and the cluster tests
// (packages/sdk/test/cluster.test.ts, pgbouncer.test.ts). Lives here rather than in deploy/ because it needs the api package's
// dependencies (postgres.js), which pnpm resolves only from inside the package.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { freePort, sleep } from "../bench/support.ts";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const DIST_MAIN = join(ROOT, "packages/api/dist/src/main.js");
const DIST_WORKER = join(ROOT, "packages/api/dist/scripts/klaim-worker.js");
const DIST_SEED = join(ROOT, "packages/api/dist/scripts/seed.js");
export const HAPROXY_BIN = process.env.HAPROXY_BIN ?? "/usr/sbin/haproxy";
export const PGBOUNCER_BIN = process.env.PGBOUNCER_BIN ?? "/usr/sbin/pgbouncer";

export const haproxyInstalled = () => existsSync(HAPROXY_BIN);
export const pgbouncerInstalled = () => existsSync(PGBOUNCER_BIN);

export interface ClusterOptions {
  /** The cluster's database (created when missing): postgres://…/jmo_cluster. */
  databaseUrl: string;
  /** API instances (default 2). */
  instances?: number;
  /** The balancer's port (default: a free one). */
  port?: number;
  /** Where the filled configuration files and every process's output go. */
  workDir: string;
  /** Seed the demo data when the database has no participant (default false). */
  seedDemoData?: boolean;
  /** TOKEN_SECRET shared by the instances (default: a random one for this run). */
  tokenSecret?: string;
  /** Extra environment of the API instances and of the worker. */
  instanceEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
  /** Put PgBouncer (transaction pooling) between the instances and PostgreSQL. */
  pgbouncer?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface ClusterProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
}

export interface ApiInstance extends ClusterProcess {
  port: number;
}

export interface LocalCluster {
  /** The one URL: http://127.0.0.1:<port>/graphql, through the balancer. */
  url: string;
  /** HAProxy's local statistics page (its Prometheus metrics at /metrics). */
  statsUrl: string;
  tokenSecret: string;
  databaseUrl: string;
  instances: ApiInstance[];
  worker: ClusterProcess;
  balancer: ClusterProcess;
  pgbouncer: (ClusterProcess & { url: string }) | null;
  /** HAProxy's view of each instance: "UP", "DOWN", … (from its statistics CSV). */
  serverStates(): Promise<Record<string, string>>;
  /** Stops everything (SIGTERM, then SIGKILL after 15 s): the balancer first, then the instances and the worker. */
  stop(): Promise<void>;
}

/** Compiles the build (`pnpm build`) when packages/api/dist is missing. */
export function ensureBuild(log: (line: string) => void = () => {}): void {
  if (existsSync(DIST_MAIN) && existsSync(DIST_WORKER) && existsSync(DIST_SEED)) return;
  log("packages/api/dist is missing: running pnpm build…");
  // Under pnpm (pnpm cluster, pnpm test) npm_execpath is pnpm's own script, whether or not pnpm is on PATH.
  const pnpm = process.env.npm_execpath;
  const result = pnpm?.includes("pnpm")
    ? spawnSync(process.execPath, [pnpm, "build"], { cwd: ROOT, stdio: "inherit" })
    : spawnSync("pnpm", ["build"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("pnpm build failed");
}

/** Creates the URL's database on its server when it does not exist; true when it was created. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const u = new URL(databaseUrl);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as found from pg_database where datname = ${name}`;
    if (row) return false;
    await admin.unsafe(`create database ${name}`);
    return true;
  } finally {
    await admin.end();
  }
}

async function participantCount(databaseUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select to_regclass('public.participants') is not null as found`;
    if (!exists?.found) return 0;
    const [row] = await sql<Array<{ n: string }>>`select count(*)::text as n from participants`;
    return Number(row?.n ?? 0);
  } finally {
    await sql.end();
  }
}

/** A process whose output (stdout and stderr) goes to a file of the work folder. */
function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, workDir: string): ClusterProcess {
  const logFile = join(workDir, `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  child.once("exit", () => setTimeout(() => out.end(), 100));
  return { name, child, logFile };
}

function exited(p: ClusterProcess): boolean {
  return p.child.exitCode !== null || p.child.signalCode !== null;
}

function tail(p: ClusterProcess): string {
  try {
    return readFileSync(p.logFile, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "";
  }
}

/** Polls `probe` until it holds; fails when `p` exits or after `ms`. */
async function waitFor(what: string, probe: () => Promise<boolean>, watched: ClusterProcess[], ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const dead = watched.find(exited);
    if (dead) throw new Error(`${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}) while waiting for ${what}:\n${tail(dead)}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}:\n${watched.map((p) => `--- ${p.name}\n${tail(p)}`).join("\n")}`);
    await sleep(250);
  }
}

const ok = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

/** Stops a process: SIGTERM (the API drains its connections), SIGKILL after `graceMs`. */
export function stopProcess(p: ClusterProcess, graceMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    if (exited(p)) return resolve();
    const force = setTimeout(() => p.child.kill("SIGKILL"), graceMs);
    p.child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    p.child.kill("SIGTERM");
  });
}

export interface PgBouncer extends ClusterProcess {
  /** postgres://…@127.0.0.1:<port>/<database>: the given database through PgBouncer. */
  url: string;
}

/**
 * PgBouncer in transaction pooling mode in front of the PostgreSQL server of `databaseUrl` (deploy/pgbouncer.ini),
 * trusting local connections as that server does. PgBouncer refuses to run as root: as root it switches to `postgres`.
 */
export async function startPgBouncer(databaseUrl: string, workDir: string, poolSize = 20): Promise<PgBouncer> {
  const target = new URL(databaseUrl);
  const port = await freePort();
  const user = decodeURIComponent(target.username || "postgres");
  const dir = join(workDir, "pgbouncer");
  mkdirSync(dir, { recursive: true });
  const ini = readFileSync(join(ROOT, "deploy/pgbouncer.ini"), "utf8")
    .replaceAll("{{DB_HOST}}", target.hostname)
    .replaceAll("{{DB_PORT}}", target.port || "5432")
    .replaceAll("{{PORT}}", String(port))
    .replaceAll("{{POOL_SIZE}}", String(poolSize))
    .replaceAll("{{AUTH_FILE}}", join(dir, "userlist.txt"));
  writeFileSync(join(dir, "pgbouncer.ini"), ini);
  writeFileSync(join(dir, "userlist.txt"), `"${user}" "${decodeURIComponent(target.password)}"\n`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The postgres user reads the files PgBouncer opens after switching user.
    chmodSync(workDir, 0o755);
    chmodSync(dir, 0o755);
  }
  const p = startProcess("pgbouncer", PGBOUNCER_BIN, [...(asRoot ? ["-u", "postgres"] : []), join(dir, "pgbouncer.ini")], process.env, workDir);
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  const bouncer = { ...p, url: url.toString() };
  await waitFor(
    "PgBouncer",
    async () => {
      const sql = postgres(bouncer.url, { max: 1, prepare: false, onnotice: () => {}, connect_timeout: 2 });
      try {
        await sql`select 1`;
        return true;
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
    [p],
    30_000,
  );
  return bouncer;
}

export async function startLocalCluster(options: ClusterOptions): Promise<LocalCluster> {
  const log = options.log ?? (() => {});
  const count = options.instances ?? 2;
  if (!Number.isInteger(count) || count < 1) throw new Error("instances: a whole number ≥ 1");
  if (!haproxyInstalled()) throw new Error(`HAProxy is not installed (${HAPROXY_BIN}): apt-get install haproxy`);
  mkdirSync(options.workDir, { recursive: true });
  ensureBuild(log);
  const tokenSecret = options.tokenSecret ?? randomBytes(32).toString("hex");
  const started: ClusterProcess[] = [];
  const stopAll = async () => {
    // The balancer first (no new requests), then the instances and the worker, PgBouncer last (they drain through it).
    const balancer = started.filter((p) => p.name === "haproxy");
    const pooler = started.filter((p) => p.name === "pgbouncer");
    await Promise.all(balancer.map((p) => stopProcess(p)));
    await Promise.all(started.filter((p) => !balancer.includes(p) && !pooler.includes(p)).map((p) => stopProcess(p)));
    await Promise.all(pooler.map((p) => stopProcess(p)));
  };
  try {
    if (await ensureDatabase(options.databaseUrl)) log(`created the database ${new URL(options.databaseUrl).pathname.slice(1)}`);
    if (options.seedDemoData && (await participantCount(options.databaseUrl)) === 0) {
      log("seeding the demo data (first start only)…");
      const seed = spawnSync(process.execPath, ["--max-old-space-size=448", DIST_SEED], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: "production", SEED_DEMO_ACCOUNTS: "true", TOKEN_SECRET: tokenSecret, DATABASE_URL: options.databaseUrl },
        stdio: ["ignore", "ignore", "inherit"],
      });
      if (seed.status !== 0) throw new Error("seeding the demo data failed");
    }

    let pgbouncer: PgBouncer | null = null;
    if (options.pgbouncer) {
      if (!pgbouncerInstalled()) throw new Error(`PgBouncer is not installed (${PGBOUNCER_BIN}): apt-get install pgbouncer`);
      pgbouncer = await startPgBouncer(options.databaseUrl, options.workDir);
      started.push(pgbouncer);
      log(`PgBouncer (transaction pooling) at ${new URL(pgbouncer.url).host}`);
    }
    // Behind PgBouncer: queries through it, LISTEN and migrations direct, no named prepared statements.
    const databaseEnv: Record<string, string> = pgbouncer
      ? { DATABASE_URL: pgbouncer.url, DATABASE_LISTEN_URL: options.databaseUrl, DATABASE_PREPARE: "false" }
      : { DATABASE_URL: options.databaseUrl };
    const common: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      TOKEN_SECRET: tokenSecret,
      LOG_LEVEL: "info",
      ...databaseEnv,
    };

    // The instances migrate the database themselves (one at a time: an advisory lock); the worker waits for them.
    const instances: ApiInstance[] = [];
    for (let i = 1; i <= count; i++) {
      const port = await freePort();
      const env = {
        ...common,
        HOST: "127.0.0.1",
        PORT: String(port),
        // The balancer is the only client: X-Forwarded-For from it gives the client's address (rate limits).
        TRUST_PROXY: "loopback",
        ...options.instanceEnv,
      };
      instances.push({ ...startProcess(`api${i}`, process.execPath, [DIST_MAIN], env, options.workDir), port });
    }
    started.push(...instances);
    for (const instance of instances) {
      await waitFor(`${instance.name} /readyz`, () => ok(`http://127.0.0.1:${instance.port}/readyz`), [instance]);
    }
    log(`${count} API instance${count > 1 ? "s" : ""} ready on ports ${instances.map((i) => i.port).join(", ")}`);

    const worker = startProcess("klaim-worker", process.execPath, [DIST_WORKER], { ...common, ...options.workerEnv }, options.workDir);
    started.push(worker);

    const port = options.port ?? (await freePort());
    const statsPort = await freePort();
    const servers = instances.map((i) => `    server ${i.name} 127.0.0.1:${i.port} check`).join("\n");
    const cfg = readFileSync(join(ROOT, "deploy/haproxy.cfg"), "utf8")
      .replaceAll("{{BIND}}", `127.0.0.1:${port}`)
      .replaceAll("{{STATS_BIND}}", `127.0.0.1:${statsPort}`)
      .replaceAll("{{SERVERS}}", servers);
    const cfgFile = join(options.workDir, "haproxy.cfg");
    writeFileSync(cfgFile, cfg);
    const balancer = startProcess("haproxy", HAPROXY_BIN, ["-db", "-f", cfgFile], process.env, options.workDir);
    started.push(balancer);
    const statsUrl = `http://127.0.0.1:${statsPort}/`;
    const serverStates = async (): Promise<Record<string, string>> => {
      const csv = await (await fetch(`${statsUrl};csv`, { signal: AbortSignal.timeout(2000) })).text();
      const [header, ...rows] = csv.replace(/^# /, "").trim().split("\n");
      const cols = header!.split(",");
      const [px, sv, st] = ["pxname", "svname", "status"].map((c) => cols.indexOf(c));
      const states: Record<string, string> = {};
      for (const row of rows) {
        const f = row.split(",");
        if (f[px!] === "api_instances" && f[sv!] !== "BACKEND" && f[sv!] !== "FRONTEND") states[f[sv!]!] = f[st!]!;
      }
      return states;
    };
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitFor(
      "every instance UP behind the balancer",
      async () => {
        const states = await serverStates();
        return instances.every((i) => states[i.name] === "UP") && (await ok(`http://127.0.0.1:${port}/readyz`));
      },
      [balancer, worker, ...instances],
      60_000,
    );
    log(`HAProxy balancing ${count} instance${count > 1 ? "s" : ""}; statistics at ${statsUrl}`);
    return {
      url,
      statsUrl,
      tokenSecret,
      databaseUrl: options.databaseUrl,
      instances,
      worker,
      balancer,
      pgbouncer,
      serverStates,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
