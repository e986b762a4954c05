import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { rupiahToSen } from "@jmo/schema";
import { accounts, klaimEvents, klaims } from "../src/db/schema.ts";
import { addDays } from "../src/seed/calendar.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { makeTestSelfie } from "./support/selfies.ts";
import { gql, LOGIN, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const KLAIM = /* GraphQL */ `
  fragment K on Klaim {
    id nomor sebab channel status onHold completedSteps nextStep kpjAttemptsLeft biometricAttemptsLeft
    card { id kpjMasked }
    rincian { saldo pajak dibayarkan npwpProvided taxRule }
    bankAccount { bankCode bankName accountNumberMasked accountName }
    paymentRail transferReference submittedAt completedAt rejectionReason createdAt
  }
`;
const PAYLOAD = `{ klaim { ...K } userErrors { code field message } }`;
const ELIGIBILITY = `query($cardId: ID!) { klaimJhtEligibility(cardId: $cardId) { eligible channel saldo checks { code passed message } openKlaim { ...K } } } ${KLAIM}`;
const START = `mutation($input: KlaimJhtStartInput!) { klaimJhtStart(input: $input) ${PAYLOAD} } ${KLAIM}`;
const CONFIRM = `mutation($input: KlaimJhtConfirmKepesertaanInput!) { klaimJhtConfirmKepesertaan(input: $input) ${PAYLOAD} } ${KLAIM}`;
const BIOMETRIC = `mutation($input: KlaimJhtVerifyBiometricInput!) { klaimJhtVerifyBiometric(input: $input) ${PAYLOAD} } ${KLAIM}`;
const REKENING = `mutation($input: KlaimJhtSetRekeningInput!) { klaimJhtSetRekening(input: $input) ${PAYLOAD} } ${KLAIM}`;
const SUBMIT = `mutation($input: KlaimJhtSubmitInput!) { klaimJhtSubmit(input: $input) ${PAYLOAD} } ${KLAIM}`;
const CANCEL = `mutation($input: KlaimCancelInput!) { klaimCancel(input: $input) ${PAYLOAD} } ${KLAIM}`;
const QUERY_KLAIM = `query($id: ID!) { klaim(id: $id) { ...K } } ${KLAIM}`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Klaim { nomor status } } }`;
const MY_KLAIMS = `query($first: Int!, $after: String) { me { klaims(first: $first, after: $after) { edges { cursor node { id nomor status } } pageInfo { hasNextPage endCursor } } } }`;
const STAFF_KLAIMS = `query($status: KlaimStatus, $first: Int!) { klaims(status: $status, first: $first) { edges { node { id status } } pageInfo { hasNextPage } } }`;

const BUDI_KPJ = "21017345678";
const BCA = { bankCode: "014", accountNumber: "1234567890", accountName: "budi  santoso" };

type Payload = { klaim: any; userErrors: Array<{ code: string; field: string[] | null; message: string }> };

async function call(token: string, query: string, input: unknown): Promise<Payload> {
  const res = await gql(h.server.url, query, { input }, { token });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Payload;
}

/** Like budi@example.com: NONAKTIF since 2024-12-31, pengkinian TERVERIFIKASI, 24 months at Rp5 juta (saldo ≈ Rp7 juta). */
async function budi(overrides: { email?: string; pengkinian?: "BELUM" | "TERVERIFIKASI"; wage?: number; months?: number; card?: object } = {}) {
  const p = await h.seed
    .participant({ fullName: "Budi Santoso", pengkinianStatus: overrides.pengkinian ?? "TERVERIFIKASI" })
    .withCard({ ...(overrides.email ? {} : { kpj: BUDI_KPJ }), status: "NONAKTIF", registeredAt: "2023-01-01", nonaktifSince: "2024-12-31", ...overrides.card })
    .withAccount(overrides.email ? { email: overrides.email } : {})
    .build();
  await h.seed.contributionsFor(p.cards[0]!.id, { from: "2023-01", months: overrides.months ?? 24, wage: overrides.wage ?? 5_000_000 });
  const { accessToken: token } = await signIn(h.server.url, p.email!);
  const cardId = (await gql(h.server.url, `{ me { cards { id } } }`, {}, { token })).data!.me.cards[0].id as string;
  return { ...p, token, cardId, kpj: p.cards[0]!.kpj };
}

async function eligibility(token: string, cardId: string, headers: Record<string, string> = {}) {
  const res = await gql(h.server.url, ELIGIBILITY, { cardId }, { token, headers });
  expect(res.errors).toBeUndefined();
  return res.data!.klaimJhtEligibility;
}

/** Start, KPJ, selfie and rekening done: ready to submit. */
async function ready(p: { token: string; cardId: string; kpj: string }, npwp: string | null = "01.312.166.0-091.000") {
  const started = await call(p.token, START, { cardId: p.cardId, sebab: "MENGUNDURKAN_DIRI" });
  expect(started.userErrors).toEqual([]);
  const klaimId = started.klaim.id as string;
  expect((await call(p.token, CONFIRM, { klaimId, kpj: p.kpj })).userErrors).toEqual([]);
  expect((await call(p.token, BIOMETRIC, { klaimId, selfie: makeTestSelfie() })).userErrors).toEqual([]);
  const rekening = await call(p.token, REKENING, { klaimId, npwp, bankAccount: BCA });
  expect(rekening.userErrors).toEqual([]);
  return rekening.klaim;
}

const codes = (checks: Array<{ code: string; passed: boolean }>) => Object.fromEntries(checks.map((c) => [c.code, c.passed]));

describe("klaim JHT eligibility", () => {
  it("is all green for a budi-like card: channel JMO, the saldo, no open claim", async () => {
    const p = await budi();
    const e = await eligibility(p.token, p.cardId);
    expect(e).toMatchObject({ eligible: true, channel: "JMO", openKlaim: null });
    // Issue 11: seven checks, SALDO_MAKS_JMO in place of the deprecated SALDO_MAKS_10_JUTA.
    expect(codes(e.checks)).toEqual({ SALDO_MAKS_JMO: true, PENGKINIAN_SELESAI: true, STATUS_NONAKTIF: true, MASA_TUNGGU_1_BULAN: true, TIDAK_BEKERJA_DI_TEMPAT_LAIN: true, SALDO_TERSEDIA: true, TIDAK_ADA_KLAIM_BERJALAN: true });
    expect(rupiahToSen(e.saldo)).toBeGreaterThan(0n);
    expect(rupiahToSen(e.saldo)).toBeLessThanOrEqual(1_000_000_000n);
    const saldo = (await gql(h.server.url, `{ me { cards { saldoJht { total } } } }`, {}, { token: p.token })).data!.me.cards[0].saldoJht.total;
    expect(e.saldo).toBe(saldo);
  });

  it("sends an agus-like card (saldo above the Rp15 juta JMO limit of today) to Lapak Asik", async () => {
    // 24 × 5.7% × Rp15,000,000 = Rp20,520,000 of contributions (2023–2024, before the card stopped): above Rp15 juta.
    // (It used to be 60 months from 2023, i.e. contributions into 2027, after the card stopped and beyond the JP caps.)
    const p = await budi({ wage: 15_000_000 });
    const e = await eligibility(p.token, p.cardId);
    expect(e).toMatchObject({ eligible: false, channel: "LAPAK_ASIK" });
    expect(codes(e.checks)).toMatchObject({ SALDO_MAKS_JMO: false, PENGKINIAN_SELESAI: true, STATUS_NONAKTIF: true });
    expect(e.checks.find((c: any) => c.code === "SALDO_MAKS_JMO").message).toContain("Lapak Asik");
    const en = await eligibility(p.token, p.cardId, { "accept-language": "en" });
    expect(en.checks[0].message).toMatch(/^Your total JHT saldo \(all cards\) is Rp[\d,.]+, more than the JMO claim limit of Rp15,000,000\. Claim through Lapak Asik/);
    const start = await call(p.token, START, { cardId: p.cardId, sebab: "PHK" });
    expect(start).toMatchObject({ klaim: null, userErrors: [{ code: "KLAIM_NOT_ELIGIBLE", field: ["input", "cardId"] }] });
    // In words, not codes (issue 11, finding 9).
    expect(start.userErrors[0]!.message).toMatch(/^Klaim JHT belum dapat diajukan lewat JMO: akumulasi saldo JHT Rp[\d.,]+ lebih dari batas klaim JMO Rp15\.000\.000\.$/);
  });

  it("fails the pengkinian check for a dewi-like participant, who is sent to pengkinian in the app", async () => {
    const p = await budi({ pengkinian: "BELUM" });
    const e = await eligibility(p.token, p.cardId);
    expect(e).toMatchObject({ eligible: false, channel: "JMO" });
    expect(codes(e.checks)).toEqual({ ...{ SALDO_MAKS_JMO: true, PENGKINIAN_SELESAI: true, STATUS_NONAKTIF: true, MASA_TUNGGU_1_BULAN: true, TIDAK_BEKERJA_DI_TEMPAT_LAIN: true, SALDO_TERSEDIA: true, TIDAK_ADA_KLAIM_BERJALAN: true }, PENGKINIAN_SELESAI: false });
    expect(e.checks[1].message).toContain("Pengkinian Data di aplikasi JMO");
    expect((await call(p.token, START, { cardId: p.cardId, sebab: "PHK" })).userErrors[0]?.code).toBe("KLAIM_NOT_ELIGIBLE");
    expect(await h.tdb.database.db.select().from(klaims)).toEqual([]);
  });

  it("refuses an AKTIF card (branch office for other grounds) and a card in its first NONAKTIF month (no channel yet)", async () => {
    const aktif = await budi({ card: { status: "AKTIF", nonaktifSince: null } });
    const e = await eligibility(aktif.token, aktif.cardId);
    expect(e).toMatchObject({ eligible: false, channel: "KANTOR_CABANG" });
    expect(codes(e.checks)).toMatchObject({ STATUS_NONAKTIF: false, MASA_TUNGGU_1_BULAN: false });
    expect(e.checks[2].message).toContain("kantor cabang");

    const since = addDays(todayWib(), -10);
    const recent = await budi({ email: "baru@example.test", card: { nonaktifSince: since } });
    const r = await eligibility(recent.token, recent.cardId);
    expect(r).toMatchObject({ eligible: false, channel: null });
    expect(codes(r.checks)).toMatchObject({ STATUS_NONAKTIF: true, MASA_TUNGGU_1_BULAN: false });
    expect(r.checks[3].message).toMatch(/mulai \d{4}-\d{2}-\d{2}/);
  });

  it("is for the card's owner or staff only", async () => {
    const p = await budi();
    const other = await budi({ email: "lain@example.test" });
    expect((await gql(h.server.url, ELIGIBILITY, { cardId: p.cardId }, { token: other.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const staff = await h.seed.staff();
    const { accessToken: staffToken } = await signIn(h.server.url, staff.email);
    expect((await eligibility(staffToken, p.cardId)).eligible).toBe(true);
  });
});

describe("klaim JHT submission", () => {
  it("takes a budi-like participant from start to AGENDA over HTTP, with the rincian locked and event 1 stored", async () => {
    const p = await budi();
    const started = await call(p.token, START, { cardId: p.cardId, sebab: "MENGUNDURKAN_DIRI" });
    expect(started.userErrors).toEqual([]);
    expect(started.klaim).toMatchObject({
      status: "DRAFT",
      sebab: "MENGUNDURKAN_DIRI",
      channel: "JMO",
      nextStep: "KEPESERTAAN",
      completedSteps: [],
      kpjAttemptsLeft: 3,
      rincian: null,
      card: { id: p.cardId },
    });
    expect(started.klaim.nomor).toMatch(/^JHT-\d{8}-\d{6}$/);
    const klaimId = started.klaim.id;
    // Starting again resumes the same draft (with the reason now chosen).
    const again = await call(p.token, START, { cardId: p.cardId, sebab: "PHK" });
    expect(again.klaim).toMatchObject({ id: klaimId, sebab: "PHK" });

    // Out of order: nothing changes.
    const early = await call(p.token, REKENING, { klaimId, npwp: null, bankAccount: BCA });
    expect(early.userErrors[0]).toMatchObject({ code: "STEP_OUT_OF_ORDER" });
    expect(early.klaim).toMatchObject({ id: klaimId, completedSteps: [] });
    expect((await call(p.token, SUBMIT, { klaimId, consent: true, idempotencyKey: "kunci-awal-0001" })).userErrors[0]?.code).toBe("STEP_OUT_OF_ORDER");

    expect((await call(p.token, CONFIRM, { klaimId, kpj: p.kpj })).klaim).toMatchObject({ completedSteps: ["KEPESERTAAN"], nextStep: "BIOMETRIK" });
    expect((await call(p.token, BIOMETRIC, { klaimId, selfie: makeTestSelfie() })).klaim).toMatchObject({ nextStep: "REKENING" });
    const badRekening = await call(p.token, REKENING, { klaimId, npwp: "12345", bankAccount: { ...BCA, accountName: "Orang Lain" } });
    expect(badRekening.userErrors.map((e) => [e.code, e.field])).toEqual([
      ["INVALID_NPWP", ["input", "npwp"]],
      ["ACCOUNT_NAME_MISMATCH", ["input", "bankAccount", "accountName"]],
    ]);
    const rekening = await call(p.token, REKENING, { klaimId, npwp: null, bankAccount: BCA });
    expect(rekening.userErrors).toEqual([]);
    const saldo = (await eligibility(p.token, p.cardId)).saldo;
    expect(rekening.klaim).toMatchObject({
      nextStep: "KONFIRMASI",
      // Below Rp50 juta the tax is 0%, with or without NPWP.
      rincian: { saldo, pajak: "0.00", dibayarkan: saldo, npwpProvided: false, taxRule: "PP68_2009" },
      bankAccount: { bankCode: "014", bankName: "Bank Central Asia (BCA)", accountNumberMasked: "******7890", accountName: "budi santoso" },
    });

    const noConsent = await call(p.token, SUBMIT, { klaimId, consent: false, idempotencyKey: "kunci-budi-0001" });
    expect(noConsent.userErrors[0]).toMatchObject({ code: "KLAIM_CONSENT_REQUIRED", field: ["input", "consent"] });
    const submitted = await call(p.token, SUBMIT, { klaimId, consent: true, idempotencyKey: "kunci-budi-0001" });
    expect(submitted.userErrors).toEqual([]);
    expect(submitted.klaim).toMatchObject({ id: klaimId, status: "AGENDA", nextStep: null, completedSteps: ["KEPESERTAAN", "BIOMETRIK", "REKENING", "KONFIRMASI"] });
    expect(submitted.klaim.submittedAt).toEqual(expect.any(String));

    const [row] = await h.tdb.database.db.select().from(klaims);
    expect(row).toMatchObject({ status: "AGENDA", saldoSen: rupiahToSen(saldo), pajakSen: 0n, dibayarkanSen: rupiahToSen(saldo), lastSequence: 1, idempotencyKey: "kunci-budi-0001" });
    expect(row!.nextActionAt).toBeInstanceOf(Date);
    expect(row!.consentAt).toBeInstanceOf(Date);
    const events = await h.tdb.database.db.select().from(klaimEvents).where(eq(klaimEvents.klaimId, row!.id));
    expect(events).toEqual([expect.objectContaining({ sequence: 1, status: "AGENDA", actor: "participant" })]);

    // Steps after submit are refused; the claim shows in lists, by id, through node and as the card's open claim.
    expect((await call(p.token, REKENING, { klaimId, npwp: null, bankAccount: BCA })).userErrors[0]?.code).toBe("KLAIM_NOT_DRAFT");
    expect((await call(p.token, START, { cardId: p.cardId, sebab: "PHK" })).userErrors[0]?.code).toBe("KLAIM_IN_PROGRESS");
    expect((await gql(h.server.url, QUERY_KLAIM, { id: klaimId }, { token: p.token })).data!.klaim).toMatchObject({ id: klaimId, status: "AGENDA" });
    expect((await gql(h.server.url, NODE, { id: klaimId }, { token: p.token })).data!.node).toMatchObject({ id: klaimId, status: "AGENDA" });
    expect((await eligibility(p.token, p.cardId)).openKlaim).toMatchObject({ id: klaimId });
    const list = (await gql(h.server.url, MY_KLAIMS, { first: 10 }, { token: p.token })).data!.me.klaims;
    expect(list).toMatchObject({ edges: [{ node: { id: klaimId, status: "AGENDA" } }], pageInfo: { hasNextPage: false } });
  });

  it("blocks the account on the third wrong KPJ; a malformed KPJ uses no attempt", async () => {
    const p = await budi();
    const klaimId = (await call(p.token, START, { cardId: p.cardId, sebab: "PHK" })).klaim.id;
    const wrong = p.kpj.replace(/.$/, (d) => String((Number(d) + 1) % 10));
    const first = await call(p.token, CONFIRM, { klaimId, kpj: wrong });
    expect(first.userErrors[0]).toMatchObject({ code: "KPJ_MISMATCH", field: ["input", "kpj"] });
    expect(first.klaim.kpjAttemptsLeft).toBe(2);
    const format = await call(p.token, CONFIRM, { klaimId, kpj: "21*******78" });
    expect(format.userErrors[0]?.code).toBe("KPJ_FORMAT");
    expect(format.klaim.kpjAttemptsLeft).toBe(2);
    expect((await call(p.token, CONFIRM, { klaimId, kpj: wrong })).klaim.kpjAttemptsLeft).toBe(1);
    const third = await call(p.token, CONFIRM, { klaimId, kpj: wrong });
    expect(third.userErrors).toEqual([{ code: "ACCOUNT_BLOCKED", field: null, message: expect.stringContaining("175") }]);

    const login = await gql(h.server.url, LOGIN, { input: { identifier: p.email, password: TEST_PASSWORD } });
    expect(login.data?.login).toMatchObject({ accessToken: null, userErrors: [{ code: "ACCOUNT_BLOCKED" }] });
    const [account] = await h.tdb.database.db.select().from(accounts).where(eq(accounts.id, p.accountId!));
    expect(account).toMatchObject({ blockedReason: "KPJ_STRIKES", blockedAt: expect.any(Date) });
  });

  it("returns the same claim for the same idempotency key, also after submission; a key of another claim is refused", async () => {
    const p = await budi();
    const klaim = await ready(p);
    const input = { klaimId: klaim.id, consent: true, idempotencyKey: "0f8e2c8a-5b1d-4e3a-9a77-3b4c5d6e7f80" };
    const first = await call(p.token, SUBMIT, input);
    const second = await call(p.token, SUBMIT, input);
    expect(first.userErrors).toEqual([]);
    expect(second).toEqual(first);
    expect(await h.tdb.database.db.select().from(klaimEvents)).toHaveLength(1);
    // A different key for the submitted claim, and the used key for another claim.
    expect((await call(p.token, SUBMIT, { ...input, idempotencyKey: "kunci-lain-0002" })).userErrors[0]?.code).toBe("KLAIM_NOT_DRAFT");
    expect((await call(p.token, CANCEL, { klaimId: klaim.id })).klaim.status).toBe("DIBATALKAN");
    const next = await ready(p);
    expect(next.id).not.toBe(klaim.id);
    expect((await call(p.token, SUBMIT, { ...input, klaimId: next.id })).userErrors[0]).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: ["input", "idempotencyKey"] });
    expect((await call(p.token, SUBMIT, { ...input, klaimId: next.id, idempotencyKey: "pendek" })).userErrors[0]?.code).toBe("IDEMPOTENCY_KEY_INVALID");
  });

  it("makes one claim from two submits fired at once with different keys; the other gets a userError", async () => {
    const p = await budi();
    const klaim = await ready(p);
    const results = await Promise.all(
      ["kunci-paralel-aaaa", "kunci-paralel-bbbb"].map((idempotencyKey) => call(p.token, SUBMIT, { klaimId: klaim.id, consent: true, idempotencyKey })),
    );
    const ok = results.filter((r) => r.userErrors.length === 0);
    const refused = results.filter((r) => r.userErrors.length > 0);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.userErrors[0]?.code).toBe("KLAIM_NOT_DRAFT");
    expect(refused[0]!.klaim).toMatchObject({ id: klaim.id, status: "AGENDA" });
    const rows = await h.tdb.database.db.select().from(klaims).where(eq(klaims.cardId, p.cards[0]!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "AGENDA", lastSequence: 1 });
    expect(await h.tdb.database.db.select().from(klaimEvents)).toHaveLength(1);
  });

  it("keeps the NPWP's digits and shows only that one was given (tax figures: tax.test.ts)", async () => {
    const p = await budi();
    const withNpwp = await ready(p, "01.312.166.0-091.000");
    expect(withNpwp.rincian).toMatchObject({ npwpProvided: true, pajak: "0.00" });
    const [row] = await h.tdb.database.db.select().from(klaims);
    expect(row!.npwp).toBe("013121660091000");
  });

  it("lets only the owner read, cancel or reach the claim (node); staff read it and list claims by status", async () => {
    const p = await budi();
    const klaim = await ready(p);
    await call(p.token, SUBMIT, { klaimId: klaim.id, consent: true, idempotencyKey: "kunci-pemilik-01" });
    const other = await budi({ email: "orang.lain@example.test" });
    const forbiddenCode = async (query: string, variables: Record<string, unknown>) =>
      (await gql(h.server.url, query, variables, { token: other.token })).errors?.[0]?.extensions?.code;
    expect(await forbiddenCode(QUERY_KLAIM, { id: klaim.id })).toBe("FORBIDDEN");
    expect(await forbiddenCode(NODE, { id: klaim.id })).toBe("FORBIDDEN");
    expect(await forbiddenCode(CANCEL, { input: { klaimId: klaim.id } })).toBe("FORBIDDEN");
    expect(await forbiddenCode(SUBMIT, { input: { klaimId: klaim.id, consent: true, idempotencyKey: "kunci-pemilik-01" } })).toBe("FORBIDDEN");
    expect((await gql(h.server.url, STAFF_KLAIMS, { first: 5 }, { token: other.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [row] = await h.tdb.database.db.select().from(klaims);
    expect(row!.status).toBe("AGENDA");

    const staff = await h.seed.staff();
    const { accessToken: staffToken } = await signIn(h.server.url, staff.email);
    expect((await gql(h.server.url, QUERY_KLAIM, { id: klaim.id }, { token: staffToken })).data!.klaim).toMatchObject({ id: klaim.id });
    const agenda = await gql(h.server.url, STAFF_KLAIMS, { status: "AGENDA", first: 5 }, { token: staffToken });
    expect(agenda.data!.klaims.edges).toEqual([{ node: { id: klaim.id, status: "AGENDA" } }]);
    expect((await gql(h.server.url, STAFF_KLAIMS, { status: "SELESAI", first: 5 }, { token: staffToken })).data!.klaims.edges).toEqual([]);
  });

  it("cancels until payment starts, with an event; later it answers KLAIM_NOT_CANCELLABLE", async () => {
    const p = await budi();
    const klaim = await ready(p);
    await call(p.token, SUBMIT, { klaimId: klaim.id, consent: true, idempotencyKey: "kunci-batal-0001" });
    const cancelled = await call(p.token, CANCEL, { klaimId: klaim.id });
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.klaim).toMatchObject({ status: "DIBATALKAN" });
    const events = await h.tdb.database.db.select().from(klaimEvents).orderBy(asc(klaimEvents.sequence));
    expect(events.map((e) => [e.sequence, e.status])).toEqual([[1, "AGENDA"], [2, "DIBATALKAN"]]);
    expect((await call(p.token, CANCEL, { klaimId: klaim.id })).userErrors[0]?.code).toBe("KLAIM_NOT_CANCELLABLE");

    // A new claim for the card, once payment has started (set in the database): not cancellable.
    const second = await ready(p);
    await call(p.token, SUBMIT, { klaimId: second.id, consent: true, idempotencyKey: "kunci-batal-0002" });
    const rows = await h.tdb.database.db.select().from(klaims).where(eq(klaims.status, "AGENDA"));
    await h.tdb.database.db.update(klaims).set({ status: "PEMBAYARAN" }).where(eq(klaims.id, rows[0]!.id));
    const late = await call(p.token, CANCEL, { klaimId: second.id });
    expect(late.userErrors[0]).toMatchObject({ code: "KLAIM_NOT_CANCELLABLE" });
    expect(late.klaim).toMatchObject({ id: second.id, status: "PEMBAYARAN" });
    // Newest first.
    const list = (await gql(h.server.url, MY_KLAIMS, { first: 1 }, { token: p.token })).data!.me.klaims;
    expect(list.edges.map((e: any) => e.node.id)).toEqual([second.id]);
    const rest = (await gql(h.server.url, MY_KLAIMS, { first: 1, after: list.pageInfo.endCursor }, { token: p.token })).data!.me.klaims;
    expect(rest).toMatchObject({ edges: [{ node: { id: klaim.id } }], pageInfo: { hasNextPage: false } });
  });
});
