// Issue 11, findings 3–5: the rule book (dated figures with source and status, "no figure" instead of an old one),
// the JP wage caps of March 2025 and 2026, PMI/JAKON refused, and simulasiJp counting the months actually paid.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { contributions } from "../src/db/schema.ts";
import { figureOn, JP_UPAH_MAKS, KLAIM_JMO_SALDO_MAKS, NoRuleFigureError, ruleOn } from "../src/modules/rules/rule-book.ts";
import { contributionFor, jpWageCap } from "../src/modules/saldo/contribution-rules.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const rp = (rupiah: number) => BigInt(rupiah) * 100n;

const FIGURE = `rule effectiveFrom effectiveUntil value unit bandAbove bandUpTo source status note`;
const RULES = `query($rule: DatedRuleName) { datedRules(rule: $rule) { ${FIGURE} } }`;
const ON = `query($rule: DatedRuleName!, $date: Date!) { datedRuleOn(rule: $rule, date: $date) { rule date found message figures { ${FIGURE} } } }`;

async function on(rule: string, date: string, headers: Record<string, string> = {}) {
  const res = await gql(h.server.url, ON, { rule, date }, { headers });
  expect(res.errors).toBeUndefined();
  return res.data!.datedRuleOn;
}

describe("the rule book (datedRules, datedRuleOn): public, dated, with source and status", () => {
  it("lists the JMO claim limit: Rp10 juta, then Rp15 juta from 2025-05-01, both SECONDARY", async () => {
    const res = await gql(h.server.url, RULES, { rule: "KLAIM_JMO_SALDO_MAKS" });
    expect(res.errors).toBeUndefined();
    expect(res.data!.datedRules).toMatchObject([
      { rule: "KLAIM_JMO_SALDO_MAKS", effectiveFrom: "2022-08-04", effectiveUntil: "2025-05-01", value: "10000000.00", unit: "RUPIAH", status: "SECONDARY" },
      { rule: "KLAIM_JMO_SALDO_MAKS", effectiveFrom: "2025-05-01", effectiveUntil: null, value: "15000000.00", unit: "RUPIAH", status: "SECONDARY" },
    ]);
    expect(res.data!.datedRules[1].source).toContain("okezone 21-10-2025");
  });

  it("answers the figure in force on a day: April 2025 Rp10 juta, June 2025 Rp15 juta", async () => {
    expect(await on("KLAIM_JMO_SALDO_MAKS", "2025-04-15")).toMatchObject({ found: true, message: null, figures: [{ value: "10000000.00" }] });
    expect(await on("KLAIM_JMO_SALDO_MAKS", "2025-06-15")).toMatchObject({ found: true, figures: [{ value: "15000000.00" }] });
  });

  it("says 'no figure' for a day before the first row, and after the newest indexed row ran out, never reusing one", async () => {
    // The first dated source for the Rp10 juta limit is 2022-08-04 (docs/domain/rules.md): nothing is known before.
    expect(await on("KLAIM_JMO_SALDO_MAKS", "2022-01-01")).toEqual({
      rule: "KLAIM_JMO_SALDO_MAKS",
      date: "2022-01-01",
      found: false,
      figures: [],
      message: "Tidak ada angka KLAIM_JMO_SALDO_MAKS untuk tanggal 2022-01-01: baris pertama tabel berlaku sesudahnya.",
    });
    expect(ruleOn(KLAIM_JMO_SALDO_MAKS, "2022-08-03")).toMatchObject({ found: false, reason: "BEFORE_FIRST_ROW" });
    // The JP cap is indexed every March (PP 45/2015 art. 29(3)): the March 2026 figure holds until March 2027 only.
    expect(await on("JP_UPAH_MAKS", "2027-02-28")).toMatchObject({ found: true, figures: [{ value: "11086300.00", effectiveUntil: "2027-03-01" }] });
    const later = await on("JP_UPAH_MAKS", "2027-03-01", { "accept-language": "en" });
    expect(later).toMatchObject({ found: false, figures: [] });
    expect(later.message).toMatch(/^The rule book has no JP_UPAH_MAKS figure for 2027-03-01 yet/);
    expect(() => figureOn(JP_UPAH_MAKS, "2027-03-01")).toThrow(NoRuleFigureError);
    // The ledger refuses too, rather than charging JP on last year's cap.
    expect(() => contributionFor("PU", rp(20_000_000), "2027-03")).toThrow(expect.objectContaining({ code: "RULE_NO_FIGURE", rule: "JP_UPAH_MAKS" }));
    // Demo and test ledgers that run up to today say explicitly that they take the newest cap (ASSUMED): 2% × 11,086,300.
    expect(contributionFor("PU", rp(20_000_000), "2027-03", { jpCapBeyondTable: "LATEST_ASSUMED" }).jpEmployerSen).toBe(rp(221_726));
    // JHT rates come from jht_rates (2010–2027 in migration 0001): 2009 has no figure.
    expect(await on("JHT_PENGEMBANGAN", "2009-06-30")).toMatchObject({ found: false });
    expect(await on("JHT_PENGEMBANGAN", "2016-06-30")).toMatchObject({ found: true, figures: [{ value: "7.19", unit: "PERSEN_PER_TAHUN", status: "OFFICIAL" }] });
  });

  it("lists every rule: JP caps up to March 2026, pension floor and ceiling, JHT rates and the PPh 21 bands", async () => {
    const res = await gql(h.server.url, RULES, {});
    expect(res.errors).toBeUndefined();
    const rows = res.data!.datedRules as Array<Record<string, any>>;
    expect(new Set(rows.map((r) => r.rule))).toEqual(
      new Set([
        "KLAIM_JMO_SALDO_MAKS",
        "JP_UPAH_MAKS",
        "JP_MANFAAT_MIN",
        "JP_MANFAAT_MAKS",
        "JHT_PENGEMBANGAN",
        "PPH21_JHT_SEKALIGUS",
        "PPH21_JHT_TANPA_NPWP",
        // Issue 14: the iuran BPU figures (docs/domain/iuran-bpu.md).
        "BPU_JKK_PERSEN",
        "BPU_JKM_IURAN",
        "BPU_JHT_PERSEN",
        "BPU_BAYAR_DIMUKA_MAKS",
        "BPU_MASA_TENGGANG",
        "BPU_JATUH_TEMPO",
        "BPU_PENGINGAT",
      ]),
    );
    // Counts are whole numbers; the BPU JKM is a monthly amount.
    expect(rows.filter((r) => r.rule === "BPU_MASA_TENGGANG")).toMatchObject([{ effectiveFrom: "2022-07-01", value: "3", unit: "BULAN", status: "SECONDARY" }]);
    expect(rows.filter((r) => r.rule === "BPU_JKM_IURAN").at(-1)).toMatchObject({ value: "6800.00", unit: "RUPIAH_PER_BULAN" });
    const caps = rows.filter((r) => r.rule === "JP_UPAH_MAKS");
    expect(caps.slice(-3)).toMatchObject([
      { effectiveFrom: "2024-03-01", effectiveUntil: "2025-03-01", value: "10042300.00", status: "OFFICIAL" },
      { effectiveFrom: "2025-03-01", effectiveUntil: "2026-03-01", value: "10547400.00", status: "SECONDARY" },
      { effectiveFrom: "2026-03-01", effectiveUntil: "2027-03-01", value: "11086300.00", status: "SECONDARY" },
    ]);
    // The 2020 row was 8,754,600 (ASSUMED, no source) until issue 11: 8,512,400 × 1.0502 = 8,939,722 → Rp8,939,700.
    expect(caps.find((r) => r.effectiveFrom === "2020-03-01")).toMatchObject({ value: "8939700.00", status: "SECONDARY" });
    expect(rows.filter((r) => r.rule === "PPH21_JHT_SEKALIGUS")).toMatchObject([
      { effectiveFrom: "2010-01-01", value: "0.00", unit: "PERSEN", bandAbove: "0.00", bandUpTo: "50000000.00", status: "OFFICIAL" },
      { effectiveFrom: "2010-01-01", value: "5.00", unit: "PERSEN", bandAbove: "50000000.00", bandUpTo: null, status: "OFFICIAL" },
    ]);
    expect(rows.find((r) => r.rule === "PPH21_JHT_TANPA_NPWP")).toMatchObject({ value: "20.00" });
    expect(rows.find((r) => r.rule === "JP_MANFAAT_MAKS" && r.effectiveFrom === "2024-03-01")).toMatchObject({ value: "4718200.00", status: "SECONDARY" });
    expect(rows.filter((r) => r.rule === "JHT_PENGEMBANGAN")).toHaveLength(18);
    for (const row of rows) {
      expect(["OFFICIAL", "SECONDARY", "ASSUMED"]).toContain(row.status);
      expect(row.source.length).toBeGreaterThan(0);
    }
  });
});

describe("contribution tables (finding 4)", () => {
  it("charges an agus-like PU wage above the cap on the dated caps of March 2025 and March 2026", async () => {
    // Wage Rp20,000,000, above every cap. JP = 2% employer + 1% worker of the capped wage (PP 45/2015; domain.md).
    // June 2025: cap Rp10,547,400 (rule book, SECONDARY): 2% = 210,948.00; 1% = 105,474.00.
    expect(contributionFor("PU", rp(20_000_000), "2025-06")).toMatchObject({ jpEmployerSen: rp(210_948), jpWorkerSen: rp(105_474) });
    // June 2026: cap Rp11,086,300 (SECONDARY): 2% = 221,726.00; 1% = 110,863.00.
    expect(contributionFor("PU", rp(20_000_000), "2026-06")).toMatchObject({ jpEmployerSen: rp(221_726), jpWorkerSen: rp(110_863) });
    // Before issue 11 both years used the March 2024 cap Rp10,042,300: 3% = 301,269 a month, i.e. Rp15,153 less than
    // 316,422 (2025) and Rp31,320 less than 332,589 (2026).
    expect(jpWageCap("2025-02")).toBe(rp(10_042_300));
    expect(jpWageCap("2025-03")).toBe(rp(10_547_400));

    // A ledger written through the same rules (the test builders, as the seed) stores those shares.
    const p = await h.seed.participant({ fullName: "Agus Wijaya" }).withCard({ status: "AKTIF", registeredAt: "2015-08-01" }).build();
    await h.seed.contributionsFor(p.cards[0]!.id, { from: "2025-06", months: 1, wage: 20_000_000 });
    await h.seed.contributionsFor(p.cards[0]!.id, { from: "2026-06", months: 1, wage: 20_000_000 });
    const rows = await h.tdb.database.db.select().from(contributions).where(eq(contributions.cardId, p.cards[0]!.id));
    expect(rows.map((r) => [r.period, r.jpEmployerSen, r.jpWorkerSen]).sort()).toEqual([
      ["2025-06-01", rp(210_948), rp(105_474)],
      ["2026-06-01", rp(221_726), rp(110_863)],
    ]);
  });

  it("refuses to compute PMI and JAKON contributions instead of charging them like BPU and PU", () => {
    // PMI: fixed JKK+JKM amounts per placement period (Permenaker 4/2023 art. 18); JAKON: the construction contract's
    // value (Permenaker 44/2015). Before issue 11: PMI got BPU shares and JAKON PU shares.
    for (const segment of ["PMI", "JAKON"] as const) {
      expect(() => contributionFor(segment, rp(5_000_000), "2025-06")).toThrow(expect.objectContaining({ code: "CONTRIBUTION_SEGMENT_NOT_SUPPORTED", segment }));
    }
    // BPU keeps its rules: JKK 1% of Rp2,000,000 = 20,000; JKM Rp6,800 (domain.md).
    expect(contributionFor("BPU", rp(2_000_000), "2025-06")).toMatchObject({ jkkSen: rp(20_000), jkmSen: rp(6_800), jpEmployerSen: 0n });
  });
});

describe("simulasiJp counts the months actually paid (finding 5)", () => {
  it("takes a budi-like card's 42 paid months, not the 71 months since its registration", async () => {
    // Registered January 2021, but the ledger holds 42 paid months: January 2023 – June 2026 (each paid on the 10th
    // of the next month, so all before today). Before issue 11 the default masa iur ran from January 2021 to this
    // month: 71 months on 2026-11-30 (and more every month).
    const p = await h.seed
      .participant({ fullName: "Budi Santoso", birthDate: "1980-03-02" })
      .withCard({ status: "NONAKTIF", registeredAt: "2021-01-04", nonaktifSince: "2026-06-30" })
      .withAccount()
      .build();
    await h.seed.contributionsFor(p.cards[0]!.id, { from: "2023-01", months: 42, wage: 5_000_000 });
    const { accessToken: token } = await signIn(h.server.url, p.email!);
    const res = await gql(
      h.server.url,
      `query($input: SimulasiJpInput!) { simulasiJp(input: $input) { totalMonths futureMonths assumptions { masaIuranMonths masaIuranMonthsSource } } }`,
      { input: { monthlyWage: "5000000.00", continueContributing: false } },
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.simulasiJp).toEqual({
      totalMonths: 42,
      futureMonths: 0,
      assumptions: { masaIuranMonths: 42, masaIuranMonthsSource: "PARTICIPANT_DATA" },
    });
  });
});
