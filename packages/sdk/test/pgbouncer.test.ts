// Behind PgBouncer in transaction pooling mode (docs/deployment.md, PgBouncer): the server's queries through the pooler
// with DATABASE_PREPARE=false, LISTEN and migrations direct (DATABASE_LISTEN_URL), and a subscription still receives
// the events other connections commit. PostgreSQL only; skipped without TEST_DATABASE_URL or PgBouncer, but PgBouncer
// is required when CI=true.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createJmoClient } from "../src/index.ts";
import { submittedKlaim } from "./support/klaim.ts";
import { openConfiguredDatabase } from "../../api/src/bootstrap.ts";
import { openDatabase, type Database } from "../../api/src/db/database.ts";
import { EVENTS_CHANNEL } from "../../api/src/modules/events/event-bus.ts";
import { startServer, type RunningServer } from "../../api/src/server/app.ts";
import { PGBOUNCER_BIN, pgbouncerInstalled, startPgBouncer, stopProcess, type PgBouncer } from "../../api/scripts/local-cluster.ts";
import { builders, TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { onPostgres, openTestDatabase, type TestDatabase } from "../../api/test/support/test-database.ts";
import { testConfig } from "../../api/test/support/test-server.ts";

const CI = process.env.CI === "true";
const skipReason = !onPostgres
  ? "TEST_DATABASE_URL is unset (PgBouncer pools connections to a PostgreSQL server)"
  : !pgbouncerInstalled()
    ? `PgBouncer is not installed (${PGBOUNCER_BIN}; apt-get install pgbouncer)`
    : null;
if (skipReason && !(CI && onPostgres)) console.warn(`pgbouncer.test.ts skipped: ${skipReason}`);

describe.runIf(CI && onPostgres)("the PgBouncer test's requirements in CI", () => {
  it("has PgBouncer installed (.ci/run installs it)", () => {
    expect(pgbouncerInstalled(), `${PGBOUNCER_BIN} is missing`).toBe(true);
  });
});

describe.skipIf(skipReason !== null)("behind PgBouncer in transaction pooling mode", () => {
  let tdb: TestDatabase;
  let bouncer: PgBouncer;
  let workDir: string;
  let database: Database;
  let server: RunningServer;

  beforeAll(async () => {
    tdb = await openTestDatabase();
    workDir = mkdtempSync(join(tmpdir(), "jmo-pgbouncer-"));
    // Fewer server connections than the server's pool: transactions of different clients share them.
    bouncer = await startPgBouncer(tdb.url!, workDir, 3);
    const config = testConfig({ DATABASE_URL: bouncer.url, DATABASE_LISTEN_URL: tdb.url!, DATABASE_PREPARE: "false", DATABASE_POOL_MAX: "6" });
    database = openConfiguredDatabase(config);
    await database.migrate();
    server = await startServer(config, database);
  });

  afterAll(async () => {
    await server?.stop();
    await database?.close();
    if (bouncer) await stopProcess(bouncer);
    await tdb?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("really pools per transaction: the statements of 6 client connections share 3 server sessions", async () => {
    const client = openDatabase({ kind: "postgres", url: bouncer.url, prepare: false, max: 6 });
    try {
      const pids = await Promise.all(Array.from({ length: 30 }, () => client.query("select pg_backend_pid(), pg_sleep(0.01)", [])));
      const distinct = new Set(pids.map(([row]) => row![0] as number));
      expect(distinct.size).toBeGreaterThan(1);
      expect(distinct.size).toBeLessThanOrEqual(3); // default_pool_size: 6 clients over 3 server connections
    } finally {
      await client.close();
    }
  });

  it("serves HTTP and a live subscription: the worker's events reach the tracker through the direct LISTEN", { timeout: 60_000 }, async () => {
    const seed = builders(tdb.database.db);
    const { email, klaimId } = await submittedKlaim({ seed, tdb });
    let token: string | null = null;
    const jmo = createJmoClient({ url: server.url, webSocketImpl: WebSocket, getToken: () => token });
    try {
      // Sign-in, the hot reads (constant statements, unnamed here) and the timeline, through PgBouncer.
      const { login } = await jmo.login({ input: { identifier: email, password: TEST_PASSWORD } });
      token = login.accessToken;
      const me = await jmo.me();
      expect(me.me).toBeTruthy();
      const received: number[] = [];
      const done = (async () => {
        for await (const { klaimStatusChanged } of jmo.klaimStatusChanged({ klaimId, afterSequence: 0 })) received.push(klaimStatusChanged.sequence);
      })();
      await expect.poll(() => received, { timeout: 10_000 }).toEqual([1]);
      // The server's own worker on the pooled connections (steps without delay in tests): every step commits its
      // event and NOTIFY through PgBouncer, and the server's direct LISTEN hears them.
      expect(await server.services.klaimWorker.runDue()).toBeGreaterThanOrEqual(4);
      await done;
      expect(received).toEqual([1, 2, 3, 4, 5]);
      const { klaim } = await jmo.klaimTimeline({ id: klaimId });
      expect(klaim?.timeline.map((e) => e.status)).toEqual(["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"]);
    } finally {
      await jmo.dispose();
    }
  });

  it("LISTEN through PgBouncer misses notifications (hence DATABASE_LISTEN_URL); direct, it receives them", async () => {
    const pooledListen = openDatabase({ kind: "postgres", url: bouncer.url, prepare: false, max: 2 });
    const directListen = openDatabase({ kind: "postgres", url: bouncer.url, listenUrl: tdb.url!, prepare: false, max: 2 });
    const sender = openDatabase({ kind: "postgres", url: bouncer.url, prepare: false, max: 3 });
    try {
      const pooled: string[] = [];
      const direct: string[] = [];
      const stops = [await pooledListen.listen(EVENTS_CHANNEL, (p) => pooled.push(p)), await directListen.listen(EVENTS_CHANNEL, (p) => direct.push(p))];
      // Other clients use the pool's server connections meanwhile, as an API instance's requests would.
      await Promise.all(Array.from({ length: 10 }, () => sender.query("select pg_sleep(0.02)", [])));
      await sender.query("select pg_notify($1, 'ping')", [EVENTS_CHANNEL]);
      await expect.poll(() => direct, { timeout: 5_000 }).toEqual(["ping"]);
      await new Promise((r) => setTimeout(r, 1000));
      expect(pooled).toEqual([]);
      for (const stop of stops) await stop().catch(() => {});
    } finally {
      await sender.close();
      await pooledListen.close();
      await directListen.close();
    }
  });
});
