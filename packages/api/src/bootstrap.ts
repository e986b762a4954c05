import { resolve } from "node:path";
import { count } from "drizzle-orm";
import type { Config } from "./config/environment.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { participants } from "./db/schema.ts";
import { logger } from "./common/logger.ts";
import { seedDemoData } from "./seed/demo-data.ts";

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Database {
  return config.databaseUrl
    ? openDatabase({ kind: "postgres", url: config.databaseUrl })
    : openDatabase({ kind: "pglite", dataDir: resolve(config.dataDir) });
}

/**
 * Applies the committed migrations. The embedded database is also seeded with the demo accounts the
 * first time it starts empty, so a newcomer needs nothing but Node; PostgreSQL is seeded with `pnpm db:seed`.
 * Not in production: the demo password is public, so there it starts empty unless SEED_DEMO_ACCOUNTS=true.
 */
export async function prepareDatabase(config: Config, database: Database): Promise<void> {
  await database.migrate();
  if (database.kind !== "pglite") return;
  const [row] = await database.db.select({ n: count() }).from(participants);
  if ((row?.n ?? 0) > 0) return;
  if (!config.seedDemoAccounts) {
    logger.info("embedded database started empty: demo accounts are not seeded (SEED_DEMO_ACCOUNTS)");
    return;
  }
  if (config.env === "production") logger.warn("SEED_DEMO_ACCOUNTS=true in production: demo accounts with a public password are seeded");
  const started = Date.now();
  const summary = await seedDemoData(database.db, { participants: config.seedParticipants });
  logger.info({ ...summary, ms: Date.now() - started }, "embedded database seeded with demo data");
}
