import { and, asc, count, eq, gt, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/database.ts";
import { isUuid, tableReader, uuidArray } from "../../db/table-reader.ts";
import { parseSaldoRead, saldoReadSelect } from "../saldo/saldo.repository.ts";
import { cards, type LinkedCardRow } from "../cards/card.table.ts";
import { employers, type EmployerRow } from "../employers/employer.table.ts";
import { participants, type ParticipantRow } from "./participant.table.ts";

const participantColumns = tableReader(participants, "p");
const cardColumns = tableReader(cards, "c");
const employerColumns = tableReader(employers, "e");
/**
 * Each read has two texts: `p.id = $1` for one participant (a member's own `me`, nearly every request) and
 * `= any($1::uuid[])` for a batch. With one id PostgreSQL's generic plan is estimated right (one row), so after five
 * executions a connection keeps it; with the array it guessed ten rows and planned every execution afresh, which on a
 * national-scale database cost more (0.45 ms) than running the statement (0.17 ms).
 */
const oneOrMany = (text: (where: string) => string) => ({ one: text("p.id = $1::uuid"), many: text("p.id = any($1::uuid[])") });
const params = (ids: readonly string[]) => (ids.length === 1 && isUuid(ids[0]!) ? [ids[0]!] : [uuidArray(ids)]);
const textFor = (texts: { one: string; many: string }, ids: readonly string[]) => (ids.length === 1 && isUuid(ids[0]!) ? texts.one : texts.many);

const FIND_WITH_CARDS = oneOrMany(
  (where) => `select ${participantColumns.select}, ${cardColumns.select}, ${employerColumns.select}
  from participants p
  left join cards c on c.participant_id = p.id
  left join employers e on e.id = c.employer_id
  where ${where}
  order by c.registered_at, c.kpj`,
);

/**
 * The same rows, with the saldo read of all their cards (saldo.repository.ts) on the first row: a home screen in
 * one statement. `pc` is read twice but computed once; the saldo columns are sent once, not once per card.
 * Exported for bench/compare.ts, whose raw-SQL floor sends the same statement.
 */
export const FIND_WITH_CARDS_AND_SALDO = oneOrMany(
  (where) => `with pc as (
    select ${participantColumns.select}, ${cardColumns.select}, ${employerColumns.select},
      c.id as card_key, row_number() over (order by p.id, c.registered_at, c.kpj) as rn
    from participants p
    left join cards c on c.participant_id = p.id
    left join employers e on e.id = c.employer_id
    where ${where}
  ), s as (select ${saldoReadSelect("array(select card_key from pc where card_key is not null)")})
  select pc.*, case when pc.rn = 1 then s.rates end, case when pc.rn = 1 then s.closed end, case when pc.rn = 1 then s.ledger end,
    case when pc.rn = 1 then s.withdrawals end, case when pc.rn = 1 then s.last_reported end
  from pc cross join s
  order by pc.rn`,
);
const SALDO_OFFSET = participantColumns.width + cardColumns.width + employerColumns.width + 2;

export interface ParticipantPageCursor {
  fullName: string;
  id: string;
}

export const participantRepository = {
  async findByIds(db: DbOrTx, ids: readonly string[]): Promise<ParticipantRow[]> {
    return db.select().from(participants).where(inArray(participants.id, [...ids]));
  },

  /**
   * The participants with their cards (in card order) and the cards' employers, in one statement of constant
   * text: what a home screen shows before the saldo.
   */
  async findWithCards(database: Database, ids: readonly string[]) {
    return collect(await database.query(textFor(FIND_WITH_CARDS, ids), params(ids)));
  },

  /** findWithCards and the saldo read of all those cards, in one statement (see FIND_WITH_CARDS_AND_SALDO). */
  async findWithCardsAndSaldo(database: Database, ids: readonly string[]) {
    const rows = await database.query(textFor(FIND_WITH_CARDS_AND_SALDO, ids), params(ids));
    return { ...collect(rows), saldo: rows.length > 0 ? parseSaldoRead(rows[0]!, SALDO_OFFSET) : null };
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

/** Participants with their cards in card order, and the cards' employers, from the joined rows. */
function collect(rows: readonly unknown[][]) {
  const found = new Map<string, { participant: ParticipantRow; cards: LinkedCardRow[] }>();
  const employersById = new Map<string, EmployerRow>();
  for (const values of rows) {
    const participant = participantColumns.read(values, 0)!;
    let entry = found.get(participant.id);
    if (!entry) found.set(participant.id, (entry = { participant, cards: [] }));
    const card = cardColumns.read(values, participantColumns.width);
    if (card) entry.cards.push(card as LinkedCardRow);
    const employer = employerColumns.read(values, participantColumns.width + cardColumns.width);
    if (employer) employersById.set(employer.id, employer);
  }
  return { participants: found, employers: employersById };
}

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
