import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";

/**
 * Where the suite runs: an embedded PGlite database per test file by default, or, when
 * TEST_DATABASE_URL points at a PostgreSQL server, a fresh database of its own per test file
 * (created from the committed migrations, dropped at the end) so parallel files never race.
 * The migrations run once per test run (global-setup.ts); each file starts from a copy of that database.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const onPostgres = TEST_DATABASE_URL !== undefined;

export interface TestDatabase {
  database: Database;
  /** The connection string of this file's own PostgreSQL database; undefined on PGlite. */
  url: string | undefined;
  /** Empties every table (between tests). */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the run's migrated database lives (global-setup.ts): a PGlite data-directory tarball, or a PostgreSQL template. */
    testDatabaseTemplate: { pgliteDump: string } | { postgresTemplate: string } | null;
  }
}

/** The run's migrated database (global-setup.ts); null outside vitest's run (then each file migrates its own). */
function template() {
  try {
    return inject("testDatabaseTemplate") ?? null;
  } catch {
    return null;
  }
}

let pgliteDump: Blob | undefined;

export async function openTestDatabase(): Promise<TestDatabase> {
  const from = template();
  if (!TEST_DATABASE_URL) {
    if (from && "pgliteDump" in from) pgliteDump ??= new Blob([readFileSync(from.pgliteDump)]);
    const database = openDatabase({ kind: "pglite", dataDir: null, loadDataDir: pgliteDump });
    // A no-op on the template's copy (every migration is recorded as applied); the whole work without one.
    await database.migrate();
    return { database, url: undefined, truncate: () => truncateAll(database), close: () => database.close() };
  }
  const name = `jmo_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(from && "postgresTemplate" in from ? `create database ${name} template ${from.postgresTemplate}` : `create database ${name}`);
  const url = withDatabase(TEST_DATABASE_URL, name);
  const database = openDatabase({ kind: "postgres", url, max: 5 });
  await database.migrate();
  return {
    database,
    url,
    truncate: () => truncateAll(database),
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Reference data that migrations load: kept between tests. */
const REFERENCE_TABLES = ["jht_rates", "kanal_layanan"];

async function truncateAll(database: Database): Promise<void> {
  const keep = sql.raw(REFERENCE_TABLES.map((t) => `'${t}'`).join(", "));
  await database.db.execute(sql`
    do $$ declare t text; begin
      select string_agg(format('%I', tablename), ', ') into t from pg_tables
        where schemaname = 'public' and tablename not in (${keep});
      if t is not null then execute 'truncate ' || t || ' restart identity cascade'; end if;
    end $$`);
}
