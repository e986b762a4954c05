// Benchmark: the kotak masuk of a member with 10,000 notifications (a third unread), among 200 other members with 50
// each, through a real server over HTTP: the first page with the unread badge, a page deep in the list (after the
// 5,000th), and the unread-only first page, at 1 and 10 concurrent clients.
//   npx tsx --conditions=source packages/api/bench/notifications.ts            (embedded PGlite, in memory)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=source packages/api/bench/notifications.ts
// On PostgreSQL it creates a database of its own and drops it afterwards. BENCH_REQUESTS: requests per client (200).
import { loadConfig } from "../src/config/environment.ts";
import { configureLogger } from "../src/common/logger.ts";
import { toGlobalId } from "../src/common/global-id.ts";
import type { Database } from "../src/db/database.ts";
import { accounts, notifications, participants } from "../src/db/schema.ts";
import { hashPassword } from "../src/modules/accounts/password.ts";
import type { NotificationKindValue } from "../src/modules/notifications/notifications.table.ts";
import { startServer } from "../src/server/app.ts";
import { openBenchDatabase, quantile } from "./support.ts";

const MEMBER_NOTIFICATIONS = 10_000;
const OTHER_MEMBERS = 200;
const OTHER_NOTIFICATIONS = 50;
const PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 200);
const PAGE = `edges { cursor node { id kind title body subjectId createdAt read } } pageInfo { hasNextPage endCursor }`;
const QUERIES = {
  "first page + badge": `query { me { notificationsUnreadCount notifications(first: 20) { ${PAGE} } } }`,
  "page after the 5,000th": `query($after: String) { me { notifications(first: 20, after: $after) { ${PAGE} } } }`,
  "unread only, first page": `query { me { notifications(first: 20, unreadOnly: true) { ${PAGE} } } }`,
};

/** A notification as the flows write them: mixed kinds with their params, one a minute going back from now. */
function notification(participantId: string, i: number, unread: boolean) {
  const kinds: Array<[NotificationKindValue, Record<string, string>]> = [
    ["KLAIM_STATUS", { nomor: `JHT-20260101-${String(i).padStart(6, "0")}`, status: "VERIFIKASI" }],
    ["IURAN_PAYMENT", { amount: "96800.00", months: "1", receiptNumber: `BPU-20260101-${String(i).padStart(6, "0")}`, kpjMasked: "21*******78" }],
    ["IURAN_DUE", { kpjMasked: "21*******78", protectedUntil: "2026-12-31" }],
    ["NEW_DEVICE_SIGN_IN", { device: "Chrome on Android" }],
  ];
  const [kind, params] = kinds[i % kinds.length]!;
  const createdAt = new Date(Date.now() - (MEMBER_NOTIFICATIONS - i) * 60_000);
  return { participantId, kind, params, createdAt, readAt: unread ? null : createdAt };
}

async function seed(database: Database): Promise<void> {
  const db = database.db;
  const people = await db
    .insert(participants)
    .values(
      Array.from({ length: OTHER_MEMBERS + 1 }, (_, i) => ({
        nik: `3174071405${String(900000 + i).padStart(6, "0")}`,
        fullName: i === 0 ? "Bench Santoso" : `Peserta ${i}`,
        birthDate: "1990-05-14",
        gender: "LAKI_LAKI" as const,
      })),
    )
    .returning({ id: participants.id });
  const [member, ...others] = people;
  const rows = Array.from({ length: MEMBER_NOTIFICATIONS }, (_, i) => notification(member!.id, i, i % 3 === 0));
  // The others' rows interleave with the member's, as they would over time.
  for (const [o, other] of others.entries()) {
    for (let j = 0; j < OTHER_NOTIFICATIONS; j += 1) rows.splice((o * OTHER_NOTIFICATIONS + j) * 2, 0, notification(other.id, j, j % 2 === 0));
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(notifications).values(rows.slice(i, i + 1000));
  await db.insert(accounts).values({ participantId: member!.id, email: "bench@example.test", passwordHash: await hashPassword("Bench#2026") });
}

async function run(url: string, token: string, query: string, variables: Record<string, unknown>, clients: number) {
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
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as { data?: { me: { notifications: { edges: unknown[] } } }; errors?: unknown; extensions?: { sqlStatements?: number } };
        if (body.errors || body.data?.me.notifications.edges.length !== 20) throw new Error(JSON.stringify(body.errors ?? body.data));
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
  const seeding = performance.now();
  await seed(database);
  const seedSeconds = (performance.now() - seeding) / 1000;
  const config = loadConfig({ NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", KLAIM_WORKER_INTERVAL_MS: "0", PENGKINIAN_WORKER_INTERVAL_MS: "0" });
  const server = await startServer(config, database);
  const login = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(input: { identifier: "bench@example.test", password: "Bench#2026" }) { accessToken participant { id } } }` }),
  });
  const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  // The cursor of the member's 5,000th newest notification.
  const [middle] = (await database.query(
    `select n.id from notifications n join accounts a on a.participant_id = n.participant_id where a.email = $1 order by n.seq desc offset 4999 limit 1`,
    ["bench@example.test"],
  )) as [[string]];
  const after = toGlobalId("Notification", middle[0]);
  console.log(
    `database: ${database.kind}; member: ${MEMBER_NOTIFICATIONS} notifications (a third unread) among ${OTHER_MEMBERS} others with ${OTHER_NOTIFICATIONS} each ` +
      `(seeded in ${seedSeconds.toFixed(1)} s); ${PER_CLIENT} requests per client; pages of 20`,
  );
  for (const [name, query] of Object.entries(QUERIES)) {
    const variables = query.includes("$after") ? { after } : {};
    await run(server.url, token, query, variables, 1); // warm-up (prepared statements, JIT)
    for (const clients of [1, 10]) {
      const r = await run(server.url, token, query, variables, clients);
      console.log(
        `${name.padEnd(24)} ${String(clients).padStart(2)} client(s): p50 ${quantile(r.ms, 0.5).toFixed(1)} ms, p95 ${quantile(r.ms, 0.95).toFixed(1)} ms, ` +
          `p99 ${quantile(r.ms, 0.99).toFixed(1)} ms, ${((r.ms.length / r.wall) * 1000).toFixed(0)} req/s, SQL statements per request: ${[...r.statements].join(", ")}`,
      );
    }
  }
  await server.stop();
} finally {
  await database.close();
  await drop();
}
