import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { accountEvents, accounts, sessions, type AccountRow, type SessionRow } from "./account.table.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export const accountRepository = {
  async findByEmail(db: DbOrTx, email: string): Promise<AccountRow | undefined> {
    return (await db.select().from(accounts).where(eq(accounts.email, email)).limit(1))[0];
  },

  async findByPhone(db: DbOrTx, phone: string): Promise<AccountRow | undefined> {
    return (await db.select().from(accounts).where(eq(accounts.phone, phone)).limit(1))[0];
  },

  /**
   * Counts a wrong password atomically; the fifth in a row locks the account and restarts the count,
   * so that after the lock the person has five fresh tries.
   */
  async recordFailedLogin(db: DbOrTx, accountId: string): Promise<{ lockedUntil: Date | null; failedLoginCount: number }> {
    const [row] = await db
      .update(accounts)
      .set({
        failedLoginCount: sql`case when ${accounts.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${accounts.failedLoginCount} + 1 end`,
        lockedUntil: sql`case when ${accounts.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS}
          then now() + make_interval(mins => ${LOCK_MINUTES}) else ${accounts.lockedUntil} end`,
      })
      .where(eq(accounts.id, accountId))
      .returning({ lockedUntil: accounts.lockedUntil, failedLoginCount: accounts.failedLoginCount });
    return row!;
  },

  async recordSuccessfulLogin(db: DbOrTx, accountId: string): Promise<void> {
    await db.update(accounts).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(accounts.id, accountId));
  },

  async createSession(db: DbOrTx, values: { accountId: string; refreshHash: string; device: string | null; expiresAt: Date }): Promise<SessionRow> {
    const [row] = await db.insert(sessions).values(values).returning();
    return row!;
  },

  /** The session with its account, in one statement: every authenticated request reads this. */
  async findSessionWithAccount(db: DbOrTx, sessionId: string): Promise<{ session: SessionRow; account: AccountRow } | undefined> {
    const [row] = await db
      .select({ session: sessions, account: accounts })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(eq(sessions.id, sessionId))
      .limit(1);
    return row;
  },

  /** Replaces the refresh secret only if it is still the one presented, so one token rotates once. */
  async rotateRefresh(db: DbOrTx, sessionId: string, presentedHash: string, nextHash: string, expiresAt: Date): Promise<boolean> {
    const rows = await db
      .update(sessions)
      .set({ refreshHash: nextHash, previousRefreshHash: presentedHash, refreshedAt: sql`now()`, expiresAt })
      .where(and(eq(sessions.id, sessionId), eq(sessions.refreshHash, presentedHash), sql`${sessions.revokedAt} is null`))
      .returning({ id: sessions.id });
    return rows.length === 1;
  },

  async revokeSession(db: DbOrTx, sessionId: string, reason: string): Promise<boolean> {
    const rows = await db
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: reason })
      .where(and(eq(sessions.id, sessionId), sql`${sessions.revokedAt} is null`))
      .returning({ id: sessions.id });
    return rows.length === 1;
  },

  async insertEvent(db: DbOrTx, values: typeof accountEvents.$inferInsert) {
    const [row] = await db.insert(accountEvents).values(values).returning();
    return row!;
  },

  async findEvent(db: DbOrTx, id: string) {
    return (await db.select().from(accountEvents).where(eq(accountEvents.id, id)).limit(1))[0];
  },
};
