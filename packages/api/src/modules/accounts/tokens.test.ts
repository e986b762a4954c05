import { afterEach, describe, expect, it, vi } from "vitest";
import { Role } from "@jmo/schema";
import { TokenService } from "./tokens.ts";

const SECRET = "tokens-test-secret-0123456789-abcdefghijkl";
const claims = { accountId: "8d3c4a52-0f5e-4b8e-9a43-3d0f7d3c1a10", sessionId: "5b0a1f0e-2c4d-4e6f-8a9b-0c1d2e3f4a5b", role: Role.PESERTA, participantId: null };

describe("TokenService (verified tokens are remembered until they expire)", () => {
  afterEach(() => vi.useRealTimers());

  it("answers a remembered token's claims, and still refuses a tampered copy of it", async () => {
    const tokens = new TokenService(SECRET, 900);
    const { token } = await tokens.issueAccessToken(claims);
    const first = await tokens.verifyAccessToken(token);
    expect(first).toMatchObject({ accountId: claims.accountId, sessionId: claims.sessionId, role: "PESERTA" });
    expect(await tokens.verifyAccessToken(token)).toEqual(first);
    const [header, payload, signature] = token.split(".");
    const flipped = signature!.slice(0, -2) + (signature!.endsWith("AA") ? "AB" : "AA");
    expect(await tokens.verifyAccessToken(`${header}.${payload}.${flipped}`)).toBe("invalid");
    // A token signed with another secret is refused even when an identical-looking one was verified before.
    expect(await new TokenService(`${SECRET}-other`, 900).verifyAccessToken(token)).toBe("invalid");
  });

  it("refuses a remembered token once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T08:00:00Z"));
    const tokens = new TokenService(SECRET, 900);
    const { token } = await tokens.issueAccessToken(claims);
    expect(typeof (await tokens.verifyAccessToken(token))).toBe("object");
    vi.setSystemTime(new Date("2026-11-30T08:15:01Z"));
    expect(await tokens.verifyAccessToken(token)).toBe("expired");
    expect(await tokens.verifyAccessToken(token)).toBe("expired");
  });

  it("a caller changing the answer does not change what the next request gets", async () => {
    const tokens = new TokenService(SECRET, 900);
    const { token } = await tokens.issueAccessToken(claims);
    const answer = await tokens.verifyAccessToken(token);
    if (typeof answer === "string") throw new Error(answer);
    answer.role = Role.PETUGAS;
    expect(await tokens.verifyAccessToken(token)).toMatchObject({ role: "PESERTA" });
  });
});
