import { date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const genderEnum = pgEnum("gender", ["LAKI_LAKI", "PEREMPUAN"]);
export const nationalityEnum = pgEnum("nationality", ["WNI", "WNA"]);
export const pengkinianStatusEnum = pgEnum("pengkinian_status", ["BELUM", "DRAFT", "DIAJUKAN", "TERVERIFIKASI", "DITOLAK"]);

export const participants = pgTable(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The full NIK is stored for matching and never leaves the server unmasked.
    nik: text("nik").notNull().unique(),
    fullName: text("full_name").notNull(),
    birthPlace: text("birth_place"),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    gender: genderEnum("gender").notNull(),
    nationality: nationalityEnum("nationality").notNull().default("WNI"),
    email: text("email"),
    phone: text("phone"),
    pengkinianStatus: pengkinianStatusEnum("pengkinian_status").notNull().default("BELUM"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("participants_full_name_idx").on(t.fullName, t.id)],
);

export type ParticipantRow = typeof participants.$inferSelect;
