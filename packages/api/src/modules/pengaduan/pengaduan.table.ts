import { customType, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/account.table.ts";
import { cards } from "../cards/card.table.ts";
import { genderEnum, participants } from "../participants/participant.table.ts";

export const PENGADUAN_KATEGORI = ["KOREKSI_DATA", "PERUSAHAAN_TIDAK_MENDAFTARKAN", "KLAIM", "IURAN", "AKUN", "LAINNYA"] as const;
export type PengaduanKategoriValue = (typeof PENGADUAN_KATEGORI)[number];
export const PENGADUAN_STATUS = ["DITERIMA", "DIPROSES", "SELESAI", "DITOLAK"] as const;
export type PengaduanStatusValue = (typeof PENGADUAN_STATUS)[number];
export const ATTACHMENT_TYPES = ["JPEG", "PNG", "PDF"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const pengaduanKategoriEnum = pgEnum("pengaduan_kategori", PENGADUAN_KATEGORI);
export const pengaduanStatusEnum = pgEnum("pengaduan_status", PENGADUAN_STATUS);
export const pengaduanAuthorEnum = pgEnum("pengaduan_author", ["PESERTA", "PETUGAS"]);
export const pengaduanAttachmentTypeEnum = pgEnum("pengaduan_attachment_type", ATTACHMENT_TYPES);

/** The identity fields a KOREKSI_DATA ticket may correct: the proposed value and the record's when it was filed. */
export interface KoreksiDraft {
  fullName?: { before: string | null; proposed: string };
  birthPlace?: { before: string | null; proposed: string };
  birthDate?: { before: string | null; proposed: string };
  gender?: { before: string | null; proposed: (typeof genderEnum.enumValues)[number] };
}

/**
 * A member's ticket (pengaduan): a complaint or a data correction. `nomor` is ADU-YYYYMMDD-NNNN, sequential per WIB
 * day (pengaduan_daily_counters). `dueAt` is fixed at filing from the category's service-level target in working
 * days; an open ticket past it is late.
 */
export const pengaduan = pgTable(
  "pengaduan",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nomor: text("nomor").notNull().unique(),
    participantId: uuid("participant_id").notNull().references(() => participants.id),
    cardId: uuid("card_id").references(() => cards.id),
    kategori: pengaduanKategoriEnum("kategori").notNull(),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    // PERUSAHAAN_TIDAK_MENDAFTARKAN: the employer that did not register the member.
    employerName: text("employer_name"),
    koreksi: jsonb("koreksi").$type<KoreksiDraft>(),
    status: pengaduanStatusEnum("status").notNull().default("DITERIMA"),
    // The reason given with the last status change.
    statusReason: text("status_reason"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    unique("pengaduan_participant_idempotency_unique").on(t.participantId, t.idempotencyKey),
    index("pengaduan_participant_idx").on(t.participantId, t.createdAt.desc(), t.id.desc()),
    // The staff queue: open tickets by category, oldest first.
    index("pengaduan_queue_idx").on(t.status, t.kategori, t.createdAt, t.id),
  ],
);

/** The conversation: the member's opening message, replies from either side, and status changes with their reason. */
export const pengaduanMessages = pgTable(
  "pengaduan_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pengaduanId: uuid("pengaduan_id").notNull().references(() => pengaduan.id),
    author: pengaduanAuthorEnum("author").notNull(),
    authorAccountId: uuid("author_account_id").references(() => accounts.id),
    body: text("body"),
    // Set when this message changed the ticket's status (the body is then the reason).
    status: pengaduanStatusEnum("status"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pengaduan_messages_pengaduan_idx").on(t.pengaduanId, t.at, t.id)],
);

/** An attachment's metadata; its bytes live behind the AttachmentStorePort under `storageKey`. */
export const pengaduanAttachments = pgTable(
  "pengaduan_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pengaduanId: uuid("pengaduan_id").notNull().references(() => pengaduan.id),
    messageId: uuid("message_id").notNull().references(() => pengaduanMessages.id),
    fileName: text("file_name").notNull(),
    type: pengaduanAttachmentTypeEnum("type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pengaduan_attachments_pengaduan_idx").on(t.pengaduanId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** The database attachment store's bytes (DatabaseAttachmentStore); another store keeps them elsewhere. */
export const pengaduanAttachmentBlobs = pgTable("pengaduan_attachment_blobs", {
  key: text("key").primaryKey(),
  bytes: bytea("bytes").notNull(),
});

/** The last ticket number given on each WIB day: incremented in the filing transaction, so numbers have no gaps. */
export const pengaduanDailyCounters = pgTable("pengaduan_daily_counters", {
  day: date("day", { mode: "string" }).primaryKey(),
  last: integer("last").notNull(),
});

export type PengaduanRow = typeof pengaduan.$inferSelect;
export type PengaduanMessageRow = typeof pengaduanMessages.$inferSelect;
export type PengaduanAttachmentRow = typeof pengaduanAttachments.$inferSelect;
