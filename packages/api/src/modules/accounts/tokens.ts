import { createHash, randomBytes } from "node:crypto";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import type { Role } from "@jmo/schema";

const ISSUER = "jmo-api";
const AUDIENCE = "jmo-app";

export interface AccessClaims {
  accountId: string;
  sessionId: string;
  role: Role;
  participantId: string | null;
  /** When the access token stops working (set when read from a token): a WebSocket opened with it closes then. */
  expiresAt?: Date;
}

/** How many verified tokens are remembered (a few MB at most); the oldest is forgotten first. */
const VERIFIED_TOKENS_KEPT = 10_000;

export class TokenService {
  private readonly key: Uint8Array;
  /**
   * Tokens whose signature and claims were verified, until they expire: a member's app sends the same token for
   * up to 15 minutes, and the HMAC through WebCrypto cost ~5% of a home query's CPU. Only the verification is
   * remembered; the session behind the token is still read on every request, so a revoked session is refused at
   * once. Refused tokens are never remembered.
   */
  private readonly verified = new Map<string, AccessClaims & { expiresAt: Date }>();

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  async issueAccessToken(claims: AccessClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({ sid: claims.sessionId, role: claims.role, pid: claims.participantId })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.accountId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token, or a reason why it is not. */
  async verifyAccessToken(token: string): Promise<AccessClaims | "expired" | "invalid"> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() > Date.now()) return { ...known };
      this.verified.delete(token);
      return "expired";
    }
    const claims = await this.verifySignature(token);
    if (typeof claims !== "string" && claims.expiresAt) {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { ...claims, expiresAt: claims.expiresAt });
    }
    return claims;
  }

  private async verifySignature(token: string): Promise<AccessClaims | "expired" | "invalid"> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
      if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || typeof payload.role !== "string") {
        return "invalid";
      }
      return {
        accountId: payload.sub,
        sessionId: payload.sid,
        role: payload.role as Role,
        participantId: typeof payload.pid === "string" ? payload.pid : null,
        ...(typeof payload.exp === "number" ? { expiresAt: new Date(payload.exp * 1000) } : {}),
      };
    } catch (error) {
      return error instanceof joseErrors.JWTExpired ? "expired" : "invalid";
    }
  }
}

/** Refresh tokens are "<sessionId>.<secret>"; only the secret's SHA-256 is stored. */
export function newRefreshSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

export function formatRefreshToken(sessionId: string, secret: string): string {
  return `${sessionId}.${secret}`;
}

export function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { sessionId: m[1]!, secret: m[2]! } : null;
}
