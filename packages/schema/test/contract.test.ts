import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parse, print, visit, type FieldDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { checkContract, documentationCoverage, readContractInputs, requiredVersion, undocumented, type ContractInputs } from "../src/contract/contract-check.ts";

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

/** The schema plus a documented field: an additive change. */
function withExtraField(sdl: string): string {
  return `${sdl}\nextend type Query { "A probe of the contract check" contractProbe: String }\n`;
}

// The fixtures start from the committed schema as if it were released: it is fully documented (the released one need
// not be), so the only errors are those of the change under test.
const base = real.current;
const fixture = (over: Partial<ContractInputs>): ContractInputs => ({
  ...real,
  released: base,
  current: base,
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
    const report = checkContract(fixture({ current: withoutField(base, "Klaim", "nomor") }));
    expect(report.kind).toBe("breaking");
    expect(report.breaking).toEqual([{ type: "FIELD_REMOVED", description: "Klaim.nomor was removed." }]);
    expect(report.errors).toContainEqual(expect.stringContaining("breaking change not marked: FIELD_REMOVED: Klaim.nomor was removed."));
  });

  it("fails on a changed field type", () => {
    const current = base.replace(/^(type Klaim[^{]*\{[^}]*?\n\s+nomor: )String!/m, "$1Int!");
    expect(current).not.toBe(base);
    const report = checkContract(fixture({ current }));
    expect(report.breaking).toEqual([{ type: "FIELD_CHANGED_KIND", description: "Klaim.nomor changed type from String! to Int!." }]);
    expect(report.errors).toHaveLength(2); // not marked, and no major bump
  });

  it("accepts a marked removal of a deprecated field only with a major version of the SDK", () => {
    const released = base.replace(/^(type Klaim[^{]*\{[^}]*?\n\s+nomor: String!)/m, '$1 @deprecated(reason: "Use id")');
    expect(released).not.toBe(base);
    const current = withoutField(base, "Klaim", "nomor");
    const allowed = [{ description: "Klaim.nomor was removed.", reason: "test: deprecated in favour of Klaim.id a release ago" }];
    const sameMajor = checkContract(fixture({ released, current, allowed }));
    expect(sameMajor.errors).toEqual([expect.stringContaining(`must be bumped to ${requiredVersion(real.releases.at(-1)!.version, "breaking")}`)]);
    const bumped = checkContract(fixture({ released, current, allowed, sdkVersion: requiredVersion(real.releases.at(-1)!.version, "breaking") }));
    expect(bumped.errors).toEqual([]);
    const noReason = checkContract(fixture({ released, current, allowed: [{ description: "Klaim.nomor was removed.", reason: " " }], sdkVersion: "9.0.0" }));
    expect(noReason.errors).toEqual([expect.stringContaining("needs a reason")]);
  });

  it("refuses the removal of a field, argument or enum value that was never deprecated, even when marked", () => {
    const current = withoutField(base, "Klaim", "nomor");
    const allowed = [{ description: "Klaim.nomor was removed.", reason: "test" }];
    const report = checkContract(fixture({ current, allowed, sdkVersion: "9.0.0" }));
    expect(report.errors).toEqual([expect.stringContaining("removed without deprecation: Klaim.nomor was removed.")]);
    const released = `${base}\n"e" enum ProbeEnum { "a" A "b" B }\nextend type Query { "p" probe("x" x: Int): ProbeEnum }\n`;
    const without = `${base}\n"e" enum ProbeEnum { "a" A }\nextend type Query { "p" probe: ProbeEnum }\n`;
    const changes = ["Query.probe arg x was removed.", "B was removed from enum type ProbeEnum."];
    const probe = checkContract(fixture({ released, current: without, allowed: changes.map((description) => ({ description, reason: "test" })), sdkVersion: "9.0.0" }));
    expect(probe.errors).toEqual(changes.map((c) => expect.stringContaining(`removed without deprecation: ${c}`)));
  });

  it("lets additive changes through, and asks a release for a minor bump", () => {
    const current = withExtraField(base);
    const released = real.releases.at(-1)!.version;
    const report = checkContract(fixture({ current }));
    expect(report).toMatchObject({ kind: "additive", errors: [], nextVersion: requiredVersion(released, "additive") });
    expect(checkContract(fixture({ current }), { release: true }).errors).toEqual([expect.stringContaining("needs @jmo/sdk")]);
    expect(checkContract(fixture({ current, sdkVersion: requiredVersion(released, "additive") }), { release: true }).errors).toEqual([]);
    expect(checkContract(fixture({ sdkVersion: "0.0.1" })).errors).toEqual([expect.stringContaining("below the released contract")]);
  });

  it("fails on a new field without a description, naming it", () => {
    const current = `${base}\nextend type Query { contractProbe(id: ID): String }\n`;
    const report = checkContract(fixture({ current }));
    expect(report.kind).toBe("additive");
    expect(report.errors).toEqual([
      expect.stringContaining("no description: Query.contractProbe "),
      expect.stringContaining("no description: Query.contractProbe(id:) "),
    ]);
  });

  it("names every kind of undocumented element in an SDL, and nothing that is documented", () => {
    const sdl = `
      "Documented" type Query { "Documented" ok: Int  bare(arg: Int, "Documented" fine: Int): Thing }
      type Thing { "Documented" id: ID }
      "Documented" input Filter { "Documented" a: Int  b: Int }
      "Documented" enum Colour { "Documented" RED  GREEN }
      "Documented" scalar Money
      scalar Bare
      type Mutation { "Documented" go(filter: Filter): Int }
    `;
    expect(undocumented(sdl)).toEqual([
      "Query.bare",
      "Query.bare(arg:)",
      "Thing",
      "Filter.b",
      "Colour.GREEN",
      "Bare",
      "Mutation.go(filter:)",
    ]);
    expect(documentationCoverage(sdl)).toMatchObject({ type: { total: 5, described: 3 }, enumValue: { total: 2, described: 1 } });
  });

  it("finds every element of the committed schema documented", () => {
    expect(undocumented(real.current)).toEqual([]);
  });

  it("runs as the command line of `pnpm contract:check` on the committed files", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "packages/schema/src/contract/cli.ts"], { cwd: repo, encoding: "utf8" });
    expect(out).toMatch(/^contract: /);
  });
});
