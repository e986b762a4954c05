import { and, asc, inArray, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/database.ts";
import { uuidArray } from "../../db/table-reader.ts";
import { contributions, jhtRates, saldoJhtYears, type SaldoJhtYearRow } from "./saldo.table.ts";

/** What one statement reads to compute several cards' statements (see `saldoRepository.readForCards`). */
export interface SaldoRead {
  rates: Array<{ year: number; rateBp: number; source: "OFFICIAL" | "ASSUMED" }>;
  /** Kept closed years, by card then year. */
  closed: SaldoJhtYearRow[];
  /** Each card's ledger from the year after its last kept year (the whole ledger when none is kept), in period order. */
  ledger: Array<{ cardId: string; period: string; employerSen: bigint; workerSen: bigint }>;
  withdrawals: Array<{ cardId: string; paidOn: string; amountSen: bigint }>;
  lastReported: Array<{ cardId: string; period: string; wageSen: bigint; paidAt: string | null; employerId: string | null }>;
}

type Json = Record<string, string | number | null>;
const parsed = (v: unknown): Json[] => (v == null ? [] : ((typeof v === "string" ? JSON.parse(v) : v) as Json[]));

/**
 * Each card's rows are reached through lateral subqueries on (card_id, …) indexes (`offset 0` keeps the planner
 * from flattening the ledger's into a join), so that the plan stays a few
 * index scans whatever the planner guesses about the card set (a prepared statement's generic plan, or an array
 * computed by the same statement, gives it no estimate; a join there turned into a scan of the whole ledger).
 *
 * The five columns of a saldo read (rates, kept years, the open ledger, withdrawals, the latest contribution) of
 * the cards in `cardSet` (a uuid[] expression): one snapshot, whatever statement they are part of.
 */
function saldoReadColumns(cardSet: string): string {
  return SALDO_READ_COLUMNS.replaceAll("$CARDS", () => cardSet);
}

const SALDO_READ_COLUMNS = `
      (select json_agg(json_build_object('year', r.year, 'rateBp', r.rate_bp, 'source', r.source) order by r.year) from jht_rates r) as rates,
      (select json_agg(json_build_object('cardId', y.card_id, 'year', y.year, 'saldoAwalSen', y.saldo_awal_sen::text,
          'iuranPemberiKerjaSen', y.iuran_pemberi_kerja_sen::text, 'iuranPekerjaSen', y.iuran_pekerja_sen::text,
          'pengembanganSen', y.pengembangan_sen::text, 'penarikanSen', y.penarikan_sen::text, 'saldoAkhirSen', y.saldo_akhir_sen::text,
          'rateBp', y.rate_bp, 'rateSource', y.rate_source, 'computedAt', y.computed_at) order by y.card_id, y.year)
        from saldo_jht_years y where y.card_id = any($CARDS)) as closed,
      (select json_agg(json_build_object('cardId', c.card_id, 'period', c.period::text, 'employerSen', c.jht_employer_sen::text,
          'workerSen', c.jht_worker_sen::text) order by c.period)
        from cards k
        cross join lateral (select coalesce(max(y.year), 0) + 1 as open_from from saldo_jht_years y where y.card_id = k.id) o
        cross join lateral (select * from contributions c where c.card_id = k.id and c.period >= make_date(o.open_from, 1, 1) offset 0) c
        where k.id = any($CARDS)) as ledger,
      (select json_agg(json_build_object('cardId', w.card_id, 'paidOn', w.paid_on::text, 'amountSen', w.amount_sen::text) order by w.paid_on)
        from jht_withdrawals w where w.card_id = any($CARDS)) as withdrawals,
      (select json_agg(json_build_object('cardId', l.card_id, 'period', l.period::text, 'wageSen', l.wage_sen::text,
          'paidAt', l.paid_at::text, 'employerId', l.employer_id))
        from cards k
        cross join lateral (select * from contributions c where c.card_id = k.id order by c.period desc limit 1) l
        where k.id = any($CARDS)) as last_reported`;

/** The saldo read of the cards in $1 (a uuid[]), in one statement of constant text (prepared once per connection). */
const READ_FOR_CARDS = `select ${saldoReadColumns("$1::uuid[]")}`;

/** For a statement that reads the saldo along with other rows: its columns, of the cards the expression names. */
export const saldoReadSelect = saldoReadColumns;

/** The five saldo columns of a row, starting at `offset`. Money travels as text so that no sen is lost to JSON numbers. */
export function parseSaldoRead(values: readonly unknown[], offset: number): SaldoRead {
  const [rates, closed, ledger, withdrawals, lastReported] = values.slice(offset, offset + 5);
  const big = (v: string | number | null) => BigInt(v as string);
  return {
    rates: parsed(rates).map((r) => ({ year: r.year as number, rateBp: r.rateBp as number, source: r.source as "OFFICIAL" | "ASSUMED" })),
    closed: parsed(closed).map((y) => ({
      cardId: y.cardId as string,
      year: y.year as number,
      saldoAwalSen: big(y.saldoAwalSen!),
      iuranPemberiKerjaSen: big(y.iuranPemberiKerjaSen!),
      iuranPekerjaSen: big(y.iuranPekerjaSen!),
      pengembanganSen: big(y.pengembanganSen!),
      penarikanSen: big(y.penarikanSen!),
      saldoAkhirSen: big(y.saldoAkhirSen!),
      rateBp: y.rateBp as number,
      rateSource: y.rateSource as "OFFICIAL" | "ASSUMED",
      computedAt: new Date(y.computedAt as string),
    })),
    ledger: parsed(ledger).map((e) => ({ cardId: e.cardId as string, period: e.period as string, employerSen: big(e.employerSen!), workerSen: big(e.workerSen!) })),
    withdrawals: parsed(withdrawals).map((w) => ({ cardId: w.cardId as string, paidOn: w.paidOn as string, amountSen: big(w.amountSen!) })),
    lastReported: parsed(lastReported).map((l) => ({
      cardId: l.cardId as string,
      period: l.period as string,
      wageSen: big(l.wageSen!),
      paidAt: (l.paidAt as string | null) ?? null,
      employerId: (l.employerId as string | null) ?? null,
    })),
  };
}

export const saldoRepository = {
  /**
   * Rates, kept years, the open ledger, withdrawals and the latest contribution of the given cards in ONE
   * statement (one snapshot: the open ledger starts right after the kept years this same read sees). Money
   * travels as text so that no sen is lost to JSON numbers.
   */
  async readForCards(database: Database, cardIds: readonly string[]): Promise<SaldoRead> {
    const [values] = await database.query(READ_FOR_CARDS, [uuidArray(cardIds)]);
    return parseSaldoRead(values!, 0);
  },

  async rates(db: DbOrTx) {
    return db.select().from(jhtRates).orderBy(asc(jhtRates.year));
  },

  /** Keeps closed years; a year computed twice (two requests at once) is the same, so the second is dropped. */
  async keepClosedYears(db: DbOrTx, rows: Array<typeof saldoJhtYears.$inferInsert>): Promise<void> {
    if (rows.length === 0) return;
    await db.insert(saldoJhtYears).values(rows).onConflictDoNothing();
  },

  /** The ledger rows of the given cards that carry a JP share, with when they were paid (JP months, simulasiJp). */
  async jpRows(db: DbOrTx, cardIds: readonly string[]) {
    if (cardIds.length === 0) return [];
    return db
      .select({ period: contributions.period, paidAt: contributions.paidAt })
      .from(contributions)
      .where(and(inArray(contributions.cardId, [...cardIds]), sql`${contributions.jpEmployerSen} + ${contributions.jpWorkerSen} > 0`))
      .orderBy(asc(contributions.period));
  },
};
