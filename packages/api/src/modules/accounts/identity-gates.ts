import { timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "../../db/database.ts";
import { personalDataAuditRepository } from "../audit/personal-data-audit.repository.ts";
import { SYSTEM_ACTOR } from "../audit/personal-data-audit.table.ts";
import { blockAccount, type BlockReason } from "./account-block.ts";
import type { AuthInfo } from "./auth.service.ts";

/**
 * The identity gates that pengkinian and klaim share (seed 000): the person types their full KPJ and takes a
 * selfie; three wrong KPJ entries, or three selfies that do not match, block the account until staff lift it.
 */
export const MAX_IDENTITY_ATTEMPTS = 3;

/** Compares what was typed with a stored identifier in constant time (also when the lengths differ). */
export function sameSecret(typed: string, actual: string): boolean {
  const a = Buffer.from(typed);
  const b = Buffer.from(actual);
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * Counts one failed attempt (`used` is the count including it, already stored by the caller) and blocks the
 * account at the third, in the caller's transaction.
 */
export async function strike(
  tx: DbOrTx,
  auth: AuthInfo,
  attempt: { used: number; reason: BlockReason; source: string },
): Promise<{ blocked: true } | { blocked: false; attemptsLeft: number }> {
  if (attempt.used < MAX_IDENTITY_ATTEMPTS) return { blocked: false, attemptsLeft: MAX_IDENTITY_ATTEMPTS - attempt.used };
  await blockAccount(tx, { accountId: auth.accountId, participantId: auth.participantId, reason: attempt.reason, actor: SYSTEM_ACTOR, source: attempt.source });
  return { blocked: true };
}

/** Every selfie check is in the audit log, with the image's hash only (the image itself is never kept). */
export async function auditSelfieCheck(
  tx: DbOrTx,
  auth: AuthInfo,
  check: { participantId: string; sha256: string; match: boolean; source: string },
): Promise<void> {
  await personalDataAuditRepository.append(tx, [
    {
      actor: auth.accountId,
      participantId: check.participantId,
      accountId: auth.accountId,
      field: "selfie",
      newValue: `sha256:${check.sha256}`,
      reason: check.match ? "BIOMETRIC_MATCH" : "BIOMETRIC_NO_MATCH",
      source: check.source,
    },
  ]);
}
