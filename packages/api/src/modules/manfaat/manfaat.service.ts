import { JP_MANFAAT_MAKS, JP_MANFAAT_MIN, KLAIM_JMO_SALDO_MAKS, periodsOf, type RuleRow, type RuleTable } from "../rules/rule-book.ts";
import { PROGRAM_VERSIONS, type BenefitData, type ProgramCode, type ProgramVersion, type SegmentCode } from "./manfaat.data.ts";

export const PROGRAMS: readonly ProgramCode[] = ["JHT", "JKK", "JKM", "JP", "JKP"];

/** A program as it stands on one day, with the day its version stops applying. */
export interface ProgramOnDay extends ProgramVersion {
  until: string | null;
}

/** The newest row of a rule table from on or before `date`, even when its renewal ran out: "the latest published figure". */
function latestRow(table: RuleTable, date: string): RuleRow | null {
  return periodsOf(table).filter((p) => p.from <= date).at(-1)?.rows[0] ?? null;
}

const rupiahText = (sen: bigint) => `Rp${(sen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;

/**
 * Figures that live in the rule book (docs/domain/rules.md) are read from it for the day asked, so the two never
 * disagree: the JP floor and ceiling, and the JMO limit for a JHT claim.
 */
function withRuleBookFigures(version: ProgramOnDay, date: string): ProgramOnDay {
  if (version.program === "JP") {
    const extra: BenefitData[] = [];
    for (const [table, code, name] of [
      [JP_MANFAAT_MIN, "JP_PENSIUN_MINIMUM", "Manfaat pensiun paling sedikit per bulan"],
      [JP_MANFAAT_MAKS, "JP_PENSIUN_MAKSIMUM", "Manfaat pensiun paling banyak per bulan"],
    ] as const) {
      const row = latestRow(table, date);
      if (!row) continue;
      extra.push({
        code,
        name,
        description: `Angka yang berlaku sejak ${row.from}, disesuaikan setiap Maret dengan inflasi`,
        amountSen: row.value,
        formula: null,
        sources: [{ title: `${row.source}${row.note ? ` (${row.note})` : ""}`, url: null, status: row.status }],
      });
    }
    return { ...version, benefits: [...version.benefits, ...extra] };
  }
  if (version.program === "JHT") {
    const limit = latestRow(KLAIM_JMO_SALDO_MAKS, date);
    if (!limit) return version;
    return {
      ...version,
      claim: version.claim.map((way) => (way.channel === "JMO" || way.channel === "LAPAK_ASIK" ? { ...way, when: way.when.replace("batas klaim JMO", `batas klaim JMO (${rupiahText(limit.value)} sejak ${limit.from})`) } : way)),
    };
  }
  return version;
}

/** Informasi manfaat (docs/features/manfaat.md): the programs' dated benefits, and what a card covers today. */
export class ManfaatService {
  /** Each program's version in force on `date` (YYYY-MM-DD); a program that did not exist yet is left out. */
  programsOn(date: string, segment: SegmentCode | null = null): ProgramOnDay[] {
    const out: ProgramOnDay[] = [];
    for (const program of PROGRAMS) {
      const version = this.programOn(program, date);
      if (version && (!segment || version.coverage.some((c) => c.segment === segment))) out.push(version);
    }
    return out;
  }

  programOn(program: ProgramCode, date: string): ProgramOnDay | null {
    const versions = PROGRAM_VERSIONS.filter((v) => v.program === program).sort((a, b) => a.from.localeCompare(b.from));
    const index = versions.findLastIndex((v) => v.from <= date);
    if (index < 0) return null;
    return withRuleBookFigures({ ...versions[index]!, until: versions[index + 1]?.from ?? null }, date);
  }

  /**
   * The programs a card covers today. Only an AKTIF card covers anything ([D]: a NONAKTIF card keeps its JHT balance,
   * which is saldo, not cover). PU: all five (JKP for Indonesian citizens only); BPU: JKK and JKM, and JHT when chosen,
   * while contributions are paid up (protection DILINDUNGI); PMI and JAKON: JKK and JKM (a PMI's optional JHT is not
   * recorded on the card).
   */
  cardPrograms(card: { segment: SegmentCode; status: string }, facts: { wni: boolean; bpu?: { protected: boolean; jht: boolean } }): ProgramCode[] {
    if (card.status !== "AKTIF") return [];
    switch (card.segment) {
      case "PU":
        return facts.wni ? ["JHT", "JKK", "JKM", "JP", "JKP"] : ["JHT", "JKK", "JKM", "JP"];
      case "BPU":
        if (!facts.bpu?.protected) return [];
        return facts.bpu.jht ? ["JHT", "JKK", "JKM"] : ["JKK", "JKM"];
      case "PMI":
      case "JAKON":
        return ["JKK", "JKM"];
    }
  }
}
