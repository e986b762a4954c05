import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { senToRupiah } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { sandboxPaymentCharges, type IuranChannel, type SandboxChargeRow } from "./iuran.table.ts";

/** The headers of a signed callback: unix seconds, and `v1=` + hex HMAC-SHA256 over `${timestamp}.${rawBody}`. */
export const CALLBACK_TIMESTAMP_HEADER = "x-callback-timestamp";
export const CALLBACK_SIGNATURE_HEADER = "x-callback-signature";

/** The body a provider posts when a payment is paid (amount: a Rupiah decimal string). */
export interface PaymentCallback {
  event: "payment.paid";
  externalId: string;
  transactionId: string;
  code: string;
  channel: IuranChannel;
  amount: string;
  paidAt: string;
}

export type ChargeState =
  | { status: "PAID"; transactionId: string; paidAt: Date; amountSen: bigint }
  | { status: "EXPIRED" }
  | { status: "UNKNOWN" };

/**
 * How money comes in: a payment gateway that issues payment codes and calls our webhook when one is paid. A real
 * adapter (Xendit, Midtrans, a bank's VA host) implements the same three calls and signs its callbacks.
 */
export interface PaymentGatewayPort {
  readonly provider: string;
  /** Issues the code for a charge; the same externalId asked again answers the same code. */
  createCharge(req: { externalId: string; channel: IuranChannel; amountSen: bigint; expiresAt: Date; customerName: string }): Promise<{ code: string }>;
  /** Closes a charge that was not paid (its code stops working) and says how it ended: a paid one stays PAID. */
  expireCharge(externalId: string): Promise<ChargeState>;
}

export function signCallback(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/** Constant-time check of a `v1=` signature. */
export function verifySignature(secret: string, timestamp: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(signCallback(secret, Number(timestamp), rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Payment codes in the formats the channels use: a bank VA is the bank's company/client prefix and the customer
 * number (BNI 16 digits from 988, BRI 15 digits from a 5-digit BRIVA company code, Mandiri 16 digits from an 88xxx
 * biller code, BCA 16 digits from a 5-digit company code); a retail outlet code is 12 letters and digits read out at
 * the till; an e-wallet payment is a 12-digit reference the wallet app opens. The company codes are made up.
 */
export function paymentCodeFor(channel: IuranChannel): string {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
  switch (channel) {
    case "VA_BNI":
      return `98827315${digits(8)}`;
    case "VA_BRI":
      return `26215${digits(10)}`;
    case "VA_MANDIRI":
      return `88608${digits(11)}`;
    case "VA_BCA":
      return `10766${digits(11)}`;
    case "RETAIL": {
      const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
      return `JMO${Array.from({ length: 9 }, () => alphabet[randomInt(alphabet.length)]).join("")}`;
    }
    case "EWALLET":
      return `77${digits(10)}`;
  }
}

export interface SandboxPayResult {
  /** The charge as the sandbox's book has it after the attempt. */
  charge: SandboxChargeRow;
  /** The HTTP status our webhook answered (null: no callback sent, the charge was not payable). */
  callbackStatus: number | null;
}

/**
 * The sandbox gateway. Its book is `sandbox_payment_charges`, written on its own connection (never in the caller's
 * transaction): a charge is PENDING until paid before its expiry or expired. Paying sends the signed callback to the
 * webhook URL of the server it runs in, over real HTTP, like a provider would.
 */
export class SandboxPaymentGateway implements PaymentGatewayPort {
  readonly provider = "sandbox";
  /** Set by the server once it listens (http://host:port/webhooks/payments/sandbox). */
  callbackUrl: string | null = null;

  constructor(
    private readonly database: Database,
    readonly secret: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async createCharge(req: { externalId: string; channel: IuranChannel; amountSen: bigint; expiresAt: Date }): Promise<{ code: string }> {
    const db = this.database.db;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        const inserted = await db
          .insert(sandboxPaymentCharges)
          .values({ externalId: req.externalId, channel: req.channel, code: paymentCodeFor(req.channel), amountSen: req.amountSen, status: "PENDING", expiresAt: req.expiresAt })
          .onConflictDoNothing({ target: sandboxPaymentCharges.externalId })
          .returning();
        const row = inserted[0] ?? (await this.find(req.externalId));
        return { code: row!.code };
      } catch (error) {
        // A code drawn twice (unique): draw again.
        if (attempt === 4) throw error;
      }
    }
    throw new Error("unreachable");
  }

  async expireCharge(externalId: string): Promise<ChargeState> {
    await this.database.db
      .update(sandboxPaymentCharges)
      .set({ status: "EXPIRED" })
      .where(and(eq(sandboxPaymentCharges.externalId, externalId), eq(sandboxPaymentCharges.status, "PENDING")));
    const row = await this.find(externalId);
    if (!row) return { status: "UNKNOWN" };
    if (row.status === "PAID") return { status: "PAID", transactionId: row.transactionId!, paidAt: row.paidAt!, amountSen: row.amountSen };
    return { status: "EXPIRED" };
  }

  /**
   * The member pays at the channel: the charge becomes PAID (only while PENDING and not past its expiry, in one
   * statement, so it cannot race the expiry), then the callback goes to our webhook. A charge already paid sends its
   * callback again (as providers retry), with the same transaction id.
   */
  async pay(externalId: string): Promise<SandboxPayResult> {
    const now = this.clock();
    const db = this.database.db;
    const transactionId = `SBX-TX-${randomBytes(8).toString("hex").toUpperCase()}`;
    await db
      .update(sandboxPaymentCharges)
      .set({ status: "PAID", transactionId, paidAt: now })
      .where(
        and(eq(sandboxPaymentCharges.externalId, externalId), eq(sandboxPaymentCharges.status, "PENDING"), gt(sandboxPaymentCharges.expiresAt, now)),
      );
    const charge = await this.find(externalId);
    if (!charge || charge.status !== "PAID") {
      if (charge?.status === "PENDING") await this.expireCharge(externalId);
      return { charge: (await this.find(externalId)) ?? charge!, callbackStatus: null };
    }
    return { charge, callbackStatus: await this.sendCallback(charge) };
  }

  /** Posts the signed callback of a paid charge; returns the HTTP status. */
  async sendCallback(charge: SandboxChargeRow, options: { timestamp?: number; secret?: string } = {}): Promise<number> {
    if (!this.callbackUrl) throw new Error("sandbox gateway: no callback URL (the server is not listening)");
    const body = JSON.stringify(callbackBody(charge));
    const timestamp = options.timestamp ?? Math.floor(this.clock().getTime() / 1000);
    const res = await fetch(this.callbackUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [CALLBACK_TIMESTAMP_HEADER]: String(timestamp),
        [CALLBACK_SIGNATURE_HEADER]: signCallback(options.secret ?? this.secret, timestamp, body),
      },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  }

  async find(externalId: string): Promise<SandboxChargeRow | undefined> {
    return (await this.database.db.select().from(sandboxPaymentCharges).where(eq(sandboxPaymentCharges.externalId, externalId)).limit(1))[0];
  }
}

export function callbackBody(charge: SandboxChargeRow): PaymentCallback {
  return {
    event: "payment.paid",
    externalId: charge.externalId,
    transactionId: charge.transactionId!,
    code: charge.code,
    channel: charge.channel as IuranChannel,
    amount: senToRupiah(charge.amountSen),
    paidAt: charge.paidAt!.toISOString(),
  };
}
