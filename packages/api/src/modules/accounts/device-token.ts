import { randomUUID } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";

const ISSUER = "jmo-api";
// Its own audience: an access token is never taken for a device token, nor the other way round.
const AUDIENCE = "jmo-device";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Device tokens ("device cookies", OWASP): given at each successful sign-in, sent back with the next one. A device
 * token grants nothing by itself; it only makes the sign-in attempts of that device count apart from the
 * identifier's, so that a stranger's wrong guesses, which lock the identifier, do not keep the owner's device out.
 */
export class DeviceTokenService {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly ttlDays: number) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A token for this account on this device: the same device id when it had one, else a new random one. */
  async issue(accountId: string, deviceId: string = randomUUID()): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ did: deviceId })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(accountId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlDays * 24 * 3600)
      .sign(this.key);
  }

  /** The account and device of a valid token; null otherwise (never an error). */
  async verify(token: string | null | undefined): Promise<{ accountId: string; deviceId: string } | null> {
    if (!token || token.length > 1024) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
      if (typeof payload.sub !== "string" || typeof payload.did !== "string" || !UUID.test(payload.did)) return null;
      return { accountId: payload.sub, deviceId: payload.did };
    } catch {
      return null;
    }
  }
}
