import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { emitEvent } from "../events/event-bus.ts";
import { accounts, sessions } from "./account.table.ts";

/**
 * Sessions that ended (logout, password reset, refresh-token reuse, a block): every API instance closes the
 * WebSockets opened with them. The session row (revoked_at, revoked_reason) is the stored event; the NOTIFY
 * carries the session id, or EVERY_SESSION when all sessions of the account ended.
 */
export const SESSION_ENDED_TOPIC = "SESSION_ENDED";
export const EVERY_SESSION = "*";

export interface SessionEnded {
  accountId: string;
  /** null: every session of the account. */
  sessionId: string | null;
}

/** In the transaction that ended the session(s): delivered to every instance only if it commits. */
export async function emitSessionEnded(tx: DbOrTx, accountId: string, sessionId: string | null): Promise<void> {
  await emitEvent(tx, SESSION_ENDED_TOPIC, accountId, sessionId ?? EVERY_SESSION);
}

/**
 * Of the given sessions, those still live (not revoked, account not blocked): one statement for every socket
 * of an instance, so that a lost NOTIFY (delivery is at most once) is made up for by the periodic sweep.
 */
export async function liveSessionIds(db: DbOrTx, sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(inArray(sessions.id, sessionIds), isNull(sessions.revokedAt), isNull(accounts.blockedAt)));
  return new Set(rows.map((r) => r.id));
}
