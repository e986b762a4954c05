import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  lexicographicSortSchema,
  printSchema,
  type BreakingChange,
  type DangerousChange,
  type GraphQLSchema,
} from "graphql";

/**
 * The contract check: compares packages/schema/schema.graphql with the last released schema
 * (packages/schema/released/schema.graphql, whose version is the last entry of released/releases.json).
 *
 * - A breaking change (a removed type, field, argument or enum value, a changed type, a new required argument…, as
 *   graphql-js's findBreakingChanges sees it) fails the check unless released/allowed-breaking.json lists it, with
 *   its exact description and a reason; a removed field, argument, input field or enum value must moreover have been
 *   deprecated in the released schema (docs/api/deprecation.md).
 * - Every type, field, argument, input field and enum value of the current schema has a description (the schema is
 *   the API reference frontends read in their explorer and editor); each one without fails the check by name.
 * - The SDK's version follows the contract: a listed breaking change needs a major bump of @jmo/sdk over the released
 *   version; additive changes need a minor bump at the next release (the check reports it, and `--release` enforces
 *   it); the SDK's version is never below the released one.
 */

export interface Release {
  version: string;
  date: string;
  notes: string;
}

export interface AllowedBreakingChange {
  /** Exactly as the check prints it, e.g. "Klaim.nomor was removed." */
  description: string;
  /** Why breaking clients is accepted, and how they were told. */
  reason: string;
}

export interface ContractInputs {
  released: string;
  current: string;
  releases: Release[];
  allowed: AllowedBreakingChange[];
  sdkVersion: string;
}

export type ChangeKind = "none" | "additive" | "breaking";

export interface ContractReport {
  releasedVersion: string;
  /** What the change since the release is, so what the next release's version must be. */
  kind: ChangeKind;
  /** The smallest SDK version the next release may have ("" when nothing changed). */
  nextVersion: string;
  breaking: BreakingChange[];
  dangerous: DangerousChange[];
  /** Why the check fails; empty when it passes. */
  errors: string[];
  warnings: string[];
}

type Semver = [number, number, number];

export function parseVersion(version: string): Semver {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`not a plain semver version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function compare(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The first version a release with this kind of change may have. */
export function requiredVersion(released: string, kind: ChangeKind): string {
  const [major, minor, patch] = parseVersion(released);
  if (kind === "breaking") return `${major + 1}.0.0`;
  if (kind === "additive") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch}`;
}

const canonical = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));

export function checkContract(inputs: ContractInputs, options: { release?: boolean } = {}): ContractReport {
  const last = inputs.releases.at(-1);
  if (!last) throw new Error("released/releases.json has no release");
  const released = buildSchema(inputs.released);
  const current = buildSchema(inputs.current);
  const breaking = findBreakingChanges(released, current);
  const dangerous = findDangerousChanges(released, current);
  const errors: string[] = [];
  const warnings: string[] = [];

  for (const coordinate of undocumented(current)) errors.push(`no description: ${coordinate} (add a description to its decorator)`);

  const allowed = new Map(inputs.allowed.map((a) => [a.description, a]));
  for (const a of inputs.allowed) {
    if (!a.reason?.trim()) errors.push(`allowed-breaking.json: "${a.description}" needs a reason`);
  }
  for (const change of breaking) {
    if (!allowed.has(change.description)) {
      errors.push(`breaking change not marked: ${change.type}: ${change.description} (list it in released/allowed-breaking.json with a reason, or undo it)`);
    } else if (isUndeprecatedRemoval(released, change.description)) {
      errors.push(
        `removed without deprecation: ${change.description} (docs/api/deprecation.md: deprecate it naming its replacement, release that, then remove it with a major version)`,
      );
    }
  }
  const seen = new Set(breaking.map((c) => c.description));
  for (const a of inputs.allowed) {
    if (!seen.has(a.description)) warnings.push(`allowed-breaking.json lists a change that is not there (remove it): ${a.description}`);
  }
  for (const change of dangerous) warnings.push(`dangerous change (clients may need care): ${change.type}: ${change.description}`);

  const kind: ChangeKind = breaking.length > 0 ? "breaking" : canonical(inputs.released) === canonical(inputs.current) ? "none" : "additive";
  const nextVersion = kind === "none" ? "" : requiredVersion(last.version, kind);
  const sdk = parseVersion(inputs.sdkVersion);
  const base = parseVersion(last.version);
  if (compare(sdk, base) < 0) errors.push(`@jmo/sdk ${inputs.sdkVersion} is below the released contract ${last.version}`);
  // A breaking change must never ship under a non-major version: as soon as one is marked, the SDK's major goes up.
  if (kind === "breaking" && sdk[0] <= base[0]) {
    errors.push(`the contract has breaking changes since ${last.version}: @jmo/sdk must be bumped to ${nextVersion} (it is ${inputs.sdkVersion})`);
  }
  if (options.release) {
    if (kind === "none") errors.push(`nothing to release: the schema is the released ${last.version}`);
    else if (compare(sdk, parseVersion(nextVersion)) < 0) {
      errors.push(`a ${kind} release after ${last.version} needs @jmo/sdk ${nextVersion} or above (it is ${inputs.sdkVersion})`);
    }
  }
  return { releasedVersion: last.version, kind, nextVersion, breaking, dangerous, errors, warnings };
}

function isUndeprecatedRemoval(released: GraphQLSchema, description: string): boolean {
  const element = removedElement(released, description);
  return element !== null && !element.deprecationReason;
}

/**
 * The field, argument, input field or enum value a breaking change removed, looked up in the released schema; null for
 * other changes (a removed or changed type cannot carry @deprecated).
 */
function removedElement(released: GraphQLSchema, description: string): { deprecationReason?: string | null | undefined } | null {
  const fieldsOf = (name: string | undefined) => {
    const type = name ? released.getType(name) : undefined;
    return type && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) ? type.getFields() : undefined;
  };
  let m = /^(\w+)\.(\w+) was removed\.$/.exec(description);
  if (m) return fieldsOf(m[1])?.[m[2]!] ?? null;
  m = /^(\w+)\.(\w+) arg (\w+) was removed\.$/.exec(description);
  if (m) {
    const field = fieldsOf(m[1])?.[m[2]!];
    return field && "args" in field ? (field.args.find((a) => a.name === m![3]) ?? null) : null;
  }
  m = /^(\w+) was removed from enum type (\w+)\.$/.exec(description);
  if (m) {
    const type = released.getType(m[2]!);
    return isEnumType(type) ? (type.getValue(m[1]!) ?? null) : null;
  }
  return null;
}

export type DocumentedKind = "type" | "field" | "argument" | "inputField" | "enumValue";

export interface DocumentedElement {
  kind: DocumentedKind;
  /** Schema coordinate: `Type`, `Type.field`, `Type.field(arg:)`, `Input.field`, `Enum.VALUE` */
  coordinate: string;
  described: boolean;
}

/**
 * Every element of the schema that should carry a description. The root operation types are left out: their fields
 * are the documentation, and a description of "Query" itself would be filler. Built-in scalars and introspection types
 * are graphql's own.
 */
export function documentedElements(schema: GraphQLSchema): DocumentedElement[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
  const has = (d: string | null | undefined) => !!d?.trim();
  const out: DocumentedElement[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!roots.has(type.name)) out.push({ kind: "type", coordinate: type.name, described: has(type.description) });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ kind: "field", coordinate: `${type.name}.${field.name}`, described: has(field.description) });
        for (const arg of field.args) {
          out.push({ kind: "argument", coordinate: `${type.name}.${field.name}(${arg.name}:)`, described: has(arg.description) });
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ kind: "inputField", coordinate: `${type.name}.${field.name}`, described: has(field.description) });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) out.push({ kind: "enumValue", coordinate: `${type.name}.${value.name}`, described: has(value.description) });
    }
  }
  return out;
}

/** The coordinates of the elements without a description, in schema order. */
export function undocumented(schema: GraphQLSchema | string): string[] {
  const built = typeof schema === "string" ? buildSchema(schema) : schema;
  return documentedElements(built).filter((e) => !e.described).map((e) => e.coordinate);
}

/** Per kind: how many elements there are and how many carry a description. */
export function documentationCoverage(schema: GraphQLSchema | string): Record<DocumentedKind, { total: number; described: number }> {
  const built = typeof schema === "string" ? buildSchema(schema) : schema;
  const coverage = Object.fromEntries(
    (["type", "field", "argument", "inputField", "enumValue"] as const).map((k) => [k, { total: 0, described: 0 }]),
  ) as Record<DocumentedKind, { total: number; described: number }>;
  for (const e of documentedElements(built)) {
    coverage[e.kind].total += 1;
    if (e.described) coverage[e.kind].described += 1;
  }
  return coverage;
}

/** The files of the repository, relative to packages/schema. */
export const contractFiles = {
  current: fileURLToPath(new URL("../../schema.graphql", import.meta.url)),
  released: fileURLToPath(new URL("../../released/schema.graphql", import.meta.url)),
  releases: fileURLToPath(new URL("../../released/releases.json", import.meta.url)),
  allowed: fileURLToPath(new URL("../../released/allowed-breaking.json", import.meta.url)),
  sdkPackage: fileURLToPath(new URL("../../../sdk/package.json", import.meta.url)),
};

export function readContractInputs(): ContractInputs {
  const read = (path: string) => readFileSync(path, "utf8");
  return {
    current: read(contractFiles.current),
    released: read(contractFiles.released),
    releases: JSON.parse(read(contractFiles.releases)) as Release[],
    allowed: JSON.parse(read(contractFiles.allowed)) as AllowedBreakingChange[],
    sdkVersion: (JSON.parse(read(contractFiles.sdkPackage)) as { version: string }).version,
  };
}
