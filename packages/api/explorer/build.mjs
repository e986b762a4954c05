// Builds the local explorer (GraphiQL, ./src) into ./dist with Vite: `node packages/api/explorer/build.mjs [--force]`.
// Run by `pnpm build` (scripts/build-assets.mjs) and, when ./dist is missing or older than the sources, by the
// development start in the background. Plain JavaScript so that it runs under node without tsx.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const EXPLORER_ROOT = fileURLToPath(new URL(".", import.meta.url));
export const EXPLORER_DIST = join(EXPLORER_ROOT, "dist");
const STAMP = ".build-stamp";
// The packages that end up in the bundle: a changed pin means a rebuild.
const BUNDLED = ["graphiql", "@graphiql/toolkit", "react", "react-dom", "graphql", "graphql-ws", "vite"];

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A hash of what the bundle is made from: the sources, this script and the pinned versions. */
export function explorerSourceStamp() {
  const hash = createHash("sha256");
  const pkg = JSON.parse(readFileSync(join(EXPLORER_ROOT, "../package.json"), "utf8"));
  const pins = { ...pkg.dependencies, ...pkg.devDependencies };
  hash.update(JSON.stringify(BUNDLED.map((name) => [name, pins[name] ?? null])));
  for (const file of [join(EXPLORER_ROOT, "index.html"), fileURLToPath(import.meta.url), ...filesUnder(join(EXPLORER_ROOT, "src")).sort()]) {
    hash.update(file.slice(EXPLORER_ROOT.length)).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** True when ./dist holds a build of the current sources. */
export function explorerIsBuilt() {
  const stamp = join(EXPLORER_DIST, STAMP);
  return existsSync(stamp) && readFileSync(stamp, "utf8") === explorerSourceStamp();
}

/**
 * Builds into a folder of its own and renames it into place, so that two processes building at once (two test
 * files, a start during `pnpm build`) never serve or leave a half-written bundle. Returns what it did.
 */
export async function buildExplorer({ force = false, logLevel = "warn" } = {}) {
  if (!force && explorerIsBuilt()) return { built: false, ms: 0, bytes: bundleBytes() };
  const started = Date.now();
  const stamp = explorerSourceStamp();
  const { build } = await import("vite");
  const outDir = join(EXPLORER_ROOT, `.dist-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await build({
      root: EXPLORER_ROOT,
      // Relative asset URLs: the bundle works wherever it is mounted (/explorer/).
      base: "./",
      configFile: false,
      logLevel,
      build: {
        outDir,
        emptyOutDir: true,
        reportCompressedSize: false,
        // Monaco (GraphiQL's editor) is one large chunk by nature; it is served from the developer's own machine.
        chunkSizeWarningLimit: 4096,
        rolldownOptions: {
          onwarn(warning, warn) {
            // framer-motion's "use client" directives mean nothing outside React Server Components.
            if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
            warn(warning);
          },
        },
      },
    });
    writeFileSync(join(outDir, STAMP), stamp);
    rmSync(EXPLORER_DIST, { recursive: true, force: true });
    try {
      renameSync(outDir, EXPLORER_DIST);
    } catch (err) {
      // Another process put its build in place first: it is built from the same sources.
      if (!explorerIsBuilt()) throw err;
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return { built: true, ms: Date.now() - started, bytes: bundleBytes() };
}

function bundleBytes() {
  if (!existsSync(EXPLORER_DIST)) return 0;
  return filesUnder(EXPLORER_DIST).reduce((sum, file) => sum + statSync(file).size, 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes("--force");
  // The development start reads this line to say that a build is under way.
  if (force || !explorerIsBuilt()) console.log(`explorer: building ${EXPLORER_DIST} with Vite…`);
  const result = await buildExplorer({ force });
  const size = `${(result.bytes / 2 ** 20).toFixed(1)} MiB`;
  console.log(result.built ? `explorer: built ${EXPLORER_DIST} in ${(result.ms / 1000).toFixed(1)} s (${size})` : `explorer: ${EXPLORER_DIST} is up to date (${size})`);
}
