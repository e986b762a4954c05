// Packs @jmo/sdk as an app installs it: builds dist/, stages it with the README and a package.json without what only
// the workspace needs (scripts such as `prepare`, devDependencies with their `workspace:` links, the `source` export
// condition that points at src/), and runs `npm pack` on the staged folder. `npm pack` in packages/sdk itself refuses
// (prepack), as its package.json is the workspace's.
//   node scripts/pack.mjs [destination] [--no-build] [--json]      (pnpm --filter @jmo/sdk pack:tarball)
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const sdk = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const destination = resolve(args.find((a) => !a.startsWith("--")) ?? sdk);

if (!args.includes("--no-build")) execFileSync(process.execPath, [join(sdk, "scripts/build.mjs")], { stdio: "inherit" });

const manifest = JSON.parse(readFileSync(join(sdk, "package.json"), "utf8"));
delete manifest.scripts;
delete manifest.devDependencies;
const withoutSource = (value) =>
  typeof value === "object" && value !== null ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== "source").map(([k, v]) => [k, withoutSource(v)])) : value;
manifest.exports = withoutSource(manifest.exports);

const staging = mkdtempSync(join(tmpdir(), "jmo-sdk-pack-"));
try {
  cpSync(join(sdk, "dist"), join(staging, "dist"), { recursive: true });
  cpSync(join(sdk, "README.md"), join(staging, "README.md"));
  writeFileSync(join(staging, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], { cwd: staging, encoding: "utf8" });
  const [info] = JSON.parse(out);
  if (args.includes("--json")) process.stdout.write(`${JSON.stringify({ ...info, path: join(destination, info.filename) })}\n`);
  else console.log(`packed ${join(destination, info.filename)} (${info.entryCount} files, ${info.size} bytes)`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
