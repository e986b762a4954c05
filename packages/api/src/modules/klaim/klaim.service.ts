import { sql } from "drizzle-orm";
import { KlaimEligibilityCode, UserErrorCode, type BankAccountInput, type SebabKlaim } from "@jmo/schema";
import type { Database, Tx } from "../../db/database.ts";
import { checkIdempotencyKey, DomainError, DomainErrors, forbidden } from "../../common/errors.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { auditSelfieCheck, MAX_IDENTITY_ATTEMPTS, sameSecret, strike } from "../accounts/identity-gates.ts";
import { cardRepository } from "../cards/card.repository.ts";
import { isLinked, type LinkedCardRow } from "../cards/card.table.ts";
import { decodeSelfie, type FaceMatchPort, type SelfieLimits } from "../reference/selfie.ts";
import { validateBankAccount, validateNpwp } from "../reference/validators.ts";
import { totalsOf } from "../saldo/jht-engine.ts";
import { todayWib, type SaldoService } from "../saldo/saldo.service.ts";
import { evaluateEligibility, failedChecks, type EligibilityEvaluation } from "./klaim-eligibility.ts";
import { appendKlaimEvent } from "./klaim-events.ts";
import { notEligibleReasons, sebagianNotEligibleReasons } from "./klaim.messages.ts";
import { klaimRepository } from "./klaim.repository.ts";
import { KLAIM_STEPS, type KlaimRow, type KlaimStatusValue, type KlaimStepName } from "./klaim.table.ts";
import { DatabaseAttachmentStore, type AttachmentStorePort } from "../pengaduan/pengaduan-attachments.ts";
import { failedSebagian } from "./klaim-sebagian-eligibility.ts";
import { isSebagian, KlaimSebagianService, notEligible as notEligibleSebagian, rincianFor } from "./klaim-sebagian.service.ts";

export const MAX_KPJ_ATTEMPTS = MAX_IDENTITY_ATTEMPTS;
export const MAX_BIOMETRIC_ATTEMPTS = MAX_IDENTITY_ATTEMPTS;
/** A claim may be cancelled until payment starts. */
export const CANCELLABLE_STATUSES: readonly KlaimStatusValue[] = ["DRAFT", "AGENDA", "VERIFIKASI", "PENETAPAN"];

export { evaluateEligibility } from "./klaim-eligibility.ts";

/** The checks (klaim-eligibility.ts) with the card's own open claim, which klaimJhtStart resumes or tracking shows. */
export interface EligibilityResult extends EligibilityEvaluation {
  openKlaim: KlaimRow | null;
}

/** The first step not done yet; null once the claim is submitted. */
export function nextStepOf(row: Pick<KlaimRow, "status" | "completedSteps">): KlaimStepName | null {
  if (row.status !== "DRAFT") return null;
  return KLAIM_STEPS.find((s) => !row.completedSteps.includes(s)) ?? null;
}

function withStep(row: KlaimRow, step: KlaimStepName): KlaimStepName[] {
  const done = new Set([...row.completedSteps, step]);
  return KLAIM_STEPS.filter((s) => done.has(s));
}

const outOfOrder = (step: KlaimStepName) => new DomainError(UserErrorCode.STEP_OUT_OF_ORDER, null, { step });

/**
 * Copied from pengkinian.service.ts (private there; that file is being finished by another engineer):
 * an 11-digit KPJ compared in constant time.
 */

function participantOf(auth: AuthInfo): string {
  if (!auth.participantId) throw forbidden();
  return auth.participantId;
}

export interface KlaimServiceOptions {
  faceMatch: FaceMatchPort;
  /** Today in WIB (YYYY-MM-DD), the claim date: the JMO limit and the waiting month are taken for it; tests may move it. */
  today: () => string;
  /** SELFIE_MAX_MEGAPIXELS. */
  selfie: SelfieLimits;
  /** Where a partial claim's documents go; the pengaduan attachments' database table unless given. */
  attachments?: AttachmentStorePort;
}

/**
 * The JHT claim submission flow, a stored state machine like pengkinian's: every step runs in one transaction that
 * locks the claim's row (`select … for update`), business failures roll back, except strikes, which are committed
 * and reported afterwards. Submitting hands the claim to the processing worker (status AGENDA, next_action_at now).
 */
export class KlaimService {
  /** Klaim JHT sebagian: its checks, start and documents; the steps after start are this service's. */
  readonly sebagian: KlaimSebagianService;

  constructor(
    private readonly database: Database,
    private readonly saldo: SaldoService,
    private readonly options: KlaimServiceOptions,
  ) {
    this.sebagian = new KlaimSebagianService(database, saldo, {
      today: () => this.options.today(),
      attachments: options.attachments ?? new DatabaseAttachmentStore(database),
    });
  }

  async findById(id: string): Promise<KlaimRow | null> {
    return (await klaimRepository.findById(this.database.db, id)) ?? null;
  }

  /**
   * The checks for a card, per card and per person (klaim-eligibility.ts): every card of the participant, their saldo
   * and their open claims are read. `excludeKlaimId`: the claim being submitted or decided, which does not block
   * itself; `today`: the claim date (the worker re-checks with the day the claim was submitted).
   */
  async eligibility(card: LinkedCardRow, opts: { today?: string; excludeKlaimId?: string } = {}): Promise<EligibilityResult> {
    const db = this.database.db;
    const allCards = await cardRepository.findByParticipantIds(db, [card.participantId]);
    const [statements, participant, open] = await Promise.all([
      this.saldo.forCards(allCards.map((c) => c.id)),
      klaimRepository.findParticipant(db, card.participantId),
      klaimRepository.findOpenForParticipant(db, card.participantId),
    ]);
    const saldoOf = (cardId: string) => totalsOf(statements.get(cardId)?.years ?? []).totalSen;
    const own = open.find((k) => k.cardId === card.id) ?? null;
    // This card's draft is resumed by klaimJhtStart, not a reason to refuse; any other open claim is.
    const blocking = open.find((k) => k.id !== opts.excludeKlaimId && !(k.cardId === card.id && k.status === "DRAFT")) ?? null;
    const evaluation = evaluateEligibility({
      card,
      otherCards: allCards.filter((c) => c.id !== card.id),
      pengkinianStatus: participant!.pengkinianStatus,
      cardSaldoSen: saldoOf(card.id),
      totalSaldoSen: allCards.reduce((sum, c) => sum + saldoOf(c.id), 0n),
      blockingKlaim: blocking,
      today: opts.today ?? this.options.today(),
    });
    return { ...evaluation, openKlaim: own };
  }

  /**
   * The worker's re-check at PENETAPAN (issue 11: a Rp0 claim must never be paid): the checks again, on the day the
   * claim was submitted, with the saldo and cards as they are now; the claim itself does not count as another open
   * claim. Pengkinian is not re-checked: updating one's data after submitting is no reason to refuse. Returns the
   * card's saldo now and the reasons to refuse, in Indonesian (the claim's rejection reason), or null.
   */
  async recheck(klaim: KlaimRow): Promise<{ saldoNowSen: bigint; reason: string | null }> {
    const card = (await cardRepository.findByIds(this.database.db, [klaim.cardId]))[0];
    if (!isLinked(card)) return { saldoNowSen: 0n, reason: "Kartu klaim tidak ditemukan." };
    const claimDate = todayWib(klaim.submittedAt ?? new Date());
    if (isSebagian(klaim.jenis)) {
      const partial = await this.sebagian.eligibility(card, klaim.jenis, { today: claimDate, excludeKlaimId: klaim.id });
      const failedPartial = failedSebagian(partial).filter((code) => code !== KlaimEligibilityCode.PENGKINIAN_SELESAI);
      const reasonPartial = failedPartial.length ? `Syarat klaim JHT sebagian lewat JMO tidak lagi terpenuhi: ${sebagianNotEligibleReasons(partial, failedPartial, "id")}.` : null;
      return { saldoNowSen: partial.saldoSen, reason: reasonPartial };
    }
    const result = await this.eligibility(card, { today: claimDate, excludeKlaimId: klaim.id });
    const failed = failedChecks(result).filter((code) => code !== KlaimEligibilityCode.PENGKINIAN_SELESAI);
    const reason = failed.length ? `Syarat klaim JHT lewat JMO tidak lagi terpenuhi: ${notEligibleReasons(result, failed, "id")}.` : null;
    return { saldoNowSen: result.saldoSen, reason };
  }

  /** Opens a draft for the card, or resumes its open draft (with the reason now chosen). */
  async start(auth: AuthInfo, cardId: string | null, sebab: SebabKlaim): Promise<KlaimRow> {
    const participantId = participantOf(auth);
    // A partial claim's purpose is set by klaimJhtSebagianStart, never here.
    if (sebab !== "MENGUNDURKAN_DIRI" && sebab !== "PHK") throw new DomainError(UserErrorCode.KLAIM_JENIS_INVALID, ["input", "sebab"]);
    const card = cardId ? (await cardRepository.findByIds(this.database.db, [cardId]))[0] : undefined;
    if (!isLinked(card) || card.participantId !== participantId) throw new DomainError(UserErrorCode.KLAIM_CARD_NOT_FOUND, ["input", "cardId"]);
    const check = await this.eligibility(card);
    if (check.openKlaim && check.openKlaim.status !== "DRAFT") {
      throw new DomainError(UserErrorCode.KLAIM_IN_PROGRESS, ["input", "cardId"], { nomor: check.openKlaim.nomor });
    }
    if (!check.eligible) throw notEligible(check);
    return this.database.db.transaction(async (tx) => {
      let row = await klaimRepository.lockOpenForCard(tx, card.id);
      // Two taps on "start" at once: the partial unique index lets one insert through; the other resumes it.
      if (!row) row = (await klaimRepository.insertDraft(tx, { participantId, cardId: card.id, sebab, jenis: "PENUH", persentase: 100 })) ?? (await klaimRepository.lockOpenForCard(tx, card.id));
      if (!row) throw new Error("klaim draft vanished");
      if (row.status !== "DRAFT" || row.jenis !== "PENUH") throw new DomainError(UserErrorCode.KLAIM_IN_PROGRESS, ["input", "cardId"], { nomor: row.nomor });
      return row.sebab === sebab ? row : klaimRepository.update(tx, row.id, { sebab });
    });
  }

  /** KEPESERTAAN: the card's full KPJ; three wrong entries block the account. A malformed entry uses no attempt. */
  async confirmKepesertaan(auth: AuthInfo, klaimId: string | null, kpj: string): Promise<KlaimRow> {
    const typed = kpj.replace(/[\s.-]/g, "");
    const outcome = await this.database.db.transaction(async (tx) => {
      const row = await this.draft(tx, auth, klaimId);
      if (row.completedSteps.includes("KEPESERTAAN")) throw outOfOrder(nextStepOf(row)!);
      if (!/^\d{11}$/.test(typed)) throw new DomainError(UserErrorCode.KPJ_FORMAT, ["input", "kpj"]);
      const card = (await cardRepository.findByIds(tx, [row.cardId]))[0]!;
      if (sameSecret(typed, card.kpj)) return { kind: "done" as const, row: await klaimRepository.update(tx, row.id, { completedSteps: withStep(row, "KEPESERTAAN") }) };
      const used = row.kpjAttempts + 1;
      await klaimRepository.update(tx, row.id, { kpjAttempts: used });
      const struck = await strike(tx, auth, { used, reason: "KPJ_STRIKES", source: `klaim:${row.id}` });
      return struck.blocked ? { kind: "blocked" as const } : { kind: "wrong" as const, attemptsLeft: struck.attemptsLeft };
    });
    if (outcome.kind === "done") return outcome.row;
    if (outcome.kind === "blocked") throw new DomainError(UserErrorCode.ACCOUNT_BLOCKED);
    throw new DomainError(UserErrorCode.KPJ_MISMATCH, ["input", "kpj"], { attemptsLeft: outcome.attemptsLeft });
  }

  /**
   * BIOMETRIK: a selfie checked by the face-match port, as in pengkinian: an unreadable upload uses no attempt, a
   * face that does not match uses one of three, the third blocks the account. Only the image's hash is kept (audit).
   */
  async verifyBiometric(auth: AuthInfo, klaimId: string | null, selfie: string): Promise<KlaimRow> {
    const participantId = participantOf(auth);
    // The step, then the image: a selfie sent out of order is refused before its bytes are read (issue 10, finding 4).
    checkBiometricTurn(await this.owned(this.database.db, auth, klaimId));
    const decoded = decodeSelfie(selfie, this.options.selfie);
    if ("error" in decoded) throw new DomainError(decoded.error.code, ["input", "selfie"], decoded.error.params ?? {});
    const participant = (await klaimRepository.findParticipant(this.database.db, participantId))!;
    const result = await this.options.faceMatch.verify(decoded.image, { id: participantId, fullName: participant.fullName });
    const outcome = await this.database.db.transaction(async (tx) => {
      const row = await this.draft(tx, auth, klaimId);
      checkBiometricTurn(row);
      await auditSelfieCheck(tx, auth, { participantId, sha256: decoded.image.sha256, match: result.match, source: `klaim:${row.id}` });
      if (result.match) return { kind: "done" as const, row: await klaimRepository.update(tx, row.id, { completedSteps: withStep(row, "BIOMETRIK") }) };
      const used = row.biometricAttempts + 1;
      await klaimRepository.update(tx, row.id, { biometricAttempts: used });
      const struck = await strike(tx, auth, { used, reason: "BIOMETRIC_STRIKES", source: `klaim:${row.id}` });
      return struck.blocked ? { kind: "blocked" as const } : { kind: "failed" as const, attemptsLeft: struck.attemptsLeft };
    });
    if (outcome.kind === "done") return outcome.row;
    if (outcome.kind === "blocked") throw new DomainError(UserErrorCode.ACCOUNT_BLOCKED);
    throw new DomainError(UserErrorCode.BIOMETRIC_FAILED, ["input", "selfie"], { attemptsLeft: outcome.attemptsLeft });
  }

  /**
   * REKENING: NPWP (optional) and the bank account in the participant's own name, validated as in pengkinian; stores
   * the rincian for the card's saldo now. May be redone until submit (submit computes the rincian again and locks it).
   */
  async setRekening(auth: AuthInfo, klaimId: string | null, npwpInput: string | null | undefined, bankAccount: BankAccountInput): Promise<KlaimRow> {
    const participantId = participantOf(auth);
    const before = await this.owned(this.database.db, auth, klaimId);
    checkRekeningTurn(before);
    const participant = (await klaimRepository.findParticipant(this.database.db, participantId))!;
    const problems: DomainError[] = [];
    let npwp: string | null = null;
    const npwpTrimmed = npwpInput?.trim() ?? "";
    if (npwpTrimmed !== "") {
      const checked = validateNpwp(npwpTrimmed);
      if ("error" in checked) problems.push(new DomainError(checked.error.code, ["input", "npwp"], checked.error.params ?? {}));
      else npwp = checked.value;
    }
    const bank = validateBankAccount(bankAccount, participant.fullName);
    if ("errors" in bank) for (const e of bank.errors) problems.push(new DomainError(e.problem.code, ["input", "bankAccount", e.field], e.problem.params ?? {}));
    if (problems.length) throw new DomainErrors(problems);
    const account = (bank as { value: { bankCode: string; accountNumber: string; accountName: string } }).value;
    const saldoSen = await this.saldoOf(before.cardId);
    const rincian = rincianFor(before.jenis, saldoSen, npwp !== null, this.options.today());
    return this.database.db.transaction(async (tx) => {
      const row = await this.draft(tx, auth, klaimId);
      checkRekeningTurn(row);
      // The kind changed meanwhile (klaimJhtSebagianStart on the same draft): the rincian shown would be another's.
      if (row.jenis !== before.jenis) throw outOfOrder(nextStepOf(row)!);
      return klaimRepository.update(tx, row.id, {
        npwp,
        bankCode: account.bankCode,
        bankAccountNumber: account.accountNumber,
        bankAccountName: account.accountName,
        ...rincian,
        completedSteps: withStep(row, "REKENING"),
      });
    });
  }

  /**
   * KONFIRMASI: with consent, the claim is submitted (AGENDA, event sequence 1) and its rincian recomputed and locked.
   * The same idempotency key (per participant) returns the same claim, before or after it was submitted. Two submits
   * at once wait for each other on the claim's row lock: one submits, the other sees it submitted.
   */
  async submit(auth: AuthInfo, klaimId: string | null, consent: boolean, idempotencyKey: string): Promise<KlaimRow> {
    const participantId = participantOf(auth);
    checkIdempotencyKey(idempotencyKey);
    const replay = await this.replay(this.database.db, participantId, klaimId, idempotencyKey);
    if (replay) return replay;
    const before = await this.owned(this.database.db, auth, klaimId);
    if (before.status !== "DRAFT") throw new DomainError(UserErrorCode.KLAIM_NOT_DRAFT);
    const card = (await cardRepository.findByIds(this.database.db, [before.cardId]))[0] as LinkedCardRow;
    // The same checks as at start, again: the saldo, the cards and other claims may have changed since.
    const partial = isSebagian(before.jenis) ? await this.sebagian.eligibility(card, before.jenis, { excludeKlaimId: before.id }) : null;
    const check = partial ? null : await this.eligibility(card, { excludeKlaimId: before.id });
    return this.database.db.transaction(async (tx) => {
      const row = await this.owned(tx, auth, klaimId, { lock: true });
      // The same key sent twice at once: the second waited for the first's lock and finds its claim submitted.
      if (row.status !== "DRAFT") {
        if (row.idempotencyKey === idempotencyKey) return row;
        throw new DomainError(UserErrorCode.KLAIM_NOT_DRAFT);
      }
      const next = nextStepOf(row);
      if (next !== "KONFIRMASI") throw outOfOrder(next!);
      if (consent !== true) throw new DomainError(UserErrorCode.KLAIM_CONSENT_REQUIRED, ["input", "consent"]);
      if (row.jenis !== before.jenis) throw outOfOrder(nextStepOf(row) ?? "REKENING");
      if (partial) {
        if (!partial.eligible) throw notEligibleSebagian(partial);
        // 30% is for housing: the bank's document is part of the claim (docs/domain/klaim-sebagian.md).
        if (row.jenis === "SEBAGIAN_30" && (await this.sebagian.countDocuments(tx, row.id)) === 0) throw new DomainError(UserErrorCode.KLAIM_DOKUMEN_REQUIRED, ["input", "klaimId"]);
      } else if (!check!.eligible) throw notEligible(check!);
      const rincian = rincianFor(row.jenis, (partial ?? check!).saldoSen, row.npwp !== null, this.options.today());
      const submitted = await klaimRepository.update(tx, row.id, {
        status: "AGENDA",
        completedSteps: withStep(row, "KONFIRMASI"),
        consentAt: sql`now()`,
        idempotencyKey,
        ...rincian,
        submittedAt: sql`now()`,
        nextActionAt: sql`now()`,
      });
      const event = await appendKlaimEvent(tx, row.id, "AGENDA", partial ? `Klaim JHT sebagian ${row.persentase}% diajukan melalui JMO` : "Klaim diajukan melalui JMO", "participant");
      return { ...submitted, lastSequence: event.sequence };
    });
  }

  /** Until payment starts (DRAFT to PENETAPAN); the status guard makes a race with the worker safe. */
  async cancel(auth: AuthInfo, klaimId: string | null): Promise<KlaimRow> {
    const before = await this.owned(this.database.db, auth, klaimId);
    return this.database.db.transaction(async (tx) => {
      const cancelled = await klaimRepository.updateIfStatus(tx, before.id, CANCELLABLE_STATUSES, { status: "DIBATALKAN", nextActionAt: null, completedAt: sql`now()` });
      if (!cancelled) throw new DomainError(UserErrorCode.KLAIM_NOT_CANCELLABLE);
      const event = await appendKlaimEvent(tx, cancelled.id, "DIBATALKAN", "Dibatalkan oleh peserta", "participant");
      return { ...cancelled, lastSequence: event.sequence };
    });
  }

  async listForParticipant(participantId: string, first: number, afterId: string | null) {
    return klaimRepository.pageByParticipant(this.database.db, participantId, first, afterId);
  }

  async listByStatus(status: KlaimStatusValue | null, first: number, afterId: string | null) {
    return klaimRepository.pageByStatus(this.database.db, status, first, afterId);
  }

  private async saldoOf(cardId: string): Promise<bigint> {
    const statements = await this.saldo.forCards([cardId]);
    return totalsOf(statements.get(cardId)?.years ?? []).totalSen;
  }

  /** The claim that already carries this key: the same claim again, or a key reused for another claim. */
  private async replay(db: Database["db"], participantId: string, klaimId: string | null, key: string): Promise<KlaimRow | null> {
    const existing = await klaimRepository.findByIdempotencyKey(db, participantId, key);
    if (!existing) return null;
    if (existing.id !== klaimId) throw new DomainError(UserErrorCode.IDEMPOTENCY_KEY_REUSED, ["input", "idempotencyKey"]);
    return existing;
  }

  /** The caller's claim (locked when asked); another participant's claim is FORBIDDEN, an unknown one KLAIM_NOT_FOUND. */
  private async owned(db: Database["db"] | Tx, auth: AuthInfo, klaimId: string | null, opts: { lock?: boolean } = {}): Promise<KlaimRow> {
    const participantId = participantOf(auth);
    const row = klaimId ? await (opts.lock ? klaimRepository.lockById(db, klaimId) : klaimRepository.findById(db, klaimId)) : undefined;
    if (!row) throw new DomainError(UserErrorCode.KLAIM_NOT_FOUND, ["input", "klaimId"]);
    if (row.participantId !== participantId) throw forbidden();
    return row;
  }

  /** The caller's claim, locked, still a draft. */
  private async draft(tx: Tx, auth: AuthInfo, klaimId: string | null): Promise<KlaimRow> {
    const row = await this.owned(tx, auth, klaimId, { lock: true });
    if (row.status !== "DRAFT") throw new DomainError(UserErrorCode.KLAIM_NOT_DRAFT);
    return row;
  }

}

function checkBiometricTurn(row: KlaimRow): void {
  if (row.status !== "DRAFT") throw new DomainError(UserErrorCode.KLAIM_NOT_DRAFT);
  if (!row.completedSteps.includes("KEPESERTAAN")) throw outOfOrder("KEPESERTAAN");
  if (row.completedSteps.includes("BIOMETRIK")) throw outOfOrder(nextStepOf(row)!);
  // Attempts used up means the account was blocked (a socket opened before may still be asking).
  if (row.biometricAttempts >= MAX_BIOMETRIC_ATTEMPTS) throw new DomainError(UserErrorCode.ACCOUNT_BLOCKED);
}

function checkRekeningTurn(row: KlaimRow): void {
  if (row.status !== "DRAFT") throw new DomainError(UserErrorCode.KLAIM_NOT_DRAFT);
  for (const gate of ["KEPESERTAAN", "BIOMETRIK"] as const) if (!row.completedSteps.includes(gate)) throw outOfOrder(gate);
}

/** KLAIM_NOT_ELIGIBLE naming each failed check in words (both languages; i18n picks the caller's). */
function notEligible(check: EligibilityResult): DomainError {
  const failed = failedChecks(check);
  return new DomainError(UserErrorCode.KLAIM_NOT_ELIGIBLE, ["input", "cardId"], {
    reasonsId: notEligibleReasons(check, failed, "id"),
    reasonsEn: notEligibleReasons(check, failed, "en"),
  });
}
