import { registerEnumType } from "type-graphql";

export enum Gender {
  LAKI_LAKI = "LAKI_LAKI",
  PEREMPUAN = "PEREMPUAN",
}
registerEnumType(Gender, { name: "Gender" });

export enum Nationality {
  WNI = "WNI",
  WNA = "WNA",
}
registerEnumType(Nationality, {
  name: "Nationality",
  valuesConfig: { WNI: { description: "Warga Negara Indonesia" }, WNA: { description: "Warga Negara Asing" } },
});

export enum Segment {
  PU = "PU",
  BPU = "BPU",
  JAKON = "JAKON",
  PMI = "PMI",
}
registerEnumType(Segment, {
  name: "Segment",
  description: "Segmen kepesertaan",
  valuesConfig: {
    PU: { description: "Penerima Upah: wage earner" },
    BPU: { description: "Bukan Penerima Upah: self-employed" },
    JAKON: { description: "Jasa Konstruksi: construction" },
    PMI: { description: "Pekerja Migran Indonesia: migrant worker" },
  },
});

export enum MembershipStatus {
  AKTIF = "AKTIF",
  NONAKTIF = "NONAKTIF",
  MENUNGGU_IURAN_PERTAMA = "MENUNGGU_IURAN_PERTAMA",
}
registerEnumType(MembershipStatus, {
  name: "MembershipStatus",
  description: "Status kepesertaan of a card",
  valuesConfig: {
    AKTIF: { description: "Contributions running: the card protects its holder" },
    NONAKTIF: { description: "Contributions stopped (the holder stopped working; see nonaktifSince)" },
    MENUNGGU_IURAN_PERTAMA: {
      description:
        "A new self-registered BPU card whose first contribution is not paid yet: not active (no protection, the digital card and its verification say so) until that payment is recorded",
    },
  },
});

export enum PengkinianStatus {
  BELUM = "BELUM",
  DRAFT = "DRAFT",
  DIAJUKAN = "DIAJUKAN",
  TERVERIFIKASI = "TERVERIFIKASI",
  DITOLAK = "DITOLAK",
}
registerEnumType(PengkinianStatus, { name: "PengkinianStatus", description: "State of the participant's data update" });

export enum Role {
  PESERTA = "PESERTA",
  PETUGAS = "PETUGAS",
}
registerEnumType(Role, {
  name: "Role",
  valuesConfig: { PESERTA: { description: "A participant" }, PETUGAS: { description: "BPJS Ketenagakerjaan staff" } },
});

/** Every business-rule failure the API reports as a `UserError`. Exhaustive: add codes here, never free text. */
export enum UserErrorCode {
  INVALID_CREDENTIALS = "INVALID_CREDENTIALS",
  ACCOUNT_LOCKED = "ACCOUNT_LOCKED",
  ACCOUNT_BLOCKED = "ACCOUNT_BLOCKED",
  INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN",
  INVALID_INPUT = "INVALID_INPUT",
  // Pengkinian data
  PENGKINIAN_NOT_STARTED = "PENGKINIAN_NOT_STARTED",
  PENGKINIAN_SUBMITTED = "PENGKINIAN_SUBMITTED",
  STEP_OUT_OF_ORDER = "STEP_OUT_OF_ORDER",
  KPJ_CARDS_MISMATCH = "KPJ_CARDS_MISMATCH",
  KPJ_FORMAT = "KPJ_FORMAT",
  KPJ_MISMATCH = "KPJ_MISMATCH",
  BIOMETRIC_FAILED = "BIOMETRIC_FAILED",
  SPOUSE_REQUIRED = "SPOUSE_REQUIRED",
  SPOUSE_NOT_ALLOWED = "SPOUSE_NOT_ALLOWED",
  TOO_MANY_CHILDREN = "TOO_MANY_CHILDREN",
  CONSENT_REQUIRED = "CONSENT_REQUIRED",
  // Pengkinian data: a new email or phone takes effect only after the code sent to it (issue 11, finding 8)
  CONTACT_NOT_VERIFIED = "CONTACT_NOT_VERIFIED",
  NO_CODE_PENDING = "NO_CODE_PENDING",
  ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND",
  ACCOUNT_NOT_BLOCKED = "ACCOUNT_NOT_BLOCKED",
  CARD_NOT_MATCHED = "CARD_NOT_MATCHED",
  CARD_ALREADY_ADDED = "CARD_ALREADY_ADDED",
  // A new BPU card's first contribution (cards/bpu-card.service.ts)
  CARD_NOT_FOUND = "CARD_NOT_FOUND",
  CARD_NOT_AWAITING_FIRST_CONTRIBUTION = "CARD_NOT_AWAITING_FIRST_CONTRIBUTION",
  // Registration, verification codes, passwords (accounts)
  REGISTRATION_NOT_MATCHED = "REGISTRATION_NOT_MATCHED",
  REGISTRATION_NOT_FOUND = "REGISTRATION_NOT_FOUND",
  REGISTRATION_STEP_OUT_OF_ORDER = "REGISTRATION_STEP_OUT_OF_ORDER",
  REGISTRATION_BPU_ONLY = "REGISTRATION_BPU_ONLY",
  REGISTRATION_MEMBERSHIP_TYPE_MISMATCH = "REGISTRATION_MEMBERSHIP_TYPE_MISMATCH",
  REGISTRATION_CITIZENSHIP_MISMATCH = "REGISTRATION_CITIZENSHIP_MISMATCH",
  INVALID_COUNTRY = "INVALID_COUNTRY",
  INVALID_NIK = "INVALID_NIK",
  NIK_ALREADY_REGISTERED = "NIK_ALREADY_REGISTERED",
  INVALID_DECLARED_INCOME = "INVALID_DECLARED_INCOME",
  CODE_INVALID = "CODE_INVALID",
  CODE_EXPIRED = "CODE_EXPIRED",
  CODE_ATTEMPTS_EXCEEDED = "CODE_ATTEMPTS_EXCEEDED",
  CODE_RESEND_TOO_SOON = "CODE_RESEND_TOO_SOON",
  EMAIL_ALREADY_USED = "EMAIL_ALREADY_USED",
  PHONE_ALREADY_USED = "PHONE_ALREADY_USED",
  PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT",
  PASSWORD_TOO_LONG = "PASSWORD_TOO_LONG",
  PASSWORD_CONTAINS_PERSONAL_DATA = "PASSWORD_CONTAINS_PERSONAL_DATA",
  PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON",
  TERMS_NOT_ACCEPTED = "TERMS_NOT_ACCEPTED",
  RESET_TOKEN_INVALID = "RESET_TOKEN_INVALID",
  // Field validation (reference/validators.ts) and the selfie (biometrics/selfie.ts)
  REQUIRED = "REQUIRED",
  TOO_LONG = "TOO_LONG",
  INVALID_NAME = "INVALID_NAME",
  INVALID_PHONE = "INVALID_PHONE",
  INVALID_EMAIL = "INVALID_EMAIL",
  INVALID_NPWP = "INVALID_NPWP",
  INVALID_PASSPORT = "INVALID_PASSPORT",
  UNKNOWN_BANK = "UNKNOWN_BANK",
  INVALID_ACCOUNT_NUMBER = "INVALID_ACCOUNT_NUMBER",
  ACCOUNT_NAME_MISMATCH = "ACCOUNT_NAME_MISMATCH",
  UNKNOWN_VILLAGE = "UNKNOWN_VILLAGE",
  INVALID_KODE_POS = "INVALID_KODE_POS",
  KODE_POS_MISMATCH = "KODE_POS_MISMATCH",
  INVALID_DATE = "INVALID_DATE",
  SELFIE_TOO_LARGE = "SELFIE_TOO_LARGE",
  SELFIE_NOT_AN_IMAGE = "SELFIE_NOT_AN_IMAGE",
  // Klaim JHT
  KLAIM_NOT_ELIGIBLE = "KLAIM_NOT_ELIGIBLE",
  KLAIM_NOT_FOUND = "KLAIM_NOT_FOUND",
  KLAIM_IN_PROGRESS = "KLAIM_IN_PROGRESS",
  KLAIM_NOT_DRAFT = "KLAIM_NOT_DRAFT",
  KLAIM_NOT_CANCELLABLE = "KLAIM_NOT_CANCELLABLE",
  KLAIM_CONSENT_REQUIRED = "KLAIM_CONSENT_REQUIRED",
  KLAIM_CARD_NOT_FOUND = "KLAIM_CARD_NOT_FOUND",
  IDEMPOTENCY_KEY_INVALID = "IDEMPOTENCY_KEY_INVALID",
  IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED",
  // Klaim JHT: staff actions
  KLAIM_NOT_HOLDABLE = "KLAIM_NOT_HOLDABLE",
  KLAIM_NOT_REJECTABLE = "KLAIM_NOT_REJECTABLE",
  KLAIM_NOT_WAITING = "KLAIM_NOT_WAITING",
}
registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  valuesConfig: {
    REGISTRATION_MEMBERSHIP_TYPE_MISMATCH: {
      description: "registrationStart (already a participant): the card of that KPJ has another segment than the membership type chosen; choose the one the message names",
    },
    REGISTRATION_CITIZENSHIP_MISMATCH: {
      description: "registrationStart (already a participant): the record holds the other citizenship; choose it (WNI with the NIK, WNA with the passport)",
    },
    INVALID_COUNTRY: { description: "passportCountry is not an ISO 3166-1 alpha-2 country code, or is Indonesia for a WNA" },
    CARD_NOT_FOUND: { description: "No card with this id that the caller may act on" },
    CARD_NOT_AWAITING_FIRST_CONTRIBUTION: {
      description: "The card is not MENUNGGU_IURAN_PERTAMA (its first contribution is already recorded, or it is not a new BPU card)",
    },
    CONTACT_NOT_VERIFIED: {
      description: "pengkinianSubmit while a new email or phone of DATA_KONTAK still waits for its code: enter the code (pengkinianVerifyEmail/Phone) or ask for a new one",
    },
    NO_CODE_PENDING: {
      description: "pengkinianVerifyEmail/Phone or pengkinianResendCode while no new email or phone waits for a code (unchanged contacts need none)",
    },
  },
});

export enum PaymentRail {
  REALTIME = "REALTIME",
  KLIRING = "KLIRING",
}
registerEnumType(PaymentRail, {
  name: "PaymentRail",
  description: "How a payout reaches a bank",
  valuesConfig: {
    REALTIME: { description: "Partner bank (BNI, Mandiri, BRI, BCA): paid in real time" },
    KLIRING: { description: "Any other bank: paid by clearing (SKN), in banking hours" },
  },
});

export enum SebabKlaim {
  MENGUNDURKAN_DIRI = "MENGUNDURKAN_DIRI",
  PHK = "PHK",
}
registerEnumType(SebabKlaim, {
  name: "SebabKlaim",
  description: "The reason for a JHT claim offered in JMO",
  valuesConfig: {
    MENGUNDURKAN_DIRI: { description: "Mengundurkan diri: resignation" },
    PHK: { description: "Pemutusan Hubungan Kerja: dismissal" },
  },
});

export enum KlaimChannel {
  JMO = "JMO",
  LAPAK_ASIK = "LAPAK_ASIK",
  KANTOR_CABANG = "KANTOR_CABANG",
}
registerEnumType(KlaimChannel, {
  name: "KlaimChannel",
  description: "Where a JHT claim is made",
  valuesConfig: {
    JMO: { description: "In this app" },
    LAPAK_ASIK: { description: "Lapak Asik (web, with documents and a video-call interview): saldo above Rp10 juta" },
    KANTOR_CABANG: { description: "A BPJS Ketenagakerjaan branch office" },
  },
});

export enum KlaimStatus {
  DRAFT = "DRAFT",
  AGENDA = "AGENDA",
  VERIFIKASI = "VERIFIKASI",
  PENETAPAN = "PENETAPAN",
  PEMBAYARAN = "PEMBAYARAN",
  SELESAI = "SELESAI",
  DITOLAK = "DITOLAK",
  DIBATALKAN = "DIBATALKAN",
}
registerEnumType(KlaimStatus, {
  name: "KlaimStatus",
  description: "State of a JHT claim",
  valuesConfig: {
    DRAFT: { description: "Being filled in (not submitted)" },
    AGENDA: { description: "Agenda Klaim: submitted, waiting to be processed" },
    VERIFIKASI: { description: "Being verified" },
    PENETAPAN: { description: "The benefit is being determined" },
    PEMBAYARAN: { description: "Being paid to the bank account" },
    SELESAI: { description: "Proses Klaim Selesai: paid" },
    DITOLAK: { description: "Rejected (see rejectionReason)" },
    DIBATALKAN: { description: "Cancelled by the participant" },
  },
});

export enum KlaimStep {
  KEPESERTAAN = "KEPESERTAAN",
  BIOMETRIK = "BIOMETRIK",
  REKENING = "REKENING",
  KONFIRMASI = "KONFIRMASI",
}
registerEnumType(KlaimStep, {
  name: "KlaimStep",
  description: "Steps of a JHT claim in JMO, in the order the server requires them",
  valuesConfig: {
    KEPESERTAAN: { description: "Type the full KPJ of the card (klaimJhtConfirmKepesertaan)" },
    BIOMETRIK: { description: "Selfie for biometric verification (klaimJhtVerifyBiometric)" },
    REKENING: { description: "NPWP and bank account; shows the rincian (klaimJhtSetRekening)" },
    KONFIRMASI: { description: "Consent and submit (klaimJhtSubmit)" },
  },
});

export enum KlaimEligibilityCode {
  SALDO_MAKS_10_JUTA = "SALDO_MAKS_10_JUTA",
  SALDO_MAKS_JMO = "SALDO_MAKS_JMO",
  PENGKINIAN_SELESAI = "PENGKINIAN_SELESAI",
  STATUS_NONAKTIF = "STATUS_NONAKTIF",
  MASA_TUNGGU_1_BULAN = "MASA_TUNGGU_1_BULAN",
  TIDAK_BEKERJA_DI_TEMPAT_LAIN = "TIDAK_BEKERJA_DI_TEMPAT_LAIN",
  SALDO_TERSEDIA = "SALDO_TERSEDIA",
  TIDAK_ADA_KLAIM_BERJALAN = "TIDAK_ADA_KLAIM_BERJALAN",
}
registerEnumType(KlaimEligibilityCode, {
  name: "KlaimEligibilityCode",
  description: "The checks a JHT claim in JMO needs",
  valuesConfig: {
    SALDO_MAKS_10_JUTA: {
      description: "The card's JHT saldo is at most Rp10,000,000.00. No longer returned: the limit is dated and on the participant's total saldo",
      deprecationReason: "Use SALDO_MAKS_JMO: the JMO limit is a dated rule (Rp15,000,000 from 2025-05-01) on the participant's total saldo; no longer returned, removed in the next major version",
    },
    SALDO_MAKS_JMO: {
      description:
        "The participant's JHT saldo over all cards (akumulasi saldo) is at most the JMO claim limit in force on the claim date " +
        "(datedRules KLAIM_JMO_SALDO_MAKS: Rp10,000,000, Rp15,000,000 from 2025-05-01), and this card has saldo to claim; the message states the limit",
    },
    PENGKINIAN_SELESAI: { description: "Pengkinian data is TERVERIFIKASI" },
    STATUS_NONAKTIF: { description: "The card is NONAKTIF" },
    MASA_TUNGGU_1_BULAN: { description: "At least one calendar month since the card became NONAKTIF (WIB)" },
    TIDAK_BEKERJA_DI_TEMPAT_LAIN: {
      description: "No other card of the participant is AKTIF: a claim for resignation or dismissal needs the participant not to be working anywhere",
    },
    SALDO_TERSEDIA: { description: "This card's JHT saldo is above zero (a paid-out card has nothing left to claim)" },
    TIDAK_ADA_KLAIM_BERJALAN: {
      description: "No other claim of the participant is in progress (DRAFT to PEMBAYARAN); this card's own draft is resumed by klaimJhtStart",
    },
  },
});

export enum AccountEventType {
  NEW_SIGN_IN = "NEW_SIGN_IN",
  SIGNED_OUT = "SIGNED_OUT",
}
registerEnumType(AccountEventType, {
  name: "AccountEventType",
  valuesConfig: {
    NEW_SIGN_IN: { description: "The account signed in on another device or browser" },
    SIGNED_OUT: { description: "A session of the account was signed out" },
  },
});

export enum MaritalStatus {
  BELUM_KAWIN = "BELUM_KAWIN",
  KAWIN = "KAWIN",
  CERAI_HIDUP = "CERAI_HIDUP",
  CERAI_MATI = "CERAI_MATI",
}
registerEnumType(MaritalStatus, { name: "MaritalStatus", description: "Status perkawinan" });

export enum Education {
  TIDAK_SEKOLAH = "TIDAK_SEKOLAH",
  SD = "SD",
  SMP = "SMP",
  SMA = "SMA",
  D1 = "D1",
  D2 = "D2",
  D3 = "D3",
  D4 = "D4",
  S1 = "S1",
  S2 = "S2",
  S3 = "S3",
}
registerEnumType(Education, { name: "Education", description: "Pendidikan terakhir" });

export enum Religion {
  ISLAM = "ISLAM",
  KRISTEN = "KRISTEN",
  KATOLIK = "KATOLIK",
  HINDU = "HINDU",
  BUDDHA = "BUDDHA",
  KONGHUCU = "KONGHUCU",
  KEPERCAYAAN = "KEPERCAYAAN",
}
registerEnumType(Religion, { name: "Religion", description: "Agama (KEPERCAYAAN: Kepercayaan terhadap Tuhan YME)" });

export enum BloodType {
  A = "A",
  B = "B",
  AB = "AB",
  O = "O",
  TIDAK_TAHU = "TIDAK_TAHU",
}
registerEnumType(BloodType, { name: "BloodType", description: "Golongan darah" });

export enum Relationship {
  SUAMI = "SUAMI",
  ISTRI = "ISTRI",
  AYAH = "AYAH",
  IBU = "IBU",
  ANAK = "ANAK",
  SAUDARA_KANDUNG = "SAUDARA_KANDUNG",
  LAINNYA = "LAINNYA",
}
registerEnumType(Relationship, { name: "Relationship", description: "An emergency contact's relationship to the participant" });

export enum PengkinianStep {
  KEPESERTAAN = "KEPESERTAAN",
  BIOMETRIK = "BIOMETRIK",
  DATA_KONTAK = "DATA_KONTAK",
  DATA_KEPENDUDUKAN = "DATA_KEPENDUDUKAN",
  DATA_TAMBAHAN = "DATA_TAMBAHAN",
  KONFIRMASI = "KONFIRMASI",
}
registerEnumType(PengkinianStep, {
  name: "PengkinianStep",
  description: "Steps of pengkinian data: the identity gates in order, then the data sections in any order, then KONFIRMASI",
  valuesConfig: {
    KEPESERTAAN: { description: "Type the full KPJ of each card (pengkinianConfirmKepesertaan)" },
    BIOMETRIK: { description: "Selfie for biometric verification (pengkinianVerifyBiometric)" },
    DATA_KONTAK: { description: "Phone, email, bank account, NPWP, passport (pengkinianUpdateKontak)" },
    DATA_KEPENDUDUKAN: { description: "Gender, domicile, mother's maiden name, marital status, family (pengkinianUpdateKependudukan)" },
    DATA_TAMBAHAN: { description: "Education, religion, blood type, emergency contact (pengkinianUpdateTambahan)" },
    KONFIRMASI: { description: "Consent and submit (pengkinianSubmit)" },
  },
});

export enum PengkinianRejection {
  NIK_TIDAK_VALID = "NIK_TIDAK_VALID",
  NIK_TANGGAL_LAHIR_TIDAK_SESUAI = "NIK_TANGGAL_LAHIR_TIDAK_SESUAI",
  NIK_JENIS_KELAMIN_TIDAK_SESUAI = "NIK_JENIS_KELAMIN_TIDAK_SESUAI",
  KONTAK_SUDAH_DIGUNAKAN = "KONTAK_SUDAH_DIGUNAKAN",
}
registerEnumType(PengkinianRejection, {
  name: "PengkinianRejection",
  description: "Why the verifier refused a pengkinian data",
  valuesConfig: {
    NIK_TIDAK_VALID: { description: "The NIK on record cannot be read (length, digits or date)" },
    NIK_TANGGAL_LAHIR_TIDAK_SESUAI: { description: "The NIK's date part does not match the birth date" },
    NIK_JENIS_KELAMIN_TIDAK_SESUAI: { description: "The NIK's day (+40 for women) does not match the gender" },
    KONTAK_SUDAH_DIGUNAKAN: {
      description: "The new email or phone, verified by its code, was taken by another account before the decision: start again with another one",
    },
  },
});
