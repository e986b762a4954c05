// Benchmark: payment webhook throughput on PostgreSQL. Each callback is a real HTTP POST to
// /webhooks/payments/sandbox with its HMAC-SHA256 signature checked, then one transaction that locks the payment,
// writes the months to the ledger, updates the card, writes the receipt, the event (NOTIFY) and the delivery row.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=source packages/api/bench/webhooks.ts
//
// BENCH_PAYMENTS (500) open payments of BENCH_MONTHS (3) months on as many BPU cards, paid at the sandbox provider,
// then their callbacks sent BENCH_CONCURRENCY (16) at a time; then the same callbacks again (duplicates: no effect).
// Prints callbacks/s and latency percentiles for both passes, and checks the ledger has exactly one set of months.
// It creates a database of its own and drops it afterwards; the server runs in this process.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { configureLogger } from "../src/common/logger.ts";
import { loadConfig } from "../src/config/environment.ts";
import { openDatabase } from "../src/db/database.ts";
import { bpuMemberships, bpuPayments, cards, contributions, participants, sandboxPaymentCharges } from "../src/db/schema.ts";
import { Role } from "@jmo/schema";
import { callbackBody, signCallback, CALLBACK_SIGNATURE_HEADER, CALLBACK_TIMESTAMP_HEADER } from "../src/modules/iuran/payment-gateway.ts";
import { startServer } from "../src/server/app.ts";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("BENCH_DATABASE_URL is required (PostgreSQL)");
  process.exit(2);
}
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 500);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

configureLogger("silent");
const name = `jmo_bench_webhooks_${randomBytes(4).toString("hex")}`;
const admin = postgres(url, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const u = new URL(url);
u.pathname = `/${name}`;
const database = openDatabase({ kind: "postgres", url: u.toString(), max: 20 });
try {
  await database.migrate();
  const config = loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", TOKEN_SECRET: "bench-secret-that-is-long-enough-0123456789", LOG_LEVEL: "silent" });
  const server = await startServer(config, database);
  const db = database.db;
  const today = new Date().toISOString().slice(0, 7);
  const lastPaid = (() => {
    const d = new Date(`${today}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 1);
    return d.toISOString().slice(0, 10);
  })();

  // Setup: participants, BPU cards paid up to last month, and one open payment each (through the service).
  const t0 = performance.now();
  const people = await db
    .insert(participants)
    .values(Array.from({ length: PAYMENTS }, (_, i) => ({ nik: `3174${String(i).padStart(12, "0")}`, fullName: `Peserta Bench ${i}`, birthDate: "1990-01-01", gender: "LAKI_LAKI" as const })))
    .returning({ id: participants.id, nik: participants.nik });
  const cardRows = await db
    .insert(cards)
    .values(people.map((p, i) => ({ participantId: p.id, kpj: `26${String(i).padStart(9, "0")}`, registeredNik: p.nik, registeredBirthDate: "1990-01-01", segment: "BPU" as const, status: "AKTIF" as const, registeredAt: lastPaid })))
    .returning();
  await db.insert(bpuMemberships).values(cardRows.map((c) => ({ cardId: c.id, declaredIncomeSen: 300_000_000n, jht: true })));
  await db.insert(contributions).values(cardRows.map((c) => ({ cardId: c.id, period: lastPaid, employerId: null, wageSen: 300_000_000n, jhtEmployerSen: 0n, jhtWorkerSen: 6_000_000n, jkkSen: 3_000_000n, jkmSen: 680_000n, paidAt: lastPaid })));
  const payments: string[] = [];
  for (const [i, c] of cardRows.entries()) {
    const auth = { accountId: "bench", participantId: c.participantId!, role: Role.PESERTA } as Parameters<typeof server.services.iuran.createPayment>[0];
    const p = await server.services.iuran.createPayment(auth, { cardId: c.id, months: MONTHS, channel: i % 2 ? "VA_BRI" : "VA_BNI", idempotencyKey: `bench-${i}-key` });
    payments.push(p.id);
  }
  // The provider took every payment; its callbacks are what the benchmark sends.
  await db.update(sandboxPaymentCharges).set({ status: "PAID", transactionId: sql`'SBX-TX-' || upper(substr(md5(external_id), 1, 16))`, paidAt: new Date() });
  const charges = await db.select().from(sandboxPaymentCharges);
  const bodies = charges.map((c) => JSON.stringify(callbackBody(c)));
  const setupSeconds = (performance.now() - t0) / 1000;
  const secret = server.services.sandboxGateway!.secret;
  const webhook = server.url.replace(/\/graphql$/, "/webhooks/payments/sandbox");

  async function pass(label: string, expected: string) {
    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < bodies.length; i = next++) {
          const body = bodies[i]!;
          const ts = Math.floor(Date.now() / 1000);
          const t = performance.now();
          const res = await fetch(webhook, {
            method: "POST",
            headers: { "content-type": "application/json", [CALLBACK_TIMESTAMP_HEADER]: String(ts), [CALLBACK_SIGNATURE_HEADER]: signCallback(secret, ts, body) },
            body,
          });
          const { outcome } = (await res.json()) as { outcome: string };
          latencies.push(performance.now() - t);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!.toFixed(1);
    console.log(
      `${label}: ${bodies.length} callbacks in ${seconds.toFixed(2)} s = ${(bodies.length / seconds).toFixed(0)} callbacks/s; ` +
        `latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
    if (outcomes.get(expected) !== bodies.length) throw new Error(`${label}: expected every outcome ${expected}`);
  }

  console.log(`setup: ${PAYMENTS} BPU cards with an open ${MONTHS}-month payment in ${setupSeconds.toFixed(1)} s; concurrency ${CONCURRENCY}; PostgreSQL`);
  await pass("first delivery (signature check + ledger, receipt, event)", "APPLIED");
  await pass("same callbacks again (signature check + duplicate detection)", "DUPLICATE");
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(contributions)) as [{ n: number }];
  const paid = await db.select({ id: bpuPayments.id }).from(bpuPayments).where(eq(bpuPayments.status, "PAID"));
  console.log(`ledger: ${n} rows (${PAYMENTS} + ${PAYMENTS}×${MONTHS} expected), ${paid.length} payments PAID`);
  if (n !== PAYMENTS * (1 + MONTHS) || paid.length !== PAYMENTS) throw new Error("ledger does not match: a callback had no effect or two");
  await server.stop();
} finally {
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
