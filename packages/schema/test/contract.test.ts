import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parse, print, visit, type FieldDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { checkContract, readContractInputs, requiredVersion, type ContractInputs } from "../src/contract/contract-check.ts";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const real = readContractInputs();

/** The released schema with `Type.field` removed: the fixture of a deliberately breaking change. */
function withoutField(sdl: string, type: string, field: string): string {
  let removed = false;
  const doc = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== type) return undefined;
      const fields = (node.fields ?? []).filter((f: FieldDefinitionNode) => f.name.value !== field);
      removed = fields.length < (node.fields ?? []).length;
      return { ...node, fields };
    },
  });
  expect(removed).toBe(true);
  return print(doc);
}

/** The released schema plus a field: an additive change. */
function withExtraField(sdl: string): string {
  return `${sdl}\nextend type Query { contractProbe: String }\n`;
}

const fixture = (over: Partial<ContractInputs>): ContractInputs => ({
  ...real,
  current: real.released,
  allowed: [],
  sdkVersion: real.releases.at(-1)!.version,
  ...over,
});

describe("contract check", () => {
  it("passes on the committed schema and versions", () => {
    const report = checkContract(real);
    expect(report.errors).toEqual([]);
    expect(report.breaking).toEqual([]);
  });

  it("fails on a removed field that is not marked, naming it", () => {
    const report = checkContract(fixture({ current: withoutField(real.released, "Klaim", "nomor") }));
    expect(report.kind).toBe("breaking");
    expect(report.breaking).toEqual([{ type: "FIELD_REMOVED", description: "Klaim.nomor was removed." }]);
    expect(report.errors).toContainEqual(expect.stringContaining("breaking change not marked: FIELD_REMOVED: Klaim.nomor was removed."));
  });

  it("fails on a changed field type", () => {
    const current = real.released.replace(/^(type Klaim[^{]*\{[^}]*?\n\s+nomor: )String!/m, "$1Int!");
    expect(current).not.toBe(real.released);
    const report = checkContract(fixture({ current }));
    expect(report.breaking).toEqual([{ type: "FIELD_CHANGED_KIND", description: "Klaim.nomor changed type from String! to Int!." }]);
    expect(report.errors).toHaveLength(2); // not marked, and no major bump
  });

  it("accepts a marked breaking change only with a major version of the SDK", () => {
    const current = withoutField(real.released, "Klaim", "nomor");
    const allowed = [{ description: "Klaim.nomor was removed.", reason: "test: replaced by Klaim.id" }];
    const sameMajor = checkContract(fixture({ current, allowed }));
    expect(sameMajor.errors).toEqual([expect.stringContaining(`must be bumped to ${requiredVersion(real.releases.at(-1)!.version, "breaking")}`)]);
    const bumped = checkContract(fixture({ current, allowed, sdkVersion: requiredVersion(real.releases.at(-1)!.version, "breaking") }));
    expect(bumped.errors).toEqual([]);
    const noReason = checkContract(fixture({ current, allowed: [{ description: "Klaim.nomor was removed.", reason: " " }], sdkVersion: "9.0.0" }));
    expect(noReason.errors).toEqual([expect.stringContaining("needs a reason")]);
  });

  it("lets additive changes through, and asks a release for a minor bump", () => {
    const current = withExtraField(real.released);
    const released = real.releases.at(-1)!.version;
    const report = checkContract(fixture({ current }));
    expect(report).toMatchObject({ kind: "additive", errors: [], nextVersion: requiredVersion(released, "additive") });
    expect(checkContract(fixture({ current }), { release: true }).errors).toEqual([expect.stringContaining("needs @jmo/sdk")]);
    expect(checkContract(fixture({ current, sdkVersion: requiredVersion(released, "additive") }), { release: true }).errors).toEqual([]);
    expect(checkContract(fixture({ sdkVersion: "0.0.1" })).errors).toEqual([expect.stringContaining("below the released contract")]);
  });

  it("runs as the command line of `pnpm contract:check` on the committed files", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "packages/schema/src/contract/cli.ts"], { cwd: repo, encoding: "utf8" });
    expect(out).toMatch(/^contract: /);
  });
});
