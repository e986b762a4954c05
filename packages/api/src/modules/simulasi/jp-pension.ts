import { JP_MANFAAT_MAKS, JP_MANFAAT_MIN, JP_UPAH_MAKS, type RuleTable } from "../rules/rule-book.ts";
import { PU_RATES, type Source } from "../saldo/contribution-rules.ts";
import { divRound, percentOf } from "../saldo/money.ts";
import { anniversary, developMonths, grownWage, ymd } from "./jht-projection.ts";

/**
 * The JP (Jaminan Pensiun) simulation of PP 45/2015, in integer sen. Its tables are the rule book's
 * (rules/rule-book.ts) as monthly steps ("YYYY-MM": in force from that month), every figure with its status:
 * OFFICIAL, SECONDARY or ASSUMED (interpolated between official points, or grown beyond the newest one by the
 * simulation's own assumptions, which it states).
 */

/** JP began on 1 July 2015; no month before it counts. */
export const JP_START = "2015-07";
/** A monthly pension needs 15 years of contributions (PP 45/2015); fewer are paid out as a lump sum. */
export const JP_MIN_MONTHS = 180;
/** Yearly adjustments take effect in March, as the 2024 figures did. */
const ADJUSTMENT_MONTH = "03";

export interface DatedFigure {
  /** "YYYY-MM": in force from this month. */
  from: string;
  sen: bigint;
  source: Source;
}

/** Pension age for someone who reaches it in `year` (PP 45/2015 art. 15): 56, 57 from 2019, +1 every 3 years to 65. */
export function pensionAgeInYear(year: number): number {
  if (year < 2019) return 56;
  return Math.min(65, 57 + Math.floor((year - 2019) / 3));
}

/** The first age a person reaches in a year whose pension age it is at least. */
export function pensionAgeFor(birthDate: string): { age: number; year: number; date: string } {
  const birthYear = ymd(birthDate).year;
  let age = 56;
  while (age < pensionAgeInYear(birthYear + age)) age += 1;
  return { age, year: birthYear + age, date: anniversary(birthDate, age) };
}

/** A rule-book table as monthly steps. */
const monthly = (table: RuleTable): DatedFigure[] => table.rows.map((r) => ({ from: r.from.slice(0, 7), sen: r.value, source: r.status }));

/**
 * The monthly benefit floor and ceiling (PP 45/2015 art. 18; adjusted every year by the previous year's
 * inflation): rule book JP_MANFAAT_MIN / JP_MANFAAT_MAKS, with the years between official points interpolated.
 */
export const JP_BENEFIT_FLOORS: ReadonlyArray<DatedFigure> = monthly(JP_MANFAAT_MIN);
export const JP_BENEFIT_CEILINGS: ReadonlyArray<DatedFigure> = monthly(JP_MANFAAT_MAKS);

/** The JP wage caps (rule book JP_UPAH_MAKS, the ledger's own), as dated figures. */
export const JP_WAGE_CAP_TABLE: ReadonlyArray<DatedFigure> = monthly(JP_UPAH_MAKS);

/**
 * The figure in force in `period` ("YYYY-MM"). After the table's last step, one ASSUMED step each March,
 * grown from the one before by `growthBp` and rounded half up to the rupiah.
 */
export function figureAt(table: ReadonlyArray<DatedFigure>, period: string, growthBp: number): DatedFigure {
  let current = table[0]!;
  for (const step of table) if (step.from <= period) current = step;
  const last = table.at(-1)!;
  if (current !== last) return current;
  let year = Number(last.from.slice(0, 4)) + 1;
  let figure = last;
  while (`${year}-${ADJUSTMENT_MONTH}` <= period) {
    figure = { from: `${year}-${ADJUSTMENT_MONTH}`, sen: divRound(figure.sen * BigInt(10_000 + growthBp), 1_000_000n) * 100n, source: "ASSUMED" };
    year += 1;
  }
  return figure;
}

export interface JpSimulationInput {
  /** YYYY-MM-DD */
  today: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** The monthly wage in today's year; earlier years are discounted and later ones grown by wageGrowthBp. */
  monthlyWageSen: bigint;
  /** Months already contributed ("YYYY-MM"); months before July 2015 or after today's month are ignored. */
  pastMonths: ReadonlyArray<string>;
  /** Contribute every month after today's month through the month pension age is reached. */
  continueContributing: boolean;
  wageGrowthBp: number;
  inflationBp: number;
  /** Development of the lump sum's contributions. */
  rateBp: number;
}

export type BenefitLimit = "FLOOR" | "CEILING";

export interface JpSimulation {
  pensionAge: number;
  pensionYear: number;
  /** The day pension age is reached. */
  pensionDate: string;
  pastMonths: number;
  futureMonths: number;
  totalMonths: number;
  eligibleForMonthlyPension: boolean;
  /** Average capped monthly wage over the masa iur, indexed by inflation to the pension year. */
  averageIndexedWageSen: bigint;
  /** The formula's figure before floor and ceiling; null when a lump sum is paid. */
  formulaBenefitSen: bigint | null;
  monthlyBenefitSen: bigint | null;
  limitApplied: BenefitLimit | null;
  benefitFloor: DatedFigure;
  benefitCeiling: DatedFigure;
  lumpSumSen: bigint | null;
  lumpSumContributionsSen: bigint | null;
  /** Every wage-cap step in force in a month of the masa iur. */
  wageCaps: DatedFigure[];
}

const period = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
const monthIndex = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;

/**
 * PP 45/2015 art. 17: first-year monthly benefit = 1% × (masa iur months / 12) × (average indexed yearly
 * wage / 12). With the yearly wage taken as 12 × the month's capped wage, that is
 * Σ(indexed capped monthly wage) / 1200, computed exactly and rounded half up to the sen once.
 */
export function simulateJp(input: JpSimulationInput): JpSimulation {
  const birth = ymd(input.birthDate);
  const pension = pensionAgeFor(input.birthDate);
  const pensionIndex = pension.year * 12 + birth.month - 1;
  const todayIndex = monthIndex(input.today);
  const startIndex = monthIndex(JP_START);

  const past = [...new Set(input.pastMonths.map(monthIndex))].filter((i) => i >= startIndex && i <= todayIndex && i <= pensionIndex);
  const future: number[] = [];
  if (input.continueContributing) for (let i = Math.max(todayIndex + 1, startIndex); i <= pensionIndex; i += 1) future.push(i);
  const months = [...past, ...future].sort((a, b) => a - b);

  // The wage by year: today's year as given, discounted before and grown after by the wage growth.
  const todayYear = ymd(input.today).year;
  const wages = new Map<number, bigint>([[todayYear, input.monthlyWageSen]]);
  const wageIn = (year: number): bigint => {
    const known = wages.get(year);
    if (known !== undefined) return known;
    const wage =
      year > todayYear ? grownWage(wageIn(year - 1), input.wageGrowthBp) : divRound(wageIn(year + 1) * 10_000n, BigInt(10_000 + input.wageGrowthBp));
    wages.set(year, wage);
    return wage;
  };

  const wageCaps = new Map<string, DatedFigure>();
  const capped = months.map((i) => {
    const cap = figureAt(JP_WAGE_CAP_TABLE, period(i), input.wageGrowthBp);
    wageCaps.set(cap.from, cap);
    const wage = wageIn(Math.floor(i / 12));
    return { index: i, year: Math.floor(i / 12), sen: wage < cap.sen ? wage : cap.sen };
  });

  // Σ capped × (1 + inflation)^(pensionYear − year), over one common denominator 10,000^depth: exact.
  const depth = capped.reduce((d, m) => Math.max(d, pension.year - m.year), 0);
  const index = BigInt(10_000 + input.inflationBp);
  let indexedSum = 0n;
  for (const m of capped) {
    const k = pension.year - m.year;
    indexedSum += m.sen * index ** BigInt(k) * 10_000n ** BigInt(depth - k);
  }
  const scale = 10_000n ** BigInt(depth);
  const n = months.length;
  const averageIndexedWageSen = n === 0 ? 0n : divRound(indexedSum, scale * BigInt(n));

  const pensionPeriod = period(pensionIndex);
  const benefitFloor = figureAt(JP_BENEFIT_FLOORS, pensionPeriod, input.inflationBp);
  const benefitCeiling = figureAt(JP_BENEFIT_CEILINGS, pensionPeriod, input.inflationBp);
  const eligible = n >= JP_MIN_MONTHS;

  const result: JpSimulation = {
    pensionAge: pension.age,
    pensionYear: pension.year,
    pensionDate: pension.date,
    pastMonths: past.length,
    futureMonths: future.length,
    totalMonths: n,
    eligibleForMonthlyPension: eligible,
    averageIndexedWageSen,
    formulaBenefitSen: null,
    monthlyBenefitSen: null,
    limitApplied: null,
    benefitFloor,
    benefitCeiling,
    lumpSumSen: null,
    lumpSumContributionsSen: null,
    wageCaps: [...wageCaps.values()],
  };

  if (eligible) {
    const formula = divRound(indexedSum, scale * 1200n);
    result.formulaBenefitSen = formula;
    if (formula < benefitFloor.sen) {
      result.monthlyBenefitSen = benefitFloor.sen;
      result.limitApplied = "FLOOR";
    } else if (formula > benefitCeiling.sen) {
      result.monthlyBenefitSen = benefitCeiling.sen;
      result.limitApplied = "CEILING";
    } else {
      result.monthlyBenefitSen = formula;
    }
    return result;
  }

  // Lump sum: the contributions as charged (2% employer + 1% worker of the capped wage, each to the sen)
  // with development by the JHT method at the rate assumption, through the month pension age is reached.
  const byYear = new Map<number, Map<number, bigint>>();
  let contributed = 0n;
  for (const m of capped) {
    const amount = percentOf(m.sen, PU_RATES.jpEmployerBp) + percentOf(m.sen, PU_RATES.jpWorkerBp);
    contributed += amount;
    const year = byYear.get(m.year) ?? new Map<number, bigint>();
    year.set((m.index % 12) + 1, amount);
    byYear.set(m.year, year);
  }
  let balance = 0n;
  if (capped.length > 0) {
    for (let year = capped[0]!.year; year <= pension.year; year += 1) {
      const lastMonth = year === pension.year ? birth.month : 12;
      balance = developMonths(balance, byYear.get(year) ?? new Map(), input.rateBp, 1, lastMonth).saldoAkhirSen;
    }
  }
  result.lumpSumSen = balance;
  result.lumpSumContributionsSen = contributed;
  return result;
}
