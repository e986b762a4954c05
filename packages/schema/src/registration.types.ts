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
registerEnumType(VerificationChannel, { name: "VerificationChannel" });

export enum BpuProgram {
  JKK = "JKK",
  JKM = "JKM",
  JHT = "JHT",
}
registerEnumType(BpuProgram, { name: "BpuProgram", description: "Programs of a BPU membership: JKK and JKM always, JHT if chosen" });

@InputType({ description: "Seed 002 \"Pendaftaran Akun\": membership type, citizenship and personal data" })
export class RegistrationStartInput {
  @Field(() => RegistrationKind)
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

  @Field(() => DateScalar)
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

@InputType()
export class RegistrationSetEmailInput {
  @Field(() => String)
  registrationToken!: string;

  @Field(() => String)
  email!: string;
}

@InputType()
export class RegistrationSetPhoneInput {
  @Field(() => String)
  registrationToken!: string;

  @Field(() => String, { description: "08…, 628… or +628…" })
  phone!: string;
}

@InputType()
export class RegistrationVerifyCodeInput {
  @Field(() => String)
  registrationToken!: string;

  @Field(() => String, { description: "The 6-digit code" })
  code!: string;
}

@InputType()
export class RegistrationResendCodeInput {
  @Field(() => String)
  registrationToken!: string;

  @Field(() => VerificationChannel)
  channel!: VerificationChannel;
}

@InputType()
export class RegistrationCompleteInput {
  @Field(() => String)
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

  @Field(() => RupiahScalar)
  total!: bigint;
}

@ObjectType({ description: "What a BPU_NEW registration will create" })
export class BpuRegistration {
  @Field(() => [BpuProgram])
  programs!: BpuProgram[];

  @Field(() => RupiahScalar)
  declaredIncome!: bigint;

  @Field(() => BpuContribution)
  monthlyContribution!: BpuContribution;
}

@ObjectType({ description: "A registration in progress; only the holder of its token reaches it" })
export class Registration {
  @Field(() => RegistrationKind)
  kind!: RegistrationKind;

  @Field(() => RegistrationStep)
  step!: RegistrationStep;

  @Field(() => String, { nullable: true, description: "Masked" })
  emailMasked!: string | null;

  @Field(() => Boolean)
  emailVerified!: boolean;

  @Field(() => String, { nullable: true, description: "Masked" })
  phoneMasked!: string | null;

  @Field(() => Boolean)
  phoneVerified!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the code last sent may be sent again (registrationResendCode)" })
  resendAvailableAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the code last sent stops working" })
  codeExpiresAt!: Date | null;

  @Field(() => DateTimeScalar, { description: "The registration must be completed before this" })
  expiresAt!: Date;

  @Field(() => [RegistrationWarning])
  warnings!: RegistrationWarning[];

  @Field(() => BpuRegistration, { nullable: true })
  bpu!: BpuRegistration | null;
}

@ObjectType()
export class RegistrationPayload {
  @Field(() => String, {
    nullable: true,
    description: "registrationStart only: the opaque token every later step sends (keep it secret; it lives as long as the registration)",
  })
  registrationToken!: string | null;

  @Field(() => Registration, { nullable: true })
  registration!: Registration | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class PasswordResetRequestInput {
  @Field(() => String)
  email!: string;
}

@ObjectType({ description: "The same answer whether or not an account has this email" })
export class PasswordResetRequestPayload {
  @Field(() => Boolean, { description: "True when the request was taken; an email with a reset token follows if the account exists" })
  accepted!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class PasswordResetInput {
  @Field(() => String, { description: "The token from the email (single use, 30 minutes)" })
  token!: string;

  @Field(() => String)
  newPassword!: string;
}

@ObjectType()
export class PasswordResetPayload {
  @Field(() => Boolean, { description: "True when the password was changed; every session of the account was signed out" })
  success!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
