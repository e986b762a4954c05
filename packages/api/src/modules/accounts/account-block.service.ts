import { eq } from "drizzle-orm";
import { UserErrorCode } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { DomainError } from "../../common/errors.ts";
import { personalDataAuditRepository } from "../audit/personal-data-audit.repository.ts";
import { klaimRepository } from "../klaim/klaim.repository.ts";
import { pengkinianRepository } from "../pengkinian/pengkinian.repository.ts";
import { BLOCK_AUDIT_FIELD } from "./account-block.ts";
import { accounts, type AccountRow } from "./account.table.ts";
import type { AuthInfo } from "./auth.service.ts";
import type { LoginLockout } from "./login-lockout.service.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class AccountBlockService {
  constructor(
    private readonly database: Database,
    private readonly lockout: LoginLockout,
  ) {}

  /**
   * Staff lift a block (after the person proved who they are, e.g. at a branch): sign-in works again, the wrong
   * password count and the strike counters of open pengkinian and klaim drafts start afresh, and the audit log records
   * who lifted it and why.
   */
  async unblock(staff: AuthInfo, target: { participantId: string | null; accountId: string | null }, note: string): Promise<AccountRow> {
    const text = note.trim();
    if (!text) throw new DomainError(UserErrorCode.INVALID_INPUT, ["input", "note"], { reason: "note" });
    if (!!target.participantId === !!target.accountId) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, ["input"], { reason: "participantId or accountId" });
    }
    return this.database.db.transaction(async (tx) => {
      const where = target.participantId ? eq(accounts.participantId, target.participantId) : eq(accounts.id, target.accountId!);
      const account = target.accountId && !UUID.test(target.accountId) ? undefined : (await tx.select().from(accounts).where(where).limit(1).for("update"))[0];
      if (!account) throw new DomainError(UserErrorCode.ACCOUNT_NOT_FOUND, ["input", target.participantId ? "participantId" : "accountId"]);
      if (!account.blockedAt) throw new DomainError(UserErrorCode.ACCOUNT_NOT_BLOCKED);
      const [updated] = await tx
        .update(accounts)
        .set({ blockedAt: null, blockedReason: null, failedLoginCount: 0, lockedUntil: null })
        .where(eq(accounts.id, account.id))
        .returning();
      if (account.participantId) {
        await pengkinianRepository.resetStrikes(tx, account.participantId);
        // The claim drafts' KPJ and selfie attempts too, or one typo would block the account again (issue 11).
        await klaimRepository.resetStrikes(tx, account.participantId);
      }
      await this.lockout.clear(tx, account);
      await personalDataAuditRepository.append(tx, [
        {
          actor: staff.accountId,
          participantId: account.participantId,
          accountId: account.id,
          field: BLOCK_AUDIT_FIELD,
          oldValue: account.blockedReason,
          newValue: null,
          reason: "ACCOUNT_UNBLOCKED",
          source: "staff",
          note: text.slice(0, 500),
        },
      ]);
      return updated!;
    });
  }
}
