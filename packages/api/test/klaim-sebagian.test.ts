import { describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { rupiahToSen } from "@jmo/schema";
import { bankTransfers, cards, jhtWithdrawals, klaimDokumen, klaims, pengaduanAttachmentBlobs } from "../src/db/schema.ts";
import { rincianFor } from "../src/modules/klaim/klaim-sebagian.service.ts";
import { masaKepesertaan } from "../src/modules/klaim/klaim-sebagian-eligibility.ts";
import { addMonths } from "../src/seed/calendar.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { useServerHarness } from "./support/harness.ts";
import { makeTestSelfie } from "./support/selfies.ts";
import { gql, signIn } from "./support/test-server.ts";
import { collect, wsClient } from "./support/ws-client.ts";

const h = useServerHarness();
const db = () => h.tdb.database.db;
const worker = () => h.server.services.klaimWorker;
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

const STATUS_CHANGED = `subscription($klaimId: ID!, $afterSequence: Int) { klaimStatusChanged(klaimId: $klaimId, afterSequence: $afterSequence) { sequence status note } }`;
const ELIGIBILITY = `query($c: ID!, $j: JenisKlaim!) { klaimJhtSebagianEligibility(cardId: $c, jenis: $j) {
  eligible persentase saldo jumlah jmoLimit asOf dokumenRequired
  masaKepesertaan { since years months tenYearsOn remainingYears remainingMonths }
  checks { code passed message } } }`;
const PAYLOAD = `{ klaim { id nomor status jenis sebab nextStep rincian { saldo persentase jumlah pajak dibayarkan } dokumen { fileName type sizeBytes } } userErrors { code field message } }`;
const M = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) ${PAYLOAD} }`;
const START = M("klaimJhtSebagianStart", "KlaimJhtSebagianStartInput");
const ADD_DOC = M("klaimJhtSebagianAddDocument", "KlaimJhtSebagianAddDocumentInput");

const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const html = () => Buffer.from("<html><body>surat keterangan KPR</body></html>", "latin1");

async function mutate(token: string, query: string, input: unknown) {
  const res = await gql(h.server.url, query, { input }, { token });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as { klaim: any; userErrors: any[] };
}

/** A member since March 2014, still AKTIF, pengkinian verified, a small wage (so the rest fits the JMO limit later). */
async function hendraLike(opts: { registeredAt?: string; pengkinian?: "TERVERIFIKASI" | "BELUM"; wage?: number; cards?: number } = {}) {
  const registeredAt = opts.registeredAt ?? "2014-03-03";
  let builder = h.seed.participant({ fullName: "Hendra Gunawan", pengkinianStatus: opts.pengkinian ?? "TERVERIFIKASI" });
  for (let i = 0; i < (opts.cards ?? 1); i++) builder = builder.withCard({ status: "AKTIF", registeredAt });
  const p = await builder.withAccount().build();
  for (const card of p.cards) await h.seed.contributionsFor(card.id, { from: registeredAt.slice(0, 7), months: 120, wage: opts.wage ?? 1_000_000 });
  const { accessToken: token } = await signIn(h.server.url, p.email!);
  const cardIds = (await gql(h.server.url, `{ me { cards { id } } }`, {}, { token })).data!.me.cards.map((c: { id: string }) => c.id) as string[];
  return { ...p, token, cardId: cardIds[0]!, cardIds };
}

async function saldoOf(token: string) {
  return (await gql(h.server.url, `{ me { saldoJht { total penarikan } } }`, {}, { token })).data!.me.saldoJht as { total: string; penarikan: string };
}

/** KEPESERTAAN, BIOMETRIK and REKENING (BCA, real time), as the full claim. */
async function gates(token: string, klaimId: string, kpj: string) {
  expect((await mutate(token, M("klaimJhtConfirmKepesertaan", "KlaimJhtConfirmKepesertaanInput"), { klaimId, kpj })).userErrors).toEqual([]);
  expect((await mutate(token, M("klaimJhtVerifyBiometric", "KlaimJhtVerifyBiometricInput"), { klaimId, selfie: makeTestSelfie() })).userErrors).toEqual([]);
  const rekening = await mutate(token, M("klaimJhtSetRekening", "KlaimJhtSetRekeningInput"), {
    klaimId,
    bankAccount: { bankCode: "014", accountNumber: "2740112233", accountName: "Hendra Gunawan" },
  });
  expect(rekening.userErrors).toEqual([]);
  return rekening.klaim;
}

describe("klaim JHT sebagian end to end (HTTP + WebSocket)", () => {
  it("takes 10%: the saldo drops by exactly the amount after SELESAI; a second partial claim is refused; a later full claim pays the rest", async () => {
    const m = await hendraLike();
    const before = await saldoOf(m.token);
    const check = (await gql(h.server.url, ELIGIBILITY, { c: m.cardId, j: "SEBAGIAN_10" }, { token: m.token })).data!.klaimJhtSebagianEligibility;
    expect(check.checks.map((c: { code: string; passed: boolean }) => [c.code, c.passed])).toEqual([
      ["MASA_KEPESERTAAN_10_TAHUN", true],
      ["BELUM_PERNAH_KLAIM_SEBAGIAN", true],
      ["PENGKINIAN_SELESAI", true],
      ["SALDO_TERSEDIA", true],
      ["JUMLAH_MAKS_JMO", true],
      ["TIDAK_ADA_KLAIM_BERJALAN", true],
    ]);
    // 10% of the saldo, rounded down to the sen.
    const saldoSen = rupiahToSen(before.total);
    expect(check).toMatchObject({ eligible: true, persentase: 10, saldo: before.total, dokumenRequired: false, jmoLimit: "15000000.00" });
    expect(rupiahToSen(check.jumlah)).toBe((saldoSen * 10n) / 100n);
    expect(check.masaKepesertaan).toMatchObject({ since: "2014-03-03", tenYearsOn: "2024-03-03", remainingYears: 0, remainingMonths: 0 });

    const started = await mutate(m.token, START, { cardId: m.cardId, jenis: "SEBAGIAN_10" });
    expect(started).toMatchObject({ klaim: { status: "DRAFT", jenis: "SEBAGIAN_10", sebab: "KEPERLUAN_LAIN", nextStep: "KEPESERTAAN" }, userErrors: [] });
    const klaimId = started.klaim.id as string;
    // The 10% claim takes no documents.
    expect((await mutate(m.token, ADD_DOC, { klaimId, fileName: "kpr.pdf", type: "PDF", contentBase64: pdf().toString("base64") })).userErrors[0]).toMatchObject({ code: "KLAIM_DOKUMEN_NOT_ALLOWED" });
    const rekening = await gates(m.token, klaimId, m.cards[0]!.kpj);
    expect(rekening.rincian).toEqual({ saldo: before.total, persentase: 10, jumlah: check.jumlah, pajak: "0.00", dibayarkan: check.jumlah });

    const phone = wsClient(h.server.url, m.token);
    const live = collect(phone, STATUS_CHANGED, { klaimId, afterSequence: 0 });
    await settle();
    const submitted = await mutate(m.token, M("klaimJhtSubmit", "KlaimJhtSubmitInput"), { klaimId, consent: true, idempotencyKey: "hendra-10-0001" });
    expect(submitted).toMatchObject({ klaim: { status: "AGENDA" }, userErrors: [] });
    expect((await live.next(1)).data.klaimStatusChanged).toMatchObject({ sequence: 1, status: "AGENDA", note: "Klaim JHT sebagian 10% diajukan melalui JMO" });
    expect(await worker().runDue()).toBe(4);
    await live.next(5);
    await settle();
    expect(live.completed).toBe(true);
    expect(live.results.map((r) => r.data.klaimStatusChanged.status)).toEqual(["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"]);

    // Exactly the amount left the saldo: total before − total after = jumlah, shown as penarikan.
    const after = await saldoOf(m.token);
    expect(saldoSen - rupiahToSen(after.total)).toBe(rupiahToSen(check.jumlah));
    expect(after.penarikan).toBe(check.jumlah);
    expect(await db().select().from(jhtWithdrawals)).toMatchObject([{ amountSen: rupiahToSen(check.jumlah), reference: submitted.klaim.nomor, paidOn: todayWib() }]);
    expect(await db().select().from(bankTransfers)).toMatchObject([{ status: "PAID", amountSen: rupiahToSen(check.jumlah), bankCode: "014" }]);

    // Once per membership: the 30% (and another 10%) is refused, the check says why.
    const again = await mutate(m.token, START, { cardId: m.cardId, jenis: "SEBAGIAN_30" });
    expect(again.userErrors).toEqual([{ code: "KLAIM_SEBAGIAN_SUDAH_PERNAH", field: ["input", "cardId"], message: expect.stringContaining(submitted.klaim.nomor) }]);
    expect(again.klaim).toBeNull();
    const recheck = (await gql(h.server.url, ELIGIBILITY, { c: m.cardId, j: "SEBAGIAN_10" }, { token: m.token })).data!.klaimJhtSebagianEligibility;
    expect(recheck.eligible).toBe(false);
    expect(recheck.checks.find((c: { code: string }) => c.code === "BELUM_PERNAH_KLAIM_SEBAGIAN")).toMatchObject({ passed: false, message: expect.stringContaining("satu kali") });
    expect(await db().select().from(klaims)).toHaveLength(1);

    // He resigns; two months later the full claim pays the rest of the saldo, and nothing is left.
    await db().update(cards).set({ status: "NONAKTIF", nonaktifSince: addMonths(todayWib(), -2) }).where(eq(cards.id, m.cards[0]!.id));
    const rest = await saldoOf(m.token);
    const full = await mutate(m.token, M("klaimJhtStart", "KlaimJhtStartInput"), { cardId: m.cardId, sebab: "MENGUNDURKAN_DIRI" });
    expect(full.userErrors).toEqual([]);
    const fullRekening = await gates(m.token, full.klaim.id, m.cards[0]!.kpj);
    expect(fullRekening.rincian).toMatchObject({ saldo: rest.total, persentase: 100, jumlah: rest.total });
    expect((await mutate(m.token, M("klaimJhtSubmit", "KlaimJhtSubmitInput"), { klaimId: full.klaim.id, consent: true, idempotencyKey: "hendra-full-0001" })).userErrors).toEqual([]);
    expect(await worker().runDue()).toBe(4);
    expect(await saldoOf(m.token)).toEqual({ total: "0.00", penarikan: senToRupiah(saldoSen) });
    phone.dispose();
  });

  it("refuses a 30% claim without the bank's document, refuses a file whose bytes are not its type, and takes it with the document", async () => {
    const m = await hendraLike();
    const check = (await gql(h.server.url, ELIGIBILITY, { c: m.cardId, j: "SEBAGIAN_30" }, { token: m.token })).data!.klaimJhtSebagianEligibility;
    expect(check).toMatchObject({ eligible: true, persentase: 30, dokumenRequired: true });
    const started = await mutate(m.token, START, { cardId: m.cardId, jenis: "SEBAGIAN_30" });
    expect(started.klaim).toMatchObject({ jenis: "SEBAGIAN_30", sebab: "PEMILIKAN_RUMAH" });
    const klaimId = started.klaim.id as string;
    await gates(m.token, klaimId, m.cards[0]!.kpj);
    const SUBMIT = M("klaimJhtSubmit", "KlaimJhtSubmitInput");

    const refused = await mutate(m.token, SUBMIT, { klaimId, consent: true, idempotencyKey: "hendra-30-0001" });
    expect(refused.userErrors).toEqual([{ code: "KLAIM_DOKUMEN_REQUIRED", field: ["input", "klaimId"], message: expect.stringContaining("dokumen perumahan") }]);
    expect(refused.klaim).toMatchObject({ status: "DRAFT" });

    // An HTML page named and declared as a PDF: refused by its bytes, nothing stored.
    const fake = await mutate(m.token, ADD_DOC, { klaimId, fileName: "surat-kpr.pdf", type: "PDF", contentBase64: html().toString("base64") });
    expect(fake.userErrors[0]).toMatchObject({ code: "KLAIM_DOKUMEN_TYPE_MISMATCH", field: ["input", "contentBase64"] });
    expect(await db().select().from(klaimDokumen)).toHaveLength(0);
    // Over 2 MB: refused before decoding.
    const big = await mutate(m.token, ADD_DOC, { klaimId, fileName: "besar.pdf", type: "PDF", contentBase64: "A".repeat(3 * 1024 * 1024) });
    expect(big.userErrors[0]).toMatchObject({ code: "KLAIM_DOKUMEN_TOO_LARGE" });

    const added = await mutate(m.token, ADD_DOC, { klaimId, fileName: "C:\\scan\\surat-keterangan-kpr.pdf", type: "PDF", contentBase64: pdf().toString("base64") });
    expect(added.userErrors).toEqual([]);
    expect(added.klaim.dokumen).toEqual([{ fileName: "surat-keterangan-kpr.pdf", type: "PDF", sizeBytes: pdf().length }]);
    const [stored] = await db().select().from(klaimDokumen);
    // The bytes are behind the attachments port (the database store by default), under the claim's key.
    const [blob] = await db().select().from(pengaduanAttachmentBlobs).where(eq(pengaduanAttachmentBlobs.key, stored!.storageKey));
    expect(Buffer.from(blob!.bytes).equals(pdf())).toBe(true);
    expect(stored!.storageKey.startsWith("klaim/")).toBe(true);

    const submitted = await mutate(m.token, SUBMIT, { klaimId, consent: true, idempotencyKey: "hendra-30-0001" });
    expect(submitted).toMatchObject({ klaim: { status: "AGENDA", rincian: { persentase: 30, jumlah: check.jumlah } }, userErrors: [] });
    expect(await worker().runDue()).toBe(4);
    const row = (await db().select().from(klaims))[0]!;
    expect(row).toMatchObject({ status: "SELESAI", jumlahSen: rupiahToSen(check.jumlah) });
    expect(rupiahToSen(check.jumlah)).toBe((rupiahToSen(check.saldo) * 30n) / 100n);
  });

  it("tells a member below 10 years how long is left, and refuses the start", async () => {
    h.server.services.klaimClock = { now: () => new Date("2026-12-01T05:00:00Z") };
    try {
      const m = await hendraLike({ registeredAt: "2019-06-15" });
      const check = (await gql(h.server.url, ELIGIBILITY, { c: m.cardId, j: "SEBAGIAN_10" }, { token: m.token })).data!.klaimJhtSebagianEligibility;
      expect(check.eligible).toBe(false);
      expect(check.masaKepesertaan).toEqual({ since: "2019-06-15", years: 7, months: 5, tenYearsOn: "2029-06-15", remainingYears: 2, remainingMonths: 7 });
      const masa = check.checks.find((c: { code: string }) => c.code === "MASA_KEPESERTAAN_10_TAHUN");
      expect(masa).toEqual({
        code: "MASA_KEPESERTAAN_10_TAHUN",
        passed: false,
        message: "Masa kepesertaan Anda 7 tahun 5 bulan. Klaim JHT sebagian dapat diajukan setelah 10 tahun kepesertaan: 2 tahun 7 bulan lagi, mulai 2029-06-15.",
      });
      const start = await mutate(m.token, START, { cardId: m.cardId, jenis: "SEBAGIAN_10" });
      expect(start.userErrors).toEqual([
        { code: "KLAIM_NOT_ELIGIBLE", field: ["input", "cardId"], message: "Klaim JHT belum dapat diajukan lewat JMO: masa kepesertaan belum 10 tahun (2 tahun 7 bulan lagi, mulai 2029-06-15)." },
      ]);
      expect(await db().select().from(klaims)).toHaveLength(0);
    } finally {
      h.server.services.klaimClock = { now: () => new Date() };
    }
  });
});

describe("klaim JHT sebagian checks", () => {
  it("applies the JMO limit to the amount claimed: 10% passes where 30% is over Rp15 juta", async () => {
    const m = await hendraLike({ wage: 9_000_000 });
    const ten = (await gql(h.server.url, ELIGIBILITY, { c: m.cardId, j: "SEBAGIAN_10" }, { token: m.token })).data!.klaimJhtSebagianEligibility;
    const thirty = (await gql(h.server.url, ELIGIBILITY, { c: m.cardId, j: "SEBAGIAN_30" }, { token: m.token })).data!.klaimJhtSebagianEligibility;
    expect(rupiahToSen(thirty.jumlah)).toBeGreaterThan(1_500_000_000n);
    expect(rupiahToSen(ten.jumlah)).toBeLessThanOrEqual(1_500_000_000n);
    expect(ten.eligible).toBe(true);
    expect(thirty.eligible).toBe(false);
    expect(thirty.checks.filter((c: { passed: boolean }) => !c.passed)).toEqual([
      { code: "JUMLAH_MAKS_JMO", passed: false, message: expect.stringContaining("lebih dari batas klaim lewat JMO Rp15.000.000") },
    ]);
    const start = await mutate(m.token, START, { cardId: m.cardId, jenis: "SEBAGIAN_30" });
    expect(start.userErrors[0]).toMatchObject({ code: "KLAIM_NOT_ELIGIBLE", message: expect.stringContaining("lebih dari batas klaim JMO Rp15.000.000") });
  });

  it("needs pengkinian data verified", async () => {
    const m = await hendraLike({ pengkinian: "BELUM" });
    const check = (await gql(h.server.url, ELIGIBILITY, { c: m.cardId, j: "SEBAGIAN_10" }, { token: m.token })).data!.klaimJhtSebagianEligibility;
    expect(check.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { code: string }) => c.code)).toEqual(["PENGKINIAN_SELESAI"]);
    const start = await mutate(m.token, START, { cardId: m.cardId, jenis: "SEBAGIAN_10" });
    expect(start.userErrors[0]).toMatchObject({ code: "KLAIM_NOT_ELIGIBLE", message: expect.stringContaining("pengkinian data belum terverifikasi") });
  });

  it("keeps the partial claim's kind apart from the full claim's", async () => {
    const m = await hendraLike();
    expect((await mutate(m.token, START, { cardId: m.cardId, jenis: "PENUH" })).userErrors[0]).toMatchObject({ code: "KLAIM_JENIS_INVALID", field: ["input", "jenis"] });
    const full = await mutate(m.token, M("klaimJhtStart", "KlaimJhtStartInput"), { cardId: m.cardId, sebab: "PEMILIKAN_RUMAH" });
    expect(full.userErrors[0]).toMatchObject({ code: "KLAIM_JENIS_INVALID", field: ["input", "sebab"] });
    expect(await db().select().from(klaims)).toHaveLength(0);
  });

  it("makes one partial claim of two concurrent starts on two cards, and the database refuses a second one written directly", async () => {
    const m = await hendraLike({ cards: 2 });
    const results = await Promise.all([
      mutate(m.token, START, { cardId: m.cardIds[0], jenis: "SEBAGIAN_10" }),
      mutate(m.token, START, { cardId: m.cardIds[1], jenis: "SEBAGIAN_30" }),
    ]);
    // Both cards would pass on their own (each has saldo); together only one claim is made.
    const ok = results.filter((r) => r.userErrors.length === 0);
    expect(ok).toHaveLength(1);
    const loser = results.find((r) => r.userErrors.length > 0)!.userErrors[0];
    expect(loser.code === "KLAIM_SEBAGIAN_SUDAH_PERNAH" || (loser.code === "KLAIM_NOT_ELIGIBLE" && /klaim JHT sebagian sudah pernah|masih berjalan/.test(loser.message))).toBe(true);
    expect(await db().select().from(klaims).where(ne(klaims.jenis, "PENUH"))).toHaveLength(1);
    // Straight into the table, around the service: the partial unique index refuses it.
    await expect(
      db().insert(klaims).values({ participantId: m.participant.id, cardId: m.cards[1]!.id, sebab: "KEPERLUAN_LAIN", jenis: "SEBAGIAN_10", persentase: 10, status: "SELESAI" }),
    ).rejects.toThrow();
    // A rejected partial claim no longer counts: the member may try again.
    await db().update(klaims).set({ status: "DIBATALKAN" }).where(and(eq(klaims.participantId, m.participant.id), ne(klaims.jenis, "PENUH")));
    expect((await mutate(m.token, START, { cardId: m.cardIds[0], jenis: "SEBAGIAN_10" })).userErrors).toEqual([]);
  });

  it("reads the documents of a page of claims in one statement (Klaim.dokumen through a DataLoader)", async () => {
    const s = await h.seed.staff();
    const { accessToken: staff } = await signIn(h.server.url, s.email);
    const LIST = `{ klaims(first: 10) { edges { node { jenis dokumen { fileName } } } } }`;
    const withDocument = async () => {
      const m = await hendraLike();
      const klaimId = (await mutate(m.token, START, { cardId: m.cardId, jenis: "SEBAGIAN_30" })).klaim.id as string;
      expect((await mutate(m.token, ADD_DOC, { klaimId, fileName: "kpr.pdf", type: "PDF", contentBase64: pdf().toString("base64") })).userErrors).toEqual([]);
    };
    const statements = async (claims: number) => {
      const res = await gql(h.server.url, LIST, {}, { token: staff });
      expect(res.errors).toBeUndefined();
      expect(res.data!.klaims.edges).toEqual(Array.from({ length: claims }, () => ({ node: { jenis: "SEBAGIAN_30", dokumen: [{ fileName: "kpr.pdf" }] } })));
      return res.extensions!.sqlStatements as number;
    };
    await withDocument();
    const one = await statements(1);
    await withDocument();
    await withDocument();
    expect(await statements(3)).toBe(one);
  });

  it("computes the amount and tax exactly: floor to the sen, PP 68/2009 bands on the amount", () => {
    // 10% of Rp600,000,000.09 = Rp60,000,000.009 → Rp60,000,000.00; 5% on the Rp10 juta above Rp50 juta.
    expect(rincianFor("SEBAGIAN_10", 60_000_000_009n, true, "2026-12-01")).toMatchObject({ jumlahSen: 6_000_000_000n, pajakSen: 50_000_000n, dibayarkanSen: 5_950_000_000n });
    // Without NPWP 20% higher: 6%.
    expect(rincianFor("SEBAGIAN_10", 60_000_000_009n, false, "2026-12-01")).toMatchObject({ pajakSen: 60_000_000n });
    // 30% of Rp0.03 is Rp0.00 (0.009 rounded down), never more than the share.
    expect(rincianFor("SEBAGIAN_30", 3n, true, "2026-12-01")).toMatchObject({ jumlahSen: 0n, pajakSen: 0n, dibayarkanSen: 0n });
    expect(rincianFor("PENUH", 123_456n, true, "2026-12-01")).toMatchObject({ saldoSen: 123_456n, jumlahSen: 123_456n });
    // Masa kepesertaan: the earliest card counts; a BPU card waiting for its first contribution does not.
    expect(masaKepesertaan([{ registeredAt: "2016-05-31", status: "AKTIF" }, { registeredAt: "2014-03-03", status: "NONAKTIF" }, { registeredAt: "2010-01-01", status: "MENUNGGU_IURAN_PERTAMA" }], "2024-03-02")).toEqual({
      since: "2014-03-03",
      years: 9,
      months: 11,
      tenYearsOn: "2024-03-03",
      remainingYears: 0,
      remainingMonths: 1,
    });
  });
});

function senToRupiah(sen: bigint): string {
  return `${sen / 100n}.${(sen % 100n).toString().padStart(2, "0")}`;
}
