import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const genderEnum = pgEnum("gender", ["LAKI_LAKI", "PEREMPUAN"]);
export const nationalityEnum = pgEnum("nationality", ["WNI", "WNA"]);
export const pengkinianStatusEnum = pgEnum("pengkinian_status", ["BELUM", "DRAFT", "DIAJUKAN", "TERVERIFIKASI", "DITOLAK"]);
export const maritalStatusEnum = pgEnum("marital_status", ["BELUM_KAWIN", "KAWIN", "CERAI_HIDUP", "CERAI_MATI"]);
export const educationEnum = pgEnum("education", ["TIDAK_SEKOLAH", "SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]);
export const religionEnum = pgEnum("religion", ["ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU", "KEPERCAYAAN"]);
export const bloodTypeEnum = pgEnum("blood_type", ["A", "B", "AB", "O", "TIDAK_TAHU"]);
export const relationshipEnum = pgEnum("relationship", ["SUAMI", "ISTRI", "AYAH", "IBU", "ANAK", "SAUDARA_KANDUNG", "LAINNYA"]);

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
    // The profile below is written only by a verified pengkinian data (each column only when its section names it).
    address: text("address"),
    // A kelurahan/desa of the official administrative areas (idn-area-data); its names are looked up, not stored.
    villageCode: text("village_code"),
    kodePos: text("kode_pos"),
    motherMaidenName: text("mother_maiden_name"),
    maritalStatus: maritalStatusEnum("marital_status"),
    education: educationEnum("education"),
    religion: religionEnum("religion"),
    bloodType: bloodTypeEnum("blood_type"),
    // Digits only (15 legacy or 16); never leaves the server unmasked.
    npwp: text("npwp"),
    passportNumber: text("passport_number"),
    // WNA: the passport's country, ISO 3166-1 alpha-2 (registration of a foreign worker matches it with the number).
    passportCountry: text("passport_country"),
    bankCode: text("bank_code"),
    // Never leaves the server unmasked.
    bankAccountNumber: text("bank_account_number"),
    bankAccountName: text("bank_account_name"),
    emergencyContactName: text("emergency_contact_name"),
    emergencyContactPhone: text("emergency_contact_phone"),
    emergencyContactAddress: text("emergency_contact_address"),
    emergencyContactRelationship: relationshipEnum("emergency_contact_relationship"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("participants_full_name_idx").on(t.fullName, t.id)],
);

export type ParticipantRow = typeof participants.$inferSelect;

export const familyRelationEnum = pgEnum("family_relation", ["SPOUSE", "CHILD"]);

/**
 * Spouse and children as rows rather than a jsonb on participants: they are people with birth dates that other
 * benefits (JKM, JP heirs) will query and join, and a verified pengkinian replaces them as one named list.
 */
export const familyMembers = pgTable(
  "family_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id),
    relation: familyRelationEnum("relation").notNull(),
    name: text("name").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    // Order as entered (children first-born first, as the form lists them).
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("family_members_participant_idx").on(t.participantId, t.relation, t.position)],
);

export type FamilyMemberRow = typeof familyMembers.$inferSelect;
