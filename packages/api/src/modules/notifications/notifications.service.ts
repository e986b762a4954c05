import type { Database, DbOrTx } from "../../db/database.ts";
import { PeriodicJob } from "../../common/periodic-job.ts";
import { emitEvent } from "../events/event-bus.ts";
import { notificationsRepository } from "./notifications.repository.ts";
import { notifications, type NotificationKindValue, type NotificationRow } from "./notifications.table.ts";

/**
 * What a notification is about. The params each kind's text uses (common/i18n.ts, notificationText):
 * - KLAIM_STATUS: nomor (claim number), status (KlaimStatus), reason? (staff note on DITOLAK)
 * - PENGKINIAN_RESULT: status (TERVERIFIKASI | DITOLAK), reason? (a PengkinianRejection code: shown as its sentence)
 * - NEW_DEVICE_SIGN_IN: device ("Chrome on Android"; the notification's time is the sign-in's)
 * - IURAN_PAYMENT: amount (Rupiah, "123456.00"), months, receiptNumber, kpjMasked
 * - IURAN_DUE: protectedUntil (YYYY-MM-DD), kpjMasked
 * - PENGADUAN_REPLY: nomor (ticket number)
 * - PENGADUAN_STATUS: nomor, status (ticket status), reason?
 * - KECELAKAAN_STATUS: nomor (report number), status (report status), reason?
 * A missing param renders as nothing (or a generic word), never as "undefined".
 */
export type NotificationKind = NotificationKindValue;

/** Event-bus topic of new notifications; the routing key is the participant's (database) id. */
export const NOTIFICATIONS_TOPIC = "NOTIFICATIONS";

export interface NotificationInput {
  participantId: string;
  kind: NotificationKind;
  params: Record<string, string>;
  subject?: { type: string; id: string };
}

/**
 * Stores a notification in the caller's transaction (and NOTIFYs on commit): none for what did not happen, none lost
 * for what did. Call it inside the transaction that makes the change the member hears about.
 */
export async function recordNotification(tx: DbOrTx, input: NotificationInput): Promise<void> {
  const [row] = await tx
    .insert(notifications)
    .values({
      participantId: input.participantId,
      kind: input.kind,
      params: input.params,
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
    })
    .returning({ id: notifications.id });
  await emitEvent(tx, NOTIFICATIONS_TOPIC, input.participantId, row!.id);
}

/**
 * The retention rule (docs/features/notifications.md): a notification is kept a year at most, a read one 90 days, and
 * a member keeps their newest 10,000; the job deletes the rest in batches.
 */
export const NOTIFICATION_RETENTION: RetentionRule = { maxAgeDays: 365, readMaxAgeDays: 90, maxPerMember: 10_000, batch: 5_000 };

export interface RetentionRule {
  /** Any notification older than this is deleted. */
  maxAgeDays: number;
  /** A read notification older than this is deleted. */
  readMaxAgeDays: number;
  /** A member keeps at most this many, the newest. */
  maxPerMember: number;
  /** Rows per delete statement. */
  batch: number;
}

/** The most stored notifications notificationReceived replays after a cursor (the newest of them, oldest first). */
export const REPLAY_LIMIT = 100;

/** The kotak masuk: a member's reads and marks, and the retention job. Writes come from recordNotification. */
export class NotificationService {
  constructor(private readonly database: Database) {}

  list(participantId: string, first: number, afterId: string | null, unreadOnly: boolean): Promise<{ rows: NotificationRow[]; hasNextPage: boolean }> {
    return notificationsRepository.page(this.database, participantId, first, afterId, unreadOnly);
  }

  unreadCount(participantId: string): Promise<number> {
    return notificationsRepository.unreadCount(this.database, participantId);
  }

  async findById(id: string | null): Promise<NotificationRow | null> {
    if (!id) return null;
    return (await notificationsRepository.findByIds(this.database.db, [id]))[0] ?? null;
  }

  findByIds(ids: readonly string[]): Promise<NotificationRow[]> {
    return notificationsRepository.findByIds(this.database.db, ids);
  }

  /** Stored notifications after the one named (oldest first, at most REPLAY_LIMIT of the newest). */
  replayAfter(participantId: string, afterId: string): Promise<NotificationRow[]> {
    return notificationsRepository.after(this.database.db, participantId, afterId, REPLAY_LIMIT);
  }

  /** Marks the member's own notifications among `ids` (others' ids mark nothing); the new unread count. */
  async markRead(participantId: string, ids: readonly string[]): Promise<{ marked: number; unreadCount: number }> {
    const marked = ids.length ? (await notificationsRepository.markRead(this.database.db, participantId, ids)).length : 0;
    return { marked, unreadCount: await this.unreadCount(participantId) };
  }

  async markAllRead(participantId: string): Promise<{ marked: number; unreadCount: number }> {
    const marked = await notificationsRepository.markAllRead(this.database.db, participantId);
    return { marked, unreadCount: await this.unreadCount(participantId) };
  }

  /** Applies the retention rule until nothing is left to delete; returns how many rows went. */
  async applyRetention(rule: RetentionRule = NOTIFICATION_RETENTION): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await notificationsRepository.deleteExpired(this.database.db, rule);
      total += deleted;
      if (deleted < rule.batch) return total;
    }
  }

  private readonly job = new PeriodicJob("notifications retention", () => this.applyRetention());

  /** Runs the retention job every `intervalMs` (0: off; tests call applyRetention). Instances may run it together. */
  startJobs(intervalMs: number): void {
    this.job.start(intervalMs);
  }

  stopJobs(): Promise<void> {
    return this.job.stop();
  }
}
