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

export const BPU_RATES = {
  jkkBp: 100,
  jkmFlatSen: 680_000n, // Rp6,800 a month
  jhtOptionalWorkerBp: 200,
} as const;

export type Source = "OFFICIAL" | "ASSUMED";

/**
 * The JP wage cap (upah maksimum JP) by the month it took effect. OFFICIAL: the figures in domain.md
 * (PP 45/2015 and BPJS Ketenagakerjaan announcements); ASSUMED: yearly adjustments as reported in the
 * press, not checked against a primary source.
 */
export const JP_WAGE_CAPS: ReadonlyArray<{ from: string; capSen: bigint; source: Source }> = [
  { from: "2015-07", capSen: 700_000_000n, source: "OFFICIAL" },
  { from: "2016-03", capSen: 733_530_000n, source: "ASSUMED" },
  { from: "2017-03", capSen: 770_350_000n, source: "ASSUMED" },
  { from: "2018-03", capSen: 809_400_000n, source: "ASSUMED" },
  { from: "2019-03", capSen: 851_240_000n, source: "ASSUMED" },
  { from: "2020-03", capSen: 875_460_000n, source: "ASSUMED" },
  { from: "2021-03", capSen: 893_970_000n, source: "ASSUMED" },
  { from: "2022-03", capSen: 907_760_000n, source: "ASSUMED" },
  { from: "2023-03", capSen: 955_960_000n, source: "OFFICIAL" },
  { from: "2024-03", capSen: 1_004_230_000n, source: "OFFICIAL" },
];

/** The JP wage cap for a contribution month ("YYYY-MM"); null before JP began (July 2015). */
export function jpWageCap(period: string): bigint | null {
  const month = period.slice(0, 7);
  let cap: bigint | null = null;
  for (const step of JP_WAGE_CAPS) if (step.from <= month) cap = step.capSen;
  return cap;
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
 * One month's shares. PU and JAKON: JHT 3.7% + 2% (no cap), JP 2% + 1% of the wage up to the cap, JKK by
 * risk class, JKM 0.30%. BPU and PMI (simplified to the BPU rules): JKK 1% of declared income, JKM Rp6,800,
 * JHT 2% only when chosen, no JP.
 */
export function contributionFor(
  segment: Segment,
  wageSen: bigint,
  period: string,
  options: { riskClass?: 1 | 2 | 3 | 4 | 5; bpuJht?: boolean } = {},
): ContributionShares {
  if (segment === "BPU" || segment === "PMI") {
    return {
      jhtEmployerSen: 0n,
      jhtWorkerSen: options.bpuJht ? percentOf(wageSen, BPU_RATES.jhtOptionalWorkerBp) : 0n,
      jpEmployerSen: 0n,
      jpWorkerSen: 0n,
      jkkSen: percentOf(wageSen, BPU_RATES.jkkBp),
      jkmSen: BPU_RATES.jkmFlatSen,
    };
  }
  const cap = jpWageCap(period);
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
