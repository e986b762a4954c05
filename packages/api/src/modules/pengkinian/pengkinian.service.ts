import { sql } from "drizzle-orm";
import { UserErrorCode, type DataKependudukanInput, type DataKontakInput, type DataTambahanInput, type PengkinianCardKpjInput } from "@jmo/schema";
import type { Database, Tx } from "../../db/database.ts";
import { DomainError, DomainErrors } from "../../common/errors.ts";
import { idOfType } from "../../common/global-id.ts";
import { logger } from "../../common/logger.ts";
import { todayUtc } from "../../seed/calendar.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { auditSelfieCheck, MAX_IDENTITY_ATTEMPTS, sameSecret, strike } from "../accounts/identity-gates.ts";
import { personalDataAuditRepository } from "../audit/personal-data-audit.repository.ts";
import { SYSTEM_ACTOR } from "../audit/personal-data-audit.table.ts";
import { cardRepository } from "../cards/card.repository.ts";
import { emitEvent } from "../events/event-bus.ts";
import { recordNotification } from "../notifications/notifications.service.ts";
import type { FamilyMemberRow, ParticipantRow } from "../participants/participant.table.ts";
import { findVillage, type WilayahEntry } from "../reference/wilayah.ts";
import { decodeSelfie, type FaceMatchPort, type SelfieLimits } from "../reference/selfie.ts";
import {
  validateBankAccount,
  validateEmail,
  validateKodePos,
  validateNpwp,
  validatePassport,
  validatePastDate,
  validatePersonName,
  validatePhone,
  validateText,
  validateVillage,
  type FieldProblem,
} from "../reference/validators.ts";
import { auditChanges, profileChanges } from "./pengkinian.record.ts";
import { CHANNEL, contactsRepository, sendsNeeded, stepsWithKontak, unverified, type ContactChannel, type PengkinianContacts } from "./pengkinian-contacts.ts";
import { pengkinianRepository } from "./pengkinian.repository.ts";
import {
  PENGKINIAN_STEPS,
  type DataKependudukanDraft,
  type DataKontakDraft,
  type DataTambahanDraft,
  type FamilyMemberDraft,
  type PengkinianRow,
  type PengkinianStepName,
} from "./pengkinian.table.ts";
import type { PengkinianDecision, PengkinianVerifierPort } from "./verifier.ts";

export const PENGKINIAN_STATUS_TOPIC = "PENGKINIAN_STATUS";
export const MAX_KPJ_ATTEMPTS = MAX_IDENTITY_ATTEMPTS;
export const MAX_BIOMETRIC_ATTEMPTS = MAX_IDENTITY_ATTEMPTS;
const MAX_CHILDREN = 20;
const ADDRESS_MAX = 200;

/** The first step not done yet, in the order of PENGKINIAN_STEPS; null once the draft is submitted. */
export function nextStepOf(row: Pick<PengkinianRow, "status" | "completedSteps">): PengkinianStepName | null {
  if (row.status !== "DRAFT") return null;
  return PENGKINIAN_STEPS.find((s) => !row.completedSteps.includes(s)) ?? null;
}

/** Steps kept in their canonical order, whatever order the data sections were done in. */
function withStep(row: PengkinianRow, step: PengkinianStepName): PengkinianStepName[] {
  const done = new Set([...row.completedSteps, step]);
  return PENGKINIAN_STEPS.filter((s) => done.has(s));
}

function outOfOrder(step: PengkinianStepName): DomainError {
  return new DomainError(UserErrorCode.STEP_OUT_OF_ORDER, null, { step });
}


/** Collects field problems of one form, so the person sees every wrong field at once. */
class Problems {
  readonly list: DomainError[] = [];
  add(field: (string | number)[], problem: FieldProblem | null | undefined): void {
    if (problem) this.list.push(new DomainError(problem.code, field.map(String), (problem as { params?: Record<string, string | number> }).params ?? {}));
  }
  throwIfAny(): void {
    if (this.list.length) throw new DomainErrors(this.list);
  }
}

/** Turns a validator's field ("accountNumber" or ["bankAccount", "accountNumber"]) into a path under `prefix`. */
function under(prefix: string[], field: string | readonly string[] | null | undefined): string[] {
  if (!field) return prefix;
  const parts = typeof field === "string" ? [field] : [...field];
  const last = prefix[prefix.length - 1];
  return parts[0] === last ? [...prefix.slice(0, -1), ...parts] : [...prefix, ...parts];
}

export interface PengkinianServiceOptions {
  verifier: PengkinianVerifierPort;
  faceMatch: FaceMatchPort;
  /** Seconds between submission and the verifier's decision (PENGKINIAN_VERIFY_DELAY_SECONDS). */
  verifyDelaySeconds: number;
  /** SELFIE_MAX_MEGAPIXELS. */
  selfie: SelfieLimits;
  /** Codes for a new email or phone of DATA_KONTAK, and the sign-in change when the pengkinian is TERVERIFIKASI. */
  contacts: PengkinianContacts;
}

/**
 * The pengkinian data state machine. Every step runs in one transaction that locks the open draft row
 * (`select … for update`), so two tabs sending a step at once are applied one after the other, never mixed.
 * Business failures throw (the transaction rolls back: nothing changes), except strikes, which are committed
 * first and reported afterwards.
 */
export class PengkinianService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly database: Database,
    private readonly options: PengkinianServiceOptions,
  ) {}

  /** The current or last attempt; null when the participant never started one. */
  async latest(participantId: string): Promise<PengkinianRow | null> {
    return (await pengkinianRepository.findLatestByParticipantIds(this.database.db, [participantId]))[0] ?? null;
  }

  /** Opens a draft prefilled from the participant's record, or resumes the open one (DRAFT or DIAJUKAN). */
  async start(auth: AuthInfo): Promise<PengkinianRow> {
    const participantId = participantOf(auth);
    return this.database.db.transaction(async (tx) => {
      const open = await pengkinianRepository.findOpenForUpdate(tx, participantId);
      if (open) return open;
      const participant = (await pengkinianRepository.lockParticipant(tx, participantId))!;
      const family = await pengkinianRepository.familyOf(tx, participantId);
      const created = await pengkinianRepository.insertDraft(tx, { participantId, ...(await prefill(participant, family)) });
      // Another tab opened one between our read and insert: resume that one.
      if (!created) return (await pengkinianRepository.findOpenForUpdate(tx, participantId))!;
      // A verified record stays TERVERIFIKASI while the participant edits a new draft; it changes on submit.
      if (participant.pengkinianStatus === "BELUM" || participant.pengkinianStatus === "DITOLAK") {
        await pengkinianRepository.updateParticipant(tx, participantId, { pengkinianStatus: "DRAFT" });
      }
      return created;
    });
  }

  /**
   * KEPESERTAAN: the full KPJ of every card. A wrong entry (one or more cards wrong) uses one of three attempts;
   * the third blocks the account. Form mistakes (a card missing, not 11 digits) use none: they reveal nothing.
   * With one card the KPJ fills itself in (seed 000): naming the card confirms it, and a KPJ typed anyway is still
   * checked; the selfie after this step is the identity gate (docs/domain/pengkinian.md weighs the trade-off).
   */
  async confirmKepesertaan(auth: AuthInfo, entries: PengkinianCardKpjInput[]): Promise<PengkinianRow> {
    const participantId = participantOf(auth);
    const outcome = await this.database.db.transaction(async (tx) => {
      const row = await openDraft(tx, participantId);
      if (row.completedSteps.includes("KEPESERTAAN")) throw outOfOrder(nextStepOf(row)!);
      const cards = await cardRepository.findByParticipantIds(tx, [participantId]);
      const ids = entries.map((e) => idOfType(e.cardId, "Card"));
      const owned = new Set(cards.map((c) => c.id));
      if (ids.length !== cards.length || new Set(ids).size !== ids.length || ids.some((id) => !id || !owned.has(id))) {
        throw new DomainError(UserErrorCode.KPJ_CARDS_MISMATCH, ["input", "cards"]);
      }
      const typed = entries.map((e) => (e.kpj ?? "").replace(/[\s.-]/g, ""));
      const entryRequired = kpjEntryRequired(cards.length);
      const format = new Problems();
      typed.forEach((kpj, i) => {
        if (kpj === "") {
          if (entryRequired) format.add(["input", "cards", i, "kpj"], { code: UserErrorCode.REQUIRED });
        } else if (!/^\d{11}$/.test(kpj)) format.add(["input", "cards", i, "kpj"], { code: UserErrorCode.KPJ_FORMAT });
      });
      format.throwIfAny();
      const kpjById = new Map(cards.map((c) => [c.id, c.kpj]));
      // Every card is compared (no early exit), so timing does not tell which card was wrong. Empty: the one card, shown.
      const wrong = typed.map((kpj, i) => (kpj === "" || sameSecret(kpj, kpjById.get(ids[i]!)!) ? -1 : i)).filter((i) => i >= 0);
      if (wrong.length === 0) {
        return { kind: "done" as const, row: await pengkinianRepository.update(tx, row.id, { completedSteps: withStep(row, "KEPESERTAAN") }) };
      }
      const used = row.kpjAttemptsUsed + 1;
      await pengkinianRepository.update(tx, row.id, { kpjAttemptsUsed: used });
      const struck = await strike(tx, auth, { used, reason: "KPJ_STRIKES", source: `pengkinian:${row.id}` });
      return struck.blocked ? { kind: "blocked" as const } : { kind: "wrong" as const, wrong, attemptsLeft: struck.attemptsLeft };
    });
    if (outcome.kind === "done") return outcome.row;
    if (outcome.kind === "blocked") throw new DomainError(UserErrorCode.ACCOUNT_BLOCKED);
    throw new DomainErrors(
      outcome.wrong.map((i) => new DomainError(UserErrorCode.KPJ_MISMATCH, ["input", "cards", String(i), "kpj"], { attemptsLeft: outcome.attemptsLeft })),
    );
  }

  /**
   * BIOMETRIK: a selfie checked by the face-match port. An upload that is not an acceptable image (too large, not
   * JPEG/PNG) is refused without using an attempt: the face was never compared. A face that does not match uses
   * one of three attempts; the third blocks the account. Only the image's SHA-256 is kept (in the audit log).
   */
  async verifyBiometric(auth: AuthInfo, selfie: string): Promise<PengkinianRow> {
    const participantId = participantOf(auth);
    // The step, then the image: a selfie sent out of order is refused before its bytes are read (issue 10, finding 4).
    const before = await pengkinianRepository.findOpen(this.database.db, participantId);
    checkBiometricTurn(before);
    const decoded = decodeSelfie(selfie, this.options.selfie);
    if ("error" in decoded) throw new DomainErrors([problemAt(["input", "selfie"], decoded.error)]);
    const participant = (await pengkinianRepository.findParticipant(this.database.db, participantId))!;
    const result = await this.options.faceMatch.verify(decoded.image, { id: participantId, fullName: participant.fullName });
    const hash = decoded.image.sha256;

    const outcome = await this.database.db.transaction(async (tx) => {
      const row = await openDraft(tx, participantId);
      checkBiometricTurn(row);
      await auditSelfieCheck(tx, auth, { participantId, sha256: hash, match: result.match, source: `pengkinian:${row.id}` });
      if (result.match) return { kind: "done" as const, row: await pengkinianRepository.update(tx, row.id, { completedSteps: withStep(row, "BIOMETRIK") }) };
      const used = row.biometricAttemptsUsed + 1;
      await pengkinianRepository.update(tx, row.id, { biometricAttemptsUsed: used });
      const struck = await strike(tx, auth, { used, reason: "BIOMETRIC_STRIKES", source: `pengkinian:${row.id}` });
      return struck.blocked ? { kind: "blocked" as const } : { kind: "failed" as const, attemptsLeft: struck.attemptsLeft };
    });
    if (outcome.kind === "done") return outcome.row;
    if (outcome.kind === "blocked") throw new DomainError(UserErrorCode.ACCOUNT_BLOCKED);
    throw new DomainError(UserErrorCode.BIOMETRIC_FAILED, ["input", "selfie"], { attemptsLeft: outcome.attemptsLeft });
  }

  /**
   * DATA_KONTAK: phone, email, bank account (required), NPWP and passport (optional). A new email or phone (neither
   * the record's nor the sign-in one) gets a 6-digit code, and the step counts as done only once every new one is
   * verified (pengkinianVerifyEmail/Phone); until the decision the record and the sign-in keep the old ones.
   */
  async updateKontak(auth: AuthInfo, input: DataKontakInput, clientAddress: string | null = null): Promise<PengkinianRow> {
    await this.limitKontakSends(auth, input, clientAddress);
    return this.dataStep(auth, "DATA_KONTAK", async (participant, row, tx) => {
      const problems = new Problems();
      const phone = validatePhone(input.phone);
      if ("error" in phone) problems.add(["input", "phone"], phone.error);
      const email = validateEmail(input.email);
      if ("error" in email) problems.add(["input", "email"], email.error);
      const draft: DataKontakDraft = {};
      if (input.npwp !== undefined) {
        const npwp = blankAsNull(input.npwp);
        if (npwp === null) draft.npwp = null;
        else {
          const checked = validateNpwp(npwp);
          if ("error" in checked) problems.add(["input", "npwp"], checked.error);
          else draft.npwp = checked.value;
        }
      }
      if (input.passportNumber !== undefined) {
        const passport = blankAsNull(input.passportNumber);
        if (passport === null) draft.passportNumber = null;
        else {
          const checked = validatePassport(passport);
          if ("error" in checked) problems.add(["input", "passportNumber"], checked.error);
          else draft.passportNumber = checked.value;
        }
      }
      const bank = validateBankAccount(input.bankAccount, participant.fullName);
      if ("errors" in bank) for (const e of bank.errors) problems.add(under(["input", "bankAccount"], e.field), e.problem);
      problems.throwIfAny();
      if ("value" in phone) draft.phone = phone.value;
      if ("value" in email) draft.email = email.value;
      if ("value" in bank) draft.bankAccount = bank.value;
      const account = await contactsRepository.account(tx, auth.accountId);
      const dataKontak = await this.options.contacts.withVerifications(tx, row, draft, { record: participant, account: account ?? null });
      return { dataKontak, completedSteps: stepsWithKontak(withStep(row, "DATA_KONTAK"), dataKontak) };
    });
  }

  /**
   * The code sent to the new email (EMAIL) or phone (SMS) of DATA_KONTAK. 5 attempts per code, counted atomically
   * before the comparison. Whether another account signs in with that address is told only after the right code
   * (EMAIL_ALREADY_USED / PHONE_ALREADY_USED), as in registration. Verifying the last new contact completes DATA_KONTAK.
   */
  async verifyContact(auth: AuthInfo, channel: ContactChannel, code: string, clientAddress: string | null = null): Promise<PengkinianRow> {
    const participantId = participantOf(auth);
    const field = ["input", "code"];
    const { verification } = CHANNEL[channel];
    const before = await this.pendingContact(participantId, channel);
    if (before.dataKontak[verification]!.verifiedAt) return before;
    await this.options.contacts.limitVerify(clientAddress);
    const pending = before.dataKontak[verification]!;
    // Outside any transaction: a wrong code stays counted.
    const destination = await this.options.contacts.codes.verify(this.database.db, CHANNEL[channel].purpose, before.id, code, field);
    if (destination !== pending.value) throw new DomainError(UserErrorCode.CODE_EXPIRED, field);
    if (await contactsRepository.takenByAnother(this.database.db, channel, destination, auth.accountId)) {
      throw new DomainError(CHANNEL[channel].taken, field, { flow: "pengkinian" });
    }
    return this.database.db.transaction(async (tx) => {
      const row = await openDraft(tx, participantId);
      const current = row.dataKontak[verification];
      // The section changed meanwhile (another tab): this code was for an address no longer entered.
      if (current?.value !== destination) throw new DomainError(UserErrorCode.CODE_EXPIRED, field);
      if (current.verifiedAt) return row;
      const dataKontak = { ...row.dataKontak, [verification]: { ...current, verifiedAt: new Date().toISOString() } };
      await this.options.contacts.auditVerified(tx, auth, row, channel, destination);
      return pengkinianRepository.update(tx, row.id, { dataKontak, completedSteps: stepsWithKontak(row.completedSteps, dataKontak) });
    });
  }

  /** A new code for the new email (EMAIL) or phone (SMS) of DATA_KONTAK, no sooner than 60 seconds after the last. */
  async resendContactCode(auth: AuthInfo, channel: ContactChannel, clientAddress: string | null = null): Promise<PengkinianRow> {
    const participantId = participantOf(auth);
    const { verification } = CHANNEL[channel];
    const before = await this.pendingContact(participantId, channel);
    const pending = before.dataKontak[verification]!;
    if (pending.verifiedAt) return before;
    await this.options.contacts.limitSends(auth, [pending.value], clientAddress);
    return this.database.db.transaction(async (tx) => {
      const row = await openDraft(tx, participantId);
      const current = row.dataKontak[verification];
      if (!current) throw new DomainError(UserErrorCode.NO_CODE_PENDING, ["input", "channel"], { channel });
      if (current.verifiedAt) return row;
      const sent = await this.options.contacts.send(tx, row.id, channel, current.value, ["input", "channel"]);
      return pengkinianRepository.update(tx, row.id, { dataKontak: { ...row.dataKontak, [verification]: sent } });
    });
  }

  /** The open draft with a new contact for this channel, read without a lock (NO_CODE_PENDING when there is none). */
  private async pendingContact(participantId: string, channel: ContactChannel): Promise<PengkinianRow> {
    const row = await pengkinianRepository.findOpen(this.database.db, participantId);
    if (!row) throw new DomainError(UserErrorCode.PENGKINIAN_NOT_STARTED);
    if (row.status !== "DRAFT") throw new DomainError(UserErrorCode.PENGKINIAN_SUBMITTED);
    if (!row.dataKontak[CHANNEL[channel].verification]) throw new DomainError(UserErrorCode.NO_CODE_PENDING, null, { channel });
    return row;
  }

  /** Counts the codes updateKontak will send (rate limits), before its transaction; a form that will fail sends none. */
  private async limitKontakSends(auth: AuthInfo, input: DataKontakInput, clientAddress: string | null): Promise<void> {
    const phone = validatePhone(input.phone);
    const email = validateEmail(input.email);
    const participantId = participantOf(auth);
    const row = await pengkinianRepository.findOpen(this.database.db, participantId);
    if (!row || !("value" in phone) || !("value" in email)) return;
    const participant = (await pengkinianRepository.findParticipant(this.database.db, participantId))!;
    const account = await contactsRepository.account(this.database.db, auth.accountId);
    const channels = sendsNeeded({ phone: phone.value, email: email.value }, row.dataKontak, { record: participant, account: account ?? null });
    await this.options.contacts.limitSends(auth, channels.map((c) => (c === "EMAIL" ? email.value : phone.value)), clientAddress);
  }

  /** DATA_KEPENDUDUKAN: gender, domicile (village, kode pos, address), mother's maiden name, marital status, family. */
  async updateKependudukan(auth: AuthInfo, input: DataKependudukanInput): Promise<PengkinianRow> {
    return this.dataStep(auth, "DATA_KEPENDUDUKAN", async (participant) => {
      const problems = new Problems();
      const today = todayUtc();
      const checkedVillage = await validateVillage(input.villageCode);
      let village: WilayahEntry | null = null;
      if ("error" in checkedVillage) problems.add(["input", "villageCode"], checkedVillage.error);
      else village = checkedVillage.value;
      problems.add(["input", "kodePos"], validateKodePos(input.kodePos, village));
      problems.add(["input", "address"], validateText(input.address, { required: true, max: ADDRESS_MAX }));
      const motherMaidenName = personName(problems, ["input", "motherMaidenName"], input.motherMaidenName);
      const member = (path: (string | number)[], m: { name: string; birthDate: string }, after?: string): FamilyMemberDraft => {
        const name = personName(problems, [...path, "name"], m.name);
        problems.add([...path, "birthDate"], validatePastDate(m.birthDate, today, after ? { after } : {}));
        return { name, birthDate: m.birthDate };
      };
      let spouse: FamilyMemberDraft | null = null;
      if (input.maritalStatus === "KAWIN") {
        if (input.spouse) spouse = member(["input", "spouse"], input.spouse);
        else problems.add(["input", "spouse"], { code: UserErrorCode.SPOUSE_REQUIRED });
      } else if (input.spouse) {
        problems.add(["input", "spouse"], { code: UserErrorCode.SPOUSE_NOT_ALLOWED });
      }
      let children: FamilyMemberDraft[] | undefined;
      if (input.children !== undefined) {
        const list = input.children ?? [];
        if (list.length > MAX_CHILDREN) problems.add(["input", "children"], { code: UserErrorCode.TOO_MANY_CHILDREN, params: { max: MAX_CHILDREN } });
        // Children are born after the participant.
        children = list.slice(0, MAX_CHILDREN).map((c, i) => member(["input", "children", i], c, participant.birthDate));
      }
      problems.throwIfAny();
      const v = village!;
      const draft: DataKependudukanDraft = {
        gender: input.gender,
        villageCode: v.villageCode,
        kodePos: input.kodePos.trim(),
        address: input.address.trim().replace(/\s+/g, " "),
        motherMaidenName,
        maritalStatus: input.maritalStatus,
        // The spouse follows the marital status: only KAWIN has one, so any other status removes it.
        spouse,
        wilayah: { kelurahan: v.kelurahan, kecamatan: v.kecamatan, kabupaten: v.kabupaten, provinsi: v.provinsi },
      };
      if (children !== undefined) draft.children = children;
      return { dataKependudukan: draft };
    });
  }

  /** DATA_TAMBAHAN: education, religion, blood type and the emergency contact. */
  async updateTambahan(auth: AuthInfo, input: DataTambahanInput): Promise<PengkinianRow> {
    return this.dataStep(auth, "DATA_TAMBAHAN", async () => {
      const problems = new Problems();
      const contact = input.emergencyContact;
      const name = personName(problems, ["input", "emergencyContact", "name"], contact.name);
      const phone = validatePhone(contact.phone);
      if ("error" in phone) problems.add(["input", "emergencyContact", "phone"], phone.error);
      problems.add(["input", "emergencyContact", "address"], validateText(contact.address, { required: true, max: ADDRESS_MAX }));
      problems.throwIfAny();
      const draft: DataTambahanDraft = {
        education: input.education,
        religion: input.religion,
        bloodType: input.bloodType,
        emergencyContact: {
          name,
          phone: (phone as { value: string }).value,
          address: contact.address.trim().replace(/\s+/g, " "),
          relationship: contact.relationship,
        },
      };
      return { dataTambahan: draft };
    });
  }

  /** KONFIRMASI: with consent, the draft goes to the verifier (DIAJUKAN), which decides after the configured delay. */
  async submit(auth: AuthInfo, consent: boolean): Promise<PengkinianRow> {
    const participantId = participantOf(auth);
    return this.database.db.transaction(async (tx) => {
      const row = await openDraft(tx, participantId);
      const waiting = unverified(row.dataKontak);
      if (waiting.length) throw new DomainErrors(waiting.map((channel) => new DomainError(UserErrorCode.CONTACT_NOT_VERIFIED, null, { channel })));
      const next = nextStepOf(row);
      if (next !== "KONFIRMASI") throw outOfOrder(next!);
      if (consent !== true) throw new DomainError(UserErrorCode.CONSENT_REQUIRED, ["input", "consent"]);
      // A verified address another account took meanwhile: said now (the person proved they hold it), not at the decision.
      for (const channel of ["EMAIL", "SMS"] as const) {
        const v = row.dataKontak[CHANNEL[channel].verification];
        if (v?.verifiedAt && (await contactsRepository.takenByAnother(tx, channel, v.value, auth.accountId))) {
          throw new DomainError(CHANNEL[channel].taken, null, { flow: "pengkinian" });
        }
      }
      const submitted = await pengkinianRepository.update(tx, row.id, {
        status: "DIAJUKAN",
        completedSteps: withStep(row, "KONFIRMASI"),
        consentAt: sql`now()`,
        submittedAt: sql`now()`,
        decideAfter: sql`now() + make_interval(secs => ${this.options.verifyDelaySeconds})`,
      });
      await pengkinianRepository.updateParticipant(tx, participantId, { pengkinianStatus: "DIAJUKAN" });
      await this.statusEvent(tx, submitted);
      return submitted;
    });
  }

  /**
   * Decides every submitted attempt that is due, one transaction each: the verifier's outcome, on TERVERIFIKASI
   * the new data written to the participant's record (only the columns the sections named) with an audit row per
   * changed field, the participant's status, and the status event. Returns how many were decided.
   */
  async decideDue(): Promise<number> {
    let decided = 0;
    for (;;) {
      const done = await this.database.db.transaction(async (tx) => {
        const row = await pengkinianRepository.lockNextDue(tx);
        if (!row) return false;
        await this.decide(tx, row);
        return true;
      });
      if (!done) return decided;
      decided += 1;
    }
  }

  /** Polls for due decisions every `intervalMs` (0: off; tests call decideDue themselves). */
  startWorker(intervalMs: number): void {
    if (intervalMs <= 0 || !this.stopped) return;
    this.stopped = false;
    const tick = () => {
      this.running = this.decideDue()
        .catch((err: unknown) => logger.error({ err }, "pengkinian decisions failed"))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stopWorker(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async decide(tx: Tx, row: PengkinianRow): Promise<void> {
    const participant = (await pengkinianRepository.lockParticipant(tx, row.participantId))!;
    const gender = row.dataKependudukan.gender ?? participant.gender;
    let decision: PengkinianDecision = await this.options.verifier.decide({
      pengkinianId: row.id,
      nik: participant.nik,
      fullName: participant.fullName,
      birthDate: participant.birthDate,
      gender,
    });
    if (decision.status === "TERVERIFIKASI") {
      // The verified new email/phone become the sign-in identifiers now, or the decision refuses them (taken meanwhile).
      const refused = await this.options.contacts.applyAtDecision(tx, row, participant);
      if (refused) decision = { status: "DITOLAK", reason: refused };
    }
    if (decision.status === "TERVERIFIKASI") {
      const family = await pengkinianRepository.familyOf(tx, participant.id);
      const changes = profileChanges(participant, family, row);
      await pengkinianRepository.updateParticipant(tx, participant.id, changes.columns);
      if (changes.spouse) await pengkinianRepository.replaceFamily(tx, participant.id, "SPOUSE", changes.spouse);
      if (changes.children) await pengkinianRepository.replaceFamily(tx, participant.id, "CHILD", changes.children);
      await personalDataAuditRepository.append(
        tx,
        auditChanges(changes.audit, { actor: SYSTEM_ACTOR, participantId: participant.id, reason: "PENGKINIAN_TERVERIFIKASI", source: `pengkinian:${row.id}` }),
      );
    }
    const decided = await pengkinianRepository.update(tx, row.id, {
      status: decision.status,
      decidedAt: sql`now()`,
      rejectionReason: decision.status === "DITOLAK" ? decision.reason : null,
    });
    await pengkinianRepository.updateParticipant(tx, participant.id, { pengkinianStatus: decision.status });
    await this.statusEvent(tx, decided);
    await recordNotification(tx, {
      participantId: participant.id,
      kind: "PENGKINIAN_RESULT",
      params: decision.status === "DITOLAK" ? { status: decision.status, reason: decision.reason } : { status: decision.status },
      subject: { type: "Pengkinian", id: row.id },
    });
  }

  /** A data section: allowed once both identity gates are passed, in any order, redone freely until submit. */
  private async dataStep(
    auth: AuthInfo,
    step: PengkinianStepName,
    validate: (
      participant: ParticipantRow,
      row: PengkinianRow,
      tx: Tx,
    ) => Promise<Partial<Pick<PengkinianRow, "dataKontak" | "dataKependudukan" | "dataTambahan" | "completedSteps">>>,
  ): Promise<PengkinianRow> {
    const participantId = participantOf(auth);
    return this.database.db.transaction(async (tx) => {
      const row = await openDraft(tx, participantId);
      for (const gate of ["KEPESERTAAN", "BIOMETRIK"] as const) if (!row.completedSteps.includes(gate)) throw outOfOrder(gate);
      const participant = (await pengkinianRepository.findParticipant(tx, participantId))!;
      const section = await validate(participant, row, tx);
      return pengkinianRepository.update(tx, row.id, { completedSteps: withStep(row, step), ...section });
    });
  }

  private async statusEvent(tx: Tx, row: PengkinianRow): Promise<void> {
    const event = await pengkinianRepository.insertEvent(tx, { pengkinianId: row.id, participantId: row.participantId, status: row.status });
    await emitEvent(tx, PENGKINIAN_STATUS_TOPIC, row.participantId, event.id);
  }
}

/** Seed 000: with one card the KPJ fields fill themselves; only several cards make the person type the hidden digits. */
export function kpjEntryRequired(cardCount: number): boolean {
  return cardCount !== 1;
}

function participantOf(auth: AuthInfo): string {
  // Resolvers only let participants in; staff have no pengkinian of their own.
  if (!auth.participantId) throw new Error("pengkinian needs a participant account");
  return auth.participantId;
}

function problemAt(field: string[], problem: FieldProblem): DomainError {
  return new DomainError(problem.code, field, (problem as { params?: Record<string, string | number> }).params ?? {});
}

/** A person's name, normalised; on a problem it is recorded and "" returned (nothing is saved then). */
function personName(problems: Problems, field: (string | number)[], value: string): string {
  const checked = validatePersonName(value);
  if ("error" in checked) {
    problems.add(field, checked.error);
    return "";
  }
  return checked.value;
}

function blankAsNull(value: string | null | undefined): string | null {
  return value == null || value.trim() === "" ? null : value.trim();
}

/** The open draft, locked; a submitted one cannot change and none open means start first. */
async function openDraft(tx: Tx, participantId: string): Promise<PengkinianRow> {
  const row = await pengkinianRepository.findOpenForUpdate(tx, participantId);
  if (!row) throw new DomainError(UserErrorCode.PENGKINIAN_NOT_STARTED);
  if (row.status !== "DRAFT") throw new DomainError(UserErrorCode.PENGKINIAN_SUBMITTED);
  return row;
}

function checkBiometricTurn(row: PengkinianRow | undefined): void {
  if (!row) throw new DomainError(UserErrorCode.PENGKINIAN_NOT_STARTED);
  if (row.status !== "DRAFT") throw new DomainError(UserErrorCode.PENGKINIAN_SUBMITTED);
  if (!row.completedSteps.includes("KEPESERTAAN")) throw outOfOrder("KEPESERTAAN");
  if (row.completedSteps.includes("BIOMETRIK")) throw outOfOrder(nextStepOf(row)!);
  // Attempts used up means the account was blocked (a socket opened before may still be asking).
  if (row.biometricAttemptsUsed >= MAX_BIOMETRIC_ATTEMPTS) throw new DomainError(UserErrorCode.ACCOUNT_BLOCKED);
}

/** The draft's sections as the record has them, for the form to show before the person edits them. */
async function prefill(p: ParticipantRow, family: FamilyMemberRow[]) {
  const village = p.villageCode ? await findVillage(p.villageCode) : undefined;
  const spouse = family.find((f) => f.relation === "SPOUSE");
  const children = family.filter((f) => f.relation === "CHILD");
  const dataKontak: DataKontakDraft = {
    phone: p.phone,
    email: p.email,
    npwp: p.npwp,
    passportNumber: p.passportNumber,
    bankAccount: p.bankCode && p.bankAccountNumber ? { bankCode: p.bankCode, accountNumber: p.bankAccountNumber, accountName: p.bankAccountName ?? "" } : null,
  };
  const dataKependudukan: DataKependudukanDraft = {
    gender: p.gender,
    villageCode: p.villageCode,
    kodePos: p.kodePos,
    address: p.address,
    motherMaidenName: p.motherMaidenName,
    maritalStatus: p.maritalStatus,
    spouse: spouse ? { name: spouse.name, birthDate: spouse.birthDate } : null,
    children: children.map((c) => ({ name: c.name, birthDate: c.birthDate })),
    wilayah: village ? { kelurahan: village.kelurahan, kecamatan: village.kecamatan, kabupaten: village.kabupaten, provinsi: village.provinsi } : null,
  };
  const dataTambahan: DataTambahanDraft = {
    education: p.education,
    religion: p.religion,
    bloodType: p.bloodType,
    emergencyContact:
      p.emergencyContactName && p.emergencyContactPhone && p.emergencyContactRelationship
        ? { name: p.emergencyContactName, phone: p.emergencyContactPhone, address: p.emergencyContactAddress ?? "", relationship: p.emergencyContactRelationship }
        : null,
  };
  return { dataKontak, dataKependudukan, dataTambahan };
}

