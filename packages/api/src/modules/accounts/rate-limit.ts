import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { ApiError } from "../../common/errors.ts";
import { rateLimits } from "./registration.table.ts";

/**
 * Every rate limit of the API, in one table. Fixed windows counted in PostgreSQL (`rate_limits`), so all instances
 * share them. Each call of a limited mutation counts once per rule, aliases and batches included; over the limit
 * the call answers the top-level error RATE_LIMITED with `extensions.retryAfterSeconds` (HTTP 429).
 * Per-address limits are generous because many mobile users share carrier NAT addresses; the per-identifier
 * ones are the tight ones (and the account lockout after 5 wrong passwords still applies).
 */
export const RATE_LIMITS = {
  /** login: per email/phone typed (normalised), whether or not an account has it */
  LOGIN_IDENTIFIER: { max: 20, windowSeconds: 15 * 60 },
  /** login: per client address */
  LOGIN_ADDRESS: { max: 600, windowSeconds: 15 * 60 },
  /** registrationStart: per NIK */
  REGISTRATION_START_NIK: { max: 5, windowSeconds: 60 * 60 },
  /** registrationStart: per client address */
  REGISTRATION_START_ADDRESS: { max: 20, windowSeconds: 60 * 60 },
  /** registrationSetEmail/SetPhone/ResendCode, and pengkinianUpdateKontak/ResendCode when they send a code: per destination (email or phone) */
  CODE_SEND_DESTINATION: { max: 5, windowSeconds: 60 * 60 },
  /** the same: per client address */
  CODE_SEND_ADDRESS: { max: 30, windowSeconds: 60 * 60 },
  /** pengkinianUpdateKontak/ResendCode when they send a code: per signed-in account (a new address each time is still counted) */
  CODE_SEND_ACCOUNT: { max: 10, windowSeconds: 60 * 60 },
  /** registrationVerifyEmail/VerifyPhone, pengkinianVerifyEmail/VerifyPhone: per client address (each code also dies after 5 wrong tries) */
  CODE_VERIFY_ADDRESS: { max: 60, windowSeconds: 15 * 60 },
  /** passwordResetRequest: per email typed */
  PASSWORD_RESET_REQUEST_EMAIL: { max: 3, windowSeconds: 60 * 60 },
  /** passwordResetRequest: per client address */
  PASSWORD_RESET_REQUEST_ADDRESS: { max: 20, windowSeconds: 60 * 60 },
  /** passwordReset (token guesses): per client address */
  PASSWORD_RESET_ADDRESS: { max: 30, windowSeconds: 60 * 60 },
} as const satisfies Record<string, { max: number; windowSeconds: number }>;

export type RateLimitRule = keyof typeof RATE_LIMITS;

export class RateLimiter {
  constructor(
    private readonly database: Database,
    /** Keys are HMACs of the subject with this secret: the table holds no email, phone, NIK or address. */
    private readonly keySecret: string,
    private readonly limits: Record<RateLimitRule, { max: number; windowSeconds: number }> = RATE_LIMITS,
  ) {}

  /**
   * Counts one call against each rule (all of them, so a refused call still counts everywhere) and throws
   * RATE_LIMITED when any is over its limit. A null subject (no client address known) is not counted.
   */
  async hit(checks: ReadonlyArray<readonly [RateLimitRule, string | null]>): Promise<void> {
    let retryAfter = 0;
    for (const [rule, subject] of checks) {
      if (subject === null || subject === "") continue;
      const { max, windowSeconds } = this.limits[rule];
      const key = `${rule}:${createHmac("sha256", this.keySecret).update(subject).digest("base64url").slice(0, 32)}`;
      // One statement, on the database clock that every instance shares: a window that has ended starts afresh.
      const ended = sql`${rateLimits.expiresAt} <= now()`;
      const [row] = await this.database.db
        .insert(rateLimits)
        .values({ key, windowStart: sql`now()`, count: 1, expiresAt: sql`now() + make_interval(secs => ${windowSeconds})` })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${ended} then 1 else ${rateLimits.count} + 1 end`,
            windowStart: sql`case when ${ended} then now() else ${rateLimits.windowStart} end`,
            expiresAt: sql`case when ${ended} then now() + make_interval(secs => ${windowSeconds}) else ${rateLimits.expiresAt} end`,
          },
        })
        .returning({ count: rateLimits.count, retryAfter: sql<number>`greatest(1, ceil(extract(epoch from ${rateLimits.expiresAt} - now())))::int` });
      if (row && row.count > max) retryAfter = Math.max(retryAfter, Number(row.retryAfter));
    }
    if (Math.random() < 0.01) {
      // Now and then, drop windows that have ended (cheap: indexed on expires_at).
      await this.database.db.delete(rateLimits).where(sql`${rateLimits.expiresAt} < now()`);
    }
    if (retryAfter > 0) throw new ApiError("RATE_LIMITED", { retryAfterSeconds: retryAfter, httpStatus: 429 });
  }
}
