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
}
registerEnumType(MembershipStatus, { name: "MembershipStatus" });

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
}
registerEnumType(UserErrorCode, { name: "UserErrorCode" });

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
