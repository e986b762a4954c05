// Benchmark of the attacks of issue 10 (findings 2, 3 and 4), each against a server with its limits raised to effectively
// off and against one with the defaults: the attack's response time and outcome, the server's RSS before, at its peak
// and after, and the latency of a normal query (`{ banks { code } }`, one after another) while the attack runs.
//   npx tsx --conditions=source packages/api/bench/abuse.ts            (embedded PGlite, in memory)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=source packages/api/bench/abuse.ts
// Each server runs in a child process (4 GB heap at most), so that its RSS is its own and a blocked server does not
// block the measuring client. Prints figures only. The "off" WebSocket attack needs the WebSocket server's maxPayload
// to follow MAX_REQUEST_BYTES.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import WebSocket from "ws";
import { makeZeroPng } from "../test/support/selfies.ts";

type Mode = "off" | "defaults";

/** Every limit as high as the configuration allows. */
const LIMITS_OFF: Record<string, string> = {
  MAX_REQUEST_BYTES: "104857600",
  MAX_DOCUMENT_BYTES: "104857600",
  MAX_TOKENS: "100000000",
  MAX_ALIASES: "100000000",
  MAX_DEPTH: "100000",
  MAX_DIRECTIVES: "100000000",
  MAX_COST: "1000000000",
  // The configuration's maximum: the 4898×4898 bomb of finding 4 (23.99 MP) passes the header check and is decoded.
  SELFIE_MAX_MEGAPIXELS: "24",
};
const PASSWORD = "Bench#2026";
const ATTACK_TIMEOUT_MS = 180_000;

// ---------------------------------------------------------------- the server (child process)

async function serve(mode: Mode): Promise<void> {
  const { loadConfig } = await import("../src/config/environment.ts");
  const { configureLogger } = await import("../src/common/logger.ts");
  const { openDatabase } = await import("../src/db/database.ts");
  const { startServer } = await import("../src/server/app.ts");
  const { accounts, cards, contributions, employers, participants } = await import("../src/db/schema.ts");
  const { hashPassword } = await import("../src/modules/accounts/password.ts");
  const { contributionFor } = await import("../src/modules/saldo/contribution-rules.ts");
  const { addMonths } = await import("../src/seed/calendar.ts");
  configureLogger("silent");

  const url = process.env.BENCH_DATABASE_URL;
  let drop = async () => {};
  let database;
  if (url) {
    const name = `jmo_abuse_${randomBytes(4).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = openDatabase({ kind: "postgres", url: u.toString(), max: 20 });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = openDatabase({ kind: "pglite", dataDir: null });
  }
  await database.migrate();
  // One participant with a PU card and two years of contributions, for simulasiJht.
  const db = database.db;
  const [employer] = await db.insert(employers).values({ npp: "90000002", name: "PT Bench Abuse" }).returning();
  const [p] = await db
    .insert(participants)
    .values({ nik: "3174071405900019", fullName: "Bench Abuse", birthDate: "1990-05-14", gender: "LAKI_LAKI" })
    .returning();
  const [card] = await db
    .insert(cards)
    .values({ participantId: p!.id, kpj: "18000000001", registeredNik: p!.nik, registeredBirthDate: p!.birthDate, segment: "PU", status: "AKTIF", employerId: employer!.id, registeredAt: "2018-03-01" })
    .returning();
  await db.insert(contributions).values(
    Array.from({ length: 24 }, (_, m) => {
      const period = addMonths("2018-03-01", m);
      const wageSen = 400_000_000n;
      return { cardId: card!.id, period, employerId: employer!.id, wageSen, paidAt: `${addMonths(period, 1).slice(0, 7)}-10`, ...contributionFor("PU", wageSen, period, { jpCapBeyondTable: "LATEST_ASSUMED" }) };
    }),
  );
  await db.insert(accounts).values({ participantId: p!.id, email: "abuse@example.test", passwordHash: await hashPassword(PASSWORD) });

  const config = loadConfig({ NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...(mode === "off" ? LIMITS_OFF : {}) });
  const server = await startServer(config, database);
  process.send!({ url: server.url });
  process.on("message", async (m) => {
    if (m !== "stop") return;
    await server.stop();
    await database.close();
    await drop();
    process.exit(0);
  });
}

// ---------------------------------------------------------------- the attacker and the measuring client (parent)

const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} }`;

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // the server died
  }
}

async function post(url: string, query: string, token?: string): Promise<string> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(ATTACK_TIMEOUT_MS),
  });
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string; detail?: string } }>; extensions?: { sqlStatements?: number } };
    const e = body.errors?.[0]?.extensions;
    const outcome = e ? (e.detail ?? e.code ?? "error") : "data";
    return `${res.status} ${outcome}${body.extensions?.sqlStatements !== undefined ? `, ${body.extensions.sqlStatements} SQL` : ""}`;
  } catch {
    return `${res.status} (${text.length} bytes, not JSON)`;
  }
}

/** One operation with variables (the selfie travels base64 in a variable, as the app sends it). */
async function postWithVariables(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<string> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(ATTACK_TIMEOUT_MS),
  });
  const body = (await res.json()) as { data?: Record<string, { userErrors?: Array<{ code: string }> }>; errors?: Array<{ extensions?: { code?: string } }> };
  const payload = body.data ? Object.values(body.data)[0] : undefined;
  return `${res.status} ${body.errors?.[0]?.extensions?.code ?? payload?.userErrors?.[0]?.code ?? "passed"}`;
}

/** Takes the signed-in participant through pengkinian's KPJ step (one card: confirmed as shown) to the selfie. */
async function toSelfieStep(url: string, token: string): Promise<void> {
  const started = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation { pengkinianStart { pengkinian { kpjChallenge { cardId } } } }` }),
  });
  const { data } = (await started.json()) as { data: { pengkinianStart: { pengkinian: { kpjChallenge: Array<{ cardId: string }> } } } };
  const cards = data.pengkinianStart.pengkinian.kpjChallenge.map((c) => ({ cardId: c.cardId }));
  await postWithVariables(url, `mutation($input: PengkinianConfirmKepesertaanInput!) { pengkinianConfirmKepesertaan(input: $input) { userErrors { code } } }`, { input: { cards } }, token);
}

const BIOMETRIC = `mutation($input: PengkinianVerifyBiometricInput!) { pengkinianVerifyBiometric(input: $input) { userErrors { code } } }`;

/** graphql-ws by hand: init, ack, then one subscribe message of `query`; the outcome is the server's first answer. */
function wsAttack(url: string, query: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
    const timer = setTimeout(() => done(`no answer in ${ATTACK_TIMEOUT_MS / 1000} s`), ATTACK_TIMEOUT_MS);
    const done = (outcome: string) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => {});
      socket.terminate();
      resolve(outcome);
    };
    socket.on("error", (err) => done(`socket error ${err.message}`));
    socket.on("close", (code) => done(`closed ${code}`));
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: {} })));
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: Array<{ extensions?: { detail?: string; code?: string } }> };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ type: "subscribe", id: "1", payload: { query } }));
      } else if (message.type === "error") {
        const e = message.payload?.[0]?.extensions;
        done(`error ${e?.detail ?? e?.code ?? ""}`);
      } else if (message.type === "next") {
        done("data");
      }
    });
  });
}

interface Attack {
  name: string;
  /** The document, built before the clock starts. */
  document: () => string;
  run(url: string, token: string, document: string): Promise<string>;
}

const ATTACKS: Attack[] = [
  { name: "5,000 jhtRates aliases, anonymous", document: () => aliases(5000, "jhtRates { year }"), run: (url, _t, doc) => post(url, doc) },
  {
    name: "4 x 500 wilayah aliases, concurrent",
    document: () => aliases(500, `wilayah(search: "bandung", first: 50) { villageCode }`),
    run: async (url, _t, doc) => [...new Set(await Promise.all(Array.from({ length: 4 }, () => post(url, doc))))].join(" / "),
  },
  {
    name: "500 simulasiJht aliases, signed in",
    document: () => aliases(500, `simulasiJht(input: { monthlyWage: "5000000.00" }) { saldoAt56 }`),
    run: (url, token, doc) => post(url, doc, token),
  },
  { name: "100,000 @skip directives", document: () => `{ banks ${"@skip(if: false) ".repeat(100_000)}{ code } }`, run: (url, _t, doc) => post(url, doc) },
  {
    // Finding 4: a 93 KB PNG declaring 4898×4898, six at once (each may use a selfie attempt: three block the account,
    // so this runs after the others and before the last).
    name: "6 x 4898x4898 PNG selfie bomb",
    document: () => "",
    run: async (url, token) => {
      const bomb = (await makeZeroPng(4898, 4898)).toString("base64");
      await toSelfieStep(url, token);
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => postWithVariables(url, BIOMETRIC, { input: { selfie: bomb } }, token)));
      return [...new Set(outcomes)].join(" / ");
    },
  },
  // Last: it leaves the most memory behind. 27.5 MB of `aN: __typename` (1.9 M aliases), as in finding 2.
  { name: "27.5 MB WebSocket message", document: () => aliases(1_900_000, "__typename"), run: (url, _t, doc) => wsAttack(url, doc) },
];

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

/** `{ banks { code } }` one after another until `until` settles; the latencies, sorted. */
async function normalTraffic(url: string, until: Promise<unknown>): Promise<number[]> {
  let running = true;
  void until.finally(() => (running = false));
  const ms: number[] = [];
  while (running) {
    const started = performance.now();
    try {
      await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ banks { code } }" }) }).then((r) => r.text());
    } catch {
      // counted with its time
    }
    ms.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  return ms.sort((a, b) => a - b);
}

async function startChild(mode: Mode): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", mode], {
    execArgv: [...process.execArgv, "--max-old-space-size=4096"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}

async function bench(): Promise<void> {
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}`;
  console.log(`load before: ${execSync("uptime").toString().trim()}`);
  console.log(`database: ${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "PGlite (in memory)"}; normal query: { banks { code } }, one at a time, 20 ms apart`);
  const rows: string[][] = [["attack", "limits", "outcome", "attack ms", "RSS before MB", "RSS peak MB", "RSS after MB", "normal p50 ms", "normal p99 ms", "normal n"]];
  for (const mode of ["off", "defaults"] as const) {
    const { child, url } = await startChild(mode);
    const pid = child.pid!;
    const login = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(input: { identifier: "abuse@example.test", password: "${PASSWORD}" }) { accessToken } }` }),
    });
    const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    // Warm up: the wilayah index, the JIT, a simulation.
    await post(url, `{ wilayah(search: "bandung") { villageCode } banks { code } }`);
    await post(url, `{ simulasiJht(input: { monthlyWage: "5000000.00" }) { saldoAt56 } }`, token);
    const quiet = await normalTraffic(url, new Promise((r) => setTimeout(r, 2000)));
    rows.push(["(no attack, 2 s)", mode, "", "", mb(rssOf(pid)), "", "", percentile(quiet, 50).toFixed(1), percentile(quiet, 99).toFixed(1), String(quiet.length)]);
    for (const attack of ATTACKS) {
      const document = attack.document();
      await new Promise((r) => setTimeout(r, 1000));
      const before = rssOf(pid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 25);
      const started = performance.now();
      const outcome = attack.run(url, token, document).catch((e: unknown) => `failed: ${e instanceof Error ? e.message : String(e)}`);
      const [result, latencies] = await Promise.all([outcome.then((o) => ({ o, ms: performance.now() - started })), normalTraffic(url, outcome)]);
      await new Promise((r) => setTimeout(r, 1000));
      clearInterval(sampler);
      const after = rssOf(pid);
      rows.push([attack.name, mode, result.o, result.ms.toFixed(0), mb(before), mb(peak), mb(after), percentile(latencies, 50).toFixed(1), percentile(latencies, 99).toFixed(1), String(latencies.length)]);
      console.log(`  ${mode}: ${attack.name}: ${result.o} in ${result.ms.toFixed(0)} ms`);
      if (!after) break; // the server died
    }
    if (child.exitCode === null && child.connected) {
      child.send("stop");
      await new Promise((r) => child.once("exit", r));
    } else {
      console.log(`  ${mode}: the server died (exit ${child.exitCode ?? child.signalCode})`);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  console.log(`load after: ${execSync("uptime").toString().trim()}`);
}

if (process.argv[2] === "--serve") await serve(process.argv[3] as Mode);
else await bench();
