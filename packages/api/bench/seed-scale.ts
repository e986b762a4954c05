// Benchmark: `pnpm db:seed --participants N` into a fresh PostgreSQL database of its own (dropped afterwards):
// wall time, the seeder's peak RSS (from /usr/bin/time -v: its largest process) and the row counts.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=source packages/api/bench/seed-scale.ts [N] [--keep]
// N defaults to 100,000. --keep leaves the database for other benchmarks and prints its URL; --name NAME (implies
// --keep) gives it a fixed name, e.g. jmo_bench_100k for `pnpm bench:compare --database-url …` (refused if it exists).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("set BENCH_DATABASE_URL to a PostgreSQL server (a database of its own is created there)");
  process.exit(1);
}
const n = Number(process.argv.find((a, i) => i > 1 && /^\d+$/.test(a)) ?? 100_000);
const nameArg = process.argv.indexOf("--name");
const fixedName = nameArg > 0 ? process.argv[nameArg + 1] : undefined;
if (fixedName !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(fixedName)) {
  console.error("--name must be a lower-case PostgreSQL identifier");
  process.exit(1);
}
const keep = process.argv.includes("--keep") || fixedName !== undefined;
const name = fixedName ?? `jmo_seed_bench_${randomBytes(4).toString("hex")}`;
const target = new URL(url);
target.pathname = `/${name}`;

const admin = postgres(url, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
let succeeded = false;
try {
  // The command as documented, heap cap included (package.json); /usr/bin/time reports its largest process.
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  const started = Date.now();
  let timeOutput = "";
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn("/usr/bin/time", ["-v", "pnpm", "--silent", "db:seed", "--participants", String(n)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: target.toString() },
      stdio: ["ignore", "inherit", "pipe"],
    });
    // Progress lines pass through; /usr/bin/time's report is kept for the peak RSS.
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.startsWith("seed:")) process.stderr.write(text);
      else timeOutput += text;
    });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  const seconds = (Date.now() - started) / 1000;
  if (code !== 0) throw new Error(`seed exited with ${code}: ${timeOutput.slice(-2000)}`);
  const maxRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1] ?? NaN);
  const db = postgres(target.toString(), { max: 1, onnotice: () => {} });
  const [counts] = await db`select (select count(*) from participants)::int as participants, (select count(*) from cards)::int as cards,
    (select count(*) from contributions)::int as contributions, pg_size_pretty(pg_database_size(current_database())) as size`;
  await db.end();
  console.log(
    `seed-scale: ${n} participants in ${seconds.toFixed(0)} s, peak RSS ${Math.round(maxRssKb / 1024)} MB, ` +
      `${counts!.contributions} ledger rows (${Math.round(counts!.contributions / seconds)} rows/s), ` +
      `${counts!.participants} participants, ${counts!.cards} cards, database ${counts!.size}`,
  );
  if (keep) console.log(`kept: ${target.toString()}`);
  succeeded = true;
} finally {
  // A failed run leaves nothing behind, so a fixed name can be used again.
  if (!keep || !succeeded) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
