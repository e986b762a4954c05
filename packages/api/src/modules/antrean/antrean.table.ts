import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/account.table.ts";
import { kanalLayanan } from "../kanal/kanal.table.ts";
import { participants } from "../participants/participant.table.ts";

export const ANTREAN_LAYANAN = ["KLAIM_JHT", "KLAIM_JKM", "KLAIM_JKK", "KLAIM_JP", "KLAIM_JKP", "PENGKINIAN", "LAINNYA"] as const;
export type AntreanLayananValue = (typeof ANTREAN_LAYANAN)[number];
export const antreanLayananEnum = pgEnum("antrean_layanan", ANTREAN_LAYANAN);

export const ANTREAN_STATUSES = ["BOOKED", "CANCELLED", "SERVED", "NO_SHOW", "EXPIRED"] as const;
export type AntreanStatusValue = (typeof ANTREAN_STATUSES)[number];
export const antreanStatusEnum = pgEnum("antrean_status", ANTREAN_STATUSES);

/**
 * One row per office and slot that anyone booked: the slot's capacity and how many places are taken. Booking takes a
 * place with `update … set booked = booked + 1 where booked < capacity` on this row, so the row lock serialises
 * bookings of one slot and the check is made against the committed count (docs/features/antrean.md, race safety).
 */
export const antreanSlots = pgTable(
  "antrean_slots",
  {
    kanalId: uuid("kanal_id")
      .notNull()
      .references(() => kanalLayanan.id),
    slotStart: timestamp("slot_start", { withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kanalId, t.slotStart] }), check("antrean_slots_booked_range", sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`)],
);

/** The running number of an office's day, for booking codes (ANT-<office>-YYYYMMDD-NNN). */
export const antreanDays = pgTable(
  "antrean_days",
  {
    kanalId: uuid("kanal_id")
      .notNull()
      .references(() => kanalLayanan.id),
    day: date("day", { mode: "string" }).notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kanalId, t.day] })],
);

/**
 * A member's booked visit to a branch office: one 30-minute slot, one service. `slot_date` is the slot's day in the
 * office's own time zone (the staff's day list and the code use it). One BOOKED booking per member and service.
 */
export const antreanBookings = pgTable(
  "antrean_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    kanalId: uuid("kanal_id")
      .notNull()
      .references(() => kanalLayanan.id),
    layanan: antreanLayananEnum("layanan").notNull(),
    slotStart: timestamp("slot_start", { withTimezone: true }).notNull(),
    slotEnd: timestamp("slot_end", { withTimezone: true }).notNull(),
    slotDate: date("slot_date", { mode: "string" }).notNull(),
    status: antreanStatusEnum("status").notNull().default("BOOKED"),
    // Set when the day-before reminder was written (once).
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open booking per member and service: a second one (even a racing one) is refused by the database.
    uniqueIndex("antrean_bookings_one_open_idx").on(t.participantId, t.layanan).where(sql`${t.status} = 'BOOKED'`),
    index("antrean_bookings_participant_idx").on(t.participantId, t.createdAt.desc()),
    // Staff's day list per office.
    index("antrean_bookings_kanal_day_idx").on(t.kanalId, t.slotDate, t.slotStart),
    // The reminder and expiry job reads only open bookings by time.
    index("antrean_bookings_open_start_idx").on(t.slotStart).where(sql`${t.status} = 'BOOKED'`),
  ],
);

/** Every status a booking reached, who moved it (null: the member or the system job) and when: the audit trail. */
export const antreanBookingEvents = pgTable(
  "antrean_booking_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => antreanBookings.id),
    status: antreanStatusEnum("status").notNull(),
    byAccountId: uuid("by_account_id").references(() => accounts.id),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("antrean_booking_events_booking_idx").on(t.bookingId, t.at)],
);

export type AntreanBookingRow = typeof antreanBookings.$inferSelect;
export type AntreanBookingEventRow = typeof antreanBookingEvents.$inferSelect;
