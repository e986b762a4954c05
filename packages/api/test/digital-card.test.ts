import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cards } from "../src/db/schema.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const MY_CARDS = /* GraphQL */ `{ me { cards { id digitalCard { svg verificationToken expiresAt } } } }`;
const VERIFY = /* GraphQL */ `query($token: String!) { digitalCardVerify(token: $token) { valid active nameMasked expiresAt reason } }`;
const BY_NODE = /* GraphQL */ `query($id: ID!) { node(id: $id) { ... on Card { digitalCard { verificationToken } } } }`;

describe("digital card", () => {
  it("gives the holder their card as SVG, and anyone can verify its token: genuine, active, masked name only", async () => {
    const p = await h.seed
      .participant({ fullName: "Budi & <Sons> Santoso", nik: "3174051203850007", birthDate: "1985-03-12" })
      .withCard({ kpj: "21017345678", status: "AKTIF", registeredAt: "2021-01-04" })
      .withAccount()
      .build();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const res = await gql(h.server.url, MY_CARDS, {}, { token: accessToken });
    expect(res.errors).toBeUndefined();
    const card = res.data!.me.cards[0].digitalCard;
    expect(card.svg.startsWith("<svg ")).toBe(true);
    expect(card.svg.endsWith("</svg>")).toBe(true);
    expect(card.svg).toContain("Budi &amp; &lt;Sons&gt; Santoso");
    // The holder's own card carries the full NIK and KPJ (issue 11, finding 7; masked for staff: digital-card-owner.test.ts).
    expect(card.svg).toContain(">3174051203850007<");
    expect(card.svg).toContain(">21017345678<");
    const hoursLeft = (Date.parse(card.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(23);
    expect(hoursLeft).toBeLessThanOrEqual(24);

    // Anonymous: no Authorization header at all.
    const verified = await gql(h.server.url, VERIFY, { token: card.verificationToken });
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.digitalCardVerify).toEqual({
      valid: true,
      active: true,
      nameMasked: "B*** & <***** S******", // "<Sons>" is one word of six characters
      expiresAt: card.expiresAt,
      reason: null,
    });
    const answer = JSON.stringify(verified.data);
    for (const secret of ["Budi", "Santoso", "3174", "2101", "1985"]) expect(answer).not.toContain(secret);
  });

  it("answers valid but not active once the card has become NONAKTIF", async () => {
    const p = await h.seed.participant({ fullName: "Siti Rahayu" }).withCard({ status: "AKTIF" }).withAccount().build();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const token = (await gql(h.server.url, MY_CARDS, {}, { token: accessToken })).data!.me.cards[0].digitalCard.verificationToken;
    await h.tdb.database.db.update(cards).set({ status: "NONAKTIF", nonaktifSince: "2026-01-31" }).where(eq(cards.id, p.cards[0]!.id));
    const res = await gql(h.server.url, VERIFY, { token });
    expect(res.data!.digitalCardVerify).toMatchObject({ valid: true, active: false, nameMasked: "S*** R*****", reason: null });
  });

  it("answers INVALID for a tampered token or an access token, without an error", async () => {
    const p = await h.seed.participant().withCard().withAccount().build();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const token: string = (await gql(h.server.url, MY_CARDS, {}, { token: accessToken })).data!.me.cards[0].digitalCard.verificationToken;
    const [header, payload, signature] = token.split(".");
    const tampered = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith("AA") ? "BB" : "AA"}`;
    for (const t of [tampered, accessToken, "bukan-token"]) {
      const res = await gql(h.server.url, VERIFY, { token: t });
      expect(res.errors).toBeUndefined();
      expect(res.data!.digitalCardVerify).toEqual({ valid: false, active: null, nameMasked: null, expiresAt: null, reason: "INVALID" });
    }
  });

  it("is FORBIDDEN for someone else's card, through node", async () => {
    const owner = await h.seed.participant().withCard().withAccount().build();
    const other = await h.seed.participant().withCard().withAccount().build();
    const ownerToken = (await signIn(h.server.url, owner.email!)).accessToken;
    const otherToken = (await signIn(h.server.url, other.email!)).accessToken;
    const cardId: string = (await gql(h.server.url, MY_CARDS, {}, { token: ownerToken })).data!.me.cards[0].id;

    const mine = await gql(h.server.url, BY_NODE, { id: cardId }, { token: ownerToken });
    expect(mine.data!.node.digitalCard.verificationToken).toEqual(expect.any(String));

    const theirs = await gql(h.server.url, BY_NODE, { id: cardId }, { token: otherToken });
    expect(theirs.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(theirs.data ?? null)).not.toContain("verificationToken\":\"");
  });
});
