import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { UserErrorCode } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { DomainError } from "../../common/errors.ts";
import { participants } from "../participants/participant.table.ts";
import { validateEmail } from "../reference/validators.ts";
import { accountRepository } from "./account.repository.ts";
import { accounts, sessions } from "./account.table.ts";
import { emitSessionEnded } from "./session-events.ts";
import type { NotifierPort } from "./notifier.ts";
import { hashPassword } from "./password.ts";
import { checkPassword } from "./password-policy.ts";
import type { RateLimiter } from "./rate-limit.ts";
import type { LoginLockout } from "./login-lockout.service.ts";
import { passwordResetTokens } from "./registration.table.ts";

export const RESET_TOKEN_TTL_MINUTES = 30;
/**
 * passwordResetRequest answers no sooner than this, whether or not an account has the email, so its timing does not
 * tell either (the work for an existing account, a token and an email, takes a few milliseconds).
 */
export const RESET_REQUEST_MIN_MS = 200;

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export class PasswordResetService {
  constructor(
    private readonly database: Database,
    private readonly deps: { notifier: NotifierPort; rateLimiter: RateLimiter; lockout: LoginLockout },
  ) {}

  /** Emails a single-use reset token (valid 30 minutes) when an account has this email; answers the same either way. */
  async request(email: string, clientAddress: string | null): Promise<void> {
    const valid = validateEmail(email);
    if ("error" in valid) throw new DomainError(valid.error.code, ["input", "email"], valid.error.params);
    await this.deps.rateLimiter.hit([
      ["PASSWORD_RESET_REQUEST_EMAIL", valid.value],
      ["PASSWORD_RESET_REQUEST_ADDRESS", clientAddress],
    ]);
    const started = Date.now();
    const account = await accountRepository.findByEmail(this.database.db, valid.value);
    if (account) {
      const token = randomBytes(32).toString("base64url");
      await this.database.db.transaction(async (tx) => {
        await tx.insert(passwordResetTokens).values({
          accountId: account.id,
          tokenHash: hashToken(token),
          expiresAt: sql`now() + make_interval(mins => ${RESET_TOKEN_TTL_MINUTES})` as unknown as Date,
        });
        await this.deps.notifier.send(tx, {
          channel: "EMAIL",
          to: valid.value,
          template: "PASSWORD_RESET",
          params: { token, validMinutes: RESET_TOKEN_TTL_MINUTES },
        });
      });
    }
    const wait = RESET_REQUEST_MIN_MS - (Date.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /**
   * Sets a new password with a token from the email: single use, expiring. Every session of the account ends (a
   * thief signed in with the old password is out), the temporary lock and the wrong-password count are cleared, and
   * every other reset token of the account dies. A permanent block (KPJ or selfie strikes) stays: only staff lift it.
   */
  async reset(token: string, newPassword: string, clientAddress: string | null): Promise<void> {
    await this.deps.rateLimiter.hit([["PASSWORD_RESET_ADDRESS", clientAddress]]);
    const field = ["input", "token"];
    const db = this.database.db;
    const [found] = token
      ? await db
          .select({ tokenId: passwordResetTokens.id, account: accounts, nik: participants.nik })
          .from(passwordResetTokens)
          .innerJoin(accounts, eq(accounts.id, passwordResetTokens.accountId))
          .leftJoin(participants, eq(participants.id, accounts.participantId))
          .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
          .limit(1)
      : [];
    if (!found) throw new DomainError(UserErrorCode.RESET_TOKEN_INVALID, field);
    // The policy first: a refused password does not use up the token.
    checkPassword(newPassword, { email: found.account.email, nik: found.nik, phone: found.account.phone }, ["input", "newPassword"]);
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      const used = await tx
        .update(passwordResetTokens)
        .set({ usedAt: sql`now()` })
        .where(and(eq(passwordResetTokens.id, found.tokenId), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
        .returning({ id: passwordResetTokens.id });
      if (used.length === 0) throw new DomainError(UserErrorCode.RESET_TOKEN_INVALID, field);
      await tx
        .update(passwordResetTokens)
        .set({ usedAt: sql`now()` })
        .where(and(eq(passwordResetTokens.accountId, found.account.id), isNull(passwordResetTokens.usedAt)));
      await tx.update(accounts).set({ passwordHash, failedLoginCount: 0, lockedUntil: null }).where(eq(accounts.id, found.account.id));
      // Sign-in locks and counts of the account's email, phone and verified devices.
      await this.deps.lockout.clear(tx, found.account);
      await tx
        .update(sessions)
        .set({ revokedAt: sql`now()`, revokedReason: "PASSWORD_RESET" })
        .where(and(eq(sessions.accountId, found.account.id), isNull(sessions.revokedAt)));
      // Every WebSocket of the account closes too, on every instance.
      await emitSessionEnded(tx, found.account.id, null);
    });
  }
}
