import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Segment } from "./enums.ts";
import { RateSource } from "./saldo.types.ts";
import { DateScalar, RupiahScalar } from "./scalars.ts";

export enum JaminanProgram {
  JHT = "JHT",
  JKK = "JKK",
  JKM = "JKM",
  JP = "JP",
  JKP = "JKP",
}
registerEnumType(JaminanProgram, {
  name: "JaminanProgram",
  description: "The five BPJS Ketenagakerjaan programs (docs/domain/manfaat.md)",
  valuesConfig: {
    JHT: { description: "Jaminan Hari Tua: old-age savings paid out as a lump sum" },
    JKK: { description: "Jaminan Kecelakaan Kerja: care and cash after a work accident or occupational disease" },
    JKM: { description: "Jaminan Kematian: cash for the heirs when a member dies of something other than a work accident" },
    JP: { description: "Jaminan Pensiun: a monthly pension (or a lump sum when fewer than 15 years were paid)" },
    JKP: { description: "Jaminan Kehilangan Pekerjaan: cash, job-market information and training after a dismissal (PHK)" },
  },
});

export enum ManfaatChannel {
  JMO = "JMO",
  LAPAK_ASIK = "LAPAK_ASIK",
  KANTOR_CABANG = "KANTOR_CABANG",
  SIAP_KERJA = "SIAP_KERJA",
  PEMBERI_KERJA = "PEMBERI_KERJA",
}
registerEnumType(ManfaatChannel, {
  name: "ManfaatChannel",
  description: "Where a benefit is claimed",
  valuesConfig: {
    JMO: { description: "The JMO app (this API)" },
    LAPAK_ASIK: { description: "Lapak Asik, BPJS Ketenagakerjaan's web claim service (documents and a video-call interview)" },
    KANTOR_CABANG: { description: "A BPJS Ketenagakerjaan branch office (take a queue number, bring the original documents)" },
    SIAP_KERJA: { description: "The Ministry of Manpower's SIAPkerja portal (siapkerja.kemnaker.go.id): JKP only" },
    PEMBERI_KERJA: { description: "Through the employer, who reports the case (JKK: laporan tahap I and II)" },
  },
});

@ObjectType({ description: "Where a fact about a benefit comes from" })
export class ManfaatSource {
  @Field(() => String, { description: "The regulation or publication, with its article or date" })
  title!: string;

  @Field(() => String, { nullable: true, description: "A public address where it can be read, when there is one" })
  url!: string | null;

  @Field(() => RateSource, { description: "OFFICIAL (the regulation or BPJS Ketenagakerjaan), SECONDARY (press quoting it) or ASSUMED" })
  status!: RateSource;
}

@ObjectType({ description: "Whether members of one segment are in the program" })
export class ManfaatCoverage {
  @Field(() => Segment, { description: "The membership segment" })
  segment!: Segment;

  @Field(() => Boolean, { description: "True: every member of the segment is in it; false: the member (or employer) may choose it" })
  mandatory!: boolean;

  @Field(() => String, { nullable: true, description: "Conditions (age, business size, registration), in Indonesian" })
  note!: string | null;
}

@ObjectType({ description: "One benefit of a program: a fixed amount, a formula, or a service" })
export class ManfaatBenefit {
  @Field(() => String, { description: "A stable code, e.g. JKM_SANTUNAN_SEKALIGUS" })
  code!: string;

  @Field(() => String, { description: "The benefit's name, in Indonesian" })
  name!: string;

  @Field(() => String, { description: "What it is and who gets it, in Indonesian" })
  description!: string;

  @Field(() => RupiahScalar, { nullable: true, description: "The amount when it is a fixed sum (or a maximum: see description); null when it depends on wage or cost" })
  amount!: bigint | null;

  @Field(() => String, { nullable: true, description: "How it is computed when it depends on the wage, e.g. \"48 × upah\"; null for a fixed sum or a service" })
  formula!: string | null;

  @Field(() => [ManfaatSource], { description: "Where it comes from" })
  sources!: ManfaatSource[];
}

@ObjectType({ description: "One way to claim a program's benefits" })
export class ManfaatClaimWay {
  @Field(() => ManfaatChannel, { description: "Where" })
  channel!: ManfaatChannel;

  @Field(() => String, { description: "When this way applies, in Indonesian (e.g. saldo up to the JMO limit)" })
  when!: string;

  @Field(() => [String], { description: "The steps, in Indonesian, in order" })
  steps!: string[];
}

@ObjectType({ description: "A program's benefits as they stand on one day: who is in it, what it pays and how to claim, with sources" })
export class ManfaatProgram {
  @Field(() => JaminanProgram, { description: "The program" })
  program!: JaminanProgram;

  @Field(() => String, { description: "Its full name" })
  name!: string;

  @Field(() => String, { description: "What it is for, in one or two Indonesian sentences" })
  summary!: string;

  @Field(() => DateScalar, { description: "First day these benefits apply (the regulation's effective date)" })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: "First day they no longer apply (a newer regulation); null: in force" })
  validUntil!: string | null;

  @Field(() => String, { description: "The regulations these benefits come from" })
  regulation!: string;

  @Field(() => [ManfaatCoverage], { description: "The segments whose members are in the program (a segment not listed is not)" })
  coverage!: ManfaatCoverage[];

  @Field(() => [ManfaatBenefit], { description: "What it pays or provides" })
  benefits!: ManfaatBenefit[];

  @Field(() => [ManfaatClaimWay], { description: "How to claim, most convenient first" })
  claim!: ManfaatClaimWay[];
}
