// Applies the committed migrations to the configured database (DATABASE_URL, or the embedded one).
import { loadConfigOrExit } from "../src/config/environment.ts";
import { openConfiguredDatabase } from "../src/bootstrap.ts";

const config = loadConfigOrExit();
const database = openConfiguredDatabase(config);
await database.migrate();
await database.close();
console.log(`migrated the ${database.kind} database`);
