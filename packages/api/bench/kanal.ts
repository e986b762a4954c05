// Benchmark: kanalLayanan(near:) over HTTP, end to end (GraphQL parse, validation, the GiST nearest-first query through
// cube + earthdistance, "open now" per time zone, serialisation).
//
//   npx tsx --conditions=source packages/api/bench/kanal.ts                       # embedded PGlite
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --conditions=source packages/api/bench/kanal.ts
//
// The migration's real service points, plus BENCH_SYNTHETIC (20,000) synthetic points spread over Indonesia's bounding
// box so that the index, not a scan of a few dozen rows, is what is measured (0 measures the real table alone).
// BENCH_QUERIES (2,000) queries from random points, first 10, BENCH_CONCURRENCY (4) at a time; half of them with a
// radius of 50 km. Prints p50/p90/p99 per kind. On PostgreSQL it creates a database of its own and drops it afterwards.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { configureLogger } from "../src/common/logger.ts";
import { loadConfig } from "../src/config/environment.ts";
import { openDatabase, rowsOf, type Database } from "../src/db/database.ts";
import { startServer } from "../src/server/app.ts";
import { quantile } from "./support.ts";

const url = process.env.BENCH_DATABASE_URL;
const SYNTHETIC = Number(process.env.BENCH_SYNTHETIC ?? 20_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const QUERY = `query($near: GeoPointInput!, $radiusKm: Float) { kanalLayanan(near: $near, radiusKm: $radiusKm, first: 10) {
  edges { distanceKm node { id code name address openNow zonaWaktu location { lat lng approximate } } } pageInfo { hasNextPage endCursor } } }`;

// A deterministic generator, so that runs compare.
let state = 42;
function random(): number {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
}
/** A point in Indonesia's bounding box (6°N–11°S, 95°E–141°E). */
const point = () => ({ lat: 6 - random() * 17, lng: 95 + random() * 46 });

configureLogger("silent");
let admin: postgres.Sql | undefined;
let name = "";
let database: Database;
if (url) {
  name = `jmo_bench_kanal_${randomBytes(4).toString("hex")}`;
  admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  database = openDatabase({ kind: "postgres", url: u.toString(), max: 10 });
} else {
  database = openDatabase({ kind: "pglite", dataDir: null });
}
try {
  await database.migrate();
  if (SYNTHETIC > 0) {
    // One statement: the points, their cube, Monday–Friday hours, in a province by the point's longitude.
    await database.db.execute(sql`
      insert into kanal_layanan (code, name, kind, address, province_code, regency_code, provinsi, kabupaten, lat, lng,
        coordinates_approximate, location, opening_hours, services, source_url, source_title, source_status, source_checked_on)
      select 'BENCH-' || g, 'Titik Bench ' || g, 'GERAI_LAYANAN', 'sintetis', p.code, p.code || '71', 'bench', 'bench', lat, lng, true,
        ll_to_earth(lat, lng)::cube,
        '[{"day":1,"opens":"08:00","closes":"15:00"},{"day":2,"opens":"08:00","closes":"15:00"},{"day":3,"opens":"08:00","closes":"15:00"},{"day":4,"opens":"08:00","closes":"15:00"},{"day":5,"opens":"08:00","closes":"15:00"}]'::jsonb,
        array['INFORMASI'], 'https://example.invalid/bench', 'synthetic', 'UNVERIFIED', '2026-11-30'
      from (select g, 6 - (((g * 7919) % 17000) / 1000.0) as lat, 95 + (((g * 104729) % 46000) / 1000.0) as lng from generate_series(1, ${SYNTHETIC}) g) s
      cross join lateral (select case when s.lng < 116 then '32' when s.lng < 131 then '73' else '91' end as code) p`);
    await database.db.execute(sql`analyze kanal_layanan`);
  }
  // The plan of the nearest-first query: it must be the GiST index's nearest-neighbour scan, not a sort of every row.
  const plan = rowsOf<Record<string, string>>(
    await database.db.execute(sql`explain select id from kanal_layanan order by location <-> ll_to_earth(-6.9025, 107.6188) limit 11`),
  )
    .map((row) => Object.values(row)[0])
    .join(" | ");
  console.log(`plan: ${plan}`);
  const total = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from kanal_layanan`))[0]!.n;
  const config = loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", TOKEN_SECRET: "bench-secret-that-is-long-enough-0123456789", LOG_LEVEL: "silent" });
  const server = await startServer(config, database);
  try {
    const ask = async (variables: Record<string, unknown>) => {
      const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY, variables }) });
      const body = (await res.json()) as { errors?: unknown[]; data?: { kanalLayanan: { edges: unknown[] } } };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!.kanalLayanan.edges.length;
    };
    // Warm-up: the JIT and the server's caches.
    for (let i = 0; i < 50; i++) await ask({ near: point() });

    const times: Record<"nearest" | "radius50", number[]> = { nearest: [], radius50: [] };
    let next = 0;
    let results = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < QUERIES) {
          const i = next++;
          const kind = i % 2 === 0 ? "nearest" : "radius50";
          const t = performance.now();
          const edges = await ask(kind === "nearest" ? { near: point() } : { near: point(), radiusKm: 50 });
          results += edges;
          times[kind].push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`kanalLayanan(near:) on ${database.kind}, ${total.toLocaleString("en")} service points (${SYNTHETIC.toLocaleString("en")} synthetic), ${QUERIES} queries, ${CONCURRENCY} at a time: ${(QUERIES / seconds).toFixed(0)} queries/s, ${results} edges`);
    for (const [kind, list] of Object.entries(times)) {
      list.sort((a, b) => a - b);
      console.log(`  ${kind === "nearest" ? "nearest 10          " : "within 50 km, first 10"}: p50 ${quantile(list, 0.5).toFixed(2)} ms, p90 ${quantile(list, 0.90).toFixed(2)} ms, p99 ${quantile(list, 0.99).toFixed(2)} ms`);
    }
  } finally {
    await server.stop();
  }
} finally {
  await database.close();
  if (admin) {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
