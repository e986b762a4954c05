// Named prepared statements or unnamed ones (DATABASE_PREPARE), direct and behind PgBouncer in transaction pooling
// (docs/deployment.md, PgBouncer): 3000 runs of a hot read of constant text (Database.query) on 6 connections, with the
// errors PostgreSQL logs meanwhile when it can read its log. PostgreSQL and PgBouncer (Debian's) only.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx --conditions=source packages/api/bench/prepared-statements.ts
//
// It creates a database of its own (migrated, empty: the read finds no rows, which is the statement's cost alone) and
// drops it afterwards.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import { openDatabase } from "../src/db/database.ts";
import { pgbouncerInstalled, startPgBouncer, stopProcess } from "../scripts/local-cluster.ts";

const url = process.env.BENCH_DATABASE_URL;
if (!url || !pgbouncerInstalled()) {
  console.log("prepared-statements needs BENCH_DATABASE_URL (PostgreSQL) and PgBouncer (/usr/sbin/pgbouncer)");
  process.exit(0);
}
const RUNS = 500;
const CONNECTIONS = 6;
const SERVER_LOG = process.env.BENCH_PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";
const TEXT = `select a.id, a.email, s.id from accounts a join sessions s on s.account_id = a.id where a.id = any($1::uuid[]) and s.revoked_at is null`;
const loggedErrors = () => {
  try {
    return readFileSync(SERVER_LOG, "utf8").split("prepared statement").length - 1;
  } catch {
    return NaN;
  }
};

const name = `jmo_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(url, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const u = new URL(url);
u.pathname = `/${name}`;
const benchUrl = u.toString();
const workDir = mkdtempSync(join(tmpdir(), "jmo-bench-pgbouncer-"));
const bouncer = await startPgBouncer(benchUrl, workDir, 3);
try {
  const setup = openDatabase({ kind: "postgres", url: benchUrl });
  await setup.migrate();
  await setup.close();
  const ids = Array.from({ length: 5 }, () => randomUUID());
  console.log(`${RUNS * CONNECTIONS} runs on ${CONNECTIONS} connections; PgBouncer: transaction pooling, 3 server connections`);
  for (const [label, target] of [["direct", benchUrl], ["PgBouncer", bouncer.url]] as const) {
    for (const prepare of [true, false]) {
      const db = openDatabase({ kind: "postgres", url: target, prepare, max: CONNECTIONS });
      await Promise.all(Array.from({ length: CONNECTIONS }, () => db.query(TEXT, [ids])));
      const errorsBefore = loggedErrors();
      let failed = 0;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          for (let i = 0; i < RUNS; i++) await db.query(TEXT, [ids]).catch(() => failed++);
        }),
      );
      const ms = performance.now() - t;
      console.log(
        `${label.padEnd(9)} DATABASE_PREPARE=${String(prepare).padEnd(5)} ${ms.toFixed(0).padStart(5)} ms, ` +
          `${((ms * 1000 * CONNECTIONS) / (RUNS * CONNECTIONS)).toFixed(0)} µs per statement per connection, ${failed} failed, ` +
          `${loggedErrors() - errorsBefore} "prepared statement … does not exist" errors in PostgreSQL's log`,
      );
      await db.close();
    }
  }
} finally {
  await stopProcess(bouncer);
  rmSync(workDir, { recursive: true, force: true });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
