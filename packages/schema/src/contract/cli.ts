// `pnpm contract:check`: fails on a breaking change since the last release that is not marked, or on an SDK version
// that does not follow the contract. `pnpm contract:release` records a release of the current schema.
import { copyFileSync, writeFileSync } from "node:fs";
import { checkContract, contractFiles, readContractInputs } from "./contract-check.ts";

const release = process.argv.includes("--release");
const inputs = readContractInputs();
const report = checkContract(inputs, { release });

for (const w of report.warnings) console.warn(`warning: ${w}`);
if (report.errors.length > 0) {
  for (const e of report.errors) console.error(`error: ${e}`);
  process.exit(1);
}
if (release) {
  copyFileSync(contractFiles.current, contractFiles.released);
  const date = new Date().toISOString().slice(0, 10);
  const notes = process.argv.slice(process.argv.indexOf("--release") + 1).join(" ") || `${report.kind} changes since ${report.releasedVersion}`;
  writeFileSync(contractFiles.releases, JSON.stringify([...inputs.releases, { version: inputs.sdkVersion, date, notes }], null, 2) + "\n");
  writeFileSync(contractFiles.allowed, "[]\n");
  console.log(`released contract ${inputs.sdkVersion} (${report.kind} since ${report.releasedVersion})`);
} else if (report.kind === "none") {
  console.log(`contract: the schema is the released ${report.releasedVersion}; @jmo/sdk ${inputs.sdkVersion}`);
} else {
  console.log(
    `contract: ${report.kind} changes since ${report.releasedVersion}` +
      (report.breaking.length ? ` (${report.breaking.length} breaking, all marked)` : "") +
      `; the next release of @jmo/sdk is ${report.nextVersion} or above (now ${inputs.sdkVersion})`,
  );
}
