import { date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participants } from "../participants/participant.table.ts";
import { employers } from "../employers/employer.table.ts";

export const segmentEnum = pgEnum("segment", ["PU", "BPU", "JAKON", "PMI"]);
export const membershipStatusEnum = pgEnum("membership_status", ["AKTIF", "NONAKTIF"]);

export const cards = pgTable(
  "cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id),
    // The full KPJ is stored for matching and never leaves the server unmasked.
    kpj: text("kpj").notNull().unique(),
    segment: segmentEnum("segment").notNull(),
    status: membershipStatusEnum("status").notNull(),
    employerId: uuid("employer_id").references(() => employers.id),
    registeredAt: date("registered_at", { mode: "string" }).notNull(),
    nonaktifSince: date("nonaktif_since", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cards_participant_idx").on(t.participantId, t.registeredAt)],
);

export type CardRow = typeof cards.$inferSelect;
