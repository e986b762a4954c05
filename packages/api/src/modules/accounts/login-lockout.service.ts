import { createHmac } from "node:crypto";
import type { Database, DbOrTx } from "../../db/database.ts";
import type { DeviceTokenService } from "./device-token.ts";
import { loginAttemptRepository, MAX_FAILED_LOGINS } from "./login-attempt.repository.ts";

/** Whose attempts a sign-in counts against. */
export interface LoginSubject {
  /** Keyed hash: the table holds no identifier and no device id in clear. */
  key: string;
  /** The verified device, when the client sent a valid device token of the account the identifier names. */
  deviceId: string | null;
  accountId: string | null;
}

export type AttemptVerdict =
  /** Over the limit or locked: refuse without checking the password. */
  | { kind: "locked"; lockedUntil: Date | null }
  /** Check the password; `last` says that a wrong one now locks the subject. */
  | { kind: "check"; last: boolean };

/**
 * The sign-in lockout. Attempts are counted per subject before the password is checked (one atomic upsert), the
 * same way whether or not an account has the identifier, so neither parallel guesses nor the answers tell more
 * than five wrong passwords would. A client with a verified device counts apart from the identifier.
 */
export class LoginLockout {
  constructor(
    private readonly database: Database,
    private readonly keySecret: string,
    readonly deviceTokens: DeviceTokenService,
  ) {}

  /**
   * The device's subject when `deviceToken` is valid and belongs to `accountId` (the account the identifier names),
   * else the identifier's. A device token of another account, a forged or an expired one is simply not trusted.
   */
  async subjectOf(normalisedIdentifier: string, accountId: string | null, deviceToken: string | null | undefined): Promise<LoginSubject> {
    // Verified whether or not an account has the identifier, so that this step takes the same time either way.
    const device = await this.deviceTokens.verify(deviceToken);
    if (device && accountId && device.accountId === accountId) {
      return { key: this.hash(`device:${device.deviceId}`), deviceId: device.deviceId, accountId };
    }
    return { key: this.identifierKey(normalisedIdentifier), deviceId: null, accountId: null };
  }

  /** Counts this attempt; decides before any password check. */
  async attempt(subject: LoginSubject): Promise<AttemptVerdict> {
    const { count, lockedUntil } = await loginAttemptRepository.count(this.database.db, subject.key, subject.deviceId ? subject.accountId : null);
    // Now and then, drop rows that count nothing any more (cheap: indexed on last_attempt_at).
    if (Math.random() < 0.01) await loginAttemptRepository.deleteStale(this.database.db);
    if (lockedUntil || count > MAX_FAILED_LOGINS) return { kind: "locked", lockedUntil };
    return { kind: "check", last: count >= MAX_FAILED_LOGINS };
  }

  /** A wrong password on the last allowed attempt: the lock's end. */
  lock(subject: LoginSubject): Promise<Date> {
    return loginAttemptRepository.lock(this.database.db, subject.key);
  }

  /** A right password: the subject's count starts afresh (a lock that parallel guesses set meanwhile stays). */
  async succeeded(subject: LoginSubject): Promise<void> {
    await loginAttemptRepository.reset(this.database.db, subject.key);
  }

  /** Password reset, unblock: every lock and count of the account, its identifiers' and its devices'. */
  async clear(db: DbOrTx, account: { id: string; email: string | null; phone: string | null }): Promise<void> {
    const identifiers = [account.email, account.phone].filter((i): i is string => !!i).map((i) => this.identifierKey(i.toLowerCase()));
    await loginAttemptRepository.clear(db, account.id, identifiers);
  }

  private identifierKey(normalisedIdentifier: string): string {
    return this.hash(`identifier:${normalisedIdentifier}`);
  }

  private hash(subject: string): string {
    return createHmac("sha256", this.keySecret).update(`login-attempt:${subject}`).digest("base64url").slice(0, 32);
  }
}
