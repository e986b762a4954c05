import { bigint, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { paymentRailEnum } from "./klaim.table.ts";

const sen = (name: string) => bigint(name, { mode: "bigint" });

export const bankTransferStatusEnum = pgEnum("bank_transfer_status", ["SCHEDULED", "PAID", "FAILED"]);

/**
 * The sandbox bank's own book of transfers (what a partner bank keeps on its side). One row per reference, so the
 * same reference asked twice, even after a restart, returns the first transfer instead of paying again.
 */
export const bankTransfers = pgTable("bank_transfers", {
  id: uuid("id").primaryKey().defaultRandom(),
  // The payer's idempotency key: the klaim id.
  reference: text("reference").notNull().unique(),
  bankCode: text("bank_code").notNull(),
  accountNumber: text("account_number").notNull(),
  accountName: text("account_name").notNull(),
  amountSen: sen("amount_sen").notNull(),
  rail: paymentRailEnum("rail").notNull(),
  status: bankTransferStatusEnum("status").notNull(),
  // The clearing window a KLIRING transfer waits for.
  scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
  paidAt: timestamp("paid_at", { withTimezone: true }),
  // The bank's own reference of the transfer, shown to the participant as proof of payment.
  transferReference: text("transfer_reference").notNull(),
  failureReason: text("failure_reason"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type BankTransferRow = typeof bankTransfers.$inferSelect;
