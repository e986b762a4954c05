import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { personalDataAuditRepository } from "../audit/personal-data-audit.repository.ts";
import { accounts, sessions } from "./account.table.ts";
import { emitSessionEnded } from "./session-events.ts";

/** Why an account is blocked until staff lift it. */
export type BlockReason = "KPJ_STRIKES" | "BIOMETRIC_STRIKES";

export const BLOCK_AUDIT_FIELD = "accounts.blocked";

/**
 * Blocks an account in the caller's transaction: sign-in then answers ACCOUNT_BLOCKED (call 175), every session
 * ends at once (each request reads its session), and the block is in the audit log. Only staff lift it.
 */
export async function blockAccount(
  tx: DbOrTx,
  block: { accountId: string; participantId: string | null; reason: BlockReason; actor: string; source: string | null },
): Promise<void> {
  const blocked = await tx
    .update(accounts)
    .set({ blockedAt: sql`now()`, blockedReason: block.reason })
    .where(and(eq(accounts.id, block.accountId), sql`${accounts.blockedAt} is null`))
    .returning({ id: accounts.id });
  if (blocked.length === 0) return;
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: "ACCOUNT_BLOCKED" })
    .where(and(eq(sessions.accountId, block.accountId), sql`${sessions.revokedAt} is null`));
  // Open WebSockets of the account close on every instance when this commits.
  await emitSessionEnded(tx, block.accountId, null);
  await personalDataAuditRepository.append(tx, [
    {
      actor: block.actor,
      participantId: block.participantId,
      accountId: block.accountId,
      field: BLOCK_AUDIT_FIELD,
      oldValue: null,
      newValue: block.reason,
      reason: block.reason,
      source: block.source,
    },
  ]);
}
