// Bulk writes for the seeder: `COPY … FROM STDIN` through postgres.js when the transaction runs on PostgreSQL, `COPY …
// FROM '/dev/blob'` on PGlite (the rows as one in-memory file), multi-row INSERTs on any other driver. Rows are drizzle
// insert objects.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import type { Tx } from "../db/database.ts";

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for the widest table. */
export const CHUNK_SIZE = 500;
/** Rows per string written to the COPY stream. */
const COPY_CHUNK = 2_000;

/** The postgres.js transaction behind a drizzle transaction, or null (PGlite). */
interface CopyClient {
  unsafe(query: string): Promise<unknown> & { writable(): Promise<NodeJS.WritableStream> };
}

/** PGlite's transaction: a query may read a blob as the file '/dev/blob'. */
interface BlobClient {
  query(query: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

function driverClientOf(tx: Tx): unknown {
  // drizzle keeps the driver's handle on its session.
  return (tx as unknown as { session?: { client?: unknown } }).session?.client;
}

function copyClientOf(tx: Tx): CopyClient | null {
  // Only postgres.js's has `unsafe`.
  const client = driverClientOf(tx) as Partial<CopyClient> | undefined;
  return client && typeof client.unsafe === "function" ? (client as CopyClient) : null;
}

function blobClientOf(tx: Tx): BlobClient | null {
  // PGlite's transaction object: query, rollback and listen (node-postgres clients have no rollback).
  const client = driverClientOf(tx) as Partial<BlobClient> | undefined;
  return client && typeof client.query === "function" && "rollback" in client && "listen" in client ? (client as BlobClient) : null;
}

/** Inserts the rows: COPY on PostgreSQL and PGlite, INSERTs of CHUNK_SIZE rows elsewhere. */
export async function bulkInsert<T extends Table>(tx: Tx, table: T, rows: ReadonlyArray<T["$inferInsert"]>): Promise<void> {
  if (rows.length === 0) return;
  const client = copyClientOf(tx);
  if (!client) {
    const pglite = blobClientOf(tx);
    if (pglite) {
      // No statement to build, bind and parse per 500 rows: the fresh embedded database's seed is much quicker.
      const { names, text } = copyRows(table, rows);
      await pglite.query(`copy "${getTableName(table)}" (${names}) from '/dev/blob'`, [], { blob: new Blob([...text()]) });
      return;
    }
    for (let i = 0; i < rows.length; i += CHUNK_SIZE) await tx.insert(table).values(rows.slice(i, i + CHUNK_SIZE) as never);
    return;
  }
  const { names, text } = copyRows(table, rows);
  const writable = await client.unsafe(`copy "${getTableName(table)}" (${names}) from stdin`).writable();
  await pipeline(Readable.from(text()), writable);
}

/** The column list and the rows in COPY's text format, COPY_CHUNK rows per string. */
function copyRows<T extends Table>(table: T, rows: ReadonlyArray<T["$inferInsert"]>): { names: string; text: () => Generator<string> } {
  const columns = getTableColumns(table);
  // Every key any row has; a row without one writes NULL there (as a multi-row INSERT would write DEFAULT).
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cols = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`seed: ${getTableName(table)} has no column ${k}`);
    return column;
  });
  const names = cols.map((c) => `"${c.name}"`).join(", ");
  function* text(): Generator<string> {
    let out = "";
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as Record<string, unknown>;
      for (let j = 0; j < keys.length; j += 1) {
        const value = row[keys[j]!];
        if (j > 0) out += "\t";
        out += value === null || value === undefined ? "\\N" : copyText(cols[j]!.mapToDriverValue(value));
      }
      out += "\n";
      if ((i + 1) % COPY_CHUNK === 0) {
        yield out;
        out = "";
      }
    }
    if (out) yield out;
  }
  return { names, text };
}

/** A value in COPY's text format (backslash escapes). */
function copyText(value: unknown): string {
  let s: string;
  if (typeof value === "string") s = value;
  else if (typeof value === "number" || typeof value === "bigint") return String(value);
  else if (typeof value === "boolean") return value ? "t" : "f";
  else if (value instanceof Date) return value.toISOString();
  else s = JSON.stringify(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!) : s;
}

/**
 * On PostgreSQL as a superuser, stops checking foreign keys for the rest of the transaction: they double the cost of
 * the ledger's COPY, and the seeder's rows reference ids it has just written (idOf throws on any other). Returns
 * whether it did; elsewhere the checks run as usual.
 */
export async function skipForeignKeyChecks(tx: Tx): Promise<boolean> {
  const client = copyClientOf(tx);
  if (!client) return false;
  const [row] = (await client.unsafe("select current_setting('is_superuser') = 'on' as superuser")) as unknown as Array<{ superuser: boolean }>;
  if (!row?.superuser) return false;
  // Foreign keys are enforced by triggers, which do not fire for a "replica" session; the schema has no insert triggers.
  await client.unsafe("set local session_replication_role = replica");
  return true;
}
