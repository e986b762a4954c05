import { boolean, customType, date, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * PostgreSQL's `cube` (extension `cube`): the point as earthdistance's ll_to_earth gives it, stored as a plain cube
 * rather than the `earth` domain, because that domain's check and ll_to_earth call earth() unqualified, which fails
 * when autovacuum or a restore evaluates an index expression with an empty search_path. A stored column has no
 * expression to re-evaluate; the application writes it with ll_to_earth(lat, lng)::cube.
 */
const cube = customType<{ data: string; driverData: string }>({ dataType: () => "cube" });

export interface OpeningHoursRow {
  /** ISO day of the week, 1 Monday … 7 Sunday. */
  day: number;
  /** "HH:MM" local time of the province's zone. */
  opens: string;
  closes: string;
}

/**
 * BPJS Ketenagakerjaan service points (kantor wilayah, kantor cabang, KCP, service counters): reference data with its
 * public source per row, loaded by the migration that creates the table. Coordinates are WGS84 degrees (not money:
 * a float is the right type); `coordinates_approximate` says when they are the street or town rather than the door.
 */
export const kanalLayanan = pgTable(
  "kanal_layanan",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    // KANTOR_WILAYAH, KANTOR_CABANG, KANTOR_CABANG_PERINTIS, GERAI_LAYANAN
    kind: text("kind").notNull(),
    address: text("address").notNull(),
    // Official codes (idn-area-data): 2-digit province, 4-digit regency.
    provinceCode: text("province_code").notNull(),
    regencyCode: text("regency_code").notNull(),
    // The official names of those codes, as idn-area-data spells them ("Kota Bandung").
    provinsi: text("provinsi").notNull(),
    kabupaten: text("kabupaten").notNull(),
    phone: text("phone"),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    coordinatesApproximate: boolean("coordinates_approximate").notNull(),
    location: cube("location").notNull(),
    openingHours: jsonb("opening_hours").$type<OpeningHoursRow[]>().notNull(),
    services: text("services").array().notNull(),
    sourceUrl: text("source_url").notNull(),
    sourceTitle: text("source_title").notNull(),
    // OFFICIAL: a page of BPJS Ketenagakerjaan or of a government body was read and names the office (and its address
    // where one is given); SECONDARY: the same from the press or another third party; UNVERIFIED: the office's name
    // is known but no page naming it was found (docs/domain/kanal-layanan.md).
    sourceStatus: text("source_status").notNull(),
    sourceCheckedOn: date("source_checked_on", { mode: "string" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Nearest-first (`<->`, a GiST KNN scan) and within-radius (earth_box @>) searches.
    index("kanal_layanan_location_idx").using("gist", t.location),
    index("kanal_layanan_regency_idx").on(t.regencyCode, t.name),
  ],
);

export type KanalLayananRow = typeof kanalLayanan.$inferSelect;

/** Every staff change to a service point (hours, phone, services): who, when, before and after. Append-only. */
export const kanalLayananChanges = pgTable(
  "kanal_layanan_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kanalId: uuid("kanal_id").notNull().references(() => kanalLayanan.id),
    // The staff account that acted.
    actor: uuid("actor").notNull(),
    before: jsonb("before").$type<Record<string, unknown>>().notNull(),
    after: jsonb("after").$type<Record<string, unknown>>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("kanal_layanan_changes_kanal_idx").on(t.kanalId, t.at)],
);
