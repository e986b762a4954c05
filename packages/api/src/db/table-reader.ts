import { getTableColumns, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The columns of a drizzle table as a constant select list and a reader of the matching slice of an array row
 * (`Database.query`), mapped by the columns' own drizzle mappers: the same objects as `db.select().from(table)`
 * gives, without building the query for every request.
 */
export interface TableReader<Row> {
  /** `alias."column", …` in the table's column order. */
  readonly select: string;
  readonly width: number;
  /** The row starting at `offset`, or null when its first column (the primary key of an outer join) is null. */
  read(values: readonly unknown[], offset: number): Row | null;
}

export function tableReader<T extends PgTable>(table: T, alias: string): TableReader<T["$inferSelect"]> {
  const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  return {
    select: columns.map(([, column]) => `${alias}."${column.name}"`).join(", "),
    width: columns.length,
    read(values, offset) {
      if (values[offset] === null) return null;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const [key, column] = columns[i]!;
        const value = values[offset + i];
        row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      }
      return row as T["$inferSelect"];
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A `uuid[]` parameter as PostgreSQL's array literal `{…}`: both drivers send a string as it is, whatever the
 * statement's parameter type. Anything that is not a uuid is left out (it could match no row anyway) so that no
 * value can add elements to the array.
 */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.filter(isUuid).join(",")}}`;
}
