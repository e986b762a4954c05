import { and, asc, desc, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { contributions, jhtRates, jhtWithdrawals, saldoJhtYears, type SaldoJhtYearRow } from "./saldo.table.ts";

export const saldoRepository = {
  async rates(db: DbOrTx) {
    return db.select().from(jhtRates).orderBy(asc(jhtRates.year));
  },

  async closedYears(db: DbOrTx, cardIds: readonly string[]): Promise<SaldoJhtYearRow[]> {
    return db.select().from(saldoJhtYears).where(inArray(saldoJhtYears.cardId, [...cardIds])).orderBy(asc(saldoJhtYears.year));
  },

  /** Contributions of the given cards from a period on (YYYY-MM-DD), in period order. */
  async ledgerSince(db: DbOrTx, cardIds: readonly string[], fromPeriod: string) {
    return db
      .select({
        cardId: contributions.cardId,
        period: contributions.period,
        employerSen: contributions.jhtEmployerSen,
        workerSen: contributions.jhtWorkerSen,
      })
      .from(contributions)
      .where(and(inArray(contributions.cardId, [...cardIds]), gte(contributions.period, fromPeriod)))
      .orderBy(asc(contributions.period));
  },

  async withdrawals(db: DbOrTx, cardIds: readonly string[]) {
    return db
      .select({ cardId: jhtWithdrawals.cardId, paidOn: jhtWithdrawals.paidOn, amountSen: jhtWithdrawals.amountSen })
      .from(jhtWithdrawals)
      .where(inArray(jhtWithdrawals.cardId, [...cardIds]))
      .orderBy(asc(jhtWithdrawals.paidOn));
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

  /** The latest contribution of each card ("data yang dilaporkan"). */
  async lastReported(db: DbOrTx, cardIds: readonly string[]) {
    return db
      .selectDistinctOn([contributions.cardId], {
        cardId: contributions.cardId,
        period: contributions.period,
        wageSen: contributions.wageSen,
        paidAt: contributions.paidAt,
        employerId: contributions.employerId,
      })
      .from(contributions)
      .where(inArray(contributions.cardId, [...cardIds]))
      .orderBy(contributions.cardId, desc(contributions.period));
  },
};
