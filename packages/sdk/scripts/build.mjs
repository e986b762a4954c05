// Builds dist/: the compiled modules (tsc), and the schema as frontends' tools need it without a server (production
// servers answer no introspection): dist/schema.graphql (the committed SDL) and dist/introspection.json.
//   node scripts/build.mjs      (pnpm --filter @jmo/sdk build; also run by `prepare` on every workspace install)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const sdk = fileURLToPath(new URL("..", import.meta.url));
const dist = `${sdk}dist`;
const schemaFile = fileURLToPath(new URL("../../schema/schema.graphql", import.meta.url));
const require = createRequire(import.meta.url);

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", `${sdk}tsconfig.build.json`], { stdio: "inherit" });
mkdirSync(dist, { recursive: true });
copyFileSync(schemaFile, `${dist}/schema.graphql`);
const { buildSchema, introspectionFromSchema } = await import("graphql");
const introspection = introspectionFromSchema(buildSchema(readFileSync(schemaFile, "utf8")), { descriptions: true, specifiedByUrl: true, inputValueDeprecation: true, oneOf: true });
// The shape a server's introspection answer has ({ "__schema": … }), which codegen and IDE plugins read as a schema.
writeFileSync(`${dist}/introspection.json`, JSON.stringify(introspection));
