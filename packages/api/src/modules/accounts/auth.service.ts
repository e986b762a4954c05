import { Role, UserErrorCode } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { DomainError } from "../../common/errors.ts";
import { normalizePhone } from "../../common/phone.ts";
import { emitEvent } from "../events/event-bus.ts";
import { recordNotification } from "../notifications/notifications.service.ts";
import { emitSessionEnded } from "./session-events.ts";
import { accountRepository } from "./account.repository.ts";
import type { AccountRow } from "./account.table.ts";
import { LOCK_MINUTES } from "./login-attempt.repository.ts";
import type { LoginLockout } from "./login-lockout.service.ts";
import { burnPasswordCheck, verifyPassword } from "./password.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { formatRefreshToken, hashSecret, newRefreshSecret, parseRefreshToken, type AccessClaims, type TokenService } from "./tokens.ts";

export const ACCOUNT_EVENTS_TOPIC = "ACCOUNT_EVENTS";

/** Who is calling: set from a verified access token whose session is still live. */
export interface AuthInfo extends AccessClaims {}

export interface SignedIn {
  auth: AuthInfo;
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  /** Given at sign-in (login, registration): the client keeps it and sends it with its next login. */
  deviceToken: string | null;
}

const WIB = new Intl.DateTimeFormat("id-ID", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", hour12: false });

export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly tokens: TokenService,
    private readonly refreshTtlDays: number,
    private readonly rateLimiter: RateLimiter,
    private readonly lockout: LoginLockout,
  ) {}

  /**
   * `clientAddress`: the caller's IP address, for the per-address rate limit. `deviceToken`: the one this client got
   * at its last sign-in, if any. The attempt is counted (per identifier, or per verified device) before the password
   * is checked, and an unknown identifier goes through the same steps, answers and lock as an account's.
   */
  async login(
    identifier: string,
    password: string,
    device: string | null,
    clientAddress: string | null = null,
    deviceToken: string | null = null,
  ): Promise<SignedIn> {
    const account = await this.findAccount(identifier);
    const subject = await this.lockout.subjectOf(normalizeIdentifier(identifier), account?.id ?? null, deviceToken);
    // Counted first (one statement), so that parallel attempts are counted in the order they came.
    const verdict = await this.lockout.attempt(subject);
    // Keyed like the lockout, so that a stranger who floods an identifier does not rate-limit the owner's device.
    await this.rateLimiter.hit([
      ["LOGIN_IDENTIFIER", subject.key],
      ["LOGIN_ADDRESS", clientAddress],
    ]);
    // Locked, or over the limit while the last allowed guess is still being checked: the password is not checked.
    if (verdict.kind === "locked") throw lockedError(verdict.lockedUntil ?? new Date(Date.now() + LOCK_MINUTES * 60_000));

    const valid = account ? await verifyPassword(account.passwordHash, password) : (await burnPasswordCheck(password), false);
    if (!account || !valid) {
      if (verdict.last) throw lockedError(await this.lockout.lock(subject));
      throw new DomainError(UserErrorCode.INVALID_CREDENTIALS, ["input", "password"]);
    }
    // Only someone who knows the password learns that the account is blocked, and why.
    assertNotBlocked(account);
    await this.lockout.succeeded(subject);
    // No valid device token of this account: a device it has not signed in from before (or one that lost its token).
    return this.openSession(account, device, subject.deviceId, subject.deviceId === null);
  }

  /**
   * A new session for an account that has just proved who it is (login, or a completed registration), with a device
   * token for the client to keep (for `deviceId` when it came with a valid one, else for a new device). `newDevice`:
   * the member's kotak masuk hears of it (a login without this account's device token; not a registration's first).
   */
  async openSession(account: AccountRow, device: string | null, deviceId: string | null = null, newDevice = false): Promise<SignedIn> {
    const secret = newRefreshSecret();
    const session = await this.database.db.transaction(async (tx) => {
      const created = await accountRepository.createSession(tx, {
        accountId: account.id,
        refreshHash: hashSecret(secret),
        device,
        expiresAt: this.refreshExpiry(),
      });
      // Other devices of this account hear about the new sign-in (the new session itself filters it out).
      const event = await accountRepository.insertEvent(tx, {
        accountId: account.id,
        type: "NEW_SIGN_IN",
        sessionId: created.id,
        data: { device },
      });
      await emitEvent(tx, ACCOUNT_EVENTS_TOPIC, account.id, event.id);
      if (newDevice && account.participantId) {
        await recordNotification(tx, {
          participantId: account.participantId,
          kind: "NEW_DEVICE_SIGN_IN",
          params: { device: device ?? "" },
        });
      }
      return created;
    });
    const deviceToken = await this.lockout.deviceTokens.issue(account.id, deviceId ?? undefined);
    return { ...(await this.signedIn(account, session.id, secret)), deviceToken };
  }

  async refresh(refreshToken: string): Promise<SignedIn> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw new DomainError(UserErrorCode.INVALID_REFRESH_TOKEN, ["input", "refreshToken"]);
    const found = await accountRepository.findSessionWithAccount(this.database, parsed.sessionId);
    if (!found || found.session.revokedAt || found.session.expiresAt <= new Date()) {
      throw new DomainError(UserErrorCode.INVALID_REFRESH_TOKEN, ["input", "refreshToken"]);
    }
    const presented = hashSecret(parsed.secret);
    if (presented !== found.session.refreshHash) {
      // A refresh token that was already exchanged is being used again: someone holds a copy. End the session.
      if (presented === found.session.previousRefreshHash) {
        await this.endSession(found.account.id, found.session.id, "REFRESH_TOKEN_REUSED");
      }
      throw new DomainError(UserErrorCode.INVALID_REFRESH_TOKEN, ["input", "refreshToken"]);
    }
    if (found.account.blockedAt) {
      await this.endSession(found.account.id, found.session.id, "ACCOUNT_BLOCKED");
      throw new DomainError(UserErrorCode.ACCOUNT_BLOCKED, null, { reason: found.account.blockedReason ?? "" });
    }
    const secret = newRefreshSecret();
    const rotated = await accountRepository.rotateRefresh(this.database.db, found.session.id, presented, hashSecret(secret), this.refreshExpiry());
    if (!rotated) throw new DomainError(UserErrorCode.INVALID_REFRESH_TOKEN, ["input", "refreshToken"]);
    return this.signedIn(found.account, found.session.id, secret);
  }

  async logout(auth: AuthInfo): Promise<boolean> {
    return this.database.db.transaction(async (tx) => {
      const revoked = await accountRepository.revokeSession(tx, auth.sessionId, "LOGOUT");
      if (revoked) {
        const event = await accountRepository.insertEvent(tx, { accountId: auth.accountId, type: "SIGNED_OUT", sessionId: auth.sessionId });
        await emitEvent(tx, ACCOUNT_EVENTS_TOPIC, auth.accountId, event.id);
        // Its WebSockets close too, on every instance.
        await emitSessionEnded(tx, auth.accountId, auth.sessionId);
      }
      return revoked;
    });
  }

  /**
   * The caller behind an access token, or why there is none. The session is read on every request
   * (one statement), so logout, a block or a password reset take effect at once, not when the token expires.
   */
  async authenticate(token: string): Promise<AuthInfo | "expired" | "invalid"> {
    const claims = await this.tokens.verifyAccessToken(token);
    if (typeof claims === "string") return claims;
    const found = await accountRepository.findSessionWithAccount(this.database, claims.sessionId);
    if (!found || found.session.revokedAt || found.account.blockedAt || found.account.id !== claims.accountId) return "invalid";
    return { ...claims, role: found.account.role as Role, participantId: found.account.participantId };
  }

  /** Revokes one session and closes its WebSockets everywhere. */
  private async endSession(accountId: string, sessionId: string, reason: string): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      if (await accountRepository.revokeSession(tx, sessionId, reason)) await emitSessionEnded(tx, accountId, sessionId);
    });
  }

  private async findAccount(identifier: string): Promise<AccountRow | undefined> {
    const trimmed = identifier.trim();
    if (trimmed.includes("@")) return accountRepository.findByEmail(this.database.db, trimmed.toLowerCase());
    const phone = normalizePhone(trimmed);
    return phone ? accountRepository.findByPhone(this.database.db, phone) : undefined;
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.refreshTtlDays * 24 * 3600 * 1000);
  }

  private async signedIn(account: AccountRow, sessionId: string, secret: string): Promise<SignedIn> {
    const auth: AuthInfo = { accountId: account.id, sessionId, role: account.role as Role, participantId: account.participantId };
    const { token, expiresAt } = await this.tokens.issueAccessToken(auth);
    return { auth, accessToken: token, refreshToken: formatRefreshToken(sessionId, secret), expiresAt, deviceToken: null };
  }
}

function assertNotBlocked(account: AccountRow): void {
  if (account.blockedAt) throw new DomainError(UserErrorCode.ACCOUNT_BLOCKED, null, { reason: account.blockedReason ?? "" });
}

/** The identifier as the account tables hold it (lower-case email, E.164 phone), for counting attempts per person. */
export function normalizeIdentifier(identifier: string): string {
  const trimmed = identifier.trim().toLowerCase();
  if (trimmed.includes("@")) return trimmed;
  return normalizePhone(trimmed) ?? trimmed;
}

function lockedError(lockedUntil: Date, now = new Date()): DomainError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new DomainError(UserErrorCode.ACCOUNT_LOCKED, null, {
    minutes: Math.min(minutes, LOCK_MINUTES),
    until: WIB.format(lockedUntil),
  });
}
