import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { JenisKlaim } from "./enums.ts";
import { Klaim, KlaimEligibilityCheck } from "./klaim.types.ts";
import { PengaduanAttachmentType } from "./pengaduan.types.ts";
import { DateScalar, RupiahScalar } from "./scalars.ts";

@ObjectType({ description: "How long the member has been a participant (masa kepesertaan), counted from their earliest card" })
export class MasaKepesertaan {
  @Field(() => DateScalar, { nullable: true, description: "The earliest registration date over the member's cards (all on their NIK); null without a card" })
  since!: string | null;

  @Field(() => Int, { description: "Whole years of membership on asOf" })
  years!: number;

  @Field(() => Int, { description: "Months beyond the whole years (0–11)" })
  months!: number;

  @Field(() => DateScalar, { nullable: true, description: "The day the 10 years are reached (since + 10 years); null without a card" })
  tenYearsOn!: string | null;

  @Field(() => Int, { description: "Whole years still to go until tenYearsOn (0 once reached)" })
  remainingYears!: number;

  @Field(() => Int, { description: "Months beyond remainingYears still to go (0–11; a started month counts as a month)" })
  remainingMonths!: number;
}

@ObjectType({ description: "Whether the member can take klaim JHT sebagian (10% or 30%) of a card's saldo in JMO now, and how much it pays" })
export class KlaimSebagianEligibility {
  @Field(() => JenisKlaim, { description: "The kind asked about: SEBAGIAN_10 or SEBAGIAN_30" })
  jenis!: JenisKlaim;

  @Field(() => Boolean, { description: "All checks passed: klaimJhtSebagianStart will open the claim" })
  eligible!: boolean;

  @Field(() => [KlaimEligibilityCheck], {
    description:
      "MASA_KEPESERTAAN_10_TAHUN, BELUM_PERNAH_KLAIM_SEBAGIAN, PENGKINIAN_SELESAI, SALDO_TERSEDIA, JUMLAH_MAKS_JMO, TIDAK_ADA_KLAIM_BERJALAN, in that order",
  })
  checks!: KlaimEligibilityCheck[];

  @Field(() => MasaKepesertaan, { description: "The membership period the 10-year check is made on" })
  masaKepesertaan!: MasaKepesertaan;

  @Field(() => Int, { description: "10 or 30" })
  persentase!: number;

  @Field(() => RupiahScalar, { description: "The card's JHT saldo today" })
  saldo!: bigint;

  @Field(() => RupiahScalar, { description: "What the claim would take from the saldo today: saldo × persentase / 100, rounded down to the sen" })
  jumlah!: bigint;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: "The JMO claim limit in force on asOf (datedRules KLAIM_JMO_SALDO_MAKS), applied to jumlah; null when the rule book has no figure",
  })
  jmoLimit!: bigint | null;

  @Field(() => DateScalar, { description: "The day (WIB) the checks were made for" })
  asOf!: string;

  @Field(() => Boolean, { description: "Whether the claim needs the bank's housing document (SEBAGIAN_30)" })
  dokumenRequired!: boolean;

  @Field(() => Klaim, { nullable: true, description: "The member's partial claim of this card still in DRAFT, which klaimJhtSebagianStart resumes" })
  openKlaim!: Klaim | null;
}

@InputType({ description: "Open (or resume) a klaim JHT sebagian for a card" })
export class KlaimJhtSebagianStartInput {
  @Field(() => ID, { description: "One of the signed-in member's cards (Card.id): the saldo the percentage is taken of" })
  cardId!: string;

  @Field(() => JenisKlaim, { description: "SEBAGIAN_10 (any need) or SEBAGIAN_30 (housing, with a document); PENUH is refused (KLAIM_JENIS_INVALID)" })
  jenis!: JenisKlaim;
}

@InputType({ description: "Attach the bank's housing document to a 30% partial claim in DRAFT" })
export class KlaimJhtSebagianAddDocumentInput {
  @Field(() => ID, { description: "The claim (Klaim.id), a SEBAGIAN_30 claim in DRAFT" })
  klaimId!: string;

  @Field(() => String, { description: "The file's name (any path is dropped)" })
  fileName!: string;

  @Field(() => PengaduanAttachmentType, { description: "What the file is; its bytes must be that (KLAIM_DOKUMEN_TYPE_MISMATCH otherwise)" })
  type!: PengaduanAttachmentType;

  @Field(() => String, { description: "The file's bytes, base64 (at most 2 MB decoded)" })
  contentBase64!: string;
}
