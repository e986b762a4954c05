// PPh 21 on a JHT benefit paid as a lump sum (domain.md "JHT claim").
//
// PP 68/2009 (with PMK 16/PMK.03/2010): JHT paid at once, within two calendar years, is taxed finally at
// 0% on the first Rp50,000,000 of the gross amount and 5% on the excess. Without an NPWP the rate is 20% higher
// (UU PPh art. 21(5a)), i.e. 6% on the excess; 20% more than 0% is still 0%.
//
// The table is dated so that a later regulation is a new row with its `effectiveFrom`, and a claim keeps the rule it
// was computed with (`tax_rule` on the claim). [D] The start date of PP 68/2009's lump-sum rates is taken as
// 2010-01-01 (the PMK that implements it dates from January 2010); no other row is known.
//
// Rounding: every figure is integer sen; each band's tax is rounded once, half up, to the sen
// (gross × rate × surcharge computed exactly in integers first). The net paid is gross − tax, exactly.

import { NoRuleFigureError, PPH_JHT_RULES, type PphJhtRule } from "../rules/rule-book.ts";
import { divRound } from "../saldo/money.ts";

// The table itself lives in the rule book (rules/rule-book.ts, listed by the datedRules query).
export { PPH_JHT_RULES, type PphJhtRule, type TaxBand } from "../rules/rule-book.ts";

/** The rule in force on `date` (YYYY-MM-DD): the latest whose effectiveFrom is not after it. */
export function pphJhtRuleOn(date: string, rules: readonly PphJhtRule[] = PPH_JHT_RULES): PphJhtRule {
  const rule = [...rules].filter((r) => r.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (!rule) throw new NoRuleFigureError("PPH21_JHT_SEKALIGUS", date, "BEFORE_FIRST_ROW");
  return rule;
}

export interface Rincian {
  saldoSen: bigint;
  pajakSen: bigint;
  dibayarkanSen: bigint;
  taxRule: string;
}

/** Gross saldo, PPh 21 and the net amount paid, for a claim computed on `date`. */
export function rincianKlaim(grossSen: bigint, hasNpwp: boolean, date: string, rules: readonly PphJhtRule[] = PPH_JHT_RULES): Rincian {
  if (grossSen < 0n) throw new Error("gross amount below zero");
  const rule = pphJhtRuleOn(date, rules);
  const surcharge = BigInt(100 + (hasNpwp ? 0 : rule.noNpwpSurchargePercent));
  let pajakSen = 0n;
  let lower = 0n;
  for (const band of rule.bands) {
    if (grossSen <= lower) break;
    const upper = band.upToSen === null || grossSen < band.upToSen ? grossSen : band.upToSen;
    // base × rateBp / 10,000 × surcharge / 100, rounded once.
    pajakSen += divRound((upper - lower) * BigInt(band.rateBp) * surcharge, 1_000_000n);
    if (band.upToSen === null) break;
    lower = band.upToSen;
  }
  return { saldoSen: grossSen, pajakSen, dibayarkanSen: grossSen - pajakSen, taxRule: rule.id };
}
