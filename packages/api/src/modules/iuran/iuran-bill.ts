import { BPU_BAYAR_DIMUKA_MAKS, BPU_JATUH_TEMPO, BPU_MASA_TENGGANG, BPU_PENGINGAT, figureOn } from "../rules/rule-book.ts";
import { contributionFor, type ContributionShares } from "../saldo/contribution-rules.ts";

/**
 * What a BPU member owes and until when they are protected, from the ledger (the months paid) and the rule book
 * (docs/domain/iuran-bpu.md). Pure: the service reads the rows and today's date (WIB) and calls these.
 */

/** The months a payment may cover in one go, as the app offers them. */
export const PAYABLE_MONTHS = [1, 3, 6, 12] as const;

export type Protection = "MENUNGGU_IURAN_PERTAMA" | "DILINDUNGI" | "MASA_TENGGANG" | "BERAKHIR";

export interface MonthAmount {
  /** First day of the month. */
  period: string;
  jkkSen: bigint;
  jkmSen: bigint;
  jhtSen: bigint;
  totalSen: bigint;
}

export interface BillInput {
  cardStatus: "AKTIF" | "NONAKTIF" | "MENUNGGU_IURAN_PERTAMA";
  /** The latest month in the card's ledger (first day), null when nothing was paid. */
  lastPaidPeriod: string | null;
  monthsPaid: number;
  declaredIncomeSen: bigint;
  jht: boolean;
  /** YYYY-MM-DD in WIB. */
  today: string;
}

export interface Bill {
  protection: Protection;
  protectedUntil: string | null;
  /** The last day arrears may be paid; after it the membership ends. */
  graceEndsOn: string | null;
  /** The first month the next payment covers. */
  nextPeriod: string;
  /** When `nextPeriod` is due (the rule book's due day of that month). */
  nextDueDate: string;
  /** Unpaid months up to and including the current month. */
  monthsDue: string[];
  monthsPaid: number;
  /** Each option the member may choose now (1, 3, 6, 12 months, within the months payable ahead). */
  options: Array<{ months: number; periods: MonthAmount[]; total: MonthAmount; protectedUntil: string }>;
  /** What the next month costs, by program. */
  monthly: MonthAmount;
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}-01`;
}

/** Months from `a` to `b` (both first days): 0 for the same month. */
export function monthsBetween(a: string, b: string): number {
  return Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7)) - (Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)));
}

export function lastDayOf(period: string): string {
  const next = addMonths(period, 1);
  const d = new Date(`${next}T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** One month's contribution by program on the declared income (contribution-rules.ts, dated BPU rows). */
export function monthAmount(period: string, declaredIncomeSen: bigint, jht: boolean): MonthAmount {
  const s: ContributionShares = contributionFor("BPU", declaredIncomeSen, period, { bpuJht: jht });
  return { period, jkkSen: s.jkkSen, jkmSen: s.jkmSen, jhtSen: s.jhtWorkerSen, totalSen: s.jkkSen + s.jkmSen + s.jhtWorkerSen };
}

/** The sum of months, program by program: the total is the sum of the programs, to the sen. */
export function sumMonths(months: readonly MonthAmount[]): MonthAmount {
  const total = { period: months[0]?.period ?? "", jkkSen: 0n, jkmSen: 0n, jhtSen: 0n, totalSen: 0n };
  for (const m of months) {
    total.jkkSen += m.jkkSen;
    total.jkmSen += m.jkmSen;
    total.jhtSen += m.jhtSen;
  }
  total.totalSen = total.jkkSen + total.jkmSen + total.jhtSen;
  return total;
}

export function periodsFrom(first: string, months: number): string[] {
  return Array.from({ length: months }, (_, i) => addMonths(first, i));
}

/** The rule book's figure on `today`, as a number (months, days, a day of the month). */
function count(table: Parameters<typeof figureOn>[0], today: string): number {
  return Number(figureOn(table, today).value);
}

export function graceMonths(today: string): number {
  return count(BPU_MASA_TENGGANG, today);
}

export function reminderDays(today: string): number {
  return count(BPU_PENGINGAT, today);
}

export function computeBill(input: BillInput): Bill {
  const { today } = input;
  const current = firstOfMonth(today);
  const protectedUntil = input.lastPaidPeriod ? lastDayOf(input.lastPaidPeriod) : null;
  const graceEndsOn = input.lastPaidPeriod ? lastDayOf(addMonths(input.lastPaidPeriod, graceMonths(today))) : null;
  const protection: Protection =
    input.cardStatus === "MENUNGGU_IURAN_PERTAMA"
      ? "MENUNGGU_IURAN_PERTAMA"
      : input.cardStatus === "NONAKTIF" || !protectedUntil || !graceEndsOn
        ? "BERAKHIR"
        : today <= protectedUntil
          ? "DILINDUNGI"
          : today <= graceEndsOn
            ? "MASA_TENGGANG"
            : "BERAKHIR";
  // [D] A first payment covers the month it is paid in (bpu-card-and-identity.md): protection starts with it.
  const nextPeriod = input.lastPaidPeriod ? addMonths(input.lastPaidPeriod, 1) : current;
  const dueDay = String(count(BPU_JATUH_TEMPO, today)).padStart(2, "0");
  const monthsDue = nextPeriod <= current ? periodsFrom(nextPeriod, monthsBetween(nextPeriod, current) + 1) : [];
  const maxAhead = count(BPU_BAYAR_DIMUKA_MAKS, today);
  const options =
    protection === "BERAKHIR"
      ? []
      : PAYABLE_MONTHS.filter((n) => monthsBetween(current, addMonths(nextPeriod, n - 1)) <= maxAhead).map((n) => {
          const periods = periodsFrom(nextPeriod, n).map((p) => monthAmount(p, input.declaredIncomeSen, input.jht));
          return { months: n, periods, total: sumMonths(periods), protectedUntil: lastDayOf(addMonths(nextPeriod, n - 1)) };
        });
  return {
    protection,
    protectedUntil,
    graceEndsOn,
    nextPeriod,
    nextDueDate: `${nextPeriod.slice(0, 7)}-${dueDay}`,
    monthsDue,
    monthsPaid: input.monthsPaid,
    options,
    monthly: monthAmount(nextPeriod, input.declaredIncomeSen, input.jht),
  };
}
