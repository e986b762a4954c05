import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, RupiahScalar, YearMonthScalar } from "./scalars.ts";
import { RateSource } from "./saldo.types.ts";

export enum AssumptionSource {
  INPUT = "INPUT",
  PARTICIPANT_DATA = "PARTICIPANT_DATA",
}
registerEnumType(AssumptionSource, {
  name: "AssumptionSource",
  description: "Where a simulation took a value from",
  valuesConfig: {
    INPUT: { description: "The caller gave it" },
    PARTICIPANT_DATA: { description: "The participant's own data: profile, cards, last reported wage" },
  },
});

export enum JpBenefitLimit {
  FLOOR = "FLOOR",
  CEILING = "CEILING",
}
registerEnumType(JpBenefitLimit, {
  name: "JpBenefitLimit",
  description: "Which limit replaced the JP formula's monthly benefit",
  valuesConfig: {
    FLOOR: { description: "The formula gave less than the minimum benefit: the minimum is paid" },
    CEILING: { description: "The formula gave more than the maximum benefit: the maximum is paid" },
  },
});

export enum JpLumpSumReason {
  MASA_IUR_KURANG_15_TAHUN = "MASA_IUR_KURANG_15_TAHUN",
}
registerEnumType(JpLumpSumReason, {
  name: "JpLumpSumReason",
  description: "Why JP is paid as a lump sum instead of a monthly pension",
  valuesConfig: {
    MASA_IUR_KURANG_15_TAHUN: {
      description: "Fewer than 180 months of contributions at pension age: contributions plus development are paid at once (PP 45/2015)",
    },
  },
});

const PERCENT = 'A percentage as a decimal string with at most two decimals, e.g. "5.00"';

@InputType({ description: "Every field is optional; the answer's `assumptions` says which values were used." })
export class SimulasiJhtInput {
  @Field(() => RupiahScalar, { nullable: true, description: "Monthly wage this year. Default: the latest reported wage over the participant's cards" })
  monthlyWage?: bigint | null;

  @Field(() => String, { nullable: true, description: `Yearly wage growth, 0.00–20.00. Default "5.00". ${PERCENT}` })
  wageGrowthPercent?: string | null;

  @Field(() => String, { nullable: true, description: `Yearly development rate, 0.00–20.00. Default "5.50". ${PERCENT}` })
  ratePercent?: string | null;
}

@ObjectType({ description: "The values a JHT projection used: the input's, or defaults (see the *Source fields)" })
export class SimulasiJhtAssumptions {
  @Field(() => RupiahScalar, { description: "Monthly wage in the first year" })
  monthlyWage!: bigint;

  @Field(() => AssumptionSource, { description: "INPUT, or PARTICIPANT_DATA (the last reported wage)" })
  monthlyWageSource!: AssumptionSource;

  @Field(() => String, { description: "Yearly wage growth in percent, e.g. \"5.00\"" })
  wageGrowthPercent!: string;

  @Field(() => String, { description: "Yearly development rate in percent, e.g. \"5.50\"" })
  ratePercent!: string;

  @Field(() => String, { description: 'JHT contribution of a wage earner (PU): "5.70" = employer 3.70 + worker 2.00' })
  contributionPercent!: string;

  @Field(() => String, { description: "Employer's share of the wage in percent (\"3.70\")" })
  employerContributionPercent!: string;

  @Field(() => String, { description: "Worker's share of the wage in percent (\"2.00\")" })
  workerContributionPercent!: string;

  @Field(() => Int, { description: "JHT is paid at 56" })
  jhtAge!: number;

  @Field(() => DateScalar, { description: "The participant's birth date (gives the year they turn 56)" })
  birthDate!: string;
}

@ObjectType({ description: "One projected year. saldoAwal + iuran + pengembangan = saldoAkhir, exactly." })
export class SimulasiJhtYear {
  @Field(() => Int, { description: "Calendar year" })
  year!: number;

  @Field(() => Int, { description: "The age reached in this year" })
  age!: number;

  @Field(() => Int, { description: "Months of this year the projection covers" })
  months!: number;

  @Field(() => RupiahScalar, { description: "The monthly wage assumed in this year" })
  monthlyWage!: bigint;

  @Field(() => RupiahScalar, { description: "Projected balance at the start of the year" })
  saldoAwal!: bigint;

  @Field(() => RupiahScalar, { description: "Contributions of the year (employer + worker)" })
  iuran!: bigint;

  @Field(() => RupiahScalar, { description: "Development credited in the year" })
  pengembangan!: bigint;

  @Field(() => RupiahScalar, { description: "Projected balance at the end of the year" })
  saldoAkhir!: bigint;
}

@ObjectType({ description: "The JHT balance projected to age 56 from the current merged saldo" })
export class SimulasiJht {
  @Field(() => SimulasiJhtAssumptions, { description: "The values used" })
  assumptions!: SimulasiJhtAssumptions;

  @Field(() => RupiahScalar, { description: "The merged JHT saldo the projection starts from" })
  startSaldo!: bigint;

  @Field(() => DateScalar, { description: "The day of the start saldo (asOf)" })
  startDate!: string;

  @Field(() => [SimulasiJhtYear], { description: "From the start year to the year of the 56th birthday; empty when already 56" })
  years!: SimulasiJhtYear[];

  @Field(() => DateScalar, { description: "The 56th birthday" })
  dateAt56!: string;

  @Field(() => RupiahScalar, { description: "Projected saldo at the end of the month the participant turns 56" })
  saldoAt56!: bigint;
}

@InputType({ description: "Every field is optional; the answer's `assumptions` says which values were used." })
export class SimulasiJpInput {
  @Field(() => DateScalar, { nullable: true, description: "Default: the participant's birth date" })
  birthDate?: string | null;

  @Field(() => RupiahScalar, { nullable: true, description: "Monthly wage this year. Default: the latest reported wage over the participant's cards" })
  monthlyWage?: bigint | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Months already contributed, taken as the months up to this one. Default: the months of the participant's PU cards since July 2015 (registration to NONAKTIF or this month)",
  })
  masaIuranMonths?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Keep contributing every month until pension age. Default true" })
  continueContributing?: boolean | null;

  @Field(() => String, { nullable: true, description: `Yearly wage growth (also grows the wage cap after the last known one), 0.00–20.00. Default "5.00". ${PERCENT}` })
  wageGrowthPercent?: string | null;

  @Field(() => String, { nullable: true, description: `Yearly inflation, indexes wages and grows the benefit floor and ceiling, 0.00–20.00. Default "3.00". ${PERCENT}` })
  inflationPercent?: string | null;

  @Field(() => String, { nullable: true, description: `Development rate of a lump sum, 0.00–20.00. Default "5.50". ${PERCENT}` })
  ratePercent?: string | null;
}

@ObjectType({ description: "The values a JP simulation used: the input's, or defaults (see the *Source fields)" })
export class SimulasiJpAssumptions {
  @Field(() => DateScalar, { description: "Birth date the pension age is taken from" })
  birthDate!: string;

  @Field(() => AssumptionSource, { description: "INPUT, or PARTICIPANT_DATA (the profile)" })
  birthDateSource!: AssumptionSource;

  @Field(() => RupiahScalar, { description: "Monthly wage this year" })
  monthlyWage!: bigint;

  @Field(() => AssumptionSource, { description: "INPUT, or PARTICIPANT_DATA (the last reported wage)" })
  monthlyWageSource!: AssumptionSource;

  @Field(() => Int, { description: "Months already contributed" })
  masaIuranMonths!: number;

  @Field(() => AssumptionSource, { description: "INPUT, or PARTICIPANT_DATA (months of the PU cards)" })
  masaIuranMonthsSource!: AssumptionSource;

  @Field(() => Boolean, { description: "Whether contributions continue every month until pension age" })
  continueContributing!: boolean;

  @Field(() => String, { description: "Yearly wage growth in percent, e.g. \"5.00\"" })
  wageGrowthPercent!: string;

  @Field(() => String, { description: "Yearly inflation in percent, e.g. \"3.00\"" })
  inflationPercent!: string;

  @Field(() => String, { description: "Development rate of a lump sum in percent, e.g. \"5.50\"" })
  ratePercent!: string;

  @Field(() => String, { description: 'JP contribution: "3.00" = employer 2.00 + worker 1.00, of the wage up to the cap' })
  contributionPercent!: string;

  @Field(() => Int, { description: "Months needed for a monthly pension (15 years)" })
  minimumMonths!: number;
}

@ObjectType({ description: "A JP wage cap step: in force from a month until the next step" })
export class SimulasiJpWageCap {
  @Field(() => YearMonthScalar, { description: "First month the cap is in force" })
  from!: string;

  @Field(() => RupiahScalar, { description: "The most of a monthly wage JP contributions are charged on" })
  wageCap!: bigint;

  @Field(() => RateSource, { description: "ASSUMED: interpolated, or grown by the wage growth assumption" })
  source!: RateSource;
}

@ObjectType({ description: "A JP pension simulation under PP 45/2015" })
export class SimulasiJp {
  @Field(() => SimulasiJpAssumptions, { description: "The values used" })
  assumptions!: SimulasiJpAssumptions;

  @Field(() => Int, { description: "Pension age (usia pensiun) for this participant: 56 before 2019, 57 from 2019, one more every three years up to 65 (PP 45/2015 art. 15)" })
  pensionAge!: number;

  @Field(() => Int, { description: "The year pension age is reached" })
  pensionYear!: number;

  @Field(() => DateScalar, { description: "The day pension age is reached" })
  pensionDate!: string;

  @Field(() => Int, { description: "Months of contribution (masa iur) at pension age" })
  totalMonths!: number;

  @Field(() => Int, { description: "Of totalMonths, those still to come" })
  futureMonths!: number;

  @Field(() => Boolean, { description: "At least 180 months: a monthly pension; otherwise a lump sum" })
  eligibleForMonthlyPension!: boolean;

  @Field(() => RupiahScalar, { description: "Average monthly wage over the masa iur, capped and indexed by inflation to the pension year" })
  averageIndexedWage!: bigint;

  @Field(() => RupiahScalar, { nullable: true, description: "The formula's first-year monthly benefit before floor and ceiling" })
  formulaBenefit!: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: "First-year monthly benefit; null when a lump sum is paid" })
  monthlyBenefit!: bigint | null;

  @Field(() => JpBenefitLimit, { nullable: true, description: "Whether the floor or the ceiling replaced the formula's benefit; null when neither (or a lump sum)" })
  limitApplied!: JpBenefitLimit | null;

  @Field(() => RupiahScalar, { description: "Minimum monthly benefit in force at pension age" })
  benefitFloor!: bigint;

  @Field(() => RateSource, { description: "Where benefitFloor comes from" })
  benefitFloorSource!: RateSource;

  @Field(() => RupiahScalar, { description: "Maximum monthly benefit in force at pension age" })
  benefitCeiling!: bigint;

  @Field(() => RateSource, { description: "Where benefitCeiling comes from" })
  benefitCeilingSource!: RateSource;

  @Field(() => RupiahScalar, { nullable: true, description: "Paid at once instead of a pension: contributions plus development" })
  lumpSum!: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: "The lump sum's contributions (3% of the capped wage)" })
  lumpSumContributions!: bigint | null;

  @Field(() => JpLumpSumReason, { nullable: true, description: "Why a lump sum is paid; null for a monthly pension" })
  lumpSumReason!: JpLumpSumReason | null;

  @Field(() => [SimulasiJpWageCap], { description: "The wage caps applied, oldest first" })
  wageCaps!: SimulasiJpWageCap[];
}
