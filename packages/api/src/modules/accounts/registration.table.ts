import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cards } from "../cards/card.table.ts";
import { participants } from "../participants/participant.table.ts";
import { accounts } from "./account.table.ts";

export const registrationKindEnum = pgEnum("registration_kind", ["EXISTING_PARTICIPANT", "BPU_NEW"]);

/** What a BPU_NEW registration keeps until registrationComplete creates the participant and the card. */
export interface NewBpuData {
  nik: string;
  fullName: string;
  birthPlace: string | null;
  birthDate: string;
  gender: "LAKI_LAKI" | "PEREMPUAN";
  /** Sen, as a decimal string (jsonb has no bigint). */
  declaredIncomeSen: string;
  jht: boolean;
  warnings: string[];
}

/**
 * One sign-up in progress (seed 002 "Pendaftaran Akun"), one row per registrationStart. The client holds an
 * opaque random token; only its SHA-256 is stored. The step is derived from the columns.
 */
export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    kind: registrationKindEnum("kind").notNull(),
    membershipType: text("membership_type").notNull(),
    citizenship: text("citizenship").notNull(),
    // EXISTING_PARTICIPANT: the participant the personal data matched.
    participantId: uuid("participant_id").references(() => participants.id),
    newParticipant: jsonb("new_participant").$type<NewBpuData>(),
    // Lower-cased; phone in E.164. Verified once the code sent there was entered.
    email: text("email"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    phone: text("phone"),
    phoneVerifiedAt: timestamp("phone_verified_at", { withTimezone: true }),
    accountId: uuid("account_id").references(() => accounts.id),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registrations_expires_idx").on(t.expiresAt)],
);

/**
 * A 6-digit code sent by email or SMS, at most one live per (purpose, subject): a resend replaces it. Only an
 * HMAC of the code is stored; attempts are counted in this row (atomically), so parallel or aliased guesses in one
 * request cannot multiply them.
 */
export const verificationCodes = pgTable(
  "verification_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: text("purpose").notNull(),
    subjectId: uuid("subject_id").notNull(),
    channel: text("channel").notNull(),
    destination: text("destination").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("verification_codes_subject_idx").on(t.purpose, t.subjectId)],
);

/**
 * Messages that would leave by email or SMS. The sandbox notifier writes them here and nothing leaves the
 * machine; tests read them, and in development the log prints each code.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel").notNull(),
    destination: text("destination").notNull(),
    template: text("template").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_destination_idx").on(t.destination, t.createdAt)],
);

/** Single-use password reset tokens (SHA-256 stored), valid 30 minutes. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull().references(() => accounts.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_account_idx").on(t.accountId)],
);

/**
 * Fixed-window counters shared by every API instance: one row per rule and subject, bumped by an atomic upsert.
 * A window opens at the first call and lasts the rule's length; the first call after it ends opens the next one.
 * The key holds a keyed hash of the subject (identifier, address), never the subject itself.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key] }), index("rate_limits_expires_idx").on(t.expiresAt)],
);

/** The programs and declared income of a BPU card created by self-registration (JKK and JKM always; JHT optional). */
export const bpuMemberships = pgTable("bpu_memberships", {
  cardId: uuid("card_id").primaryKey().references(() => cards.id),
  declaredIncomeSen: bigint("declared_income_sen", { mode: "bigint" }).notNull(),
  jht: boolean("jht").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
});

export type RegistrationRow = typeof registrations.$inferSelect;
export type VerificationCodeRow = typeof verificationCodes.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
