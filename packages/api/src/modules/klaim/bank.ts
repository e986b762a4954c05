import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { findBank, type PaymentRail } from "../reference/banks.ts";
import { nextBankingWindow } from "./banking-calendar.ts";
import { bankTransfers, type BankTransferRow } from "./bank-transfer.table.ts";

export interface BankTransferRequest {
  /** The payer's idempotency key (the klaim id): the same reference twice never pays twice. */
  reference: string;
  bankCode: string;
  accountNumber: string;
  accountName: string;
  amountSen: bigint;
}

export type BankTransferResult =
  | { status: "PAID"; rail: PaymentRail; transferReference: string; paidAt: Date }
  | { status: "SCHEDULED"; rail: "KLIRING"; transferReference: string; scheduledFor: Date }
  | { status: "FAILED"; reason: string };

/** How JHT money leaves BPJS Ketenagakerjaan. Asking again with the same reference returns the same transfer. */
export interface BankTransferPort {
  transfer(req: BankTransferRequest): Promise<BankTransferResult>;
}

/**
 * The sandbox bank. Partner banks (rail REALTIME: BNI, Mandiri, BRI, BCA) are paid at once; every other bank by
 * clearing (KLIRING) in the next banking window (banking-calendar.ts): at once while a window is open, otherwise
 * SCHEDULED for the window's opening and PAID when asked again from then on. An unknown bank code FAILS, and so
 * does a reference asked again for another account or amount.
 *
 * Its book is the `bank_transfers` table, written on its own connection (never inside the caller's transaction,
 * as a real bank would not be): the idempotency survives restarts and a caller's rollback.
 */
export class SandboxBank implements BankTransferPort {
  constructor(
    private readonly database: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async transfer(req: BankTransferRequest): Promise<BankTransferResult> {
    const now = this.clock();
    const db = this.database.db;
    let row = (await db.select().from(bankTransfers).where(eq(bankTransfers.reference, req.reference)).limit(1))[0];
    if (!row) {
      const bank = findBank(req.bankCode);
      const rail = bank?.rail ?? "KLIRING";
      const window = rail === "KLIRING" ? nextBankingWindow(now) : now;
      const status = !bank ? "FAILED" : window.getTime() <= now.getTime() ? "PAID" : "SCHEDULED";
      const inserted = await db
        .insert(bankTransfers)
        .values({
          reference: req.reference,
          bankCode: req.bankCode,
          accountNumber: req.accountNumber,
          accountName: req.accountName,
          amountSen: req.amountSen,
          rail,
          status,
          scheduledFor: status === "SCHEDULED" ? window : null,
          paidAt: status === "PAID" ? now : null,
          transferReference: transferReferenceFor(rail, now),
          failureReason: bank ? null : `kode bank ${req.bankCode} tidak dikenal`,
        })
        // Two callers at once with one reference: the first insert wins, the other reads it.
        .onConflictDoNothing({ target: bankTransfers.reference })
        .returning();
      row = inserted[0] ?? (await db.select().from(bankTransfers).where(eq(bankTransfers.reference, req.reference)).limit(1))[0]!;
    } else if (!sameTransfer(row, req)) {
      return { status: "FAILED", reason: "referensi sudah dipakai untuk transfer lain" };
    }
    if (row.status === "SCHEDULED" && row.scheduledFor!.getTime() <= now.getTime()) {
      // The clearing window came: the bank settled it at the window's opening.
      const [settled] = await db
        .update(bankTransfers)
        .set({ status: "PAID", paidAt: row.scheduledFor })
        .where(eq(bankTransfers.id, row.id))
        .returning();
      row = settled!;
    }
    return resultOf(row);
  }
}

function sameTransfer(row: BankTransferRow, req: BankTransferRequest): boolean {
  return row.bankCode === req.bankCode && row.accountNumber === req.accountNumber && row.amountSen === req.amountSen;
}

function resultOf(row: BankTransferRow): BankTransferResult {
  if (row.status === "FAILED") return { status: "FAILED", reason: row.failureReason ?? "transfer gagal" };
  if (row.status === "SCHEDULED") return { status: "SCHEDULED", rail: "KLIRING", transferReference: row.transferReference, scheduledFor: row.scheduledFor! };
  return { status: "PAID", rail: row.rail, transferReference: row.transferReference, paidAt: row.paidAt! };
}

/** e.g. `SBX-RT-20261123-7Q2M9XKD` (RT: real time, KL: kliring); the date in WIB. */
function transferReferenceFor(rail: PaymentRail, now: Date): string {
  const day = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10).replaceAll("-", "");
  return `SBX-${rail === "REALTIME" ? "RT" : "KL"}-${day}-${randomBytes(5).toString("hex").toUpperCase()}`;
}
