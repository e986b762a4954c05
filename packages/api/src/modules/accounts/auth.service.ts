import { Role, UserErrorCode } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { DomainError } from "../../common/errors.ts";
import { normalizePhone } from "../../common/phone.ts";
import { emitEvent } from "../events/event-bus.ts";
import { accountRepository, LOCK_MINUTES } from "./account.repository.ts";
import type { AccountRow } from "./account.table.ts";
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
}

const WIB = new Intl.DateTimeFormat("id-ID", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", hour12: false });

export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly tokens: TokenService,
    private readonly refreshTtlDays: number,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** `clientAddress`: the caller's IP address, for the per-address rate limit. */
  async login(identifier: string, password: string, device: string | null, clientAddress: string | null = null): Promise<SignedIn> {
    await this.rateLimiter.hit([
      ["LOGIN_IDENTIFIER", normalizeIdentifier(identifier)],
      ["LOGIN_ADDRESS", clientAddress],
    ]);
    const account = await this.findAccount(identifier);
    if (!account) {
      await burnPasswordCheck(password);
      throw new DomainError(UserErrorCode.INVALID_CREDENTIALS, ["input", "identifier"]);
    }
    const now = new Date();
    if (account.lockedUntil && account.lockedUntil > now) throw lockedError(account.lockedUntil, now);

    if (!(await verifyPassword(account.passwordHash, password))) {
      const { lockedUntil } = await accountRepository.recordFailedLogin(this.database.db, account.id);
      if (lockedUntil && lockedUntil > now) throw lockedError(lockedUntil, now);
      throw new DomainError(UserErrorCode.INVALID_CREDENTIALS, ["input", "password"]);
    }
    // Only someone who knows the password learns that the account is blocked, and why.
    assertNotBlocked(account);
    return this.openSession(account, device);
  }

  /** A new session for an account that has just proved who it is (login, or a completed registration). */
  async openSession(account: AccountRow, device: string | null): Promise<SignedIn> {
    const secret = newRefreshSecret();
    const session = await this.database.db.transaction(async (tx) => {
      await accountRepository.recordSuccessfulLogin(tx, account.id);
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
      return created;
    });
    return this.signedIn(account, session.id, secret);
  }

  async refresh(refreshToken: string): Promise<SignedIn> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw new DomainError(UserErrorCode.INVALID_REFRESH_TOKEN, ["input", "refreshToken"]);
    const found = await accountRepository.findSessionWithAccount(this.database.db, parsed.sessionId);
    if (!found || found.session.revokedAt || found.session.expiresAt <= new Date()) {
      throw new DomainError(UserErrorCode.INVALID_REFRESH_TOKEN, ["input", "refreshToken"]);
    }
    const presented = hashSecret(parsed.secret);
    if (presented !== found.session.refreshHash) {
      // A refresh token that was already exchanged is being used again: someone holds a copy. End the session.
      if (presented === found.session.previousRefreshHash) {
        await accountRepository.revokeSession(this.database.db, found.session.id, "REFRESH_TOKEN_REUSED");
      }
      throw new DomainError(UserErrorCode.INVALID_REFRESH_TOKEN, ["input", "refreshToken"]);
    }
    if (found.account.blockedAt) {
      await accountRepository.revokeSession(this.database.db, found.session.id, "ACCOUNT_BLOCKED");
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
    const found = await accountRepository.findSessionWithAccount(this.database.db, claims.sessionId);
    if (!found || found.session.revokedAt || found.account.blockedAt || found.account.id !== claims.accountId) return "invalid";
    return { ...claims, role: found.account.role as Role, participantId: found.account.participantId };
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
    return { auth, accessToken: token, refreshToken: formatRefreshToken(sessionId, secret), expiresAt };
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

function lockedError(lockedUntil: Date, now: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new DomainError(UserErrorCode.ACCOUNT_LOCKED, null, {
    minutes: Math.min(minutes, LOCK_MINUTES),
    until: WIB.format(lockedUntil),
  });
}
