import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeYear } from "../saldo/jht-engine.ts";
import { anniversary, developMonths, projectJht } from "./jht-projection.ts";

const rp = (rupiah: number) => BigInt(Math.round(rupiah * 100));

describe("projectJht, worked by hand", () => {
  it("projects the rest of the year when the 56th birthday falls in it", () => {
    // asOf 10 March 2026, born 15 June 1970: turns 56 in June 2026.
    // Development accrues March–June (4 months); contributions April–June:
    //   wage Rp5,000,000: 3.7% = Rp185,000 + 2% = Rp100,000 → Rp285,000 a month, 3 months = Rp855,000.
    // Balances at the start of each accruing month: Mar 10,000,000; Apr 10,000,000; May 10,285,000; Jun 10,570,000
    //   sum 40,855,000 × 6%/12 = 40,855,000 × 0.005 = Rp204,275.00
    // Saldo at 56 = 10,000,000 + 855,000 + 204,275 = Rp11,059,275.00
    const p = projectJht({
      startSaldoSen: rp(10_000_000),
      asOf: "2026-03-10",
      birthDate: "1970-06-15",
      monthlyWageSen: rp(5_000_000),
      wageGrowthBp: 500,
      rateBp: 600,
    });
    expect(p.dateAt56).toBe("2026-06-15");
    expect(p.years).toEqual([
      {
        year: 2026,
        age: 56,
        months: 4,
        monthlyWageSen: rp(5_000_000),
        saldoAwalSen: rp(10_000_000),
        iuranSen: rp(855_000),
        pengembanganSen: rp(204_275),
        saldoAkhirSen: rp(11_059_275),
      },
    ]);
    expect(p.saldoAt56Sen).toBe(rp(11_059_275));
  });

  it("grows the wage each January and credits once a year, to the sen", () => {
    // asOf 20 December 2025, born 5 March 1971 (56 in March 2027), start Rp1,000,000, wage Rp2,000,000,
    // growth 10%, rate 6% (0.5% a month).
    // 2025: December accrues, no contribution left: 1,000,000 × 0.005 = 5,000 → 1,005,000.
    // 2026: wage 2,200,000; 3.7% = 81,400 + 2% = 44,000 = 125,400 a month, × 12 = 1,504,800.
    //       development = 0.005 × (1,005,000 × 12 + 125,400 × (11 + 10 + … + 0 = 66))
    //                   = 0.005 × (12,060,000 + 8,276,400) = 0.005 × 20,336,400 = 101,682
    //       saldo akhir = 1,005,000 + 1,504,800 + 101,682 = 2,611,482.
    // 2027: wage 2,420,000; 89,540 + 48,400 = 137,940 a month, January–March = 413,820.
    //       development = 0.005 × (2,611,482 × 3 + 137,940 × (2 + 1 + 0)) = 0.005 × 8,248,266 = 41,241.33
    //       saldo at 56 = 2,611,482 + 413,820 + 41,241.33 = 3,066,543.33
    const p = projectJht({
      startSaldoSen: rp(1_000_000),
      asOf: "2025-12-20",
      birthDate: "1971-03-05",
      monthlyWageSen: rp(2_000_000),
      wageGrowthBp: 1_000,
      rateBp: 600,
    });
    expect(p.years.map((y) => [y.year, y.age, y.months, y.monthlyWageSen, y.iuranSen, y.pengembanganSen, y.saldoAkhirSen])).toEqual([
      [2025, 54, 1, rp(2_000_000), 0n, rp(5_000), rp(1_005_000)],
      [2026, 55, 12, rp(2_200_000), rp(1_504_800), rp(101_682), rp(2_611_482)],
      [2027, 56, 3, rp(2_420_000), rp(413_820), rp(41_241.33), rp(3_066_543.33)],
    ]);
    expect(p.saldoAt56Sen).toBe(rp(3_066_543.33));
    // Each year adds up exactly and starts where the last ended.
    for (const [i, y] of p.years.entries()) {
      expect(y.saldoAwalSen + y.iuranSen + y.pengembanganSen).toBe(y.saldoAkhirSen);
      if (i > 0) expect(y.saldoAwalSen).toBe(p.years[i - 1]!.saldoAkhirSen);
    }
  });

  it("projects nothing for someone who is already 56", () => {
    const p = projectJht({ startSaldoSen: rp(7_000_000), asOf: "2026-08-01", birthDate: "1970-06-15", monthlyWageSen: rp(5_000_000), wageGrowthBp: 500, rateBp: 550 });
    expect(p.years).toEqual([]);
    expect(p.saldoAt56Sen).toBe(rp(7_000_000));
  });

  it("rounds the year's development half up to the sen", () => {
    // 101 sen for one month at 6%: 101 × 0.005 = 0.505 sen → 1 sen; 99 sen → 0.495 sen → 0 sen.
    expect(developMonths(101n, new Map(), 600, 12, 12).pengembanganSen).toBe(1n);
    expect(developMonths(99n, new Map(), 600, 12, 12).pengembanganSen).toBe(0n);
  });

  it("moves a 29 February birthday to 28 February in a common year", () => {
    expect(anniversary("1972-02-29", 56)).toBe("2028-02-29");
    expect(anniversary("1971-02-28", 56)).toBe("2027-02-28");
    expect(anniversary("1968-02-29", 59)).toBe("2027-02-28");
  });
});

describe("the projection's development method is the ledger's", () => {
  it("gives the same full year as the RSJHT engine for any balance, contributions and rate", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000_000_000n }),
        fc.array(fc.bigInt({ min: 0n, max: 5_000_000_000n }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 2_000 }),
        (saldoAwal, amounts, rateBp) => {
          const ours = developMonths(saldoAwal, new Map(amounts.map((a, i) => [i + 1, a])), rateBp, 1, 12);
          const ledger = computeYear(
            2030,
            saldoAwal,
            amounts.map((a, i) => ({ month: i + 1, employerSen: a, workerSen: 0n })),
            [],
            { rateBp, source: "ASSUMED" },
          );
          expect(ours.pengembanganSen).toBe(ledger.pengembanganSen);
          expect(ours.saldoAkhirSen).toBe(ledger.saldoAkhirSen);
        },
      ),
    );
  });
});
