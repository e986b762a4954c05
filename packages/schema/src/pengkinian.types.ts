import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar, DateTimeScalar } from "./scalars.ts";
import { BloodType, Education, Gender, MaritalStatus, PengkinianRejection, PengkinianStatus, PengkinianStep, Relationship, Religion } from "./enums.ts";
import { Node, UserError, type Owned } from "./common.types.ts";
import { VerificationChannel } from "./registration.types.ts";

// ---- What the API shows (full NIK, KPJ, NPWP, passport and account numbers never leave the server) ----

@ObjectType({ description: "A card to confirm in the KEPESERTAAN step: type its full KPJ; only two first and two last digits are shown" })
export class KpjChallengeCard {
  @Field(() => ID)
  cardId!: string;

  @Field(() => String, { description: 'e.g. "19*******12"' })
  kpjMasked!: string;
}

@ObjectType({ description: "A bank account (rekening); the number is masked" })
export class BankAccount {
  @Field(() => String)
  bankCode!: string;

  @Field(() => String, { nullable: true, description: "Null when the bank is no longer in the bank list" })
  bankName!: string | null;

  @Field(() => String, { description: 'Only the last four digits, e.g. "******7890"' })
  accountNumberMasked!: string;

  @Field(() => String, { description: "Name of the account holder (the participant)" })
  accountName!: string;
}

@ObjectType({ description: "A domicile address: the street line and the official village (kelurahan/desa) it lies in" })
export class Address {
  @Field(() => String, { nullable: true, description: "Alamat domisili: street, number, RT/RW" })
  street!: string | null;

  @Field(() => String, { description: "Village code of the official administrative areas" })
  villageCode!: string;

  @Field(() => String, { nullable: true })
  kodePos!: string | null;

  @Field(() => String, { nullable: true })
  kelurahan!: string | null;

  @Field(() => String, { nullable: true })
  kecamatan!: string | null;

  @Field(() => String, { nullable: true })
  kabupaten!: string | null;

  @Field(() => String, { nullable: true })
  provinsi!: string | null;
}

@ObjectType({ description: "A spouse or child" })
export class FamilyMember {
  @Field(() => String)
  name!: string;

  @Field(() => DateScalar)
  birthDate!: string;
}

@ObjectType({ description: "Kontak darurat" })
export class EmergencyContact {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "E.164" })
  phone!: string;

  @Field(() => String)
  address!: string;

  @Field(() => Relationship)
  relationship!: Relationship;
}

@ObjectType({
  description:
    "A new email or phone number entered in DATA_KONTAK, waiting for (or verified by) the 6-digit code sent to it. Until a " +
    "TERVERIFIKASI decision the record and the sign-in keep the old one; then the new one is also the sign-in identifier",
})
export class ContactVerification {
  @Field(() => Boolean, { description: "The code sent to the new address was entered" })
  verified!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the code was entered; null until then" })
  verifiedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the last code sent expires (5 minutes after it was sent); null once verified" })
  codeExpiresAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When pengkinianResendCode may send a new one (60 seconds after the last); null once verified" })
  resendAvailableAt!: Date | null;
}

@ObjectType({ description: "Data kontak as entered (or prefilled from the record before the step is done)" })
export class DataKontak {
  @Field(() => String, { nullable: true, description: "E.164" })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "NPWP with all but the first two and last three digits hidden" })
  npwpMasked!: string | null;

  @Field(() => String, { nullable: true, description: "Passport number with all but the last three characters hidden" })
  passportNumberMasked!: string | null;

  @Field(() => BankAccount, { nullable: true })
  bankAccount!: BankAccount | null;

  @Field(() => ContactVerification, {
    nullable: true,
    description: "Set when `email` is new (neither the record's nor the sign-in email): the code sent there must be entered (pengkinianVerifyEmail) before submit",
  })
  emailVerification!: ContactVerification | null;

  @Field(() => ContactVerification, {
    nullable: true,
    description: "Set when `phone` is new (neither the record's nor the sign-in number): the SMS code must be entered (pengkinianVerifyPhone) before submit",
  })
  phoneVerification!: ContactVerification | null;
}

@ObjectType({ description: "Data kependudukan as entered (or prefilled from the record before the step is done)" })
export class DataKependudukan {
  @Field(() => Gender, { nullable: true })
  gender!: Gender | null;

  @Field(() => Address, { nullable: true })
  address!: Address | null;

  @Field(() => String, {
    nullable: true,
    description: "Initials only: the mother's maiden name is typed again on every update, never shown (it is abused as a secret)",
  })
  motherMaidenNameMasked!: string | null;

  @Field(() => MaritalStatus, { nullable: true })
  maritalStatus!: MaritalStatus | null;

  @Field(() => FamilyMember, { nullable: true })
  spouse!: FamilyMember | null;

  @Field(() => [FamilyMember], { nullable: true, description: "Children, in the order entered; null when not given" })
  children!: FamilyMember[] | null;
}

@ObjectType({ description: "Data tambahan and kontak darurat as entered (or prefilled before the step is done)" })
export class DataTambahan {
  @Field(() => Education, { nullable: true })
  education!: Education | null;

  @Field(() => Religion, { nullable: true })
  religion!: Religion | null;

  @Field(() => BloodType, { nullable: true })
  bloodType!: BloodType | null;

  @Field(() => EmergencyContact, { nullable: true })
  emergencyContact!: EmergencyContact | null;
}

@ObjectType({
  implements: Node,
  description:
    "One pengkinian data (data update): the identity gates (KEPESERTAAN, then BIOMETRIK), the three data sections in any " +
    "order, then KONFIRMASI. Saved after every successful step; the verifier then decides TERVERIFIKASI or DITOLAK.",
})
export class Pengkinian implements Node, Owned {
  ownerParticipantId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => PengkinianStatus, { description: "DRAFT, DIAJUKAN (being verified), TERVERIFIKASI or DITOLAK" })
  status!: PengkinianStatus;

  @Field(() => [PengkinianStep], { description: "Steps done, in the order of PengkinianStep" })
  completedSteps!: PengkinianStep[];

  @Field(() => PengkinianStep, { nullable: true, description: "The first step still to do; null once submitted" })
  nextStep!: PengkinianStep | null;

  @Field(() => Int, { description: "Wrong KPJ entries left before the account is blocked (3 in all)" })
  kpjAttemptsLeft!: number;

  @Field(() => Int, { description: "Failed selfie checks left before the account is blocked (3 in all)" })
  biometricAttemptsLeft!: number;

  @Field(() => [KpjChallengeCard], { description: "The cards whose full KPJ the participant types in the KEPESERTAAN step" })
  kpjChallenge?: KpjChallengeCard[];

  @Field(() => Boolean, {
    description:
      "Whether KEPESERTAAN needs the full KPJ typed: true with several cards; false with one card, whose KPJ fills itself in " +
      "(seed 000): the step is a confirmation of the shown card, and the selfie that follows is the identity gate",
  })
  kpjEntryRequired?: boolean;

  @Field(() => DataKontak)
  dataKontak!: DataKontak;

  @Field(() => DataKependudukan)
  dataKependudukan!: DataKependudukan;

  @Field(() => DataTambahan)
  dataTambahan!: DataTambahan;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => PengkinianRejection, { nullable: true, description: "Why it was DITOLAK" })
  rejectionCode!: PengkinianRejection | null;

  @Field(() => String, { nullable: true, description: "Why it was DITOLAK, in the caller's language" })
  rejectionReason!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType()
export class PengkinianPayload {
  @Field(() => Pengkinian, {
    nullable: true,
    description: "The pengkinian after the step; when userErrors is not empty, as it stands (unchanged, but with attempts left updated)",
  })
  pengkinian!: Pengkinian | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

// ---- Inputs ----

@InputType()
export class PengkinianCardKpjInput {
  @Field(() => ID, { description: "A card id from kpjChallenge" })
  cardId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The full 11-digit KPJ as printed on the card. Required when kpjEntryRequired; with one card it may be left out (the shown card is confirmed), and if given it is checked",
  })
  kpj?: string | null;
}

@InputType()
export class PengkinianConfirmKepesertaanInput {
  @Field(() => [PengkinianCardKpjInput], { description: "Every card of kpjChallenge, once each" })
  cards!: PengkinianCardKpjInput[];
}

@InputType()
export class PengkinianVerifyBiometricInput {
  @Field(() => String, { description: "Base64 JPEG or PNG, at most 2 MB" })
  selfie!: string;
}

@InputType()
export class BankAccountInput {
  @Field(() => String, { description: "A code from `banks`" })
  bankCode!: string;

  @Field(() => String)
  accountNumber!: string;

  @Field(() => String, { description: "Must be the participant's own name" })
  accountName!: string;
}

@InputType()
export class DataKontakInput {
  @Field(() => String, { description: "08…, 628… or +628…; stored as E.164" })
  phone!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true, description: "Optional; 15 (legacy) or 16 digits. Left out: unchanged; null: removed" })
  npwp?: string | null;

  @Field(() => String, { nullable: true, description: "Optional. Left out: unchanged; null: removed" })
  passportNumber?: string | null;

  @Field(() => BankAccountInput)
  bankAccount!: BankAccountInput;
}

@InputType()
export class FamilyMemberInput {
  @Field(() => String)
  name!: string;

  @Field(() => DateScalar)
  birthDate!: string;
}

@InputType()
export class DataKependudukanInput {
  @Field(() => Gender)
  gender!: Gender;

  @Field(() => String, { description: "A villageCode from `wilayah`" })
  villageCode!: string;

  @Field(() => String, { description: "5 digits, of the chosen village's area" })
  kodePos!: string;

  @Field(() => String, { description: "Alamat domisili: street, number, RT/RW" })
  address!: string;

  @Field(() => String)
  motherMaidenName!: string;

  @Field(() => MaritalStatus)
  maritalStatus!: MaritalStatus;

  @Field(() => FamilyMemberInput, { nullable: true, description: "Required for KAWIN unless already on record; only for KAWIN" })
  spouse?: FamilyMemberInput | null;

  @Field(() => [FamilyMemberInput], { nullable: true, description: "Left out: unchanged; [] or null: none" })
  children?: FamilyMemberInput[] | null;
}

@InputType()
export class EmergencyContactInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "08…, 628… or +628…" })
  phone!: string;

  @Field(() => String)
  address!: string;

  @Field(() => Relationship)
  relationship!: Relationship;
}

@InputType()
export class DataTambahanInput {
  @Field(() => Education)
  education!: Education;

  @Field(() => Religion)
  religion!: Religion;

  @Field(() => BloodType)
  bloodType!: BloodType;

  @Field(() => EmergencyContactInput)
  emergencyContact!: EmergencyContactInput;
}

@InputType({ description: "The 6-digit code sent to the new email (or by SMS to the new phone) of DATA_KONTAK" })
export class PengkinianVerifyCodeInput {
  @Field(() => String, { description: "The 6-digit code; 5 attempts per code, valid 5 minutes" })
  code!: string;
}

@InputType({ description: "Which new contact of DATA_KONTAK gets a new code" })
export class PengkinianResendCodeInput {
  @Field(() => VerificationChannel, { description: "EMAIL for the new email, SMS for the new phone number" })
  channel!: VerificationChannel;
}

@InputType()
export class PengkinianSubmitInput {
  @Field(() => Boolean, { description: "The participant ticked the statement that the data is true and may be used" })
  consent!: boolean;
}
