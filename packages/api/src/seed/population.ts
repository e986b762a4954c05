// Where the demo's people live: a weight per province, by population (idn-area-data has none). Sources and status
// per row; docs/domain/demo-data.md explains the choice. Figures are thousands of people.

export type FigureStatus = "OFFICIAL" | "SECONDARY" | "ASSUMED";

export interface ProvincePopulation {
  /** Two digits, as idn-area-data and the NIK write it. */
  code: string;
  name: string;
  thousands: number;
  status: FigureStatus;
  source: string;
}

const BPS_2024 =
  "BPS, \"Penduduk, Laju Pertumbuhan Penduduk, … Menurut Provinsi, 2024\" (bps.go.id statistics table, updated 2 May 2025): mid-2024 projection";
const DUKCAPIL_2024_S1 =
  "Ditjen Dukcapil Kemendagri, data kependudukan semester I 2024 (press release 7 Aug 2024, reported by kbr.id and infomalangraya.com)";
const DUKCAPIL_2024_S2 =
  "Ditjen Dukcapil Kemendagri, semester II 2024 figure quoted with the semester I 2025 release (tomei.id, kabarpapua.co, 28 Aug 2025)";

const bps = (code: string, name: string, thousands: number): ProvincePopulation => ({
  code,
  name,
  thousands,
  status: "OFFICIAL",
  source: BPS_2024,
});

/**
 * Population by province. The BPS 2024 table's rows for the five provinces carved out of Papua in 2022 were not
 * available to us: those come from Dukcapil's registers (SECONDARY, press), and Papua's own from the difference
 * (ASSUMED). The sum (about 282 million) matches both BPS (281.6 million) and Dukcapil (282.5 million) for 2024.
 */
export const PROVINCE_POPULATION: ReadonlyArray<ProvincePopulation> = [
  bps("11", "Aceh", 5_554.8),
  bps("12", "Sumatera Utara", 15_588.5),
  bps("13", "Sumatera Barat", 5_836.2),
  bps("14", "Riau", 6_728.1),
  bps("15", "Jambi", 3_724.3),
  bps("16", "Sumatera Selatan", 8_837.3),
  bps("17", "Bengkulu", 2_112.2),
  bps("18", "Lampung", 9_419.6),
  bps("19", "Kepulauan Bangka Belitung", 1_531.5),
  bps("21", "Kepulauan Riau", 2_183.3),
  bps("31", "DKI Jakarta", 10_684.9),
  bps("32", "Jawa Barat", 50_345.2),
  bps("33", "Jawa Tengah", 37_892.3),
  bps("34", "DI Yogyakarta", 3_759.5),
  bps("35", "Jawa Timur", 41_814.5),
  bps("36", "Banten", 12_431.4),
  bps("51", "Bali", 4_433.3),
  bps("52", "Nusa Tenggara Barat", 5_646.0),
  bps("53", "Nusa Tenggara Timur", 5_656.0),
  bps("61", "Kalimantan Barat", 5_695.5),
  bps("62", "Kalimantan Tengah", 2_809.7),
  bps("63", "Kalimantan Selatan", 4_273.4),
  bps("64", "Kalimantan Timur", 4_045.9),
  bps("65", "Kalimantan Utara", 739.8),
  bps("71", "Sulawesi Utara", 2_701.8),
  bps("72", "Sulawesi Tengah", 3_121.8),
  bps("73", "Sulawesi Selatan", 9_463.4),
  bps("74", "Sulawesi Tenggara", 2_793.1),
  bps("75", "Gorontalo", 1_227.8),
  bps("76", "Sulawesi Barat", 1_503.2),
  bps("81", "Maluku", 1_945.6),
  bps("82", "Maluku Utara", 1_355.6),
  bps("92", "Papua Barat", 578.7),
  {
    code: "91",
    name: "Papua",
    thousands: 1_089.0,
    status: "ASSUMED",
    source:
      `Derived: ${DUKCAPIL_2024_S1} give the island of Papua 5,649,552; minus Papua Barat, Papua Barat Daya and Papua ` +
      "Selatan of the same release, Papua Tengah (semester II 2024) and Papua Pegunungan (Dec 2022) leaves about 1,089,000",
  },
  { code: "93", name: "Papua Selatan", thousands: 545.9, status: "SECONDARY", source: `${DUKCAPIL_2024_S1}: 545,861` },
  { code: "94", name: "Papua Tengah", thousands: 1_369.1, status: "SECONDARY", source: `${DUKCAPIL_2024_S2}: 1,369,112` },
  {
    code: "95",
    name: "Papua Pegunungan",
    thousands: 1_459.5,
    status: "SECONDARY",
    source: "Dukcapil register, 31 Dec 2022: 1,459,544 (as cited by Wikipedia's Papua Pegunungan article)",
  },
  { code: "96", name: "Papua Barat Daya", thousands: 616.1, status: "SECONDARY", source: `${DUKCAPIL_2024_S1}: 616,132` },
];

/**
 * Where foreign workers (TKA) work, the provinces with the most of them: Kemnaker, January–June 2023 (databoks
 * 26 Jul 2023, SECONDARY). The other provinces had a few hundred or fewer; a demo WNA lives in one of these.
 */
export const FOREIGN_WORKER_PROVINCES: ReadonlyArray<{ code: string; workers: number }> = [
  { code: "31", workers: 6_421 }, // DKI Jakarta
  { code: "72", workers: 5_225 }, // Sulawesi Tengah (nickel smelters, Morowali)
  { code: "32", workers: 5_108 }, // Jawa Barat
  { code: "36", workers: 2_783 }, // Banten
  { code: "14", workers: 2_521 }, // Riau
  { code: "21", workers: 2_437 }, // Kepulauan Riau
  { code: "81", workers: 2_374 }, // Maluku
  { code: "82", workers: 2_366 }, // Maluku Utara
  { code: "51", workers: 2_228 }, // Bali
  { code: "35", workers: 1_792 }, // Jawa Timur
];
