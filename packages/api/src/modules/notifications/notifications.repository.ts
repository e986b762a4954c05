import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/database.ts";
import { rowsOf } from "../../db/database.ts";
import { tableReader } from "../../db/table-reader.ts";
import { notifications, type NotificationRow } from "./notifications.table.ts";
import type { RetentionRule } from "./notifications.service.ts";

const reader = tableReader(notifications, "n");

// Constant texts (one per shape), prepared once per connection: the list is the kotak masuk's hot read, and a shape
// of its own for unreadOnly lets the planner use the partial index of unread rows. `desc nulls last` is the indexes'
// order (seq is never null): a plain `desc` (nulls first) cannot be read from them and sorted all of a member's rows.
const AFTER = `and n.seq < (select a.seq from notifications a where a.id = $2 and a.participant_id = $1)`;
const listText = (after: boolean, unreadOnly: boolean) =>
  `select ${reader.select} from notifications n where n.participant_id = $1 ${unreadOnly ? "and n.read_at is null" : ""} ` +
  `${after ? AFTER : ""} order by n.seq desc nulls last limit ${after ? "$3" : "$2"}`;
const LIST = { plain: listText(false, false), after: listText(true, false), unread: listText(false, true), unreadAfter: listText(true, true) };
/** The badge counts at most this many (apps show "99+" long before): a member with thousands unread costs no more. */
export const UNREAD_COUNT_CAP = 1000;
const COUNT_UNREAD = `select count(*)::int from (select 1 from notifications where participant_id = $1 and read_at is null limit ${UNREAD_COUNT_CAP}) u`;

export const notificationsRepository = {
  /** A page of a member's notifications, newest first, after the one named by `afterId` (its own, else an empty page). */
  async page(database: Database, participantId: string, first: number, afterId: string | null, unreadOnly: boolean) {
    const text = afterId ? (unreadOnly ? LIST.unreadAfter : LIST.after) : unreadOnly ? LIST.unread : LIST.plain;
    const params = afterId ? [participantId, afterId, first + 1] : [participantId, first + 1];
    const rows = (await database.query(text, params)).map((values) => reader.read(values, 0)!);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  },

  async unreadCount(database: Database, participantId: string): Promise<number> {
    const [row] = await database.query(COUNT_UNREAD, [participantId]);
    return Number(row?.[0] ?? 0);
  },

  async findByIds(db: DbOrTx, ids: readonly string[]): Promise<NotificationRow[]> {
    return ids.length ? db.select().from(notifications).where(inArray(notifications.id, [...ids])) : [];
  },

  /** The member's notifications written after the one named (oldest first), at most `limit` of the newest of them. */
  async after(db: DbOrTx, participantId: string, afterId: string, limit: number): Promise<NotificationRow[]> {
    const rows = await db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.participantId, participantId),
          sql`${notifications.seq} > (select a.seq from notifications a where a.id = ${afterId} and a.participant_id = ${participantId})`,
        ),
      )
      .orderBy(sql`${notifications.seq} desc nulls last`)
      .limit(limit);
    return rows.reverse();
  },

  /** Marks the member's own unread ones among `ids`; returns the ids it marked. */
  async markRead(db: DbOrTx, participantId: string, ids: readonly string[]): Promise<string[]> {
    const rows = await db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.participantId, participantId), inArray(notifications.id, [...ids]), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.map((r) => r.id);
  },

  async markAllRead(db: DbOrTx, participantId: string): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.participantId, participantId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },

  /**
   * One batch of the retention rule (notifications-retention in docs/features/notifications.md): rows older than
   * `maxAgeDays`, read rows older than `readMaxAgeDays`, and a member's rows beyond their newest `maxPerMember`.
   * Returns how many it deleted; the job repeats it until a batch deletes fewer than `batch`.
   */
  async deleteExpired(db: DbOrTx, rule: RetentionRule): Promise<number> {
    const byAge = rowsOf<{ id: string }>(
      await db.execute(sql`
        delete from notifications where id in (
          select id from notifications
          where created_at < now() - make_interval(days => ${rule.maxAgeDays}::int)
             or (read_at is not null and created_at < now() - make_interval(days => ${rule.readMaxAgeDays}::int))
          limit ${rule.batch}::int)
        returning id`),
    ).length;
    const overCap = rowsOf<{ id: string }>(
      await db.execute(sql`
        delete from notifications where id in (
          select n.id from (
            select participant_id from notifications group by participant_id having count(*) > ${rule.maxPerMember}::int
          ) heavy
          cross join lateral (
            select id from notifications x where x.participant_id = heavy.participant_id
            order by x.seq desc nulls last offset ${rule.maxPerMember}::int limit ${rule.batch}::int
          ) n
          limit ${rule.batch}::int)
        returning id`),
    ).length;
    return byAge + overCap;
  },
};
