import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { kanalLayanan, type KanalLayananRow } from "./kanal.table.ts";

export interface KanalSearch {
  near: { lat: number; lng: number } | null;
  /** Only with `near`: metres. */
  radiusM: number | null;
  /** A 2-digit province or 4-digit regency code. */
  wilayah: string | null;
  kinds: string[] | null;
  limit: number;
  offset: number;
}

export type KanalHit = KanalLayananRow & { distanceM: number | null };

const { location: _location, ...columns } = getTableColumns(kanalLayanan);

export const kanalRepository = {
  /**
   * Nearest first with `near`: ordered by `location <-> ll_to_earth(near)` (cube's Euclidean distance between points on
   * the earth sphere, a GiST KNN scan, in the same order as the great-circle distance), within `radiusM` through
   * earth_box (the index) and earth_distance (exact). Without `near`: by province, regency, name.
   */
  async search(db: DbOrTx, q: KanalSearch): Promise<KanalHit[]> {
    const origin = q.near ? sql`ll_to_earth(${q.near.lat}::float8, ${q.near.lng}::float8)` : null;
    const where: SQL[] = [];
    if (q.wilayah) where.push(q.wilayah.length === 2 ? eq(kanalLayanan.provinceCode, q.wilayah) : eq(kanalLayanan.regencyCode, q.wilayah));
    if (q.kinds?.length) where.push(inArray(kanalLayanan.kind, q.kinds));
    if (origin && q.radiusM !== null) {
      where.push(sql`earth_box(${origin}, ${q.radiusM}::float8) @> ${kanalLayanan.location}`);
      where.push(sql`earth_distance(${origin}, ll_to_earth(${kanalLayanan.lat}, ${kanalLayanan.lng})) <= ${q.radiusM}::float8`);
    }
    const rows = await db
      .select({
        ...columns,
        distanceM: origin ? sql<number | null>`earth_distance(${origin}, ll_to_earth(${kanalLayanan.lat}, ${kanalLayanan.lng}))` : sql<number | null>`null::float8`,
      })
      .from(kanalLayanan)
      .where(where.length ? and(...where) : undefined)
      .orderBy(
        ...(origin
          ? [sql`${kanalLayanan.location} <-> ${origin}`, kanalLayanan.id]
          : [kanalLayanan.provinceCode, kanalLayanan.regencyCode, kanalLayanan.name, kanalLayanan.id]),
      )
      .limit(q.limit)
      .offset(q.offset);
    return rows.map((row) => ({ ...row, location: "", distanceM: row.distanceM === null ? null : Number(row.distanceM) }));
  },

  async findById(db: DbOrTx, id: string): Promise<KanalLayananRow | null> {
    const [row] = await db.select({ ...columns }).from(kanalLayanan).where(eq(kanalLayanan.id, id));
    return row ? { ...row, location: "" } : null;
  },

  /** Adds or replaces a service point by its code (the bench's synthetic points; staff tools later). */
  async upsert(db: DbOrTx, row: Omit<KanalLayananRow, "id" | "location" | "updatedAt">): Promise<void> {
    const location = sql`ll_to_earth(${row.lat}::float8, ${row.lng}::float8)::cube`;
    await db
      .insert(kanalLayanan)
      .values({ ...row, location })
      .onConflictDoUpdate({ target: kanalLayanan.code, set: { ...row, location, updatedAt: sql`now()` } });
  },
};
