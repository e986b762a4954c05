import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { accountEvents, accounts, sessions, type AccountRow, type SessionRow } from "./account.table.ts";

export const accountRepository = {
  async findByEmail(db: DbOrTx, email: string): Promise<AccountRow | undefined> {
    return (await db.select().from(accounts).where(eq(accounts.email, email)).limit(1))[0];
  },

  async findByPhone(db: DbOrTx, phone: string): Promise<AccountRow | undefined> {
    return (await db.select().from(accounts).where(eq(accounts.phone, phone)).limit(1))[0];
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
