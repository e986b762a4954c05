import { RateSource, SaldoJht, SaldoJhtYear } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { cardRepository } from "../cards/card.repository.ts";
import { buildStatements, mergeStatements, totalsOf, type LedgerEntry, type Withdrawal, type YearRate, type YearStatement } from "./jht-engine.ts";
import { formatPercent } from "./money.ts";
import { saldoRepository, type SaldoRead } from "./saldo.repository.ts";
import type { SaldoJhtYearRow } from "./saldo.table.ts";

/** Today in Jakarta (WIB), as YYYY-MM-DD: the day a participant sees on their phone. */
export function todayWib(now = new Date()): string {
  return wibDate.format(now);
}
// Building an Intl.DateTimeFormat costs far more than formatting with one: build it once.
const wibDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" });

export interface CardStatements {
  cardId: string;
  asOf: string;
  years: YearStatement[];
  /** The card's latest contribution ("data yang dilaporkan"), read in the same statement. */
  lastReported: SaldoRead["lastReported"][number] | null;
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
   * years: one read (rates, kept closed years, each card's ledger after its last kept year, withdrawals and
   * the last reported contribution), then, only when a year has closed since it was last computed, one insert
   * that keeps it. Every closed year of every card is kept, so a later read starts at the open year.
   */
  async forCards(cardIds: readonly string[]): Promise<Map<string, CardStatements>> {
    if (cardIds.length === 0) return new Map();
    return this.fromRead(cardIds, await saldoRepository.readForCards(this.database, cardIds));
  }

  /**
   * The statements of these cards from a saldo read made by another statement (a home screen reads the
   * participant, the cards and the saldo at once): the years are computed here, and closed years not kept yet are
   * kept (one insert, only when a year has closed since the last computation).
   */
  async fromRead(cardIds: readonly string[], read: SaldoRead): Promise<Map<string, CardStatements>> {
    const asOf = this.today();
    const db = this.database.db;
    const rates = new Map<number, YearRate>(read.rates.map((r) => [r.year, { rateBp: r.rateBp, source: r.source }]));
    const closed = groupByCard(read.closed);
    const withdrawalRows = read.withdrawals;
    const lastReported = new Map(read.lastReported.map((r) => [r.cardId, r]));
    const ledger = groupByCard(read.ledger);
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
      result.set(cardId, { cardId, asOf, years, lastReported: lastReported.get(cardId) ?? null });
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
    const statements = await this.forCards(ids);
    const merged = mergeStatements([...statements.values()].map((s) => s.years));
    const reported = [...statements.values()].flatMap((s) => (s.lastReported ? [s.lastReported] : []));
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
