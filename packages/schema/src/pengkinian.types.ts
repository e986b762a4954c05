import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar, DateTimeScalar } from "./scalars.ts";
import { BloodType, Education, Gender, MaritalStatus, PengkinianRejection, PengkinianStatus, PengkinianStep, Relationship, Religion } from "./enums.ts";
import { Node, UserError, type Owned } from "./common.types.ts";
import { VerificationChannel } from "./registration.types.ts";

// ---- What the API shows (full NIK, KPJ, NPWP, passport and account numbers never leave the server) ----

@ObjectType({ description: "A card to confirm in the KEPESERTAAN step: type its full KPJ; only two first and two last digits are shown" })
export class KpjChallengeCard {
  @Field(() => ID, { description: "The card's global id: send it back in PengkinianCardKpjInput.cardId" })
  cardId!: string;

  @Field(() => String, { description: 'e.g. "19*******12"' })
  kpjMasked!: string;
}

@ObjectType({ description: "A bank account (rekening); the number is masked" })
export class BankAccount {
  @Field(() => String, { description: "3-digit bank code, as in `banks`" })
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

  @Field(() => String, { nullable: true, description: "Kode pos (5 digits)" })
  kodePos!: string | null;

  @Field(() => String, { nullable: true, description: "Kelurahan or desa (village) of villageCode; null if the code is no longer in the official list" })
  kelurahan!: string | null;

  @Field(() => String, { nullable: true, description: "Kecamatan (district) of villageCode; null if the code is no longer in the official list" })
  kecamatan!: string | null;

  @Field(() => String, { nullable: true, description: "Kabupaten or kota (regency or city) of villageCode; null if the code is no longer in the official list" })
  kabupaten!: string | null;

  @Field(() => String, { nullable: true, description: "Provinsi of villageCode; null if the code is no longer in the official list" })
  provinsi!: string | null;
}

@ObjectType({ description: "A spouse or child" })
export class FamilyMember {
  @Field(() => String, { description: "Full name" })
  name!: string;

  @Field(() => DateScalar, { description: "Tanggal lahir" })
  birthDate!: string;
}

@ObjectType({ description: "Kontak darurat" })
export class EmergencyContact {
  @Field(() => String, { description: "Full name" })
  name!: string;

  @Field(() => String, { description: "E.164" })
  phone!: string;

  @Field(() => String, { description: "Address as entered (free text)" })
  address!: string;

  @Field(() => Relationship, { description: "How the contact is related to the participant" })
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

  @Field(() => String, { nullable: true, description: "Email as entered or on record" })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "NPWP with all but the first two and last three digits hidden" })
  npwpMasked!: string | null;

  @Field(() => String, { nullable: true, description: "Passport number with all but the last three characters hidden" })
  passportNumberMasked!: string | null;

  @Field(() => BankAccount, { nullable: true, description: "The rekening JHT is paid into (number masked)" })
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
  @Field(() => Gender, { nullable: true, description: "Jenis kelamin" })
  gender!: Gender | null;

  @Field(() => Address, { nullable: true, description: "Alamat domisili with its village" })
  address!: Address | null;

  @Field(() => String, {
    nullable: true,
    description: "Initials only: the mother's maiden name is typed again on every update, never shown (it is abused as a secret)",
  })
  motherMaidenNameMasked!: string | null;

  @Field(() => MaritalStatus, { nullable: true, description: "Status perkawinan" })
  maritalStatus!: MaritalStatus | null;

  @Field(() => FamilyMember, { nullable: true, description: "Spouse (suami/istri); null unless KAWIN" })
  spouse!: FamilyMember | null;

  @Field(() => [FamilyMember], { nullable: true, description: "Children, in the order entered; null when not given" })
  children!: FamilyMember[] | null;
}

@ObjectType({ description: "Data tambahan and kontak darurat as entered (or prefilled before the step is done)" })
export class DataTambahan {
  @Field(() => Education, { nullable: true, description: "Pendidikan terakhir" })
  education!: Education | null;

  @Field(() => Religion, { nullable: true, description: "Agama" })
  religion!: Religion | null;

  @Field(() => BloodType, { nullable: true, description: "Golongan darah" })
  bloodType!: BloodType | null;

  @Field(() => EmergencyContact, { nullable: true, description: "Kontak darurat" })
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

  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
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

  @Field(() => DataKontak, { description: "The DATA_KONTAK section as it stands" })
  dataKontak!: DataKontak;

  @Field(() => DataKependudukan, { description: "The DATA_KEPENDUDUKAN section as it stands" })
  dataKependudukan!: DataKependudukan;

  @Field(() => DataTambahan, { description: "The DATA_TAMBAHAN section as it stands" })
  dataTambahan!: DataTambahan;

  @Field(() => DateTimeScalar, { nullable: true, description: "When pengkinianSubmit was done; null while DRAFT" })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the verifier decided (TERVERIFIKASI or DITOLAK); null until then" })
  decidedAt!: Date | null;

  @Field(() => PengkinianRejection, { nullable: true, description: "Why it was DITOLAK" })
  rejectionCode!: PengkinianRejection | null;

  @Field(() => String, { nullable: true, description: "Why it was DITOLAK, in the caller's language" })
  rejectionReason!: string | null;

  @Field(() => DateTimeScalar, { description: "When pengkinianStart opened it" })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: "When a step last changed it" })
  updatedAt!: Date;
}

@ObjectType({ description: "The result of a pengkinian step" })
export class PengkinianPayload {
  @Field(() => Pengkinian, {
    nullable: true,
    description: "The pengkinian after the step; when userErrors is not empty, as it stands (unchanged, but with attempts left updated)",
  })
  pengkinian!: Pengkinian | null;

  @Field(() => [UserError], { description: "Why the step was refused (every invalid field at once for the data sections); empty on success" })
  userErrors!: UserError[];
}

// ---- Inputs ----

@InputType({ description: "One card of the KEPESERTAAN step and its KPJ" })
export class PengkinianCardKpjInput {
  @Field(() => ID, { description: "A card id from kpjChallenge" })
  cardId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The full 11-digit KPJ as printed on the card. Required when kpjEntryRequired; with one card it may be left out (the shown card is confirmed), and if given it is checked",
  })
  kpj?: string | null;
}

@InputType({ description: "The KEPESERTAAN step: the full KPJ of each card" })
export class PengkinianConfirmKepesertaanInput {
  @Field(() => [PengkinianCardKpjInput], { description: "Every card of kpjChallenge, once each" })
  cards!: PengkinianCardKpjInput[];
}

@InputType({ description: "The BIOMETRIK step's selfie" })
export class PengkinianVerifyBiometricInput {
  @Field(() => String, { description: "Base64 JPEG or PNG, at most 2 MB" })
  selfie!: string;
}

@InputType({ description: "A bank account in the participant's own name" })
export class BankAccountInput {
  @Field(() => String, { description: "A code from `banks`" })
  bankCode!: string;

  @Field(() => String, { description: "Digits only, as many as the bank's accountNumberMinLength–MaxLength" })
  accountNumber!: string;

  @Field(() => String, { description: "Must be the participant's own name" })
  accountName!: string;
}

@InputType({ description: "The DATA_KONTAK section; the whole section is sent each time" })
export class DataKontakInput {
  @Field(() => String, { description: "08…, 628… or +628…; stored as E.164" })
  phone!: string;

  @Field(() => String, { description: "Email address (at most 254 characters); a new one gets a 6-digit code" })
  email!: string;

  @Field(() => String, { nullable: true, description: "Optional; 15 (legacy) or 16 digits. Left out: unchanged; null: removed" })
  npwp?: string | null;

  @Field(() => String, { nullable: true, description: "Optional. Left out: unchanged; null: removed" })
  passportNumber?: string | null;

  @Field(() => BankAccountInput, { description: "The rekening JHT is paid into; in the participant's own name" })
  bankAccount!: BankAccountInput;
}

@InputType({ description: "A spouse or child" })
export class FamilyMemberInput {
  @Field(() => String, { description: "Full name (letters, spaces, . , - ')" })
  name!: string;

  @Field(() => DateScalar, { description: "Tanggal lahir; not in the future" })
  birthDate!: string;
}

@InputType({ description: "The DATA_KEPENDUDUKAN section; the whole section is sent each time" })
export class DataKependudukanInput {
  @Field(() => Gender, { description: "Jenis kelamin; must agree with the NIK (day + 40 for women) or the verifier refuses" })
  gender!: Gender;

  @Field(() => String, { description: "A villageCode from `wilayah`" })
  villageCode!: string;

  @Field(() => String, { description: "5 digits, of the chosen village's area" })
  kodePos!: string;

  @Field(() => String, { description: "Alamat domisili: street, number, RT/RW" })
  address!: string;

  @Field(() => String, { description: "Nama ibu kandung, typed in full every time (it is never shown back)" })
  motherMaidenName!: string;

  @Field(() => MaritalStatus, { description: "Status perkawinan; KAWIN needs a spouse" })
  maritalStatus!: MaritalStatus;

  @Field(() => FamilyMemberInput, { nullable: true, description: "Required for KAWIN unless already on record; only for KAWIN" })
  spouse?: FamilyMemberInput | null;

  @Field(() => [FamilyMemberInput], { nullable: true, description: "Left out: unchanged; [] or null: none" })
  children?: FamilyMemberInput[] | null;
}

@InputType({ description: "Kontak darurat: someone to call in an emergency" })
export class EmergencyContactInput {
  @Field(() => String, { description: "Full name (letters, spaces, . , - ')" })
  name!: string;

  @Field(() => String, { description: "08…, 628… or +628…" })
  phone!: string;

  @Field(() => String, { description: "Address (free text)" })
  address!: string;

  @Field(() => Relationship, { description: "How the contact is related to the participant" })
  relationship!: Relationship;
}

@InputType({ description: "The DATA_TAMBAHAN section with the emergency contact; the whole section is sent each time" })
export class DataTambahanInput {
  @Field(() => Education, { description: "Pendidikan terakhir" })
  education!: Education;

  @Field(() => Religion, { description: "Agama" })
  religion!: Religion;

  @Field(() => BloodType, { description: "Golongan darah (TIDAK_TAHU when unknown)" })
  bloodType!: BloodType;

  @Field(() => EmergencyContactInput, { description: "Kontak darurat" })
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

@InputType({ description: "The KONFIRMASI step" })
export class PengkinianSubmitInput {
  @Field(() => Boolean, { description: "The participant ticked the statement that the data is true and may be used" })
  consent!: boolean;
}
