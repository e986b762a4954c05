import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { MembershipStatus, Role, Segment } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { ConfigError, loadConfig } from "../../config/environment.ts";
import { TokenService } from "../accounts/tokens.ts";
import { DigitalCardService, escapeXml, renderCardSvg, type CardFace } from "./digital-card.service.ts";

const SECRET = "digital-card-test-secret-0123456789abcdef";
const CARD_ID = "6f1c2a9e-0b7d-4c36-9a51-3e2f8d7c6b5a";
// Token signing and checking never touch the database.
const service = new DigitalCardService({} as Database, SECRET, 24);

/**
 * A small XML well-formedness check (no dependency): one root element, every tag closed in order, quoted
 * attributes, and `&` only as an entity and `<` only as markup in text and attribute values.
 */
function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const checkText = (text: string) => {
    if (text.includes("<")) throw new Error(`unescaped < in ${JSON.stringify(text)}`);
    for (let at = text.indexOf("&"); at >= 0; at = text.indexOf("&", at + 1)) {
      const end = text.indexOf(";", at);
      const entity = end < 0 ? "" : text.slice(at + 1, end);
      if (!["amp", "lt", "gt", "quot", "apos"].includes(entity) && !/^#(\d+|x[0-9a-fA-F]+)$/.test(entity)) {
        throw new Error(`bad entity at ${at}: ${text.slice(at, at + 10)}`);
      }
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    if (stack.length === 0 && text.trim()) throw new Error(`text outside the root: ${text.trim().slice(0, 20)}`);
    checkText(text);
    if (lt < 0) break;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) throw new Error("unterminated tag");
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("?") || tag.startsWith("!--")) continue;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^[A-Za-z_][\w:.-]*/.exec(body)?.[0];
    if (!name) throw new Error(`bad tag <${tag}>`);
    let rest = body.slice(name.length);
    const attr = /^\s+([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/;
    const seen = new Set<string>();
    for (let m = attr.exec(rest); m; m = attr.exec(rest)) {
      if (seen.has(m[1]!)) throw new Error(`duplicate attribute ${m[1]} on <${name}>`);
      seen.add(m[1]!);
      checkText(m[3] ?? m[4] ?? "");
      rest = rest.slice(m[0].length);
    }
    if (rest.trim()) throw new Error(`bad attributes on <${name}>: ${rest.slice(0, 30)}`);
    if (stack.length === 0) roots += 1;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

describe("assertWellFormedXml (the test's own checker)", () => {
  it("refuses what is not well-formed", () => {
    expect(() => assertWellFormedXml("<a><b></a></b>")).toThrow();
    expect(() => assertWellFormedXml("<a>Budi & Sons</a>")).toThrow();
    expect(() => assertWellFormedXml('<a x="1" x="2"/>')).toThrow();
    expect(() => assertWellFormedXml("<a/><b/>")).toThrow();
    expect(() => assertWellFormedXml('<a x="&lt;b&gt;">Budi &amp; Sons<b/></a>')).not.toThrow();
  });
});

describe("card tokens", () => {
  it("live DIGITAL_CARD_TTL_HOURS hours, 24 by default, 1 to 720", () => {
    expect(loadConfig({}).digitalCardTtlHours).toBe(24);
    expect(loadConfig({ DIGITAL_CARD_TTL_HOURS: "48" }).digitalCardTtlHours).toBe(48);
    for (const bad of ["0", "721", "1.5", "sehari"]) expect(() => loadConfig({ DIGITAL_CARD_TTL_HOURS: bad })).toThrow(ConfigError);
  });

  it("carry only the card id and the expiry, and check out until they expire", async () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const { token, expiresAt } = await service.issueToken(CARD_ID, now);
    expect(expiresAt.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
    expect(Object.keys(payload).sort()).toEqual(["aud", "exp", "iss", "sub"]);
    expect(payload.sub).toBe(CARD_ID);

    const fresh = await service.issueToken(CARD_ID);
    expect(await service.verifyToken(fresh.token)).toEqual({ cardId: CARD_ID, expiresAt: fresh.expiresAt });
    // Issued 25 hours ago with a 24-hour life.
    const old = await service.issueToken(CARD_ID, new Date(Date.now() - 25 * 3600_000));
    expect(await service.verifyToken(old.token)).toBe("expired");
  });

  it("refuse a tampered token, another key, another purpose, and garbage", async () => {
    const { token } = await service.issueToken(CARD_ID);
    const [header, payload, signature] = token.split(".");
    const changed = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: "00000000-0000-4000-8000-000000000000" }),
    ).toString("base64url");
    expect(await service.verifyToken(`${header}.${changed}.${signature}`)).toBe("invalid");
    // A signature character flipped (not the last: its low bits are padding that decoding ignores).
    const flipped = (signature![0] === "A" ? "B" : "A") + signature!.slice(1);
    expect(await service.verifyToken(`${header}.${payload}.${flipped}`)).toBe("invalid");
    const otherKey = new DigitalCardService({} as Database, "another-secret-that-is-long-enough-0123", 24);
    expect(await service.verifyToken((await otherKey.issueToken(CARD_ID)).token)).toBe("invalid");
    // Same key and issuer, but not for digital cards.
    const wrongPurpose = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(CARD_ID)
      .setIssuer("jmo-api")
      .setAudience("jmo-something-else")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(SECRET));
    expect(await service.verifyToken(wrongPurpose)).toBe("invalid");
    for (const garbage of ["", "abc", "a.b.c", "x".repeat(5_000)]) expect(await service.verifyToken(garbage)).toBe("invalid");
  });

  it("are never mistaken for access tokens, nor access tokens for them", async () => {
    const tokens = new TokenService(SECRET, 900);
    const access = await tokens.issueAccessToken({ accountId: CARD_ID, sessionId: CARD_ID, role: Role.PESERTA, participantId: CARD_ID });
    expect(await service.verifyToken(access.token)).toBe("invalid");
    const card = await service.issueToken(CARD_ID);
    expect(await tokens.verifyAccessToken(card.token)).toBe("invalid");
  });
});

describe("the card's SVG", () => {
  const face = async (overrides: Partial<CardFace> = {}): Promise<CardFace> => ({
    fullName: "Budi & <Sons>",
    nikMasked: "3174**********01",
    kpjMasked: "21*******78",
    segment: Segment.PU,
    status: MembershipStatus.NONAKTIF,
    registeredAt: "2019-02-01",
    nonaktifSince: "2025-10-31",
    ...(await service.issueToken(CARD_ID)),
    ...overrides,
  });

  it("is a well-formed standalone SVG with the masked identifiers, dates, status and an escaped name", async () => {
    const svg = await renderCardSvg(await face());
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('viewBox="0 0 856 540"');
    assertWellFormedXml(svg);
    expect(svg).toContain("Budi &amp; &lt;Sons&gt;");
    expect(svg).not.toContain("<Sons>");
    expect(svg).not.toContain("Budi & ");
    for (const text of ["BPJS Ketenagakerjaan", "3174**********01", "21*******78", "Penerima Upah (PU)", "NONAKTIF", "01-02-2019", "31-10-2025"]) {
      expect(svg).toContain(text);
    }
  });

  it("embeds the QR code as a nested <svg> and omits NONAKTIF SEJAK for an active card", async () => {
    const svg = await renderCardSvg(await face({ status: MembershipStatus.AKTIF, nonaktifSince: null, fullName: "Siti Rahayu" }));
    assertWellFormedXml(svg);
    expect(svg).toMatch(/<svg x="606" y="146" width="200" height="200" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain(">AKTIF<");
    expect(svg).not.toContain("NONAKTIF");
  });

  it("is built by the service from the participant's row with NIK masked, never the full NIK", async () => {
    const participant = { fullName: "Budi Santoso", nik: "3174051203850007" } as Parameters<DigitalCardService["create"]>[1];
    const card = await service.create(
      {
        rowId: CARD_ID,
        ownerParticipantId: CARD_ID,
        kpjMasked: "21*******78",
        segment: Segment.PU,
        status: MembershipStatus.AKTIF,
        registeredAt: "2021-01-04",
        nonaktifSince: null,
      },
      participant,
    );
    expect(card.svg).toContain("3174**********07");
    expect(card.svg).not.toContain("3174051203850007");
    expect(await service.verifyToken(card.verificationToken)).toEqual({ cardId: CARD_ID, expiresAt: card.expiresAt });
  });

  it("escapes every XML special character", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
