import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/database.ts";
import type {} from "./test-database.ts";

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Once per test run, before any file: one database built by the committed migrations, which every test file then
 * copies (test-database.ts) instead of migrating its own. On PGlite the copy starts from a tarball of the migrated data
 * directory (no initdb, no migrations); on PostgreSQL it is CREATE DATABASE … TEMPLATE. Files still get a database
 * of their own, migrated by exactly the committed migrations.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  if (!TEST_DATABASE_URL) {
    const database = openDatabase({ kind: "pglite", dataDir: null });
    await database.migrate();
    const dump = await database.dumpDataDir!();
    await database.close();
    const file = join(tmpdir(), `jmo-test-template-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("testDatabaseTemplate", { pgliteDump: file });
    log(`migrated PGlite template (${(dump.size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return async () => rmSync(file, { force: true });
  }
  const name = `jmo_template_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const database = openDatabase({ kind: "postgres", url: withDatabase(TEST_DATABASE_URL, name), max: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  // No one may connect to a template while it is copied: nothing but CREATE DATABASE uses it from here on.
  await admin.unsafe(`alter database ${name} with allow_connections false`);
  project.provide("testDatabaseTemplate", { postgresTemplate: name });
  log(`migrated PostgreSQL template ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

function log(message: string): void {
  process.stdout.write(` test databases: ${message}\n`);
}
