import { existsSync, mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import { PGlite, types } from "@electric-sql/pglite";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema.ts";
import { currentRequest } from "../common/request-scope.ts";
import { sqlSpan } from "../tracing/sql-spans.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * packages/api/drizzle, from src/db (tsx, vitest) or from dist/src/db (the compiled build of `pnpm build`): the
 * first candidate that holds drizzle's journal.
 */
export const MIGRATIONS_FOLDER = resolveMigrationsFolder(["../../drizzle", "../../../drizzle"]);

function resolveMigrationsFolder(candidates: readonly string[]): string {
  const paths = candidates.map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  return paths.find((path) => existsSync(`${path}/meta/_journal.json`)) ?? paths[0]!;
}

/** Counts the SQL statements of the current request (see RequestScope). */
function countStatement(): void {
  const scope = currentRequest();
  if (scope) scope.statements += 1;
}
const countingLogger = { logQuery: countStatement };

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** LISTEN on a lower-case channel; returns the function that stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * One statement of constant text with parameters (`= any($1::uuid[])` rather than a list that changes with
   * its length), prepared once per connection (unnamed, parsed every time, with DATABASE_PREPARE=false); rows as arrays, with dates and timestamps as text as drizzle reads
   * them (map them with `db/table-reader.ts`). Counted in the request scope like every statement. For the hot
   * reads of every request, where building the query through drizzle costs more CPU than running it.
   */
  query(text: string, params: readonly unknown[]): Promise<unknown[][]>;
  /** Fails when the database does not answer. */
  ping(): Promise<void>;
  /**
   * This process's connection pool as PostgreSQL sees it (pg_stat_activity, by the pool's application_name): the
   * connections open per state (active, idle, idle in transaction…) and the pool's size. The embedded database has
   * one connection and no pool: null.
   */
  poolUse(): Promise<{ max: number; connections: Record<string, number> } | null>;
  migrate(): Promise<void>;
  /**
   * The embedded database only: its data directory as a tarball, which `loadDataDir` starts another instance from
   * (tests copy one migrated database instead of running initdb and the migrations in every file).
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | {
      kind: "postgres";
      url: string;
      max?: number;
      /**
       * A direct connection (no pooler in transaction mode) for what needs a session of its own: LISTEN, and the
       * migrations' advisory lock. Unset: `url`.
       */
      listenUrl?: string;
      /**
       * Named prepared statements (default true). A pooler in transaction mode (PgBouncer before 1.21, or without
       * max_prepared_statements) hands each transaction another server connection, where the statement is unknown:
       * false sends every statement unnamed, parsed and planned each time.
       */
      prepare?: boolean;
    }
  | { kind: "pglite"; dataDir: string | null; loadDataDir?: Blob };

export function openDatabase(options: DatabaseOptions): Database {
  return options.kind === "postgres"
    ? openPostgres(options.url, options.max ?? 10, options.listenUrl ?? options.url, options.prepare ?? true)
    : openPglite(options.dataDir, options.loadDataDir);
}

/**
 * The pool's name in pg_stat_activity: one per process, so that its metrics count its own connections (not the LISTEN
 * connection's, nor another instance's on the same database).
 */
const POOL_APPLICATION_NAME = `jmo ${hostname()} ${process.pid}`.slice(0, 63);

function openPostgres(url: string, max: number, listenUrl: string, prepare: boolean): Database {
  const client = postgres(url, { max, prepare, onnotice: () => {}, connection: { application_name: POOL_APPLICATION_NAME } });
  const db = drizzlePostgres(client, { schema, logger: countingLogger }) as unknown as Db;
  // postgres.js gives LISTEN a connection of its own (and LISTENs again after a reconnect); behind a pooler in
  // transaction mode that connection must bypass the pooler, which would hand the session to other clients.
  let listener: postgres.Sql | undefined;
  const listenClient = () => (listenUrl === url ? client : (listener ??= postgres(listenUrl, { max: 1, onnotice: () => {} })));
  return {
    kind: "postgres",
    db,
    async listen(channel, onPayload) {
      const { unlisten } = await listenClient().listen(channel, onPayload);
      return unlisten;
    },
    async query(text, params) {
      countStatement();
      // A span per statement when tracing is on (tracing/sql-spans.ts; drizzle's statements get theirs there too).
      return sqlSpan("postgres", text, () => client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare }).values() as Promise<unknown[][]>);
    },
    async ping() {
      await client`select 1`;
    },
    async poolUse() {
      // The statement's own connection is left out: it is the scrape's, not the traffic's.
      const rows = await client<Array<{ state: string | null; n: number }>>`
        select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
        where application_name = ${POOL_APPLICATION_NAME} and pid <> pg_backend_pid() group by 1`;
      return { max, connections: Object.fromEntries(rows.map((r) => [r.state ?? "unknown", r.n])) };
    },
    async migrate() {
      // drizzle's migrator takes no lock: serialise instances that start together with an advisory lock.
      // On the direct connection: a session lock through a pooler in transaction mode would not hold.
      const migrator = postgres(listenUrl, { max: 1, onnotice: () => {} });
      try {
        await migrator`select pg_advisory_lock(727165)`;
        await migratePostgres(drizzlePostgres(migrator), { migrationsFolder: MIGRATIONS_FOLDER });
        await migrator`select pg_advisory_unlock(727165)`;
      } finally {
        await migrator.end();
      }
    },
    async close() {
      await Promise.all([client.end({ timeout: 5 }), listener?.end({ timeout: 5 })]);
    },
  };
}

/** Dates, timestamps and intervals as text, as drizzle's PGlite driver reads them (its column mappers parse them). */
const TEXT_DATES = Object.fromEntries([types.DATE, types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL].map((t) => [t, (value: string) => value]));

/**
 * PGlite's WebAssembly heap holds PostgreSQL's shared buffers, 128 MB by default, on top of its file system: 16 MB
 * keeps an idle embedded server ~125 MB smaller, and the demo database's pages stay in that file system anyway.
 */
const PGLITE_OPTIONS = {
  startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
  // Service points nearest first (kanal_layanan): the same contrib extensions as PostgreSQL's.
  extensions: { cube, earthdistance },
};

function openPglite(dataDir: string | null, loadDataDir?: Blob): Database {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir: dataDir ?? undefined, loadDataDir, ...PGLITE_OPTIONS });
  const db = drizzlePglite(client, { schema, logger: countingLogger }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    async query(text, params) {
      countStatement();
      const result = await sqlSpan("pglite", text, () => client.query<unknown[]>(text, params as unknown[], { rowMode: "array", parsers: TEXT_DATES }));
      return result.rows;
    },
    async ping() {
      await client.query("select 1");
    },
    poolUse: async () => null,
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    dumpDataDir: () => client.dumpDataDir("none"),
    async close() {
      await client.close();
    },
  };
}

/** Rows of a raw `db.execute()`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Sends a NOTIFY that PostgreSQL delivers when (and only if) the surrounding transaction commits. */
export async function notify(tx: DbOrTx, channel: string, payload: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${channel}, ${payload})`);
}
