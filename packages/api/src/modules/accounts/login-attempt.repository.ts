import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { loginAttempts } from "./login-attempt.table.ts";

/** Wrong passwords allowed per subject before the lock; the attempt after them is refused unchecked. */
export const MAX_FAILED_LOGINS = 5;
/** How long a lock lasts, and how long a count of wrong passwords is remembered without a new attempt. */
export const LOCK_MINUTES = 15;

export const loginAttemptRepository = {
  /**
   * Counts one attempt, atomically and before any password check: the count this attempt got and the subject's
   * running lock. A lock that has run out, or a count whose last attempt is older than LOCK_MINUTES, starts afresh.
   */
  async count(db: DbOrTx, subject: string, accountId: string | null): Promise<{ count: number; lockedUntil: Date | null }> {
    const stale = sql`coalesce(${loginAttempts.lockedUntil} <= now(), ${loginAttempts.lastAttemptAt} <= now() - make_interval(mins => ${LOCK_MINUTES}))`;
    const [row] = await db
      .insert(loginAttempts)
      .values({ subject, accountId, count: 1, lastAttemptAt: sql`now()` })
      .onConflictDoUpdate({
        target: loginAttempts.subject,
        set: {
          count: sql`case when ${stale} then 1 else ${loginAttempts.count} + 1 end`,
          lockedUntil: sql`case when ${stale} then null else ${loginAttempts.lockedUntil} end`,
          lastAttemptAt: sql`now()`,
        },
      })
      .returning({
        count: loginAttempts.count,
        // Only a lock still running; compared on the database clock that every instance shares.
        lockedUntil: sql<Date | null>`case when ${loginAttempts.lockedUntil} > now() then ${loginAttempts.lockedUntil} end`.mapWith(loginAttempts.lockedUntil),
      });
    return row!;
  },

  /** Locks the subject for LOCK_MINUTES from now, unless a lock already runs (parallel guesses do not extend it). */
  async lock(db: DbOrTx, subject: string): Promise<Date> {
    const [row] = await db
      .update(loginAttempts)
      .set({ lockedUntil: sql`case when ${loginAttempts.lockedUntil} > now() then ${loginAttempts.lockedUntil} else now() + make_interval(mins => ${LOCK_MINUTES}) end` })
      .where(eq(loginAttempts.subject, subject))
      .returning({ lockedUntil: loginAttempts.lockedUntil });
    return row?.lockedUntil ?? new Date(Date.now() + LOCK_MINUTES * 60_000);
  },

  /** After a right password: the count starts afresh, but a lock that parallel guesses have set meanwhile stays. */
  async reset(db: DbOrTx, subject: string): Promise<void> {
    await db.delete(loginAttempts).where(and(eq(loginAttempts.subject, subject), sql`coalesce(${loginAttempts.lockedUntil} <= now(), true)`));
  },

  /** Every count and lock of an account: its identifier subjects and its devices (a password reset, an unblock). */
  async clear(db: DbOrTx, accountId: string, identifierSubjects: string[]): Promise<void> {
    const ofDevices = eq(loginAttempts.accountId, accountId);
    await db.delete(loginAttempts).where(identifierSubjects.length ? or(ofDevices, inArray(loginAttempts.subject, identifierSubjects)) : ofDevices);
  },

  /** Rows that no longer count anything: no lock running and no attempt for LOCK_MINUTES. */
  async deleteStale(db: DbOrTx): Promise<void> {
    await db
      .delete(loginAttempts)
      .where(sql`${loginAttempts.lastAttemptAt} < now() - make_interval(mins => ${LOCK_MINUTES}) and coalesce(${loginAttempts.lockedUntil} <= now(), true)`);
  },
};
