import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar, DateTimeScalar, RupiahScalar } from "./scalars.ts";
import { JenisKlaim, KlaimChannel, KlaimEligibilityCode, KlaimStatus, KlaimStep, PaymentRail, SebabKlaim } from "./enums.ts";
import { PengaduanAttachmentType } from "./pengaduan.types.ts";
import { Node, PageInfo, UserError, type Owned } from "./common.types.ts";
import { Card } from "./participant.types.ts";
import { BankAccount, BankAccountInput } from "./pengkinian.types.ts";

@ObjectType({ description: "What a JHT claim pays: figures locked when the claim is submitted" })
export class KlaimRincian {
  @Field(() => RupiahScalar, { description: "Gross JHT saldo of the card (at klaimJhtSetRekening; locked at submit)" })
  saldo!: bigint;

  @Field(() => RupiahScalar, { description: "PPh 21 withheld (PP 68/2009: 0% up to Rp50 juta, 5% above; 6% without NPWP)" })
  pajak!: bigint;

  @Field(() => Int, { description: "The share of the saldo claimed, in percent: 100 for a full claim, 10 or 30 for klaim JHT sebagian" })
  persentase!: number;

  @Field(() => RupiahScalar, {
    description:
      "The gross amount claimed: saldo for a full claim; saldo × persentase / 100 rounded down to the sen for a partial one. The tax is on it, and it leaves the JHT saldo when paid",
  })
  jumlah!: bigint;

  @Field(() => RupiahScalar, { description: "Net amount paid: jumlah − pajak (for a full claim jumlah is the saldo)" })
  dibayarkan!: bigint;

  @Field(() => Boolean, { description: "Whether an NPWP was given (without one the tax rate is 20% higher)" })
  npwpProvided!: boolean;

  @Field(() => String, { description: 'The dated tax rule used, e.g. "PP68_2009"' })
  taxRule!: string;
}

@ObjectType({
  implements: Node,
  description:
    "A JHT claim (klaim JHT) of one card. Filled in as DRAFT (KEPESERTAAN, BIOMETRIK, REKENING, KONFIRMASI in that order), " +
    "then AGENDA → VERIFIKASI → PENETAPAN → PEMBAYARAN → SELESAI, or DITOLAK / DIBATALKAN.",
})
export class Klaim implements Node, Owned {
  ownerParticipantId!: string;
  /** The claim's row id and its card's (field resolvers load from them). */
  rowId!: string;
  cardRowId!: string;

  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
  id!: string;

  @Field(() => String, { description: 'Claim number, e.g. "JHT-20261122-000123"' })
  nomor!: string;

  @Field(() => Card, { description: "The card the claim is for" })
  card?: Card;

  @Field(() => SebabKlaim, { description: "Why the participant claims: resignation or dismissal" })
  sebab!: SebabKlaim;

  @Field(() => JenisKlaim, { description: "The whole saldo (PENUH) or klaim JHT sebagian (SEBAGIAN_10, SEBAGIAN_30)" })
  jenis!: JenisKlaim;

  @Field(() => KlaimChannel, { description: "Where the claim is made (JMO for claims made in this app)" })
  channel!: KlaimChannel;

  @Field(() => KlaimStatus, { description: "Where the claim stands; follow it live with klaimStatusChanged" })
  status!: KlaimStatus;

  @Field(() => [KlaimDokumen], { description: "Documents attached (klaimJhtSebagianAddDocument): the 30% partial claim's housing document; empty otherwise" })
  dokumen?: KlaimDokumen[];

  @Field(() => KlaimRincian, { nullable: true, description: "Null until the REKENING step is done" })
  rincian!: KlaimRincian | null;

  @Field(() => BankAccount, { nullable: true, description: "The account the claim is paid into; null until the REKENING step" })
  bankAccount!: BankAccount | null;

  @Field(() => PaymentRail, { nullable: true, description: "How the payment goes (set when payment starts)" })
  paymentRail!: PaymentRail | null;

  @Field(() => String, { nullable: true, description: "The bank transfer's reference, once paid" })
  transferReference!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When klaimJhtSubmit was done; null while DRAFT" })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it ended: SELESAI (paid), DITOLAK or DIBATALKAN; null until then" })
  completedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was DITOLAK" })
  rejectionReason!: string | null;

  @Field(() => Boolean, { description: "Held by staff: processing waits until they release it" })
  onHold!: boolean;

  @Field(() => [KlaimStep], { description: "Steps done, in the order of KlaimStep" })
  completedSteps!: KlaimStep[];

  @Field(() => KlaimStep, { nullable: true, description: "The next step to do; null once submitted" })
  nextStep!: KlaimStep | null;

  @Field(() => Int, { description: "Wrong KPJ entries left before the account is blocked (3 in all)" })
  kpjAttemptsLeft!: number;

  @Field(() => Int, { description: "Failed selfie checks left before the account is blocked (3 in all)" })
  biometricAttemptsLeft!: number;

  @Field(() => DateTimeScalar, { description: "When klaimJhtStart opened it" })
  createdAt!: Date;
}

@ObjectType({ description: "A document attached to a claim: the bank's housing document of a 30% partial claim" })
export class KlaimDokumen {
  @Field(() => ID, { description: "The document's id" })
  id!: string;

  @Field(() => String, { description: "The file's name as uploaded (any path dropped)" })
  fileName!: string;

  @Field(() => PengaduanAttachmentType, { description: "JPEG, PNG or PDF, as read from its bytes" })
  type!: PengaduanAttachmentType;

  @Field(() => Int, { description: "Size in bytes" })
  sizeBytes!: number;

  @Field(() => DateTimeScalar, { description: "When it was uploaded" })
  createdAt!: Date;
}

@ObjectType({ description: "The result of a klaim mutation" })
export class KlaimPayload {
  @Field(() => Klaim, { nullable: true, description: "The claim after the step; when userErrors is not empty, as it stands (if any)" })
  klaim!: Klaim | null;

  @Field(() => [UserError], { description: "Why the mutation was refused; empty on success" })
  userErrors!: UserError[];
}

@ObjectType({ description: "A claim in a KlaimConnection" })
export class KlaimEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to get the claims after this one" })
  cursor!: string;

  @Field(() => Klaim, { description: "The claim" })
  node!: Klaim;
}

@ObjectType({ description: "A page of claims (Relay connection)" })
export class KlaimConnection {
  @Field(() => [KlaimEdge], { description: "The claims of this page, in order" })
  edges!: KlaimEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more pages" })
  pageInfo!: PageInfo;
}

@ObjectType({ description: "One eligibility check, with where to go when it fails" })
export class KlaimEligibilityCheck {
  @Field(() => KlaimEligibilityCode, { description: "Which check" })
  code!: KlaimEligibilityCode;

  @Field(() => Boolean, { description: "Whether the card meets it today" })
  passed!: boolean;

  @Field(() => String, {
    description: "The check's name in the caller's language, as the app lists it (e.g. \"Akumulasi saldo JHT maksimal Rp15.000.000\")",
  })
  title!: string;

  @Field(() => String, { description: "In the caller's language; when the check fails, what to do and where" })
  message!: string;
}

@ObjectType({ description: "Whether a card's JHT can be claimed in JMO, and where to claim it otherwise" })
export class KlaimEligibility {
  @Field(() => Boolean, { description: "All checks passed: the claim can be made in JMO now" })
  eligible!: boolean;

  @Field(() => [KlaimEligibilityCheck], {
    description:
      "SALDO_MAKS_JMO, PENGKINIAN_SELESAI, STATUS_NONAKTIF, MASA_TUNGGU_1_BULAN, TIDAK_BEKERJA_DI_TEMPAT_LAIN, SALDO_TERSEDIA, " +
      "TIDAK_ADA_KLAIM_BERJALAN, in that order (the deprecated SALDO_MAKS_10_JUTA is no longer returned)",
  })
  checks!: KlaimEligibilityCheck[];

  @Field(() => KlaimChannel, {
    nullable: true,
    description:
      "Where this card's claim is made: JMO when the participant's total saldo is at most jmoSaldoLimit (once the other checks pass); " +
      "LAPAK_ASIK when it is above; KANTOR_CABANG while this card or another card of the participant is AKTIF (other grounds, e.g. " +
      "age 56, go through a branch); null during the one-month wait after the card became NONAKTIF, or when the card has no saldo",
  })
  channel!: KlaimChannel | null;

  @Field(() => RupiahScalar, { description: "The card's JHT saldo today" })
  saldo!: bigint;

  @Field(() => RupiahScalar, { description: "The participant's JHT saldo over all their cards today (akumulasi saldo): the JMO limit applies to it" })
  totalSaldo!: bigint;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: "The JMO claim limit in force on asOf (datedRules KLAIM_JMO_SALDO_MAKS); null when the rule book has no figure for that day",
  })
  jmoSaldoLimit!: bigint | null;

  @Field(() => DateScalar, { description: "The day (WIB) the checks were made for: the limit and the waiting month are taken for it" })
  asOf!: string;

  @Field(() => Klaim, { nullable: true, description: "The card's claim in progress (DRAFT to PEMBAYARAN), if any" })
  openKlaim!: Klaim | null;
}

// ---- Inputs ----

@InputType({ description: "Open (or resume) a JHT claim for a card" })
export class KlaimJhtStartInput {
  @Field(() => ID, { description: "One of the signed-in participant's cards (Card.id)" })
  cardId!: string;

  @Field(() => SebabKlaim, { description: "Why the participant claims" })
  sebab!: SebabKlaim;
}

@InputType({ description: "The KEPESERTAAN step of a claim" })
export class KlaimJhtConfirmKepesertaanInput {
  @Field(() => ID, { description: "The claim (Klaim.id), in DRAFT" })
  klaimId!: string;

  @Field(() => String, { description: "The card's full 11-digit KPJ" })
  kpj!: string;
}

@InputType({ description: "The BIOMETRIK step of a claim" })
export class KlaimJhtVerifyBiometricInput {
  @Field(() => ID, { description: "The claim (Klaim.id), in DRAFT" })
  klaimId!: string;

  @Field(() => String, { description: "Base64 JPEG or PNG, at most 2 MB" })
  selfie!: string;
}

@InputType({ description: "The REKENING step of a claim: where to pay it" })
export class KlaimJhtSetRekeningInput {
  @Field(() => ID, { description: "The claim (Klaim.id), in DRAFT" })
  klaimId!: string;

  @Field(() => String, { nullable: true, description: "Optional; 15 (legacy) or 16 digits. Without it the tax is 20% higher" })
  npwp?: string | null;

  @Field(() => BankAccountInput, { description: "In the participant's own name" })
  bankAccount!: BankAccountInput;
}

@InputType({ description: "The KONFIRMASI step: submit the claim" })
export class KlaimJhtSubmitInput {
  @Field(() => ID, { description: "The claim (Klaim.id), in DRAFT with REKENING done" })
  klaimId!: string;

  @Field(() => Boolean, { description: "The participant ticked that they read and agree to the claim statement" })
  consent!: boolean;

  @Field(() => String, {
    description: "A key the client makes once per submission (8–100 of A–Z a–z 0–9 - _, e.g. a UUID); sending it again returns the same claim",
  })
  idempotencyKey!: string;
}

@InputType({ description: "Cancel a claim" })
export class KlaimCancelInput {
  @Field(() => ID, { description: "The claim (Klaim.id), DRAFT to PENETAPAN" })
  klaimId!: string;
}
