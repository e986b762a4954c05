import { PU_RATES } from "../saldo/contribution-rules.ts";
import { divRound, percentOf } from "../saldo/money.ts";

/**
 * The JHT balance projected to age 56, year by year, in integer sen. The development method is the
 * ledger's (saldo/jht-engine.ts): in each month the balance at the start of the month earns rate/12, a
 * month's contribution is credited at the end of its month, and what accrued is credited once, rounded
 * half up to the sen, at the end of the year (or at the end of the month the participant turns 56).
 */

/** JHT is paid at 56; unlike JP's pension age it does not rise. */
export const JHT_AGE = 56;

export interface JhtProjectionInput {
  /** The merged saldo on `asOf`: the ledger has accrued the complete months before asOf's month. */
  startSaldoSen: bigint;
  /** YYYY-MM-DD */
  asOf: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** The monthly wage in asOf's year; it grows by `wageGrowthBp` every January after. */
  monthlyWageSen: bigint;
  /** Hundredths of a percent: 5.00% = 500. */
  wageGrowthBp: number;
  rateBp: number;
}

export interface JhtProjectionYear {
  year: number;
  /** The age the participant reaches in this year. */
  age: number;
  /** Months of this year the projection covers (development accrues over them). */
  months: number;
  monthlyWageSen: bigint;
  saldoAwalSen: bigint;
  iuranSen: bigint;
  pengembanganSen: bigint;
  saldoAkhirSen: bigint;
}

export interface JhtProjection {
  /** The 56th birthday (YYYY-MM-DD; 29 February falls on 28 February in common years). */
  dateAt56: string;
  years: JhtProjectionYear[];
  saldoAt56Sen: bigint;
}

const MONTHS_X_PERCENT = 12n * 10_000n;

/**
 * One year's development by the ledger's method over the months `accrueFrom`…`accrueTo`: each of these
 * months the balance at its start earns rate/12; `contributions` (month → sen) are added at the end of
 * their month. Credited once, rounded half up to the sen.
 */
export function developMonths(
  saldoAwalSen: bigint,
  contributions: ReadonlyMap<number, bigint>,
  rateBp: number,
  accrueFrom: number,
  accrueTo: number,
): { iuranSen: bigint; pengembanganSen: bigint; saldoAkhirSen: bigint } {
  let balance = saldoAwalSen;
  let accrued = 0n; // sen × bp, not yet divided by 12 × 10,000
  let iuran = 0n;
  for (let month = accrueFrom; month <= accrueTo; month += 1) {
    accrued += balance * BigInt(rateBp);
    const amount = contributions.get(month) ?? 0n;
    iuran += amount;
    balance += amount;
  }
  const pengembangan = divRound(accrued, MONTHS_X_PERCENT);
  return { iuranSen: iuran, pengembanganSen: pengembangan, saldoAkhirSen: balance + pengembangan };
}

/** A wage one year later: `wage × (1 + growth)`, rounded half up to the sen. */
export function grownWage(wageSen: bigint, growthBp: number): bigint {
  return divRound(wageSen * BigInt(10_000 + growthBp), 10_000n);
}

/** One month's JHT contribution for PU: 3.7% employer + 2% worker, each rounded to the sen as charged. */
export function jhtMonthlyContribution(wageSen: bigint): bigint {
  return percentOf(wageSen, PU_RATES.jhtEmployerBp) + percentOf(wageSen, PU_RATES.jhtWorkerBp);
}

export const ymd = (date: string) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });

/** The date `years` after `date`; 29 February becomes 28 February in a common year. */
export function anniversary(date: string, years: number): string {
  const { year, month, day } = ymd(date);
  const y = year + years;
  const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/**
 * Projects from asOf to the end of the month the participant turns 56.
 * - asOf's year: development accrues from asOf's month (the ledger has already credited the months before
 *   it); contributions come from the month after asOf's month (asOf's own month is taken as reported).
 * - Following years: 12 months, the wage grown once each January.
 * - The year of the 56th birthday: months 1 to the birthday's month, whose contribution is the last.
 * - Already 56 before asOf's month: no years; the saldo at 56 is the current saldo.
 */
export function projectJht(input: JhtProjectionInput): JhtProjection {
  const now = ymd(input.asOf);
  const birth = ymd(input.birthDate);
  const dateAt56 = anniversary(input.birthDate, JHT_AGE);
  const endYear = birth.year + JHT_AGE;
  const endMonth = birth.month;
  const years: JhtProjectionYear[] = [];
  let saldo = input.startSaldoSen;
  let wage = input.monthlyWageSen;
  for (let year = now.year; year <= endYear; year += 1) {
    if (year > now.year) wage = grownWage(wage, input.wageGrowthBp);
    const accrueFrom = year === now.year ? now.month : 1;
    const accrueTo = year === endYear ? endMonth : 12;
    if (accrueFrom > accrueTo) continue;
    const contributionFrom = year === now.year ? now.month + 1 : 1;
    const perMonth = jhtMonthlyContribution(wage);
    const contributions = new Map<number, bigint>();
    for (let month = contributionFrom; month <= accrueTo; month += 1) contributions.set(month, perMonth);
    const result = developMonths(saldo, contributions, input.rateBp, accrueFrom, accrueTo);
    years.push({
      year,
      age: year - birth.year,
      months: accrueTo - accrueFrom + 1,
      monthlyWageSen: wage,
      saldoAwalSen: saldo,
      ...result,
    });
    saldo = result.saldoAkhirSen;
  }
  return { dateAt56, years, saldoAt56Sen: saldo };
}
