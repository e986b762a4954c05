import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, RupiahScalar } from "./scalars.ts";
import { RateSource } from "./saldo.types.ts";

export enum DatedRuleName {
  KLAIM_JMO_SALDO_MAKS = "KLAIM_JMO_SALDO_MAKS",
  JP_UPAH_MAKS = "JP_UPAH_MAKS",
  JP_MANFAAT_MIN = "JP_MANFAAT_MIN",
  JP_MANFAAT_MAKS = "JP_MANFAAT_MAKS",
  JHT_PENGEMBANGAN = "JHT_PENGEMBANGAN",
  PPH21_JHT_SEKALIGUS = "PPH21_JHT_SEKALIGUS",
  PPH21_JHT_TANPA_NPWP = "PPH21_JHT_TANPA_NPWP",
}
registerEnumType(DatedRuleName, {
  name: "DatedRuleName",
  description: "A figure of the rule book that changes over time",
  valuesConfig: {
    KLAIM_JMO_SALDO_MAKS: { description: "The most a JHT claim through JMO may be for: the participant's total JHT saldo (Rp)" },
    JP_UPAH_MAKS: { description: "The JP wage cap: the most of a monthly wage JP contributions are charged on (PP 45/2015 art. 29)" },
    JP_MANFAAT_MIN: { description: "The lowest monthly JP pension (PP 45/2015 art. 18)" },
    JP_MANFAAT_MAKS: { description: "The highest monthly JP pension (PP 45/2015 art. 18)" },
    JHT_PENGEMBANGAN: { description: "The JHT development rate credited for a calendar year (the jhtRates table)" },
    PPH21_JHT_SEKALIGUS: { description: "PPh 21 on JHT paid as a lump sum: one row per band of the gross amount (PP 68/2009)" },
    PPH21_JHT_TANPA_NPWP: { description: "How many percent higher each PPh 21 band's rate is without an NPWP" },
  },
});

export enum DatedRuleUnit {
  RUPIAH = "RUPIAH",
  RUPIAH_PER_BULAN = "RUPIAH_PER_BULAN",
  PERSEN = "PERSEN",
  PERSEN_PER_TAHUN = "PERSEN_PER_TAHUN",
}
registerEnumType(DatedRuleUnit, {
  name: "DatedRuleUnit",
  description: "What a dated figure's value counts",
  valuesConfig: {
    RUPIAH: { description: "An amount in rupiah, two decimals (\"15000000.00\")" },
    RUPIAH_PER_BULAN: { description: "A monthly amount in rupiah, two decimals" },
    PERSEN: { description: "A percentage, two decimals (\"5.00\")" },
    PERSEN_PER_TAHUN: { description: "A yearly percentage rate, two decimals" },
  },
});

@ObjectType({ description: "One dated row of the rule book: a figure, the days it applies to, and where it comes from" })
export class DatedRuleFigure {
  @Field(() => DatedRuleName)
  rule!: DatedRuleName;

  @Field(() => DateScalar, { description: "First day the figure applies to" })
  effectiveFrom!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "First day it no longer applies: the next row's effectiveFrom, or for the newest row of an indexed figure the next " +
      "indexation (e.g. next March); null: until a newer row is added",
  })
  effectiveUntil!: string | null;

  @Field(() => String, { description: "The figure as a decimal string with two decimals, in `unit`" })
  value!: string;

  @Field(() => DatedRuleUnit)
  unit!: DatedRuleUnit;

  @Field(() => RupiahScalar, { nullable: true, description: "Banded rules (PPh 21): the row applies to the part of the amount above this" })
  bandAbove!: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: "Banded rules: the row applies up to this amount; null: no upper limit (or not banded)" })
  bandUpTo!: bigint | null;

  @Field(() => String, { description: "Where the figure comes from: a regulation, a BPJS Ketenagakerjaan statement or the press, with dates" })
  source!: string;

  @Field(() => RateSource, { description: "OFFICIAL, SECONDARY or ASSUMED" })
  status!: RateSource;

  @Field(() => String, { description: "How the figure was checked or derived, and anything a reader should know" })
  note!: string;
}

@ObjectType({ description: "A rule looked up for one day: the figure(s) in force, or an explicit answer that the rule book has none" })
export class DatedRuleLookup {
  @Field(() => DatedRuleName)
  rule!: DatedRuleName;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => Boolean, { description: "False when no row covers the day: before the first row, or after the newest row ran out" })
  found!: boolean;

  @Field(() => [DatedRuleFigure], { description: "The row in force (several for a banded rule); empty when found is false" })
  figures!: DatedRuleFigure[];

  @Field(() => String, { nullable: true, description: "When found is false, why, in the caller's language" })
  message!: string | null;
}
