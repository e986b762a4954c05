import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, DateTimeScalar, RupiahScalar } from "./scalars.ts";
import { Gender, Nationality, Segment } from "./enums.ts";
import { UserError } from "./common.types.ts";

export enum RegistrationKind {
  EXISTING_PARTICIPANT = "EXISTING_PARTICIPANT",
  BPU_NEW = "BPU_NEW",
}
registerEnumType(RegistrationKind, {
  name: "RegistrationKind",
  description: "Who is registering: a participant already on record, or a new self-employed worker",
  valuesConfig: {
    EXISTING_PARTICIPANT: { description: "\"Ya, Saya Sudah Daftar\": already a participant; NIK, KPJ, name and birth date must match the record" },
    BPU_NEW: { description: "Not a participant yet: a self-employed worker (Bukan Penerima Upah) who gets a new BPU card" },
  },
});

export enum RegistrationStep {
  EMAIL = "EMAIL",
  VERIFY_EMAIL = "VERIFY_EMAIL",
  PHONE = "PHONE",
  VERIFY_PHONE = "VERIFY_PHONE",
  PASSWORD = "PASSWORD",
  COMPLETED = "COMPLETED",
}
registerEnumType(RegistrationStep, {
  name: "RegistrationStep",
  description: "The next step of a registration",
  valuesConfig: {
    EMAIL: { description: "registrationSetEmail" },
    VERIFY_EMAIL: { description: "registrationVerifyEmail with the emailed code (registrationResendCode for a new one)" },
    PHONE: { description: "registrationSetPhone" },
    VERIFY_PHONE: { description: "registrationVerifyPhone with the SMS code" },
    PASSWORD: { description: "registrationComplete with a password and the terms accepted" },
    COMPLETED: { description: "The account exists" },
  },
});

export enum RegistrationWarning {
  NIK_BIRTH_DATE_MISMATCH = "NIK_BIRTH_DATE_MISMATCH",
  NIK_GENDER_MISMATCH = "NIK_GENDER_MISMATCH",
}
registerEnumType(RegistrationWarning, {
  name: "RegistrationWarning",
  description: "Accepted but worth a second look (domain.md: a NIK is never changed even when its date part is wrong)",
  valuesConfig: {
    NIK_BIRTH_DATE_MISMATCH: { description: "The NIK's date part differs from the birth date entered" },
    NIK_GENDER_MISMATCH: { description: "The NIK's day (+40 for women) differs from the gender entered" },
  },
});

export enum VerificationChannel {
  EMAIL = "EMAIL",
  SMS = "SMS",
}
registerEnumType(VerificationChannel, {
  name: "VerificationChannel",
  description: "Where a 6-digit verification code goes",
  valuesConfig: { EMAIL: { description: "To the email being verified" }, SMS: { description: "By SMS to the phone number being verified" } },
});

export enum BpuProgram {
  JKK = "JKK",
  JKM = "JKM",
  JHT = "JHT",
}
registerEnumType(BpuProgram, {
  name: "BpuProgram",
  description: "Programs of a BPU membership: JKK and JKM always, JHT if chosen",
  valuesConfig: {
    JKK: { description: "Jaminan Kecelakaan Kerja: work accident cover" },
    JKM: { description: "Jaminan Kematian: death benefit" },
    JHT: { description: "Jaminan Hari Tua: old-age savings" },
  },
});

@InputType({ description: "Seed 002 \"Pendaftaran Akun\": membership type, citizenship and personal data" })
export class RegistrationStartInput {
  @Field(() => RegistrationKind, { description: "EXISTING_PARTICIPANT or BPU_NEW" })
  kind!: RegistrationKind;

  @Field(() => Segment, { description: "Jenis kepesertaan; BPU_NEW takes BPU only" })
  membershipType!: Segment;

  @Field(() => Nationality, {
    description: "Kewarganegaraan; BPU_NEW takes WNI only. WNI identify with the NIK, WNA with passportNumber and passportCountry",
  })
  citizenship!: Nationality;

  @Field(() => String, { nullable: true, description: "16 digits; required for WNI (a WNA gives the passport instead)" })
  nik?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "WNA (EXISTING_PARTICIPANT): the passport number the employer registered, 6–9 letters and digits (ICAO 9303)",
  })
  passportNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'WNA: the passport\'s country as an ISO 3166-1 alpha-2 code, e.g. "JP" (the passport prints the alpha-3 form, JPN)',
  })
  passportCountry?: string | null;

  @Field(() => String, { nullable: true, description: "11 digits; required for EXISTING_PARTICIPANT" })
  kpj?: string | null;

  @Field(() => String, { description: "As on the KTP (case and spaces do not matter when matched)" })
  fullName!: string;

  @Field(() => DateScalar, { description: "Tanggal lahir, as on the KTP (or the passport)" })
  birthDate!: string;

  @Field(() => String, { nullable: true, description: "BPU_NEW: tempat lahir" })
  birthPlace?: string | null;

  @Field(() => Gender, { nullable: true, description: "BPU_NEW: taken from the NIK when not given" })
  gender?: Gender | null;

  @Field(() => RupiahScalar, { nullable: true, description: "BPU_NEW: declared monthly income, the basis of the contribution" })
  declaredIncome?: bigint | null;

  @Field(() => Boolean, { nullable: true, description: "BPU_NEW: also join JHT (2% of the declared income); default false" })
  jht?: boolean | null;
}

@InputType({ description: "Step 2: the email to sign in with" })
export class RegistrationSetEmailInput {
  @Field(() => String, { description: "The registrationToken registrationStart returned" })
  registrationToken!: string;

  @Field(() => String, { description: "Email address (at most 254 characters); it must not sign in another account" })
  email!: string;
}

@InputType({ description: "Step 4: the mobile number" })
export class RegistrationSetPhoneInput {
  @Field(() => String, { description: "The registrationToken registrationStart returned" })
  registrationToken!: string;

  @Field(() => String, { description: "08…, 628… or +628…" })
  phone!: string;
}

@InputType({ description: "Steps 3 and 5: a code sent by email or SMS" })
export class RegistrationVerifyCodeInput {
  @Field(() => String, { description: "The registrationToken registrationStart returned" })
  registrationToken!: string;

  @Field(() => String, { description: "The 6-digit code" })
  code!: string;
}

@InputType({ description: "Ask for a new verification code" })
export class RegistrationResendCodeInput {
  @Field(() => String, { description: "The registrationToken registrationStart returned" })
  registrationToken!: string;

  @Field(() => VerificationChannel, { description: "EMAIL for the email code, SMS for the phone code" })
  channel!: VerificationChannel;
}

@InputType({ description: "The last step: password and terms" })
export class RegistrationCompleteInput {
  @Field(() => String, { description: "The registrationToken registrationStart returned" })
  registrationToken!: string;

  @Field(() => String, { description: "8–128 characters, not containing the email name, the NIK or the phone number" })
  password!: string;

  @Field(() => Boolean, { description: "Syarat dan ketentuan accepted" })
  acceptTerms!: boolean;
}

@ObjectType({ description: "A BPU membership's monthly contribution (iuran) for the declared income" })
export class BpuContribution {
  @Field(() => RupiahScalar, { description: "JKK: 1% of the declared income" })
  jkk!: bigint;

  @Field(() => RupiahScalar, { description: "JKM: flat Rp6,800" })
  jkm!: bigint;

  @Field(() => RupiahScalar, { description: "JHT: 2% of the declared income when chosen, else 0" })
  jht!: bigint;

  @Field(() => RupiahScalar, { description: "jkk + jkm + jht: the amount to pay each month" })
  total!: bigint;
}

@ObjectType({ description: "What a BPU_NEW registration will create" })
export class BpuRegistration {
  @Field(() => [BpuProgram], { description: "The programs joined" })
  programs!: BpuProgram[];

  @Field(() => RupiahScalar, { description: "The declared monthly income contributions are charged on" })
  declaredIncome!: bigint;

  @Field(() => BpuContribution, { description: "What the member will pay each month" })
  monthlyContribution!: BpuContribution;
}

@ObjectType({ description: "A registration in progress; only the holder of its token reaches it" })
export class Registration {
  @Field(() => RegistrationKind, { description: "EXISTING_PARTICIPANT or BPU_NEW" })
  kind!: RegistrationKind;

  @Field(() => RegistrationStep, { description: "The step to do next" })
  step!: RegistrationStep;

  @Field(() => String, { nullable: true, description: "Masked" })
  emailMasked!: string | null;

  @Field(() => Boolean, { description: "The emailed code was entered" })
  emailVerified!: boolean;

  @Field(() => String, { nullable: true, description: "Masked" })
  phoneMasked!: string | null;

  @Field(() => Boolean, { description: "The SMS code was entered" })
  phoneVerified!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the code last sent may be sent again (registrationResendCode)" })
  resendAvailableAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the code last sent stops working" })
  codeExpiresAt!: Date | null;

  @Field(() => DateTimeScalar, { description: "The registration must be completed before this" })
  expiresAt!: Date;

  @Field(() => [RegistrationWarning], { description: "Accepted inconsistencies between the NIK and the data entered; empty when none" })
  warnings!: RegistrationWarning[];

  @Field(() => BpuRegistration, { nullable: true, description: "BPU_NEW: the programs and monthly contribution; null for EXISTING_PARTICIPANT" })
  bpu!: BpuRegistration | null;
}

@ObjectType({ description: "The result of a registration step" })
export class RegistrationPayload {
  @Field(() => String, {
    nullable: true,
    description: "registrationStart only: the opaque token every later step sends (keep it secret; it lives as long as the registration)",
  })
  registrationToken!: string | null;

  @Field(() => Registration, { nullable: true, description: "The registration after the step; null when it was not found" })
  registration!: Registration | null;

  @Field(() => [UserError], { description: "Why the step was refused; empty on success" })
  userErrors!: UserError[];
}

@InputType({ description: "Lupa password: where to send the reset token" })
export class PasswordResetRequestInput {
  @Field(() => String, { description: "The account's sign-in email" })
  email!: string;
}

@ObjectType({ description: "The same answer whether or not an account has this email" })
export class PasswordResetRequestPayload {
  @Field(() => Boolean, { description: "True when the request was taken; an email with a reset token follows if the account exists" })
  accepted!: boolean;

  @Field(() => [UserError], { description: "Only input errors (an invalid email); never says whether the account exists" })
  userErrors!: UserError[];
}

@InputType({ description: "A new password with the emailed token" })
export class PasswordResetInput {
  @Field(() => String, { description: "The token from the email (single use, 30 minutes)" })
  token!: string;

  @Field(() => String, { description: "8–128 characters, not containing the email name, the NIK or the phone number" })
  newPassword!: string;
}

@ObjectType({ description: "The result of passwordReset" })
export class PasswordResetPayload {
  @Field(() => Boolean, { description: "True when the password was changed; every session of the account was signed out" })
  success!: boolean;

  @Field(() => [UserError], { description: "Why the reset was refused; empty on success" })
  userErrors!: UserError[];
}
