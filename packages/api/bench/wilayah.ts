// Wilayah search benchmark: load time, memory, and the latency of 1,000 searches of realistic fragments.
// Run: npx tsx --conditions=source packages/api/bench/wilayah.ts
// (with NODE_OPTIONS=--expose-gc the memory figure excludes garbage left by parsing the CSV files)
// Prints figures only; nothing asserts on time (timings depend on the machine).
import { performance } from "node:perf_hooks";
import { loadWilayah, searchWilayah } from "../src/modules/reference/wilayah.ts";

// What people type into a location picker: a kelurahan, kecamatan or kabupaten, whole or cut short, alone or with
// a second word, in any case; some match thousands of villages ("jawa", "sari"), some none.
const FRAGMENTS = [
  "dago", "coblong", "coblong bandung", "kota bandung", "bandung", "kebayoran", "kebayoran lama", "jakarta selatan",
  "tebet", "menteng", "cilandak", "sukamaju", "sukajadi", "sari", "jawa", "surabaya", "gubeng", "wonokromo",
  "semarang", "tembalang", "yogyakarta", "sleman", "depok", "bekasi", "tangerang selatan", "ciputat", "bogor",
  "cibinong", "medan", "makassar", "denpasar", "kuta", "mataram", "kupang", "pontianak", "balikpapan",
  "samarinda", "manado", "jayapura", "ambon", "palembang", "pekanbaru", "padang", "banda aceh", "kec", "kel",
  "Sukarame", "MARGAHAYU", "Cipayung", "pondok", "pondok gede", "rawamangun", "kampung melayu", "tanah abang",
  "gambir", "klaten", "sragen", "blitar", "kediri", "malang", "batu", "probolinggo", "xyzq", "ngawi", "nganjuk",
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  await loadWilayah();
  const loadMs = performance.now() - started;
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const rssAfter = process.memoryUsage().rss;

  // A first pass lets the JIT compile the search before it is measured.
  for (const term of FRAGMENTS) await searchWilayah(term, 20);

  const times: number[] = [];
  let results = 0;
  for (let i = 0; i < 1000; i++) {
    const term = FRAGMENTS[i % FRAGMENTS.length]!;
    const t = performance.now();
    results += (await searchWilayah(term, 20)).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`load (read + index 83,762 villages): ${loadMs.toFixed(0)} ms`);
  console.log(`memory after load: heap +${mb(heapAfter - heapBefore)}, rss +${mb(rssAfter - rssBefore)}${globalThis.gc ? "" : " (run with --expose-gc for steadier figures)"}`);
  console.log(
    `1,000 searches (first 20, ${FRAGMENTS.length} fragments, ${results} results): ` +
      `p50 ${percentile(times, 50).toFixed(2)} ms, p90 ${percentile(times, 90).toFixed(2)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
