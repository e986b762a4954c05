// The local cluster (docs/deployment.md) under a crash: HAProxy in front of two API instances of the compiled build,
// the standalone klaim worker moving 200 claims, 200 claim trackers (the SDK, resuming by sequence) and an HTTP load
// through the balancer, and one instance killed with SIGKILL mid-stream. PostgreSQL only (the instances are processes
// sharing one database); skipped without TEST_DATABASE_URL or HAProxy, but HAProxy is required when CI=true. It runs
// the compiled build: `pnpm build` when packages/api/dist is missing (after changing the source, build again).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { Role } from "../../schema/src/index.ts";
import { createJmoClient, type JmoClient } from "../src/index.ts";
import { submittedKlaim } from "./support/klaim.ts";
import { rowsOf } from "../../api/src/db/database.ts";
import { sessions } from "../../api/src/db/schema.ts";
import { TokenService } from "../../api/src/modules/accounts/tokens.ts";
import { haproxyInstalled, HAPROXY_BIN, startLocalCluster, type LocalCluster } from "../../api/scripts/local-cluster.ts";
import { builders } from "../../api/test/support/builders.ts";
import { onPostgres, openTestDatabase, type TestDatabase } from "../../api/test/support/test-database.ts";

const TRACKERS = 200;
const HTTP_CONCURRENCY = 8;
const STATUSES = ["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"];
const CI = process.env.CI === "true";
const skipReason = !onPostgres
  ? "TEST_DATABASE_URL is unset (the instances are processes sharing one PostgreSQL database)"
  : !haproxyInstalled()
    ? `HAProxy is not installed (${HAPROXY_BIN}; apt-get install haproxy)`
    : null;
if (skipReason && !(CI && onPostgres)) console.warn(`cluster.test.ts skipped: ${skipReason}`);

describe.runIf(CI && onPostgres)("the cluster test's requirements in CI", () => {
  it("has HAProxy installed (.ci/run installs it)", () => {
    expect(haproxyInstalled(), `${HAPROXY_BIN} is missing`).toBe(true);
  });
});

/** A `ws` WebSocket that notes which instance HAProxy sent each of its upgrades to (the X-Served-By header). */
function webSocketNoting(servedBy: string[]) {
  return class extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.once("upgrade", (res) => servedBy.push(String(res.headers["x-served-by"])));
    }
  };
}

interface Tracker {
  klaimId: string;
  rowId: string;
  token: string;
  client: JmoClient;
  received: Array<{ sequence: number; status: string }>;
  servedBy: string[];
  done: Promise<void>;
  finished: boolean;
}

interface HttpSample {
  start: number;
  end: number;
  status: number;
  servedBy: string | null;
  error: string | null;
}

describe.skipIf(skipReason !== null)("a cluster behind HAProxy when an instance crashes", () => {
  let tdb: TestDatabase;
  let cluster: LocalCluster;
  let workDir: string;
  const trackers: Tracker[] = [];

  beforeAll(async () => {
    tdb = await openTestDatabase();
    workDir = mkdtempSync(join(tmpdir(), "jmo-cluster-"));
    // 200 submitted claims (AGENDA, event 1), held until every tracker is open.
    const h = { seed: builders(tdb.database.db), tdb };
    const claims = [];
    for (let i = 0; i < TRACKERS; i += 10) claims.push(...(await Promise.all(Array.from({ length: 10 }, () => submittedKlaim(h)))));
    await tdb.database.db.execute("update klaims set next_action_at = 'infinity'");

    cluster = await startLocalCluster({
      databaseUrl: tdb.url!,
      instances: 2,
      workDir,
      // The instances serve; only the standalone worker moves claims, a step every 2 s.
      instanceEnv: {
        LOG_LEVEL: "warn",
        ACCESS_TOKEN_TTL_SECONDS: "3600",
        KLAIM_WORKER_INTERVAL_MS: "0",
        PENGKINIAN_WORKER_INTERVAL_MS: "0",
        HOUSEKEEPING_INTERVAL_MINUTES: "0",
      },
      workerEnv: { LOG_LEVEL: "warn", KLAIM_STEP_DELAY_SECONDS: "2", KLAIM_WORKER_INTERVAL_MS: "200" },
    });

    // Each claim's owner: a session and an access token of the cluster's secret (no sign-in: its rate limit is per address).
    const tokens = new TokenService(cluster.tokenSecret, 3600);
    const expiresAt = new Date(Date.now() + 3600_000);
    for (const c of claims) {
      const [session] = await tdb.database.db.insert(sessions).values({ accountId: c.accountId, refreshHash: "-", device: "cluster test", expiresAt }).returning({ id: sessions.id });
      const { token } = await tokens.issueAccessToken({ accountId: c.accountId, sessionId: session!.id, role: Role.PESERTA, participantId: c.participantId });
      const servedBy: string[] = [];
      const client = createJmoClient({ url: cluster.url, webSocketImpl: webSocketNoting(servedBy), getToken: () => token });
      const tracker: Tracker = { klaimId: c.klaimId, rowId: c.rowId, token, client, received: [], servedBy, done: Promise.resolve(), finished: false };
      tracker.done = (async () => {
        for await (const { klaimStatusChanged: e } of client.klaimStatusChanged({ klaimId: c.klaimId, afterSequence: 0 })) {
          tracker.received.push({ sequence: e.sequence, status: e.status });
        }
        tracker.finished = true;
      })();
      tracker.done.catch(() => {});
      trackers.push(tracker);
    }
  });

  afterAll(async () => {
    await Promise.all(trackers.map((t) => t.client.dispose()));
    await cluster?.stop();
    await tdb?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("every tracker gets every event exactly once, in order, through the other instance; HTTP fails only in flight", { timeout: 150_000 }, async () => {
    // Every tracker is open (it has the stored AGENDA event), and both instances hold some.
    await expect.poll(() => trackers.filter((t) => t.received.length >= 1).length, { timeout: 60_000, interval: 250 }).toBe(TRACKERS);
    const firstInstance = new Map<Tracker, string>(trackers.map((t) => [t, t.servedBy[0]!]));
    const perInstance = Object.fromEntries(cluster.instances.map((i) => [i.name, trackers.filter((t) => firstInstance.get(t) === i.name).length]));
    console.log(`cluster test: trackers per instance ${JSON.stringify(perInstance)}`);
    for (const instance of cluster.instances) expect(perInstance[instance.name]).toBeGreaterThanOrEqual(TRACKERS / 4);

    // HTTP load through the balancer, all along: each claim's owner reads its timeline.
    const samples: HttpSample[] = [];
    let loading = true;
    const load = Array.from({ length: HTTP_CONCURRENCY }, async (_, worker) => {
      for (let n = worker; loading; n += HTTP_CONCURRENCY) {
        const t = trackers[n % TRACKERS]!;
        const start = performance.now();
        try {
          const res = await fetch(cluster.url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${t.token}` },
            body: JSON.stringify({ query: "query($id: ID!) { klaim(id: $id) { status timeline { sequence } } }", variables: { id: t.klaimId } }),
          });
          const body = (await res.json().catch(() => null)) as { data?: { klaim?: unknown }; errors?: unknown[] } | null;
          const failed = res.status !== 200 || !body?.data?.klaim || body.errors !== undefined;
          samples.push({ start, end: performance.now(), status: res.status, servedBy: res.headers.get("x-served-by"), error: failed ? JSON.stringify(body).slice(0, 200) : null });
        } catch (error) {
          const cause = (error as { cause?: unknown }).cause;
          samples.push({ start, end: performance.now(), status: 0, servedBy: null, error: `${String(error)} (${String(cause)})` });
        }
      }
    });

    // Go: the worker takes the claims; kill instance 1 once most trackers are mid-stream (two events or more).
    await tdb.database.db.execute("update klaims set next_action_at = now()");
    await expect.poll(() => trackers.filter((t) => t.received.length >= 2).length, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(TRACKERS / 2);
    const killed = cluster.instances[0]!;
    const survivor = cluster.instances[1]!;
    const onKilled = trackers.filter((t) => firstInstance.get(t) === killed.name);
    const midStream = onKilled.filter((t) => t.received.length < STATUSES.length).length;
    // The instance dies between kill() and its exit event (the kernel tears the process down meanwhile): a request
    // sent in between may still reach it.
    const exited = new Promise<number>((resolve) => killed.child.once("exit", () => resolve(performance.now())));
    const killAt = performance.now();
    killed.child.kill("SIGKILL");
    const diedAt = await exited;
    expect(midStream).toBeGreaterThan(0);

    await expect.poll(async () => (await cluster.serverStates())[killed.name], { timeout: 20_000, interval: 250 }).toMatch(/^DOWN/);
    await expect.poll(() => trackers.filter((t) => t.finished).length, { timeout: 90_000, interval: 250 }).toBe(TRACKERS);
    await new Promise((r) => setTimeout(r, 1000));
    loading = false;
    await Promise.all(load);

    // Every tracker: 1…5 once each, in order, as stored.
    const stored = rowsOf<{ klaim_id: string; statuses: string }>(
      await tdb.database.db.execute("select klaim_id, string_agg(status::text, ',' order by sequence) as statuses from klaim_events group by klaim_id"),
    );
    const storedBy = new Map(stored.map((r) => [r.klaim_id, r.statuses]));
    for (const t of trackers) {
      expect(t.received).toEqual(STATUSES.map((status, i) => ({ sequence: i + 1, status })));
      expect(storedBy.get(t.rowId)).toBe(STATUSES.join(","));
    }
    // The killed instance's trackers reconnected through the balancer to the other one; the others never reconnected.
    for (const t of onKilled) {
      expect(t.servedBy.length).toBeGreaterThanOrEqual(2);
      expect(t.servedBy.slice(1).every((s) => s === survivor.name)).toBe(true);
    }
    for (const t of trackers.filter((t) => firstInstance.get(t) === survivor.name)) expect(t.servedBy).toEqual([survivor.name]);

    // HTTP: the only failures are requests in flight on the killed instance when it died. HAProxy answers those by
    // closing the client's connection (it cannot know whether the instance ran them: no retry, docs/deployment.md), so
    // they carry no X-Served-By; what bounds them: each was sent before the instance exited and ended after kill(),
    // there are no more than the load's concurrency, and every request sent after it exited was answered (refused
    // connections redispatched to the survivor).
    const errors = samples.filter((s) => s.error !== null);
    const after = samples.filter((s) => s.start > diedAt);
    console.log(
      `cluster test: ${samples.length} HTTP requests (${HTTP_CONCURRENCY} at a time), ${errors.length} failed ` +
        `(${[...new Set(errors.map((e) => e.error))].join("; ") || "none"}); the instance exited ${(diedAt - killAt).toFixed(1)} ms after kill(); ` +
        `${after.length} sent after that, ` +
        `${after.filter((s) => s.error === null).length} answered; ${onKilled.length} trackers moved to ${survivor.name}, ${midStream} of them mid-stream`,
    );
    expect(after.length).toBeGreaterThan(100);
    expect(after.filter((s) => s.error !== null)).toEqual([]);
    expect(after.every((s) => s.servedBy === survivor.name)).toBe(true);
    for (const e of errors) {
      expect(e.start).toBeLessThan(diedAt);
      expect(e.end).toBeGreaterThanOrEqual(killAt);
      // A closed connection, or HAProxy's own 502/503 from the killed instance: never an answer of the API.
      if (e.status !== 0) expect([e.status, e.servedBy]).toEqual([502, killed.name]);
    }
    expect(errors.length).toBeLessThanOrEqual(HTTP_CONCURRENCY);
  });
});
