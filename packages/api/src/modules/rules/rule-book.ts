// The rule book: every figure that changes over time, as dated rows with their source and status. Each rule is
// looked up by the date it applies to; a date no row covers gets an explicit "no figure" (never the last row again).
// The tables and their sources are documented in docs/domain/rules.md; the JHT development rates are the one table
// kept in the database (jht_rates, migration 0001), read by rules.service.ts.

import { divRound } from "../saldo/money.ts";

/** OFFICIAL: a regulation or BPJS Ketenagakerjaan's own words; SECONDARY: press or third parties citing them; ASSUMED: ours. */
export type RuleStatus = "OFFICIAL" | "SECONDARY" | "ASSUMED";

export type RuleName =
  | "KLAIM_JMO_SALDO_MAKS"
  | "JP_UPAH_MAKS"
  | "JP_MANFAAT_MIN"
  | "JP_MANFAAT_MAKS"
  | "JHT_PENGEMBANGAN"
  | "PPH21_JHT_SEKALIGUS"
  | "PPH21_JHT_TANPA_NPWP"
  | "BPU_JKK_PERSEN"
  | "BPU_JKM_IURAN"
  | "BPU_JHT_PERSEN"
  | "BPU_BAYAR_DIMUKA_MAKS"
  | "BPU_MASA_TENGGANG"
  | "BPU_JATUH_TEMPO"
  | "BPU_PENGINGAT";

export const RULE_NAMES: readonly RuleName[] = [
  "KLAIM_JMO_SALDO_MAKS",
  "JP_UPAH_MAKS",
  "JP_MANFAAT_MIN",
  "JP_MANFAAT_MAKS",
  "JHT_PENGEMBANGAN",
  "PPH21_JHT_SEKALIGUS",
  "PPH21_JHT_TANPA_NPWP",
  "BPU_JKK_PERSEN",
  "BPU_JKM_IURAN",
  "BPU_JHT_PERSEN",
  "BPU_BAYAR_DIMUKA_MAKS",
  "BPU_MASA_TENGGANG",
  "BPU_JATUH_TEMPO",
  "BPU_PENGINGAT",
];

/**
 * RUPIAH units hold sen; PERSEN units hold hundredths of a percent (5% = 500); BULAN a number of months, HARI a number of
 * days, TANGGAL a day of the month.
 */
export type RuleUnit = "RUPIAH" | "RUPIAH_PER_BULAN" | "PERSEN" | "PERSEN_PER_TAHUN" | "BULAN" | "HARI" | "TANGGAL";

/**
 * How long the newest row holds. OPEN: until a newer row is added (a regulation with no scheduled revision).
 * YEARLY_MARCH: indexed every March (PP 45/2015 art. 18(3), 29(3)), so a row holds at most until the next March.
 * CALENDAR_YEAR: one figure per calendar year.
 */
export type RuleRenewal = "OPEN" | "YEARLY_MARCH" | "CALENDAR_YEAR";

export interface RuleRow {
  /** YYYY-MM-DD: in force from this day. */
  from: string;
  /** Sen, or hundredths of a percent (see the table's unit). */
  value: bigint;
  /** Banded rules (PPh): the row covers the amount above `aboveSen` up to `upToSen` (null: no upper limit). */
  band?: { aboveSen: bigint; upToSen: bigint | null };
  status: RuleStatus;
  source: string;
  note: string;
}

export interface RuleTable {
  rule: RuleName;
  unit: RuleUnit;
  renewal: RuleRenewal;
  /** Oldest first; the rows of a banded rule share their `from`. */
  rows: readonly RuleRow[];
}

/** A rule looked up for a day no row covers; `code` lets callers tell it from other failures. */
export class NoRuleFigureError extends Error {
  readonly code = "RULE_NO_FIGURE";
  constructor(
    readonly rule: RuleName,
    readonly date: string,
    readonly reason: NoFigureReason,
  ) {
    super(
      `no ${rule} figure for ${date} (${reason === "BEFORE_FIRST_ROW" ? "before the table's first row" : "after the table's last row ran out"}): ` +
        "add the dated row in packages/api/src/modules/rules/rule-book.ts and docs/domain/rules.md",
    );
    this.name = "NoRuleFigureError";
  }
}

export type NoFigureReason = "BEFORE_FIRST_ROW" | "AFTER_LAST_ROW";

export type RuleLookup =
  | { found: true; rule: RuleName; date: string; rows: RuleRow[]; from: string; until: string | null }
  | { found: false; rule: RuleName; date: string; reason: NoFigureReason };

const rp = (rupiah: number) => BigInt(rupiah) * 100n;

/** The first day after `from` on which a row of this renewal runs out; null: it does not by itself. */
function renewalEnd(from: string, renewal: RuleRenewal): string | null {
  const year = Number(from.slice(0, 4));
  if (renewal === "CALENDAR_YEAR") return `${year + 1}-01-01`;
  if (renewal === "YEARLY_MARCH") return from.slice(5) < "03-01" ? `${year}-03-01` : `${year + 1}-03-01`;
  return null;
}

/** Each distinct `from` of a table with the day it stops applying (exclusive): the next row's, or the renewal's. */
export function periodsOf(table: RuleTable): Array<{ from: string; until: string | null; rows: RuleRow[] }> {
  const froms = [...new Set(table.rows.map((r) => r.from))].sort();
  return froms.map((from, i) => {
    const next = froms[i + 1] ?? null;
    const end = renewalEnd(from, table.renewal);
    const until = next === null ? end : end === null || next < end ? next : end;
    return { from, until, rows: table.rows.filter((r) => r.from === from) };
  });
}

/** The row(s) in force on `date` (YYYY-MM-DD), or why there is none. */
export function ruleOn(table: RuleTable, date: string): RuleLookup {
  const periods = periodsOf(table);
  const current = periods.filter((p) => p.from <= date).at(-1);
  if (!current) return { found: false, rule: table.rule, date, reason: "BEFORE_FIRST_ROW" };
  if (current.until !== null && date >= current.until) return { found: false, rule: table.rule, date, reason: "AFTER_LAST_ROW" };
  return { found: true, rule: table.rule, date, rows: current.rows, from: current.from, until: current.until };
}

/** The single figure in force on `date`; throws NoRuleFigureError when no row covers it. */
export function figureOn(table: RuleTable, date: string): RuleRow {
  const lookup = ruleOn(table, date);
  if (!lookup.found) throw new NoRuleFigureError(table.rule, date, lookup.reason);
  return lookup.rows[0]!;
}

// ---- KLAIM_JMO_SALDO_MAKS: the most a JHT claim through JMO may be for (the participant's accumulated saldo) ----

export const KLAIM_JMO_SALDO_MAKS: RuleTable = {
  rule: "KLAIM_JMO_SALDO_MAKS",
  unit: "RUPIAH",
  renewal: "OPEN",
  rows: [
    {
      from: "2022-08-04",
      value: rp(10_000_000),
      status: "SECONDARY",
      source:
        "Seeds 001–003 (JMO guides: \"akumulasi saldo JHT maksimal Rp10.000.000\"); penyukajalanjalan.com 04-08-2022 " +
        "(\"akumulasi saldo JHT max 10juta\"); ipol.id 05-2024 quoting BPJS Ketenagakerjaan",
      note: "Start date ASSUMED: the earliest dated source found that states the limit; the limit may be older.",
    },
    {
      from: "2025-05-01",
      value: rp(15_000_000),
      status: "SECONDARY",
      source:
        "Press quoting BPJS Ketenagakerjaan: tribunnews priangan 30-06-2025 (\"per Mei 2025\"), okezone 21-10-2025 " +
        "(\"berlaku sejak Mei 2025\"), transpantura 12-2025",
      note: "The sources give the month only: taken from 1 May 2025 (domain.md decision).",
    },
  ],
};

// ---- JP_UPAH_MAKS: the JP wage cap (batas upah tertinggi), PP 45/2015 art. 29 ----
// Indexed each March by the previous year's GDP growth (art. 29(3)); every published figure is the previous one ×
// (1 + growth) rounded down to Rp100, which is how the SECONDARY and ASSUMED rows were cross-checked.

const CAP_SOURCE_2016_2020 =
  "krishandsoftware.com, \"Batasan Upah Tertinggi Jaminan Pensiun Naik per Maret 2020\" (list 2015–2019 and the 2020 computation)";

export const JP_UPAH_MAKS: RuleTable = {
  rule: "JP_UPAH_MAKS",
  unit: "RUPIAH_PER_BULAN",
  renewal: "YEARLY_MARCH",
  rows: [
    { from: "2015-07-01", value: rp(7_000_000), status: "OFFICIAL", source: "PP 45/2015 art. 29(2)", note: "JP began on 1 July 2015." },
    { from: "2016-03-01", value: rp(7_335_300), status: "SECONDARY", source: CAP_SOURCE_2016_2020, note: "7,000,000 × 1.0479 (GDP 2015), rounded down to Rp100." },
    { from: "2017-03-01", value: rp(7_703_500), status: "SECONDARY", source: CAP_SOURCE_2016_2020, note: "7,335,300 × 1.0502 (GDP 2016)." },
    { from: "2018-03-01", value: rp(8_094_000), status: "SECONDARY", source: CAP_SOURCE_2016_2020, note: "7,703,500 × 1.0507 (GDP 2017)." },
    { from: "2019-03-01", value: rp(8_512_400), status: "SECONDARY", source: CAP_SOURCE_2016_2020, note: "8,094,000 × 1.0517 (GDP 2018)." },
    {
      from: "2020-03-01",
      value: rp(8_939_700),
      status: "SECONDARY",
      source: CAP_SOURCE_2016_2020,
      note: "8,512,400 × 1.0502 (GDP 2019, BPS 05-02-2020) = 8,939,722, rounded down to Rp100. Until issue 11 the table held 8,754,600 (ASSUMED, no source).",
    },
    {
      from: "2021-03-01",
      value: rp(8_939_700),
      status: "ASSUMED",
      source: "No published figure found",
      note: "GDP 2020 fell (BPS: −2.07%): taken as unchanged.",
    },
    {
      from: "2022-03-01",
      value: rp(9_077_600),
      status: "ASSUMED",
      source: "No published figure found",
      note: "= 8,939,700 × 0.9793 × 1.0369 (GDP 2020 and 2021), rounded down to Rp100; consistent with the 2023 figure.",
    },
    {
      from: "2023-03-01",
      value: rp(9_559_600),
      status: "OFFICIAL",
      source: "BPJS Ketenagakerjaan, quoted in its 2024 announcements (\"sebelumnya Rp9.559.600\")",
      note: "= 9,077,600 × 1.0531 (GDP 2022), rounded down to Rp100.",
    },
    {
      from: "2024-03-01",
      value: rp(10_042_300),
      status: "OFFICIAL",
      source: "BPJS Ketenagakerjaan (Kepala Cabang Bojonegoro, suaraindonesia.co.id 29-04-2024; krishand.com)",
      note: "= 9,559,600 × 1.0505 (GDP 2023, BPS No. 13/02/Th. XXVII), rounded down to Rp100.",
    },
    {
      from: "2025-03-01",
      value: rp(10_547_400),
      status: "SECONDARY",
      source: "Secondary sources citing BPJS Ketenagakerjaan circulars (domain.md); no BPJS page found",
      note: "= 10,042,300 × 1.0503 (GDP 2024) = 10,547,427, rounded down to Rp100.",
    },
    {
      from: "2026-03-01",
      value: rp(11_086_300),
      status: "SECONDARY",
      source: "Secondary sources citing BPJS Ketenagakerjaan circulars (domain.md); no BPJS page found",
      note: "Implies GDP growth of about 5.11% in 2025. Holds until March 2027: a later month has no figure.",
    },
  ],
};

// ---- JP_MANFAAT_MIN / JP_MANFAAT_MAKS: the monthly pension floor and ceiling, PP 45/2015 art. 18 ----
// Indexed each March by the previous year's inflation (art. 18(3)). The years between official points are
// interpolated in a straight line (ASSUMED), whole rupiah half up, as the simulation has always done.

function interpolated(points: ReadonlyArray<Omit<RuleRow, "band">>): RuleRow[] {
  const out: RuleRow[] = [];
  points.forEach((point, i) => {
    out.push(point);
    const next = points[i + 1];
    if (!next) return;
    const y0 = Number(point.from.slice(0, 4));
    const y1 = Number(next.from.slice(0, 4));
    for (let y = y0 + 1; y < y1; y += 1) {
      const rupiah = divRound(point.value * BigInt(y1 - y) + next.value * BigInt(y - y0), BigInt(y1 - y0) * 100n);
      out.push({
        from: `${y}-03-01`,
        value: rupiah * 100n,
        status: "ASSUMED",
        source: "Interpolated",
        note: `Straight line between ${point.from.slice(0, 4)} and ${next.from.slice(0, 4)}, whole rupiah half up: no published figure found.`,
      });
    }
  });
  return out;
}

export const JP_MANFAAT_MIN: RuleTable = {
  rule: "JP_MANFAAT_MIN",
  unit: "RUPIAH_PER_BULAN",
  renewal: "YEARLY_MARCH",
  rows: interpolated([
    { from: "2015-07-01", value: rp(300_000), status: "OFFICIAL", source: "PP 45/2015 art. 18(1)", note: "" },
    { from: "2023-03-01", value: rp(383_400), status: "OFFICIAL", source: "BPJS Ketenagakerjaan, quoted in its 2024 announcements", note: "Taken to apply from March, like the 2024 figure." },
    {
      from: "2024-03-01",
      value: rp(393_500),
      status: "OFFICIAL",
      source: "BPJS Ketenagakerjaan (suaraindonesia.co.id 29-04-2024; krishand.com)",
      note: "= 383,400 × 1.0261 (inflation 2023), rounded up to Rp100. Holds until March 2025.",
    },
  ]),
};

export const JP_MANFAAT_MAKS: RuleTable = {
  rule: "JP_MANFAAT_MAKS",
  unit: "RUPIAH_PER_BULAN",
  renewal: "YEARLY_MARCH",
  rows: interpolated([
    { from: "2015-07-01", value: rp(3_600_000), status: "OFFICIAL", source: "PP 45/2015 art. 18(2)", note: "" },
    { from: "2023-03-01", value: rp(4_598_100), status: "OFFICIAL", source: "BPJS Ketenagakerjaan, quoted in its 2024 announcements", note: "Taken to apply from March, like the 2024 figure." },
    {
      from: "2024-03-01",
      value: rp(4_718_200),
      status: "SECONDARY",
      source: "viva.co.id (\"manfaat maksimum Rp4.718.200\" for 2024)",
      note: "= 4,598,100 × 1.0261 (inflation 2023), rounded up to Rp100, like the floor. Holds until March 2025.",
    },
  ]),
};

// ---- PPh 21 on JHT paid as a lump sum (klaim/tax.ts computes it) ----

export interface TaxBand {
  /** The band covers the gross amount above the previous band up to this amount (sen); null: no upper limit. */
  upToSen: bigint | null;
  /** Hundredths of a percent: 5% = 500. */
  rateBp: number;
}

export interface PphJhtRule {
  /** Stored on the claim (`tax_rule`) so its rincian can always be explained. */
  id: string;
  effectiveFrom: string;
  source: string;
  status: RuleStatus;
  bands: readonly TaxBand[];
  /** Without an NPWP each band's rate is this many percent higher. */
  noNpwpSurchargePercent: number;
}

// PP 68/2009 (with PMK 16/PMK.03/2010): JHT paid at once, within two calendar years, is taxed finally at 0% on the
// first Rp50,000,000 of the gross amount and 5% on the excess. Without an NPWP the rate is 20% higher (UU PPh art.
// 21(5a)). [D] The start date is taken as 2010-01-01 (the PMK that implements it dates from January 2010).
export const PPH_JHT_RULES: readonly PphJhtRule[] = Object.freeze([
  Object.freeze({
    id: "PP68_2009",
    effectiveFrom: "2010-01-01",
    source: "PP 68/2009 (PMK 16/PMK.03/2010): JHT paid as a lump sum; UU PPh art. 21(5a) for the rate without NPWP",
    status: "OFFICIAL" as const,
    bands: Object.freeze([
      { upToSen: 5_000_000_000n, rateBp: 0 },
      { upToSen: null, rateBp: 500 },
    ]),
    noNpwpSurchargePercent: 20,
  }),
]);

const PPH_START_NOTE = "Start date ASSUMED: 2010-01-01, when the implementing PMK 16/PMK.03/2010 was issued.";

export const PPH21_JHT_SEKALIGUS: RuleTable = {
  rule: "PPH21_JHT_SEKALIGUS",
  unit: "PERSEN",
  renewal: "OPEN",
  rows: PPH_JHT_RULES.flatMap((r) => {
    let above = 0n;
    return r.bands.map((b) => {
      const row: RuleRow = {
        from: r.effectiveFrom,
        value: BigInt(b.rateBp),
        band: { aboveSen: above, upToSen: b.upToSen },
        status: r.status,
        source: r.source,
        note: `Tax rule ${r.id}. ${PPH_START_NOTE}`,
      };
      above = b.upToSen ?? above;
      return row;
    });
  }),
};

export const PPH21_JHT_TANPA_NPWP: RuleTable = {
  rule: "PPH21_JHT_TANPA_NPWP",
  unit: "PERSEN",
  renewal: "OPEN",
  rows: PPH_JHT_RULES.map((r) => ({
    from: r.effectiveFrom,
    value: BigInt(r.noNpwpSurchargePercent * 100),
    status: r.status,
    source: r.source,
    note: `Without an NPWP each band's rate is this much higher (5% becomes 6%). Tax rule ${r.id}. ${PPH_START_NOTE}`,
  })),
};

// ---- Iuran BPU (self-employed members' own contributions): docs/domain/iuran-bpu.md has every source ----
// BPJS Ketenagakerjaan began on 2014-01-01 (UU 24/2011); the demo ledgers start then. PP 44/2015 (in force 2015-07-01)
// set the BPU figures still quoted today; the 18 months before are taken at the same figures (ASSUMED).

const BPU_START_NOTE = "From 2014-01-01 (BPJS Ketenagakerjaan's start) ASSUMED at the PP 44/2015 figure: the demo ledgers begin then.";
const PP44_SOURCE = "PP 44/2015 Lampiran (JKK/JKM BPU), Permenaker 5/2021; quoted by BPJS Ketenagakerjaan Sulawesi Tengah, media.alkhairaat.id 23-07-2025";

export const BPU_JKK_PERSEN: RuleTable = {
  rule: "BPU_JKK_PERSEN",
  unit: "PERSEN",
  renewal: "OPEN",
  rows: [
    { from: "2014-01-01", value: 100n, status: "ASSUMED", source: "No source read for 2014 to mid-2015", note: BPU_START_NOTE },
    {
      from: "2015-07-01",
      value: 100n,
      status: "SECONDARY",
      source: PP44_SOURCE,
      note: "1% of the declared monthly income (penghasilan yang dilaporkan); the regulation lists it by income band, each band's 1%: charged on the declared income itself, to the sen.",
    },
  ],
};

export const BPU_JKM_IURAN: RuleTable = {
  rule: "BPU_JKM_IURAN",
  unit: "RUPIAH_PER_BULAN",
  renewal: "OPEN",
  rows: [
    { from: "2014-01-01", value: rp(6_800), status: "ASSUMED", source: "No source read for 2014 to mid-2015", note: BPU_START_NOTE },
    {
      from: "2015-07-01",
      value: rp(6_800),
      status: "SECONDARY",
      source: PP44_SOURCE,
      note: "A flat Rp6,800 a month whatever the income; Rp16,800 = JKK Rp10,000 (1% of Rp1 juta) + JKM Rp6,800 is the lowest BPU contribution (alkhairaat 2025).",
    },
  ],
};

export const BPU_JHT_PERSEN: RuleTable = {
  rule: "BPU_JHT_PERSEN",
  unit: "PERSEN",
  renewal: "OPEN",
  rows: [
    { from: "2014-01-01", value: 200n, status: "ASSUMED", source: "No source read for 2014 to mid-2015", note: BPU_START_NOTE },
    { from: "2015-07-01", value: 200n, status: "SECONDARY", source: "PP 46/2015 (JHT), quoted by press summaries of BPU contributions (domain.md)", note: "Optional for BPU: 2% of the declared income, credited to the member's JHT saldo." },
  ],
};

export const BPU_BAYAR_DIMUKA_MAKS: RuleTable = {
  rule: "BPU_BAYAR_DIMUKA_MAKS",
  unit: "BULAN",
  renewal: "OPEN",
  rows: [
    {
      from: "2014-01-01",
      value: 12n,
      status: "SECONDARY",
      source: "BPJS Ketenagakerjaan Sulawesi Tengah, media.alkhairaat.id 23-07-2025 (\"pembayaran berkala, baik tiga bulan, enam bulan, hingga satu tahun ke depan\")",
      note: "The most months one payment may cover beyond the current month; the app offers 1, 3, 6 or 12. Start date ASSUMED.",
    },
  ],
};

export const BPU_MASA_TENGGANG: RuleTable = {
  rule: "BPU_MASA_TENGGANG",
  unit: "BULAN",
  renewal: "OPEN",
  rows: [
    {
      from: "2022-07-01",
      value: 3n,
      status: "SECONDARY",
      source:
        "Perdir 22/PERDIR.02/072022 as quoted in BPJS Ketenagakerjaan's PROBIS KEPESERTAAN (\"membayarkan iuran tertunggak maksimal 3 bulan iuran sejak tanggal berakhir perlindungan\"); media.alkhairaat.id 23-07-2025",
      note: "Arrears may be paid for up to 3 months after protection ended; after that the membership ends (berakhir). No late fee (denda) for BPU.",
    },
  ],
};

export const BPU_JATUH_TEMPO: RuleTable = {
  rule: "BPU_JATUH_TEMPO",
  unit: "TANGGAL",
  renewal: "OPEN",
  rows: [
    {
      from: "2015-07-01",
      value: 15n,
      status: "SECONDARY",
      source: "Kompas.com via kontan.co.id (\"paling lambat tanggal 15 bulan Iuran yang bersangkutan\"), summarising PP 44/2015",
      note: "A BPU month's contribution is due on the 15th of that month (the next working day when the 15th is a holiday: not modelled, ASSUMED).",
    },
  ],
};

export const BPU_PENGINGAT: RuleTable = {
  rule: "BPU_PENGINGAT",
  unit: "HARI",
  renewal: "OPEN",
  rows: [{ from: "2014-01-01", value: 7n, status: "ASSUMED", source: "Our choice (no published figure)", note: "The reminder is sent this many days before protection ends." }],
};

/** The tables kept in code (JHT_PENGEMBANGAN is read from the database). */
export const STATIC_RULE_TABLES: ReadonlyArray<RuleTable> = [
  KLAIM_JMO_SALDO_MAKS,
  JP_UPAH_MAKS,
  JP_MANFAAT_MIN,
  JP_MANFAAT_MAKS,
  PPH21_JHT_SEKALIGUS,
  PPH21_JHT_TANPA_NPWP,
  BPU_JKK_PERSEN,
  BPU_JKM_IURAN,
  BPU_JHT_PERSEN,
  BPU_BAYAR_DIMUKA_MAKS,
  BPU_MASA_TENGGANG,
  BPU_JATUH_TEMPO,
  BPU_PENGINGAT,
];

/** The JHT development rates (jht_rates rows) as a rule table: one figure per calendar year. */
export function jhtRateTable(rows: ReadonlyArray<{ year: number; rateBp: number; source: "OFFICIAL" | "ASSUMED"; note: string }>): RuleTable {
  return {
    rule: "JHT_PENGEMBANGAN",
    unit: "PERSEN_PER_TAHUN",
    renewal: "CALENDAR_YEAR",
    rows: [...rows]
      .sort((a, b) => a.year - b.year)
      .map((r) => ({
        from: `${String(r.year).padStart(4, "0")}-01-01`,
        value: BigInt(r.rateBp),
        status: r.source,
        source: r.source === "OFFICIAL" ? "BPJS Ketenagakerjaan (credited rate of the year)" : "No published figure found",
        note: r.note,
      })),
  };
}
