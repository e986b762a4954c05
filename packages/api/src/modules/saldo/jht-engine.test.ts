import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildStatements, computeYear, mergeStatements, rateFor, totalsOf, type LedgerEntry, type YearRate, type YearStatement } from "./jht-engine.ts";

const rp = (rupiah: number) => BigInt(Math.round(rupiah * 100));
const six: YearRate = { rateBp: 600, source: "OFFICIAL" };

describe("computeYear, worked by hand", () => {
  it("credits the opening balance for 12 months and each contribution for the months left", () => {
    // Wage Rp2,000,000: employer 3.7% = Rp74,000, worker 2% = Rp40,000, every month of the year, at 6%.
    // Development = 6%/12 × (1,000,000 × 12 + 114,000 × (11 + 10 + … + 0))
    //             = 0.005 × (12,000,000 + 114,000 × 66) = 0.005 × 19,524,000 = Rp97,620.00
    const entries = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, employerSen: rp(74_000), workerSen: rp(40_000) }));
    const y = computeYear(2024, rp(1_000_000), entries, [], six);
    expect(y).toEqual({
      year: 2024,
      saldoAwalSen: rp(1_000_000),
      iuranPemberiKerjaSen: rp(888_000),
      iuranPekerjaSen: rp(480_000),
      pengembanganSen: rp(97_620),
      penarikanSen: 0n,
      saldoAkhirSen: rp(2_465_620), // 1,000,000 + 1,368,000 + 97,620
      rateBp: 600,
      rateSource: "OFFICIAL",
    });
  });

  it("credits what has accrued before a withdrawal, so paying out the whole balance leaves exactly zero", () => {
    // Rp1,000,000 at 6% for months 1–4: 4 × 5,000 = Rp20,000 accrued; the claim in April pays Rp1,020,000.
    const y = computeYear(2025, rp(1_000_000), [], [{ month: 4, amountSen: rp(1_020_000) }], six);
    expect(y.pengembanganSen).toBe(rp(20_000));
    expect(y.penarikanSen).toBe(rp(1_020_000));
    expect(y.saldoAkhirSen).toBe(0n);
  });

  it("rounds once per credit, half up to the sen", () => {
    // Rp0.10 for a year at 7.19%: 10 sen × 719 × 12 / 120,000 = 0.719 sen → 1 sen.
    expect(computeYear(2016, 10n, [], [], { rateBp: 719, source: "OFFICIAL" }).pengembanganSen).toBe(1n);
    // 5 sen at 6%: 0.3 sen → 0 sen.
    expect(computeYear(2016, 5n, [], [], six).pengembanganSen).toBe(0n);
  });

  it("accrues only the complete months of the current year", () => {
    // asOf in April: January–March accrue; Rp1,200,000 × 6% × 3/12 = Rp18,000.
    expect(computeYear(2026, rp(1_200_000), [], [], six, 3).pengembanganSen).toBe(rp(18_000));
  });
});

describe("rateFor", () => {
  const table = new Map<number, YearRate>([
    [2016, { rateBp: 719, source: "OFFICIAL" }],
    [2017, { rateBp: 782, source: "OFFICIAL" }],
  ]);
  it("uses the year's rate, or the nearest one marked ASSUMED", () => {
    expect(rateFor(2017, table)).toEqual({ rateBp: 782, source: "OFFICIAL" });
    expect(rateFor(2010, table)).toEqual({ rateBp: 719, source: "ASSUMED" });
    expect(rateFor(2030, table)).toEqual({ rateBp: 782, source: "ASSUMED" });
  });
});

// ----- properties -----

const RATES = new Map<number, YearRate>(
  Array.from({ length: 20 }, (_, i) => [2010 + i, { rateBp: 400 + ((i * 37) % 450), source: i % 3 ? "ASSUMED" : "OFFICIAL" }]),
);
const AS_OF = "2026-07-15";

const ledgerArb: fc.Arbitrary<LedgerEntry[]> = fc
  .uniqueArray(
    fc.record({
      year: fc.integer({ min: 2012, max: 2026 }),
      month: fc.integer({ min: 1, max: 12 }),
      employerSen: fc.bigInt({ min: 0n, max: 200_000_000n }),
      workerSen: fc.bigInt({ min: 0n, max: 100_000_000n }),
    }),
    { selector: (e) => `${e.year}-${e.month}`, maxLength: 120 },
  )
  .map((entries) =>
    entries
      .filter((e) => e.year < 2026 || e.month <= 7)
      .map((e) => ({ period: `${e.year}-${String(e.month).padStart(2, "0")}-01`, employerSen: e.employerSen, workerSen: e.workerSen })),
  );

function identityHolds(y: YearStatement): boolean {
  return y.saldoAwalSen + y.iuranPemberiKerjaSen + y.iuranPekerjaSen + y.pengembanganSen - y.penarikanSen === y.saldoAkhirSen;
}

describe("properties over random contribution histories", () => {
  it("every year adds up exactly and chains into the next, and the totals add up", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const { years } = buildStatements({ closed: [], ledger, withdrawals: [] }, RATES, AS_OF);
        for (const [i, y] of years.entries()) {
          expect(identityHolds(y)).toBe(true);
          if (i > 0) expect(y.saldoAwalSen).toBe(years[i - 1]!.saldoAkhirSen);
          if (i > 0) expect(y.year).toBe(years[i - 1]!.year + 1);
        }
        const t = totalsOf(years);
        expect(t.iuranPemberiKerjaSen + t.iuranPekerjaSen + t.pengembanganSen - t.penarikanSen).toBe(t.totalSen);
        const contributed = ledger.reduce((s, e) => s + e.employerSen + e.workerSen, 0n);
        expect(t.iuranPemberiKerjaSen + t.iuranPekerjaSen).toBe(contributed);
      }),
      { numRuns: 300 },
    );
  });

  it("a kept closed year is used as it is: computing again from the kept years gives the same figures", () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 0, max: 14 }), (ledger, keep) => {
        const full = buildStatements({ closed: [], ledger, withdrawals: [] }, RATES, AS_OF);
        const closed = full.newlyClosed.slice(0, keep);
        const lastClosed = closed.at(-1)?.year ?? 0;
        const rest = ledger.filter((e) => Number(e.period.slice(0, 4)) > lastClosed);
        const again = buildStatements({ closed, ledger: rest, withdrawals: [] }, RATES, AS_OF);
        expect(again.years).toEqual(full.years);
      }),
      { numRuns: 200 },
    );
  });

  it("the merged saldo is the sum of the cards, year by year and in total", () => {
    fc.assert(
      fc.property(fc.array(ledgerArb, { minLength: 1, maxLength: 4 }), (ledgers) => {
        const perCard = ledgers.map((ledger) => buildStatements({ closed: [], ledger, withdrawals: [] }, RATES, AS_OF).years);
        const merged = mergeStatements(perCard);
        for (const y of merged) expect(identityHolds(y)).toBe(true);
        const sumOfCards = perCard.reduce((s, years) => s + totalsOf(years).totalSen, 0n);
        expect(totalsOf(merged).totalSen).toBe(sumOfCards);
        for (const y of merged) {
          const parts = perCard.flatMap((years) => years.filter((c) => c.year === y.year));
          expect(y.saldoAkhirSen).toBe(parts.reduce((s, c) => s + c.saldoAkhirSen, 0n));
          expect(y.pengembanganSen).toBe(parts.reduce((s, c) => s + c.pengembanganSen, 0n));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("withdrawing the whole balance at any month leaves exactly zero, and every year still adds up", () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 1, max: 12 }), (ledger, month) => {
        const before = buildStatements({ closed: [], ledger: ledger.filter((e) => e.period < "2025-01-01"), withdrawals: [] }, RATES, "2025-01-01");
        const opening = before.years.at(-1)?.saldoAkhirSen ?? 0n;
        // The amount a claim pays in `month` of 2025: the opening balance with what it accrued through that month.
        const rate = BigInt(RATES.get(2025)!.rateBp);
        const accrued = (opening * rate * BigInt(month) * 2n + 120_000n) / 240_000n; // half up
        const year = computeYear(2025, opening, [], [{ month, amountSen: opening + accrued }], RATES.get(2025)!);
        expect(identityHolds(year)).toBe(true);
        expect(year.saldoAkhirSen).toBe(0n);
      }),
      { numRuns: 200 },
    );
  });
});
