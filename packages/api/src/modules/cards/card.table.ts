import { date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participants } from "../participants/participant.table.ts";
import { employers } from "../employers/employer.table.ts";

export const segmentEnum = pgEnum("segment", ["PU", "BPU", "JAKON", "PMI"]);
// MENUNGGU_IURAN_PERTAMA: a self-registered BPU card until its first contribution is recorded (issue 11, finding 6).
export const membershipStatusEnum = pgEnum("membership_status", ["AKTIF", "NONAKTIF", "MENUNGGU_IURAN_PERTAMA"]);

export const cards = pgTable(
  "cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Null until the card is linked to a participant's profile ("tambah kartu").
    participantId: uuid("participant_id").references(() => participants.id),
    // The full KPJ is stored for matching and never leaves the server unmasked.
    kpj: text("kpj").notNull().unique(),
    // Identity as the employer registered it: "tambah kartu" links a card only when these match.
    registeredNik: text("registered_nik").notNull(),
    registeredBirthDate: date("registered_birth_date", { mode: "string" }).notNull(),
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

/** A card on a participant's profile (every card the API shows is one). */
export type LinkedCardRow = CardRow & { participantId: string };

export function isLinked(row: CardRow | null | undefined): row is LinkedCardRow {
  return !!row?.participantId;
}
