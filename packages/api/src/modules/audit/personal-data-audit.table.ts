import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participants } from "../participants/participant.table.ts";

/** Who changed personal data when the change was not made by a person (the verifier accepting a pengkinian). */
export const SYSTEM_ACTOR = "system";

/**
 * Every change of personal data, one row per field: who (an account id, or "system"), when, whose data, which
 * field, and the old and new values MASKED (this table must not become a copy of the data it audits).
 * Append-only: the migration adds a trigger that refuses UPDATE and DELETE.
 */
export const personalDataAudit = pgTable(
  "personal_data_audit",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // The account id of the participant or staff member who acted, or "system".
    actor: text("actor").notNull(),
    participantId: uuid("participant_id").references(() => participants.id),
    // The account concerned, for account-level changes (a block and its lifting).
    accountId: uuid("account_id"),
    // "participants.phone", "accounts.blocked", "selfie"…
    field: text("field").notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    // Why: PENGKINIAN_TERVERIFIKASI, KPJ_STRIKES, BIOMETRIC_STRIKES, ACCOUNT_UNBLOCKED, BIOMETRIC_CHECK…
    reason: text("reason").notNull(),
    // Where from, e.g. "pengkinian:<id>".
    source: text("source"),
    note: text("note"),
  },
  (t) => [index("personal_data_audit_participant_idx").on(t.participantId, t.at), index("personal_data_audit_account_idx").on(t.accountId, t.at)],
);

export type PersonalDataAuditRow = typeof personalDataAudit.$inferSelect;
export type PersonalDataAuditInsert = typeof personalDataAudit.$inferInsert;
