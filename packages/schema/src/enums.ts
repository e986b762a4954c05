import { registerEnumType } from "type-graphql";

export enum Gender {
  LAKI_LAKI = "LAKI_LAKI",
  PEREMPUAN = "PEREMPUAN",
}
registerEnumType(Gender, {
  name: "Gender",
  description: "Jenis kelamin, as on the KTP (a woman's NIK carries her birth day + 40)",
  valuesConfig: { LAKI_LAKI: { description: "Laki-laki: male" }, PEREMPUAN: { description: "Perempuan: female" } },
});

export enum Nationality {
  WNI = "WNI",
  WNA = "WNA",
}
registerEnumType(Nationality, {
  name: "Nationality",
  description: "Kewarganegaraan: Indonesian citizens identify with the NIK, foreign workers with their passport",
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
registerEnumType(PengkinianStatus, {
  name: "PengkinianStatus",
  description: "State of the participant's data update",
  valuesConfig: {
    BELUM: { description: "Never started (pengkinianStart opens one)" },
    DRAFT: { description: "Started, not submitted: continue at nextStep" },
    DIAJUKAN: { description: "Submitted, waiting for the verifier's decision" },
    TERVERIFIKASI: { description: "Verified: the data is on record; needed for a JHT claim in JMO" },
    DITOLAK: { description: "Refused by the verifier (see rejectionCode); pengkinianStart opens a new one" },
  },
});

export enum Role {
  PESERTA = "PESERTA",
  PETUGAS = "PETUGAS",
}
registerEnumType(Role, {
  name: "Role",
  description: "What a signed-in account may do",
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
  // Klaim JHT sebagian (klaim/klaim-sebagian.service.ts)
  KLAIM_JENIS_INVALID = "KLAIM_JENIS_INVALID",
  KLAIM_SEBAGIAN_SUDAH_PERNAH = "KLAIM_SEBAGIAN_SUDAH_PERNAH",
  KLAIM_DOKUMEN_REQUIRED = "KLAIM_DOKUMEN_REQUIRED",
  KLAIM_DOKUMEN_NOT_ALLOWED = "KLAIM_DOKUMEN_NOT_ALLOWED",
  KLAIM_DOKUMEN_TOO_LARGE = "KLAIM_DOKUMEN_TOO_LARGE",
  KLAIM_DOKUMEN_TYPE_MISMATCH = "KLAIM_DOKUMEN_TYPE_MISMATCH",
  KLAIM_DOKUMEN_TOO_MANY = "KLAIM_DOKUMEN_TOO_MANY",
  // Klaim JHT: staff actions
  KLAIM_NOT_HOLDABLE = "KLAIM_NOT_HOLDABLE",
  KLAIM_NOT_REJECTABLE = "KLAIM_NOT_REJECTABLE",
  KLAIM_NOT_WAITING = "KLAIM_NOT_WAITING",
  // Iuran BPU payments (iuran/iuran.service.ts)
  IURAN_BPU_NOT_BPU_CARD = "IURAN_BPU_NOT_BPU_CARD",
  IURAN_BPU_MONTHS_INVALID = "IURAN_BPU_MONTHS_INVALID",
  IURAN_BPU_PAYMENT_OPEN = "IURAN_BPU_PAYMENT_OPEN",
  IURAN_BPU_MEMBERSHIP_ENDED = "IURAN_BPU_MEMBERSHIP_ENDED",
  IURAN_BPU_PAYMENT_NOT_FOUND = "IURAN_BPU_PAYMENT_NOT_FOUND",
  IURAN_BPU_PAYMENT_NOT_OPEN = "IURAN_BPU_PAYMENT_NOT_OPEN",
  // Pengaduan (pengaduan/pengaduan.service.ts)
  PENGADUAN_NOT_FOUND = "PENGADUAN_NOT_FOUND",
  PENGADUAN_CLOSED = "PENGADUAN_CLOSED",
  PENGADUAN_STATUS_NOT_ALLOWED = "PENGADUAN_STATUS_NOT_ALLOWED",
  PENGADUAN_KOREKSI_EMPTY = "PENGADUAN_KOREKSI_EMPTY",
  PENGADUAN_TOO_MANY_OPEN = "PENGADUAN_TOO_MANY_OPEN",
  PENGADUAN_ATTACHMENT_TOO_LARGE = "PENGADUAN_ATTACHMENT_TOO_LARGE",
  PENGADUAN_ATTACHMENT_TYPE_MISMATCH = "PENGADUAN_ATTACHMENT_TYPE_MISMATCH",
  PENGADUAN_ATTACHMENT_TOO_MANY = "PENGADUAN_ATTACHMENT_TOO_MANY",
  PENGADUAN_ATTACHMENT_REQUIRED = "PENGADUAN_ATTACHMENT_REQUIRED",
  // Pelaporan kecelakaan kerja (kecelakaan/kecelakaan.service.ts)
  KECELAKAAN_CARD_NOT_FOUND = "KECELAKAAN_CARD_NOT_FOUND",
  KECELAKAAN_CARD_NOT_ACTIVE = "KECELAKAAN_CARD_NOT_ACTIVE",
  KECELAKAAN_OCCURRED_AT_INVALID = "KECELAKAAN_OCCURRED_AT_INVALID",
  KECELAKAAN_TOO_MANY_WITNESSES = "KECELAKAAN_TOO_MANY_WITNESSES",
  // Promo and berita (staff)
  BERITA_NOT_FOUND = "BERITA_NOT_FOUND",
  BERITA_STATUS_INVALID = "BERITA_STATUS_INVALID",
  BERITA_IMAGE_INVALID = "BERITA_IMAGE_INVALID",
  BERITA_PROMO_INVALID = "BERITA_PROMO_INVALID",
  // Kanal layanan (staff)
  KANAL_NOT_FOUND = "KANAL_NOT_FOUND",
  KANAL_HOURS_INVALID = "KANAL_HOURS_INVALID",
  KECELAKAAN_REPORT_NOT_FOUND = "KECELAKAAN_REPORT_NOT_FOUND",
  KECELAKAAN_STATUS_NOT_ALLOWED = "KECELAKAAN_STATUS_NOT_ALLOWED",
  // Antrean kantor cabang (antrean/antrean.service.ts)
  ANTREAN_KANAL_NOT_FOUND = "ANTREAN_KANAL_NOT_FOUND",
  ANTREAN_SERVICE_NOT_OFFERED = "ANTREAN_SERVICE_NOT_OFFERED",
  ANTREAN_OFFICE_CLOSED = "ANTREAN_OFFICE_CLOSED",
  ANTREAN_SLOT_INVALID = "ANTREAN_SLOT_INVALID",
  ANTREAN_SLOT_PAST = "ANTREAN_SLOT_PAST",
  ANTREAN_TOO_FAR_AHEAD = "ANTREAN_TOO_FAR_AHEAD",
  ANTREAN_SLOT_FULL = "ANTREAN_SLOT_FULL",
  ANTREAN_ALREADY_BOOKED = "ANTREAN_ALREADY_BOOKED",
  ANTREAN_NOT_FOUND = "ANTREAN_NOT_FOUND",
  ANTREAN_NOT_CANCELLABLE = "ANTREAN_NOT_CANCELLABLE",
  ANTREAN_STATUS_NOT_ALLOWED = "ANTREAN_STATUS_NOT_ALLOWED",
}
// Each value says when it happens and what the member can do; `message` carries the same advice in their language.
registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  description:
    "Why a mutation refused: each value says when it happens and what the member can do. Show `UserError.message` (already in the caller's language, with the figures filled in) beside `UserError.field` when it is set",
  valuesConfig: {
    INVALID_CREDENTIALS: {
      description:
        "login: the identifier or password is wrong (the same answer when no account exists). After 5 wrong tries in a row the identifier is locked for 15 minutes: check the input or use passwordResetRequest",
    },
    ACCOUNT_LOCKED: {
      description:
        "login: 5 wrong passwords in a row locked the identifier for 15 minutes; the message says until when (WIB). Wait, sign in from a device whose deviceToken is known, or reset the password",
    },
    ACCOUNT_BLOCKED: {
      description:
        "login, refreshSession, or a KPJ or selfie step of pengkinian or klaim: three wrong KPJ entries or three failed selfie checks blocked the account. Only staff lift it (accountUnblock): tell the member to call 175 or visit a branch office with their KTP",
    },
    INVALID_REFRESH_TOKEN: {
      description: "refreshSession: the refresh token is unknown, used already, expired or signed out. Send the member to sign in again",
    },
    INVALID_INPUT: {
      description: "accountUnblock: the note is empty, no account was named, or `account` was given together with the deprecated participantId or accountId. Fix the input",
    },
    PENGKINIAN_NOT_STARTED: {
      description: "A pengkinian step without an open pengkinian data. Call pengkinianStart first",
    },
    PENGKINIAN_SUBMITTED: {
      description: "A pengkinian step after pengkinianSubmit: the data is DIAJUKAN and being verified. Wait for pengkinianStatusChanged",
    },
    STEP_OUT_OF_ORDER: {
      description:
        "A pengkinian or klaim step before the steps it needs (KEPESERTAAN, then BIOMETRIK, come first; KONFIRMASI comes last). The message names the step to do first; `nextStep` says it too",
    },
    KPJ_CARDS_MISMATCH: {
      description: "pengkinianConfirmKepesertaan: the cards sent are not every card of kpjChallenge exactly once. Send each card once",
    },
    KPJ_FORMAT: { description: "A KPJ that is not 11 digits. Nothing is counted against the attempts: let the member fix it" },
    KPJ_MISMATCH: {
      description:
        "A KPJ step: the KPJ typed is not the card's. Counts as a wrong entry; the message gives the attempts left (kpjAttemptsLeft), and the third blocks the account",
    },
    BIOMETRIC_FAILED: {
      description:
        "A selfie step: the face check failed. Counts as a failed check; the message gives the attempts left (biometricAttemptsLeft), and the third blocks the account. Retake in good light",
    },
    SPOUSE_REQUIRED: { description: "pengkinianUpdateKependudukan: maritalStatus KAWIN without a spouse on record. Enter the spouse's name and birth date" },
    SPOUSE_NOT_ALLOWED: { description: "pengkinianUpdateKependudukan: a spouse with a maritalStatus other than KAWIN. Leave the spouse out" },
    TOO_MANY_CHILDREN: { description: "pengkinianUpdateKependudukan: more children than allowed; the message gives the maximum" },
    CONSENT_REQUIRED: { description: "pengkinianSubmit with consent false. Have the member tick the consent statement" },
    CONTACT_NOT_VERIFIED: {
      description:
        "pengkinianSubmit while a new email or phone of DATA_KONTAK still waits for its code: enter the code (pengkinianVerifyEmail/Phone) or ask for a new one",
    },
    NO_CODE_PENDING: {
      description:
        "pengkinianVerifyEmail/Phone or pengkinianResendCode while no new email or phone waits for a code (unchanged contacts need none)",
    },
    ACCOUNT_NOT_FOUND: { description: "accountUnblock (staff): no account with that id, or the participant has no account" },
    ACCOUNT_NOT_BLOCKED: { description: "accountUnblock (staff): the account is not blocked; nothing to do" },
    CARD_NOT_MATCHED: {
      description:
        "cardAdd: no card with this KPJ and birth date on the member's NIK (one answer for every mismatch, so cards cannot be probed). Check the KPJ and the birth date on the card",
    },
    CARD_ALREADY_ADDED: { description: "cardAdd: the card is already on the member's profile" },
    CARD_NOT_FOUND: { description: "No card with this id that the caller may act on" },
    CARD_NOT_AWAITING_FIRST_CONTRIBUTION: {
      description: "The card is not MENUNGGU_IURAN_PERTAMA (its first contribution is already recorded, or it is not a new BPU card)",
    },
    REGISTRATION_NOT_MATCHED: {
      description:
        "registrationStart (EXISTING_PARTICIPANT): NIK or passport, KPJ, name and birth date do not match one record, or that participant already has an account (one answer for both, so NIKs cannot be probed). Check the card, or sign in / reset the password",
    },
    REGISTRATION_NOT_FOUND: {
      description: "A registration step with an unknown or expired registrationToken. Start again with registrationStart",
    },
    REGISTRATION_STEP_OUT_OF_ORDER: {
      description: "A registration step before the one it needs; the message names the step to do first (as Registration.step)",
    },
    REGISTRATION_BPU_ONLY: {
      description:
        "registrationStart (BPU_NEW) with another membership type or a WNA: only Indonesian self-employed workers register themselves; wage earners are registered by their employer",
    },
    REGISTRATION_MEMBERSHIP_TYPE_MISMATCH: {
      description:
        "registrationStart (already a participant): the card of that KPJ has another segment than the membership type chosen; choose the one the message names",
    },
    REGISTRATION_CITIZENSHIP_MISMATCH: {
      description:
        "registrationStart (already a participant): the record holds the other citizenship; choose it (WNI with the NIK, WNA with the passport)",
    },
    INVALID_COUNTRY: { description: "passportCountry is not an ISO 3166-1 alpha-2 country code, or is Indonesia for a WNA" },
    INVALID_NIK: {
      description: "A NIK that is not 16 digits with a real district code and birth date (day + 40 for women). Check it against the KTP",
    },
    NIK_ALREADY_REGISTERED: {
      description: "registrationStart (BPU_NEW): the NIK is already a participant's. Register as EXISTING_PARTICIPANT with the KPJ instead",
    },
    INVALID_DECLARED_INCOME: { description: "registrationStart (BPU_NEW): declaredIncome outside the allowed range; the message gives it" },
    CODE_INVALID: {
      description: "A verification code step: the code is wrong; the message gives the attempts left (5 per code). After the last, ask for a new code",
    },
    CODE_EXPIRED: { description: "A verification code step: the code is older than 5 minutes. Ask for a new code (…ResendCode)" },
    CODE_ATTEMPTS_EXCEEDED: { description: "A verification code step: the code was entered wrongly 5 times and is void. Ask for a new code" },
    CODE_RESEND_TOO_SOON: {
      description: "…ResendCode within 60 seconds of the last code; the message gives the seconds to wait (resendAvailableAt too)",
    },
    EMAIL_ALREADY_USED: {
      description:
        "registrationSetEmail (or registrationComplete, if taken meanwhile), or pengkinianVerifyEmail after the right code: another account signs in with this email. Sign in with it, or use another email",
    },
    PHONE_ALREADY_USED: {
      description:
        "registrationSetPhone (or registrationComplete, if taken meanwhile), or pengkinianVerifyPhone after the right code: another account signs in with this number. Use another number",
    },
    PASSWORD_TOO_SHORT: { description: "registrationComplete or passwordReset: fewer than 8 characters" },
    PASSWORD_TOO_LONG: { description: "registrationComplete or passwordReset: more than 128 characters" },
    PASSWORD_CONTAINS_PERSONAL_DATA: {
      description: "registrationComplete or passwordReset: the password contains the email's name, the NIK or the phone number; the message says which",
    },
    PASSWORD_TOO_COMMON: { description: "registrationComplete or passwordReset: the password is on the list of common passwords. Choose another" },
    TERMS_NOT_ACCEPTED: { description: "registrationComplete with acceptTerms false. Have the member accept the terms" },
    RESET_TOKEN_INVALID: {
      description: "passwordReset: the token is unknown, used already or older than 30 minutes. Ask for a new one (passwordResetRequest)",
    },
    REQUIRED: { description: "A required input is empty (or only spaces). `field` names it" },
    TOO_LONG: { description: "A text input is longer than allowed; the message gives the maximum" },
    INVALID_NAME: {
      description: "A name that does not start with a letter or has characters other than letters, spaces, . , - and '",
    },
    INVALID_PHONE: { description: "A mobile number that does not start with 08, 628 or +628 or does not have 10–13 digits" },
    INVALID_EMAIL: { description: "An email address that is not name@domain, has spaces, or is longer than 254 characters" },
    INVALID_NPWP: {
      description: "An NPWP that is not 15 or 16 digits, fails its check digit, or (16 digits not starting with 0) is not a valid NIK; the message says which",
    },
    INVALID_PASSPORT: { description: "A passport number that is not 6–9 letters and digits" },
    UNKNOWN_BANK: { description: "A bankCode that is not in `banks`. Offer the list of `banks`" },
    INVALID_ACCOUNT_NUMBER: {
      description: "An account number with other characters than digits, or a length outside the bank's (Bank.accountNumberMinLength–MaxLength)",
    },
    ACCOUNT_NAME_MISMATCH: {
      description: "The account holder's name is not the participant's (case and spaces aside): JHT is paid only into the member's own account",
    },
    UNKNOWN_VILLAGE: { description: "A villageCode that is not an official village. Pick one from `wilayah`" },
    INVALID_KODE_POS: { description: "A kode pos that is not 5 digits or starts with 0" },
    KODE_POS_MISMATCH: {
      description: "The kode pos does not belong to the chosen village's province; the message gives the digits it starts with there",
    },
    INVALID_DATE: {
      description: "A date in the future, before the earliest allowed, or not after a date it must follow; the message gives the bound",
    },
    SELFIE_TOO_LARGE: {
      description: "The selfie is over 2 MB or over the pixel limit. Not counted as a failed check: retake at a lower camera resolution",
    },
    SELFIE_NOT_AN_IMAGE: {
      description: "The selfie is not a complete base64 JPEG or PNG. Not counted as a failed check: retake the photo",
    },
    KLAIM_NOT_ELIGIBLE: {
      description:
        "klaimJhtStart, or klaimJhtSubmit (the checks run again): a check of klaimJhtEligibility fails; the message lists the failed checks in words. Show the eligibility checks and where to claim instead (channel)",
    },
    KLAIM_NOT_FOUND: { description: "No claim with this id that the caller may act on" },
    KLAIM_IN_PROGRESS: {
      description: "klaimJhtStart: the card already has a submitted claim in progress; the message gives its nomor. Track it or wait for it to finish",
    },
    KLAIM_NOT_DRAFT: { description: "A claim step on a claim already submitted or cancelled: it can no longer change" },
    KLAIM_NOT_CANCELLABLE: { description: "klaimCancel after payment started (PEMBAYARAN) or the claim ended" },
    KLAIM_CONSENT_REQUIRED: { description: "klaimJhtSubmit with consent false. Have the member tick the claim statement" },
    KLAIM_CARD_NOT_FOUND: { description: "klaimJhtStart: the card is not on the member's profile" },
    IDEMPOTENCY_KEY_INVALID: { description: "klaimJhtSubmit: idempotencyKey is not 8–100 of A–Z a–z 0–9 - _. Send a UUID" },
    IDEMPOTENCY_KEY_REUSED: {
      description: "klaimJhtSubmit: the idempotencyKey was used for another claim. Make a new key per submission (keep it for retries of the same one)",
    },
    KLAIM_JENIS_INVALID: {
      description:
        "klaimJhtStart with a partial-claim sebab (PEMILIKAN_RUMAH, KEPERLUAN_LAIN), or klaimJhtSebagianStart with jenis PENUH: use the other mutation",
    },
    KLAIM_SEBAGIAN_SUDAH_PERNAH: {
      description: "klaimJhtSebagianStart: the member already has a partial claim (10% or 30%; once per membership) that was not rejected or cancelled",
    },
    KLAIM_DOKUMEN_REQUIRED: {
      description: "klaimJhtSubmit of a 30% (housing) partial claim without a housing document from the bank: add one with klaimJhtSebagianAddDocument",
    },
    KLAIM_DOKUMEN_NOT_ALLOWED: { description: "klaimJhtSebagianAddDocument on a claim that takes no documents (a full claim, or the 10% partial claim)" },
    KLAIM_DOKUMEN_TOO_LARGE: { description: "klaimJhtSebagianAddDocument: the file is over 2 MB. Send a smaller scan or photo" },
    KLAIM_DOKUMEN_TYPE_MISMATCH: {
      description: "klaimJhtSebagianAddDocument: the file's bytes are not the declared type (JPEG, PNG or PDF), or not base64. Send the real file",
    },
    KLAIM_DOKUMEN_TOO_MANY: { description: "klaimJhtSebagianAddDocument: the claim already has the most documents it takes (5)" },
    KLAIM_NOT_HOLDABLE: { description: "klaimHold (staff): the claim is on hold already, its payment started, or it ended" },
    KLAIM_NOT_REJECTABLE: { description: "klaimReject (staff): the claim's payment started (and did not fail), or it ended" },
    KLAIM_NOT_WAITING: { description: "klaimApprove (staff): the claim is neither in VERIFIKASI nor on hold" },
    IURAN_BPU_NOT_BPU_CARD: { description: "iuranBpu, iuranBpuCreatePayment: the card is not a BPU (self-employed) card; its contributions are paid by the employer" },
    IURAN_BPU_MONTHS_INVALID: {
      description: "iuranBpuCreatePayment: months is not 1, 3, 6 or 12, or would pay further ahead than the rule allows (IuranBpu.options lists what may be chosen)",
    },
    IURAN_BPU_PAYMENT_OPEN: {
      description: "iuranBpuCreatePayment: the card already has an open payment code (the message gives it). Pay it, or wait for it to expire",
    },
    IURAN_BPU_MEMBERSHIP_ENDED: {
      description: "iuranBpuCreatePayment: contributions were unpaid past the grace period and the membership ended; the member registers again (branch office or registration)",
    },
    IURAN_BPU_PAYMENT_NOT_FOUND: { description: "No payment with this id that the caller may act on" },
    IURAN_BPU_PAYMENT_NOT_OPEN: { description: "iuranBpuSandboxPay: the payment is no longer OPEN (paid, expired or cancelled)" },
    PENGADUAN_NOT_FOUND: { description: "No ticket with this id that the caller may act on" },
    PENGADUAN_CLOSED: { description: "pengaduanReply or pengaduanSetStatus on a ticket that is SELESAI or DITOLAK. File a new ticket (pengaduanCreate)" },
    PENGADUAN_STATUS_NOT_ALLOWED: {
      description: "pengaduanSetStatus (staff): not a step the ticket can take (DITERIMA → DIPROSES → SELESAI, or DITOLAK from DITERIMA or DIPROSES); the message names the current status",
    },
    PENGADUAN_KOREKSI_EMPTY: {
      description: "pengaduanCreate (KOREKSI_DATA): no corrected value, or every value equals the record. Enter the values as on the KTP/KK",
    },
    PENGADUAN_TOO_MANY_OPEN: { description: "pengaduanCreate: the member already has the most open tickets allowed (the message gives it). Wait for one to finish" },
    PENGADUAN_ATTACHMENT_TOO_LARGE: { description: "An attachment over 2 MB (decoded). Send a smaller photo or scan" },
    PENGADUAN_ATTACHMENT_TYPE_MISMATCH: {
      description: "An attachment whose bytes are not the type it was sent as (or not a complete JPEG, PNG or PDF, or not base64). Send the file itself, as JPEG, PNG or PDF",
    },
    PENGADUAN_ATTACHMENT_TOO_MANY: { description: "More than 3 attachments in one message, or more than 10 on one ticket" },
    PENGADUAN_ATTACHMENT_REQUIRED: { description: "pengaduanCreate (KOREKSI_DATA): no document attached. Attach a photo or scan of the KTP or KK" },
    KECELAKAAN_CARD_NOT_FOUND: { description: "kecelakaanKerjaReport: the card is not on the member's profile. Pick one of Participant.cards" },
    KECELAKAAN_CARD_NOT_ACTIVE: {
      description:
        "kecelakaanKerjaReport: the card is not AKTIF, so it does not cover work accidents today. Report under an AKTIF card, or at a branch office if the accident happened while the card was still active",
    },
    KECELAKAAN_OCCURRED_AT_INVALID: {
      description: "kecelakaanKerjaReport: occurredAt is in the future, before the card was registered, or more than 2 years ago (the JKK claim right lapses). Check the date and time",
    },
    KECELAKAAN_TOO_MANY_WITNESSES: { description: "kecelakaanKerjaReport: more than 5 witnesses. Name the 5 who saw most" },
    BERITA_NOT_FOUND: { description: "beritaUpdate, beritaPublish, beritaUnschedule, beritaArchive: no article or promo with this id" },
    BERITA_STATUS_INVALID: {
      description:
        "The item's status does not allow it: publish only a DRAFT or SCHEDULED item, unschedule only a SCHEDULED one, change or archive nothing ARCHIVED. Reload the item and try again",
    },
    BERITA_IMAGE_INVALID: {
      description: "The picture URL was refused (the message says why): https only, a public host, a JPEG, PNG or WebP of at most 1 MB and 4,096 pixels a side",
    },
    KANAL_NOT_FOUND: { description: "kanalLayananUpdate: no service point with this id" },
    KANAL_HOURS_INVALID: {
      description: "kanalLayananUpdate: opening hours with a day outside 1–7 or twice, a time not HH:MM, or closes not after opens (the message says which)",
    },
    BERITA_PROMO_INVALID: {
      description: "A PROMO without its offer, news with one, validUntil before validFrom, or an unknown province code (the message says which)",
    },
    KECELAKAAN_REPORT_NOT_FOUND: { description: "kecelakaanKerjaUpdateStatus (staff): no report with this id" },
    KECELAKAAN_STATUS_NOT_ALLOWED: {
      description:
        "kecelakaanKerjaUpdateStatus (staff): the report cannot go to that status from where it stands (DILAPORKAN → DIVERIFIKASI / DITOLAK, DIVERIFIKASI → DITINDAKLANJUTI / DITOLAK); the message names its status. Reload it",
    },
    ANTREAN_KANAL_NOT_FOUND: { description: "antreanBook, antreanRebook: no office with this id. Pick one from kanalLayanan" },
    ANTREAN_SERVICE_NOT_OFFERED: { description: "antreanBook, antreanRebook: the office does not offer this service (KanalLayanan.services). Pick another office" },
    ANTREAN_OFFICE_CLOSED: {
      description: "antreanBook, antreanRebook: the office is closed that day (a weekend, no hours that day, or a national holiday; the message names the holiday). Pick another day",
    },
    ANTREAN_SLOT_INVALID: { description: "antreanBook, antreanRebook: not one of the office's slots that day (outside its hours, or not a slot start). Pick a slot from antreanSlots" },
    ANTREAN_SLOT_PAST: { description: "antreanBook, antreanRebook: the slot has already started. Pick a later one" },
    ANTREAN_TOO_FAR_AHEAD: { description: "antreanBook, antreanRebook: the day is beyond the booking window (today and the next 14 days). Book closer to the day" },
    ANTREAN_SLOT_FULL: { description: "antreanBook, antreanRebook: the slot's last place was just taken. Pick another slot (antreanSlots shows what is free)" },
    ANTREAN_ALREADY_BOOKED: {
      description: "antreanBook: you already hold an open booking for this service. Use it, cancel it (antreanCancel) or move it (antreanRebook)",
    },
    ANTREAN_NOT_FOUND: { description: "antreanCancel, antreanRebook, antreanStaffMark: no booking with this id (or not yours)" },
    ANTREAN_NOT_CANCELLABLE: {
      description: "antreanCancel, antreanRebook: the booking is no longer open (cancelled, served, expired) or its slot has started. Book a new slot",
    },
    ANTREAN_STATUS_NOT_ALLOWED: {
      description:
        "antreanStaffMark (staff): the booking cannot be marked so (only BOOKED or EXPIRED bookings; SERVED from the slot's day on, NO_SHOW once the slot started); the message names its status",
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
  PEMILIKAN_RUMAH = "PEMILIKAN_RUMAH",
  KEPERLUAN_LAIN = "KEPERLUAN_LAIN",
}
registerEnumType(SebabKlaim, {
  name: "SebabKlaim",
  description: "The reason for a JHT claim offered in JMO",
  valuesConfig: {
    MENGUNDURKAN_DIRI: { description: "Mengundurkan diri: resignation" },
    PHK: { description: "Pemutusan Hubungan Kerja: dismissal" },
    PEMILIKAN_RUMAH: { description: "Klaim JHT sebagian 30%: for owning a home (PP 46/2015 art. 22(5)); set by klaimJhtSebagianStart only" },
    KEPERLUAN_LAIN: {
      description: "Klaim JHT sebagian 10%: any other need in preparing for retirement (PP 46/2015 art. 22(5)); set by klaimJhtSebagianStart only",
    },
  },
});

export enum JenisKlaim {
  PENUH = "PENUH",
  SEBAGIAN_10 = "SEBAGIAN_10",
  SEBAGIAN_30 = "SEBAGIAN_30",
}
registerEnumType(JenisKlaim, {
  name: "JenisKlaim",
  description: "How much of the JHT saldo a claim pays",
  valuesConfig: {
    PENUH: { description: "The whole saldo (klaimJhtStart: resignation or dismissal)" },
    SEBAGIAN_10: { description: "Klaim JHT sebagian: at most 10% of the saldo, for any need; after 10 years of membership, once" },
    SEBAGIAN_30: {
      description: "Klaim JHT sebagian: at most 30% of the saldo, for housing, with the bank's housing document; after 10 years of membership, once",
    },
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
  MASA_KEPESERTAAN_10_TAHUN = "MASA_KEPESERTAAN_10_TAHUN",
  BELUM_PERNAH_KLAIM_SEBAGIAN = "BELUM_PERNAH_KLAIM_SEBAGIAN",
  JUMLAH_MAKS_JMO = "JUMLAH_MAKS_JMO",
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
    MASA_KEPESERTAAN_10_TAHUN: {
      description:
        "Klaim JHT sebagian: at least 10 years since the member's earliest card registration (all cards on the NIK); the message says how long is left and from when",
    },
    BELUM_PERNAH_KLAIM_SEBAGIAN: {
      description: "Klaim JHT sebagian: no earlier partial claim (10% or 30%) of the member that was not rejected or cancelled (once per membership)",
    },
    JUMLAH_MAKS_JMO: {
      description:
        "Klaim JHT sebagian: the amount claimed (10% or 30% of the card's saldo) is above zero and at most the JMO claim limit in force (datedRules KLAIM_JMO_SALDO_MAKS)",
    },
  },
});

export enum AccountEventType {
  NEW_SIGN_IN = "NEW_SIGN_IN",
  SIGNED_OUT = "SIGNED_OUT",
}
registerEnumType(AccountEventType, {
  name: "AccountEventType",
  description: "What happened to the account",
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
registerEnumType(MaritalStatus, {
  name: "MaritalStatus",
  description: "Status perkawinan",
  valuesConfig: {
    BELUM_KAWIN: { description: "Belum kawin: never married" },
    KAWIN: { description: "Kawin: married (a spouse is required)" },
    CERAI_HIDUP: { description: "Cerai hidup: divorced" },
    CERAI_MATI: { description: "Cerai mati: widowed" },
  },
});

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
registerEnumType(Education, {
  name: "Education",
  description: "Pendidikan terakhir: the highest level completed",
  valuesConfig: {
    TIDAK_SEKOLAH: { description: "Tidak sekolah: no schooling" },
    SD: { description: "Sekolah Dasar: primary school" },
    SMP: { description: "Sekolah Menengah Pertama: junior high school" },
    SMA: { description: "Sekolah Menengah Atas (or SMK): senior high school" },
    D1: { description: "Diploma 1: one-year vocational diploma" },
    D2: { description: "Diploma 2: two-year vocational diploma" },
    D3: { description: "Diploma 3: three-year vocational diploma" },
    D4: { description: "Diploma 4: four-year applied bachelor" },
    S1: { description: "Sarjana: bachelor's degree" },
    S2: { description: "Magister: master's degree" },
    S3: { description: "Doktor: doctorate" },
  },
});

export enum Religion {
  ISLAM = "ISLAM",
  KRISTEN = "KRISTEN",
  KATOLIK = "KATOLIK",
  HINDU = "HINDU",
  BUDDHA = "BUDDHA",
  KONGHUCU = "KONGHUCU",
  KEPERCAYAAN = "KEPERCAYAAN",
}
registerEnumType(Religion, {
  name: "Religion",
  description: "Agama, as on the KTP",
  valuesConfig: {
    ISLAM: { description: "Islam" },
    KRISTEN: { description: "Kristen (Protestant)" },
    KATOLIK: { description: "Katolik (Catholic)" },
    HINDU: { description: "Hindu" },
    BUDDHA: { description: "Buddha" },
    KONGHUCU: { description: "Konghucu (Confucian)" },
    KEPERCAYAAN: { description: "Kepercayaan terhadap Tuhan Yang Maha Esa: a native belief" },
  },
});

export enum BloodType {
  A = "A",
  B = "B",
  AB = "AB",
  O = "O",
  TIDAK_TAHU = "TIDAK_TAHU",
}
registerEnumType(BloodType, {
  name: "BloodType",
  description: "Golongan darah (ABO group, without rhesus)",
  valuesConfig: {
    A: { description: "Group A" },
    B: { description: "Group B" },
    AB: { description: "Group AB" },
    O: { description: "Group O" },
    TIDAK_TAHU: { description: "Tidak tahu: the participant does not know it" },
  },
});

export enum Relationship {
  SUAMI = "SUAMI",
  ISTRI = "ISTRI",
  AYAH = "AYAH",
  IBU = "IBU",
  ANAK = "ANAK",
  SAUDARA_KANDUNG = "SAUDARA_KANDUNG",
  LAINNYA = "LAINNYA",
}
registerEnumType(Relationship, {
  name: "Relationship",
  description: "An emergency contact's relationship to the participant",
  valuesConfig: {
    SUAMI: { description: "Suami: husband" },
    ISTRI: { description: "Istri: wife" },
    AYAH: { description: "Ayah: father" },
    IBU: { description: "Ibu: mother" },
    ANAK: { description: "Anak: child" },
    SAUDARA_KANDUNG: { description: "Saudara kandung: brother or sister" },
    LAINNYA: { description: "Lainnya: any other relation" },
  },
});

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
