import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  lexicographicSortSchema,
  printSchema,
  type BreakingChange,
  type DangerousChange,
} from "graphql";

/**
 * The contract check: compares packages/schema/schema.graphql with the last released schema
 * (packages/schema/released/schema.graphql, whose version is the last entry of released/releases.json).
 *
 * - A breaking change (a removed type, field, argument or enum value, a changed type, a new required argument…, as
 *   graphql-js's findBreakingChanges sees it) fails the check unless released/allowed-breaking.json lists it, with
 *   its exact description and a reason.
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

  const allowed = new Map(inputs.allowed.map((a) => [a.description, a]));
  for (const a of inputs.allowed) {
    if (!a.reason?.trim()) errors.push(`allowed-breaking.json: "${a.description}" needs a reason`);
  }
  for (const change of breaking) {
    if (!allowed.has(change.description)) {
      errors.push(`breaking change not marked: ${change.type}: ${change.description} (list it in released/allowed-breaking.json with a reason, or undo it)`);
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
