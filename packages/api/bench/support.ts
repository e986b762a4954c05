// What the HTTP benchmarks share: free ports, percentiles, the compiled server's environment for a measurement, and the
// bench accounts (one per participant, `bench.<participant id>@bench.test`, reused by later runs on the same database).
import { randomBytes } from "node:crypto";
import net from "node:net";
import postgres from "postgres";
import { openDatabase, type Database } from "../src/db/database.ts";
import { hashPassword } from "../src/modules/accounts/password.ts";

/** Every bench account's password (bench:compare and bench:home-scale sign the same accounts in). */
export const BENCH_PASSWORD = "Bench#Compare2026";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The value at quantile q of sorted values (nearest rank). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * A scratch database for an in-process bench: a fresh PostgreSQL database on BENCH_DATABASE_URL (dropped by `drop`),
 * or an in-memory PGlite when it is unset. Not migrated.
 */
export async function openBenchDatabase(max = 20): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { database: openDatabase({ kind: "pglite", dataDir: null }), drop: async () => {} };
  const name = `jmo_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = openDatabase({ kind: "postgres", url: u.toString(), max });
  return {
    database,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The environment of a compiled server (`node packages/api/dist/src/main.js`) being measured: production mode, tokens
 * that outlive the run, no background workers, and sign-ins from one address each (X-Forwarded-For, trusted from
 * loopback only): login is limited per address (rate-limit.ts) and the bench signs hundreds of participants in.
 */
export function measuredServerEnv(databaseUrl: string, port: number, tokenSecret: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    PORT: String(port),
    TOKEN_SECRET: tokenSecret,
    LOG_LEVEL: "warn",
    SEED_DEMO_ACCOUNTS: "false",
    ACCESS_TOKEN_TTL_SECONDS: "3600",
    // The home query is not an SDK operation: trusted documents stay off (the default, set in case it changes).
    TRUSTED_DOCUMENTS: "off",
    TRUST_PROXY: "loopback",
    PENGKINIAN_WORKER_INTERVAL_MS: "0",
    KLAIM_WORKER_INTERVAL_MS: "0",
  };
}

/**
 * Accounts for the first `users` participants (by NIK) that have no account of their own (the demo accounts keep
 * theirs), all with one password hash, as the seeder does. Idempotent, so a reused database keeps its bench accounts.
 */
export async function benchAccounts(sql: postgres.Sql, users: number): Promise<Array<{ email: string; participantId: string }>> {
  const hash = await hashPassword(BENCH_PASSWORD);
  await sql`insert into accounts (participant_id, email, password_hash)
    select p.id, 'bench.' || p.id || '@bench.test', ${hash}
    from participants p
    where not exists (select 1 from accounts a where a.participant_id = p.id)
      and p.id in (select p2.id from participants p2
        where not exists (select 1 from accounts a2 where a2.participant_id = p2.id and a2.email not like 'bench.%@bench.test')
        order by p2.nik limit ${users})
    on conflict do nothing`;
  return sql<Array<{ email: string; participantId: string }>>`
    select a.email, a.participant_id as "participantId" from accounts a
    where a.email like 'bench.%@bench.test' order by (select nik from participants p where p.id = a.participant_id) limit ${users}`;
}
