// Benchmark: klaimStatusChanged with 1,000 open WebSocket subscriptions spread over two server instances (two
// processes, as two replicas behind a load balancer) on one PostgreSQL database. The script moves claims through
// AGENDA → VERIFIKASI → PENETAPAN → PEMBAYARAN → SELESAI with the worker's own event function (appendKlaimEvent, one
// transaction per step) and reports, per delivered event, the time from the committing transaction's return to its
// arrival at each subscriber (median, p95, p99, max), and every lost, duplicated or out-of-order event.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=source packages/api/bench/klaim-subscriptions.ts
// Options: BENCH_CLAIMS (100), BENCH_SUBSCRIBERS_PER_CLAIM (10: half on each instance), BENCH_CONCURRENCY (8 steps
// committing at once). It creates a database of its own and drops it afterwards.
// PostgreSQL only: the embedded PGlite database belongs to one process, so two server processes cannot share it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { createClient, type Client } from "graphql-ws";
import postgres from "postgres";
import WebSocket from "ws";
import { configureLogger } from "../src/common/logger.ts";
import { toGlobalId } from "../src/common/global-id.ts";
import { openDatabase, type Database } from "../src/db/database.ts";
import { accounts, cards, klaims, participants } from "../src/db/schema.ts";
import { hashPassword } from "../src/modules/accounts/password.ts";
import { appendKlaimEvent } from "../src/modules/klaim/klaim-events.ts";
import type { KlaimStatusValue } from "../src/modules/klaim/klaim.table.ts";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100);
const PER_CLAIM = Number(process.env.BENCH_SUBSCRIBERS_PER_CLAIM ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PASSWORD = "Bench#2026";
const TOKEN_SECRET = "bench-secret-that-is-long-enough-0123456789";
const STEPS: KlaimStatusValue[] = ["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"];
const SUBSCRIPTION = `subscription($klaimId: ID!, $afterSequence: Int) { klaimStatusChanged(klaimId: $klaimId, afterSequence: $afterSequence) { sequence status } }`;

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.log(
    "klaim-subscriptions needs PostgreSQL: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).\n" +
      "The embedded PGlite database belongs to one process, so two server instances in two processes cannot share it,\n" +
      "and cross-instance delivery (LISTEN/NOTIFY between processes) is what this benchmark measures.",
  );
  process.exit(0);
}
configureLogger("silent");

function startServerProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", "packages/api/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      TOKEN_SECRET,
      // The benchmark moves the claims itself, so that it knows when each step committed.
      KLAIM_WORKER_INTERVAL_MS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (m) {
        clearTimeout(timer);
        // Keep draining the pipe so the server never blocks on a full one.
        child.stdout!.removeAllListeners("data");
        child.stdout!.resume();
        resolve({ url: m[1]!, child });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function login(serverUrl: string, email: string): Promise<string> {
  const res = await fetch(serverUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, variables: { i: { identifier: email, password: PASSWORD } } }),
  });
  const body = (await res.json()) as { data?: { login?: { accessToken?: string } } };
  const token = body.data?.login?.accessToken;
  if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(body)}`);
  return token;
}

/** Claims in DRAFT (no events yet), each with its owner's account. */
async function seed(database: Database): Promise<Array<{ id: string; email: string }>> {
  const db = database.db;
  const passwordHash = await hashPassword(PASSWORD);
  const out: Array<{ id: string; email: string }> = [];
  for (let i = 0; i < CLAIMS; i++) {
    const n = String(i).padStart(5, "0");
    const [p] = await db
      .insert(participants)
      .values({ nik: `31740714059${n}`, fullName: `Bench Peserta ${n}`, birthDate: "1990-05-14", gender: "LAKI_LAKI", pengkinianStatus: "TERVERIFIKASI" })
      .returning();
    const [card] = await db
      .insert(cards)
      .values({ participantId: p!.id, kpj: `210${n}000`, registeredNik: p!.nik, registeredBirthDate: p!.birthDate, segment: "PU", status: "NONAKTIF", registeredAt: "2020-01-01", nonaktifSince: "2024-12-31" })
      .returning();
    const email = `bench${n}@example.test`;
    await db.insert(accounts).values({ participantId: p!.id, email, passwordHash });
    const [k] = await db.insert(klaims).values({ participantId: p!.id, cardId: card!.id, sebab: "PHK" }).returning();
    out.push({ id: k!.id, email });
  }
  return out;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const name = `jmo_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url!);
  u.pathname = `/${name}`;
  const benchUrl = u.toString();
  const database = openDatabase({ kind: "postgres", url: benchUrl, max: CONCURRENCY + 2 });
  const servers: ChildProcess[] = [];
  const clients: Client[] = [];
  try {
    await database.migrate();
    const claims = await seed(database);
    const [a, b] = await Promise.all([startServerProcess(benchUrl), startServerProcess(benchUrl)]);
    servers.push(a.child, b.child);
    const instances = [a.url, b.url];

    // Each owner signs in once; their subscriptions are spread over both instances, one WebSocket each.
    const tokens = new Map<string, string>();
    for (const c of claims) tokens.set(c.id, await login(a.url, c.email));
    type Received = { sequence: number; at: number }[];
    const subscribers: Array<{ klaimId: string; instance: number; received: Received; completed: boolean; error: unknown }> = [];
    const acks: Promise<void>[] = [];
    for (const c of claims) {
      for (let s = 0; s < PER_CLAIM; s++) {
        const instance = s % 2;
        const sub = { klaimId: c.id, instance, received: [] as Received, completed: false, error: undefined as unknown };
        subscribers.push(sub);
        const client = createClient({
          url: instances[instance]!.replace(/^http/, "ws"),
          webSocketImpl: WebSocket,
          lazy: false,
          retryAttempts: 0,
          connectionParams: { authorization: `Bearer ${tokens.get(c.id)}` },
        });
        clients.push(client);
        acks.push(new Promise((resolve) => client.on("connected", () => resolve())));
        client.subscribe<{ klaimStatusChanged: { sequence: number } }>(
          { query: SUBSCRIPTION, variables: { klaimId: toGlobalId("Klaim", c.id), afterSequence: 0 } },
          {
            next: (r) => {
              const at = performance.now();
              if (r.data) sub.received.push({ sequence: r.data.klaimStatusChanged.sequence, at });
              else sub.error = r.errors;
            },
            error: (e) => (sub.error = e),
            complete: () => (sub.completed = true),
          },
        );
      }
    }
    await Promise.all(acks);
    // The protocol does not confirm that a subscription is in place: give the subscribe messages time to arrive.
    await new Promise((r) => setTimeout(r, 2000));
    console.log(`${subscribers.length} subscriptions open (${PER_CLAIM / 2} per claim on each of 2 instances), ${CLAIMS} claims`);

    // Steps in rounds (every claim's AGENDA, then every claim's VERIFIKASI, …), CONCURRENCY transactions at a time.
    const committed = new Map<string, number>();
    const started = performance.now();
    for (const status of STEPS) {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < claims.length) {
            const c = claims[next++]!;
            const sequence = await database.db.transaction(async (tx) => {
              await tx.update(klaims).set({ status, nextActionAt: null }).where(eq(klaims.id, c.id));
              return (await appendKlaimEvent(tx, c.id, status, status, "system")).sequence;
            });
            committed.set(`${c.id}:${sequence}`, performance.now());
          }
        }),
      );
    }
    const driveMs = performance.now() - started;
    // Wait (up to 30 s) until every subscriber has seen SELESAI or stopped.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && subscribers.some((s) => !s.completed && !s.error)) await new Promise((r) => setTimeout(r, 50));

    const latencies: number[][] = [[], []];
    let lost = 0;
    let duplicated = 0;
    let outOfOrder = 0;
    let notCompleted = 0;
    let errors = 0;
    for (const s of subscribers) {
      if (s.error) errors += 1;
      if (!s.completed) notCompleted += 1;
      const seen = new Set<number>();
      let last = 0;
      for (const r of s.received) {
        if (seen.has(r.sequence)) duplicated += 1;
        else seen.add(r.sequence);
        if (r.sequence < last) outOfOrder += 1;
        last = Math.max(last, r.sequence);
        const t = committed.get(`${s.klaimId}:${r.sequence}`);
        if (t !== undefined) latencies[s.instance]!.push(r.at - t);
      }
      for (let q = 1; q <= STEPS.length; q++) if (!seen.has(q)) lost += 1;
    }
    const all = [...latencies[0]!, ...latencies[1]!].sort((x, y) => x - y);
    const line = (label: string, xs: number[]) => {
      const s = [...xs].sort((x, y) => x - y);
      console.log(`${label}: ${s.length} deliveries, median ${fmt(quantile(s, 0.5))}, p95 ${fmt(quantile(s, 0.95))}, p99 ${fmt(quantile(s, 0.99))}, max ${fmt(s.at(-1) ?? NaN)}`);
    };
    console.log(`${claims.length * STEPS.length} events committed in ${fmt(driveMs)} (${((claims.length * STEPS.length) / (driveMs / 1000)).toFixed(0)} transactions/s), expected deliveries ${subscribers.length * STEPS.length}`);
    line("commit → delivery, all", all);
    line("  instance A", latencies[0]!);
    line("  instance B", latencies[1]!);
    console.log(`lost ${lost}, duplicated ${duplicated}, out of order ${outOfOrder}, not completed ${notCompleted}, errors ${errors}`);
    if (lost || duplicated || outOfOrder || notCompleted || errors) process.exitCode = 1;
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all(servers.map(stopProcess));
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
