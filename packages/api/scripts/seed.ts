// Loads the demo data into the configured database: `pnpm db:seed [--participants N] [--batch-size B]`, in batches
// (COPY) with progress on stderr. `pnpm db:seed` caps the heap (--max-old-space-size=448, package.json): the seeder
// keeps under 200 MB alive, but uncapped V8 let its garbage grow the process to 950 MB at 100,000 participants.
// Refuses a database that already has participants, so it never mixes demo data into real data, and refuses
// production (NODE_ENV=production) unless SEED_DEMO_ACCOUNTS=true.
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { loadConfigOrExit } from "../src/config/environment.ts";
import { openConfiguredDatabase } from "../src/bootstrap.ts";
import { participants } from "../src/db/schema.ts";
import { DEFAULT_BATCH_SIZE, DEMO_ACCOUNTS, seedDemoData, type SeedProgress } from "../src/seed/demo-data.ts";

const DEMO_PARTICIPANTS = DEMO_ACCOUNTS.filter((a) => a.role === "PESERTA").length;

const { values } = parseArgs({ options: { participants: { type: "string" }, "batch-size": { type: "string" } } });
const config = loadConfigOrExit();
// The demo accounts share a public password: never in production unless asked for explicitly (and knowingly).
if (!config.seedDemoAccounts) {
  console.error(
    `refusing to seed the demo accounts (their password is public) with NODE_ENV=${config.env}; ` +
      "set SEED_DEMO_ACCOUNTS=true only for a throwaway demo deployment",
  );
  process.exit(1);
}
const n = values.participants ? Number(values.participants) : config.seedParticipants;
if (!Number.isInteger(n) || n < 0) {
  console.error("--participants must be a whole number");
  process.exit(1);
}
const batchSize = values["batch-size"] ? Number(values["batch-size"]) : DEFAULT_BATCH_SIZE;
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error("--batch-size must be a positive whole number");
  process.exit(1);
}

/** Prints participants, ledger rows, rows/s and RSS to stderr at most every 3 s. */
function progressPrinter(started: number): (progress: SeedProgress) => void {
  let last = 0;
  return ({ participants: done, contributions: rows }) => {
    const now = Date.now();
    if (now - last < 3_000 && done < n) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rss = Math.round(process.memoryUsage.rss() / 2 ** 20);
    console.error(
      `seed: ${done}/${n + DEMO_PARTICIPANTS} participants, ${rows} ledger rows, ` +
        `${Math.round(rows / seconds)} rows/s, ${seconds.toFixed(0)} s, RSS ${rss} MB`,
    );
  };
}

const database = openConfiguredDatabase(config);
try {
  console.error(`seed: applying migrations to the ${database.kind} database…`);
  await database.migrate();
  const [row] = await database.db.select({ n: count() }).from(participants);
  if ((row?.n ?? 0) > 0) {
    console.error(`the ${database.kind} database already has ${row?.n} participants; seed an empty database`);
    process.exitCode = 1;
  } else {
    const started = Date.now();
    console.error(`seed: generating and writing ${n + DEMO_PARTICIPANTS} participants…`);
    const summary = await seedDemoData(database.db, { participants: n }, { batchSize, onProgress: progressPrinter(started) });
    console.log(`seeded the ${database.kind} database in ${Date.now() - started} ms`, summary);
  }
} finally {
  await database.close();
}
