import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { cards, type CardRow, type LinkedCardRow } from "./card.table.ts";

export const cardRepository = {
  async findByIds(db: DbOrTx, ids: readonly string[]): Promise<CardRow[]> {
    return db.select().from(cards).where(inArray(cards.id, [...ids]));
  },

  async findByParticipantIds(db: DbOrTx, participantIds: readonly string[]): Promise<LinkedCardRow[]> {
    const rows = await db
      .select()
      .from(cards)
      .where(inArray(cards.participantId, [...participantIds]))
      .orderBy(asc(cards.registeredAt), asc(cards.kpj));
    return rows as LinkedCardRow[];
  },
};
