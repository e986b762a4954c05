import { createHash, randomBytes, randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { Gender, Nationality, RegistrationKind, RegistrationStep, RegistrationWarning, Segment, senToRupiah, UserErrorCode, type RegistrationStartInput } from "@jmo/schema";
import type { Database, DbOrTx } from "../../db/database.ts";
import { DomainError, DomainErrors } from "../../common/errors.ts";
import { loadDistricts } from "../../seed/areas.ts";
import { parseNik } from "../../seed/nik.ts";
import { cards, type LinkedCardRow } from "../cards/card.table.ts";
import { participants } from "../participants/participant.table.ts";
import { parsePassportCountry } from "../reference/countries.ts";
import { sameName, validateEmail, validatePassport, validatePastDate, validatePersonName, validatePhone, validateText } from "../reference/validators.ts";
import { contributionFor, type ContributionShares } from "../saldo/contribution-rules.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import { accounts, type AccountRow } from "./account.table.ts";
import type { AuthService, SignedIn } from "./auth.service.ts";
import { hashPassword } from "./password.ts";
import { passwordProblems } from "./password-policy.ts";
import type { RateLimiter } from "./rate-limit.ts";
import type { NotifierPort } from "./notifier.ts";
import { registrationRepository } from "./registration.repository.ts";
import { bpuMemberships, type NewBpuData, type RegistrationRow } from "./registration.table.ts";
import { CODE_RESEND_SECONDS, type CodePurpose, type VerificationCodes } from "./verification-codes.ts";

/** A registration must be completed within an hour of registrationStart. */
export const REGISTRATION_TTL_MINUTES = 60;
/** [D] Declared monthly income of a BPU sign-up: Rp1,000,000 (the lowest BPU income band) to Rp100,000,000. */
export const BPU_INCOME_MIN_SEN = 100_000_000n;
export const BPU_INCOME_MAX_SEN = 10_000_000_000n;

const TOKEN = ["input", "registrationToken"];

/** The card a BPU_NEW registration created, and its monthly (first) contribution. */
export interface NewBpuCardResult {
  card: LinkedCardRow;
  contribution: ContributionShares;
}

export interface RegistrationView {
  row: RegistrationRow;
  step: RegistrationStep;
  codeExpiresAt: Date | null;
  resendAvailableAt: Date | null;
}

export function stepOf(row: RegistrationRow): RegistrationStep {
  if (row.completedAt) return RegistrationStep.COMPLETED;
  if (!row.email) return RegistrationStep.EMAIL;
  if (!row.emailVerifiedAt) return RegistrationStep.VERIFY_EMAIL;
  if (!row.phone) return RegistrationStep.PHONE;
  if (!row.phoneVerifiedAt) return RegistrationStep.VERIFY_PHONE;
  return RegistrationStep.PASSWORD;
}

/** The monthly contribution of a BPU sign-up, by the ledger's own rules (JKK 1%, JKM Rp6,800, JHT 2% if chosen). */
export function bpuContribution(data: Pick<NewBpuData, "declaredIncomeSen" | "jht">, period = todayWib().slice(0, 7)): ContributionShares {
  return contributionFor("BPU", BigInt(data.declaredIncomeSen), period, { bpuJht: data.jht });
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * Seed 002 "Pendaftaran Akun" as a stored flow, one mutation per step: start (who you are) → email → emailed code →
 * phone → SMS code → password and terms → the account (and, for a new BPU worker, the participant and a BPU card).
 */
export class RegistrationService {
  constructor(
    private readonly database: Database,
    private readonly deps: { codes: VerificationCodes; auth: AuthService; rateLimiter: RateLimiter; notifier: NotifierPort },
  ) {}

  async start(input: RegistrationStartInput, clientAddress: string | null): Promise<{ token: string; view: RegistrationView }> {
    // A WNI identifies with the NIK, a WNA (foreign worker) with the passport the employer registered.
    const wna = input.citizenship === Nationality.WNA;
    const nik = wna ? null : (input.nik ?? "").replace(/[\s.-]/g, "");
    const passportInput = (input.passportNumber ?? "").replace(/[\s.-]/g, "").toUpperCase();
    await this.deps.rateLimiter.hit([
      ["REGISTRATION_START_ADDRESS", clientAddress],
      // Per NIK, or per passport for a WNA.
      ["REGISTRATION_START_NIK", nik ?? `passport:${passportInput}`],
    ]);
    const today = todayWib();
    // Foreign workers are registered by their employer (UU 24/2011 art. 14); JMO signs up only Indonesian BPU workers.
    if (input.kind === RegistrationKind.BPU_NEW && (input.membershipType !== Segment.BPU || wna)) {
      throw new DomainError(UserErrorCode.REGISTRATION_BPU_ONLY, ["input", "membershipType"]);
    }
    const identity = wna ? parseWnaIdentity(input) : nik;
    if (nik !== null && !/^\d{16}$/.test(nik)) throw new DomainError(UserErrorCode.INVALID_NIK, ["input", "nik"]);
    const dateProblem = validatePastDate(input.birthDate, today);
    if (dateProblem) throw new DomainError(dateProblem.code, ["input", "birthDate"], dateProblem.params);
    const name = validatePersonName(input.fullName);
    if ("error" in name) throw new DomainError(name.error.code, ["input", "fullName"], name.error.params);

    const db = this.database.db;
    const token = randomBytes(32).toString("base64url");
    const common = {
      tokenHash: hashToken(token),
      kind: input.kind,
      membershipType: input.membershipType,
      citizenship: input.citizenship,
      expiresAt: sql`now() + make_interval(mins => ${REGISTRATION_TTL_MINUTES})` as unknown as Date,
    };

    if (input.kind === RegistrationKind.EXISTING_PARTICIPANT) {
      const kpj = (input.kpj ?? "").replace(/[\s.-]/g, "");
      if (!/^\d{11}$/.test(kpj)) throw new DomainError(UserErrorCode.KPJ_FORMAT, ["input", "kpj"]);
      // Every lookup runs whatever the first one found, and every failure is the same error: the answer says
      // nothing about which part was wrong, nor whether the NIK (or passport) exists or already has an account.
      const participant =
        identity === null || typeof identity === "string"
          ? await registrationRepository.participantByNik(db, identity ?? "")
          : await registrationRepository.participantByPassport(db, identity.passportNumber, identity.country);
      const card = await registrationRepository.participantCardByKpj(db, participant?.id ?? NO_ID, kpj);
      const hasAccount = await registrationRepository.accountExistsFor(db, { participantId: participant?.id ?? NO_ID });
      const matches =
        !!participant && !!card && !hasAccount && participant.birthDate === input.birthDate && sameName(participant.fullName, name.value);
      if (!matches) throw new DomainError(UserErrorCode.REGISTRATION_NOT_MATCHED, ["input"]);
      // Only now, to someone who proved NIK (or passport), KPJ, name and birth date, are the choices checked by name.
      if (participant.nationality !== input.citizenship) {
        throw new DomainError(UserErrorCode.REGISTRATION_CITIZENSHIP_MISMATCH, ["input", "citizenship"], { citizenship: participant.nationality });
      }
      if (card.segment !== input.membershipType) {
        throw new DomainError(UserErrorCode.REGISTRATION_MEMBERSHIP_TYPE_MISMATCH, ["input", "membershipType"], { segment: card.segment });
      }
      const row = await registrationRepository.insert(db, { ...common, participantId: participant.id });
      return { token, view: await this.view(row) };
    }

    // BPU_NEW: a self-employed Indonesian who is not a participant yet (checked above: BPU and WNI, so a NIK).
    if (nik === null) throw new DomainError(UserErrorCode.REGISTRATION_BPU_ONLY, ["input", "citizenship"]);
    const parsed = parseNik(nik, today);
    const districts = parsed ? await loadDistricts() : [];
    if (!parsed || !districts.some((d) => d.code === parsed.districtCode)) throw new DomainError(UserErrorCode.INVALID_NIK, ["input", "nik"]);
    const warnings: RegistrationWarning[] = [];
    // domain.md: a NIK is never changed even when its date part is wrong, so a mismatch is a warning.
    if (parsed.birthDate !== input.birthDate) warnings.push(RegistrationWarning.NIK_BIRTH_DATE_MISMATCH);
    if (input.gender && input.gender !== (parsed.gender as Gender)) warnings.push(RegistrationWarning.NIK_GENDER_MISMATCH);
    const income = input.declaredIncome;
    if (income === null || income === undefined || income < BPU_INCOME_MIN_SEN || income > BPU_INCOME_MAX_SEN) {
      throw new DomainError(UserErrorCode.INVALID_DECLARED_INCOME, ["input", "declaredIncome"], {
        min: rupiahText(BPU_INCOME_MIN_SEN),
        max: rupiahText(BPU_INCOME_MAX_SEN),
      });
    }
    let birthPlace: string | null = null;
    if (input.birthPlace?.trim()) {
      const problem = validateText(input.birthPlace, { required: false, max: 100 });
      if (problem) throw new DomainError(problem.code, ["input", "birthPlace"], problem.params);
      birthPlace = input.birthPlace.trim();
    }
    if ((await registrationRepository.participantByNik(db, nik)) || (await registrationRepository.nikHasCards(db, nik))) {
      throw new DomainError(UserErrorCode.NIK_ALREADY_REGISTERED, ["input", "nik"]);
    }
    const newParticipant: NewBpuData = {
      nik,
      fullName: name.value,
      birthPlace,
      birthDate: input.birthDate,
      gender: input.gender ?? (parsed.gender as Gender),
      declaredIncomeSen: income.toString(),
      jht: input.jht ?? false,
      warnings,
    };
    const row = await registrationRepository.insert(db, { ...common, newParticipant });
    return { token, view: await this.view(row) };
  }

  async setEmail(token: string, email: string, clientAddress: string | null): Promise<RegistrationView> {
    const row = await this.open(token);
    const valid = validateEmail(email);
    if ("error" in valid) throw new DomainError(valid.error.code, ["input", "email"], valid.error.params);
    await this.deps.rateLimiter.hit([
      ["CODE_SEND_DESTINATION", valid.value],
      ["CODE_SEND_ADDRESS", clientAddress],
    ]);
    return this.sendCode(row, "EMAIL", valid.value, ["input", "email"]);
  }

  async setPhone(token: string, phone: string, clientAddress: string | null): Promise<RegistrationView> {
    const row = await this.open(token);
    if (!row.emailVerifiedAt) throw stepError(stepOf(row));
    const valid = validatePhone(phone);
    if ("error" in valid) throw new DomainError(valid.error.code, ["input", "phone"], valid.error.params);
    await this.deps.rateLimiter.hit([
      ["CODE_SEND_DESTINATION", valid.value],
      ["CODE_SEND_ADDRESS", clientAddress],
    ]);
    return this.sendCode(row, "SMS", valid.value, ["input", "phone"]);
  }

  async resendCode(token: string, channel: "EMAIL" | "SMS", clientAddress: string | null): Promise<RegistrationView> {
    const row = await this.open(token);
    const destination = channel === "EMAIL" ? row.email : row.phone;
    const verified = channel === "EMAIL" ? row.emailVerifiedAt : row.phoneVerifiedAt;
    if (!destination) throw stepError(stepOf(row));
    if (verified) return this.view(row);
    await this.deps.rateLimiter.hit([
      ["CODE_SEND_DESTINATION", destination],
      ["CODE_SEND_ADDRESS", clientAddress],
    ]);
    return this.sendCode(row, channel, destination, ["input", "channel"]);
  }

  async verifyEmail(token: string, code: string, clientAddress: string | null): Promise<RegistrationView> {
    return this.verifyCode(token, "EMAIL", code, clientAddress);
  }

  async verifyPhone(token: string, code: string, clientAddress: string | null): Promise<RegistrationView> {
    return this.verifyCode(token, "SMS", code, clientAddress);
  }

  /**
   * Password and terms: creates the account (and for BPU_NEW the participant and the card, whose full KPJ is sent by
   * email and SMS and returned once as `newCard`), then signs in. Every problem of the form is reported at once.
   */
  async complete(token: string, password: string, acceptTerms: boolean, device: string | null): Promise<SignedIn & { newCard: NewBpuCardResult | null }> {
    const row = await this.open(token);
    const step = stepOf(row);
    if (step !== RegistrationStep.PASSWORD) throw stepError(step);
    const db = this.database.db;
    const nik = row.newParticipant?.nik ?? (await registrationRepository.participantById(db, row.participantId!))?.nik ?? null;
    const problems = passwordProblems(password, { email: row.email, nik, phone: row.phone }, ["input", "password"]);
    if (!acceptTerms) problems.push(new DomainError(UserErrorCode.TERMS_NOT_ACCEPTED, ["input", "acceptTerms"]));
    if (problems.length > 0) throw problems.length === 1 ? problems[0]! : new DomainErrors(problems);
    const passwordHash = await hashPassword(password);

    let account: AccountRow;
    let newCard: NewBpuCardResult | null = null;
    try {
      account = await db.transaction(async (tx) => {
        if (!(await registrationRepository.claimForCompletion(tx, row.id))) throw new DomainError(UserErrorCode.REGISTRATION_NOT_FOUND, TOKEN);
        if (await registrationRepository.accountExistsFor(tx, { email: row.email! })) throw new DomainError(UserErrorCode.EMAIL_ALREADY_USED, ["input"]);
        if (await registrationRepository.accountExistsFor(tx, { phone: row.phone! })) throw new DomainError(UserErrorCode.PHONE_ALREADY_USED, ["input"]);
        let participantId = row.participantId;
        if (row.kind === "EXISTING_PARTICIPANT") {
          if (await registrationRepository.accountExistsFor(tx, { participantId: participantId! })) {
            throw new DomainError(UserErrorCode.REGISTRATION_NOT_MATCHED, ["input"]);
          }
        } else {
          newCard = await this.createBpuParticipant(tx, row.newParticipant!, row.email!, row.phone!);
          participantId = newCard.card.participantId;
        }
        const [created] = await tx
          .insert(accounts)
          .values({ participantId, email: row.email, phone: row.phone, passwordHash })
          .returning();
        await registrationRepository.update(tx, row.id, { accountId: created!.id });
        return created!;
      });
    } catch (error) {
      throw uniqueViolationAsDomainError(error) ?? error;
    }
    return { ...(await this.deps.auth.openSession(account, device)), newCard };
  }

  /** What the client sees of a registration: its step and the timing of the code it waits for. */
  async view(row: RegistrationRow): Promise<RegistrationView> {
    const step = stepOf(row);
    const purpose: CodePurpose | null =
      step === RegistrationStep.VERIFY_EMAIL ? "REGISTRATION_EMAIL" : step === RegistrationStep.VERIFY_PHONE ? "REGISTRATION_PHONE" : null;
    const code = purpose ? await this.deps.codes.current(this.database.db, purpose, row.id) : undefined;
    return {
      row,
      step,
      codeExpiresAt: code?.expiresAt ?? null,
      resendAvailableAt: code ? new Date(code.sentAt.getTime() + CODE_RESEND_SECONDS * 1000) : null,
    };
  }

  private async open(token: string): Promise<RegistrationRow> {
    const row = token ? await registrationRepository.findOpenByTokenHash(this.database.db, hashToken(token)) : undefined;
    if (!row) throw new DomainError(UserErrorCode.REGISTRATION_NOT_FOUND, TOKEN);
    return row;
  }

  private async sendCode(row: RegistrationRow, channel: "EMAIL" | "SMS", destination: string, field: string[]): Promise<RegistrationView> {
    const updated = await this.database.db.transaction(async (tx) => {
      // A new email (or phone) must be verified again; a new email also resets the phone step after it.
      const set =
        channel === "EMAIL"
          ? { email: destination, emailVerifiedAt: null, ...(row.email !== destination ? { phone: null, phoneVerifiedAt: null } : {}) }
          : { phone: destination, phoneVerifiedAt: null };
      const next = await registrationRepository.update(tx, row.id, set);
      await this.deps.codes.send(
        tx,
        {
          purpose: channel === "EMAIL" ? "REGISTRATION_EMAIL" : "REGISTRATION_PHONE",
          subjectId: row.id,
          channel,
          to: destination,
          template: channel === "EMAIL" ? "REGISTRATION_EMAIL_CODE" : "REGISTRATION_SMS_CODE",
        },
        field,
      );
      return next;
    });
    return this.view(updated);
  }

  private async verifyCode(token: string, channel: "EMAIL" | "SMS", code: string, clientAddress: string | null): Promise<RegistrationView> {
    const row = await this.open(token);
    const destination = channel === "EMAIL" ? row.email : row.phone;
    if (channel === "SMS" && !row.emailVerifiedAt) throw stepError(stepOf(row));
    if (!destination) throw stepError(stepOf(row));
    if (channel === "EMAIL" ? row.emailVerifiedAt : row.phoneVerifiedAt) return this.view(row);
    await this.deps.rateLimiter.hit([["CODE_VERIFY_ADDRESS", clientAddress]]);
    const field = ["input", "code"];
    const verified = await this.deps.codes.verify(
      this.database.db,
      channel === "EMAIL" ? "REGISTRATION_EMAIL" : "REGISTRATION_PHONE",
      row.id,
      code,
      field,
    );
    if (verified !== destination) throw new DomainError(UserErrorCode.CODE_EXPIRED, field);
    // Told only now, to the person who proved they own the address, so the check cannot be used to find accounts.
    const taken = await registrationRepository.accountExistsFor(this.database.db, channel === "EMAIL" ? { email: destination } : { phone: destination });
    if (taken) throw new DomainError(channel === "EMAIL" ? UserErrorCode.EMAIL_ALREADY_USED : UserErrorCode.PHONE_ALREADY_USED, field);
    const updated = await registrationRepository.update(
      this.database.db,
      row.id,
      channel === "EMAIL" ? { emailVerifiedAt: sql`now()` as unknown as Date } : { phoneVerifiedAt: sql`now()` as unknown as Date },
    );
    return this.view(updated);
  }

  /**
   * The participant and their BPU card, MENUNGGU_IURAN_PERTAMA until the first contribution is paid (a participant is
   * someone "yang telah membayar iuran", UU 24/2011 art. 1(4)). The full KPJ goes to the new member by email and SMS
   * (in this transaction: no message for a card that was not created) and in registrationComplete's answer.
   */
  private async createBpuParticipant(tx: DbOrTx, data: NewBpuData, email: string, phone: string): Promise<NewBpuCardResult> {
    const [participant] = await tx
      .insert(participants)
      .values({
        nik: data.nik,
        fullName: data.fullName,
        birthPlace: data.birthPlace,
        birthDate: data.birthDate,
        gender: data.gender,
        nationality: "WNI",
        email,
        phone,
      })
      .returning({ id: participants.id });
    const today = todayWib();
    // A new KPJ: 11 digits, the first two the registration year (as the demo data and the real cards have them).
    for (let attempt = 0; attempt < 10; attempt++) {
      const kpj = `${today.slice(2, 4)}${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
      const [card] = await tx
        .insert(cards)
        .values({
          participantId: participant!.id,
          kpj,
          registeredNik: data.nik,
          registeredBirthDate: data.birthDate,
          segment: "BPU",
          status: "MENUNGGU_IURAN_PERTAMA",
          registeredAt: today,
        })
        .onConflictDoNothing({ target: cards.kpj })
        .returning();
      if (card) {
        await tx.insert(bpuMemberships).values({ cardId: card.id, declaredIncomeSen: BigInt(data.declaredIncomeSen), jht: data.jht });
        const contribution = bpuContribution(data, today.slice(0, 7));
        const total = contribution.jkkSen + contribution.jkmSen + contribution.jhtWorkerSen;
        const params = { fullName: data.fullName, kpj, status: "MENUNGGU_IURAN_PERTAMA", firstContribution: senToRupiah(total) };
        await this.deps.notifier.send(tx, { channel: "EMAIL", to: email, template: "BPU_CARD_CREATED", params });
        await this.deps.notifier.send(tx, { channel: "SMS", to: phone, template: "BPU_CARD_CREATED", params });
        return { card: card as LinkedCardRow, contribution };
      }
    }
    throw new Error("could not find a free KPJ");
  }
}

const NO_ID = "00000000-0000-0000-0000-000000000000";

/** A WNA's passport number and country, both checked; every problem at once. */
function parseWnaIdentity(input: RegistrationStartInput): { passportNumber: string; country: string } {
  const problems: DomainError[] = [];
  const passport = input.passportNumber?.trim() ? validatePassport(input.passportNumber) : null;
  if (!passport) problems.push(new DomainError(UserErrorCode.REQUIRED, ["input", "passportNumber"]));
  else if ("error" in passport) problems.push(new DomainError(passport.error.code, ["input", "passportNumber"], passport.error.params));
  const country = parsePassportCountry(input.passportCountry);
  if (!country) problems.push(new DomainError(UserErrorCode.INVALID_COUNTRY, ["input", "passportCountry"]));
  if (problems.length > 0) throw problems.length === 1 ? problems[0]! : new DomainErrors(problems);
  return { passportNumber: (passport as { value: string }).value, country: country! };
}

function stepError(step: RegistrationStep): DomainError {
  return new DomainError(UserErrorCode.REGISTRATION_STEP_OUT_OF_ORDER, null, { step });
}

/** "1.000.000" */
function rupiahText(sen: bigint): string {
  return (sen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** A unique index beat the checks in a race (two registrations completing at once): say which one. */
function uniqueViolationAsDomainError(error: unknown): DomainError | null {
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = (e as { cause?: unknown }).cause, depth++) messages.push(e.message);
  const text = messages.join(" ");
  if (!/duplicate key value/.test(text)) return null;
  if (text.includes("accounts_email")) return new DomainError(UserErrorCode.EMAIL_ALREADY_USED, ["input"]);
  if (text.includes("accounts_phone")) return new DomainError(UserErrorCode.PHONE_ALREADY_USED, ["input"]);
  if (text.includes("participants_nik")) return new DomainError(UserErrorCode.NIK_ALREADY_REGISTERED, ["input"]);
  return new DomainError(UserErrorCode.REGISTRATION_NOT_MATCHED, ["input"]);
}
