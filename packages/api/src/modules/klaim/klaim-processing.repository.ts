import { and, asc, eq, gt, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { cards, type CardRow } from "../cards/card.table.ts";
import { jhtWithdrawals } from "../saldo/saldo.table.ts";
import { klaimRepository } from "./klaim.repository.ts";
import { klaimEvents, klaims, type KlaimEventRow, type KlaimRow, type KlaimStatusValue } from "./klaim.table.ts";

/** Statuses the worker moves on by itself. */
export const WORKER_STATUSES = ["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN"] as const satisfies readonly KlaimStatusValue[];
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

const due = (now: Date) =>
  and(inArray(klaims.status, [...WORKER_STATUSES]), eq(klaims.onHold, false), lte(klaims.nextActionAt, now));

/** Queries of the processing side of claims: the worker, staff actions, the timeline and its subscription. */
export const klaimProcessingRepository = {
  /** Claims due for their next step, oldest first, without locking them (each is locked when its step runs). */
  async peekDue(db: DbOrTx, now: Date, limit: number, exclude: readonly string[]): Promise<KlaimRow[]> {
    return db
      .select()
      .from(klaims)
      .where(and(due(now), exclude.length ? notInArray(klaims.id, [...exclude]) : undefined))
      .orderBy(asc(klaims.nextActionAt), asc(klaims.id))
      .limit(limit);
  },

  /**
   * The claim locked for one step, if it is still due and still in `status`; undefined when another worker holds
   * it (skip locked) or has already moved it, or staff held, rejected or cancelled it meanwhile.
   */
  async lockDue(tx: DbOrTx, id: string, status: WorkerStatus, now: Date): Promise<KlaimRow | undefined> {
    const rows = await tx
      .select()
      .from(klaims)
      .where(and(eq(klaims.id, id), eq(klaims.status, status), due(now)))
      .limit(1)
      .for("update", { skipLocked: true });
    return rows[0];
  },

  async findCard(db: DbOrTx, cardId: string): Promise<CardRow | undefined> {
    return (await db.select().from(cards).where(eq(cards.id, cardId)).limit(1))[0];
  },

  async insertWithdrawal(tx: DbOrTx, values: typeof jhtWithdrawals.$inferInsert): Promise<void> {
    await tx.insert(jhtWithdrawals).values(values);
  },

  async findEvent(db: DbOrTx, id: string): Promise<KlaimEventRow | undefined> {
    return (await db.select().from(klaimEvents).where(eq(klaimEvents.id, id)).limit(1))[0];
  },

  /** Events of several claims, each claim's in sequence order (the timeline DataLoader). */
  async eventsOf(db: DbOrTx, klaimIds: readonly string[]): Promise<KlaimEventRow[]> {
    if (klaimIds.length === 0) return [];
    return db
      .select()
      .from(klaimEvents)
      .where(inArray(klaimEvents.klaimId, [...klaimIds]))
      .orderBy(asc(klaimEvents.klaimId), asc(klaimEvents.sequence));
  },

  /** One claim's stored events after a sequence (the subscription's replay). */
  async eventsAfter(db: DbOrTx, klaimId: string, afterSequence: number): Promise<KlaimEventRow[]> {
    return db
      .select()
      .from(klaimEvents)
      .where(and(eq(klaimEvents.klaimId, klaimId), gt(klaimEvents.sequence, afterSequence)))
      .orderBy(asc(klaimEvents.sequence));
  },

  /** The same update as the flow's (keeps updated_at). */
  update: klaimRepository.update,
};
