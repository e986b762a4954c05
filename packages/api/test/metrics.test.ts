import { createServer } from "node:net";
import { inArray, sql } from "drizzle-orm";
import { klaims } from "../src/db/schema.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/app.ts";
import { builders } from "./support/builders.ts";
import { onPostgres, openTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { gql, signIn, startTestServer } from "./support/test-server.ts";
import { collect, connected, wsClient } from "./support/ws-client.ts";

const TOKEN = "metrics-token-for-tests-0123456789";

let tdb: TestDatabase;
let server: RunningServer;
let bare: RunningServer;

beforeAll(async () => {
  tdb = await openTestDatabase();
  server = await startTestServer(tdb.database, { METRICS_TOKEN: TOKEN });
  bare = await startTestServer(tdb.database);
});
afterAll(async () => {
  await server?.stop();
  await bare?.stop();
  await tdb?.close();
});

function metricsUrl(s: RunningServer): string {
  return new URL("/metrics", s.url).href;
}

async function scrape(): Promise<string> {
  const res = await fetch(metricsUrl(server), { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of one sample (0 when the series does not exist yet). */
function sample(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ""} `));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("/metrics", () => {
  it("answers 401 without the token or with a wrong one, and 404 where no token is configured", async () => {
    expect((await fetch(metricsUrl(server))).status).toBe(401);
    expect((await fetch(metricsUrl(server), { headers: { authorization: "Bearer wrong-token-wrong-token-00" } })).status).toBe(401);
    expect((await fetch(metricsUrl(bare))).status).toBe(404);
    expect((await fetch(metricsUrl(bare), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it("holds in production mode too: the token is required, and without one there is nothing to find", async () => {
    const production = { NODE_ENV: "production", TOKEN_SECRET: "production-secret-that-is-long-enough-9876543210", CORS_ORIGINS: "https://app.example" };
    const guarded = await startTestServer(tdb.database, { ...production, METRICS_TOKEN: TOKEN });
    const open = await startTestServer(tdb.database, production);
    try {
      expect((await fetch(metricsUrl(guarded))).status).toBe(401);
      const ok = await fetch(metricsUrl(guarded), { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("# TYPE");
      expect((await fetch(metricsUrl(open), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await guarded.stop();
      await open.stop();
    }
  });

  it("on METRICS_PORT serves the metrics there (with the token, when set) and nothing on the main port", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const own = await startTestServer(tdb.database, { METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      expect((await fetch(metricsUrl(own), { headers: auth })).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: auth });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("jmo_graphql_requests_total");
      expect((await fetch(`http://127.0.0.1:${port}/graphql`, { headers: auth })).status).toBe(404);
    } finally {
      await own.stop();
    }
  });

  it("counts requests by operation and outcome, their SQL statements and errors by code", async () => {
    const p = await builders(tdb.database.db).participant().withAccount().build();
    const before = await scrape();
    const session = await signIn(server.url, p.email!);
    await gql(server.url, "query Me { me { fullName } }", {}, { token: session.accessToken });
    await gql(server.url, "query Me { me { fullName } }", {}, { token: session.accessToken });
    const refused = await gql(server.url, "query Me { me { fullName } }", {}, { token: "not-a-token" });
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const after = await scrape();
    const me = (outcome: string, text: string) => sample(text, "jmo_graphql_requests_total", `operation="Me",outcome="${outcome}"`);
    expect(me("ok", after) - me("ok", before)).toBe(2);
    expect(me("error", after) - me("error", before)).toBe(1);
    expect(sample(after, "jmo_graphql_requests_total", 'operation="Login",outcome="ok"')).toBeGreaterThanOrEqual(1);
    expect(sample(after, "jmo_graphql_errors_total", 'code="UNAUTHENTICATED"') - sample(before, "jmo_graphql_errors_total", 'code="UNAUTHENTICATED"')).toBe(1);
    // Every authenticated Me reads its session and the participant: at least one statement each.
    const statements = (t: string) => sample(t, "jmo_graphql_sql_statements_sum", 'operation="Me"');
    expect(statements(after) - statements(before)).toBeGreaterThanOrEqual(2);
    expect(sample(after, "jmo_graphql_request_duration_seconds_count", 'operation="Me",outcome="ok"')).toBe(me("ok", after));
    expect(after).toContain('jmo_work_queue_due{queue="klaim"} 0');
  });

  it("shows the open WebSockets and subscriptions move with a subscription", async () => {
    const p = await builders(tdb.database.db).participant().withAccount().build();
    const session = await signIn(server.url, p.email!);
    const base = await scrape();
    const subs = (t: string) => sample(t, "jmo_graphql_subscriptions_open");
    const socks = (t: string) => sample(t, "jmo_websocket_open");
    const client = wsClient(server.url, session.accessToken);
    const sub = collect(client, "subscription { accountEvents { id type } }");
    await connected(client);
    await until(async () => subs(await scrape()) === subs(base) + 1);
    expect(socks(await scrape())).toBe(socks(base) + 1);
    // A sign-in elsewhere is an account event: delivered to the subscription, its lag observed.
    const lagCount = (t: string) => sample(t, "jmo_event_delivery_lag_seconds_count", 'topic="ACCOUNT_EVENTS"');
    const received = sub.results.length;
    await signIn(server.url, p.email!, undefined, { "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36" });
    await sub.next(received + 1);
    expect(lagCount(await scrape())).toBeGreaterThan(lagCount(base));
    sub.unsubscribe();
    await until(async () => subs(await scrape()) === subs(base));
    await client.dispose();
    await until(async () => socks(await scrape()) === socks(base));
  });

  it("shows the pool's connections by state as PostgreSQL sees them (none on the embedded database)", async () => {
    const pool = (text: string, state: string) => sample(text, "jmo_db_pool_connections", `state="${state}"`);
    if (!onPostgres) {
      expect(await scrape()).not.toContain("jmo_db_pool_connections{");
      return;
    }
    expect(sample(await scrape(), "jmo_db_pool_max")).toBe(5);
    // A transaction held open keeps one connection "idle in transaction" until it ends.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = tdb.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await held;
    });
    try {
      await until(async () => pool(await scrape(), "idle in transaction") === 1);
    } finally {
      release();
      await transaction;
    }
    await until(async () => pool(await scrape(), "idle in transaction") === 0);
    const text = await scrape();
    expect(pool(text, "idle") + pool(text, "active")).toBeGreaterThanOrEqual(1);
    expect(pool(text, "idle") + pool(text, "active") + pool(text, "idle in transaction")).toBeLessThanOrEqual(5);
  });

  it("shows the work due per queue and how long its oldest item has waited", async () => {
    const p = await builders(tdb.database.db).participant().withCard().build();
    const later = await builders(tdb.database.db).participant().withCard().build();
    const due = (t: string) => sample(t, "jmo_work_queue_due", 'queue="klaim"');
    const before = due(await scrape());
    await tdb.database.db
      .insert(klaims)
      .values({ participantId: p.participant.id, cardId: p.cards[0]!.id, sebab: "PHK", status: "AGENDA", nextActionAt: new Date(Date.now() - 3_600_000) });
    // Not due: its next action still ahead.
    await tdb.database.db.insert(klaims).values({ participantId: later.participant.id, cardId: later.cards[0]!.id, sebab: "PHK", status: "AGENDA", nextActionAt: new Date(Date.now() + 3_600_000) });
    try {
      const text = await scrape();
      expect(due(text)).toBe(before + 1);
      expect(sample(text, "jmo_work_queue_oldest_due_seconds", 'queue="klaim"')).toBeGreaterThanOrEqual(3600);
      expect(sample(text, "jmo_metrics_queue_sample_ok")).toBe(1);
      expect(text).toContain('jmo_work_queue_due{queue="pengkinian"} ');
      expect(text).toContain('jmo_work_queue_due{queue="bpu_payment_expired"} ');
    } finally {
      await tdb.database.db.delete(klaims).where(inArray(klaims.participantId, [p.participant.id, later.participant.id]));
    }
    expect(due(await scrape())).toBe(before);
  });

  it("never shows personal data: a NIK, KPJ or email as operation name becomes \"other\"", async () => {
    const p = await builders(tdb.database.db).participant().withCard().withAccount().build();
    const nik = p.participant.nik;
    const kpj = p.cards[0]!.kpj;
    for (const operationName of [nik, kpj, p.email!, `Op_${nik}`.slice(0, 10) + "!"]) {
      await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `query { __typename }`, operationName }),
      });
    }
    const text = await scrape();
    expect(text).not.toContain(nik);
    expect(text).not.toContain(kpj);
    expect(text).not.toContain(p.email!);
    expect(text).not.toContain("@");
    expect(sample(text, "jmo_graphql_requests_total", 'operation="other",outcome="error"')).toBeGreaterThanOrEqual(4);
  });
});
