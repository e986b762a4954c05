import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/account.table.ts";
import { cards } from "../cards/card.table.ts";
import { employers } from "../employers/employer.table.ts";
import { participants } from "../participants/participant.table.ts";

export const KECELAKAAN_STATUSES = ["DILAPORKAN", "DIVERIFIKASI", "DITINDAKLANJUTI", "DITOLAK"] as const;
export type KecelakaanStatusValue = (typeof KECELAKAAN_STATUSES)[number];
export const kecelakaanStatusEnum = pgEnum("kecelakaan_status", KECELAKAAN_STATUSES);
export const kecelakaanPlaceTypeEnum = pgEnum("kecelakaan_place_type", ["DI_LOKASI_KERJA", "DI_LUAR_LOKASI_KERJA", "LALU_LINTAS"]);

/** Feeds the report number (`KK-YYYYMMDD-000123`, the reporting day in WIB). */
export const kecelakaanNomorSeq = pgSequence("kecelakaan_nomor_seq", { startWith: 1, increment: 1 });

export interface WitnessValue {
  name: string;
  phone: string | null;
}

/**
 * A work-accident report (JKK laporan tahap I as the member gives it). The employer and the place's wilayah are copied
 * when reported: the report keeps saying whom it named even if the card later moves or the area list changes.
 */
export const kecelakaanReports = pgTable(
  "kecelakaan_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nomor: text("nomor")
      .notNull()
      .unique()
      .default(sql`'KK-' || to_char(now() at time zone 'Asia/Jakarta', 'YYYYMMDD') || '-' || lpad(nextval('kecelakaan_nomor_seq')::text, 6, '0')`),
    participantId: uuid("participant_id").notNull().references(() => participants.id),
    cardId: uuid("card_id").notNull().references(() => cards.id),
    employerId: uuid("employer_id").references(() => employers.id),
    employerName: text("employer_name"),
    employerNpp: text("employer_npp"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    placeType: kecelakaanPlaceTypeEnum("place_type").notNull(),
    address: text("address").notNull(),
    villageCode: text("village_code").notNull(),
    description: text("description").notNull(),
    injury: text("injury").notNull(),
    treated: boolean("treated").notNull(),
    treatmentPlace: text("treatment_place"),
    witnesses: jsonb("witnesses").$type<WitnessValue[]>().notNull().default(sql`'[]'::jsonb`),
    status: kecelakaanStatusEnum("status").notNull().default("DILAPORKAN"),
    idempotencyKey: text("idempotency_key").notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("kecelakaan_reports_participant_idempotency_unique").on(t.participantId, t.idempotencyKey),
    // The member's list and the staff queue, newest first, with keyset pages.
    index("kecelakaan_reports_participant_idx").on(t.participantId, t.reportedAt.desc(), t.id.desc()),
    index("kecelakaan_reports_status_idx").on(t.status, t.reportedAt.desc(), t.id.desc()),
  ],
);

/** Every status a report reached (DILAPORKAN at creation), with staff's note and who moved it. */
export const kecelakaanReportEvents = pgTable(
  "kecelakaan_report_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => kecelakaanReports.id),
    status: kecelakaanStatusEnum("status").notNull(),
    note: text("note"),
    // Staff who made the change; null for the member's own report.
    byAccountId: uuid("by_account_id").references(() => accounts.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("kecelakaan_report_events_report_idx").on(t.reportId, t.at)],
);

export type KecelakaanReportRow = typeof kecelakaanReports.$inferSelect;
export type KecelakaanReportEventRow = typeof kecelakaanReportEvents.$inferSelect;
