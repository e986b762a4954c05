// `pnpm build`, after tsc: copies into packages/api/dist what tsc does not emit (files that are not TypeScript and
// that the compiled code loads next to itself), then builds the local explorer (explorer/build.mjs). The drizzle
// migrations are not copied: database.ts finds packages/api/drizzle from src/db and from dist/src/db alike.
import { copyFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const assets = ["src/modules/reference/selfie-decode.worker.mjs"];
const root = (relative) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

for (const asset of assets) {
  copyFileSync(root(asset), root(`dist/${asset}`));
}
for (const entry of ["dist/src/main.js", "dist/scripts/klaim-worker.js", "dist/scripts/migrate.js", "dist/scripts/seed.js"]) {
  if (!existsSync(root(entry))) throw new Error(`build incomplete: ${entry} is missing`);
}
// A smoke check of the output: the compiled modules load under plain node (the default export condition, so
// @jmo/schema from its dist and reflect-metadata), the migrations folder resolves from dist, the worker sits next
// to its pool. Importing defines things only: no database is opened and no port taken.
const { MIGRATIONS_FOLDER } = await import(new URL("../dist/src/db/database.js", import.meta.url).href);
if (!existsSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`)) throw new Error(`build: no migrations at ${MIGRATIONS_FOLDER}`);
await import(new URL("../dist/src/server/app.js", import.meta.url).href);
console.log(`build: packages/api/dist ready (${assets.length} asset copied, compiled modules load, migrations at ${MIGRATIONS_FOLDER})`);
// The local explorer (GraphiQL) for development servers, including one started from dist; production serves none.
const { buildExplorer, EXPLORER_DIST } = await import("../explorer/build.mjs");
const explorer = await buildExplorer();
const size = `${(explorer.bytes / 2 ** 20).toFixed(1)} MiB`;
console.log(explorer.built ? `build: explorer built in ${(explorer.ms / 1000).toFixed(1)} s at ${EXPLORER_DIST} (${size})` : `build: explorer up to date at ${EXPLORER_DIST} (${size})`);
process.exit(0);
