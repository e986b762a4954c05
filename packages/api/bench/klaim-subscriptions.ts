// Benchmark: live claim trackers (klaimStatusChanged) as members use them, on two server instances (two processes of the
// compiled production build, as two replicas behind a load balancer) sharing one PostgreSQL database.
//
//   pnpm build
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:subscriptions            # members
//   BENCH_MODE=fanout BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:subscriptions
//
// members (default): BENCH_SUBSCRIPTIONS (20,000: 10,000 per instance) trackers, one or two per claim (a member's phone
// and web; BENCH_TWO_DEVICE_SHARE of the claims, 0.5, have two, one on each instance), one WebSocket per device.
// fanout: 40 subscribers per claim (20 on each instance), the stress case for sharing per-event work.
// The script moves claims through AGENDA → VERIFIKASI → PENETAPAN → PEMBAYARAN → SELESAI with the worker's own event
// function (appendKlaimEvent, one transaction per step), paced at BENCH_RATE (200) commits/s for BENCH_SECONDS (60) over
// BENCH_ACTIVE_CLAIMS (400) claims in progress at a time (a finished claim makes room for the next), at most
// BENCH_CONCURRENCY (16) transactions at once. It reports the time from each committing transaction's return to the
// arrival at each subscriber (median, p95, p99, max), every lost, duplicated or out-of-order event, the achieved commit
// rate, the servers' and clients' CPU, and the servers' memory per subscription: RSS and V8 heap after a forced
// garbage collection (through the inspector, --inspect on 127.0.0.1) before and after the subscriptions opened.
// The load runs in BENCH_CLIENT_PROCESSES (2) child processes (bench/klaim-subscriptions.client.ts, raw `ws`).
// BENCH_CPU_PROF=<dir>: the servers write V8 CPU profiles there on exit; BENCH_HEAP_SNAPSHOT=<dir>: heap snapshots of
// instance A before and after the subscriptions opened; BENCH_ALLOC_PROFILE=<dir>: a sampling allocation profile of
// instance A while driving. BENCH_SERVER=source runs the servers from the TypeScript source (tsx); BENCH_SERVER_ENTRY:
// another compiled main.js (an older build, for a before/after); BENCH_SERVER_NODE_FLAGS adds flags to their node
// command (e.g. --trace-gc); BENCH_SERVER_LOG=<dir> keeps their output.
// Latency figures include the client processes and depend on what else the machine runs: note the load average.
// It creates a database of its own and drops it afterwards.
// PostgreSQL only: the embedded PGlite database belongs to one process, so two server processes cannot share it.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { Role } from "@jmo/schema";
import WebSocket from "ws";
import { configureLogger } from "../src/common/logger.ts";
import { toGlobalId } from "../src/common/global-id.ts";
import { openDatabase, type Database } from "../src/db/database.ts";
import { accounts, cards, klaims, participants, sessions } from "../src/db/schema.ts";
import { TokenService } from "../src/modules/accounts/tokens.ts";
import { appendKlaimEvent } from "../src/modules/klaim/klaim-events.ts";
import type { KlaimStatusValue } from "../src/modules/klaim/klaim.table.ts";
import type { DeviceSocket, FromClient, ToClient } from "./klaim-subscriptions.client.ts";
import { quantile, sleep } from "./support.ts";

const MODE = (process.env.BENCH_MODE ?? "members") as "members" | "fanout";
if (MODE !== "members" && MODE !== "fanout") throw new Error("BENCH_MODE: members or fanout");
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 20_000);
const TWO_DEVICE_SHARE = Number(process.env.BENCH_TWO_DEVICE_SHARE ?? 0.5);
const FANOUT = 40;
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const ACTIVE_CLAIMS = Number(process.env.BENCH_ACTIVE_CLAIMS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CLIENT_PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 2);
const SERVER = process.env.BENCH_SERVER ?? "dist";
const CPU_PROF = process.env.BENCH_CPU_PROF;
const HEAP_SNAPSHOT = process.env.BENCH_HEAP_SNAPSHOT;
const SERVER_LOG = process.env.BENCH_SERVER_LOG;
const ALLOC_PROFILE = process.env.BENCH_ALLOC_PROFILE;
const TOKEN_SECRET = "bench-secret-that-is-long-enough-0123456789";
const STEPS: KlaimStatusValue[] = ["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"];
const SUBSCRIPTION = `subscription($klaimId: ID!, $afterSequence: Int) { klaimStatusChanged(klaimId: $klaimId, afterSequence: $afterSequence) { sequence status } }`;
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const now = () => performance.timeOrigin + performance.now();
const benchStarted = performance.now();
/** Progress on stderr, so that a stuck phase shows. */
const progress = (what: string) => process.stderr.write(`  [${((performance.now() - benchStarted) / 1000).toFixed(0)} s] ${what}\n`);

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

interface Claim {
  id: string;
  globalId: string;
  participantId: string;
  accountId: string;
  /** subscription indexes */
  subs: number[];
  /** next step (index into STEPS) */
  step: number;
  inFlight: boolean;
  /** commit time of each sequence (index = sequence - 1) */
  committedAt: number[];
}

interface Server {
  url: string;
  child: ChildProcess;
  inspector: Inspector | null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Servers

function startServerProcess(databaseUrl: string, maxSocketsPerAccount: number): Promise<Server> {
  const entry = process.env.BENCH_SERVER_ENTRY ?? (SERVER === "source" ? "packages/api/src/main.ts" : "packages/api/dist/src/main.js");
  if (SERVER !== "source" && !existsSync(resolve(ROOT, entry))) throw new Error(`${entry} is missing: run \`pnpm build\` first`);
  const args = [
    ...(SERVER === "source" ? ["--import", "tsx", "--conditions=source"] : []),
    "--inspect=127.0.0.1:0",
    ...(process.env.BENCH_SERVER_NODE_FLAGS ?? "").split(" ").filter(Boolean),
    ...(CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF}`] : []),
    entry,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: SERVER === "source" ? "test" : "production",
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      TOKEN_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: "3600",
      WS_MAX_SOCKETS_PER_ACCOUNT: String(Math.max(10, maxSocketsPerAccount)),
      // The benchmark moves the claims itself, so that it knows when each step committed.
      KLAIM_WORKER_INTERVAL_MS: "0",
      PENGKINIAN_WORKER_INTERVAL_MS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let inspectorUrl: string | undefined;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
    });
    child.stdout!.on("data", async (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (m) {
        clearTimeout(timer);
        // Keep draining the pipe so the server never blocks on a full one.
        child.stdout!.removeAllListeners("data");
        if (SERVER_LOG) child.stdout!.pipe(createWriteStream(join(SERVER_LOG, `server-${child.pid}.log`)));
        else child.stdout!.resume();
        resolve({ url: m[1]!, child, inspector: inspectorUrl ? await Inspector.connect(inspectorUrl) : null });
      }
    });
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

/** The Chrome DevTools protocol of a server's inspector: forced GC, memory figures, heap snapshots. */
class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private onChunk: ((chunk: string) => void) | undefined;

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown; method?: string; params?: { chunk: string } };
      if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.result), this.pending.delete(msg.id);
      else if (msg.method === "HeapProfiler.addHeapSnapshotChunk") this.onChunk?.(msg.params!.chunk);
    });
  }

  static connect(url: string): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
      ws.once("open", () => resolve(new Inspector(ws)));
      ws.once("error", reject);
    });
  }

  call(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** After a full garbage collection: the V8 heap in use and the process's resident memory. */
  async memory(pid: number): Promise<{ heapUsed: number; rss: number }> {
    await this.call("HeapProfiler.collectGarbage");
    await this.call("HeapProfiler.collectGarbage");
    const r = (await this.call("Runtime.evaluate", { expression: "process.memoryUsage().heapUsed", returnByValue: true })) as {
      result: { value: number };
    };
    return { heapUsed: r.result.value, rss: vmRss(pid) };
  }

  async heapSnapshot(file: string): Promise<void> {
    const out = createWriteStream(file);
    this.onChunk = (chunk) => out.write(chunk);
    await this.call("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    this.onChunk = undefined;
    await new Promise<void>((resolve) => out.end(resolve));
  }

  close(): void {
    this.ws.close();
  }
}

function vmRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// ---------------------------------------------------------------------------------------------------------------------
// Data

/** Claims in DRAFT (no events yet), each with its owner's account and one session (for the access tokens). */
async function seed(database: Database, count: number): Promise<Claim[]> {
  const db = database.db;
  const out: Claim[] = [];
  const BATCH = 1000;
  for (let from = 0; from < count; from += BATCH) {
    const ns = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => String(from + i).padStart(6, "0"));
    const ps = await db
      .insert(participants)
      .values(ns.map((n) => ({ nik: `3174071405${n}`, fullName: `Bench Peserta ${n}`, birthDate: "1990-05-14", gender: "LAKI_LAKI" as const, pengkinianStatus: "TERVERIFIKASI" as const })))
      .returning({ id: participants.id, nik: participants.nik });
    const cs = await db
      .insert(cards)
      .values(ps.map((p, i) => ({ participantId: p.id, kpj: `21${ns[i]}000`, registeredNik: p.nik, registeredBirthDate: "1990-05-14", segment: "PU" as const, status: "NONAKTIF" as const, registeredAt: "2020-01-01", nonaktifSince: "2024-12-31" })))
      .returning({ id: cards.id, participantId: cards.participantId });
    // Nobody signs in with a password here: the bench issues access tokens for sessions it creates.
    const as = await db
      .insert(accounts)
      .values(ps.map((p, i) => ({ participantId: p.id, email: `bench${ns[i]}@example.test`, passwordHash: "-" })))
      .returning({ id: accounts.id, participantId: accounts.participantId });
    const ks = await db
      .insert(klaims)
      .values(cs.map((c) => ({ participantId: c.participantId!, cardId: c.id, sebab: "PHK" as const })))
      .returning({ id: klaims.id });
    for (let i = 0; i < ps.length; i++) {
      out.push({ id: ks[i]!.id, globalId: toGlobalId("Klaim", ks[i]!.id), participantId: ps[i]!.id, accountId: as[i]!.id, subs: [], step: 0, inFlight: false, committedAt: [] });
    }
  }
  return out;
}

async function issueTokens(database: Database, claims: Claim[]): Promise<Map<string, string>> {
  const tokens = new TokenService(TOKEN_SECRET, 3600);
  const out = new Map<string, string>();
  const expiresAt = new Date(Date.now() + 24 * 3600 * 1000);
  for (let from = 0; from < claims.length; from += 1000) {
    const batch = claims.slice(from, from + 1000);
    const rows = await database.db
      .insert(sessions)
      .values(batch.map((c) => ({ accountId: c.accountId, refreshHash: "-", device: "bench", expiresAt })))
      .returning({ id: sessions.id });
    for (let i = 0; i < batch.length; i++) {
      const c = batch[i]!;
      const { token } = await tokens.issueAccessToken({ accountId: c.accountId, sessionId: rows[i]!.id, role: Role.PESERTA, participantId: c.participantId });
      out.set(c.id, token);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Clients

class ClientProcess {
  private readonly waiting: Array<(m: FromClient) => void> = [];
  readonly child: ChildProcess;

  constructor() {
    this.child = fork(fileURLToPath(new URL("./klaim-subscriptions.client.ts", import.meta.url)), [], {
      execArgv: process.execArgv,
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child.on("message", (m: FromClient) => this.waiting.shift()?.(m));
  }

  ask<T extends FromClient["type"]>(message: ToClient, _reply: T): Promise<Extract<FromClient, { type: T }>> {
    return new Promise((resolve) => {
      this.waiting.push(resolve as (m: FromClient) => void);
      this.child.send(message);
    });
  }

  close(): void {
    if (this.child.connected) this.child.send({ type: "close" } satisfies ToClient);
  }
}

// ---------------------------------------------------------------------------------------------------------------------

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Waits until each server's CPU use has stayed under 5% for a second (the subscriptions are in place), at most 120 s. */
async function settle(servers: Server[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quiet = 0;
  let before = servers.map((s) => cpuSeconds(s.child.pid!));
  while (Date.now() < deadline && quiet < 2) {
    await sleep(500);
    const after = servers.map((s) => cpuSeconds(s.child.pid!));
    quiet = after.every((a, i) => a - before[i]! < 0.025) ? quiet + 1 : 0;
    before = after;
  }
}

async function main(): Promise<void> {
  const perClaim = MODE === "fanout" ? FANOUT : 1 + TWO_DEVICE_SHARE;
  const claimCount = Math.ceil(SUBSCRIPTIONS / perClaim);
  const name = `jmo_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url!);
  u.pathname = `/${name}`;
  const benchUrl = u.toString();
  const database = openDatabase({ kind: "postgres", url: benchUrl, max: CONCURRENCY + 2 });
  const servers: Server[] = [];
  const clients: ClientProcess[] = [];
  try {
    await database.migrate();
    let t = performance.now();
    const claims = await seed(database, claimCount);
    const tokens = await issueTokens(database, claims);
    console.log(`seeded ${claims.length} claims with their owners' accounts and sessions in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Subscribers: members mode, a claim's phone and web on the two instances (or its one device on either, in turn);
    // fanout, half of each claim's 40 on each instance. One socket per device, as a member's app opens it.
    const subInstance: number[] = [];
    const subClaim: number[] = [];
    const sockets: DeviceSocket[][] = [[], []];
    let single = 0;
    const twoDeviceTarget = SUBSCRIPTIONS - claimCount;
    for (let ci = 0; ci < claims.length && subInstance.length < SUBSCRIPTIONS; ci++) {
      const c = claims[ci]!;
      // SUBSCRIPTIONS - claimCount claims have two devices, spread evenly over the claims.
      const twoDevices = MODE === "members" && Math.floor(((ci + 1) * twoDeviceTarget) / claimCount) > Math.floor((ci * twoDeviceTarget) / claimCount);
      const n = MODE === "fanout" ? FANOUT : twoDevices ? 2 : 1;
      for (let k = 0; k < n && subInstance.length < SUBSCRIPTIONS; k++) {
        const instance = n === 1 ? single++ % 2 : k % 2;
        const index = subInstance.length;
        subInstance.push(instance);
        subClaim.push(ci);
        c.subs.push(index);
        sockets[instance]!.push({ url: "", token: tokens.get(c.id)!, subs: [{ index, klaimId: c.globalId }] });
      }
    }
    const perInstance = [sockets[0]!.length, sockets[1]!.length];
    const maxSocketsPerAccount = MODE === "fanout" ? FANOUT / 2 : 1;
    const twoDeviceClaims = claims.filter((c) => c.subs.length === 2).length;

    t = performance.now();
    servers.push(...(await Promise.all([startServerProcess(benchUrl, maxSocketsPerAccount), startServerProcess(benchUrl, maxSocketsPerAccount)])));
    console.log(`2 servers (${SERVER === "source" ? "tsx, source" : "node, compiled, NODE_ENV=production"}) ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    for (let i = 0; i < 2; i++) for (const s of sockets[i]!) s.url = servers[i]!.url;

    await settle(servers);
    progress("servers settled; memory before the subscriptions");
    const memBefore = await Promise.all(servers.map((s) => s.inspector!.memory(s.child.pid!)));
    const snapshotAt = Date.now();
    if (HEAP_SNAPSHOT) await servers[0]!.inspector!.heapSnapshot(join(HEAP_SNAPSHOT, `klaim-subscriptions-${MODE}-${snapshotAt}-before.heapsnapshot`));

    for (let p = 0; p < CLIENT_PROCESSES; p++) clients.push(new ClientProcess());
    const shares: DeviceSocket[][] = clients.map(() => []);
    [...sockets[0]!, ...sockets[1]!].forEach((s, i) => shares[i % clients.length]!.push(s));
    t = performance.now();
    const opened = await Promise.all(clients.map((c, i) => c.ask({ type: "open", sockets: shares[i]!, query: SUBSCRIPTION, concurrency: 100 }, "opened")));
    const failed = opened.reduce((n, o) => n + o.failed, 0);
    console.log(
      `${subInstance.length} subscriptions on ${opened.reduce((n, o) => n + o.sockets, 0)} WebSockets opened in ${((performance.now() - t) / 1000).toFixed(1)} s` +
        ` (${perInstance[0]} + ${perInstance[1]} per instance; ${claims.length} claims, ` +
        (MODE === "fanout" ? `${FANOUT} subscribers each` : `${twoDeviceClaims} with two devices, ${claims.length - twoDeviceClaims} with one`) +
        `; ${CLIENT_PROCESSES} client processes)` +
        (failed ? `; ${failed} sockets FAILED (${opened.flatMap((o) => o.firstErrors).join("; ")})` : ""),
    );
    progress("waiting for the servers to settle");
    await settle(servers);
    progress("memory with the subscriptions open");
    const memAfter = await Promise.all(servers.map((s) => s.inspector!.memory(s.child.pid!)));
    if (HEAP_SNAPSHOT) {
      const file = join(HEAP_SNAPSHOT, `klaim-subscriptions-${MODE}-${snapshotAt}-after.heapsnapshot`);
      await servers[0]!.inspector!.heapSnapshot(file);
      console.log(`heap snapshots of instance A before and after the subscriptions opened: ${file.replace("-after", "-{before,after}")}`);
    }

    // Paced commits: one step of a claim in progress every 1/RATE s, at most CONCURRENCY transactions at once, a
    // claim's steps one after the other.
    const ring: number[] = [];
    let nextClaim = 0;
    while (ring.length < Math.min(ACTIVE_CLAIMS, claims.length)) ring.push(nextClaim++);
    let pointer = 0;
    let started = 0;
    let commits = 0;
    let inFlight = 0;
    let behind = 0;
    const commitMs: number[] = [];
    const pick = (): number | undefined => {
      for (let tried = 0; tried < ring.length; tried++) {
        pointer = (pointer + 1) % ring.length;
        if (!claims[ring[pointer]!]!.inFlight) return pointer;
      }
      return undefined;
    };
    const step = async (slot: number) => {
      const ci = ring[slot]!;
      const c = claims[ci]!;
      c.inFlight = true;
      const status = STEPS[c.step++]!;
      const begun = performance.now();
      const sequence = await database.db.transaction(async (tx) => {
        await tx.update(klaims).set({ status, nextActionAt: null }).where(eq(klaims.id, c.id));
        return (await appendKlaimEvent(tx, c.id, status, status, "system")).sequence;
      });
      c.committedAt[sequence - 1] = now();
      commitMs.push(performance.now() - begun);
      c.inFlight = false;
      commits += 1;
      if (c.step === STEPS.length) {
        // Finished: the next claim takes its place in the ring (or the ring shrinks).
        const at = ring.indexOf(ci);
        if (nextClaim < claims.length) ring[at] = nextClaim++;
        else ring.splice(at, 1);
      }
    };
    if (ALLOC_PROFILE) await servers[0]!.inspector!.call("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    progress(`driving ${RATE} commits/s for ${SECONDS} s`);
    const cpu0 = servers.map((s) => cpuSeconds(s.child.pid!));
    const clientCpu0 = clients.map((c) => cpuSeconds(c.child.pid!));
    const running: Promise<void>[] = [];
    const begin = performance.now();
    while (performance.now() - begin < SECONDS * 1000 && ring.length > 0) {
      const due = Math.floor(((performance.now() - begin) * RATE) / 1000);
      while (started < due && inFlight < CONCURRENCY) {
        const slot = pick();
        if (slot === undefined) break;
        started += 1;
        inFlight += 1;
        running.push(step(slot).finally(() => (inFlight -= 1)));
      }
      if (due - started > RATE / 10) behind += 1;
      await sleep(1);
    }
    await Promise.all(running);
    const driveMs = performance.now() - begin;
    if (ALLOC_PROFILE) {
      const { profile } = (await servers[0]!.inspector!.call("HeapProfiler.stopSampling")) as { profile: unknown };
      const file = join(ALLOC_PROFILE, `klaim-subscriptions-${MODE}-${Date.now()}.heapprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`allocation profile of instance A while driving: ${file}`);
    }
    const cpu1 = servers.map((s) => cpuSeconds(s.child.pid!));
    const clientCpu1 = clients.map((c) => cpuSeconds(c.child.pid!));

    progress("waiting for the last deliveries");
    // Wait until every expected delivery has arrived, or nothing more arrives for 10 s.
    const expected = subClaim.reduce((n, ci) => n + claims[ci]!.committedAt.length, 0);
    let received = 0;
    let lastProgress = Date.now();
    while (Date.now() - lastProgress < 10_000) {
      const counts = await Promise.all(clients.map((c) => c.ask({ type: "count" }, "count")));
      const r = counts.reduce((n, x) => n + x.received, 0);
      if (r > received) (received = r), (lastProgress = Date.now());
      if (received >= expected) break;
      await sleep(250);
    }
    const peak = servers.map((s) => {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.child.pid}/status`, "utf8"));
      return m ? Number(m[1]) * 1024 : NaN;
    });
    const results = await Promise.all(clients.map((c) => c.ask({ type: "collect" }, "results")));

    // Per subscription: its deliveries in arrival order.
    const arrivals = new Map<number, Array<{ sequence: number; at: number }>>();
    const completed = new Set<number>();
    const errors: Array<{ index: number; error: string }> = [];
    let closedEarly = 0;
    for (const r of results) {
      for (let i = 0; i < r.index.length; i++) {
        let list = arrivals.get(r.index[i]!);
        if (!list) arrivals.set(r.index[i]!, (list = []));
        list.push({ sequence: r.sequence[i]!, at: r.at[i]! });
      }
      for (const i of r.completed) completed.add(i);
      errors.push(...r.errors);
      closedEarly += r.closedEarly;
    }
    const latencies: number[][] = [[], []];
    let lost = 0;
    let duplicated = 0;
    let outOfOrder = 0;
    let notCompleted = 0;
    let deliveries = 0;
    for (let s = 0; s < subInstance.length; s++) {
      const c = claims[subClaim[s]!]!;
      const list = arrivals.get(s) ?? [];
      const seen = new Set<number>();
      let last = 0;
      for (const r of list) {
        deliveries += 1;
        if (seen.has(r.sequence)) duplicated += 1;
        else seen.add(r.sequence);
        if (r.sequence < last) outOfOrder += 1;
        last = Math.max(last, r.sequence);
        const committedAt = c.committedAt[r.sequence - 1];
        if (committedAt !== undefined) latencies[subInstance[s]!]!.push(r.at - committedAt);
      }
      for (let q = 1; q <= c.committedAt.length; q++) if (!seen.has(q)) lost += 1;
      if (c.step === STEPS.length && !completed.has(s)) notCompleted += 1;
    }
    const sorted = (xs: number[]) => Float64Array.from(xs).sort();
    const all = sorted([...latencies[0]!, ...latencies[1]!]);
    const summary = (xs: Float64Array) =>
      `${xs.length} deliveries, median ${fmt(quantile(xs, 0.5))}, p95 ${fmt(quantile(xs, 0.95))}, p99 ${fmt(quantile(xs, 0.99))}, max ${fmt(xs.at(-1) ?? NaN)}`;
    const commitSorted = sorted(commitMs);
    console.log(
      `${commits} events committed in ${(driveMs / 1000).toFixed(1)} s: ${(commits / (driveMs / 1000)).toFixed(1)} commits/s (target ${RATE}` +
        `${behind ? `, behind schedule in ${behind} ticks` : ""}); transaction median ${fmt(quantile(commitSorted, 0.5))}, p99 ${fmt(quantile(commitSorted, 0.99))}; ` +
        `expected deliveries ${expected}`,
    );
    console.log(`commit → delivery, all: ${summary(all)}`);
    console.log(`  instance A: ${summary(sorted(latencies[0]!))}`);
    console.log(`  instance B: ${summary(sorted(latencies[1]!))}`);
    console.log(
      `lost ${lost}, duplicated ${duplicated}, out of order ${outOfOrder}, not completed ${notCompleted}, errors ${errors.length}, sockets closed early ${closedEarly}` +
        (errors.length ? ` (first: ${errors[0]!.error})` : ""),
    );
    const driveS = driveMs / 1000;
    for (let i = 0; i < 2; i++) {
      const before = memBefore[i]!;
      const after = memAfter[i]!;
      console.log(
        `server ${"AB"[i]}: ${perInstance[i]} subscriptions; RSS ${mb(before.rss)} → ${mb(after.rss)} (${kb((after.rss - before.rss) / perInstance[i]!)} per subscription), ` +
          `heap after GC ${mb(before.heapUsed)} → ${mb(after.heapUsed)} (${kb((after.heapUsed - before.heapUsed) / perInstance[i]!)} per subscription), peak RSS ${mb(peak[i]!)}; ` +
          `CPU while driving ${(((cpu1[i]! - cpu0[i]!) / driveS) * 100).toFixed(0)}%`,
      );
    }
    console.log(
      `clients: CPU while driving ${clientCpu1.map((c, i) => `${(((c - clientCpu0[i]!) / driveS) * 100).toFixed(0)}%`).join(" + ")}; ` +
        `deliveries ${deliveries} (${(deliveries / driveS).toFixed(0)}/s)`,
    );
    if (lost || duplicated || outOfOrder || notCompleted || errors.length || failed || closedEarly) process.exitCode = 1;
  } finally {
    for (const s of servers) s.inspector?.close();
    for (const c of clients) c.close();
    await Promise.all(servers.map((s) => stopProcess(s.child)));
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
