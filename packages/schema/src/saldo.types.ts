import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, RupiahScalar, YearMonthScalar } from "./scalars.ts";
import type { Owned } from "./common.types.ts";

export enum RateSource {
  OFFICIAL = "OFFICIAL",
  SECONDARY = "SECONDARY",
  ASSUMED = "ASSUMED",
}
registerEnumType(RateSource, {
  name: "RateSource",
  description: "Where a dated figure (a rate, a cap, a limit) comes from",
  valuesConfig: {
    OFFICIAL: { description: "Published by BPJS Ketenagakerjaan or set by a regulation (for a JHT rate: the rate credited for the year)" },
    SECONDARY: { description: "Reported by the press or third parties citing BPJS Ketenagakerjaan; no primary source found" },
    ASSUMED: { description: "No published figure was found: a marked placeholder (interpolated, or grown by an assumption)" },
  },
});

@ObjectType({ description: "One year of the JHT statement (RSJHT). saldoAwal + iuran + pengembangan − penarikan = saldoAkhir, exactly." })
export class SaldoJhtYear {
  @Field(() => Int, { description: "Calendar year" })
  year!: number;

  @Field(() => RupiahScalar, { description: "Balance at the start of the year" })
  saldoAwal!: bigint;

  @Field(() => RupiahScalar, { description: "Employer contributions (3.7% of the wage for PU)" })
  iuranPemberiKerja!: bigint;

  @Field(() => RupiahScalar, { description: "Worker contributions (2% of the wage for PU)" })
  iuranPekerja!: bigint;

  @Field(() => RupiahScalar, { description: "Development credited for the year (to date for the current year)" })
  pengembangan!: bigint;

  @Field(() => String, { description: 'The credited rate in percent, e.g. "7.19"' })
  rate!: string;

  @Field(() => RateSource, { description: "Where the rate comes from (OFFICIAL, SECONDARY or ASSUMED)" })
  rateSource!: RateSource;

  @Field(() => RupiahScalar, { description: "Withdrawals (claims paid)" })
  penarikan!: bigint;

  @Field(() => RupiahScalar, { description: "Balance at the end of the year (at asOf for the current year)" })
  saldoAkhir!: bigint;
}

@ObjectType({ description: "The JHT balance (saldo) of a card, or of all a participant's cards merged." })
export class SaldoJht implements Owned {
  ownerParticipantId!: string;
  /** Every year, oldest first; `years(from, to)` selects from these. */
  allYears!: SaldoJhtYear[];

  @Field(() => RupiahScalar, { description: "The balance: iuranPemberiKerja + iuranPekerja + pengembangan − penarikan" })
  total!: bigint;

  @Field(() => DateScalar, { description: "The figures are as of this day; the current year counts complete months" })
  asOf!: string;

  @Field(() => RupiahScalar, { description: "All employer contributions so far" })
  iuranPemberiKerja!: bigint;

  @Field(() => RupiahScalar, { description: "All worker contributions so far" })
  iuranPekerja!: bigint;

  @Field(() => RupiahScalar, { description: "All development credited so far" })
  pengembangan!: bigint;

  @Field(() => RupiahScalar, { description: "All withdrawals (claims paid) so far" })
  penarikan!: bigint;

  @Field(() => [SaldoJhtYear], { description: "The yearly statement (RSJHT), oldest first" })
  years?: SaldoJhtYear[];
}

@ObjectType({ description: 'The last contribution reported for a card ("data yang dilaporkan")' })
export class ReportedContribution implements Owned {
  ownerParticipantId!: string;

  @Field(() => YearMonthScalar, { description: "The contribution month" })
  period!: string;

  @Field(() => RupiahScalar, { description: "The monthly wage the employer reported" })
  wage!: bigint;

  @Field(() => DateScalar, { nullable: true, description: "When the contribution was paid; null while unpaid" })
  paidAt!: string | null;

  @Field(() => String, { nullable: true, description: "The employer that reported it; null for self-employed (BPU) cards" })
  employerName!: string | null;
}

@ObjectType({ description: "The JHT development rate credited for a year, and where the figure comes from" })
export class JhtRate {
  @Field(() => Int, { description: "Calendar year" })
  year!: number;

  @Field(() => String, { description: 'Percent, e.g. "7.19"' })
  rate!: string;

  @Field(() => RateSource, { description: "OFFICIAL, SECONDARY or ASSUMED" })
  source!: RateSource;

  @Field(() => String, { description: "Where the figure comes from and how it was checked" })
  note!: string;
}

@InputType({ description: "\"Tambah kartu\": a card to add to the profile" })
export class CardAddInput {
  @Field(() => String, { description: "The full 11-digit KPJ printed on the card" })
  kpj!: string;

  @Field(() => DateScalar, { description: "The birth date registered with the card" })
  birthDate!: string;
}
