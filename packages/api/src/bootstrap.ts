import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { count } from "drizzle-orm";
import type { Config } from "./config/environment.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { participants } from "./db/schema.ts";
import { logger } from "./common/logger.ts";

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Database {
  return config.databaseUrl
    ? openDatabase({
        kind: "postgres",
        url: config.databaseUrl,
        max: config.database.poolMax,
        listenUrl: config.database.listenUrl,
        prepare: config.database.prepare,
      })
    : openDatabase({ kind: "pglite", dataDir: resolve(config.dataDir) });
}

/**
 * Applies the committed migrations. The embedded database is also seeded with the demo accounts the
 * first time it starts empty, so a newcomer needs nothing but Node; PostgreSQL is seeded with `pnpm db:seed`.
 * Not in production: the demo password is public, so there it starts empty unless SEED_DEMO_ACCOUNTS=true.
 *
 * Returns the database to serve from: after seeding, `reopen` (when given) replaces the embedded one, whose WebAssembly
 * heap grew during the seed and never shrinks; a reopened data folder starts at its idle size.
 */
export async function prepareDatabase(config: Config, database: Database, reopen?: () => Database): Promise<Database> {
  // The first start is otherwise silent for seconds: say what it is doing.
  logger.info(database.kind === "pglite" ? `opening the embedded database in ${config.dataDir} and applying migrations…` : "applying database migrations…");
  await database.migrate();
  if (database.kind !== "pglite") return database;
  const [row] = await database.db.select({ n: count() }).from(participants);
  if ((row?.n ?? 0) > 0) return database;
  if (!config.seedDemoAccounts) {
    logger.info("embedded database started empty: demo accounts are not seeded (SEED_DEMO_ACCOUNTS)");
    return database;
  }
  if (config.env === "production") logger.warn("SEED_DEMO_ACCOUNTS=true in production: demo accounts with a public password are seeded");
  const started = Date.now();
  // Loaded only here: the generator and its data (faker, every village) are not needed by a server that has data.
  const { seedDemoData, DEMO_ACCOUNTS } = await import("./seed/demo-data.ts");
  const total = config.seedParticipants + DEMO_ACCOUNTS.filter((a) => a.role === "PESERTA").length;
  logger.info(`seeding demo data (first start only): ${total} participants…`);
  let lastProgress = started;
  const summary = await seedDemoData(
    database.db,
    { participants: config.seedParticipants },
    {
      onProgress: ({ participants: done }) => {
        if (Date.now() - lastProgress < 2_000) return;
        lastProgress = Date.now();
        logger.info(`seeding demo data: ${done}/${total} participants`);
      },
    },
  );
  logger.info({ ...summary, ms: Date.now() - started }, "embedded database seeded with demo data");
  if (!reopen) return database;
  await database.close();
  // Once this call has returned, nothing references the closed instance any more.
  setImmediate(collectGarbage);
  return reopen();
}

/**
 * A full garbage collection: the closed instance's WebAssembly heap (several hundred MB after initdb and the seed) and
 * the generator's data would otherwise go whenever V8 next collects, which on an idle server can be never.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
