// `pnpm start`: the compiled build with NODE_ENV=production, the TypeScript source through tsx otherwise. Plain
// JavaScript, so that node runs it before anything is built: a fresh clone's `pnpm start` needs no build step.
//   production: runs packages/api/dist/src/main.js in this very process (no tsx, no second node)
//   otherwise:  node --conditions=source --import tsx packages/api/src/main.ts, as a child (tsx's CLI does the same)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = fileURLToPath(new URL("../dist/src/main.js", import.meta.url));
const source = fileURLToPath(new URL("../src/main.ts", import.meta.url));

if (process.env.NODE_ENV === "production") {
  if (!existsSync(compiled)) {
    console.error(`NODE_ENV=production runs the compiled build, and ${compiled} is missing: run \`pnpm build\` first`);
    process.exit(1);
  }
  await import(compiled);
} else {
  const child = spawn(process.execPath, ["--conditions=source", "--import", import.meta.resolve("tsx"), source, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  // The server drains its connections on SIGINT/SIGTERM: pass them on and exit when it does, with its code.
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
