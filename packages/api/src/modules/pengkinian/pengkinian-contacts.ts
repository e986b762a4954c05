// A new email or phone number in pengkinian DATA_KONTAK takes effect only after the code sent to it (issue 11,
// finding 8). The codes are the registration's (verification-codes.ts: 6 digits, HMAC-stored, 5 minutes, 5 attempts
// counted atomically, a new one after 60 s), bound to the pengkinian row. See docs/domain/pengkinian.md.
import { and, eq, ne } from "drizzle-orm";
import { PengkinianRejection, UserErrorCode } from "@jmo/schema";
import type { DbOrTx } from "../../db/database.ts";
import { DomainError } from "../../common/errors.ts";
import { maskEmail, maskPhone } from "../../common/mask.ts";
import { accounts, type AccountRow } from "../accounts/account.table.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import type { NotifierPort, NotifierTemplate } from "../accounts/notifier.ts";
import type { RateLimiter, RateLimitRule } from "../accounts/rate-limit.ts";
import { CODE_RESEND_SECONDS, type CodePurpose, type VerificationCodes } from "../accounts/verification-codes.ts";
import { personalDataAuditRepository } from "../audit/personal-data-audit.repository.ts";
import { SYSTEM_ACTOR } from "../audit/personal-data-audit.table.ts";
import type { ParticipantRow } from "../participants/participant.table.ts";
import { PENGKINIAN_STEPS, type ContactVerificationDraft, type DataKontakDraft, type PengkinianRow, type PengkinianStepName } from "./pengkinian.table.ts";

export type ContactChannel = "EMAIL" | "SMS";
export const CONTACT_CHANNELS: readonly ContactChannel[] = ["EMAIL", "SMS"];

interface ChannelSpec {
  key: "email" | "phone";
  verification: "emailVerification" | "phoneVerification";
  purpose: CodePurpose;
  template: NotifierTemplate;
  taken: UserErrorCode;
  mask: (value: string) => string;
}

export const CHANNEL: Record<ContactChannel, ChannelSpec> = {
  EMAIL: { key: "email", verification: "emailVerification", purpose: "PENGKINIAN_EMAIL", template: "PENGKINIAN_EMAIL_CODE", taken: UserErrorCode.EMAIL_ALREADY_USED, mask: maskEmail },
  SMS: { key: "phone", verification: "phoneVerification", purpose: "PENGKINIAN_PHONE", template: "PENGKINIAN_SMS_CODE", taken: UserErrorCode.PHONE_ALREADY_USED, mask: maskPhone },
};

/** The contacts already known to be the person's: the record's and the account's (the sign-in ones, verified at registration). */
export interface KnownContacts {
  record: { email: string | null; phone: string | null };
  account: { email: string | null; phone: string | null } | null;
}

/** A contact needs a code when it is neither the record's nor the sign-in one. Unchanged contacts need none. */
export function isNewContact(channel: ContactChannel, value: string | null | undefined, known: KnownContacts): value is string {
  const key = CHANNEL[channel].key;
  return !!value && value !== known.record[key] && value !== (known.account?.[key] ?? null);
}

/** The new contacts of a kontak section that still have to be sent a code: new, and not the address the last code went to. */
export function sendsNeeded(section: Pick<DataKontakDraft, "email" | "phone">, previous: DataKontakDraft, known: KnownContacts): ContactChannel[] {
  return CONTACT_CHANNELS.filter((channel) => {
    const value = section[CHANNEL[channel].key];
    return isNewContact(channel, value, known) && previous[CHANNEL[channel].verification]?.value !== value;
  });
}

/** Channels whose new contact still waits for its code. */
export function unverified(kontak: DataKontakDraft): ContactChannel[] {
  return CONTACT_CHANNELS.filter((channel) => {
    const v = kontak[CHANNEL[channel].verification];
    return !!v && !v.verifiedAt;
  });
}

/** DATA_KONTAK counts as done only once every new contact is verified; the steps keep their canonical order. */
export function stepsWithKontak(completed: PengkinianStepName[], kontak: DataKontakDraft): PengkinianStepName[] {
  const done = new Set(completed);
  if (unverified(kontak).length === 0) done.add("DATA_KONTAK");
  else done.delete("DATA_KONTAK");
  return PENGKINIAN_STEPS.filter((s) => done.has(s));
}

/**
 * The contacts that become sign-in identifiers when the pengkinian is TERVERIFIKASI: verified by code in this draft,
 * still the section's value, and not the account's already.
 */
export function signInChanges(kontak: DataKontakDraft, account: Pick<AccountRow, "email" | "phone">): Array<{ channel: ContactChannel; from: string | null; to: string }> {
  return CONTACT_CHANNELS.flatMap((channel) => {
    const { key, verification } = CHANNEL[channel];
    const v = kontak[verification];
    const value = kontak[key];
    if (!v?.verifiedAt || !value || v.value !== value || account[key] === value) return [];
    return [{ channel, from: account[key], to: value }];
  });
}

export const contactsRepository = {
  async account(db: DbOrTx, accountId: string): Promise<AccountRow | undefined> {
    return (await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1))[0];
  },

  /** The participant's account, locked: the decision changes its sign-in identifiers. */
  async lockAccountOfParticipant(tx: DbOrTx, participantId: string): Promise<AccountRow | undefined> {
    return (await tx.select().from(accounts).where(eq(accounts.participantId, participantId)).limit(1).for("update"))[0];
  },

  /** Whether another account signs in with this email or phone (stored normalised, so equality is enough). */
  async takenByAnother(db: DbOrTx, channel: ContactChannel, value: string, accountId: string): Promise<boolean> {
    const column = channel === "EMAIL" ? accounts.email : accounts.phone;
    return (await db.select({ id: accounts.id }).from(accounts).where(and(eq(column, value), ne(accounts.id, accountId))).limit(1)).length === 1;
  },

  async setSignIn(tx: DbOrTx, accountId: string, set: { email?: string; phone?: string }): Promise<void> {
    if (Object.keys(set).length) await tx.update(accounts).set(set).where(eq(accounts.id, accountId));
  },
};

export interface PengkinianContactsDeps {
  codes: VerificationCodes;
  rateLimiter: RateLimiter;
  notifier: NotifierPort;
}

/** Sending codes and applying verified contacts; the pengkinian service calls these inside its own steps. */
export class PengkinianContacts {
  constructor(private readonly deps: PengkinianContactsDeps) {}

  get codes(): VerificationCodes {
    return this.deps.codes;
  }

  /**
   * Counts the codes a step is about to send against the rate limits: per destination (shared with registration), per
   * client address and per account. Runs outside any transaction, before the step's own (a refused call still counts).
   */
  async limitSends(auth: AuthInfo, destinations: string[], clientAddress: string | null): Promise<void> {
    if (destinations.length === 0) return;
    const checks: Array<readonly [RateLimitRule, string | null]> = [];
    for (const to of destinations) checks.push(["CODE_SEND_DESTINATION", to], ["CODE_SEND_ADDRESS", clientAddress], ["CODE_SEND_ACCOUNT", auth.accountId]);
    await this.deps.rateLimiter.hit(checks);
  }

  /** Counts a code check against the per-address limit shared with registration (each code also dies after 5 wrong tries). */
  async limitVerify(clientAddress: string | null): Promise<void> {
    await this.deps.rateLimiter.hit([["CODE_VERIFY_ADDRESS", clientAddress]]);
  }

  /**
   * The kontak section with its verification state, in the step's transaction: a new contact gets a code (sent now,
   * replacing any earlier one for this draft), a contact already sent a code keeps its state (verified or not), and an
   * unchanged one needs none. CODE_RESEND_TOO_SOON when a code for this draft went out less than 60 s ago.
   */
  async withVerifications(tx: DbOrTx, row: PengkinianRow, section: DataKontakDraft, known: KnownContacts): Promise<DataKontakDraft> {
    const result: DataKontakDraft = { ...section };
    for (const channel of CONTACT_CHANNELS) {
      const { key, verification } = CHANNEL[channel];
      const value = section[key];
      const previous = row.dataKontak[verification];
      if (!isNewContact(channel, value, known)) result[verification] = null;
      else if (previous?.value === value) result[verification] = previous;
      else result[verification] = await this.send(tx, row.id, channel, value, ["input", key]);
    }
    return result;
  }

  /** Sends a code for (this draft, channel) to `to` through the notifier, in the caller's transaction. */
  async send(tx: DbOrTx, pengkinianId: string, channel: ContactChannel, to: string, field: string[]): Promise<ContactVerificationDraft> {
    const spec = CHANNEL[channel];
    const code = await this.deps.codes.send(tx, { purpose: spec.purpose, subjectId: pengkinianId, channel, to, template: spec.template }, field);
    return { value: to, sentAt: code.sentAt.toISOString(), expiresAt: code.expiresAt.toISOString(), verifiedAt: null };
  }

  /** An audit row for a contact verified by its code (before the decision: the draft's, not yet the record's). */
  async auditVerified(tx: DbOrTx, auth: AuthInfo, row: PengkinianRow, channel: ContactChannel, value: string): Promise<void> {
    const spec = CHANNEL[channel];
    await personalDataAuditRepository.append(tx, [
      {
        actor: auth.accountId,
        participantId: row.participantId,
        accountId: auth.accountId,
        field: `pengkinian.${spec.key}`,
        newValue: spec.mask(value),
        reason: "CONTACT_CODE_VERIFIED",
        source: `pengkinian:${row.id}`,
      },
    ]);
  }

  /**
   * At a TERVERIFIKASI decision: the verified contacts become the account's sign-in email/phone, each change audited
   * (masked), and the old address is told (an account take-over by someone who has the password shows up there).
   * Returns the rejection to give instead when another account took one of them since it was verified.
   */
  async applyAtDecision(tx: DbOrTx, row: PengkinianRow, participant: ParticipantRow): Promise<PengkinianRejection | null> {
    const account = await contactsRepository.lockAccountOfParticipant(tx, participant.id);
    if (!account) return null;
    const changes = signInChanges(row.dataKontak, account);
    for (const change of changes) {
      if (await contactsRepository.takenByAnother(tx, change.channel, change.to, account.id)) return PengkinianRejection.KONTAK_SUDAH_DIGUNAKAN;
    }
    if (changes.length === 0) return null;
    const set: { email?: string; phone?: string } = {};
    for (const change of changes) set[CHANNEL[change.channel].key] = change.to;
    await contactsRepository.setSignIn(tx, account.id, set);
    await personalDataAuditRepository.append(
      tx,
      changes.map((change) => {
        const spec = CHANNEL[change.channel];
        return {
          actor: SYSTEM_ACTOR,
          participantId: participant.id,
          accountId: account.id,
          field: `accounts.${spec.key}`,
          oldValue: change.from === null ? null : spec.mask(change.from),
          newValue: spec.mask(change.to),
          reason: "PENGKINIAN_TERVERIFIKASI",
          source: `pengkinian:${row.id}`,
        };
      }),
    );
    for (const change of changes) {
      if (change.from === null) continue;
      await this.deps.notifier.send(tx, {
        channel: change.channel,
        to: change.from,
        template: "SIGN_IN_CONTACT_CHANGED",
        params: { changed: CHANNEL[change.channel].key, newValueMasked: CHANNEL[change.channel].mask(change.to), helpline: "175" },
      });
    }
    return null;
  }
}

/** When a new code may be asked for, from the draft's record of the last one sent. */
export function resendAvailableAt(v: ContactVerificationDraft): Date {
  return new Date(new Date(v.sentAt).getTime() + CODE_RESEND_SECONDS * 1000);
}
