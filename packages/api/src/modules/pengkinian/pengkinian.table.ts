import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants, pengkinianStatusEnum } from "../participants/participant.table.ts";

/** Steps of the flow, in the order the server requires the identity gates (the data sections in any order). */
export const PENGKINIAN_STEPS = ["KEPESERTAAN", "BIOMETRIK", "DATA_KONTAK", "DATA_KEPENDUDUKAN", "DATA_TAMBAHAN", "KONFIRMASI"] as const;
export type PengkinianStepName = (typeof PENGKINIAN_STEPS)[number];

/**
 * A section as entered (or prefilled from the record at start). A key that is absent was not named by the
 * input, and a verified pengkinian leaves its column alone; null clears it. Full numbers are kept (the record
 * needs them) and are masked on the way out.
 */
export interface DataKontakDraft {
  phone?: string | null;
  email?: string | null;
  npwp?: string | null;
  passportNumber?: string | null;
  bankAccount?: { bankCode: string; accountNumber: string; accountName: string } | null;
  /** A new email (neither the record's nor the sign-in one) and the code sent to it; absent when unchanged. */
  emailVerification?: ContactVerificationDraft | null;
  /** The same for a new phone number (SMS code). */
  phoneVerification?: ContactVerificationDraft | null;
}

/** The code sent to a new contact of DATA_KONTAK (the code itself lives, as an HMAC, in verification_codes). */
export interface ContactVerificationDraft {
  /** The address the code went to (lower-case email, E.164 phone): verified only for this value. */
  value: string;
  /** ISO timestamps of the last code sent. */
  sentAt: string;
  expiresAt: string;
  /** ISO timestamp; null until the right code was entered. */
  verifiedAt: string | null;
}

export interface FamilyMemberDraft {
  name: string;
  birthDate: string;
}

export interface DataKependudukanDraft {
  gender?: "LAKI_LAKI" | "PEREMPUAN";
  villageCode?: string | null;
  kodePos?: string | null;
  address?: string | null;
  motherMaidenName?: string | null;
  maritalStatus?: string | null;
  spouse?: FamilyMemberDraft | null;
  children?: FamilyMemberDraft[] | null;
  /** Names of the village's areas, kept with the draft so that reading it needs no lookup. */
  wilayah?: { kelurahan: string; kecamatan: string; kabupaten: string; provinsi: string } | null;
}

export interface DataTambahanDraft {
  education?: string | null;
  religion?: string | null;
  bloodType?: string | null;
  emergencyContact?: { name: string; phone: string; address: string; relationship: string } | null;
}

/**
 * One row per attempt at pengkinian data. At most one is open (DRAFT or DIAJUKAN) per participant; the data
 * lives here as jsonb until the verifier accepts it, and only then is written to the participant's columns.
 */
export const pengkinian = pgTable(
  "pengkinian",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id),
    // BELUM is never stored here: it is the participant's status before any attempt.
    status: pengkinianStatusEnum("status").notNull().default("DRAFT"),
    completedSteps: jsonb("completed_steps").$type<PengkinianStepName[]>().notNull().default([]),
    kpjAttemptsUsed: integer("kpj_attempts_used").notNull().default(0),
    biometricAttemptsUsed: integer("biometric_attempts_used").notNull().default(0),
    dataKontak: jsonb("data_kontak").$type<DataKontakDraft>().notNull().default({}),
    dataKependudukan: jsonb("data_kependudukan").$type<DataKependudukanDraft>().notNull().default({}),
    dataTambahan: jsonb("data_tambahan").$type<DataTambahanDraft>().notNull().default({}),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    // The verifier decides a DIAJUKAN row once this has passed (crash-safe: the worker finds it after a restart).
    decideAfter: timestamp("decide_after", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Two tabs pressing "start" at once still make one draft.
    uniqueIndex("pengkinian_one_open_per_participant").on(t.participantId).where(sql`${t.status} in ('DRAFT', 'DIAJUKAN')`),
    index("pengkinian_participant_idx").on(t.participantId, t.createdAt),
    index("pengkinian_due_idx").on(t.decideAfter).where(sql`${t.status} = 'DIAJUKAN'`),
  ],
);

/** Status changes, append-only; delivered to `pengkinianStatusChanged` subscribers by the event bus. */
export const pengkinianEvents = pgTable(
  "pengkinian_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pengkinianId: uuid("pengkinian_id").notNull().references(() => pengkinian.id),
    participantId: uuid("participant_id").notNull().references(() => participants.id),
    status: pengkinianStatusEnum("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pengkinian_events_pengkinian_idx").on(t.pengkinianId, t.createdAt)],
);

export type PengkinianRow = typeof pengkinian.$inferSelect;
export type PengkinianEventRow = typeof pengkinianEvents.$inferSelect;
