// Issue 11, finding 6: a new BPU member could never use their card. After sign-up the new KPJ was masked in every
// answer and on the digital card and sent nowhere, yet pengkinian and klaim make the member type the full KPJ (three
// misses block the account); and the card was AKTIF before anything was paid. Now the full KPJ is told to its holder
// (registrationComplete's newCard, Card.kpj, email and SMS), and the card is MENUNGGU_IURAN_PERTAMA until its first
// contribution is recorded (staff, or the sandbox path outside production), which writes the ledger row.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bpuMemberships, cards, contributions, outbox, personalDataAudit } from "../src/db/schema.ts";
import { toGlobalId } from "../src/common/global-id.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { BPU_NIK, bpuNewStart, registrationFlow, todayWib } from "./support/registration-flow.ts";
import { gql, signIn, startTestServer } from "./support/test-server.ts";

const h = useServerHarness();
const flow = registrationFlow(h);

const COMPLETE = `mutation($input: RegistrationCompleteInput!) { registrationComplete(input: $input) {
  accessToken participant { fullName }
  newCard { kpj firstContribution { jkk jkm jht total } card { id kpj kpjMasked segment status } }
  userErrors { code field message } } }`;
const MY_CARDS = `{ me { cards { id kpj kpjMasked segment status lastReported { period wage paidAt } saldoJht { iuranPekerja } } } }`;
const PENGKINIAN_START = `mutation { pengkinianStart { pengkinian { completedSteps nextStep kpjAttemptsLeft kpjChallenge { cardId kpjMasked } } userErrors { code } } }`;
const PENGKINIAN_CONFIRM = `mutation($input: PengkinianConfirmKepesertaanInput!) { pengkinianConfirmKepesertaan(input: $input) {
  pengkinian { completedSteps kpjAttemptsLeft } userErrors { code field message } } }`;
const DIGITAL_CARD = `{ me { cards { digitalCard { svg verificationToken } } } }`;
const VERIFY = `query($token: String!) { digitalCardVerify(token: $token) { valid active } }`;
const MARK_PAID = `mutation($input: CardMarkFirstContributionPaidInput!) { cardMarkFirstContributionPaid(input: $input) {
  card { id status kpj } userErrors { code field message } } }`;
const SANDBOX_PAY = `mutation($input: CardSandboxPayFirstContributionInput!) { cardSandboxPayFirstContribution(input: $input) {
  card { id status kpj } userErrors { code field message } } }`;
const STAFF_SEARCH = `query($search: String) { participants(search: $search, first: 5) { edges { node { cards { kpj kpjMasked status } } } } }`;
const CARD_BY_NODE = `query($id: ID!) { node(id: $id) { ... on Card { kpj kpjMasked status } } }`;

// Gambir, Jakarta Pusat (31.71.01); born 17 May 1990, a man: a NIK the registration accepts (registration.test.ts).

/**
 * Hand-worked first contribution for a declared income of Rp3,000,000 with JHT chosen (contribution-rules.ts
 * BPU_RATES, domain.md "Contributions": BPU pays JKK 1% of declared income, JKM a flat Rp6,800, JHT 2% if chosen):
 *   JKK 1% × 3,000,000 = 30,000.00; JKM 6,800.00; JHT 2% × 3,000,000 = 60,000.00; total 96,800.00.
 */
const FIRST_CONTRIBUTION = { jkk: "30000.00", jkm: "6800.00", jht: "60000.00", total: "96800.00" };

async function registerBpu(email = "joko@example.test", phone = "081311112222") {
  const token = await flow.start(bpuNewStart());
  await flow.verifyContacts(token, email, phone);
  const done = await flow.call(COMPLETE, { registrationToken: token, password: "Kopi-Tubruk#88", acceptTerms: true });
  expect(done.data?.registrationComplete.userErrors).toEqual([]);
  return done.data!.registrationComplete;
}

/** A self-registered BPU card still waiting for its first contribution, with its holder's account (builders). */
async function pendingBpuCard() {
  const p = await h.seed
    .participant({ fullName: "Rina Marlina", gender: "PEREMPUAN" })
    .withCard({ segment: "BPU", status: "MENUNGGU_IURAN_PERTAMA", registeredAt: todayWib() })
    .withAccount()
    .build();
  // Declared income Rp3,000,000 with JHT: the first contribution is the FIRST_CONTRIBUTION above.
  await h.tdb.database.db.insert(bpuMemberships).values({ cardId: p.cards[0]!.id, declaredIncomeSen: 300_000_000n, jht: true });
  return { ...p, cardId: toGlobalId("Card", p.cards[0]!.id) };
}

async function staffToken() {
  const staff = await h.seed.staff();
  return (await signIn(h.server.url, staff.email, TEST_PASSWORD)).accessToken;
}

describe("a new BPU member's card", () => {
  it("tells the full KPJ in the registration result, in me.cards and by email and SMS; the card waits for its first contribution", async () => {
    const done = await registerBpu();
    const [row] = await h.tdb.database.db.select().from(cards);
    const kpj = row!.kpj;
    expect(kpj).toMatch(/^\d{11}$/);
    expect(done.newCard).toEqual({
      kpj,
      firstContribution: FIRST_CONTRIBUTION,
      card: { id: toGlobalId("Card", row!.id), kpj, kpjMasked: `${kpj.slice(0, 2)}*******${kpj.slice(-2)}`, segment: "BPU", status: "MENUNGGU_IURAN_PERTAMA" },
    });

    const me = await gql(h.server.url, MY_CARDS, {}, { token: done.accessToken });
    expect(me.data?.me.cards).toEqual([
      expect.objectContaining({ kpj, segment: "BPU", status: "MENUNGGU_IURAN_PERTAMA", lastReported: null, saldoJht: { iuranPekerja: "0.00" } }),
    ]);

    const messages = await h.tdb.database.db.select().from(outbox).where(eq(outbox.template, "BPU_CARD_CREATED"));
    expect(messages.map((m) => [m.channel, m.destination]).sort()).toEqual([
      ["EMAIL", "joko@example.test"],
      ["SMS", "+6281311112222"],
    ]);
    for (const m of messages) expect(m.params).toMatchObject({ kpj, fullName: "Joko Susilo", status: "MENUNGGU_IURAN_PERTAMA", firstContribution: "96800.00" });

    // An ordinary sign-in has no newCard: the number is told once there, and from then on in the holder's own cards.
    const login = await gql(h.server.url, `mutation { login(input: { identifier: "joko@example.test", password: "Kopi-Tubruk#88" }) { newCard { kpj } } }`);
    expect(login.data?.login.newCard).toBeNull();
  });

  it("lets the new member pass pengkinian's KPJ confirmation with the number they were told", async () => {
    const done = await registerBpu();
    const started = await gql(h.server.url, PENGKINIAN_START, {}, { token: done.accessToken });
    const challenge: Array<{ cardId: string; kpjMasked: string }> = started.data?.pengkinianStart.pengkinian.kpjChallenge;
    // The challenge asks for the new card (unless a later change fills in a member's only card by itself).
    if (challenge.length > 0) {
      expect(challenge).toEqual([{ cardId: done.newCard.card.id, kpjMasked: done.newCard.card.kpjMasked }]);
      const confirmed = await gql(
        h.server.url,
        PENGKINIAN_CONFIRM,
        { input: { cards: [{ cardId: done.newCard.card.id, kpj: done.newCard.kpj }] } },
        { token: done.accessToken },
      );
      expect(confirmed.data?.pengkinianConfirmKepesertaan.userErrors).toEqual([]);
      expect(confirmed.data?.pengkinianConfirmKepesertaan.pengkinian).toMatchObject({ kpjAttemptsLeft: 3 });
      expect(confirmed.data?.pengkinianConfirmKepesertaan.pengkinian.completedSteps).toContain("KEPESERTAAN");
    } else {
      expect(started.data?.pengkinianStart.pengkinian.completedSteps).toContain("KEPESERTAAN");
    }
  });

  it("is not active while it waits: the digital card says so and its verification answers active: false", async () => {
    const p = await pendingBpuCard();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const card = (await gql(h.server.url, DIGITAL_CARD, {}, { token: accessToken })).data!.me.cards[0].digitalCard;
    expect(card.svg).toContain(">BELUM AKTIF<");
    expect(card.svg).toContain("Menunggu iuran pertama");
    expect(card.svg).not.toContain(">AKTIF<");
    const verified = await gql(h.server.url, VERIFY, { token: card.verificationToken });
    expect(verified.data?.digitalCardVerify).toEqual({ valid: true, active: false });
  });

  it("gives the full KPJ to its holder only: staff and other participants never get it", async () => {
    const p = await pendingBpuCard();
    const kpj = p.cards[0]!.kpj;
    const staff = await staffToken();
    const bySearch = await gql(h.server.url, STAFF_SEARCH, { search: kpj }, { token: staff });
    expect(bySearch.data?.participants.edges[0].node.cards).toEqual([{ kpj: null, kpjMasked: `${kpj.slice(0, 2)}*******${kpj.slice(-2)}`, status: "MENUNGGU_IURAN_PERTAMA" }]);
    const byNode = await gql(h.server.url, CARD_BY_NODE, { id: p.cardId }, { token: staff });
    expect(byNode.data?.node.kpj).toBeNull();
    expect(JSON.stringify([bySearch, byNode])).not.toContain(kpj);

    const other = await h.seed.participant().withCard().withAccount().build();
    const otherToken = (await signIn(h.server.url, other.email!)).accessToken;
    const theirs = await gql(h.server.url, CARD_BY_NODE, { id: p.cardId }, { token: otherToken });
    expect(theirs.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(theirs)).not.toContain(kpj);

    const mine = await gql(h.server.url, CARD_BY_NODE, { id: p.cardId }, { token: (await signIn(h.server.url, p.email!)).accessToken });
    expect(mine.data?.node.kpj).toBe(kpj);
  });
});

describe("the first contribution", () => {
  it("recorded by staff writes the ledger row, makes the card AKTIF and is audited", async () => {
    const p = await pendingBpuCard();
    const staff = await staffToken();
    const today = todayWib();
    const holder = (await signIn(h.server.url, p.email!)).accessToken;

    // Only staff may record it.
    const byHolder = await gql(h.server.url, MARK_PAID, { input: { cardId: p.cardId, paidAt: today, note: "x" } }, { token: holder });
    expect(byHolder.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const tomorrow = await gql(h.server.url, MARK_PAID, { input: { cardId: p.cardId, paidAt: "2999-01-01", note: "kuitansi 123" } }, { token: staff });
    expect(tomorrow.data?.cardMarkFirstContributionPaid.userErrors[0]).toMatchObject({ code: "INVALID_DATE", field: ["input", "paidAt"] });

    const paid = await gql(h.server.url, MARK_PAID, { input: { cardId: p.cardId, paidAt: today, note: "Kuitansi kantor cabang 0042" } }, { token: staff });
    expect(paid.data?.cardMarkFirstContributionPaid).toEqual({ card: { id: p.cardId, status: "AKTIF", kpj: null }, userErrors: [] });

    // The ledger row of the month paid, with the shares of FIRST_CONTRIBUTION in sen.
    const ledger = await h.tdb.database.db.select().from(contributions).where(eq(contributions.cardId, p.cards[0]!.id));
    expect(ledger).toEqual([
      expect.objectContaining({
        period: `${today.slice(0, 7)}-01`,
        employerId: null,
        wageSen: 300_000_000n,
        jkkSen: 3_000_000n,
        jkmSen: 680_000n,
        jhtWorkerSen: 6_000_000n,
        jhtEmployerSen: 0n,
        jpEmployerSen: 0n,
        jpWorkerSen: 0n,
        paidAt: today,
      }),
    ]);
    const [audit] = await h.tdb.database.db
      .select()
      .from(personalDataAudit)
      .where(and(eq(personalDataAudit.participantId, p.participant.id), eq(personalDataAudit.field, "cards.status")));
    expect(audit).toMatchObject({ oldValue: "MENUNGGU_IURAN_PERTAMA", newValue: "AKTIF", reason: "FIRST_CONTRIBUTION_PAID", note: "Kuitansi kantor cabang 0042" });
    expect(audit!.actor).not.toBe(p.accountId);

    // The holder now sees an AKTIF card with the payment reported; its QR verification says active.
    const me = await gql(h.server.url, MY_CARDS, {}, { token: holder });
    expect(me.data?.me.cards[0]).toMatchObject({
      status: "AKTIF",
      lastReported: { period: today.slice(0, 7), wage: "3000000.00", paidAt: today },
      saldoJht: { iuranPekerja: "60000.00" },
    });
    const token = (await gql(h.server.url, DIGITAL_CARD, {}, { token: holder })).data!.me.cards[0].digitalCard.verificationToken;
    expect((await gql(h.server.url, VERIFY, { token })).data?.digitalCardVerify).toEqual({ valid: true, active: true });

    const again = await gql(h.server.url, MARK_PAID, { input: { cardId: p.cardId, paidAt: today, note: "lagi" } }, { token: staff });
    expect(again.data?.cardMarkFirstContributionPaid.userErrors[0].code).toBe("CARD_NOT_AWAITING_FIRST_CONTRIBUTION");
    expect(await h.tdb.database.db.select().from(contributions)).toHaveLength(1);
  });

  it("paid through the sandbox by its holder makes the card AKTIF; someone else's card is not found", async () => {
    const p = await pendingBpuCard();
    const other = await h.seed.participant().withCard().withAccount().build();
    const otherToken = (await signIn(h.server.url, other.email!)).accessToken;
    const notTheirs = await gql(h.server.url, SANDBOX_PAY, { input: { cardId: p.cardId } }, { token: otherToken });
    expect(notTheirs.data?.cardSandboxPayFirstContribution.userErrors[0]).toMatchObject({ code: "CARD_NOT_FOUND", field: ["input", "cardId"] });

    const holder = (await signIn(h.server.url, p.email!)).accessToken;
    const paid = await gql(h.server.url, SANDBOX_PAY, { input: { cardId: p.cardId } }, { token: holder });
    expect(paid.data?.cardSandboxPayFirstContribution).toEqual({ card: { id: p.cardId, status: "AKTIF", kpj: p.cards[0]!.kpj }, userErrors: [] });
    const [row] = await h.tdb.database.db.select().from(contributions);
    expect(row).toMatchObject({ cardId: p.cards[0]!.id, wageSen: 300_000_000n, jkkSen: 3_000_000n, jkmSen: 680_000n, jhtWorkerSen: 6_000_000n, paidAt: todayWib() });
  });

  it("has no sandbox path in production: refused with FORBIDDEN (SANDBOX_ONLY), while staff can still record a payment", async () => {
    const production = await startTestServer(h.tdb.database, { NODE_ENV: "production", CORS_ORIGINS: "https://jmo.example" });
    try {
      const p = await pendingBpuCard();
      const holder = (await signIn(production.url, p.email!)).accessToken;
      const refused = await gql(production.url, SANDBOX_PAY, { input: { cardId: p.cardId } }, { token: holder });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", detail: "SANDBOX_ONLY" });
      const [card] = await h.tdb.database.db.select().from(cards).where(eq(cards.id, p.cards[0]!.id));
      expect(card!.status).toBe("MENUNGGU_IURAN_PERTAMA");
      expect(await h.tdb.database.db.select().from(contributions)).toHaveLength(0);

      const staff = await h.seed.staff();
      const staffToken = (await signIn(production.url, staff.email, TEST_PASSWORD)).accessToken;
      const paid = await gql(production.url, MARK_PAID, { input: { cardId: p.cardId, paidAt: todayWib(), note: "Kuitansi 7" } }, { token: staffToken });
      expect(paid.data?.cardMarkFirstContributionPaid.card.status).toBe("AKTIF");
    } finally {
      await production.stop();
    }
  });
});
