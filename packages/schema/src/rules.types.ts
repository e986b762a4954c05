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
  BPU_JKK_PERSEN = "BPU_JKK_PERSEN",
  BPU_JKM_IURAN = "BPU_JKM_IURAN",
  BPU_JHT_PERSEN = "BPU_JHT_PERSEN",
  BPU_BAYAR_DIMUKA_MAKS = "BPU_BAYAR_DIMUKA_MAKS",
  BPU_MASA_TENGGANG = "BPU_MASA_TENGGANG",
  BPU_JATUH_TEMPO = "BPU_JATUH_TEMPO",
  BPU_PENGINGAT = "BPU_PENGINGAT",
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
    BPU_JKK_PERSEN: { description: "BPU (self-employed): JKK contribution, a percentage of the declared monthly income" },
    BPU_JKM_IURAN: { description: "BPU: the flat monthly JKM contribution" },
    BPU_JHT_PERSEN: { description: "BPU: the optional JHT contribution, a percentage of the declared monthly income" },
    BPU_BAYAR_DIMUKA_MAKS: { description: "BPU: the most months one payment may cover beyond the current month" },
    BPU_MASA_TENGGANG: { description: "BPU: how many months after protection ended arrears may still be paid; then the membership ends" },
    BPU_JATUH_TEMPO: { description: "BPU: the day of the month a month's contribution is due" },
    BPU_PENGINGAT: { description: "BPU: how many days before protection ends the member is reminded to pay" },
  },
});

export enum DatedRuleUnit {
  RUPIAH = "RUPIAH",
  RUPIAH_PER_BULAN = "RUPIAH_PER_BULAN",
  PERSEN = "PERSEN",
  PERSEN_PER_TAHUN = "PERSEN_PER_TAHUN",
  BULAN = "BULAN",
  HARI = "HARI",
  TANGGAL = "TANGGAL",
}
registerEnumType(DatedRuleUnit, {
  name: "DatedRuleUnit",
  description: "What a dated figure's value counts",
  valuesConfig: {
    RUPIAH: { description: "An amount in rupiah, two decimals (\"15000000.00\")" },
    RUPIAH_PER_BULAN: { description: "A monthly amount in rupiah, two decimals" },
    PERSEN: { description: "A percentage, two decimals (\"5.00\")" },
    PERSEN_PER_TAHUN: { description: "A yearly percentage rate, two decimals" },
    BULAN: { description: "A number of months, a whole number (\"3\")" },
    HARI: { description: "A number of days, a whole number (\"7\")" },
    TANGGAL: { description: "A day of the month, a whole number (\"15\")" },
  },
});

@ObjectType({ description: "One dated row of the rule book: a figure, the days it applies to, and where it comes from" })
export class DatedRuleFigure {
  @Field(() => DatedRuleName, { description: "Which rule this row belongs to" })
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

  @Field(() => String, { description: "The figure as a decimal string in `unit`: two decimals for money and percentages, a whole number for BULAN, HARI and TANGGAL" })
  value!: string;

  @Field(() => DatedRuleUnit, { description: "What `value` counts" })
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
  @Field(() => DatedRuleName, { description: "The rule asked for" })
  rule!: DatedRuleName;

  @Field(() => DateScalar, { description: "The day asked for" })
  date!: string;

  @Field(() => Boolean, { description: "False when no row covers the day: before the first row, or after the newest row ran out" })
  found!: boolean;

  @Field(() => [DatedRuleFigure], { description: "The row in force (several for a banded rule); empty when found is false" })
  figures!: DatedRuleFigure[];

  @Field(() => String, { nullable: true, description: "When found is false, why, in the caller's language" })
  message!: string | null;
}
