import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participants } from "../participants/participant.table.ts";

export const NOTIFICATION_KINDS = [
  "KLAIM_STATUS",
  "PENGKINIAN_RESULT",
  "NEW_DEVICE_SIGN_IN",
  "IURAN_PAYMENT",
  "IURAN_DUE",
  "PENGADUAN_REPLY",
  "PENGADUAN_STATUS",
  "KECELAKAAN_STATUS",
  "ANTREAN_BOOKED",
  "ANTREAN_REMINDER",
] as const;

export const notificationKindEnum = pgEnum("notification_kind", NOTIFICATION_KINDS);

/**
 * A member's kotak masuk. Only the kind and its parameters are stored: the text is rendered when read, in the
 * reader's language, from the message catalogue (common/i18n.ts), so a wording fix reaches old notifications too.
 * `seq` orders the list (newest first) and is the cursor; rows are deleted by the retention job
 * (notifications-retention.ts), never updated except `read_at`.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    kind: notificationKindEnum("kind").notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull(),
    // What the notification is about (a klaim, a payment, a ticket…): a type name and that object's database id.
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    // The list, newest first, and its keyset pages.
    index("notifications_participant_seq_idx").on(t.participantId, t.seq.desc()),
    // unreadCount and the unread-only list read only the unread rows.
    index("notifications_unread_idx").on(t.participantId, t.seq.desc()).where(sql`${t.readAt} is null`),
    // The retention job deletes by age.
    index("notifications_created_idx").on(t.createdAt),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationKindValue = (typeof NOTIFICATION_KINDS)[number];
