import { BPU_JHT_PERSEN, BPU_JKK_PERSEN, BPU_JKM_IURAN, figureOn, JP_UPAH_MAKS, NoRuleFigureError, type RuleStatus } from "../rules/rule-book.ts";
import { percentOf } from "./money.ts";

/**
 * What one month's contribution (iuran) charges, by segment, from the reported wage (domain.md,
 * "Contributions"). Rates are in hundredths of a percent. The ledger stores the result, so a change of
 * rules never rewrites history.
 */

export type Segment = "PU" | "BPU" | "JAKON" | "PMI";

export const PU_RATES = {
  jhtEmployerBp: 370,
  jhtWorkerBp: 200,
  jpEmployerBp: 200,
  jpWorkerBp: 100,
  jkmBp: 30,
} as const;

/** JKK by the employer's risk class I–V (very low … very high). */
export const JKK_BY_RISK_CLASS_BP = [24, 54, 89, 127, 174] as const;

/**
 * The BPU figures in force on a month (rule book: BPU_JKK_PERSEN, BPU_JKM_IURAN, BPU_JHT_PERSEN; sources in
 * docs/domain/iuran-bpu.md). Dated, so a later change of rate charges only the months from its date.
 */
export function bpuRatesOn(period: string): { jkkBp: number; jkmFlatSen: bigint; jhtOptionalWorkerBp: number } {
  const day = `${period.slice(0, 7)}-01`;
  return {
    jkkBp: Number(figureOn(BPU_JKK_PERSEN, day).value),
    jkmFlatSen: figureOn(BPU_JKM_IURAN, day).value,
    jhtOptionalWorkerBp: Number(figureOn(BPU_JHT_PERSEN, day).value),
  };
}

export type Source = RuleStatus;

/**
 * The JP wage cap (upah maksimum JP) by the month it took effect, from the rule book (rules/rule-book.ts,
 * JP_UPAH_MAKS; sources and status per row in docs/domain/rules.md).
 */
export const JP_WAGE_CAPS: ReadonlyArray<{ from: string; capSen: bigint; source: Source }> = JP_UPAH_MAKS.rows.map((r) => ({
  from: r.from.slice(0, 7),
  capSen: r.value,
  source: r.status,
}));

/** JP began in July 2015: no JP share before it. */
export const JP_START_MONTH = "2015-07";

/**
 * The JP wage cap for a contribution month ("YYYY-MM" or "YYYY-MM-DD"); null before JP began (July 2015). A month
 * the rule book has no cap for (after the newest row ran out) throws NoRuleFigureError rather than reuse an old cap.
 */
export function jpWageCap(period: string, options: { beyondTable?: "REFUSE" | "LATEST_ASSUMED" } = {}): bigint | null {
  const month = period.slice(0, 7);
  if (month < JP_START_MONTH) return null;
  try {
    return figureOn(JP_UPAH_MAKS, `${month}-01`).value;
  } catch (error) {
    // Demo and test ledgers run up to today, which may be past the newest published cap: they may say so explicitly
    // and take the newest row (an ASSUMED figure, never used by the API's own calculations).
    if (options.beyondTable === "LATEST_ASSUMED" && error instanceof NoRuleFigureError && error.reason === "AFTER_LAST_ROW") {
      return JP_UPAH_MAKS.rows.at(-1)!.value;
    }
    throw error;
  }
}

/**
 * A segment whose contributions are not computed here. PMI (migrant workers) pay fixed JKK+JKM amounts per
 * placement period, e.g. Rp37,500 before work and Rp332,500 for 24 months (Permenaker 4/2023 art. 18), JHT optional;
 * JAKON (construction projects) pay JKK and JKM only, on the construction contract's value when wages are not known
 * (Permenaker 44/2015). Charging them like BPU or PU gave wrong figures, so the computation refuses (issue 11).
 */
export class ContributionNotSupportedError extends Error {
  readonly code = "CONTRIBUTION_SEGMENT_NOT_SUPPORTED";
  constructor(readonly segment: Segment) {
    super(`contributions of segment ${segment} are not computed (PMI: fixed amounts per period; JAKON: project value); see docs/domain/rules.md`);
    this.name = "ContributionNotSupportedError";
  }
}

export interface ContributionShares {
  jhtEmployerSen: bigint;
  jhtWorkerSen: bigint;
  jpEmployerSen: bigint;
  jpWorkerSen: bigint;
  jkkSen: bigint;
  jkmSen: bigint;
}

/**
 * One month's shares. PU: JHT 3.7% + 2% (no cap), JP 2% + 1% of the wage up to the month's cap, JKK by risk
 * class, JKM 0.30%. BPU: JKK 1% of declared income, JKM Rp6,800, JHT 2% only when chosen, no JP. PMI and JAKON:
 * ContributionNotSupportedError (issue 11, finding 4: they used to be charged like BPU and PU, which is wrong).
 */
export function contributionFor(
  segment: Segment,
  wageSen: bigint,
  period: string,
  options: {
    riskClass?: 1 | 2 | 3 | 4 | 5;
    bpuJht?: boolean;
    /** Demo/test ledgers only: a month past the newest JP cap takes that cap (ASSUMED) instead of failing. */
    jpCapBeyondTable?: "REFUSE" | "LATEST_ASSUMED";
  } = {},
): ContributionShares {
  if (segment === "PMI" || segment === "JAKON") throw new ContributionNotSupportedError(segment);
  if (segment === "BPU") {
    const rates = bpuRatesOn(period);
    return {
      jhtEmployerSen: 0n,
      jhtWorkerSen: options.bpuJht ? percentOf(wageSen, rates.jhtOptionalWorkerBp) : 0n,
      jpEmployerSen: 0n,
      jpWorkerSen: 0n,
      jkkSen: percentOf(wageSen, rates.jkkBp),
      jkmSen: rates.jkmFlatSen,
    };
  }
  const cap = jpWageCap(period, { beyondTable: options.jpCapBeyondTable ?? "REFUSE" });
  const jpBase = cap === null ? 0n : wageSen < cap ? wageSen : cap;
  return {
    jhtEmployerSen: percentOf(wageSen, PU_RATES.jhtEmployerBp),
    jhtWorkerSen: percentOf(wageSen, PU_RATES.jhtWorkerBp),
    jpEmployerSen: percentOf(jpBase, PU_RATES.jpEmployerBp),
    jpWorkerSen: percentOf(jpBase, PU_RATES.jpWorkerBp),
    jkkSen: percentOf(wageSen, JKK_BY_RISK_CLASS_BP[(options.riskClass ?? 1) - 1]!),
    jkmSen: percentOf(wageSen, PU_RATES.jkmBp),
  };
}
