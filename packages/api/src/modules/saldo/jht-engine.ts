import { divRound } from "./money.ts";

/**
 * The JHT balance of one card, year by year (RSJHT). One documented method, in integer sen:
 *
 * - Development (pengembangan) accrues month by month at the year's credited rate: in each month the balance
 *   at the start of that month earns rate/12. So the opening balance earns the whole year's rate, and a
 *   contribution for month m (credited at the end of that month) earns rate × (12 − m)/12.
 * - What has accrued is credited, rounded half up to the sen, at the end of the year, or at a withdrawal
 *   (penarikan) before the money leaves, so a full withdrawal empties the card exactly.
 * - For the current year, only complete months accrue (asOf is in month M: months 1…M−1).
 * - saldoAwal + iuranPemberiKerja + iuranPekerja + pengembangan − penarikan = saldoAkhir, exactly, every year.
 */

export type RateSource = "OFFICIAL" | "ASSUMED";

export interface YearRate {
  /** Hundredths of a percent: 7.19% = 719. */
  rateBp: number;
  source: RateSource;
}

export interface YearStatement {
  year: number;
  saldoAwalSen: bigint;
  iuranPemberiKerjaSen: bigint;
  iuranPekerjaSen: bigint;
  pengembanganSen: bigint;
  penarikanSen: bigint;
  saldoAkhirSen: bigint;
  rateBp: number;
  rateSource: RateSource;
}

export interface LedgerEntry {
  /** YYYY-MM-DD, the first day of the contribution month. */
  period: string;
  employerSen: bigint;
  workerSen: bigint;
}

export interface Withdrawal {
  /** YYYY-MM-DD */
  paidOn: string;
  amountSen: bigint;
}

const MONTHS_X_PERCENT = 12n * 10_000n;

/** One year of one card. `accrueMonths`: 12 for a closed year, the complete months so far for the current one. */
export function computeYear(
  year: number,
  saldoAwalSen: bigint,
  entries: ReadonlyArray<{ month: number; employerSen: bigint; workerSen: bigint }>,
  withdrawals: ReadonlyArray<{ month: number; amountSen: bigint }>,
  rate: YearRate,
  accrueMonths = 12,
): YearStatement {
  let balance = saldoAwalSen;
  let accrued = 0n; // sen × bp, not yet divided by 12 × 10,000
  let employer = 0n;
  let worker = 0n;
  let development = 0n;
  let out = 0n;
  const bp = BigInt(rate.rateBp);
  for (let month = 1; month <= 12; month += 1) {
    if (month <= accrueMonths) accrued += balance * bp;
    for (const e of entries) {
      if (e.month !== month) continue;
      employer += e.employerSen;
      worker += e.workerSen;
      balance += e.employerSen + e.workerSen;
    }
    for (const w of withdrawals) {
      if (w.month !== month) continue;
      const credit = divRound(accrued, MONTHS_X_PERCENT);
      accrued = 0n;
      development += credit;
      balance += credit - w.amountSen;
      out += w.amountSen;
    }
  }
  const credit = divRound(accrued, MONTHS_X_PERCENT);
  development += credit;
  balance += credit;
  return {
    year,
    saldoAwalSen,
    iuranPemberiKerjaSen: employer,
    iuranPekerjaSen: worker,
    pengembanganSen: development,
    penarikanSen: out,
    saldoAkhirSen: balance,
    rateBp: rate.rateBp,
    rateSource: rate.source,
  };
}

/** The credited rate of a year; years outside the table take the nearest known rate, marked ASSUMED. */
export function rateFor(year: number, rates: ReadonlyMap<number, YearRate>): YearRate {
  const exact = rates.get(year);
  if (exact) return exact;
  const years = [...rates.keys()].sort((a, b) => a - b);
  if (years.length === 0) throw new Error("the JHT rate table is empty");
  const nearest = year < years[0]! ? years[0]! : years.at(-1)!;
  return { rateBp: rates.get(nearest)!.rateBp, source: "ASSUMED" };
}

export interface CardHistory {
  /** Statements of closed years already kept, oldest first and without gaps. */
  closed: ReadonlyArray<YearStatement>;
  /** Contributions of the years after the last closed one. */
  ledger: ReadonlyArray<LedgerEntry>;
  withdrawals: ReadonlyArray<Withdrawal>;
}

/**
 * Every year of a card up to `asOf`'s year: the kept closed years as they are, then the following years
 * computed. Years before `asOf`'s year that were computed here are returned in `newlyClosed`, to be kept.
 */
export function buildStatements(
  history: CardHistory,
  rates: ReadonlyMap<number, YearRate>,
  asOf: string,
): { years: YearStatement[]; newlyClosed: YearStatement[] } {
  const asOfYear = Number(asOf.slice(0, 4));
  const asOfMonth = Number(asOf.slice(5, 7));
  const years: YearStatement[] = [...history.closed];
  const newlyClosed: YearStatement[] = [];
  const last = history.closed.at(-1);
  const activityYears = [
    ...history.ledger.map((e) => Number(e.period.slice(0, 4))),
    ...history.withdrawals.map((w) => Number(w.paidOn.slice(0, 4))),
  ];
  const first = last ? last.year + 1 : activityYears.length ? Math.min(...activityYears) : null;
  if (first === null) return { years, newlyClosed };
  let saldo = last?.saldoAkhirSen ?? 0n;
  for (let year = first; year <= asOfYear; year += 1) {
    const entries = history.ledger
      .filter((e) => Number(e.period.slice(0, 4)) === year && (year < asOfYear || Number(e.period.slice(5, 7)) <= asOfMonth))
      .map((e) => ({ month: Number(e.period.slice(5, 7)), employerSen: e.employerSen, workerSen: e.workerSen }));
    const outs = history.withdrawals
      .filter((w) => Number(w.paidOn.slice(0, 4)) === year && w.paidOn <= asOf)
      .map((w) => ({ month: Number(w.paidOn.slice(5, 7)), amountSen: w.amountSen }));
    const open = year === asOfYear;
    const statement = computeYear(year, saldo, entries, outs, rateFor(year, rates), open ? asOfMonth - 1 : 12);
    years.push(statement);
    if (!open) newlyClosed.push(statement);
    saldo = statement.saldoAkhirSen;
  }
  return { years, newlyClosed };
}

/** Several cards' statements merged year by year (a participant's saldo over all their cards). */
export function mergeStatements(perCard: ReadonlyArray<ReadonlyArray<YearStatement>>): YearStatement[] {
  const byYear = new Map<number, YearStatement>();
  for (const years of perCard) {
    for (const y of years) {
      const sum = byYear.get(y.year);
      byYear.set(
        y.year,
        sum
          ? {
              ...sum,
              saldoAwalSen: sum.saldoAwalSen + y.saldoAwalSen,
              iuranPemberiKerjaSen: sum.iuranPemberiKerjaSen + y.iuranPemberiKerjaSen,
              iuranPekerjaSen: sum.iuranPekerjaSen + y.iuranPekerjaSen,
              pengembanganSen: sum.pengembanganSen + y.pengembanganSen,
              penarikanSen: sum.penarikanSen + y.penarikanSen,
              saldoAkhirSen: sum.saldoAkhirSen + y.saldoAkhirSen,
            }
          : { ...y },
      );
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export interface SaldoTotals {
  totalSen: bigint;
  iuranPemberiKerjaSen: bigint;
  iuranPekerjaSen: bigint;
  pengembanganSen: bigint;
  penarikanSen: bigint;
}

/** Totals over all years; the total is the last year's closing balance. */
export function totalsOf(years: ReadonlyArray<YearStatement>): SaldoTotals {
  const sum = (pick: (y: YearStatement) => bigint) => years.reduce((acc, y) => acc + pick(y), 0n);
  return {
    totalSen: years.at(-1)?.saldoAkhirSen ?? 0n,
    iuranPemberiKerjaSen: sum((y) => y.iuranPemberiKerjaSen),
    iuranPekerjaSen: sum((y) => y.iuranPekerjaSen),
    pengembanganSen: sum((y) => y.pengembanganSen),
    penarikanSen: sum((y) => y.penarikanSen),
  };
}
