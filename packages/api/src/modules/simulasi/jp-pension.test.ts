import { describe, expect, it } from "vitest";
import { figureAt, JP_BENEFIT_CEILINGS, JP_BENEFIT_FLOORS, JP_WAGE_CAP_TABLE, pensionAgeFor, pensionAgeInYear, simulateJp, type JpSimulationInput } from "./jp-pension.ts";

const rp = (rupiah: number) => BigInt(Math.round(rupiah * 100));

/** The months from `from` to `to` ("YYYY-MM"), both included. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1; ; i += 1) {
    const p = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    if (p > to) return out;
    out.push(p);
  }
}

const base: JpSimulationInput = {
  today: "2026-01-15",
  birthDate: "1970-06-10",
  monthlyWageSen: rp(5_000_000),
  pastMonths: [],
  continueContributing: true,
  wageGrowthBp: 0,
  inflationBp: 0,
  rateBp: 0,
};

describe("pension age (PP 45/2015 art. 15)", () => {
  it("is 56 until 2018, 57 from 2019, one more every three years, 65 from 2043", () => {
    const table = [2015, 2018, 2019, 2021, 2022, 2024, 2025, 2027, 2028, 2042, 2043, 2060].map((y) => [y, pensionAgeInYear(y)]);
    expect(table).toEqual([
      [2015, 56], [2018, 56], [2019, 57], [2021, 57], [2022, 58], [2024, 58],
      [2025, 59], [2027, 59], [2028, 60], [2042, 64], [2043, 65], [2060, 65],
    ]);
  });

  it("is the first age reached in a year whose pension age it is", () => {
    // Born 1960: 56 in 2016 (age 56 then) → 56.
    expect(pensionAgeFor("1960-05-01")).toEqual({ age: 56, year: 2016, date: "2016-05-01" });
    // Born 1963: 56 in 2019 (57 then), 57 in 2020 (57) → 57.
    expect(pensionAgeFor("1963-09-30")).toEqual({ age: 57, year: 2020, date: "2020-09-30" });
    // Born 1965: 56/2021 (57), 57/2022 (58), 58/2023 (58) → 58.
    expect(pensionAgeFor("1965-01-01").age).toBe(58);
    // Born 1968: 56/2024 (58), 57/2025 (59), 58/2026 (59), 59/2027 (59) → 59 in 2027.
    expect(pensionAgeFor("1968-12-01")).toEqual({ age: 59, year: 2027, date: "2027-12-01" });
    // Born 1970: 58/2028 (60), 59/2029 (60), 60/2030 (60) → 60 in 2030.
    expect(pensionAgeFor("1970-06-10")).toEqual({ age: 60, year: 2030, date: "2030-06-10" });
    // Born 1978: 63/2041 (64), 64/2042 (64) → 64. Born 1980: 64/2044 (65), 65/2045 → 65.
    expect(pensionAgeFor("1978-03-03").age).toBe(64);
    expect(pensionAgeFor("1980-07-07")).toMatchObject({ age: 65, year: 2045 });
    expect(pensionAgeFor("1995-02-28")).toMatchObject({ age: 65, year: 2060 });
  });
});

describe("dated tables", () => {
  it("interpolates between official points (ASSUMED) and grows beyond the last one", () => {
    // Floor 2015 Rp300,000 → 2023 Rp383,400: 2019 is halfway, 300,000 + 83,400 × 4/8 = 341,700.
    expect(figureAt(JP_BENEFIT_FLOORS, "2019-05", 0)).toEqual({ from: "2019-03", sen: rp(341_700), source: "ASSUMED" });
    // Ceiling 2016: 3,600,000 + 998,100 × 1/8 = 3,724,762.50 → whole rupiah half up: 3,724,763.
    expect(figureAt(JP_BENEFIT_CEILINGS, "2016-03", 0)).toEqual({ from: "2016-03", sen: rp(3_724_763), source: "ASSUMED" });
    expect(figureAt(JP_BENEFIT_FLOORS, "2024-02", 300)).toEqual({ from: "2023-03", sen: rp(383_400), source: "OFFICIAL" });
    expect(figureAt(JP_BENEFIT_FLOORS, "2024-03", 300)).toEqual({ from: "2024-03", sen: rp(393_500), source: "OFFICIAL" });
    // Ceiling March 2024: Rp4,718,200 (rule book, SECONDARY: viva.co.id); 2025 at 3% inflation, the simulation's own
    // assumption: 4,718,200 × 1.03 = 4,859,746 (ASSUMED).
    expect(figureAt(JP_BENEFIT_CEILINGS, "2024-12", 300)).toEqual({ from: "2024-03", sen: rp(4_718_200), source: "SECONDARY" });
    expect(figureAt(JP_BENEFIT_CEILINGS, "2025-03", 300)).toEqual({ from: "2025-03", sen: rp(4_859_746), source: "ASSUMED" });
    // Wage cap: Rp10,042,300 from March 2024 (OFFICIAL); Rp10,547,400 from March 2025 and Rp11,086,300 from March 2026
    // (SECONDARY, issue 11); March 2027 at 5% growth: 11,086,300 × 1.05 = 11,640,615 (ASSUMED).
    expect(figureAt(JP_WAGE_CAP_TABLE, "2025-02", 500)).toEqual({ from: "2024-03", sen: rp(10_042_300), source: "OFFICIAL" });
    expect(figureAt(JP_WAGE_CAP_TABLE, "2025-03", 500)).toEqual({ from: "2025-03", sen: rp(10_547_400), source: "SECONDARY" });
    expect(figureAt(JP_WAGE_CAP_TABLE, "2027-03", 500)).toEqual({ from: "2027-03", sen: rp(11_640_615), source: "ASSUMED" });
    expect(figureAt(JP_WAGE_CAP_TABLE, "2015-07", 500)).toEqual({ from: "2015-07", sen: rp(7_000_000), source: "OFFICIAL" });
  });
});

describe("simulateJp, worked by hand", () => {
  // Born 10 June 1970: pension age 60 on 10 June 2030. Today January 2026.
  // Past: July 2015 – January 2026 = 6 + 12 × 10 + 1 = 127 months; future: February 2026 – June 2030
  // = 11 + 12 × 3 + 6 = 53 months; 180 in all, exactly the minimum.
  const past127 = months("2015-07", "2026-01");

  it("pays a monthly pension at 180 months: 1% × 15 years × average wage", () => {
    // No growth, no inflation: every month's wage is Rp5,000,000, under every cap (≥ Rp7,000,000).
    // 1% × (180 / 12) × (5,000,000 × 12) / 12 = 0.01 × 15 × 5,000,000 = Rp750,000.
    // Floor and ceiling in June 2030 at 0% inflation stay at the last known: 393,500 and 4,718,200 (2024).
    const sim = simulateJp({ ...base, pastMonths: past127 });
    expect(sim).toMatchObject({
      pensionAge: 60,
      pensionYear: 2030,
      pensionDate: "2030-06-10",
      pastMonths: 127,
      futureMonths: 53,
      totalMonths: 180,
      eligibleForMonthlyPension: true,
      averageIndexedWageSen: rp(5_000_000),
      formulaBenefitSen: rp(750_000),
      monthlyBenefitSen: rp(750_000),
      limitApplied: null,
      lumpSumSen: null,
    });
    expect(sim.benefitFloor).toMatchObject({ sen: rp(393_500), source: "ASSUMED" });
    expect(sim.benefitCeiling).toMatchObject({ sen: rp(4_718_200), source: "ASSUMED" });
    expect(sim.wageCaps[0]).toEqual({ from: "2015-07", sen: rp(7_000_000), source: "OFFICIAL" });
  });

  it("pays a lump sum at 179 months: the contributions (at 0% development, exactly 3% of the wages)", () => {
    // One past month fewer: 179 months × 3% × 5,000,000 = 179 × 150,000 = Rp26,850,000.
    const sim = simulateJp({ ...base, pastMonths: past127.slice(1) });
    expect(sim).toMatchObject({
      totalMonths: 179,
      eligibleForMonthlyPension: false,
      formulaBenefitSen: null,
      monthlyBenefitSen: null,
      lumpSumSen: rp(26_850_000),
      lumpSumContributionsSen: rp(26_850_000),
    });
  });

  it("develops the lump sum by the JHT method and indexes wages by inflation", () => {
    // Born 1 December 1968: pension age 59 on 1 December 2027. Nothing contributed yet; February 2026 –
    // December 2027 = 11 + 12 = 23 months of 3% × 5,000,000 = Rp150,000 (2% 100,000 + 1% 50,000).
    // Development at 6% (0.5% a month on the balance at each month's start):
    //   2026: 150,000 × (0 + 0 + 1 + … + 10 = 55) × 0.005 = 41,250 → 11 × 150,000 + 41,250 = 1,691,250
    //   2027: (1,691,250 × 12 + 150,000 × (0 + 1 + … + 11 = 66)) × 0.005 = 30,195,000 × 0.005 = 150,975
    //         → 1,691,250 + 1,800,000 + 150,975 = Rp3,642,225.00
    // Inflation 10%, indexed to 2027: 2026's 11 months count 5,500,000, 2027's 12 count 5,000,000:
    //   (11 × 5,500,000 + 12 × 5,000,000) / 23 = 120,500,000 / 23 = 5,239,130.434… → Rp5,239,130.43
    const sim = simulateJp({ ...base, birthDate: "1968-12-01", inflationBp: 1_000, rateBp: 600 });
    expect(sim).toMatchObject({
      pensionAge: 59,
      pensionYear: 2027,
      totalMonths: 23,
      eligibleForMonthlyPension: false,
      averageIndexedWageSen: rp(5_239_130.43),
      lumpSumContributionsSen: rp(3_450_000),
      lumpSumSen: rp(3_642_225),
    });
  });

  it("raises a small pension to the floor", () => {
    // Rp1,000,000 for 180 months: 0.01 × 15 × 1,000,000 = Rp150,000 < floor Rp393,500.
    const sim = simulateJp({ ...base, pastMonths: past127, monthlyWageSen: rp(1_000_000) });
    expect(sim).toMatchObject({ formulaBenefitSen: rp(150_000), monthlyBenefitSen: rp(393_500), limitApplied: "FLOOR" });
  });

  it("caps the wage at the year's cap and a large pension at the ceiling", () => {
    // Born 10 June 2000: pension age 65 in June 2065; a wage of Rp1 milyar is above every cap, so each month
    // counts its cap. Wage (and cap) growth 10%, no inflation: the ceiling stays Rp4,718,200, while the
    // 12 months of 2064 alone give 12 × cap(2064) / 1200 = cap(2064) / 100 = 11,086,300 × 1.1^38 / 100 ≈ Rp4.1 juta,
    // and 2063 adds ≈ Rp3.8 juta more: the formula is far above the ceiling.
    const sim = simulateJp({ ...base, birthDate: "2000-06-10", monthlyWageSen: rp(1_000_000_000), wageGrowthBp: 1_000 });
    expect(sim.pensionYear).toBe(2065);
    expect(sim.limitApplied).toBe("CEILING");
    expect(sim.monthlyBenefitSen).toBe(rp(4_718_200));
    expect(sim.formulaBenefitSen! > rp(8_600_000)).toBe(true);
    // Every month counted its cap: the rule book's 2026 cap, then 2027 grown (11,086,300 × 1.1 = 12,194,930) is a step.
    expect(sim.wageCaps).toContainEqual({ from: "2026-03", sen: rp(11_086_300), source: "SECONDARY" });
    expect(sim.wageCaps).toContainEqual({ from: "2027-03", sen: rp(12_194_930), source: "ASSUMED" });
  });

  it("counts no month before JP began (July 2015) nor after pension age, and none ahead without contributing", () => {
    const sim = simulateJp({ ...base, pastMonths: ["2015-06", "2015-07", "2015-07", "2026-02"], continueContributing: false });
    expect(sim.totalMonths).toBe(1);
    expect(sim.futureMonths).toBe(0);
  });
});
