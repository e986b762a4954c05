// The people behind the sandbox's demo accounts (api-contract.md, "Sandbox behaviour"). Everything here is
// fixed, not drawn from faker, so their NIK, KPJs, employers and stories stay the same whatever the seed; only
// Agus's dates move with `today` (his card stopped six months ago). The stories: docs/domain/demo-data.md.
import type { CardRow, ParticipantRow } from "../db/schema.ts";
import type { DataTambahanDraft, FamilyMemberDraft } from "../modules/pengkinian/pengkinian.table.ts";
import { addMonths } from "./calendar.ts";

export interface DemoCard {
  kpj: string;
  segment: CardRow["segment"];
  /** Null for a self-employed (BPU) card: no employer. */
  employerNpp: string | null;
  /** Its year is the KPJ's first two digits. */
  registeredAt: string;
  /** When the card stopped, given today; null while it is AKTIF. */
  nonaktifSince: (today: string) => string | null;
  /** The contribution history, every month from the card's registration until it stopped (or until last month):
   *  the first reported wage (rupiah) and its yearly growth (hundredths of a percent). */
  ledger: { wage: number; growthBp: number; /** BPU: JHT chosen (2% of the declared income). */ bpuJht?: boolean };
  /** False for a card that is registered to the person but not yet on their profile ("tambah kartu"). */
  linked?: boolean;
}

export interface DemoPersona {
  email: string;
  phone: string;
  fullName: string;
  gender: ParticipantRow["gender"];
  /** Fixed, so the NIK never changes; all four are 25–45 years old from 2024 until November 2032. */
  birthDate: string;
  birthPlace: string;
  /** A real district (idn-area-data) where the NIK was issued. */
  districtCode: string;
  /** The NIK's last four digits (Dukcapil's serial for this district and birth date). */
  nikSerial: number;
  pengkinianStatus: ParticipantRow["pengkinianStatus"];
  /** What the verified pengkinian data entered (TERVERIFIKASI only); the record holds the same. */
  verified?: PersonaPengkinian;
  cards: ReadonlyArray<DemoCard>;
}

/** A persona's verified pengkinian; phone, email, gender and the area names come from the persona and the areas. */
export interface PersonaPengkinian {
  /** The day it was submitted (and verified ten seconds later), given today. */
  submittedOn: (today: string) => string;
  npwp: string | null;
  bankAccount: { bankCode: string; accountNumber: string; accountName: string };
  /** A village of the persona's district (idn-area-data, ten digits). */
  villageCode: string;
  kodePos: string;
  address: string;
  motherMaidenName: string;
  maritalStatus: "BELUM_KAWIN" | "KAWIN" | "CERAI_HIDUP" | "CERAI_MATI";
  spouse: FamilyMemberDraft | null;
  children: FamilyMemberDraft[];
  tambahan: Required<DataTambahanDraft>;
}

/** The demo cards' employers; generated employers never reuse these NPPs. */
export const DEMO_EMPLOYERS: ReadonlyArray<{ npp: string; name: string }> = [
  { npp: "10000001", name: "PT Maju Jaya Sentosa" },
  { npp: "10000002", name: "PT Sinar Abadi Tekstil" },
  { npp: "10000003", name: "PT Nusantara Digital Solusi" },
  { npp: "10000004", name: "PT Bumi Karya Konstruksi" },
  { npp: "10000005", name: "CV Lestari Boga Rasa" },
];

export const DEMO_PERSONAS: ReadonlyArray<DemoPersona> = [
  {
    // Can claim JHT in JMO: NONAKTIF for more than a month, pengkinian verified (saldo comes later).
    email: "budi@example.com",
    phone: "+6281200000001",
    fullName: "Budi Santoso",
    gender: "LAKI_LAKI",
    birthDate: "1990-05-14",
    birthPlace: "Jakarta",
    districtCode: "317407", // Kebayoran Baru, Jakarta Selatan
    nikSerial: 7,
    pengkinianStatus: "TERVERIFIKASI",
    // He resigned in July 2024 and did pengkinian data in JMO three weeks later, to claim his JHT.
    verified: {
      submittedOn: () => "2024-08-19",
      npwp: null,
      // BNI: ten digits, a partner bank (paid in real time); in his own name.
      bankAccount: { bankCode: "009", accountNumber: "0712349586", accountName: "Budi Santoso" },
      villageCode: "3174071003", // Kramat Pela, Kebayoran Baru
      kodePos: "12130",
      address: "Jl. Bumi Gg. Langgar No. 14 RT 008/RW 006",
      motherMaidenName: "Sri Wahyuni",
      maritalStatus: "KAWIN",
      spouse: { name: "Rina Marlina", birthDate: "1992-03-09" },
      children: [{ name: "Arya Santoso", birthDate: "2019-07-15" }],
      tambahan: {
        education: "SMA",
        religion: "ISLAM",
        bloodType: "O",
        emergencyContact: { name: "Rina Marlina", phone: "+6281311223344", address: "Jl. Bumi Gg. Langgar No. 14 RT 008/RW 006, Kramat Pela", relationship: "ISTRI" },
      },
    },
    cards: [
      {
        kpj: "21017345678",
        segment: "PU",
        employerNpp: "10000001",
        registeredAt: "2021-02-01",
        // Resigned at the end of July 2024: 42 paid months, February 2021 to July 2024.
        nonaktifSince: () => "2024-08-01",
        // Rp2.6 juta from 2021, +5% a year: about Rp7.4 juta in 2026, under the JMO limit (Rp10 juta, Rp15 juta from
        // May 2025) until the 2030s.
        ledger: { wage: 2_600_000, growthBp: 500 },
      },
    ],
  },
  {
    // Two cards from two jobs; pengkinian not done yet.
    email: "siti@example.com",
    phone: "+6281200000002",
    fullName: "Siti Rahayu",
    gender: "PEREMPUAN",
    birthDate: "1993-08-21",
    birthPlace: "Bandung",
    districtCode: "327302", // Coblong, Kota Bandung
    nikSerial: 12,
    pengkinianStatus: "BELUM",
    cards: [
      {
        kpj: "19123456712",
        segment: "PU",
        employerNpp: "10000002",
        registeredAt: "2019-07-01",
        nonaktifSince: () => "2022-12-31",
        ledger: { wage: 4_100_000, growthBp: 600 },
      },
      {
        kpj: "23098765434",
        segment: "PU",
        employerNpp: "10000003",
        registeredAt: "2023-02-01",
        nonaktifSince: () => null,
        ledger: { wage: 5_200_000, growthBp: 500 },
      },
      {
        // An old job's card, registered with her NIK but not on her profile: she can add it ("tambah kartu").
        kpj: "17034455667",
        segment: "PU",
        employerNpp: "10000005",
        registeredAt: "2017-04-03",
        nonaktifSince: () => "2018-12-31",
        ledger: { wage: 3_200_000, growthBp: 500 },
        linked: false,
      },
    ],
  },
  {
    // NONAKTIF and verified, but his saldo is far above the JMO limit: Lapak Asik.
    email: "agus@example.com",
    phone: "+6281200000003",
    fullName: "Agus Wijaya",
    gender: "LAKI_LAKI",
    birthDate: "1986-11-03",
    birthPlace: "Surabaya",
    districtCode: "357804", // Wonokromo, Kota Surabaya
    nikSerial: 3,
    pengkinianStatus: "TERVERIFIKASI",
    // Verified a month after his card stopped.
    verified: {
      submittedOn: (today) => addMonths(today, -5),
      // Legacy 15 digits, Luhn-valid (58.412.703.9-618.000).
      npwp: "584127039618000",
      // Mandiri: thirteen digits, a partner bank; in his own name.
      bankAccount: { bankCode: "008", accountNumber: "1420012345678", accountName: "Agus Wijaya" },
      villageCode: "3578041002", // Jagir, Wonokromo
      kodePos: "60244",
      address: "Jl. Jagir Wonokromo No. 112 RT 003/RW 001",
      motherMaidenName: "Siti Aminah",
      maritalStatus: "KAWIN",
      spouse: { name: "Yuliana Sari", birthDate: "1988-06-17" },
      children: [
        { name: "Rizky Wijaya", birthDate: "2012-02-20" },
        { name: "Nadia Putri Wijaya", birthDate: "2015-09-08" },
      ],
      tambahan: {
        education: "S1",
        religion: "ISLAM",
        bloodType: "A",
        emergencyContact: { name: "Yuliana Sari", phone: "+6281398765012", address: "Jl. Jagir Wonokromo No. 112 RT 003/RW 001, Jagir", relationship: "ISTRI" },
      },
    },
    cards: [
      {
        kpj: "15087654321",
        segment: "PU",
        employerNpp: "10000004",
        registeredAt: "2015-03-02",
        nonaktifSince: (today) => addMonths(today, -6),
        // Rp6.5 juta since March 2015: far above the JMO limit (Rp15 juta from May 2025), so his claim goes to Lapak Asik.
        ledger: { wage: 6_500_000, growthBp: 600 },
      },
    ],
  },
  {
    // NONAKTIF for more than a month, but pengkinian not done: the claim is blocked on that alone.
    email: "dewi@example.com",
    phone: "+6281200000004",
    fullName: "Dewi Lestari",
    gender: "PEREMPUAN",
    birthDate: "1996-02-10",
    birthPlace: "Yogyakarta",
    districtCode: "347103", // Gondokusuman, Kota Yogyakarta
    nikSerial: 21,
    pengkinianStatus: "BELUM",
    cards: [
      {
        kpj: "22011122233",
        segment: "PU",
        employerNpp: "10000005",
        registeredAt: "2022-01-10",
        // Her contract ended with 2024: 36 paid months, January 2022 to December 2024.
        nonaktifSince: () => "2025-01-01",
        ledger: { wage: 3_000_000, growthBp: 400 },
      },
    ],
  },
  {
    // Issue 14 (iuran BPU): an ojek driver who pays her own contributions, JKK + JKM + JHT on a declared Rp3 juta.
    // Paid every month since she registered (January 2025) up to last month; this month is due (MASA_TENGGANG until she
    // pays). Registered before EARLIEST_TODAY so that her story holds on every seeding day.
    email: "rina@example.com",
    phone: "+6281200000005",
    fullName: "Rina Wulandari",
    gender: "PEREMPUAN",
    birthDate: "1994-02-09",
    birthPlace: "Bekasi",
    districtCode: "327501", // Bekasi Timur, Kota Bekasi
    nikSerial: 5,
    pengkinianStatus: "BELUM",
    cards: [
      {
        kpj: "25055500071",
        segment: "BPU",
        employerNpp: null,
        registeredAt: "2025-01-06",
        nonaktifSince: () => null,
        ledger: { wage: 3_000_000, growthBp: 0, bpuJht: true },
      },
    ],
  },
  {
    // Issue 16 (klaim JHT sebagian): still working, a member since March 2014 (10 years on 2024-03-03), pengkinian
    // verified: can take 10% (any need) or 30% (housing, with the bank's document) of his saldo in JMO, once.
    email: "hendra@example.com",
    phone: "+6281200000006",
    fullName: "Hendra Gunawan",
    gender: "LAKI_LAKI",
    birthDate: "1988-04-20",
    birthPlace: "Depok",
    districtCode: "327601", // Pancoran Mas, Kota Depok
    nikSerial: 9,
    pengkinianStatus: "TERVERIFIKASI",
    verified: {
      submittedOn: () => "2025-02-11",
      npwp: null,
      // BCA: ten digits, a partner bank; in his own name.
      bankAccount: { bankCode: "014", accountNumber: "2740112233", accountName: "Hendra Gunawan" },
      villageCode: "3276011006", // Depok, Pancoran Mas
      kodePos: "16431",
      address: "Jl. Nusantara Raya No. 27 RT 002/RW 005",
      motherMaidenName: "Kartini",
      maritalStatus: "KAWIN",
      spouse: { name: "Maya Puspita", birthDate: "1990-10-02" },
      children: [{ name: "Bima Gunawan", birthDate: "2017-01-23" }],
      tambahan: {
        education: "D3",
        religion: "ISLAM",
        bloodType: "B",
        emergencyContact: { name: "Maya Puspita", phone: "+6281355667788", address: "Jl. Nusantara Raya No. 27 RT 002/RW 005, Depok", relationship: "ISTRI" },
      },
    },
    cards: [
      {
        kpj: "14062233445",
        segment: "PU",
        employerNpp: "10000004",
        registeredAt: "2014-03-03",
        nonaktifSince: () => null,
        // Rp2.4 juta from 2014, +3% a year: 10% of his saldo stays far under the JMO limit, and 30% stays under
        // Rp15 juta until about 2029 (docs/domain/demo-data.md).
        ledger: { wage: 2_400_000, growthBp: 300 },
      },
    ],
  },
];

export const DEMO_STAFF = { email: "petugas@example.com", phone: null, fullName: "Petugas Layanan" } as const;

/**
 * The earliest `today` for which the personas' stories hold: Dewi's card stopped on 2025-01-01 and has been NONAKTIF
 * for more than a month (the claim's waiting month) from 2025-02-02 on.
 */
export const EARLIEST_TODAY = "2025-03-01";

/** The demo logins, for the README and tests. All use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  phone: string | null;
  fullName: string;
  role: "PESERTA" | "PETUGAS";
  kpjs: string[];
}> = [
  ...DEMO_PERSONAS.map((p) => ({
    email: p.email,
    phone: p.phone,
    fullName: p.fullName,
    role: "PESERTA" as const,
    kpjs: p.cards.filter((c) => c.linked !== false).map((c) => c.kpj),
  })),
  { ...DEMO_STAFF, role: "PETUGAS", kpjs: [] },
];
