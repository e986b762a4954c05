import {
  AssumptionSource,
  JpBenefitLimit,
  JpLumpSumReason,
  RateSource,
  SimulasiJht,
  SimulasiJp,
  type SimulasiJhtInput,
  type SimulasiJpInput,
} from "@jmo/schema";
import { badUserInput } from "../../common/errors.ts";
import type { LinkedCardRow } from "../cards/card.table.ts";
import type { ParticipantRow } from "../participants/participant.table.ts";
import { PU_RATES } from "../saldo/contribution-rules.ts";
import { formatPercent, parsePercent } from "../saldo/money.ts";
import { todayWib, type SaldoService } from "../saldo/saldo.service.ts";
import { JHT_AGE, projectJht } from "./jht-projection.ts";
import { JP_MIN_MONTHS, JP_START, simulateJp } from "./jp-pension.ts";

export const SIMULASI_DEFAULTS = { wageGrowthPercent: "5.00", ratePercent: "5.50", inflationPercent: "3.00" } as const;
const MAX_PERCENT_BP = 2_000;
/** Rp1 milyar a month: beyond it the input is a typo, not a wage. */
const MAX_WAGE_SEN = 100_000_000_000n;

/** A percentage input as hundredths of a percent; a bad one is the caller's mistake (BAD_USER_INPUT naming the field). */
export function percentInput(field: string, value: string | null | undefined, fallback: string): number {
  const bp = parsePercent(value ?? fallback);
  if (bp === null || bp > MAX_PERCENT_BP) {
    throw badUserInput(`${field}: a percentage from 0.00 to ${formatPercent(MAX_PERCENT_BP)} with at most two decimals`);
  }
  return bp;
}

/** The wage given, or the latest reported one; without either there is nothing to project. */
export function wageInput(
  given: bigint | null | undefined,
  reported: bigint | null,
): { monthlyWageSen: bigint; source: AssumptionSource } {
  if (given !== null && given !== undefined) {
    if (given <= 0n || given > MAX_WAGE_SEN) throw badUserInput("monthlyWage: more than 0 and at most 1000000000.00");
    return { monthlyWageSen: given, source: AssumptionSource.INPUT };
  }
  if (reported === null || reported <= 0n) throw badUserInput("monthlyWage: no reported wage on record; give one");
  return { monthlyWageSen: reported, source: AssumptionSource.PARTICIPANT_DATA };
}

const monthOf = (date: string) => date.slice(0, 7);

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (`${y}-${String(m).padStart(2, "0")}` <= to) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * Months already contributed to JP: the ledger's months with a JP share that were paid by `today`, on any card,
 * each month once (two cards in one month are one month of masa iur). Issue 11, finding 5: the months from card
 * registration to today counted unpaid months and gaps (Budi: 67 instead of the 42 paid).
 */
export function jpMonthsFromLedger(rows: ReadonlyArray<{ period: string; paidAt: string | null }>, today: string): string[] {
  const months = new Set<string>();
  for (const row of rows) {
    const month = monthOf(row.period);
    if (row.paidAt !== null && row.paidAt <= today && month >= JP_START && month <= monthOf(today)) months.add(month);
  }
  return [...months].sort();
}

export class SimulasiService {
  constructor(
    private readonly saldo: SaldoService,
    private readonly today: () => string = () => todayWib(),
  ) {}

  async jht(participant: ParticipantRow, input: SimulasiJhtInput): Promise<SimulasiJht> {
    const wageGrowthBp = percentInput("wageGrowthPercent", input.wageGrowthPercent, SIMULASI_DEFAULTS.wageGrowthPercent);
    const rateBp = percentInput("ratePercent", input.ratePercent, SIMULASI_DEFAULTS.ratePercent);
    const current = await this.saldo.currentFor(participant.id);
    const wage = wageInput(input.monthlyWage, current.monthlyWageSen);
    const projection = projectJht({
      startSaldoSen: current.totalSen,
      asOf: current.asOf,
      birthDate: participant.birthDate,
      monthlyWageSen: wage.monthlyWageSen,
      wageGrowthBp,
      rateBp,
    });
    return Object.assign(new SimulasiJht(), {
      assumptions: {
        monthlyWage: wage.monthlyWageSen,
        monthlyWageSource: wage.source,
        wageGrowthPercent: formatPercent(wageGrowthBp),
        ratePercent: formatPercent(rateBp),
        contributionPercent: formatPercent(PU_RATES.jhtEmployerBp + PU_RATES.jhtWorkerBp),
        employerContributionPercent: formatPercent(PU_RATES.jhtEmployerBp),
        workerContributionPercent: formatPercent(PU_RATES.jhtWorkerBp),
        jhtAge: JHT_AGE,
        birthDate: participant.birthDate,
      },
      startSaldo: current.totalSen,
      startDate: current.asOf,
      years: projection.years.map((y) => ({
        year: y.year,
        age: y.age,
        months: y.months,
        monthlyWage: y.monthlyWageSen,
        saldoAwal: y.saldoAwalSen,
        iuran: y.iuranSen,
        pengembangan: y.pengembanganSen,
        saldoAkhir: y.saldoAkhirSen,
      })),
      dateAt56: projection.dateAt56,
      saldoAt56: projection.saldoAt56Sen,
    });
  }

  async jp(participant: ParticipantRow, cards: ReadonlyArray<LinkedCardRow>, input: SimulasiJpInput): Promise<SimulasiJp> {
    const today = this.today();
    const wageGrowthBp = percentInput("wageGrowthPercent", input.wageGrowthPercent, SIMULASI_DEFAULTS.wageGrowthPercent);
    const inflationBp = percentInput("inflationPercent", input.inflationPercent, SIMULASI_DEFAULTS.inflationPercent);
    const rateBp = percentInput("ratePercent", input.ratePercent, SIMULASI_DEFAULTS.ratePercent);

    const birthDate = input.birthDate ?? participant.birthDate;
    if (birthDate >= today || birthDate < "1920-01-01") throw badUserInput("birthDate: a day between 1920-01-01 and yesterday");

    let pastMonths: string[];
    const possibleMonths = monthsBetween(JP_START, monthOf(today));
    if (input.masaIuranMonths !== null && input.masaIuranMonths !== undefined) {
      if (input.masaIuranMonths < 0 || input.masaIuranMonths > possibleMonths.length) {
        throw badUserInput(`masaIuranMonths: from 0 to ${possibleMonths.length} (JP began in July 2015)`);
      }
      pastMonths = possibleMonths.slice(possibleMonths.length - input.masaIuranMonths);
    } else {
      pastMonths = jpMonthsFromLedger(await this.saldo.jpLedger(cards.map((c) => c.id)), today);
    }

    // The saldo service is asked only when the wage is not given: it computes the whole JHT statement.
    const reported = input.monthlyWage !== null && input.monthlyWage !== undefined ? null : (await this.saldo.currentFor(participant.id)).monthlyWageSen;
    const wage = wageInput(input.monthlyWage, reported);
    const continueContributing = input.continueContributing ?? true;

    const sim = simulateJp({
      today,
      birthDate,
      monthlyWageSen: wage.monthlyWageSen,
      pastMonths,
      continueContributing,
      wageGrowthBp,
      inflationBp,
      rateBp,
    });
    return Object.assign(new SimulasiJp(), {
      assumptions: {
        birthDate,
        birthDateSource: input.birthDate ? AssumptionSource.INPUT : AssumptionSource.PARTICIPANT_DATA,
        monthlyWage: wage.monthlyWageSen,
        monthlyWageSource: wage.source,
        masaIuranMonths: pastMonths.length,
        masaIuranMonthsSource:
          input.masaIuranMonths !== null && input.masaIuranMonths !== undefined ? AssumptionSource.INPUT : AssumptionSource.PARTICIPANT_DATA,
        continueContributing,
        wageGrowthPercent: formatPercent(wageGrowthBp),
        inflationPercent: formatPercent(inflationBp),
        ratePercent: formatPercent(rateBp),
        contributionPercent: formatPercent(PU_RATES.jpEmployerBp + PU_RATES.jpWorkerBp),
        minimumMonths: JP_MIN_MONTHS,
      },
      pensionAge: sim.pensionAge,
      pensionYear: sim.pensionYear,
      pensionDate: sim.pensionDate,
      totalMonths: sim.totalMonths,
      futureMonths: sim.futureMonths,
      eligibleForMonthlyPension: sim.eligibleForMonthlyPension,
      averageIndexedWage: sim.averageIndexedWageSen,
      formulaBenefit: sim.formulaBenefitSen,
      monthlyBenefit: sim.monthlyBenefitSen,
      limitApplied: sim.limitApplied ? JpBenefitLimit[sim.limitApplied] : null,
      benefitFloor: sim.benefitFloor.sen,
      benefitFloorSource: sim.benefitFloor.source as RateSource,
      benefitCeiling: sim.benefitCeiling.sen,
      benefitCeilingSource: sim.benefitCeiling.source as RateSource,
      lumpSum: sim.lumpSumSen,
      lumpSumContributions: sim.lumpSumContributionsSen,
      lumpSumReason: sim.eligibleForMonthlyPension ? null : JpLumpSumReason.MASA_IUR_KURANG_15_TAHUN,
      wageCaps: sim.wageCaps.map((c) => ({ from: c.from, wageCap: c.sen, source: c.source as RateSource })),
    });
  }
}
