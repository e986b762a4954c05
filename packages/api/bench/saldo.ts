// Benchmark: the saldo query of a participant with 3 cards and 10 years of monthly contributions,
// at 1 and at 20 concurrent clients, through a real server over HTTP.
//   npx tsx --conditions=source packages/api/bench/saldo.ts            (embedded PGlite, in memory)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=source packages/api/bench/saldo.ts
// On PostgreSQL it creates a database of its own and drops it afterwards.
import { loadConfig } from "../src/config/environment.ts";
import { configureLogger } from "../src/common/logger.ts";
import type { Database } from "../src/db/database.ts";
import { accounts, cards, contributions, employers, participants } from "../src/db/schema.ts";
import { hashPassword } from "../src/modules/accounts/password.ts";
import { contributionFor } from "../src/modules/saldo/contribution-rules.ts";
import { addMonths } from "../src/seed/calendar.ts";
import { startServer } from "../src/server/app.ts";
import { openBenchDatabase, quantile } from "./support.ts";

const QUERY = `{ me { saldoJht { total years { year saldoAkhir } } cards { saldoJht { total } } } }`;
const PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 200);

async function seed(database: Database): Promise<void> {
  const db = database.db;
  const [employer] = await db.insert(employers).values({ npp: "90000001", name: "PT Bench Jaya" }).returning();
  const [p] = await db
    .insert(participants)
    .values({ nik: "3174071405900009", fullName: "Bench Santoso", birthDate: "1990-05-14", gender: "LAKI_LAKI" })
    .returning();
  for (const [i, from] of ["2016-01-01", "2016-01-01", "2016-01-01"].entries()) {
    const [card] = await db
      .insert(cards)
      .values({ participantId: p!.id, kpj: `1600000000${i}`, registeredNik: p!.nik, registeredBirthDate: p!.birthDate, segment: "PU", status: "AKTIF", employerId: employer!.id, registeredAt: from })
      .returning();
    const rows = Array.from({ length: 120 }, (_, m) => {
      const period = addMonths(from, m);
      const wageSen = BigInt(4_000_000 + i * 1_000_000 + m * 10_000) * 100n;
      return { cardId: card!.id, period, employerId: employer!.id, wageSen, paidAt: `${addMonths(period, 1).slice(0, 7)}-10`, ...contributionFor("PU", wageSen, period, { jpCapBeyondTable: "LATEST_ASSUMED" }) };
    });
    await db.insert(contributions).values(rows);
  }
  await db.insert(accounts).values({ participantId: p!.id, email: "bench@example.test", passwordHash: await hashPassword("Bench#2026") });
}

async function run(url: string, token: string, clients: number): Promise<{ ms: number[]; statements: Set<number>; wall: number }> {
  const ms: number[] = [];
  const statements = new Set<number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < PER_CLIENT; i++) {
        const t = performance.now();
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: QUERY }),
        });
        const body = (await res.json()) as { errors?: unknown; extensions?: { sqlStatements?: number } };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        ms.push(performance.now() - t);
        statements.add(body.extensions?.sqlStatements ?? -1);
      }
    }),
  );
  return { ms: ms.sort((a, b) => a - b), statements, wall: performance.now() - started };
}

configureLogger("silent");
const { database, drop } = await openBenchDatabase();
try {
  await database.migrate();
  await seed(database);
  const config = loadConfig({ NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
  const server = await startServer(config, database);
  const login = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(input: { identifier: "bench@example.test", password: "Bench#2026" }) { accessToken } }` }),
  });
  const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  // The first read computes and keeps the closed years; warm up the same way a real server is warm.
  await run(server.url, token, 1);
  console.log(`database: ${database.kind}; 3 cards x 120 months; ${PER_CLIENT} requests per client`);
  console.log(`query: ${QUERY}`);
  for (const clients of [1, 20]) {
    const r = await run(server.url, token, clients);
    const mean = r.ms.reduce((a, b) => a + b, 0) / r.ms.length;
    console.log(
      `${String(clients).padStart(2)} client(s): p50 ${quantile(r.ms, 0.5).toFixed(1)} ms, p95 ${quantile(r.ms, 0.95).toFixed(1)} ms, ` +
        `p99 ${quantile(r.ms, 0.99).toFixed(1)} ms, mean ${mean.toFixed(1)} ms, ${((r.ms.length / r.wall) * 1000).toFixed(0)} req/s, ` +
        `SQL statements per request: ${[...r.statements].join(", ")}`,
    );
  }
  await server.stop();
} finally {
  await database.close();
  await drop();
}
