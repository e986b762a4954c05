import { RateSource, SaldoJht, SaldoJhtYear } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { cardRepository } from "../cards/card.repository.ts";
import { buildStatements, mergeStatements, totalsOf, type LedgerEntry, type Withdrawal, type YearRate, type YearStatement } from "./jht-engine.ts";
import { formatPercent } from "./money.ts";
import { saldoRepository } from "./saldo.repository.ts";
import type { SaldoJhtYearRow } from "./saldo.table.ts";

/** Today in Jakarta (WIB), as YYYY-MM-DD: the day a participant sees on their phone. */
export function todayWib(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(now);
}

export interface CardStatements {
  cardId: string;
  asOf: string;
  years: YearStatement[];
}

function fromRow(row: SaldoJhtYearRow): YearStatement {
  return {
    year: row.year,
    saldoAwalSen: row.saldoAwalSen,
    iuranPemberiKerjaSen: row.iuranPemberiKerjaSen,
    iuranPekerjaSen: row.iuranPekerjaSen,
    pengembanganSen: row.pengembanganSen,
    penarikanSen: row.penarikanSen,
    saldoAkhirSen: row.saldoAkhirSen,
    rateBp: row.rateBp,
    rateSource: row.rateSource,
  };
}

function groupByCard<T extends { cardId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.cardId);
    if (list) list.push(row);
    else map.set(row.cardId, [row]);
  }
  return map;
}

export class SaldoService {
  constructor(
    private readonly database: Database,
    private readonly today: () => string = () => todayWib(),
  ) {}

  /**
   * Statements of several cards at once, in a fixed number of statements whatever the number of cards or
   * years: rates, kept closed years and withdrawals, then the open part of the ledger, then one insert that
   * keeps any year that has closed since it was last computed.
   */
  async forCards(cardIds: readonly string[]): Promise<Map<string, CardStatements>> {
    const asOf = this.today();
    const db = this.database.db;
    if (cardIds.length === 0) return new Map();
    const [rateRows, closedRows, withdrawalRows] = await Promise.all([
      saldoRepository.rates(db),
      saldoRepository.closedYears(db, cardIds),
      saldoRepository.withdrawals(db, cardIds),
    ]);
    const rates = new Map<number, YearRate>(rateRows.map((r) => [r.year, { rateBp: r.rateBp, source: r.source }]));
    const closed = groupByCard(closedRows);
    // The open part of each card's ledger starts after the last kept year *of this read*: reading it in the
    // same query as the kept years could see years another request kept in between, and skip them.
    const openFrom = new Map(cardIds.map((id) => [id, (closed.get(id)?.at(-1)?.year ?? 0) + 1]));
    const earliest = Math.min(...openFrom.values());
    const ledgerRows = (await saldoRepository.ledgerSince(db, cardIds, `${String(earliest).padStart(4, "0")}-01-01`)).filter(
      (row) => Number(row.period.slice(0, 4)) >= openFrom.get(row.cardId)!,
    );
    const ledger = groupByCard(ledgerRows);
    const withdrawals = groupByCard(withdrawalRows);
    const result = new Map<string, CardStatements>();
    const toKeep: Array<YearStatement & { cardId: string }> = [];
    for (const cardId of cardIds) {
      const kept = (closed.get(cardId) ?? []).map(fromRow);
      const { years, newlyClosed } = buildStatements(
        {
          closed: kept,
          ledger: (ledger.get(cardId) ?? []) as LedgerEntry[],
          withdrawals: (withdrawals.get(cardId) ?? []) as Withdrawal[],
        },
        rates,
        asOf,
      );
      toKeep.push(...newlyClosed.map((y) => ({ ...y, cardId })));
      result.set(cardId, { cardId, asOf, years });
    }
    await saldoRepository.keepClosedYears(db, toKeep);
    return result;
  }

  /** The day the figures are computed for (today in WIB). */
  asOf(): string {
    return this.today();
  }

  /** Ledger rows of these cards with a JP share: their period (YYYY-MM-DD) and payment date (null: unpaid). */
  async jpLedger(cardIds: readonly string[]): Promise<Array<{ period: string; paidAt: string | null }>> {
    return saldoRepository.jpRows(this.database.db, cardIds);
  }

  /** The participant's merged saldo now, and their latest reported wage (for simulations and claims). */
  async currentFor(participantId: string): Promise<{ totalSen: bigint; asOf: string; monthlyWageSen: bigint | null }> {
    const cards = await cardRepository.findByParticipantIds(this.database.db, [participantId]);
    const ids = cards.map((c) => c.id);
    if (ids.length === 0) return { totalSen: 0n, asOf: this.today(), monthlyWageSen: null };
    const [statements, reported] = await Promise.all([this.forCards(ids), saldoRepository.lastReported(this.database.db, ids)]);
    const merged = mergeStatements([...statements.values()].map((s) => s.years));
    const latest = reported.sort((a, b) => (a.period < b.period ? 1 : -1))[0];
    return { totalSen: totalsOf(merged).totalSen, asOf: this.today(), monthlyWageSen: latest?.wageSen ?? null };
  }
}

/** The API object for one card's or several merged cards' statements. */
export function toSaldoJht(ownerParticipantId: string, asOf: string, years: ReadonlyArray<YearStatement>): SaldoJht {
  const totals = totalsOf(years);
  return Object.assign(new SaldoJht(), {
    ownerParticipantId,
    asOf,
    total: totals.totalSen,
    iuranPemberiKerja: totals.iuranPemberiKerjaSen,
    iuranPekerja: totals.iuranPekerjaSen,
    pengembangan: totals.pengembanganSen,
    penarikan: totals.penarikanSen,
    allYears: years.map(toSaldoJhtYear),
  });
}

function toSaldoJhtYear(y: YearStatement): SaldoJhtYear {
  return {
    year: y.year,
    saldoAwal: y.saldoAwalSen,
    iuranPemberiKerja: y.iuranPemberiKerjaSen,
    iuranPekerja: y.iuranPekerjaSen,
    pengembangan: y.pengembanganSen,
    rate: formatPercent(y.rateBp),
    rateSource: y.rateSource as RateSource,
    penarikan: y.penarikanSen,
    saldoAkhir: y.saldoAkhirSen,
  };
}
