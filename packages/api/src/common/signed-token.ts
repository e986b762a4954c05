import { SignJWT, jwtVerify, errors as joseErrors } from "jose";

/**
 * Signed, expiring tokens for QR codes that anyone may check publicly (the digital card, a branch booking): a JWT
 * signed with TOKEN_SECRET (HS256) carrying only a random row id (`sub`) and its expiry, for one audience each, so a
 * token of one kind (or an access token) is never accepted as another. Nothing personal is inside.
 */
const ISSUER = "jmo-api";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ours are about 200 characters; anything far longer is not worth parsing. */
const MAX_TOKEN_LENGTH = 1_000;

export class SignedTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A token for `audience` naming the row `subject` (a uuid), valid until `expiresAt` (whole seconds). */
  async issue(audience: string, subject: string, expiresAt: Date): Promise<{ token: string; expiresAt: Date }> {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The row id and expiry of a genuine, unexpired token of `audience`, or why not. */
  async verify(audience: string, token: string): Promise<{ subject: string; expiresAt: Date } | "expired" | "invalid"> {
    if (token.length > MAX_TOKEN_LENGTH) return "invalid";
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience, algorithms: ["HS256"], requiredClaims: ["sub", "exp"] });
      if (typeof payload.sub !== "string" || !UUID.test(payload.sub) || typeof payload.exp !== "number") return "invalid";
      return { subject: payload.sub, expiresAt: new Date(payload.exp * 1000) };
    } catch (error) {
      return error instanceof joseErrors.JWTExpired ? "expired" : "invalid";
    }
  }
}
