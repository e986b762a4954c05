import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./account.table.ts";

/**
 * Sign-in attempts per subject: a keyed hash of the identifier typed (any client, whether or not an account has
 * it), or of a verified device (a device token of the account the identifier names). Counted before the password
 * is checked, so parallel guesses never pass the limit. Supersedes accounts.failed_login_count / locked_until.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    // HMAC (TOKEN_SECRET) of "identifier:<normalised email/phone>" or "device:<device id>": no identifier in clear.
    subject: text("subject").primaryKey(),
    // Set for a device subject only, so that a password reset can clear the account's devices.
    accountId: uuid("account_id").references(() => accounts.id),
    count: integer("count").notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("login_attempts_account_idx").on(t.accountId), index("login_attempts_last_attempt_idx").on(t.lastAttemptAt)],
);

export type LoginAttemptRow = typeof loginAttempts.$inferSelect;
