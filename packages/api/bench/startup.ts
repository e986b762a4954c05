// Benchmark: time from spawn to a ready /readyz and RSS of the whole process tree, for `pnpm start` in development
// (pnpm + tsx on the TypeScript source), `pnpm start` with NODE_ENV=production (pnpm + node on the build, through
// scripts/start.mjs) and the build alone (`node packages/api/dist/src/main.js`), interleaved in rounds:
// the embedded database fresh (an empty DATA_DIR: migrations and demo data) and restarted (the same folder again),
// and PostgreSQL (a database of its own, migrated and seeded once, dropped at the end) when BENCH_DATABASE_URL is set.
//   pnpm build && pnpm bench:startup
//   pnpm build && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:startup
// BENCH_ROUNDS (default 2), BENCH_IDLE_MS (default 5000: idle RSS is read that long after ready), BENCH_MODES (default
// dev,prod,node).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { median } from "./support.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const COMPILED_MAIN = join(ROOT, "packages/api/dist/src/main.js");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5000);
const READY_TIMEOUT_MS = 180_000;
const PORT = 4700 + Math.floor(Math.random() * 200);
const TOKEN_SECRET = "bench-startup-secret-0123456789-abcdefghij";

// `pnpm start` runs the source through tsx in development and the build with NODE_ENV=production (scripts/start.mjs);
// production should run `node` on the build with no package manager above it.
const MODES = {
  dev: "pnpm start (tsx)",
  prod: "pnpm start (production)",
  node: "node dist (compiled)",
} as const;
type Mode = (typeof MODES)[keyof typeof MODES];
type Case = "pglite fresh" | "pglite restart" | "postgres";

interface Sample {
  readyMs: number;
  readyRss: number;
  idleRss: number;
  processes: string[];
}

/** Every process below `root` (its children, theirs…), with the root itself. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(entry));
      parents.set(ppid, list);
    } catch {
      // the process ended while we read
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

function treeRss(root: number): { bytes: number; processes: string[] } {
  let bytes = 0;
  const processes: string[] = [];
  for (const pid of processTree(root)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      bytes += kb * 1024;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      processes.push(cmd.map((arg) => arg.split("/").at(-1)).slice(0, 3).join(" "));
    } catch {
      // gone
    }
  }
  return { bytes, processes };
}

async function waitReady(child: ChildProcess, started: number): Promise<number> {
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/readyz`);
      if (res.ok) return performance.now();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("server not ready in time");
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid!, "SIGTERM");
  const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

async function run(mode: Mode, env: Record<string, string>): Promise<Sample> {
  const [command, args] = mode === MODES.node ? ["node", [COMPILED_MAIN]] : ["pnpm", ["start"]];
  const modeEnv: Record<string, string> =
    // The compiled build is what production runs: NODE_ENV=production (demo data asked for explicitly, to do the
    // same work as `pnpm start` on a fresh folder).
    mode === MODES.dev ? { NODE_ENV: "development" } : { NODE_ENV: "production", TOKEN_SECRET, SEED_DEMO_ACCOUNTS: "true" };
  const started = performance.now();
  const child = spawn(command, args as string[], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), LOG_LEVEL: "warn", ...modeEnv, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    const readyAt = await waitReady(child, Date.now());
    const ready = treeRss(child.pid!);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle = treeRss(child.pid!);
    return { readyMs: readyAt - started, readyRss: ready.bytes, idleRss: idle.bytes, processes: idle.processes };
  } finally {
    await stop(child);
  }
}

async function preparePostgres(url: string): Promise<{ databaseUrl: string; drop: () => Promise<void> }> {
  const name = `jmo_bench_build_${randomBytes(3).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  for (const script of ["migrate", "seed"]) {
    const result = spawnSync("npx", ["tsx", "--conditions=source", `packages/api/scripts/${script}.ts`], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error(`${script} failed on ${name}`);
  }
  return {
    databaseUrl,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  if (!existsSync(COMPILED_MAIN)) {
    console.error(`${COMPILED_MAIN} is missing: run \`pnpm build\` first`);
    process.exit(1);
  }
  const pg = process.env.BENCH_DATABASE_URL ? await preparePostgres(process.env.BENCH_DATABASE_URL) : null;
  // BENCH_MODES=node (or a list: dev,prod,node) measures some of them (quicker while iterating).
  const keys = (process.env.BENCH_MODES ?? "dev,prod,node").split(",") as Array<keyof typeof MODES>;
  const modes: Mode[] = keys.map((k) => {
    if (!(k in MODES)) throw new Error(`BENCH_MODES: unknown mode ${k} (dev, prod, node)`);
    return MODES[k];
  });
  const samples = new Map<string, Sample[]>();
  const record = (mode: Mode, kase: Case, sample: Sample) => {
    const key = `${mode}|${kase}`;
    samples.set(key, [...(samples.get(key) ?? []), sample]);
    console.error(`  ${mode.padEnd(23)} ${kase.padEnd(15)} ready ${s(sample.readyMs)}  idle ${mb(sample.idleRss)}`);
  };
  const load = [loadavg()[0]!];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      console.error(`round ${round}/${ROUNDS} (load ${loadavg()[0]!.toFixed(1)})`);
      // Alternate which mode goes first, so neither always runs on the warmer page cache.
      for (const mode of round % 2 ? modes : [...modes].reverse()) {
        const dataDir = mkdtempSync(join(tmpdir(), "jmo-bench-startup-"));
        try {
          const env = { DATA_DIR: join(dataDir, "pglite"), DATABASE_URL: "" };
          record(mode, "pglite fresh", await run(mode, env));
          record(mode, "pglite restart", await run(mode, env));
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
        if (pg) record(mode, "postgres", await run(mode, { DATABASE_URL: pg.databaseUrl }));
        load.push(loadavg()[0]!);
      }
    }
  } finally {
    await pg?.drop();
  }

  console.log(`\nStartup, median of ${ROUNDS} interleaved rounds (load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} on ${
    (await import("node:os")).cpus().length} cores); idle RSS ${IDLE_MS / 1000} s after ready, whole process tree\n`);
  console.log(`| database | start | ${modes.map((m) => `${m}: ready / idle RSS`).join(" | ")} |`);
  console.log(`|---|---|${modes.map(() => "---:").join("|")}|`);
  for (const kase of ["pglite fresh", "pglite restart", "postgres"] as Case[]) {
    const rows = modes.map((mode) => samples.get(`${mode}|${kase}`) ?? []);
    if (rows.some((r) => r.length === 0)) continue;
    const ready = rows.map((r) => median(r.map((x) => x.readyMs)));
    const idle = rows.map((r) => median(r.map((x) => x.idleRss)));
    const [database, start] = kase.split(" ");
    // Ready time relative to the first mode measured (pnpm start in development, by default).
    const cells = modes.map((_, i) => `${s(ready[i]!)}${i > 0 ? ` (${(ready[i]! / ready[0]!).toFixed(2)}×)` : ""} / ${mb(idle[i]!)}`);
    console.log(`| ${database} | ${start ?? "restart (seeded)"} | ${cells.join(" | ")} |`);
  }
  console.log("\nProcesses in each tree (last sample):");
  for (const mode of modes) {
    const last = samples.get(`${mode}|pglite restart`)?.at(-1);
    if (last) console.log(`  ${mode}: ${last.processes.join(" → ")}`);
  }
}

await main();
