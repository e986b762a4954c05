import { UserErrorCode } from "@jmo/schema";
import type { Database, Tx } from "../../db/database.ts";
import { DomainError } from "../../common/errors.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { validateText } from "../reference/validators.ts";
import { appendKlaimEvent } from "./klaim-events.ts";
import { klaimProcessingRepository as repo } from "./klaim-processing.repository.ts";
import { klaimRepository } from "./klaim.repository.ts";
import type { KlaimRow } from "./klaim.table.ts";
import type { Clock } from "./klaim.worker.ts";

const NOTE_MAX = 500;
/** Before payment starts; a claim whose payment failed (PEMBAYARAN on hold: nothing was paid) may be rejected too. */
const BEFORE_PAYMENT = ["AGENDA", "VERIFIKASI", "PENETAPAN"] as const;

/**
 * What staff (PETUGAS) do with claims that need a person. Each action locks the claim's row, so it waits for a worker
 * step in progress on that claim and then sees its outcome; its event carries the staff account's id as actor.
 */
export class KlaimStaffService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * A person's go-ahead. A claim in VERIFIKASI (held for a person's penetapan, or not yet decided) is set for payment
   * (PENETAPAN) without the automatic checks; any other held claim is released and the worker takes its next step
   * (for a failed payment: the bank is asked again).
   */
  async approve(auth: AuthInfo, klaimId: string | null, note: string | null | undefined): Promise<KlaimRow> {
    const text = optionalText(note, "note");
    return this.locked(klaimId, async (tx, klaim) => {
      const suffix = text ? `: ${text}` : "";
      if (klaim.status === "VERIFIKASI") {
        await repo.update(tx, klaim.id, { status: "PENETAPAN", onHold: false, holdReason: null, nextActionAt: this.clock.now() });
        await appendKlaimEvent(tx, klaim.id, "PENETAPAN", `Penetapan Klaim (disetujui petugas)${suffix}`, auth.accountId);
        return;
      }
      if (!klaim.onHold || !(["AGENDA", "PENETAPAN", "PEMBAYARAN"] as const).some((s) => s === klaim.status)) {
        throw new DomainError(UserErrorCode.KLAIM_NOT_WAITING);
      }
      await repo.update(tx, klaim.id, { onHold: false, holdReason: null, nextActionAt: this.clock.now() });
      await appendKlaimEvent(tx, klaim.id, klaim.status, `Klaim dilanjutkan oleh petugas${suffix}`, auth.accountId);
    });
  }

  /** Ends a claim as DITOLAK with a reason the participant sees; only before payment starts (or after it failed). */
  async reject(auth: AuthInfo, klaimId: string | null, reason: string): Promise<KlaimRow> {
    const text = requiredText(reason, "reason");
    return this.locked(klaimId, async (tx, klaim) => {
      const beforePayment = BEFORE_PAYMENT.some((s) => s === klaim.status) || (klaim.status === "PEMBAYARAN" && klaim.onHold);
      if (!beforePayment) throw new DomainError(UserErrorCode.KLAIM_NOT_REJECTABLE);
      await repo.update(tx, klaim.id, {
        status: "DITOLAK",
        rejectionReason: text,
        onHold: false,
        holdReason: null,
        nextActionAt: null,
        completedAt: this.clock.now(),
      });
      await appendKlaimEvent(tx, klaim.id, "DITOLAK", `Klaim Ditolak: ${text}`, auth.accountId);
    });
  }

  /** Stops the worker on this claim until klaimApprove (or klaimReject); only before payment starts. */
  async hold(auth: AuthInfo, klaimId: string | null, reason: string): Promise<KlaimRow> {
    const text = requiredText(reason, "reason");
    return this.locked(klaimId, async (tx, klaim) => {
      if (klaim.onHold || !BEFORE_PAYMENT.some((s) => s === klaim.status)) throw new DomainError(UserErrorCode.KLAIM_NOT_HOLDABLE);
      await repo.update(tx, klaim.id, { onHold: true, holdReason: text });
      await appendKlaimEvent(tx, klaim.id, klaim.status, `Klaim ditahan petugas: ${text}`, auth.accountId);
    });
  }

  private locked(klaimId: string | null, act: (tx: Tx, klaim: KlaimRow) => Promise<void>): Promise<KlaimRow> {
    return this.database.db.transaction(async (tx) => {
      const klaim = klaimId ? await klaimRepository.lockById(tx, klaimId) : undefined;
      if (!klaim || klaim.status === "DRAFT") throw new DomainError(UserErrorCode.KLAIM_NOT_FOUND, ["input", "klaimId"]);
      await act(tx, klaim);
      return (await klaimRepository.findById(tx, klaim.id))!;
    });
  }
}

function requiredText(value: string, field: string): string {
  const problem = validateText(value, { required: true, max: NOTE_MAX });
  if (problem) throw new DomainError(problem.code, ["input", field], (problem as { params?: Record<string, string | number> }).params ?? {});
  return value.trim();
}

function optionalText(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || !value.trim()) return null;
  return requiredText(value, field);
}
