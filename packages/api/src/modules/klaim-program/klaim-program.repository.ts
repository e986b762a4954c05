import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { contributions, familyMembers, kecelakaanReports, klaims } from "../../db/schema.ts";

/** The reads behind klaimProgramInfo's candidate answer (drizzle queries only). */
export const klaimProgramRepository = {
  /** Every ledger row of the cards: month, day paid, and whether it carried JP and JKM. */
  async ledger(db: DbOrTx, cardIds: readonly string[]) {
    if (cardIds.length === 0) return [];
    return db
      .select({
        cardId: contributions.cardId,
        period: contributions.period,
        paidAt: contributions.paidAt,
        jp: sql<boolean>`(${contributions.jpEmployerSen} + ${contributions.jpWorkerSen}) > 0`,
        jkm: sql<boolean>`${contributions.jkmSen} > 0`,
      })
      .from(contributions)
      .where(inArray(contributions.cardId, [...cardIds]))
      .orderBy(asc(contributions.period));
  },

  async family(db: DbOrTx, participantId: string) {
    return db.select({ relation: familyMembers.relation }).from(familyMembers).where(eq(familyMembers.participantId, participantId));
  },

  async accidents(db: DbOrTx, participantId: string) {
    return db
      .select({ cardId: kecelakaanReports.cardId, nomor: kecelakaanReports.nomor, status: kecelakaanReports.status })
      .from(kecelakaanReports)
      .where(eq(kecelakaanReports.participantId, participantId))
      .orderBy(asc(kecelakaanReports.reportedAt));
  },

  /** JHT claims that name a reason for leaving a job (resignation or dismissal), newest first. */
  async jhtClaimReasons(db: DbOrTx, participantId: string) {
    return db
      .select({ cardId: klaims.cardId, sebab: klaims.sebab, status: klaims.status })
      .from(klaims)
      .where(and(eq(klaims.participantId, participantId), inArray(klaims.sebab, ["MENGUNDURKAN_DIRI", "PHK"])))
      .orderBy(sql`${klaims.createdAt} desc`);
  },
};
