// Benchmark (issue 12, goal 3): the home query's latency on a national-scale database next to a small one, side by
// side in one run. Two compiled servers (NODE_ENV=production), one per database, each driven in turn by a closed loop
// of C clients over U signed-in participants (round-robin); rounds alternate which database goes first.
//   pnpm build
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:seed 100000 --name jmo_bench_100k
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:seed 300 --name jmo_bench_300
//   pnpm bench:home-scale [--small URL] [--large URL] [--rounds 6] [--duration 5] [--concurrency 10] [--users 200]
// Defaults: jmo_bench_300 and jmo_bench_100k on BENCH_DATABASE_URL's server. Adds bench.<participant id>@bench.test
// accounts (as bench:compare does, reused by later runs). One warm-up round per database first: a participant's first
// view computes and keeps their closed years (one insert); the measured rounds are the repeat views members make.
import { spawn, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { BENCH_PASSWORD, benchAccounts, freePort, measuredServerEnv, median, quantile, sleep } from "./support.ts";

const COMPILED_MAIN = fileURLToPath(new URL("../dist/src/main.js", import.meta.url));
const TOKEN_SECRET = "bench-home-scale-secret-0123456789-abcdefghij";
const PASSWORD = BENCH_PASSWORD;
const HOME_QUERY = `{ me { fullName nikMasked cards { kpjMasked status segment employer { name } lastReported { period wage } saldoJht { total } } saldoJht { total years { year saldoAwal iuranPemberiKerja iuranPekerja pengembangan saldoAkhir } } } }`;

const admin = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const named = (name: string) => Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
const { values: args } = parseArgs({
  options: {
    small: { type: "string", default: named("jmo_bench_300") },
    large: { type: "string", default: named("jmo_bench_100k") },
    rounds: { type: "string", default: "6" },
    duration: { type: "string", default: "5" },
    concurrency: { type: "string", default: "10" },
    users: { type: "string", default: "200" },
  },
});
const ROUNDS = Number(args.rounds);
const DURATION_MS = Number(args.duration) * 1000;
const CLIENTS = Number(args.concurrency);
const USERS = Number(args.users);

interface Target {
  label: string;
  databaseUrl: string;
  sizes: string;
  url: string;
  child: ChildProcess;
  tokens: string[];
}


/** The bench accounts (support.ts) of the first USERS participants, and the database's size. */
async function benchAccountsOf(databaseUrl: string): Promise<{ emails: string[]; sizes: string }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await benchAccounts(sql, USERS);
    const [sizes] = await sql`select (select count(*) from participants)::int as p, (select count(*) from contributions)::int as c`;
    return { emails: rows.map((r) => r.email), sizes: `${sizes!.p} participants, ${sizes!.c} ledger rows` };
  } finally {
    await sql.end();
  }
}

async function graphql(url: string, query: string, token?: string, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

async function start(label: string, databaseUrl: string): Promise<Target> {
  const { emails, sizes } = await benchAccountsOf(databaseUrl);
  const port = await freePort();
  const child = spawn(process.execPath, [COMPILED_MAIN], {
    env: measuredServerEnv(databaseUrl, port, TOKEN_SECRET),
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${label} server exited with ${child.exitCode}`);
    if (i > 1200) throw new Error(`${label} server not ready in 120 s`);
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) break;
    await sleep(100);
  }
  const tokens: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < emails.length) {
        const i = next++;
        const data = await graphql(
          url,
          `mutation { login(input: { identifier: ${JSON.stringify(emails[i])}, password: ${JSON.stringify(PASSWORD)} }) { accessToken } }`,
          undefined,
          { "x-forwarded-for": `10.77.${(i >> 8) & 255}.${i & 255}` },
        );
        tokens[i] = data.login.accessToken;
      }
    }),
  );
  return { label, databaseUrl, sizes, url, child, tokens };
}

/** C clients, each sending the next request when its answer is in, for `ms`; latencies in ms. */
async function closedLoop(target: Target, ms: number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const token = target.tokens[next++ % target.tokens.length]!;
        const t0 = performance.now();
        await graphql(target.url, HOME_QUERY, token);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid!, "SIGTERM");
  await exited;
}

const load = [loadavg()[0]!];
const targets: Target[] = [];
try {
  targets.push(await start("small", args.small!), await start("large", args.large!));
  for (const t of targets) await closedLoop(t, Math.max(2_000, DURATION_MS / 2)); // warm-up: first views, JIT
  const samples = new Map<string, { latencies: number[]; rps: number[]; p99: number[] }>(targets.map((t) => [t.label, { latencies: [], rps: [], p99: [] }]));
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? targets : [...targets].reverse();
    const line: string[] = [];
    for (const t of order) {
      const { latencies, seconds } = await closedLoop(t, DURATION_MS);
      const s = samples.get(t.label)!;
      s.latencies.push(...latencies);
      s.rps.push(latencies.length / seconds);
      s.p99.push(quantile([...latencies].sort((a, b) => a - b), 0.99));
      line.push(`${t.label} ${(latencies.length / seconds).toFixed(0)} req/s p99 ${s.p99.at(-1)!.toFixed(1)} ms`);
    }
    load.push(loadavg()[0]!);
    console.error(`round ${round}/${ROUNDS} (load ${loadavg()[0]!.toFixed(1)}): ${line.join(", ")}`);
  }
  const small = samples.get("small")!;
  const large = samples.get("large")!;
  const ratios = small.p99.map((p, i) => large.p99[i]! / p);
  console.log(
    `\nHome query at c=${CLIENTS}, ${USERS} participants round-robin, ${ROUNDS} interleaved rounds of ${DURATION_MS / 1000} s per database ` +
      `(load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} on this machine)\n`,
  );
  console.log("| database | req/s (median of rounds) | p50 ms | p99 ms (all requests) |");
  console.log("|---|---:|---:|---:|");
  for (const t of targets) {
    const s = samples.get(t.label)!;
    const sorted = [...s.latencies].sort((a, b) => a - b);
    console.log(`| ${t.label}: ${t.sizes} | ${median(s.rps).toFixed(0)} | ${quantile(sorted, 0.5).toFixed(1)} | ${quantile(sorted, 0.99).toFixed(1)} |`);
  }
  console.log(`\np99 large / small: median of per-round ratios ${median(ratios).toFixed(2)}× (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")})`);
} finally {
  for (const t of targets) await stop(t.child);
}
