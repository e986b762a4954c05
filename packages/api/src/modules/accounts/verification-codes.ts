import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { UserErrorCode } from "@jmo/schema";
import type { Db, DbOrTx } from "../../db/database.ts";
import { DomainError } from "../../common/errors.ts";
import { verificationCodes, type VerificationCodeRow } from "./registration.table.ts";
import type { NotifierChannel, NotifierPort, NotifierTemplate } from "./notifier.ts";

/** 6 digits, valid 5 minutes, 5 attempts, a new one no sooner than 60 seconds after the last. */
export const CODE_DIGITS = 6;
export const CODE_TTL_SECONDS = 5 * 60;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_SECONDS = 60;

/** Registration steps, and a new email or phone entered in pengkinian DATA_KONTAK (subject: the pengkinian row). */
export type CodePurpose = "REGISTRATION_EMAIL" | "REGISTRATION_PHONE" | "PENGKINIAN_EMAIL" | "PENGKINIAN_PHONE";

/**
 * One-time codes sent by email or SMS. Only an HMAC (keyed with the token secret, bound to the purpose, the
 * subject and the destination) is stored: a fast hash is enough because a code dies after 5 wrong tries.
 */
export class VerificationCodes {
  constructor(
    private readonly secret: string,
    private readonly notifier: NotifierPort,
  ) {}

  /**
   * Sends a new code for (purpose, subject) to `to`, replacing any earlier one, in the caller's transaction.
   * CODE_RESEND_TOO_SOON (with the seconds to wait) when the last one went out less than 60 seconds ago.
   */
  async send(
    tx: DbOrTx,
    spec: { purpose: CodePurpose; subjectId: string; channel: NotifierChannel; to: string; template: NotifierTemplate },
    field: string[],
  ): Promise<VerificationCodeRow> {
    const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
    const values = {
      purpose: spec.purpose,
      subjectId: spec.subjectId,
      channel: spec.channel,
      destination: spec.to,
      codeHash: this.hash(spec.purpose, spec.subjectId, spec.to, code),
      attempts: 0,
      maxAttempts: CODE_MAX_ATTEMPTS,
      sentAt: sql`now()`,
      expiresAt: sql`now() + make_interval(secs => ${CODE_TTL_SECONDS})`,
      consumedAt: null,
    };
    // One statement decides, so two sends at once cannot both pass the 60-second rule.
    const [row] = await tx
      .insert(verificationCodes)
      .values(values)
      .onConflictDoUpdate({
        target: [verificationCodes.purpose, verificationCodes.subjectId],
        set: values,
        setWhere: lt(verificationCodes.sentAt, sql`now() - make_interval(secs => ${CODE_RESEND_SECONDS})`),
      })
      .returning();
    if (!row) {
      const [last] = await tx
        .select({ wait: sql<number>`greatest(1, ceil(extract(epoch from ${verificationCodes.sentAt} + make_interval(secs => ${CODE_RESEND_SECONDS}) - now())))::int` })
        .from(verificationCodes)
        .where(and(eq(verificationCodes.purpose, spec.purpose), eq(verificationCodes.subjectId, spec.subjectId)));
      throw new DomainError(UserErrorCode.CODE_RESEND_TOO_SOON, field, { seconds: Number(last?.wait ?? CODE_RESEND_SECONDS) });
    }
    await this.notifier.send(tx, {
      channel: spec.channel,
      to: spec.to,
      template: spec.template,
      params: { code, validMinutes: CODE_TTL_SECONDS / 60 },
    });
    return row;
  }

  /**
   * Checks a code. The attempt is counted first, in its own statement outside any transaction (a wrong code must
   * stay counted although the caller's work rolls back), and only while fewer than 5 were made: parallel or aliased
   * guesses are serialised by the row update, so at most 5 are ever compared. Returns the code's destination.
   */
  async verify(db: Db, purpose: CodePurpose, subjectId: string, code: string, field: string[]): Promise<string> {
    const live = and(eq(verificationCodes.purpose, purpose), eq(verificationCodes.subjectId, subjectId), isNull(verificationCodes.consumedAt));
    const [counted] = await db
      .update(verificationCodes)
      .set({ attempts: sql`${verificationCodes.attempts} + 1` })
      .where(and(live, lt(verificationCodes.attempts, verificationCodes.maxAttempts), gt(verificationCodes.expiresAt, sql`now()`)))
      .returning();
    if (!counted) {
      const [row] = await db.select().from(verificationCodes).where(live);
      if (!row) throw new DomainError(UserErrorCode.CODE_EXPIRED, field);
      if (row.attempts >= row.maxAttempts) throw new DomainError(UserErrorCode.CODE_ATTEMPTS_EXCEEDED, field);
      throw new DomainError(UserErrorCode.CODE_EXPIRED, field);
    }
    const presented = /^\d{6}$/.test(code.trim()) ? this.hash(purpose, subjectId, counted.destination, code.trim()) : "";
    const expected = Buffer.from(counted.codeHash);
    const matches = presented.length === counted.codeHash.length && timingSafeEqual(Buffer.from(presented), expected);
    if (!matches) {
      throw new DomainError(UserErrorCode.CODE_INVALID, field, { attemptsLeft: Math.max(0, counted.maxAttempts - counted.attempts) });
    }
    // Single use: only the first of two simultaneous right answers consumes it.
    const consumed = await db.update(verificationCodes).set({ consumedAt: sql`now()` }).where(and(eq(verificationCodes.id, counted.id), isNull(verificationCodes.consumedAt))).returning({ id: verificationCodes.id });
    if (consumed.length === 0) throw new DomainError(UserErrorCode.CODE_EXPIRED, field);
    return counted.destination;
  }

  /** The live code of (purpose, subject), for showing when it expires and when a new one may be asked for. */
  async current(db: DbOrTx, purpose: CodePurpose, subjectId: string): Promise<VerificationCodeRow | undefined> {
    return (await db.select().from(verificationCodes).where(and(eq(verificationCodes.purpose, purpose), eq(verificationCodes.subjectId, subjectId))))[0];
  }

  private hash(purpose: string, subjectId: string, destination: string, code: string): string {
    return createHmac("sha256", this.secret).update(`${purpose}\n${subjectId}\n${destination}\n${code}`).digest("base64url");
  }
}
