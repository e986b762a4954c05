import { and, eq, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/database.ts";
import { isUuid, tableReader } from "../../db/table-reader.ts";
import { accountEvents, accounts, sessions, type AccountRow, type SessionRow } from "./account.table.ts";

const sessionColumns = tableReader(sessions, "s");
const accountColumns = tableReader(accounts, "a");
/** Exported for bench/compare.ts, whose raw-SQL floor sends the same statement. */
export const SESSION_WITH_ACCOUNT = `select ${sessionColumns.select}, ${accountColumns.select}
  from sessions s join accounts a on a.id = s.account_id where s.id = $1::uuid`;

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

  /**
   * The session with its account, in one statement: every authenticated request (and every operation over a
   * WebSocket) reads this, so its text is constant and prepared once per connection.
   */
  async findSessionWithAccount(database: Database, sessionId: string): Promise<{ session: SessionRow; account: AccountRow } | undefined> {
    if (!isUuid(sessionId)) return undefined;
    const [values] = await database.query(SESSION_WITH_ACCOUNT, [sessionId]);
    if (!values) return undefined;
    return { session: sessionColumns.read(values, 0)!, account: accountColumns.read(values, sessionColumns.width)! };
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
