import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cards } from "../cards/card.table.ts";
import { participants } from "../participants/participant.table.ts";

const sen = (name: string) => bigint(name, { mode: "bigint" });

export const IURAN_CHANNELS = ["VA_BNI", "VA_BRI", "VA_MANDIRI", "VA_BCA", "RETAIL", "EWALLET"] as const;
export type IuranChannel = (typeof IURAN_CHANNELS)[number];

export const bpuPaymentChannelEnum = pgEnum("bpu_payment_channel", IURAN_CHANNELS);
export const bpuPaymentStatusEnum = pgEnum("bpu_payment_status", ["OPEN", "PAID", "EXPIRED", "CANCELLED"]);
export type BpuPaymentStatus = (typeof bpuPaymentStatusEnum.enumValues)[number];

/** Feeds the receipt number (`BPU-YYYYMMDD-000123`, the paid date in WIB). */
export const bpuReceiptNumberSeq = pgSequence("bpu_receipt_number_seq", { startWith: 1, increment: 1 });

/**
 * A BPU member's payment: one payment code for `months` consecutive months from `firstPeriod`, with each program's
 * total as billed (integer sen). OPEN until the provider's callback makes it PAID, the reconciliation job EXPIRED,
 * or the member CANCELLED. The amounts are fixed at creation: a later change of income or programs applies to the
 * months not yet paid.
 */
export const bpuPayments = pgTable(
  "bpu_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cardId: uuid("card_id").notNull().references(() => cards.id),
    participantId: uuid("participant_id").notNull().references(() => participants.id),
    // The payment code the member types or scans: a VA number, a retail code, an e-wallet reference.
    code: text("code").notNull(),
    channel: bpuPaymentChannelEnum("channel").notNull(),
    months: integer("months").notNull(),
    firstPeriod: date("first_period", { mode: "string" }).notNull(),
    // The income and JHT choice the months were billed on.
    declaredIncomeSen: sen("declared_income_sen").notNull(),
    jht: boolean("jht").notNull(),
    jkkSen: sen("jkk_sen").notNull(),
    jkmSen: sen("jkm_sen").notNull(),
    jhtSen: sen("jht_sen").notNull(),
    amountSen: sen("amount_sen").notNull(),
    status: bpuPaymentStatusEnum("status").notNull().default("OPEN"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    provider: text("provider").notNull(),
    providerTransactionId: text("provider_transaction_id").unique(),
    idempotencyKey: text("idempotency_key").notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    lastSequence: integer("last_sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open payment per card: two concurrent creates still make one.
    uniqueIndex("bpu_payments_one_open_per_card").on(t.cardId).where(sql`${t.status} = 'OPEN'`),
    unique("bpu_payments_card_idempotency_unique").on(t.cardId, t.idempotencyKey),
    unique("bpu_payments_provider_code_unique").on(t.provider, t.code),
    index("bpu_payments_status_expires_idx").on(t.status, t.expiresAt),
    index("bpu_payments_card_idx").on(t.cardId, t.createdAt.desc()),
  ],
);

/** Status changes of a payment (OPEN at creation is sequence 1), for the subscription and its replay. */
export const bpuPaymentEvents = pgTable(
  "bpu_payment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id").notNull().references(() => bpuPayments.id),
    cardId: uuid("card_id").notNull().references(() => cards.id),
    sequence: integer("sequence").notNull(),
    status: bpuPaymentStatusEnum("status").notNull(),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("bpu_payment_events_payment_sequence_unique").on(t.paymentId, t.sequence), index("bpu_payment_events_card_idx").on(t.cardId, t.at)],
);

/**
 * Every callback that reached `POST /webhooks/payments/:provider`, raw, with what was done with it: the audit trail,
 * and the unmatched ones staff look at (a payment we do not know, one no longer open, an amount that differs).
 */
export const paymentWebhookDeliveries = pgTable(
  "payment_webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    body: text("body").notNull(),
    providerTransactionId: text("provider_transaction_id"),
    paymentId: uuid("payment_id"),
    outcome: text("outcome").notNull(),
    httpStatus: integer("http_status").notNull(),
  },
  (t) => [index("payment_webhook_deliveries_outcome_idx").on(t.outcome, t.receivedAt)],
);

/** The receipt of a paid payment (tanda bukti penerimaan iuran): written in the payment's transaction. */
export const bpuReceipts = pgTable("bpu_receipts", {
  paymentId: uuid("payment_id").primaryKey().references(() => bpuPayments.id),
  number: text("number").notNull().unique(),
  payerName: text("payer_name").notNull(),
  kpj: text("kpj").notNull(),
  issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Reminders sent before protection ends: one per card and protected-until date, whatever the job's reruns. */
export const bpuReminders = pgTable(
  "bpu_reminders",
  {
    cardId: uuid("card_id").notNull().references(() => cards.id),
    protectedUntil: date("protected_until", { mode: "string" }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("bpu_reminders_card_until_unique").on(t.cardId, t.protectedUntil)],
);

/**
 * The sandbox provider's own book (what a payment gateway keeps on its side), written on its own connection, never in
 * our transactions: PENDING until paid or expired, one transaction id per charge.
 */
export const sandboxPaymentCharges = pgTable("sandbox_payment_charges", {
  externalId: text("external_id").primaryKey(),
  channel: text("channel").notNull(),
  code: text("code").notNull().unique(),
  amountSen: sen("amount_sen").notNull(),
  status: text("status").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  transactionId: text("transaction_id").unique(),
  paidAt: timestamp("paid_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type BpuPaymentRow = typeof bpuPayments.$inferSelect;
export type BpuPaymentEventRow = typeof bpuPaymentEvents.$inferSelect;
export type PaymentWebhookDeliveryRow = typeof paymentWebhookDeliveries.$inferSelect;
export type BpuReceiptRow = typeof bpuReceipts.$inferSelect;
export type SandboxChargeRow = typeof sandboxPaymentCharges.$inferSelect;
