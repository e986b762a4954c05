// Issue 11, finding 7: the digital card masked NIK and KPJ on the card itself. In JMO the digital card replaces the
// plastic card (it is shown at health facilities and offices), so its holder sees the full numbers, on the picture and
// in the fields; staff see them masked, and the public QR verification still tells only a masked name.
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../src/common/global-id.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const FIELDS = `svg nik kpj nikMasked kpjMasked verificationToken`;
const MY_CARD = `{ me { cards { digitalCard { ${FIELDS} } } } }`;
const BY_NODE = `query($id: ID!) { node(id: $id) { ... on Card { digitalCard { ${FIELDS} } } } }`;
const VERIFY = `query($token: String!) { digitalCardVerify(token: $token) { valid active nameMasked expiresAt reason } }`;

// Like budi@example.com: NIK 3174051203850007 (Jakarta Selatan 31.74.05, born 12-03-1985), KPJ 21017345678.
const NIK = "3174051203850007";
const KPJ = "21017345678";
// The masks every other answer uses (common/mask.ts): NIK first four and last two digits, KPJ first and last two.
const NIK_MASKED = "3174**********07";
const KPJ_MASKED = "21*******78";

async function budi() {
  return h.seed
    .participant({ fullName: "Budi Santoso", nik: NIK, birthDate: "1985-03-12" })
    .withCard({ kpj: KPJ, status: "AKTIF", registeredAt: "2021-01-04" })
    .withAccount()
    .build();
}

describe("the digital card of its holder", () => {
  it("shows the full NIK and KPJ, in the SVG and in the fields", async () => {
    const p = await budi();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const res = await gql(h.server.url, MY_CARD, {}, { token: accessToken });
    expect(res.errors).toBeUndefined();
    const card = res.data!.me.cards[0].digitalCard;
    expect(card).toMatchObject({ nik: NIK, kpj: KPJ, nikMasked: NIK_MASKED, kpjMasked: KPJ_MASKED });
    expect(card.svg).toContain(`>${NIK}<`);
    expect(card.svg).toContain(`>${KPJ}<`);
    expect(card.svg).not.toContain(NIK_MASKED);
    expect(card.svg).not.toContain("disamarkan");
  });

  it("is masked for staff, and the public verification still tells only a masked name", async () => {
    const p = await budi();
    const staff = await h.seed.staff();
    const staffToken = (await signIn(h.server.url, staff.email, TEST_PASSWORD)).accessToken;
    const res = await gql(h.server.url, BY_NODE, { id: toGlobalId("Card", p.cards[0]!.id) }, { token: staffToken });
    expect(res.errors).toBeUndefined();
    const card = res.data!.node.digitalCard;
    expect(card).toMatchObject({ nik: null, kpj: null, nikMasked: NIK_MASKED, kpjMasked: KPJ_MASKED });
    expect(card.svg).toContain(`>${NIK_MASKED}<`);
    expect(card.svg).toContain(`>${KPJ_MASKED}<`);
    expect(JSON.stringify(res)).not.toContain(NIK);
    expect(JSON.stringify(res)).not.toContain(KPJ);

    // The holder's own card's token, checked by anyone: genuine, active, a masked name; no NIK or KPJ, full or masked.
    const holder = (await signIn(h.server.url, p.email!)).accessToken;
    const token = (await gql(h.server.url, MY_CARD, {}, { token: holder })).data!.me.cards[0].digitalCard.verificationToken;
    const verified = await gql(h.server.url, VERIFY, { token });
    expect(verified.data?.digitalCardVerify).toMatchObject({ valid: true, active: true, nameMasked: "B*** S******", reason: null });
    const answer = JSON.stringify(verified.data);
    for (const secret of [NIK, KPJ, "3174", "2101", "21*"]) expect(answer).not.toContain(secret);
  });

  it("is FORBIDDEN to another participant", async () => {
    const p = await budi();
    const other = await h.seed.participant().withCard().withAccount().build();
    const token = (await signIn(h.server.url, other.email!)).accessToken;
    const res = await gql(h.server.url, BY_NODE, { id: toGlobalId("Card", p.cards[0]!.id) }, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(res)).not.toContain(NIK);
    expect(JSON.stringify(res)).not.toContain(KPJ);
  });
});
