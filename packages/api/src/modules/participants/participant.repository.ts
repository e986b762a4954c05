import { and, asc, count, eq, gt, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { cards, type LinkedCardRow } from "../cards/card.table.ts";
import { employers, type EmployerRow } from "../employers/employer.table.ts";
import { participants, type ParticipantRow } from "./participant.table.ts";

export interface ParticipantPageCursor {
  fullName: string;
  id: string;
}

export const participantRepository = {
  async findByIds(db: DbOrTx, ids: readonly string[]): Promise<ParticipantRow[]> {
    return db.select().from(participants).where(inArray(participants.id, [...ids]));
  },

  /**
   * The participants with their cards (in card order) and the cards' employers, in one statement: what a
   * home screen shows before the saldo.
   */
  async findWithCards(db: DbOrTx, ids: readonly string[]) {
    const rows = await db
      .select({ participant: participants, card: cards, employer: employers })
      .from(participants)
      .leftJoin(cards, eq(cards.participantId, participants.id))
      .leftJoin(employers, eq(employers.id, cards.employerId))
      .where(inArray(participants.id, [...ids]))
      .orderBy(asc(cards.registeredAt), asc(cards.kpj));
    const found = new Map<string, { participant: ParticipantRow; cards: LinkedCardRow[] }>();
    const employersById = new Map<string, EmployerRow>();
    for (const row of rows) {
      let entry = found.get(row.participant.id);
      if (!entry) found.set(row.participant.id, (entry = { participant: row.participant, cards: [] }));
      if (row.card) entry.cards.push(row.card as LinkedCardRow);
      if (row.employer) employersById.set(row.employer.id, row.employer);
    }
    return { participants: found, employers: employersById };
  },

  /** Staff search: a full NIK or KPJ matches exactly, anything else is a part of the name. Ordered by name. */
  async search(db: DbOrTx, search: string | null, first: number, after: ParticipantPageCursor | null) {
    const filter = searchFilter(search);
    const page = after
      ? or(gt(participants.fullName, after.fullName), and(eq(participants.fullName, after.fullName), gt(participants.id, after.id)))
      : undefined;
    const [rows, [total]] = await Promise.all([
      db.select().from(participants).where(and(filter, page)).orderBy(asc(participants.fullName), asc(participants.id)).limit(first + 1),
      db.select({ n: count() }).from(participants).where(filter),
    ]);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: total?.n ?? 0 };
  },
};

function searchFilter(search: string | null): SQL | undefined {
  const term = search?.trim();
  if (!term) return undefined;
  const digits = term.replace(/[\s.-]/g, "");
  if (/^\d{16}$/.test(digits)) return eq(participants.nik, digits);
  if (/^\d{11}$/.test(digits)) {
    return inArray(participants.id, sql`(select ${cards.participantId} from ${cards} where ${cards.kpj} = ${digits})`);
  }
  const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  return ilike(participants.fullName, `%${escaped}%`);
}
