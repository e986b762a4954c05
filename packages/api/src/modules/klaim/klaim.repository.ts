import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { participants, type ParticipantRow } from "../participants/participant.table.ts";
import { klaimDokumen, klaims, OPEN_KLAIM_STATUSES, type KlaimDokumenRow, type KlaimRow, type KlaimStatusValue } from "./klaim.table.ts";

const OPEN = inArray(klaims.status, [...OPEN_KLAIM_STATUSES]);

/** Newest first; the cursor is the last row's id, compared as (created_at, id) so equal times still page exactly. */
async function page(db: DbOrTx, filter: SQL | undefined, first: number, afterId: string | null) {
  const after = afterId
    ? sql`(${klaims.createdAt}, ${klaims.id}) < (select k.created_at, k.id from klaims k where k.id = ${afterId})`
    : undefined;
  const rows = await db
    .select()
    .from(klaims)
    .where(and(filter, after))
    .orderBy(desc(klaims.createdAt), desc(klaims.id))
    .limit(first + 1);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

export const klaimRepository = {
  async findById(db: DbOrTx, id: string): Promise<KlaimRow | undefined> {
    return (await db.select().from(klaims).where(eq(klaims.id, id)).limit(1))[0];
  },

  /** The claims' attached documents (klaimJhtSebagianAddDocument), oldest first: one statement for any number of claims. */
  async dokumenOf(db: DbOrTx, klaimIds: readonly string[]): Promise<KlaimDokumenRow[]> {
    if (klaimIds.length === 0) return [];
    return db.select().from(klaimDokumen).where(inArray(klaimDokumen.klaimId, [...klaimIds])).orderBy(asc(klaimDokumen.createdAt), asc(klaimDokumen.id));
  },

  async findByIds(db: DbOrTx, ids: readonly string[]): Promise<KlaimRow[]> {
    return db.select().from(klaims).where(inArray(klaims.id, [...ids]));
  },

  /** Locked for the rest of the transaction: one step at a time per claim. */
  async lockById(tx: DbOrTx, id: string): Promise<KlaimRow | undefined> {
    return (await tx.select().from(klaims).where(eq(klaims.id, id)).limit(1).for("update"))[0];
  },

  async findOpenForCard(db: DbOrTx, cardId: string): Promise<KlaimRow | undefined> {
    return (await db.select().from(klaims).where(and(eq(klaims.cardId, cardId), OPEN)).limit(1))[0];
  },

  async findOpenForCards(db: DbOrTx, cardIds: readonly string[]): Promise<KlaimRow[]> {
    return db.select().from(klaims).where(and(inArray(klaims.cardId, [...cardIds]), OPEN));
  },

  /** Every claim of a participant in progress (DRAFT to PEMBAYARAN), on any card. */
  async findOpenForParticipant(db: DbOrTx, participantId: string): Promise<KlaimRow[]> {
    return db.select().from(klaims).where(and(eq(klaims.participantId, participantId), OPEN));
  },

  /** Staff lifted a block: the KPJ and selfie attempts of the participant's draft claims start afresh. */
  async resetStrikes(tx: DbOrTx, participantId: string): Promise<void> {
    await tx
      .update(klaims)
      .set({ kpjAttempts: 0, biometricAttempts: 0, updatedAt: sql`now()` })
      .where(and(eq(klaims.participantId, participantId), eq(klaims.status, "DRAFT")));
  },

  async lockOpenForCard(tx: DbOrTx, cardId: string): Promise<KlaimRow | undefined> {
    return (await tx.select().from(klaims).where(and(eq(klaims.cardId, cardId), OPEN)).limit(1).for("update"))[0];
  },

  async findByIdempotencyKey(db: DbOrTx, participantId: string, key: string): Promise<KlaimRow | undefined> {
    return (await db.select().from(klaims).where(and(eq(klaims.participantId, participantId), eq(klaims.idempotencyKey, key))).limit(1))[0];
  },

  /** A new draft; undefined when the card already has an open claim (the partial unique index decided). */
  async insertDraft(tx: DbOrTx, values: Pick<typeof klaims.$inferInsert, "participantId" | "cardId" | "sebab" | "jenis" | "persentase">): Promise<KlaimRow | undefined> {
    return (await tx.insert(klaims).values(values).onConflictDoNothing().returning())[0];
  },

  async update(tx: DbOrTx, id: string, set: PgUpdateSetSource<typeof klaims>): Promise<KlaimRow> {
    const [row] = await tx
      .update(klaims)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(klaims.id, id))
      .returning();
    return row!;
  },

  /** Updates only while the claim is in one of `statuses`; undefined when it no longer is (a race lost). */
  async updateIfStatus(tx: DbOrTx, id: string, statuses: readonly KlaimStatusValue[], set: PgUpdateSetSource<typeof klaims>) {
    const [row] = await tx
      .update(klaims)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(klaims.id, id), inArray(klaims.status, [...statuses])))
      .returning();
    return row;
  },

  async pageByParticipant(db: DbOrTx, participantId: string, first: number, afterId: string | null) {
    return page(db, eq(klaims.participantId, participantId), first, afterId);
  },

  async pageByStatus(db: DbOrTx, status: KlaimStatusValue | null, first: number, afterId: string | null) {
    return page(db, status ? eq(klaims.status, status) : undefined, first, afterId);
  },

  async findParticipant(db: DbOrTx, participantId: string): Promise<ParticipantRow | undefined> {
    return (await db.select().from(participants).where(eq(participants.id, participantId)).limit(1))[0];
  },
};
