// What the person reads for each enum value, one table per enum. Typed `Record<Enum, string>`: a value added to the
// schema fails the typecheck here until it has its label, so the page never shows a raw "LAKI_LAKI".
// Tables read by a select list their values in the order the form offers them.
import type {
  BloodType,
  BpuProgram,
  Education,
  Gender,
  IuranBpuChannel,
  IuranBpuPaymentStatus,
  IuranBpuProtection,
  KlaimChannel,
  KlaimStatus,
  MaritalStatus,
  MembershipStatus,
  PaymentRail,
  PengkinianStatus,
  Relationship,
  Religion,
  SebabKlaim,
  Segment,
} from "@jmo/sdk";

/** Jenis kelamin, as on the KTP. */
export const GENDER: Record<Gender, string> = { LAKI_LAKI: "Laki-laki", PEREMPUAN: "Perempuan" };

/** Pendidikan terakhir, from none upwards. */
export const EDUCATION: Record<Education, string> = {
  TIDAK_SEKOLAH: "Tidak/belum sekolah",
  SD: "SD/sederajat",
  SMP: "SMP/sederajat",
  SMA: "SMA/SMK/sederajat",
  D1: "Diploma I (D1)",
  D2: "Diploma II (D2)",
  D3: "Diploma III (D3)",
  D4: "Diploma IV (D4)",
  S1: "Sarjana (S1)",
  S2: "Magister (S2)",
  S3: "Doktor (S3)",
};

/** Agama, in the order and spelling of the KTP form (Dukcapil). */
export const RELIGION: Record<Religion, string> = {
  ISLAM: "Islam",
  KRISTEN: "Kristen",
  KATOLIK: "Katolik",
  HINDU: "Hindu",
  BUDDHA: "Buddha",
  KONGHUCU: "Khonghucu",
  KEPERCAYAAN: "Kepercayaan terhadap Tuhan YME",
};

/** Golongan darah. */
export const BLOOD_TYPE: Record<BloodType, string> = { A: "A", B: "B", AB: "AB", O: "O", TIDAK_TAHU: "Tidak tahu" };

/** Status perkawinan, as on the KTP. */
export const MARITAL_STATUS: Record<MaritalStatus, string> = {
  BELUM_KAWIN: "Belum kawin",
  KAWIN: "Kawin",
  CERAI_HIDUP: "Cerai hidup",
  CERAI_MATI: "Cerai mati",
};

/** Hubungan of an emergency contact with the participant. */
export const RELATIONSHIP: Record<Relationship, string> = {
  AYAH: "Ayah",
  IBU: "Ibu",
  SUAMI: "Suami",
  ISTRI: "Istri",
  ANAK: "Anak",
  SAUDARA_KANDUNG: "Saudara kandung",
  LAINNYA: "Lainnya",
};

const MEMBERSHIP_STATUS: Record<MembershipStatus, string> = { AKTIF: "Aktif", NONAKTIF: "Nonaktif", MENUNGGU_IURAN_PERTAMA: "Menunggu iuran pertama" };
const SEGMENT: Record<Segment, string> = { PU: "Penerima Upah", BPU: "Bukan Penerima Upah", JAKON: "Jasa Konstruksi", PMI: "Pekerja Migran Indonesia" };
const PENGKINIAN_STATUS: Record<PengkinianStatus, string> = {
  BELUM: "Belum",
  DRAFT: "Draf",
  DIAJUKAN: "Diajukan",
  TERVERIFIKASI: "Terverifikasi",
  DITOLAK: "Ditolak",
};
const KLAIM_STATUS: Record<KlaimStatus, string> = {
  DRAFT: "Draf",
  AGENDA: "Agenda Klaim",
  VERIFIKASI: "Verifikasi",
  PENETAPAN: "Penetapan",
  PEMBAYARAN: "Pembayaran",
  SELESAI: "Proses Klaim Selesai",
  DITOLAK: "Ditolak",
  DIBATALKAN: "Dibatalkan",
};
const SEBAB_KLAIM: Record<SebabKlaim, string> = {
  PHK: "Pemutusan Hubungan Kerja (PHK)",
  MENGUNDURKAN_DIRI: "Mengundurkan diri",
  KEPERLUAN_LAIN: "Klaim sebagian 10% (keperluan lain)",
  PEMILIKAN_RUMAH: "Klaim sebagian 30% (kepemilikan rumah)",
};
const KLAIM_CHANNEL: Record<KlaimChannel, string> = { JMO: "JMO", LAPAK_ASIK: "Lapak Asik", KANTOR_CABANG: "Kantor Cabang" };
const PAYMENT_RAIL: Record<PaymentRail, string> = { REALTIME: "Transfer real-time", KLIRING: "Kliring" };

/** Where a BPU member pays: the banks' virtual accounts first, then a minimarket till, then an e-wallet. */
export const IURAN_BPU_CHANNEL: Record<IuranBpuChannel, string> = {
  VA_BNI: "Virtual Account BNI",
  VA_BRI: "BRIVA (BRI)",
  VA_MANDIRI: "Virtual Account Mandiri",
  VA_BCA: "Virtual Account BCA",
  RETAIL: "Gerai retail (minimarket)",
  EWALLET: "Dompet digital (e-wallet)",
};

/** The BPU programs, in the order of the bill. */
export const BPU_PROGRAM: Record<BpuProgram, string> = {
  JKK: "Jaminan Kecelakaan Kerja (JKK)",
  JKM: "Jaminan Kematian (JKM)",
  JHT: "Jaminan Hari Tua (JHT)",
};

const IURAN_BPU_PROTECTION: Record<IuranBpuProtection, string> = {
  MENUNGGU_IURAN_PERTAMA: "Menunggu iuran pertama",
  DILINDUNGI: "Dilindungi",
  MASA_TENGGANG: "Masa tenggang",
  BERAKHIR: "Kepesertaan berakhir",
};
const IURAN_BPU_PAYMENT_STATUS: Record<IuranBpuPaymentStatus, string> = {
  OPEN: "Menunggu pembayaran",
  PAID: "Lunas",
  EXPIRED: "Kedaluwarsa",
  CANCELLED: "Dibatalkan",
};

type Labelled =
  | MembershipStatus
  | Segment
  | PengkinianStatus
  | KlaimStatus
  | SebabKlaim
  | KlaimChannel
  | PaymentRail
  | IuranBpuProtection
  | IuranBpuPaymentStatus
  | IuranBpuChannel;

// DRAFT and DITOLAK belong to two enums with the same label.
const STATUS_LABELS: Record<Labelled, string> = {
  ...MEMBERSHIP_STATUS,
  ...SEGMENT,
  ...PENGKINIAN_STATUS,
  ...KLAIM_STATUS,
  ...SEBAB_KLAIM,
  ...KLAIM_CHANNEL,
  ...PAYMENT_RAIL,
  ...IURAN_BPU_PROTECTION,
  ...IURAN_BPU_PAYMENT_STATUS,
  ...IURAN_BPU_CHANNEL,
};

/** A status, segment, sebab, channel, rail or BPU protection as the person reads it. */
export function label(code: Labelled | null | undefined): string {
  return code ? STATUS_LABELS[code] : "-";
}
