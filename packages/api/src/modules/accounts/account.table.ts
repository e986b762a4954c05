import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participants } from "../participants/participant.table.ts";

export const roleEnum = pgEnum("role", ["PESERTA", "PETUGAS"]);

export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  participantId: uuid("participant_id").unique().references(() => participants.id),
  role: roleEnum("role").notNull().default("PESERTA"),
  // Stored lower-cased; phone in E.164.
  email: text("email").unique(),
  phone: text("phone").unique(),
  passwordHash: text("password_hash").notNull(),
  // No longer read nor counted: sign-in attempts and locks live in login_attempts. Kept for the database's readers.
  failedLoginCount: integer("failed_login_count").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  // A permanent block (KPJ or selfie strikes) that only staff can lift.
  blockedAt: timestamp("blocked_at", { withTimezone: true }),
  blockedReason: text("blocked_reason"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull().references(() => accounts.id),
    // SHA-256 of the current refresh secret, and of the one it replaced (to detect reuse of a stolen token).
    refreshHash: text("refresh_hash").notNull(),
    previousRefreshHash: text("previous_refresh_hash"),
    device: text("device"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("sessions_account_idx").on(t.accountId)],
);

export const accountEventTypeEnum = pgEnum("account_event_type", ["NEW_SIGN_IN", "SIGNED_OUT"]);

/** Append-only; rows are delivered to subscribers through LISTEN/NOTIFY carrying their id. */
export const accountEvents = pgTable(
  "account_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull().references(() => accounts.id),
    type: accountEventTypeEnum("type").notNull(),
    sessionId: uuid("session_id"),
    data: jsonb("data").$type<{ device?: string | null }>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_events_account_idx").on(t.accountId, t.createdAt)],
);

export type AccountRow = typeof accounts.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AccountEventRow = typeof accountEvents.$inferSelect;
