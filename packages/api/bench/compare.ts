// Benchmark (issue 12, goal 1): the home query (`me`) of the project, in production mode from the compiled build,
// side by side with PostGraphile v4 and with the project's own SQL sent straight through postgres.js, on one
// PostgreSQL database seeded by the project's seeder.
//   pnpm bench:compare [--participants 300] [--rounds 5] [--duration 5] [--concurrency 1,10,50] [--json out.json]
//   pnpm bench:compare --database-url postgres://…/jmo_seed_bench_xxxx   (an already seeded database, kept)
// Systems:
//   project  node packages/api/dist/src/main.js (NODE_ENV=production), its pool of 10 connections
//   pg-sql   PostGraphile 4.14.1 (its CLI, pool of 10) computing the same saldo in SQL (bench/compare.postgraphile.sql)
//   pg-raw   PostGraphile returning the raw ledger rows (cards → contributions), nothing computed
//   raw-sql  in this process, postgres.js (max 10) sending the statements the project sends for one home query
//   data-layer  in this process, the project's own repositories (Database.query, row mapping) making the same reads:
//            the SQL layer alone, compared with raw-sql ("in-process floor")
// Each virtual client runs a closed loop (next request when the answer is in), round-robin over hundreds of distinct
// participants, each signed in once. For each concurrency, R rounds run every system for D seconds in rotating order;
// ratios are medians of per-round ratios. Any non-200 answer or GraphQL error counts as an error.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the admin connection: a database of its
// own is created there and dropped at the end (unless --keep). With --database-url the benchmark adds accounts
// (bench.<participant id>@bench.test, reused by later runs) and sessions, and drops its schemas bench_pg and
// bench_pg_private at the end. PostGraphile is installed with npm into ${XDG_CACHE_HOME:-~/.cache}/jmo-bench/postgraphile
// (it needs graphql 15; the workspace pins 16). `pnpm build` runs first when packages/api/dist is older than the
// source (--skip-build: use it as it is). Other options: --users (300 signed-in participants), --warmup (2 s per
// system before each concurrency), --systems (a subset), --skip-capture (no statement capture).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { homedir, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { openDatabase } from "../src/db/database.ts";
import { accounts, sessions } from "../src/db/schema.ts";
import { accountRepository, SESSION_WITH_ACCOUNT } from "../src/modules/accounts/account.repository.ts";
import { FIND_WITH_CARDS_AND_SALDO, participantRepository } from "../src/modules/participants/participant.repository.ts";
import { BENCH_PASSWORD, benchAccounts, freePort, measuredServerEnv, median, quantile, sleep } from "./support.ts";
import { buildStatements, type YearRate } from "../src/modules/saldo/jht-engine.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const API = join(ROOT, "packages/api");
const COMPILED_MAIN = join(API, "dist/src/main.js");
const COMPILED_SEED = join(API, "dist/scripts/seed.js");
const PG_SQL_FILE = fileURLToPath(new URL("./compare.postgraphile.sql", import.meta.url));
const POSTGRAPHILE_VERSION = "4.14.1";
const GRAPHQL15_VERSION = "15.8.0";
const POSTGRAPHILE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "jmo-bench", "postgraphile");
const TOKEN_SECRET = "bench-compare-secret-0123456789-abcdefghij";
const PG_JWT_SECRET = "bench-compare-postgraphile-secret-0123456789";
const PASSWORD = BENCH_PASSWORD;
// Both servers use a pool of this many connections (postgres.js' default max in src/db/database.ts; PostGraphile's
// --max-pool-size defaults to 10 as well, set explicitly below), and so does the raw SQL floor.
const POOL = 10;

const { values: args } = parseArgs({
  options: {
    participants: { type: "string", default: "300" },
    "database-url": { type: "string" },
    keep: { type: "boolean", default: false },
    rounds: { type: "string", default: "5" },
    duration: { type: "string", default: "5" },
    warmup: { type: "string", default: "2" },
    concurrency: { type: "string", default: "1,10,50" },
    users: { type: "string", default: "300" },
    systems: { type: "string", default: "project,pg-sql,pg-raw,raw-sql,data-layer" },
    json: { type: "string" },
    "skip-capture": { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
  },
});
const ROUNDS = positive("rounds");
const DURATION_MS = positive("duration") * 1000;
const WARMUP_MS = Number(args.warmup) * 1000;
const CONCURRENCY = args.concurrency!.split(",").map((c) => Number(c.trim()));
const USERS = positive("users");
const SEED_PARTICIPANTS = Number(args.participants);
const SYSTEMS = args.systems!.split(",").map((s) => s.trim()) as SystemName[];
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function positive(name: keyof typeof args): number {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}

type SystemName = "project" | "pg-sql" | "pg-raw" | "raw-sql" | "data-layer";
const ALL_SYSTEMS: SystemName[] = ["project", "pg-sql", "pg-raw", "raw-sql", "data-layer"];
for (const s of SYSTEMS) if (!ALL_SYSTEMS.includes(s)) throw new Error(`unknown system ${s}; known: ${ALL_SYSTEMS.join(", ")}`);

// ---------------------------------------------------------------------------------------------------------------
// The queries

/** The project's home query, exactly as issue 12 names it. */
const HOME_QUERY = `{ me { fullName nikMasked cards { kpjMasked status segment employer { name } lastReported { period wage } saldoJht { total } } saldoJht { total years { year saldoAwal iuranPemberiKerja iuranPekerja pengembangan saldoAkhir } } } }`;

/** The same answer from PostGraphile, the saldo computed by the SQL port (compare.postgraphile.sql). */
const PG_SQL_QUERY = `{ me: currentParticipant { fullName nikMasked cards: cardsByParticipantIdList(orderBy: [REGISTERED_AT_ASC, KPJ_ASC]) { kpjMasked status segment employer: employerByEmployerId { name } lastReported { period wage } saldoJht { total } } saldoJht { total years { year saldoAwal iuranPemberiKerja iuranPekerja pengembangan saldoAkhir } } } }`;

/** PostGraphile returning the raw rows a client would compute the home screen from: cards and their whole ledger. */
const PG_RAW_QUERY = `{ me: currentParticipant { fullName nik cards: cardsByParticipantIdList(orderBy: [REGISTERED_AT_ASC, KPJ_ASC]) { kpj status segment employer: employerByEmployerId { name } contributions: contributionsByCardIdList(orderBy: PERIOD_ASC) { period wageSen jhtEmployerSen jhtWorkerSen } } } }`;

interface User {
  email: string;
  participantId: string;
  accountId: string;
  sessionId: string;
  /** The project's access token. */
  token: string;
  /** A PostGraphile JWT carrying the same session. */
  pgToken: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The raw SQL floor: what the project's server sends to PostgreSQL for one home query, without HTTP or GraphQL.

/** `alias."column", …` of a drizzle table in its column order, as the project's db/table-reader.ts writes select lists. */
function columnList(table: PgTable, alias: string): { select: string; index: (name: string) => number; width: number } {
  const names = Object.values(getTableColumns(table)).map((c) => c.name);
  return { select: names.map((n) => `${alias}."${n}"`).join(", "), index: (n) => names.indexOf(n), width: names.length };
}
const SESSION_COLUMNS = columnList(sessions, "s");
const ACCOUNT_COLUMNS = columnList(accounts, "a");

/**
 * The statements the project sends for one `me` home query once the participant's closed years are kept, in the same
 * order, with the same dependencies and as postgres.js prepared statements like the project's Database.query: the
 * session with its account (account.repository.ts findSessionWithAccount, read on every request), then the
 * participant with cards, employers and the saldo read of all the cards in one statement (participant.repository.ts
 * findWithCardsAndSaldo). The texts are the repositories' own (imported); the benchmark also captures what the server
 * sends and prints whether it is the same: update this function when the repositories change.
 */
async function rawSqlHomeQuery(sql: postgres.Sql, user: Pick<User, "sessionId" | "accountId">): Promise<number> {
  const [session] = await sql.unsafe(SESSION_WITH_ACCOUNT, [user.sessionId], { prepare: true }).values();
  const account = (name: string) => session![SESSION_COLUMNS.width + ACCOUNT_COLUMNS.index(name)];
  if (!session || session[SESSION_COLUMNS.index("revoked_at")] !== null || account("blocked_at") !== null || account("id") !== user.accountId) {
    throw new Error("session not live");
  }
  const rows = await sql.unsafe(FIND_WITH_CARDS_AND_SALDO.one, [account("participant_id") as string], { prepare: true }).values();
  if (rows.length === 0) throw new Error("participant not found");
  return 2;
}

/** The same reads through the project's own data layer (repositories on Database.query, rows mapped as the server does). */
async function dataLayerHomeQuery(database: ReturnType<typeof openDatabase>, user: Pick<User, "sessionId" | "accountId">): Promise<number> {
  const found = await accountRepository.findSessionWithAccount(database, user.sessionId);
  if (!found || found.session.revokedAt || found.account.blockedAt || found.account.id !== user.accountId) throw new Error("session not live");
  const read = await participantRepository.findWithCardsAndSaldo(database, [found.account.participantId!]);
  if (read.participants.size === 0) throw new Error("participant not found");
  return 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Processes and set-up

const log = (line: string) => console.error(`[compare] ${line}`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `pnpm build` when the compiled server is missing or older than the api's or the schema's source. */
function ensureBuild(): void {
  const sources = Math.max(newestMtime(join(API, "src")), newestMtime(join(ROOT, "packages/schema/src")), newestMtime(join(API, "scripts")));
  if (existsSync(COMPILED_MAIN) && existsSync(COMPILED_SEED) && statSync(COMPILED_MAIN).mtimeMs >= sources) return;
  if (args["skip-build"]) {
    log("packages/api/dist is missing or older than the source; --skip-build: using it as it is");
    return;
  }
  log("packages/api/dist is missing or older than the source: pnpm build");
  const r = spawnSync("pnpm", ["build"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("pnpm build failed");
}

/** PostGraphile 4 with graphql 15 in a folder of its own (the workspace's pnpm override pins graphql 16). */
function ensurePostgraphile(): string {
  const cli = join(POSTGRAPHILE_DIR, "node_modules/postgraphile/cli.js");
  const manifest = join(POSTGRAPHILE_DIR, "package.json");
  const wanted = JSON.stringify(
    { name: "jmo-bench-postgraphile", private: true, dependencies: { postgraphile: POSTGRAPHILE_VERSION, graphql: GRAPHQL15_VERSION } },
    null,
    2,
  );
  if (existsSync(cli) && existsSync(manifest) && readFileSync(manifest, "utf8") === wanted) return cli;
  mkdirSync(POSTGRAPHILE_DIR, { recursive: true });
  writeFileSync(manifest, wanted);
  log(`installing postgraphile@${POSTGRAPHILE_VERSION} + graphql@${GRAPHQL15_VERSION} into ${POSTGRAPHILE_DIR}`);
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: POSTGRAPHILE_DIR, stdio: "inherit" });
  if (r.status !== 0 || !existsSync(cli)) throw new Error("npm install of postgraphile failed");
  return cli;
}

interface Running {
  name: string;
  url: string;
  child: ChildProcess;
}

/** Set once a server exits that was not asked to: the figures after that would be meaningless. */
let died: string | null = null;
let stopping = false;
const stopped = new WeakSet<ChildProcess>();

async function startProcess(name: string, command: string[], env: NodeJS.ProcessEnv, url: string, probe: string): Promise<Running> {
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: probe }) });
      if (res.ok) {
        child.once("exit", (code, signal) => {
          if (!stopping && !stopped.has(child)) died ??= `${name} exited (${code ?? signal}) during the run; its last output:\n${output.slice(-4000)}`;
        });
        return { name, url, child };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stopProcess(child);
  throw new Error(`${name} not ready in 120 s:\n${output}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  stopped.add(child);
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(-child.pid!, "SIGTERM");
  });
}

async function startProject(databaseUrl: string): Promise<Running> {
  const port = await freePort();
  return startProcess(
    "project",
    [process.execPath, COMPILED_MAIN],
    measuredServerEnv(databaseUrl, port, TOKEN_SECRET),
    `http://127.0.0.1:${port}/graphql`,
    "{ __typename }",
  );
}

async function startPostgraphile(cli: string, databaseUrl: string): Promise<Running> {
  const port = await freePort();
  return startProcess(
    "postgraphile",
    [
      process.execPath,
      cli,
      "--connection", databaseUrl,
      "--schema", "bench_pg",
      "--host", "127.0.0.1",
      "--port", String(port),
      "--jwt-secret", PG_JWT_SECRET,
      "--max-pool-size", String(POOL),
      "--simple-collections", "only",
      "--disable-default-mutations",
      "--disable-query-log",
      "--no-setof-functions-contain-nulls",
    ],
    { ...process.env, NODE_ENV: "production" },
    `http://127.0.0.1:${port}/graphql`,
    "{ __typename }",
  );
}

/** HS256 JWT as PostGraphile verifies it (audience "postgraphile"); its claims become jwt.claims.* settings. */
function postgraphileToken(user: Pick<User, "sessionId" | "accountId">): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ aud: "postgraphile", iat: now, exp: now + 24 * 3600, session_id: user.sessionId, account_id: user.accountId })}`;
  return `${body}.${createHmac("sha256", PG_JWT_SECRET).update(body).digest("base64url")}`;
}

/** A database of our own, migrated and seeded by the project's seeder; or the one given, kept as it is. */
async function prepareDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (args["database-url"]) {
    const url = args["database-url"];
    log(`using ${redact(url)} as it is (not dropped; its bench.*@bench.test accounts stay for the next run)`);
    const drop = async () => {
      if (args.keep) return;
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      await sql.unsafe("drop schema if exists bench_pg cascade; drop schema if exists bench_pg_private cascade");
      await sql.end();
    };
    return { url, drop };
  }
  const name = `jmo_compare_${randomBytes(4).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const drop = async () => {
    if (args.keep) log(`kept: ${u.toString()}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    log(`seeding ${name} with ${SEED_PARTICIPANTS} participants (pnpm db:seed, compiled)`);
    const started = Date.now();
    const r = spawnSync(process.execPath, [COMPILED_SEED, "--participants", String(SEED_PARTICIPANTS)], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "development", DATABASE_URL: u.toString(), SEED_DEMO_ACCOUNTS: "true", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (r.status !== 0) throw new Error(`seed failed with ${r.status}`);
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: u.toString(), drop };
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, "//…@");


async function graphql(url: string, query: string, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
}

/** Each participant signs in once through the project's login mutation (argon2), four at a time. */
async function signIn(projectUrl: string, accounts: Array<{ email: string; participantId: string }>): Promise<User[]> {
  const users: User[] = new Array(accounts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < accounts.length) {
        const i = next++;
        const a = accounts[i]!;
        const { body } = await graphql(
          projectUrl,
          `mutation { login(input: { identifier: ${JSON.stringify(a.email)}, password: ${JSON.stringify(PASSWORD)} }) { accessToken userErrors { code } } }`,
          undefined,
          { "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        );
        const token = body?.data?.login?.accessToken as string | undefined;
        if (!token) throw new Error(`login failed for ${a.email}: ${JSON.stringify(body)}`);
        const claims = jwtPayload(token);
        const user = { email: a.email, participantId: a.participantId, accountId: claims.sub as string, sessionId: claims.sid as string, token };
        users[i] = { ...user, pgToken: postgraphileToken(user) };
      }
    }),
  );
  return users;
}

// ---------------------------------------------------------------------------------------------------------------
// Statement capture: a TCP proxy between a server and PostgreSQL that records each statement executed (simple
// Query, or Bind of a statement Parse'd earlier on that connection), so the floor can be checked against the project.

interface Capture {
  port: number;
  statements: string[];
  close(): Promise<void>;
}

function startCaptureProxy(target: URL): Promise<Capture> {
  const statements: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    upstream.on("data", (d) => client.write(d));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    const named = new Map<string, string>();
    let buffer = Buffer.alloc(0);
    let startup = true;
    client.on("data", (d) => {
      upstream.write(d);
      buffer = Buffer.concat([buffer, d]);
      for (;;) {
        if (startup) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          // SSL and GSS encryption requests come before the real startup message.
          if (code !== 80877103 && code !== 80877104) startup = false;
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) return;
        const type = String.fromCharCode(buffer[0]!);
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        const cstrings = (n: number) => {
          const out: string[] = [];
          let at = 0;
          for (let i = 0; i < n; i++) {
            const end = body.indexOf(0, at);
            out.push(body.subarray(at, end).toString());
            at = end + 1;
          }
          return out;
        };
        if (type === "Q") statements.push(cstrings(1)[0]!);
        else if (type === "P") {
          const [name, text] = cstrings(2);
          named.set(name!, text!);
        } else if (type === "B") statements.push(named.get(cstrings(2)[1]!) ?? "?");
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        statements,
        close: () =>
          new Promise((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}

/** Placeholders and whitespace aside, so that texts built for different card counts compare equal. */
const normalise = (text: string) => text.replace(/\$\d+(,\s*\$\d+)*/g, "$n").replace(/\s+/g, " ").trim();
const short = (text: string) => (text.length > 150 ? `${text.slice(0, 147)}…` : text);

/**
 * Starts the project once more through the capture proxy, signs one participant in, runs the home query twice (the
 * first view may keep closed years) and returns the statements of the second; runs the floor through the proxy too.
 */
async function captureStatements(databaseUrl: string, user: User): Promise<{ project: string[]; firstView: number; floor: string[] }> {
  const target = new URL(databaseUrl);
  const proxy = await startCaptureProxy(target);
  const viaProxy = new URL(databaseUrl);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  const server = await startProject(viaProxy.toString());
  try {
    const ask = async () => {
      const before = proxy.statements.length;
      const r = await graphql(server.url, HOME_QUERY, user.token);
      if (r.status !== 200 || r.body?.errors) throw new Error(`capture: home query failed: ${JSON.stringify(r.body)}`);
      // Statements are written before their answers arrive, so all of this request's are in by now.
      return proxy.statements.slice(before);
    };
    const first = await ask();
    const project = await ask();
    const sql = postgres(viaProxy.toString(), { max: 1, onnotice: () => {} });
    drizzle(sql);
    // The connection's start-up (postgres.js reads the array types) is not part of a request.
    await sql`select 1`;
    const before = proxy.statements.length;
    try {
      await rawSqlHomeQuery(sql, user);
    } catch (error) {
      console.log(`  the raw SQL floor failed: ${String(error)}`);
    }
    const floor = proxy.statements.slice(before);
    await sql.end();
    return { project, firstView: first.length, floor };
  } finally {
    await stopProcess(server.child);
    await proxy.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Equality: PostGraphile (pg-sql) must return the project's figures to the sen.

function sameAnswer(project: any, pg: any): string | null {
  const sen = (rupiah: string) => BigInt(rupiah.replace(".", ""));
  const money = (a: string, b: string, where: string) => (sen(a) === sen(b) ? null : `${where}: ${a} ≠ ${b}`);
  if (project.fullName !== pg.fullName) return `fullName ${project.fullName} ≠ ${pg.fullName}`;
  if (project.nikMasked !== pg.nikMasked) return `nikMasked ${project.nikMasked} ≠ ${pg.nikMasked}`;
  if (project.cards.length !== pg.cards.length) return `${project.cards.length} cards ≠ ${pg.cards.length}`;
  for (const [i, a] of project.cards.entries()) {
    const b = pg.cards[i];
    for (const f of ["kpjMasked", "status", "segment"]) if (a[f] !== b[f]) return `card ${i} ${f}: ${a[f]} ≠ ${b[f]}`;
    if ((a.employer?.name ?? null) !== (b.employer?.name ?? null)) return `card ${i} employer`;
    if ((a.lastReported === null) !== (b.lastReported === null)) return `card ${i} lastReported presence`;
    if (a.lastReported && (a.lastReported.period !== b.lastReported.period || sen(a.lastReported.wage) !== sen(b.lastReported.wage)))
      return `card ${i} lastReported ${JSON.stringify(a.lastReported)} ≠ ${JSON.stringify(b.lastReported)}`;
    const d = money(a.saldoJht.total, b.saldoJht.total, `card ${i} saldo total`);
    if (d) return d;
  }
  const d = money(project.saldoJht.total, pg.saldoJht.total, "saldo total");
  if (d) return d;
  if (project.saldoJht.years.length !== pg.saldoJht.years.length) return `${project.saldoJht.years.length} years ≠ ${pg.saldoJht.years.length}`;
  for (const [i, a] of project.saldoJht.years.entries()) {
    const b = pg.saldoJht.years[i];
    if (a.year !== b.year) return `year ${a.year} ≠ ${b.year}`;
    for (const f of ["saldoAwal", "iuranPemberiKerja", "iuranPekerja", "pengembangan", "saldoAkhir"]) {
      const e = money(a[f], b[f], `${a.year} ${f}`);
      if (e) return e;
    }
  }
  return null;
}

async function verify(projectUrl: string, pgUrl: string, users: User[]): Promise<{ equal: number; checked: number; firstDifference: string | null }> {
  let equal = 0;
  let firstDifference: string | null = null;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < users.length) {
        const u = users[next++]!;
        const [a, b] = await Promise.all([graphql(projectUrl, HOME_QUERY, u.token), graphql(pgUrl, PG_SQL_QUERY, u.pgToken)]);
        const problem =
          a.status !== 200 || a.body?.errors || !a.body?.data?.me
            ? `project answered ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`
            : b.status !== 200 || b.body?.errors || !b.body?.data?.me
              ? `postgraphile answered ${b.status} ${JSON.stringify(b.body).slice(0, 300)}`
              : sameAnswer(a.body.data.me, b.body.data.me);
        if (problem === null) equal += 1;
        else firstDifference ??= `${u.email}: ${problem}`;
      }
    }),
  );
  return { equal, checked: users.length, firstDifference };
}

/**
 * The seeded ledger has no withdrawals, so the home query never takes the port's withdrawal path. Check it against
 * the project's engine (jht-engine.ts buildStatements) directly: in a transaction that is rolled back, give some
 * cards withdrawals (two in one month, one in the open year, one that empties the card) and compare every year.
 */
async function verifyEnginePort(sql: postgres.Sql, cardCount = 40): Promise<{ equal: number; checked: number; firstDifference: string | null }> {
  const rollback = new Error("rollback");
  let outcome = { equal: 0, checked: 0, firstDifference: null as string | null };
  await sql
    .begin(async (tx) => {
      const [{ asOf }] = (await tx`select bench_pg_private.today_wib()::text as "asOf"`) as unknown as [{ asOf: string }];
      const cardRows = await tx<Array<{ id: string }>>`select k.id from cards k
        where exists (select 1 from contributions c where c.card_id = k.id) order by k.kpj limit ${cardCount}`;
      const rates = new Map<number, YearRate>(
        (await tx<Array<{ year: number; rateBp: number; source: "OFFICIAL" | "ASSUMED" }>>`select year, rate_bp as "rateBp", source from jht_rates`).map(
          (r) => [r.year, { rateBp: r.rateBp, source: r.source }],
        ),
      );
      for (const [i, { id }] of cardRows.entries()) {
        const periods = await tx<Array<{ period: string }>>`select period::text as period from contributions where card_id = ${id} order by period`;
        const pick = (k: number) => periods[Math.min(periods.length - 1, Math.floor((periods.length * k) / 4))]!.period;
        const day = (period: string, d: number) => `${period.slice(0, 8)}${String(d).padStart(2, "0")}`;
        const outs = [{ paidOn: day(pick(1), 10 + (i % 15)), amountSen: 100_000n + BigInt(i) * 7_919n }];
        if (i % 3 === 0) outs.push({ paidOn: day(pick(1), 27), amountSen: 55_555n }, { paidOn: day(pick(3), 3), amountSen: 12_345n });
        if (i % 4 === 1) outs.push({ paidOn: `${asOf.slice(0, 8)}01`, amountSen: 1_000n });
        for (const w of outs) await tx`insert into jht_withdrawals (card_id, paid_on, amount_sen) values (${id}, ${w.paidOn}, ${w.amountSen.toString()})`;
        const ledger = (
          await tx<Array<{ period: string; e: string; w: string }>>`select period::text as period, jht_employer_sen::text as e, jht_worker_sen::text as w
            from contributions where card_id = ${id} order by period`
        ).map((r) => ({ period: r.period, employerSen: BigInt(r.e), workerSen: BigInt(r.w) }));
        const withdrawals = (
          await tx<Array<{ paidOn: string; amount: string }>>`select paid_on::text as "paidOn", amount_sen::text as amount from jht_withdrawals
            where card_id = ${id} order by paid_on`
        ).map((r) => ({ paidOn: r.paidOn, amountSen: BigInt(r.amount) }));
        // A withdrawal that empties the card at the end of a year: the balance the engine computes for that day.
        if (i % 5 === 2) {
          const year = Number(pick(2).slice(0, 4));
          const before = buildStatements({ closed: [], ledger, withdrawals }, rates, `${year}-12-31`).years.at(-1);
          if (before && year < Number(asOf.slice(0, 4))) {
            // What is left at the end of December once December's development is credited by the withdrawal itself.
            const probe = buildStatements({ closed: [], ledger, withdrawals: [...withdrawals, { paidOn: `${year}-12-31`, amountSen: 0n }] }, rates, `${year + 1}-01-01`);
            const closing = probe.years.find((y) => y.year === year)!.saldoAkhirSen;
            withdrawals.push({ paidOn: `${year}-12-31`, amountSen: closing });
            await tx`insert into jht_withdrawals (card_id, paid_on, amount_sen) values (${id}, ${`${year}-12-31`}, ${closing.toString()})`;
          }
        }
        const engine = buildStatements({ closed: [], ledger, withdrawals }, rates, asOf).years;
        const port = await tx<Array<Record<string, string>>>`select yr::text, awal::text, employer::text, worker::text, dev::text, outs::text, akhir::text
          from bench_pg_private.card_years(${id}, ${asOf}::date) order by yr`;
        outcome.checked += 1;
        const same =
          engine.length === port.length &&
          engine.every((y, k) => {
            const p = port[k]!;
            return (
              String(y.year) === p.yr && String(y.saldoAwalSen) === p.awal && String(y.iuranPemberiKerjaSen) === p.employer &&
              String(y.iuranPekerjaSen) === p.worker && String(y.pengembanganSen) === p.dev && String(y.penarikanSen) === p.outs &&
              String(y.saldoAkhirSen) === p.akhir
            );
          });
        if (same) outcome.equal += 1;
        else
          outcome.firstDifference ??= `card ${id}: engine ${JSON.stringify(engine.map((y) => [y.year, String(y.pengembanganSen), String(y.penarikanSen), String(y.saldoAkhirSen)]))} ≠ port ${JSON.stringify(port.map((p) => [p.yr, p.dev, p.outs, p.akhir]))}`;
      }
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// Load

type Request = (user: User) => Promise<string | null>;

/** A keep-alive HTTP POST of one GraphQL document; null when the answer is a 200 with data and no errors. */
function httpSystem(url: string, query: string, tokenOf: (u: User) => string, agent: http.Agent): Request {
  const u = new URL(url);
  const body = JSON.stringify({ query });
  const length = String(Buffer.byteLength(body));
  return (user) =>
    new Promise((resolve) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": length, authorization: `Bearer ${tokenOf(user)}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode !== 200) return resolve(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
            try {
              const parsed = JSON.parse(text) as { data?: { me?: unknown }; errors?: unknown };
              if (parsed.errors || !parsed.data?.me) return resolve(`GraphQL: ${text.slice(0, 300)}`);
              resolve(null);
            } catch {
              resolve(`not JSON: ${text.slice(0, 300)}`);
            }
          });
          res.on("error", (e) => resolve(String(e)));
        },
      );
      req.on("error", (e) => resolve(String(e)));
      req.end(body);
    });
}

interface Sample {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

/** `clients` closed loops for `ms`, each request for the next participant in turn. */
async function drive(request: Request, users: User[], clients: number, ms: number, onError: (e: string) => void): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  let turn = 0;
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const user = users[turn++ % users.length]!;
        const t = performance.now();
        const error = await request(user);
        latencies.push(performance.now() - t);
        if (error !== null) {
          errors += 1;
          onError(error);
        }
      }
    }),
  );
  return { requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies };
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const loadStart = loadavg();
  log(`load average at start: ${loadStart.map((l) => l.toFixed(2)).join(" ")}`);
  ensureBuild();
  const postgraphileCli = SYSTEMS.some((s) => s.startsWith("pg-")) ? ensurePostgraphile() : null;
  const database = await prepareDatabase();
  const running: Running[] = [];
  // The servers run in process groups of their own: stop them (and drop the database) on Ctrl-C too.
  const interrupted = async () => {
    log("interrupted: stopping the servers");
    stopping = true;
    await Promise.all(running.map((r) => stopProcess(r.child)));
    await database.drop().catch(() => {});
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  const sql = postgres(database.url, { max: POOL, onnotice: () => {} });
  const projectDatabase = openDatabase({ kind: "postgres", url: database.url, max: POOL });
  // drizzle sets the client's parsers (dates and timestamps as text), as on the project's own client.
  drizzle(sql);
  try {
    await sql.unsafe(readFileSync(PG_SQL_FILE, "utf8"));
    const accounts = await benchAccounts(sql, USERS);
    const [counts] = await sql`select (select count(*) from participants)::int as participants, (select count(*) from cards)::int as cards,
      (select count(*) from contributions)::int as ledger, (select count(*) from jht_withdrawals)::int as withdrawals`;
    log(`database: ${counts!.participants} participants, ${counts!.cards} cards, ${counts!.ledger} ledger rows, ${counts!.withdrawals} withdrawals`);

    const project = await startProject(database.url);
    running.push(project);
    log(`project (compiled, NODE_ENV=production) at ${project.url}; signing in ${accounts.length} participants`);
    const users = await signIn(project.url, accounts);

    // The first view of each participant keeps their closed years (saldo.service.ts): visit everyone once first.
    const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...CONCURRENCY, 10) });
    const requests: Partial<Record<SystemName, Request>> = {
      project: httpSystem(project.url, HOME_QUERY, (u) => u.token, agent),
      "raw-sql": (u) => rawSqlHomeQuery(sql, u).then(() => null, (e: unknown) => String(e)),
      "data-layer": (u) => dataLayerHomeQuery(projectDatabase, u).then(() => null, (e: unknown) => String(e)),
    };
    for (let i = 0; i < users.length; i += 10) await Promise.all(users.slice(i, i + 10).map((u) => requests.project!(u)));

    let capture: Awaited<ReturnType<typeof captureStatements>> | null = null;
    if (!args["skip-capture"]) {
      capture = await captureStatements(database.url, users[0]!);
      const same = capture.project.length === capture.floor.length && capture.project.every((s, i) => normalise(s) === normalise(capture!.floor[i]!));
      console.log(`\nStatements per home query: project ${capture.project.length} (first view ${capture.firstView}), raw SQL floor ${capture.floor.length}: ${same ? "same texts" : "DIFFERENT (update rawSqlHomeQuery)"}`);
      const show = (s: string) => (same ? short(s.replace(/\s+/g, " ")) : s.replace(/\s+/g, " "));
      for (const s of capture.project) console.log(`  project: ${show(s)}`);
      if (!same) for (const s of capture.floor) console.log(`  floor:   ${show(s)}`);
    }

    let verification: Awaited<ReturnType<typeof verify>> | null = null;
    if (postgraphileCli) {
      const pg = await startPostgraphile(postgraphileCli, database.url);
      running.push(pg);
      log(`postgraphile ${POSTGRAPHILE_VERSION} at ${pg.url}`);
      requests["pg-sql"] = httpSystem(pg.url, PG_SQL_QUERY, (u) => u.pgToken, agent);
      requests["pg-raw"] = httpSystem(pg.url, PG_RAW_QUERY, (u) => u.pgToken, agent);
      const port = await verifyEnginePort(sql);
      console.log(`\nSQL port of the saldo engine vs jht-engine.ts, every year of cards given withdrawals (rolled back): equal for ${port.equal}/${port.checked}`);
      if (port.firstDifference) {
        console.log(`  first difference: ${port.firstDifference}`);
        process.exitCode = 1;
        return;
      }
      verification = await verify(project.url, pg.url, users);
      console.log(`\nPostGraphile (pg-sql) vs project, every figure of the home query to the sen: equal for ${verification.equal}/${verification.checked}`);
      if (verification.firstDifference) {
        console.log(`  first difference: ${verification.firstDifference}`);
        process.exitCode = 1;
        return;
      }
    }

    const systems = SYSTEMS.filter((s) => requests[s]);
    const printed = new Set<string>();
    const onError = (system: string) => (e: string) => {
      if (printed.has(system)) return;
      printed.add(system);
      console.log(`  first error of ${system}: ${e}`);
    };
    type Round = Record<string, { rps: number; errors: number; requests: number; p50: number; p99: number }>;
    const results: Array<{ clients: number; rounds: Round[]; pooled: Record<string, { p50: number; p99: number; errors: number }> }> = [];
    for (const clients of CONCURRENCY) {
      for (const s of systems) await drive(requests[s]!, users, clients, WARMUP_MS, onError(s));
      if (died) throw new Error(died);
      const rounds: Round[] = [];
      const all: Record<string, number[]> = Object.fromEntries(systems.map((s) => [s, []]));
      const errors: Record<string, number> = Object.fromEntries(systems.map((s) => [s, 0]));
      for (let r = 0; r < ROUNDS; r++) {
        const round: Round = {};
        for (let k = 0; k < systems.length; k++) {
          const s = systems[(k + r) % systems.length]!;
          const sample = await drive(requests[s]!, users, clients, DURATION_MS, onError(s));
          if (died) throw new Error(died);
          const sorted = sample.latencies.sort((a, b) => a - b);
          round[s] = { rps: sample.requests / sample.seconds, errors: sample.errors, requests: sample.requests, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
          all[s]!.push(...sorted);
          errors[s]! += sample.errors;
        }
        rounds.push(round);
        log(`c=${clients} round ${r + 1}/${ROUNDS}: ${systems.map((s) => `${s} ${round[s]!.rps.toFixed(0)} req/s`).join(", ")}`);
      }
      const pooled = Object.fromEntries(
        systems.map((s) => {
          const sorted = all[s]!.sort((a, b) => a - b);
          return [s, { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), errors: errors[s]! }];
        }),
      );
      results.push({ clients, rounds, pooled });
    }
    const loadEnd = loadavg();

    // The table
    const ratioBetween = (rounds: Round[], a: string, b: string) =>
      systems.includes(a as SystemName) && systems.includes(b as SystemName) ? median(rounds.map((r) => r[a]!.rps / r[b]!.rps)) : NaN;
    const ratioOf = (rounds: Round[], other: string) => ratioBetween(rounds, "project", other);
    const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
    const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
    const f2 = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "–");
    console.log(
      `\nHome query, ${users.length} distinct participants round-robin (${counts!.participants} in the database, ${counts!.ledger} ledger rows); ` +
        `${ROUNDS} interleaved rounds of ${DURATION_MS / 1000} s per system and concurrency; req/s = median of rounds, ` +
        `p50/p99 over all rounds' requests; ratios = median of per-round ratios of req/s. ` +
        `Load average ${loadStart.map((l) => l.toFixed(2)).join(" ")} at start, ${loadEnd.map((l) => l.toFixed(2)).join(" ")} at end.\n`,
    );
    const header = ["c", ...systems.map((s) => `${s} req/s (p50 / p99 ms)`), "project / pg-sql", "project / pg-raw", "project / raw-sql", "data-layer / raw-sql", "errors"];
    console.log(`| ${header.join(" | ")} |`);
    console.log(`|${header.map((_, i) => (i === 0 ? "---:" : "---:")).join("|")}|`);
    for (const r of results) {
      const cells = systems.map((s) => `${f0(median(r.rounds.map((x) => x[s]!.rps)))} (${f1(r.pooled[s]!.p50)} / ${f1(r.pooled[s]!.p99)})`);
      const errors = systems.reduce((n, s) => n + r.pooled[s]!.errors, 0);
      console.log(`| ${r.clients} | ${cells.join(" | ")} | ${f2(ratioOf(r.rounds, "pg-sql"))} | ${f2(ratioOf(r.rounds, "pg-raw"))} | ${f2(ratioOf(r.rounds, "raw-sql"))} | ${f2(ratioBetween(r.rounds, "data-layer", "raw-sql"))} | ${errors} |`);
      if (errors > 0) process.exitCode = 1;
    }

    if (args.json) {
      writeFileSync(
        args.json,
        JSON.stringify(
          {
            at: new Date().toISOString(),
            options: { rounds: ROUNDS, durationSeconds: DURATION_MS / 1000, warmupSeconds: WARMUP_MS / 1000, concurrency: CONCURRENCY, users: users.length, systems },
            database: counts,
            loadavg: { start: loadStart, end: loadEnd },
            statements: capture,
            verification,
            results: results.map((r) => ({
              clients: r.clients,
              rounds: r.rounds,
              pooled: r.pooled,
              medianRps: Object.fromEntries(systems.map((s) => [s, median(r.rounds.map((x) => x[s]!.rps))])),
              ratios: { "project/pg-sql": ratioOf(r.rounds, "pg-sql"), "project/pg-raw": ratioOf(r.rounds, "pg-raw"), "project/raw-sql": ratioOf(r.rounds, "raw-sql"), "data-layer/raw-sql": ratioBetween(r.rounds, "data-layer", "raw-sql") },
            })),
          },
          null,
          2,
        ),
      );
      log(`raw figures written to ${args.json}`);
    }
    agent.destroy();
  } finally {
    stopping = true;
    await Promise.all(running.map((r) => stopProcess(r.child)));
    await sql.end({ timeout: 5 });
    await projectDatabase.close();
    await database.drop();
  }
}

await main();
