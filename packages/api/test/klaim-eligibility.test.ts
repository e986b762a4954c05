// Issue 11, findings 1–3 and part of 9: JHT claim eligibility per person and per card, the dated JMO limit on the
// participant's total saldo, no claim at Rp0 (also at the worker's PENETAPAN), readable refusals, and staff unblock
// giving a claim draft its KPJ attempts back. Each test fails on the code before issue 11.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { rupiahToSen } from "@jmo/schema";
import { cards, klaimEvents, klaims } from "../src/db/schema.ts";
import { appendKlaimEvent } from "../src/modules/klaim/klaim-events.ts";
import { useServerHarness } from "./support/harness.ts";
import { makeTestSelfie } from "./support/selfies.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const ELIGIBILITY = /* GraphQL */ `
  query($cardId: ID!) {
    klaimJhtEligibility(cardId: $cardId) {
      eligible channel saldo totalSaldo jmoSaldoLimit asOf
      checks { code passed title message }
      openKlaim { id nomor status }
    }
  }
`;
const PAYLOAD = `{ klaim { id nomor status kpjAttemptsLeft } userErrors { code field message } }`;
const START = `mutation($input: KlaimJhtStartInput!) { klaimJhtStart(input: $input) ${PAYLOAD} }`;
const CONFIRM = `mutation($input: KlaimJhtConfirmKepesertaanInput!) { klaimJhtConfirmKepesertaan(input: $input) ${PAYLOAD} }`;
const BIOMETRIC = `mutation($input: KlaimJhtVerifyBiometricInput!) { klaimJhtVerifyBiometric(input: $input) ${PAYLOAD} }`;
const REKENING = `mutation($input: KlaimJhtSetRekeningInput!) { klaimJhtSetRekening(input: $input) ${PAYLOAD} }`;
const SUBMIT = `mutation($input: KlaimJhtSubmitInput!) { klaimJhtSubmit(input: $input) ${PAYLOAD} }`;
const UNBLOCK = `mutation($input: AccountUnblockInput!) { accountUnblock(input: $input) { accountId userErrors { code } } }`;

type Payload = { klaim: any; userErrors: Array<{ code: string; field: string[] | null; message: string }> };

/** No internal code (SALDO_MAKS_JMO, PENGKINIAN_SELESAI…) in a message meant for people (finding 9). */
const NO_CODES = /^(?!.*\b[A-Z]+(?:_[A-Z0-9]+)+\b).*$/s;

async function call(token: string, query: string, input: unknown, headers: Record<string, string> = {}): Promise<Payload> {
  const res = await gql(h.server.url, query, { input }, { token, headers });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Payload;
}

async function eligibility(token: string, cardId: string, headers: Record<string, string> = {}) {
  const res = await gql(h.server.url, ELIGIBILITY, { cardId }, { token, headers });
  expect(res.errors).toBeUndefined();
  const e = res.data!.klaimJhtEligibility;
  return { ...e, byCode: Object.fromEntries(e.checks.map((c: any) => [c.code, c])) as Record<string, { passed: boolean; title: string; message: string }> };
}

type CardSpec = { status: "AKTIF" | "NONAKTIF"; nonaktifSince?: string | null; ledger?: { from: string; months: number; wage: number } };

/**
 * A participant with the given cards (PU, each with its own ledger), pengkinian TERVERIFIKASI unless said, signed in;
 * `cardIds` are the API's ids in the same order as `specs` (cards are listed by registration date).
 */
async function person(specs: CardSpec[], opts: { pengkinian?: "BELUM" | "TERVERIFIKASI"; fullName?: string } = {}) {
  let builder = h.seed.participant({ fullName: opts.fullName ?? "Siti Rahayu", pengkinianStatus: opts.pengkinian ?? "TERVERIFIKASI" });
  specs.forEach((spec, i) => {
    builder = builder.withCard({ status: spec.status, registeredAt: `201${i}-01-01`, nonaktifSince: spec.status === "NONAKTIF" ? (spec.nonaktifSince ?? "2024-12-31") : null });
  });
  const p = await builder.withAccount().build();
  for (const [i, spec] of specs.entries()) if (spec.ledger) await h.seed.contributionsFor(p.cards[i]!.id, spec.ledger);
  const { accessToken: token } = await signIn(h.server.url, p.email!);
  const listed = (await gql(h.server.url, `{ me { cards { id kpjMasked } } }`, {}, { token })).data!.me.cards as Array<{ id: string }>;
  return { ...p, token, cardIds: listed.map((c) => c.id) };
}

/** Start to submit through JMO for one card (BCA: paid in real time by the sandbox bank). */
async function submitKlaim(p: { token: string; cards: Array<{ kpj: string }> }, cardId: string, index = 0, key = "kunci-eligibility-01") {
  const started = await call(p.token, START, { cardId, sebab: "MENGUNDURKAN_DIRI" });
  expect(started.userErrors).toEqual([]);
  const klaimId = started.klaim.id as string;
  expect((await call(p.token, CONFIRM, { klaimId, kpj: p.cards[index]!.kpj })).userErrors).toEqual([]);
  expect((await call(p.token, BIOMETRIC, { klaimId, selfie: makeTestSelfie() })).userErrors).toEqual([]);
  const bankAccount = { bankCode: "014", accountNumber: "1234567890", accountName: "Siti Rahayu" };
  expect((await call(p.token, REKENING, { klaimId, npwp: null, bankAccount })).userErrors).toEqual([]);
  const submitted = await call(p.token, SUBMIT, { klaimId, consent: true, idempotencyKey: key });
  expect(submitted.userErrors).toEqual([]);
  return submitted.klaim as { id: string; nomor: string; status: string };
}

// Ledgers: 24 months of 2023–2024 on a PU card. JHT 3.7% + 2% = 5.7% of the wage (PP 46/2015; domain.md) plus
// development at the jht_rates rows (5.50% ASSUMED for 2023 onward), so each saldo is a little above 24 × 5.7% × wage.
const LEDGER = (wage: number) => ({ from: "2023-01", months: 24, wage });

describe("eligibility per person (finding 1): not working anywhere", () => {
  it("refuses Siti's old NONAKTIF card while her other card is AKTIF, naming the card; no draft opens", async () => {
    const siti = await person([
      { status: "NONAKTIF", ledger: LEDGER(4_000_000) },
      { status: "AKTIF", ledger: { from: "2025-01", months: 12, wage: 5_000_000 } },
    ]);
    const [oldCard] = siti.cardIds;
    const e = await eligibility(siti.token, oldCard!);
    // The old card alone passes every card-level check; before issue 11 it was eligible (channel JMO).
    expect(e).toMatchObject({ eligible: false, channel: "KANTOR_CABANG" });
    expect(e.byCode.STATUS_NONAKTIF!.passed).toBe(true);
    expect(e.byCode.MASA_TUNGGU_1_BULAN!.passed).toBe(true);
    expect(e.byCode.TIDAK_BEKERJA_DI_TEMPAT_LAIN).toMatchObject({ passed: false, title: "Tidak bekerja di tempat lain" });
    const masked = `${siti.cards[1]!.kpj.slice(0, 2)}*******${siti.cards[1]!.kpj.slice(-2)}`;
    expect(e.byCode.TIDAK_BEKERJA_DI_TEMPAT_LAIN!.message).toContain(`masih terdaftar aktif pada kartu KPJ ${masked}`);

    const start = await call(siti.token, START, { cardId: oldCard, sebab: "MENGUNDURKAN_DIRI" });
    expect(start.klaim).toBeNull();
    expect(start.userErrors).toEqual([{ code: "KLAIM_NOT_ELIGIBLE", field: ["input", "cardId"], message: expect.stringMatching(NO_CODES) }]);
    expect(start.userErrors[0]!.message).toBe(`Klaim JHT belum dapat diajukan lewat JMO: Anda masih terdaftar aktif pada kartu KPJ ${masked}.`);
    const en = await call(siti.token, START, { cardId: oldCard, sebab: "PHK" }, { "accept-language": "en" });
    expect(en.userErrors[0]!.message).toBe(`A JHT claim cannot be made in JMO yet: you are still registered as active on card KPJ ${masked}.`);
    expect(await h.tdb.database.db.select().from(klaims)).toEqual([]);
  });
});

describe("no claim at Rp0 (finding 2)", () => {
  it("makes a paid-out card not eligible: SALDO_TERSEDIA fails and the limit check does not show as passed", async () => {
    const budi = await person([{ status: "NONAKTIF", ledger: LEDGER(5_000_000) }], { fullName: "Siti Rahayu" });
    const cardId = budi.cardIds[0]!;
    const klaim = await submitKlaim(budi, cardId);
    expect(await h.server.services.klaimWorker.runDue()).toBe(4);
    const [paid] = await h.tdb.database.db.select().from(klaims);
    expect(paid).toMatchObject({ nomor: klaim.nomor, status: "SELESAI" });

    // Paid out: the card's saldo is Rp0. Before issue 11 it stayed eligible and a second claim ran to SELESAI at Rp0.
    const e = await eligibility(budi.token, cardId);
    expect(e).toMatchObject({ eligible: false, channel: null, saldo: "0.00", totalSaldo: "0.00", jmoSaldoLimit: "15000000.00" });
    expect(e.byCode.SALDO_TERSEDIA).toMatchObject({ passed: false, message: "Saldo JHT kartu ini Rp0: tidak ada yang dapat diklaim." });
    // Finding 9: a Rp0 saldo is not a passed "not more than Rp10.000.000" check.
    expect(e.byCode.SALDO_MAKS_JMO).toMatchObject({ passed: false, message: "Tidak ada saldo JHT pada kartu ini untuk diklaim (batas klaim lewat JMO Rp15.000.000)." });
    expect(e.byCode.SALDO_MAKS_10_JUTA).toBeUndefined();

    const again = await call(budi.token, START, { cardId, sebab: "PHK" });
    expect(again.userErrors).toEqual([{ code: "KLAIM_NOT_ELIGIBLE", field: ["input", "cardId"], message: "Klaim JHT belum dapat diajukan lewat JMO: saldo JHT kartu ini Rp0." }]);
    expect(await h.tdb.database.db.select().from(klaims)).toHaveLength(1);
  });

  it("has the worker refuse a Rp0 claim at PENETAPAN, and a claim whose person works again on another card", async () => {
    // A Rp0 claim as the code before issue 11 could submit it: written straight into the database.
    const zero = await person([{ status: "NONAKTIF" }], { fullName: "Budi Santoso" });
    const [row] = await h.tdb.database.db
      .insert(klaims)
      .values({
        participantId: zero.participant.id,
        cardId: zero.cards[0]!.id,
        sebab: "PHK",
        status: "AGENDA",
        bankCode: "014",
        bankAccountNumber: "1234567890",
        bankAccountName: "BUDI SANTOSO",
        saldoSen: 0n,
        pajakSen: 0n,
        dibayarkanSen: 0n,
        taxRule: "PP68_2009",
        submittedAt: new Date(),
        nextActionAt: new Date(Date.now() - 1000),
      })
      .returning();
    await appendKlaimEvent(h.tdb.database.db, row!.id, "AGENDA", "Agenda Klaim", "participant");

    // A proper claim, then the person's other card becomes AKTIF (a new job) before penetapan.
    const siti = await person([{ status: "NONAKTIF", ledger: LEDGER(4_000_000) }, { status: "NONAKTIF", ledger: LEDGER(1_000_000) }]);
    const klaim = await submitKlaim(siti, siti.cardIds[0]!);
    await h.tdb.database.db.update(cards).set({ status: "AKTIF", nonaktifSince: null }).where(eq(cards.id, siti.cards[1]!.id));

    await h.server.services.klaimWorker.runDue();
    const rows = await h.tdb.database.db.select().from(klaims);
    const zeroRow = rows.find((r) => r.id === row!.id)!;
    expect(zeroRow).toMatchObject({ status: "DITOLAK", rejectionReason: "Saldo JHT yang diajukan Rp0: tidak ada yang dapat dibayarkan." });
    const sitiRow = rows.find((r) => r.nomor === klaim.nomor)!;
    expect(sitiRow.status).toBe("DITOLAK");
    expect(sitiRow.rejectionReason).toMatch(/^Syarat klaim JHT lewat JMO tidak lagi terpenuhi: Anda masih terdaftar aktif pada kartu KPJ \d{2}\*{7}\d{2}\.$/);
    // Nothing was paid for either.
    const statuses = (await h.tdb.database.db.select().from(klaimEvents)).map((e) => e.status);
    expect(statuses).not.toContain("PEMBAYARAN");
  });
});

describe("the limit on the participant's total saldo, dated (finding 3)", () => {
  it("sends two small cards whose total exceeds the limit to Lapak Asik", async () => {
    // Each card: 24 × 5.7% × Rp6,000,000 = Rp8,208,000 of contributions (+ development): each under Rp15 juta, both
    // together above it (KLAIM_JMO_SALDO_MAKS: Rp15,000,000 from 2025-05-01, press quoting BPJS Ketenagakerjaan).
    const p = await person([
      { status: "NONAKTIF", ledger: LEDGER(6_000_000) },
      { status: "NONAKTIF", ledger: LEDGER(6_000_000) },
    ]);
    const a = await eligibility(p.token, p.cardIds[0]!);
    const b = await eligibility(p.token, p.cardIds[1]!);
    expect(rupiahToSen(a.saldo)).toBeGreaterThan(820_800_000n);
    expect(rupiahToSen(a.saldo)).toBeLessThan(1_500_000_000n);
    expect(rupiahToSen(a.totalSaldo)).toBe(rupiahToSen(a.saldo) + rupiahToSen(b.saldo));
    expect(rupiahToSen(a.totalSaldo)).toBeGreaterThan(1_500_000_000n);
    for (const e of [a, b]) {
      // Before issue 11 each card was checked alone and both were eligible through JMO.
      expect(e).toMatchObject({ eligible: false, channel: "LAPAK_ASIK", jmoSaldoLimit: "15000000.00" });
      expect(e.byCode.SALDO_MAKS_JMO).toMatchObject({ passed: false, title: "Akumulasi saldo JHT maksimal Rp15.000.000" });
      expect(e.byCode.SALDO_MAKS_JMO!.message).toMatch(/^Akumulasi saldo JHT Anda \(semua kartu\) Rp[\d.,]+, lebih dari batas klaim lewat JMO Rp15\.000\.000\. Ajukan klaim melalui Lapak Asik/);
    }
  });

  it("uses Rp10 juta for a claim dated 2025-04-15 and Rp15 juta for one dated 2025-06-15", async () => {
    // 24 × 5.7% × Rp8,000,000 = Rp10,944,000 of contributions (+ development): between the two limits.
    const p = await person([{ status: "NONAKTIF", ledger: LEDGER(8_000_000) }]);
    const cardId = p.cardIds[0]!;
    const clock = h.server.services.klaimClock;
    try {
      clock.now = () => new Date("2025-04-15T10:00:00+07:00");
      const april = await eligibility(p.token, cardId);
      expect(rupiahToSen(april.totalSaldo)).toBeGreaterThan(1_094_400_000n);
      expect(rupiahToSen(april.totalSaldo)).toBeLessThan(1_500_000_000n);
      // KLAIM_JMO_SALDO_MAKS before 2025-05-01: Rp10,000,000 (seeds 001–003).
      expect(april).toMatchObject({ asOf: "2025-04-15", jmoSaldoLimit: "10000000.00", eligible: false, channel: "LAPAK_ASIK" });
      expect(april.byCode.SALDO_MAKS_JMO!.title).toBe("Akumulasi saldo JHT maksimal Rp10.000.000");
      expect(april.byCode.SALDO_MAKS_JMO!.message).toContain("lebih dari batas klaim lewat JMO Rp10.000.000");
      const start = await call(p.token, START, { cardId, sebab: "PHK" });
      expect(start.userErrors[0]!.message).toMatch(/^Klaim JHT belum dapat diajukan lewat JMO: akumulasi saldo JHT Rp[\d.,]+ lebih dari batas klaim JMO Rp10\.000\.000\.$/);

      clock.now = () => new Date("2025-06-15T10:00:00+07:00");
      // From 2025-05-01: Rp15,000,000 (press quoting BPJS Ketenagakerjaan, docs/domain/rules.md).
      const june = await eligibility(p.token, cardId, { "accept-language": "en" });
      expect(june).toMatchObject({ asOf: "2025-06-15", jmoSaldoLimit: "15000000.00", eligible: true, channel: "JMO" });
      expect(june.byCode.SALDO_MAKS_JMO).toMatchObject({ passed: true, title: "Total JHT saldo at most Rp15,000,000" });
      expect(june.byCode.SALDO_MAKS_JMO!.message).toMatch(/^Your total JHT saldo \(all cards\) is Rp[\d,.]+, not more than the JMO claim limit of Rp15,000,000\.$/);
      expect((await call(p.token, START, { cardId, sebab: "PHK" })).userErrors).toEqual([]);
    } finally {
      clock.now = () => new Date();
    }
  });
});

describe("one claim in progress per person", () => {
  it("refuses a second card's claim while the first card's claim is open", async () => {
    const p = await person([
      { status: "NONAKTIF", ledger: LEDGER(3_000_000) },
      { status: "NONAKTIF", ledger: LEDGER(3_000_000) },
    ]);
    const first = await call(p.token, START, { cardId: p.cardIds[0], sebab: "PHK" });
    expect(first.userErrors).toEqual([]);
    const e = await eligibility(p.token, p.cardIds[1]!);
    expect(e).toMatchObject({ eligible: false, channel: "JMO" });
    expect(e.byCode.TIDAK_ADA_KLAIM_BERJALAN).toMatchObject({ passed: false, message: expect.stringContaining(`Klaim JHT ${first.klaim.nomor} masih berjalan`) });
    const second = await call(p.token, START, { cardId: p.cardIds[1], sebab: "PHK" });
    expect(second.userErrors[0]!.message).toBe(`Klaim JHT belum dapat diajukan lewat JMO: klaim JHT ${first.klaim.nomor} masih berjalan.`);
    // The first card's own draft is resumed, not refused.
    expect((await call(p.token, START, { cardId: p.cardIds[0], sebab: "MENGUNDURKAN_DIRI" })).klaim).toMatchObject({ id: first.klaim.id });
    expect((await eligibility(p.token, p.cardIds[0]!)).eligible).toBe(true);
  });
});

describe("staff unblock (finding 9)", () => {
  it("gives the open claim draft its three KPJ attempts back, so one typo does not block again", async () => {
    const p = await person([{ status: "NONAKTIF", ledger: LEDGER(3_000_000) }]);
    const klaimId = (await call(p.token, START, { cardId: p.cardIds[0], sebab: "PHK" })).klaim.id as string;
    const wrong = p.cards[0]!.kpj.replace(/.$/, (d) => String((Number(d) + 1) % 10));
    for (let i = 0; i < 3; i += 1) await call(p.token, CONFIRM, { klaimId, kpj: wrong });
    const staff = await h.seed.staff();
    const { accessToken: staffToken } = await signIn(h.server.url, staff.email);
    const unblocked = await gql(h.server.url, UNBLOCK, { input: { accountId: p.accountId, note: "KTP diperiksa di kantor cabang" } }, { token: staffToken });
    expect(unblocked.data!.accountUnblock.userErrors).toEqual([]);

    const { accessToken: token } = await signIn(h.server.url, p.email!);
    // Before issue 11 the draft kept 3 used attempts: this typo blocked the account again.
    const typo = await call(token, CONFIRM, { klaimId, kpj: wrong });
    expect(typo.userErrors[0]).toMatchObject({ code: "KPJ_MISMATCH" });
    expect(typo.klaim.kpjAttemptsLeft).toBe(2);
    expect((await call(token, CONFIRM, { klaimId, kpj: p.cards[0]!.kpj })).userErrors).toEqual([]);
  });
});
