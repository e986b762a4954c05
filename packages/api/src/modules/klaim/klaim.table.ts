import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgEnum, pgSequence, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { participants } from "../participants/participant.table.ts";
import { cards } from "../cards/card.table.ts";
import { pengaduanAttachmentTypeEnum } from "../pengaduan/pengaduan.table.ts";

const sen = (name: string) => bigint(name, { mode: "bigint" });

// PEMILIKAN_RUMAH (30%) and KEPERLUAN_LAIN (10%): the purposes of a partial claim (PP 46/2015 art. 22(5)).
export const sebabKlaimEnum = pgEnum("sebab_klaim", ["MENGUNDURKAN_DIRI", "PHK", "PEMILIKAN_RUMAH", "KEPERLUAN_LAIN"]);
/** PENUH: the whole saldo; SEBAGIAN_10 / SEBAGIAN_30: klaim JHT sebagian (docs/domain/klaim-sebagian.md). */
export const klaimJenisEnum = pgEnum("klaim_jenis", ["PENUH", "SEBAGIAN_10", "SEBAGIAN_30"]);
export type KlaimJenisValue = (typeof klaimJenisEnum.enumValues)[number];
/** The share of the saldo each kind pays, in percent. */
export const PERSENTASE_KLAIM: Record<KlaimJenisValue, number> = { PENUH: 100, SEBAGIAN_10: 10, SEBAGIAN_30: 30 };
export const klaimChannelEnum = pgEnum("klaim_channel", ["JMO", "LAPAK_ASIK", "KANTOR_CABANG"]);
export const klaimStatusEnum = pgEnum("klaim_status", [
  "DRAFT",
  "AGENDA",
  "VERIFIKASI",
  "PENETAPAN",
  "PEMBAYARAN",
  "SELESAI",
  "DITOLAK",
  "DIBATALKAN",
]);
export const paymentRailEnum = pgEnum("payment_rail", ["REALTIME", "KLIRING"]);

/** Statuses in which a claim is "in progress" for its card (at most one per card, see the partial unique index). */
export const OPEN_KLAIM_STATUSES = ["DRAFT", "AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN"] as const;

/** Steps of the submission flow, in the order the server requires them. */
export const KLAIM_STEPS = ["KEPESERTAAN", "BIOMETRIK", "REKENING", "KONFIRMASI"] as const;
export type KlaimStepName = (typeof KLAIM_STEPS)[number];

/** Feeds the human claim number (`JHT-YYYYMMDD-000123`, the date in WIB); unique, not meant to be unguessable. */
export const klaimNomorSeq = pgSequence("klaim_nomor_seq", { startWith: 1, increment: 1 });

export const klaims = pgTable(
  "klaims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nomor: text("nomor")
      .notNull()
      .unique()
      .default(
        sql`'JHT-' || to_char(now() at time zone 'Asia/Jakarta', 'YYYYMMDD') || '-' || lpad(nextval('klaim_nomor_seq')::text, 6, '0')`,
      ),
    participantId: uuid("participant_id").notNull().references(() => participants.id),
    cardId: uuid("card_id").notNull().references(() => cards.id),
    sebab: sebabKlaimEnum("sebab").notNull(),
    jenis: klaimJenisEnum("jenis").notNull().default("PENUH"),
    // 100, 10 or 30 (PERSENTASE_KLAIM), kept on the claim so the rincian explains itself.
    persentase: integer("persentase").notNull().default(100),
    channel: klaimChannelEnum("channel").notNull().default("JMO"),
    status: klaimStatusEnum("status").notNull().default("DRAFT"),
    completedSteps: text("completed_steps").array().notNull().default(sql`'{}'::text[]`),
    kpjAttempts: integer("kpj_attempts").notNull().default(0),
    biometricAttempts: integer("biometric_attempts").notNull().default(0),
    // Digits only; never leave the server unmasked.
    npwp: text("npwp"),
    bankCode: text("bank_code"),
    bankAccountNumber: text("bank_account_number"),
    bankAccountName: text("bank_account_name"),
    // The rincian: shown at klaimJhtSetRekening, recomputed and locked at submit.
    saldoSen: sen("saldo_sen"),
    // The gross amount claimed: the saldo for PENUH, floor(saldo × persentase / 100) to the sen for a partial claim;
    // null on claims made before partial claims existed (read as saldo_sen). Tax is on it; it leaves the JHT account.
    jumlahSen: sen("jumlah_sen"),
    pajakSen: sen("pajak_sen"),
    dibayarkanSen: sen("dibayarkan_sen"),
    taxRule: text("tax_rule"),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key"),
    paymentRail: paymentRailEnum("payment_rail"),
    transferReference: text("transfer_reference"),
    onHold: boolean("on_hold").notNull().default(false),
    holdReason: text("hold_reason"),
    rejectionReason: text("rejection_reason"),
    // When the worker may take the next step (now() at submit).
    nextActionAt: timestamp("next_action_at", { withTimezone: true }),
    // The sequence of the last klaim_events row (appendKlaimEvent increments it).
    lastSequence: integer("last_sequence").notNull().default(0),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One claim in progress per card: two concurrent starts or submits still make one.
    uniqueIndex("klaims_one_open_per_card")
      .on(t.cardId)
      .where(sql`${t.status} in ('DRAFT', 'AGENDA', 'VERIFIKASI', 'PENETAPAN', 'PEMBAYARAN')`),
    // Klaim JHT sebagian once per membership: one partial claim per participant unless it was rejected or cancelled;
    // two concurrent starts (or two cards) still make one.
    uniqueIndex("klaims_one_sebagian_per_participant")
      .on(t.participantId)
      .where(sql`${t.jenis} <> 'PENUH' and ${t.status} not in ('DITOLAK', 'DIBATALKAN')`),
    uniqueIndex("klaims_idempotency").on(t.participantId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index("klaims_participant_idx").on(t.participantId, t.createdAt.desc()),
    index("klaims_status_next_action_idx").on(t.status, t.nextActionAt),
  ],
);

/** Status changes of a claim, append-only, numbered per claim from 1 (AGENDA at submit). */
export const klaimEvents = pgTable(
  "klaim_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    klaimId: uuid("klaim_id").notNull().references(() => klaims.id),
    sequence: integer("sequence").notNull(),
    status: klaimStatusEnum("status").notNull(),
    note: text("note"),
    // 'system', 'participant', or a staff account id.
    actor: text("actor"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("klaim_events_klaim_sequence_unique").on(t.klaimId, t.sequence)],
);

/**
 * The bank's housing document of a 30% partial claim (surat keterangan / perjanjian kredit pemilikan rumah). The bytes
 * live behind the AttachmentStorePort (pengaduan-attachments.ts) under `klaim/<klaimId>/<id>`; this row keeps what was
 * checked: the type read from the bytes, their size and hash.
 */
export const klaimDokumen = pgTable(
  "klaim_dokumen",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    klaimId: uuid("klaim_id").notNull().references(() => klaims.id),
    fileName: text("file_name").notNull(),
    type: pengaduanAttachmentTypeEnum("type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("klaim_dokumen_klaim_idx").on(t.klaimId, t.createdAt)],
);

export type KlaimRow = typeof klaims.$inferSelect;
export type KlaimDokumenRow = typeof klaimDokumen.$inferSelect;
export type KlaimEventRow = typeof klaimEvents.$inferSelect;
export type KlaimStatusValue = (typeof klaimStatusEnum.enumValues)[number];
