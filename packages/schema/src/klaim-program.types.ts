import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Owned } from "./common.types.ts";
import { KanalLayananService } from "./kanal.types.ts";
import { ManfaatChannel, ManfaatProgram, ManfaatSource } from "./manfaat.types.ts";
import { DateScalar } from "./scalars.ts";

export enum ProgramKlaim {
  JKM = "JKM",
  JKK = "JKK",
  JP = "JP",
  JKP = "JKP",
}
registerEnumType(ProgramKlaim, {
  name: "ProgramKlaim",
  description: "The programs whose claims JMO does not take itself but refers to another channel (klaimProgramInfo); JHT has its own claim flow",
  valuesConfig: {
    JKM: { description: "Jaminan Kematian: claimed by the heirs (ahli waris) at a branch office through Lapak Asik" },
    JKK: { description: "Jaminan Kecelakaan Kerja: reported by the employer (or the member in JMO), claimed at a branch office" },
    JP: { description: "Jaminan Pensiun: old-age, disability, widow(er), child and parent pensions, at a branch office or Lapak Asik" },
    JKP: { description: "Jaminan Kehilangan Pekerjaan: after a dismissal (PHK), in the Ministry of Manpower's SIAPkerja portal" },
  },
});

export enum KlaimProgramCandidateStatus {
  CANDIDATE = "CANDIDATE",
  POSSIBLE = "POSSIBLE",
  NOT_CANDIDATE = "NOT_CANDIDATE",
  HEIRS_ONLY = "HEIRS_ONLY",
}
registerEnumType(KlaimProgramCandidateStatus, {
  name: "KlaimProgramCandidateStatus",
  description: "Whether the signed-in member's cards make them a candidate for the program's claim",
  valuesConfig: {
    CANDIDATE: { description: "Every required check passes on the member's own data: they may claim through the recommended channel" },
    POSSIBLE: { description: "No required check fails, but at least one cannot be decided from JMO's data (e.g. whether a job ended by PHK): the channel decides" },
    NOT_CANDIDATE: { description: "At least one required check fails; the failed checks say why and what would change it" },
    HEIRS_ONLY: { description: "JKM: paid to the heirs after the member's death, never to the member; the checks say whether the member is protected now" },
  },
});

export enum KlaimProgramCheckResult {
  PASSED = "PASSED",
  FAILED = "FAILED",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(KlaimProgramCheckResult, {
  name: "KlaimProgramCheckResult",
  description: "The outcome of one check on the member's data",
  valuesConfig: {
    PASSED: { description: "Met, on the member's own cards and ledger" },
    FAILED: { description: "Not met" },
    UNKNOWN: { description: "JMO's data cannot tell (e.g. the reason a job ended); the message says what the channel will ask for" },
  },
});

export enum KlaimProgramCheckCode {
  JKM_DILINDUNGI = "JKM_DILINDUNGI",
  JKM_MASA_IUR_BEASISWA = "JKM_MASA_IUR_BEASISWA",
  JKM_AHLI_WARIS_TERCATAT = "JKM_AHLI_WARIS_TERCATAT",
  JKK_DILINDUNGI = "JKK_DILINDUNGI",
  JKK_LAPORAN_KECELAKAAN = "JKK_LAPORAN_KECELAKAAN",
  JP_KEPESERTAAN = "JP_KEPESERTAAN",
  JP_USIA_PENSIUN = "JP_USIA_PENSIUN",
  JP_MASA_IUR_15_TAHUN = "JP_MASA_IUR_15_TAHUN",
  JKP_PENERIMA_UPAH_WNI = "JKP_PENERIMA_UPAH_WNI",
  JKP_USIA_SAAT_DAFTAR = "JKP_USIA_SAAT_DAFTAR",
  JKP_TIDAK_BEKERJA = "JKP_TIDAK_BEKERJA",
  JKP_PHK = "JKP_PHK",
  JKP_MASA_IUR = "JKP_MASA_IUR",
  JKP_IURAN_BERTURUT = "JKP_IURAN_BERTURUT",
  JKP_BATAS_PENGAJUAN = "JKP_BATAS_PENGAJUAN",
}
registerEnumType(KlaimProgramCheckCode, {
  name: "KlaimProgramCheckCode",
  description: "One check of klaimProgramInfo's candidate answer (docs/features/klaim-program.md lists each rule and its source)",
  valuesConfig: {
    JKM_DILINDUNGI: { description: "JKM: a card covers JKM today (AKTIF; BPU paid up), so the heirs would be paid" },
    JKM_MASA_IUR_BEASISWA: { description: "JKM: contributions paid for at least the months the children's scholarship needs (3 years); informative" },
    JKM_AHLI_WARIS_TERCATAT: { description: "JKM: the member's verified data (pengkinian) names a spouse or children; informative" },
    JKK_DILINDUNGI: { description: "JKK: a card covers JKK today, or an accident was reported on a card while it was AKTIF" },
    JKK_LAPORAN_KECELAKAAN: { description: "JKK: a work-accident report exists and was not refused (UNKNOWN when there is none)" },
    JP_KEPESERTAAN: { description: "JP: at least one month of JP contributions paid (PU only)" },
    JP_USIA_PENSIUN: { description: "JP: the member has reached their pension age (PP 45/2015 art. 15)" },
    JP_MASA_IUR_15_TAHUN: { description: "JP: 180 months paid for a monthly pension; failing means a lump sum instead; informative" },
    JKP_PENERIMA_UPAH_WNI: { description: "JKP: a wage-earner (PU) card and Indonesian citizenship" },
    JKP_USIA_SAAT_DAFTAR: { description: "JKP: younger than 54 when the last PU card was registered" },
    JKP_TIDAK_BEKERJA: { description: "JKP: no PU card is AKTIF (not working as a wage earner)" },
    JKP_PHK: { description: "JKP: the job ended by dismissal (PHK); PASSED or FAILED only when a JHT claim recorded the reason, else UNKNOWN" },
    JKP_MASA_IUR: { description: "JKP: at least 12 paid months in the 24 months before the PHK month" },
    JKP_IURAN_BERTURUT: { description: "JKP: the 6 months just before the PHK month all paid" },
    JKP_BATAS_PENGAJUAN: { description: "JKP: still within the claim deadline after the PHK (3 months; 6 months from PP 6/2025)" },
  },
});

export enum JpBenefitForm {
  BULANAN = "BULANAN",
  SEKALIGUS = "SEKALIGUS",
}
registerEnumType(JpBenefitForm, {
  name: "JpBenefitForm",
  description: "How an old-age JP benefit is paid",
  valuesConfig: {
    BULANAN: { description: "Monthly for life: at least 180 months of contributions" },
    SEKALIGUS: { description: "At once: fewer than 180 months; the contributions plus development" },
  },
});

@ObjectType({ description: "Who may claim, in order: a lower rank claims first; several with the same rank claim together" })
export class KlaimProgramClaimant {
  @Field(() => Int, { description: "1 first; the next rank claims only when no one of a lower rank exists" })
  rank!: number;

  @Field(() => String, { description: "Who, in Indonesian" })
  who!: string;

  @Field(() => String, { description: "When they may claim, in Indonesian" })
  when!: string;

  @Field(() => [ManfaatSource], { description: "Where it comes from" })
  sources!: ManfaatSource[];
}

@ObjectType({ description: "A rule of the claim, in words, with its source" })
export class KlaimProgramCondition {
  @Field(() => String, { description: "A stable code, e.g. JKP_MASA_IUR" })
  code!: string;

  @Field(() => String, { description: "The rule, in Indonesian" })
  text!: string;

  @Field(() => [ManfaatSource], { description: "Where it comes from" })
  sources!: ManfaatSource[];
}

@ObjectType({ description: "A document the claim needs" })
export class KlaimProgramDocument {
  @Field(() => String, { description: "A stable code, e.g. SURAT_KETERANGAN_AHLI_WARIS" })
  code!: string;

  @Field(() => String, { description: "The document, in Indonesian" })
  name!: string;

  @Field(() => String, { nullable: true, description: "Only for this kind of claim (e.g. \"Pensiun cacat\"); null: every claim of the program" })
  forClaim!: string | null;

  @Field(() => String, { nullable: true, description: "A remark, in Indonesian" })
  note!: string | null;

  @Field(() => [ManfaatSource], { description: "Where it comes from" })
  sources!: ManfaatSource[];
}

@ObjectType({ description: "A channel through which the claim is made, with its link" })
export class KlaimProgramChannel {
  @Field(() => ManfaatChannel, { description: "The kind of channel" })
  kind!: ManfaatChannel;

  @Field(() => String, { description: "Its name, in Indonesian" })
  name!: string;

  @Field(() => String, { nullable: true, description: "Its public address (Lapak Asik, SIAPkerja); null for a branch office (use kanalLayanan) or the employer" })
  url!: string | null;

  @Field(() => String, { description: "When this channel applies, in Indonesian" })
  when!: string;

  @Field(() => [String], { description: "The steps, in Indonesian, in order" })
  steps!: string[];

  @Field(() => Boolean, { description: "True when the claimant must go to a branch office (a branch visit can be booked)" })
  needsBranchVisit!: boolean;

  @Field(() => KanalLayananService, { nullable: true, description: "For a branch visit: the service an office must offer (KanalLayanan.services); null otherwise" })
  kanalLayananService!: KanalLayananService | null;

  @Field(() => [ManfaatSource], { description: "Where it comes from" })
  sources!: ManfaatSource[];
}

@ObjectType({ description: "One check of the candidate answer on the member's own data" })
export class KlaimProgramCheck {
  @Field(() => KlaimProgramCheckCode, { description: "Which check" })
  code!: KlaimProgramCheckCode;

  @Field(() => KlaimProgramCheckResult, { description: "PASSED, FAILED or UNKNOWN (JMO's data cannot tell)" })
  result!: KlaimProgramCheckResult;

  @Field(() => Boolean, { description: "result is PASSED" })
  passed!: boolean;

  @Field(() => Boolean, { description: "Whether it decides the status; an informative check (false) only explains, e.g. monthly vs lump sum" })
  required!: boolean;

  @Field(() => String, { description: "The check's name, in the request's language (Accept-Language: id or en)" })
  title!: string;

  @Field(() => String, { description: "What it found and what to do, in the request's language" })
  message!: string;
}

@ObjectType({ description: "Whether the signed-in member's own cards make them a candidate for the claim, with each check" })
export class KlaimProgramCandidate implements Owned {
  ownerParticipantId!: string;

  @Field(() => KlaimProgramCandidateStatus, { description: "CANDIDATE, POSSIBLE, NOT_CANDIDATE, or HEIRS_ONLY (JKM)" })
  status!: KlaimProgramCandidateStatus;

  @Field(() => String, { description: "The answer in a sentence, in the request's language" })
  summary!: string;

  @Field(() => [KlaimProgramCheck], { description: "Every check, in order" })
  checks!: KlaimProgramCheck[];

  @Field(() => ManfaatChannel, { nullable: true, description: "Where this member would claim (CANDIDATE or POSSIBLE); null otherwise" })
  channel!: ManfaatChannel | null;

  @Field(() => Boolean, { description: "True when that channel needs a branch visit (a booking can be made)" })
  needsBranchVisit!: boolean;

  @Field(() => Int, { nullable: true, description: "JP: months of JP contributions paid (each month once over all cards); JKP: paid months in the 24 before the PHK month; null for JKM, JKK" })
  monthsPaid!: number | null;

  @Field(() => Int, { nullable: true, description: "JP: the member's age on asOf; null for the other programs" })
  age!: number | null;

  @Field(() => Int, { nullable: true, description: "JP: the member's pension age (PP 45/2015 art. 15); null for the other programs" })
  pensionAge!: number | null;

  @Field(() => DateScalar, { nullable: true, description: "JP: the day the member reaches it; null for the other programs" })
  pensionDate!: string | null;

  @Field(() => JpBenefitForm, { nullable: true, description: "JP: monthly or lump sum, from the months paid; null for the other programs" })
  jpBenefitForm!: JpBenefitForm | null;

  @Field(() => DateScalar, { nullable: true, description: "JKP: the PHK day taken (the last PU card's nonaktifSince); null when none" })
  phkDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "JKP: the last day a claim can be made; null when no PHK day" })
  claimDeadline!: string | null;
}

@ObjectType({ description: "How one program other than JHT is claimed on a day, and whether the signed-in member is a candidate" })
export class KlaimProgramInfo {
  @Field(() => ProgramKlaim, { description: "The program" })
  program!: ProgramKlaim;

  @Field(() => String, { description: "Its full name" })
  name!: string;

  @Field(() => String, { description: "How it is claimed, in one or two Indonesian sentences" })
  summary!: string;

  @Field(() => DateScalar, { description: "The day asked about" })
  asOf!: string;

  @Field(() => DateScalar, { description: "First day this guidance applies (its regulation's effective date)" })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: "First day it no longer applies; null: in force" })
  validUntil!: string | null;

  @Field(() => String, { description: "The regulations it comes from" })
  regulation!: string;

  @Field(() => [KlaimProgramClaimant], { description: "Who may claim, in order (JKM: the heirs by rank)" })
  claimants!: KlaimProgramClaimant[];

  @Field(() => [KlaimProgramCondition], { description: "The claim's rules, each with its source" })
  conditions!: KlaimProgramCondition[];

  @Field(() => [KlaimProgramDocument], { description: "The documents to bring or upload" })
  documents!: KlaimProgramDocument[];

  @Field(() => [KlaimProgramChannel], { description: "Where to claim, most usual first" })
  channels!: KlaimProgramChannel[];

  @Field(() => Boolean, { description: "True when every channel of the program needs a branch visit (JKM)" })
  needsBranchVisit!: boolean;

  @Field(() => ManfaatProgram, { nullable: true, description: "What the program pays on asOf (informasi manfaat); null when its benefits for that day are not recorded" })
  manfaat!: ManfaatProgram | null;

  @Field(() => KlaimProgramCandidate, { nullable: true, description: "For a signed-in member only: whether their own cards make them a candidate. Null for anonymous callers and staff" })
  candidate!: KlaimProgramCandidate | null;
}
