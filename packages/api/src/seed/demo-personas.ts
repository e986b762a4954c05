// The people behind the sandbox's demo accounts (api-contract.md, "Sandbox behaviour"). Everything here is
// fixed, not drawn from faker, so their NIK, KPJs and employers stay the same whatever the seed; only the
// dates that make their situation true (NONAKTIF for more than a month) move with `today`.
import type { CardRow, ParticipantRow } from "../db/schema.ts";
import { addMonths } from "./calendar.ts";

export interface DemoCard {
  kpj: string;
  segment: CardRow["segment"];
  employerNpp: string;
  /** Its year is the KPJ's first two digits. */
  registeredAt: string;
  /** When the card stopped, given today; null while it is AKTIF. */
  nonaktifSince: (today: string) => string | null;
  /** The contribution history: the first reported wage (rupiah), its yearly growth, and how many months
   *  before the card stopped (or before this month) were paid, so each saldo keeps its situation over time. */
  ledger: { wage: number; growthBp: number; months: number | null };
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
  pengkinianStatus: ParticipantRow["pengkinianStatus"];
  cards: ReadonlyArray<DemoCard>;
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
    pengkinianStatus: "TERVERIFIKASI",
    cards: [
      {
        kpj: "21017345678",
        segment: "PU",
        employerNpp: "10000001",
        registeredAt: "2021-02-01",
        nonaktifSince: (today) => addMonths(today, -3),
        // Rp2.6 juta, 42 months: about Rp7 juta, under the Rp10 juta JMO limit.
        ledger: { wage: 2_600_000, growthBp: 500, months: 42 },
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
    pengkinianStatus: "BELUM",
    cards: [
      {
        kpj: "19123456712",
        segment: "PU",
        employerNpp: "10000002",
        registeredAt: "2019-07-01",
        nonaktifSince: () => "2022-12-31",
        ledger: { wage: 4_100_000, growthBp: 600, months: null },
      },
      {
        kpj: "23098765434",
        segment: "PU",
        employerNpp: "10000003",
        registeredAt: "2023-02-01",
        nonaktifSince: () => null,
        ledger: { wage: 5_200_000, growthBp: 500, months: null },
      },
      {
        // An old job's card, registered with her NIK but not on her profile: she can add it ("tambah kartu").
        kpj: "17034455667",
        segment: "PU",
        employerNpp: "10000005",
        registeredAt: "2017-04-03",
        nonaktifSince: () => "2018-12-31",
        ledger: { wage: 3_200_000, growthBp: 500, months: null },
        linked: false,
      },
    ],
  },
  {
    // NONAKTIF and verified, but a later issue gives him a saldo above Rp10 juta: Lapak Asik.
    email: "agus@example.com",
    phone: "+6281200000003",
    fullName: "Agus Wijaya",
    gender: "LAKI_LAKI",
    birthDate: "1986-11-03",
    birthPlace: "Surabaya",
    districtCode: "357804", // Wonokromo, Kota Surabaya
    pengkinianStatus: "TERVERIFIKASI",
    cards: [
      {
        kpj: "15087654321",
        segment: "PU",
        employerNpp: "10000004",
        registeredAt: "2015-03-02",
        nonaktifSince: (today) => addMonths(today, -6),
        // Rp6.5 juta since 2015: far above Rp10 juta, so his claim goes to Lapak Asik.
        ledger: { wage: 6_500_000, growthBp: 600, months: null },
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
    pengkinianStatus: "BELUM",
    cards: [
      {
        kpj: "22011122233",
        segment: "PU",
        employerNpp: "10000005",
        registeredAt: "2022-01-10",
        nonaktifSince: (today) => addMonths(today, -2),
        ledger: { wage: 3_000_000, growthBp: 400, months: 36 },
      },
    ],
  },
];

export const DEMO_STAFF = { email: "petugas@example.com", phone: null, fullName: "Petugas Layanan" } as const;

/**
 * The earliest `today` for which the personas' cards are consistent: Siti's AKTIF card dates from 2023-02 and
 * Budi's card (2021) must have been registered before it stopped three months before today.
 */
export const EARLIEST_TODAY = "2024-01-01";

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
