import { eq } from "drizzle-orm";
import { Role, UserErrorCode } from "@jmo/schema";
import type { Database, DbOrTx } from "../../db/database.ts";
import { ApiError, DomainError } from "../../common/errors.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { bpuMemberships } from "../accounts/registration.table.ts";
import { personalDataAuditRepository } from "../audit/personal-data-audit.repository.ts";
import { validatePastDate } from "../reference/validators.ts";
import { contributionFor } from "../saldo/contribution-rules.ts";
import { contributions } from "../saldo/saldo.table.ts";
import { cards, type LinkedCardRow } from "./card.table.ts";

/** The audit log's field and reason for a pending BPU card that became AKTIF. */
export const CARD_STATUS_AUDIT_FIELD = "cards.status";
export const FIRST_CONTRIBUTION_REASON = "FIRST_CONTRIBUTION_PAID";

export interface BpuCardServiceOptions {
  /** False in production: the sandbox "paid" path is refused there. */
  sandbox: boolean;
  /** Today in WIB (YYYY-MM-DD). */
  today: () => string;
}

/**
 * The first contribution of a self-registered BPU card (issue 11, finding 6). Registration leaves the card
 * MENUNGGU_IURAN_PERTAMA: a participant is someone "yang telah membayar iuran" (UU 24/2011 art. 1(4)), so the card
 * protects nobody before that payment. Recording it writes the month's row in the contribution ledger (BPU shares of
 * contribution-rules.ts on the declared income) and makes the card AKTIF, in one transaction, audited.
 *
 * Deliberately small: real BPU payments (payment codes, channels, later months) are another issue. Until then staff
 * record a payment they have seen (`markFirstContributionPaid`), and outside production a sandbox path lets a demo
 * member "pay" (`sandboxPayFirstContribution`).
 */
export class BpuCardService {
  constructor(
    private readonly database: Database,
    private readonly options: BpuCardServiceOptions,
  ) {}

  /** Staff (PETUGAS) record a first contribution they have seen paid on `paidAt`, with a note for the audit log. */
  async markFirstContributionPaid(staff: AuthInfo, cardId: string | null, paidAt: string, note: string): Promise<LinkedCardRow> {
    const text = note.trim();
    if (!text) throw new DomainError(UserErrorCode.REQUIRED, ["input", "note"]);
    const dateProblem = validatePastDate(paidAt, this.options.today());
    if (dateProblem) throw new DomainError(dateProblem.code, ["input", "paidAt"], dateProblem.params);
    return this.database.db.transaction(async (tx) => {
      const card = await this.lockPending(tx, cardId, null);
      if (paidAt < card.registeredAt) {
        throw new DomainError(UserErrorCode.INVALID_DATE, ["input", "paidAt"], { reason: "NOT_AFTER", after: dayBefore(card.registeredAt) });
      }
      return this.record(tx, card, { paidAt, actor: staff.accountId, source: "staff", note: text.slice(0, 500) });
    });
  }

  /**
   * Sandbox only: the card's holder (or staff) "pays" the first contribution today. Refused in production with
   * FORBIDDEN (detail SANDBOX_ONLY) before anything is read, so production exposes no demo-only path.
   */
  async sandboxPayFirstContribution(auth: AuthInfo, cardId: string | null): Promise<LinkedCardRow> {
    if (!this.options.sandbox) throw new ApiError("FORBIDDEN", { detail: "SANDBOX_ONLY" });
    return this.database.db.transaction(async (tx) => {
      // A participant reaches only their own cards; someone else's answers as an unknown one.
      const card = await this.lockPending(tx, cardId, auth.role === Role.PETUGAS ? null : auth.participantId);
      return this.record(tx, card, { paidAt: this.options.today(), actor: auth.accountId, source: "sandbox", note: "sandbox payment" });
    });
  }

  private async lockPending(tx: DbOrTx, cardId: string | null, ownerParticipantId: string | null): Promise<LinkedCardRow> {
    const [card] = cardId ? await tx.select().from(cards).where(eq(cards.id, cardId)).for("update") : [];
    if (!card?.participantId || (ownerParticipantId !== null && card.participantId !== ownerParticipantId)) {
      throw new DomainError(UserErrorCode.CARD_NOT_FOUND, ["input", "cardId"]);
    }
    if (card.status !== "MENUNGGU_IURAN_PERTAMA") throw new DomainError(UserErrorCode.CARD_NOT_AWAITING_FIRST_CONTRIBUTION, ["input", "cardId"]);
    return card as LinkedCardRow;
  }

  private async record(
    tx: DbOrTx,
    card: LinkedCardRow,
    payment: { paidAt: string; actor: string; source: "staff" | "sandbox"; note: string },
  ): Promise<LinkedCardRow> {
    const [membership] = await tx.select().from(bpuMemberships).where(eq(bpuMemberships.cardId, card.id));
    if (!membership) throw new DomainError(UserErrorCode.CARD_NOT_AWAITING_FIRST_CONTRIBUTION, ["input", "cardId"]);
    // [D] The first contribution covers the month it is paid in: protection starts with the payment.
    const period = `${payment.paidAt.slice(0, 7)}-01`;
    const shares = contributionFor("BPU", membership.declaredIncomeSen, period, { bpuJht: membership.jht });
    await tx.insert(contributions).values({ cardId: card.id, period, employerId: null, wageSen: membership.declaredIncomeSen, paidAt: payment.paidAt, ...shares });
    const [updated] = await tx.update(cards).set({ status: "AKTIF" }).where(eq(cards.id, card.id)).returning();
    await personalDataAuditRepository.append(tx, [
      {
        actor: payment.actor,
        participantId: card.participantId,
        field: CARD_STATUS_AUDIT_FIELD,
        oldValue: "MENUNGGU_IURAN_PERTAMA",
        newValue: "AKTIF",
        reason: FIRST_CONTRIBUTION_REASON,
        source: `${payment.source}:card:${card.id}`,
        note: payment.note,
      },
    ]);
    return updated as LinkedCardRow;
  }
}

/** 2026-03-01 → 2026-02-28 */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
