// Loads the demo data into the configured database: `pnpm db:seed [--participants N]`.
// Refuses a database that already has participants, so it never mixes demo data into real data, and refuses
// production (NODE_ENV=production) unless SEED_DEMO_ACCOUNTS=true.
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { loadConfigOrExit } from "../src/config/environment.ts";
import { openConfiguredDatabase } from "../src/bootstrap.ts";
import { participants } from "../src/db/schema.ts";
import { seedDemoData } from "../src/seed/demo-data.ts";

const { values } = parseArgs({ options: { participants: { type: "string" } } });
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
const database = openConfiguredDatabase(config);
try {
  await database.migrate();
  const [row] = await database.db.select({ n: count() }).from(participants);
  if ((row?.n ?? 0) > 0) {
    console.error(`the ${database.kind} database already has ${row?.n} participants; seed an empty database`);
    process.exitCode = 1;
  } else {
    const started = Date.now();
    const summary = await seedDemoData(database.db, { participants: n });
    console.log(`seeded the ${database.kind} database in ${Date.now() - started} ms`, summary);
  }
} finally {
  await database.close();
}
