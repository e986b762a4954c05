import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, lt, max, count, sql } from "drizzle-orm";
import { rupiahToSen, senToRupiah, UserErrorCode } from "@jmo/schema";
import type { Database, DbOrTx, Tx } from "../../db/database.ts";
import { canSee } from "../../common/access.ts";
import { ApiError, checkIdempotencyKey, DomainError, sqlStateOf } from "../../common/errors.ts";
import { logger } from "../../common/logger.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { accounts } from "../accounts/account.table.ts";
import type { NotifierPort } from "../accounts/notifier.ts";
import { bpuMemberships } from "../accounts/registration.table.ts";
import { personalDataAuditRepository } from "../audit/personal-data-audit.repository.ts";
import { cards, type CardRow } from "../cards/card.table.ts";
import { emitEvent } from "../events/event-bus.ts";
import { recordNotification } from "../notifications/notifications.service.ts";
import { maskKpj } from "../../common/mask.ts";
import { participants } from "../participants/participant.table.ts";
import { contributions } from "../saldo/saldo.table.ts";
import { addDays, computeBill, monthAmount, PAYABLE_MONTHS, periodsFrom, reminderDays, sumMonths, type Bill } from "./iuran-bill.ts";
import {
  bpuPaymentEvents,
  bpuPayments,
  bpuReceipts,
  bpuReminders,
  IURAN_CHANNELS,
  paymentWebhookDeliveries,
  type BpuPaymentEventRow,
  type BpuPaymentRow,
  type BpuPaymentStatus,
  type BpuReceiptRow,
  type IuranChannel,
  type PaymentWebhookDeliveryRow,
} from "./iuran.table.ts";
import { CALLBACK_SIGNATURE_HEADER, CALLBACK_TIMESTAMP_HEADER, verifySignature, type PaymentCallback, type PaymentGatewayPort, type SandboxPaymentGateway } from "./payment-gateway.ts";

/** Event-bus topic of payment status events; routed by the card's id (a subscription by payment filters it). */
export const IURAN_BPU_EVENTS_TOPIC = "IURAN_BPU_EVENTS";
export const CARD_STATUS_AUDIT_FIELD = "cards.status";

/** How long a payment code stays payable (the providers' usual VA lifetime). */
export const PAYMENT_TTL_HOURS = 24;
/** How old a callback's timestamp may be (either way), against replays. */
export const CALLBACK_TOLERANCE_SECONDS = 300;
/** The largest callback body taken (a provider's callback is well under 2 kB). */
export const MAX_CALLBACK_BYTES = 16 * 1024;

export type CallbackOutcome =
  | "APPLIED"
  | "DUPLICATE"
  | "BAD_SIGNATURE"
  | "STALE_TIMESTAMP"
  | "MALFORMED"
  | "UNKNOWN_PROVIDER"
  | "UNKNOWN_PAYMENT"
  | "PAYMENT_NOT_OPEN"
  | "AMOUNT_MISMATCH";

/** Outcomes of a signed callback that matched nothing we could apply: staff look at these. */
export const UNMATCHED_OUTCOMES: readonly CallbackOutcome[] = ["UNKNOWN_PAYMENT", "PAYMENT_NOT_OPEN", "AMOUNT_MISMATCH"];

const HTTP_STATUS: Record<CallbackOutcome, number> = {
  APPLIED: 200,
  DUPLICATE: 200,
  BAD_SIGNATURE: 401,
  STALE_TIMESTAMP: 401,
  MALFORMED: 400,
  UNKNOWN_PROVIDER: 404,
  UNKNOWN_PAYMENT: 404,
  PAYMENT_NOT_OPEN: 409,
  AMOUNT_MISMATCH: 422,
};

export interface IuranServiceOptions {
  gateways: ReadonlyMap<string, PaymentGatewayPort>;
  notifier: NotifierPort;
  now: () => Date;
  today: () => string;
  sandbox: boolean;
}

export interface BillView {
  card: CardRow & { participantId: string };
  declaredIncomeSen: bigint;
  jht: boolean;
  bill: Bill;
  openPayment: BpuPaymentRow | null;
}

/**
 * Iuran BPU: bills from the ledger and the rule book, payments through a gateway, their signed callbacks, and the
 * jobs that expire unpaid codes and end protection (docs/features/iuran-bpu.md). A payment's effects (ledger months,
 * card status, receipt, event) happen in the one transaction that marks it PAID, under the payment row's lock.
 */
export class IuranService {
  constructor(
    private readonly database: Database,
    private readonly options: IuranServiceOptions,
  ) {}

  // ---- bills ----

  async bill(auth: AuthInfo, cardId: string | null): Promise<BillView> {
    const card = await this.ownCard(this.database.db, auth, cardId);
    return this.billOf(this.database.db, card, this.options.today());
  }

  private async billOf(db: DbOrTx, card: CardRow & { participantId: string }, today: string): Promise<BillView> {
    const [ledger] = await db.select({ last: max(contributions.period), n: count() }).from(contributions).where(eq(contributions.cardId, card.id));
    const terms = await this.termsOf(db, card.id);
    const bill = computeBill({
      cardStatus: card.status,
      lastPaidPeriod: ledger?.last ?? null,
      monthsPaid: Number(ledger?.n ?? 0),
      declaredIncomeSen: terms.declaredIncomeSen,
      jht: terms.jht,
      today,
    });
    const [open] = await db.select().from(bpuPayments).where(and(eq(bpuPayments.cardId, card.id), eq(bpuPayments.status, "OPEN")));
    return { card, ...terms, bill, openPayment: open ?? null };
  }

  /** The declared income and JHT choice (bpu_memberships); a card registered before it was kept: its last ledger month. */
  private async termsOf(db: DbOrTx, cardId: string): Promise<{ declaredIncomeSen: bigint; jht: boolean }> {
    const [membership] = await db.select().from(bpuMemberships).where(eq(bpuMemberships.cardId, cardId));
    if (membership) return { declaredIncomeSen: membership.declaredIncomeSen, jht: membership.jht };
    const [last] = await db.select().from(contributions).where(eq(contributions.cardId, cardId)).orderBy(desc(contributions.period)).limit(1);
    if (!last) throw new DomainError(UserErrorCode.IURAN_BPU_NOT_BPU_CARD, ["cardId"]);
    return { declaredIncomeSen: last.wageSen, jht: last.jhtWorkerSen > 0n };
  }

  private async ownCard(db: DbOrTx, auth: AuthInfo, cardId: string | null, lock = false): Promise<CardRow & { participantId: string }> {
    const query = db.select().from(cards).where(eq(cards.id, cardId ?? "00000000-0000-0000-0000-000000000000"));
    const [card] = lock ? await query.for("update") : await query;
    // Another participant's card answers as an unknown one.
    if (!cardId || !card?.participantId || !canSee(auth, card.participantId)) {
      throw new DomainError(UserErrorCode.CARD_NOT_FOUND, ["input", "cardId"]);
    }
    if (card.segment !== "BPU") throw new DomainError(UserErrorCode.IURAN_BPU_NOT_BPU_CARD, ["input", "cardId"]);
    return card as CardRow & { participantId: string };
  }

  // ---- payments ----

  async createPayment(auth: AuthInfo, input: { cardId: string | null; months: number; channel: IuranChannel; idempotencyKey: string }): Promise<BpuPaymentRow> {
    checkIdempotencyKey(input.idempotencyKey);
    if (!(PAYABLE_MONTHS as readonly number[]).includes(input.months)) throw new DomainError(UserErrorCode.IURAN_BPU_MONTHS_INVALID, ["input", "months"]);
    if (!IURAN_CHANNELS.includes(input.channel)) throw new DomainError(UserErrorCode.INVALID_INPUT, ["input", "channel"]);
    const db = this.database.db;
    const card = await this.ownCard(db, auth, input.cardId);
    // A retry with the same key answers the payment it made.
    const [replay] = await db.select().from(bpuPayments).where(and(eq(bpuPayments.cardId, card.id), eq(bpuPayments.idempotencyKey, input.idempotencyKey)));
    if (replay) {
      if (replay.months !== input.months || replay.channel !== input.channel) throw new DomainError(UserErrorCode.IDEMPOTENCY_KEY_REUSED, ["input", "idempotencyKey"]);
      return replay;
    }
    const view = await this.billOf(db, card, this.options.today());
    if (view.openPayment) throw new DomainError(UserErrorCode.IURAN_BPU_PAYMENT_OPEN, ["input", "cardId"], { code: view.openPayment.code });
    if (view.bill.protection === "BERAKHIR") throw new DomainError(UserErrorCode.IURAN_BPU_MEMBERSHIP_ENDED, ["input", "cardId"]);
    const option = view.bill.options.find((o) => o.months === input.months);
    if (!option) throw new DomainError(UserErrorCode.IURAN_BPU_MONTHS_INVALID, ["input", "months"]);
    const [payer] = await db.select({ fullName: participants.fullName }).from(participants).where(eq(participants.id, card.participantId));
    const gateway = this.defaultGateway();
    const id = randomUUID();
    const expiresAt = new Date(this.options.now().getTime() + PAYMENT_TTL_HOURS * 3600_000);
    // The gateway is asked before our transaction (it is idempotent on our id), as the klaim worker asks its bank.
    const { code } = await gateway.createCharge({ externalId: id, channel: input.channel, amountSen: option.total.totalSen, expiresAt, customerName: payer?.fullName ?? "" });
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(bpuPayments)
          .values({
            id,
            cardId: card.id,
            participantId: card.participantId,
            code,
            channel: input.channel,
            months: input.months,
            firstPeriod: view.bill.nextPeriod,
            declaredIncomeSen: view.declaredIncomeSen,
            jht: view.jht,
            jkkSen: option.total.jkkSen,
            jkmSen: option.total.jkmSen,
            jhtSen: option.total.jhtSen,
            amountSen: option.total.totalSen,
            expiresAt,
            provider: gateway.provider,
            idempotencyKey: input.idempotencyKey,
          })
          .returning();
        await appendPaymentEvent(tx, row!, "OPEN", null);
        return row!;
      });
    } catch (error) {
      // Two creates at once: the partial unique index lets one open payment per card, the key one payment per retry.
      if (sqlStateOf(error) === "23505") {
        const [again] = await db.select().from(bpuPayments).where(and(eq(bpuPayments.cardId, card.id), eq(bpuPayments.idempotencyKey, input.idempotencyKey)));
        if (again) return again;
        const [open] = await db.select().from(bpuPayments).where(and(eq(bpuPayments.cardId, card.id), eq(bpuPayments.status, "OPEN")));
        throw new DomainError(UserErrorCode.IURAN_BPU_PAYMENT_OPEN, ["input", "cardId"], { code: open?.code ?? "" });
      }
      throw error;
    }
  }

  private defaultGateway(): PaymentGatewayPort {
    const gateway = this.options.gateways.values().next().value;
    if (!gateway) throw new ApiError("FORBIDDEN", { detail: "NO_PAYMENT_PROVIDER" });
    return gateway;
  }

  async findPayment(id: string | null): Promise<BpuPaymentRow | null> {
    if (!id) return null;
    const [row] = await this.database.db.select().from(bpuPayments).where(eq(bpuPayments.id, id));
    return row ?? null;
  }

  async receipt(paymentId: string): Promise<BpuReceiptRow | null> {
    const [row] = await this.database.db.select().from(bpuReceipts).where(eq(bpuReceipts.paymentId, paymentId));
    return row ?? null;
  }

  async eventsAfter(paymentId: string, afterSequence: number): Promise<BpuPaymentEventRow[]> {
    return this.database.db
      .select()
      .from(bpuPaymentEvents)
      .where(and(eq(bpuPaymentEvents.paymentId, paymentId), sql`${bpuPaymentEvents.sequence} > ${afterSequence}`))
      .orderBy(asc(bpuPaymentEvents.sequence));
  }

  async findEvent(id: string): Promise<{ event: BpuPaymentEventRow; payment: BpuPaymentRow } | null> {
    const [event] = await this.database.db.select().from(bpuPaymentEvents).where(eq(bpuPaymentEvents.id, id));
    const payment = event ? await this.findPayment(event.paymentId) : null;
    return event && payment ? { event, payment } : null;
  }

  /**
   * Sandbox only (FORBIDDEN, detail SANDBOX_ONLY, in production): the member pays their open payment at the sandbox
   * provider, which calls our webhook over HTTP; answers the payment as it is afterwards.
   */
  async sandboxPay(auth: AuthInfo, paymentId: string | null): Promise<BpuPaymentRow> {
    if (!this.options.sandbox) throw new ApiError("FORBIDDEN", { detail: "SANDBOX_ONLY" });
    const payment = await this.findPayment(paymentId);
    if (!payment || !canSee(auth, payment.participantId)) {
      throw new DomainError(UserErrorCode.IURAN_BPU_PAYMENT_NOT_FOUND, ["input", "paymentId"]);
    }
    const gateway = this.options.gateways.get(payment.provider) as SandboxPaymentGateway | undefined;
    if (!gateway || typeof gateway.pay !== "function") throw new ApiError("FORBIDDEN", { detail: "SANDBOX_ONLY" });
    if (payment.status !== "OPEN") throw new DomainError(UserErrorCode.IURAN_BPU_PAYMENT_NOT_OPEN, ["input", "paymentId"]);
    await gateway.pay(payment.id);
    return (await this.findPayment(payment.id))!;
  }

  // ---- the webhook ----

  /**
   * A provider's callback, as received: the signature over the raw body and the timestamp first, then the payment,
   * its status and amount, then the effects. Every callback is kept (payment_webhook_deliveries) with its outcome.
   */
  async handleCallback(provider: string, rawBody: string, headers: Record<string, string | undefined>): Promise<{ status: number; outcome: CallbackOutcome }> {
    const gateway = this.options.gateways.get(provider) as (PaymentGatewayPort & { secret?: string }) | undefined;
    const kept = { [CALLBACK_TIMESTAMP_HEADER]: headers[CALLBACK_TIMESTAMP_HEADER] ?? "", [CALLBACK_SIGNATURE_HEADER]: headers[CALLBACK_SIGNATURE_HEADER] ?? "" };
    const record = async (db: DbOrTx, outcome: CallbackOutcome, extra: { paymentId?: string; transactionId?: string } = {}) => {
      await db.insert(paymentWebhookDeliveries).values({
        provider: provider.slice(0, 50),
        headers: kept,
        body: rawBody,
        outcome,
        httpStatus: HTTP_STATUS[outcome],
        paymentId: extra.paymentId ?? null,
        providerTransactionId: extra.transactionId?.slice(0, 100) ?? null,
      });
      return { status: HTTP_STATUS[outcome], outcome };
    };
    const db = this.database.db;
    if (!gateway?.secret) return record(db, "UNKNOWN_PROVIDER");
    const timestamp = headers[CALLBACK_TIMESTAMP_HEADER] ?? "";
    const signature = headers[CALLBACK_SIGNATURE_HEADER] ?? "";
    if (!/^\d{1,12}$/.test(timestamp) || !verifySignature(gateway.secret, timestamp, rawBody, signature)) return record(db, "BAD_SIGNATURE");
    if (Math.abs(this.options.now().getTime() / 1000 - Number(timestamp)) > CALLBACK_TOLERANCE_SECONDS) return record(db, "STALE_TIMESTAMP");
    const callback = parseCallback(rawBody);
    if (!callback) return record(db, "MALFORMED");
    const payment = UUID.test(callback.externalId) ? await this.findPayment(callback.externalId) : null;
    if (!payment || payment.provider !== provider) return record(db, "UNKNOWN_PAYMENT", { transactionId: callback.transactionId });
    try {
      return await db.transaction(async (tx) => {
        const outcome = await this.applyPaid(tx, payment.id, { transactionId: callback.transactionId, amountSen: callback.amountSen, paidAt: callback.paidAt });
        // Refused outcomes roll nothing back but are recorded outside: a rolled-back transaction would lose them.
        if (outcome === "APPLIED" || outcome === "DUPLICATE") return record(tx, outcome, { paymentId: payment.id, transactionId: callback.transactionId });
        throw new Refused(outcome);
      });
    } catch (error) {
      if (error instanceof Refused) return record(db, error.outcome, { paymentId: payment.id, transactionId: callback.transactionId });
      // The same transaction id on two payments (the unique constraint): not ours to apply twice.
      if (sqlStateOf(error) === "23505") return record(db, "PAYMENT_NOT_OPEN", { paymentId: payment.id, transactionId: callback.transactionId });
      throw error;
    }
  }

  /**
   * Marks a payment PAID with its effects, under the payment row's lock: the months become ledger rows (the JHT
   * share feeds the saldo), the card becomes AKTIF (audited), the receipt is written and the event published on
   * commit. The same transaction id again is a DUPLICATE with no effect.
   */
  private async applyPaid(tx: Tx, paymentId: string, paid: { transactionId: string; amountSen: bigint; paidAt: Date }): Promise<CallbackOutcome> {
    const [payment] = await tx.select().from(bpuPayments).where(eq(bpuPayments.id, paymentId)).for("update");
    if (!payment) return "UNKNOWN_PAYMENT";
    if (payment.status === "PAID") return payment.providerTransactionId === paid.transactionId ? "DUPLICATE" : "PAYMENT_NOT_OPEN";
    if (payment.status !== "OPEN") return "PAYMENT_NOT_OPEN";
    if (paid.paidAt.getTime() > payment.expiresAt.getTime()) return "PAYMENT_NOT_OPEN";
    if (paid.amountSen !== payment.amountSen) return "AMOUNT_MISMATCH";
    const paidOn = this.wibDate(paid.paidAt);
    const months = periodsFrom(payment.firstPeriod, payment.months).map((p) => monthAmount(p, payment.declaredIncomeSen, payment.jht));
    await tx.insert(contributions).values(
      months.map((m) => ({
        cardId: payment.cardId,
        period: m.period,
        employerId: null,
        wageSen: payment.declaredIncomeSen,
        jhtEmployerSen: 0n,
        jhtWorkerSen: m.jhtSen,
        jkkSen: m.jkkSen,
        jkmSen: m.jkmSen,
        paidAt: paidOn,
      })),
    );
    const [updated] = await tx
      .update(bpuPayments)
      .set({ status: "PAID", providerTransactionId: paid.transactionId, paidAt: paid.paidAt, updatedAt: sql`now()` })
      .where(eq(bpuPayments.id, payment.id))
      .returning();
    const [card] = await tx.select().from(cards).where(eq(cards.id, payment.cardId)).for("update");
    if (card && card.status === "MENUNGGU_IURAN_PERTAMA") {
      await tx.update(cards).set({ status: "AKTIF" }).where(eq(cards.id, card.id));
      await personalDataAuditRepository.append(tx, [
        { actor: "system", participantId: payment.participantId, field: CARD_STATUS_AUDIT_FIELD, oldValue: card.status, newValue: "AKTIF", reason: "IURAN_BPU_PAID", source: `iuran-bpu:payment:${payment.id}`, note: payment.code },
      ]);
    }
    const [payer] = await tx.select({ fullName: participants.fullName }).from(participants).where(eq(participants.id, payment.participantId));
    const [receipt] = await tx
      .insert(bpuReceipts)
      .values({
        paymentId: payment.id,
        number: sql`'BPU-' || ${paidOn.replaceAll("-", "")} || '-' || lpad(nextval('bpu_receipt_number_seq')::text, 6, '0')`,
        payerName: payer?.fullName ?? "",
        kpj: card?.kpj ?? "",
      })
      .returning({ number: bpuReceipts.number });
    await appendPaymentEvent(tx, updated!, "PAID", null);
    await recordNotification(tx, {
      participantId: payment.participantId,
      kind: "IURAN_PAYMENT",
      params: { amount: senToRupiah(payment.amountSen), months: String(payment.months), receiptNumber: receipt!.number, kpjMasked: maskKpj(card?.kpj ?? "") },
      subject: { type: "IuranBpuPayment", id: payment.id },
    });
    return "APPLIED";
  }

  private wibDate(at: Date): string {
    return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  }

  // ---- jobs ----

  /**
   * Reconciliation: every OPEN payment past its expiry is closed at its provider, which says how it ended; a paid one
   * is applied as its callback would have been (the callback may still come: a DUPLICATE then), the others EXPIRED.
   * Returns how many payments changed.
   */
  async expireDue(): Promise<number> {
    const now = this.options.now();
    const due = await this.database.db.select().from(bpuPayments).where(and(eq(bpuPayments.status, "OPEN"), lt(bpuPayments.expiresAt, now))).limit(500);
    let changed = 0;
    for (const payment of due) {
      const gateway = this.options.gateways.get(payment.provider);
      if (!gateway) continue;
      try {
        const state = await gateway.expireCharge(payment.id);
        const done = await this.database.db.transaction(async (tx) => {
          if (state.status === "PAID") return (await this.applyPaid(tx, payment.id, state)) === "APPLIED";
          const [locked] = await tx.select().from(bpuPayments).where(eq(bpuPayments.id, payment.id)).for("update");
          if (locked?.status !== "OPEN") return false;
          const [expired] = await tx.update(bpuPayments).set({ status: "EXPIRED", updatedAt: sql`now()` }).where(eq(bpuPayments.id, payment.id)).returning();
          await appendPaymentEvent(tx, expired!, "EXPIRED", "Kode pembayaran kedaluwarsa");
          return true;
        });
        if (done) changed += 1;
      } catch (err) {
        logger.error({ err, paymentId: payment.id }, "iuran reconciliation failed; retried on the next run");
      }
    }
    return changed;
  }

  /**
   * The daily job, on `today` (WIB): a BPU card whose arrears ran past the grace period ends (AKTIF → NONAKTIF from the
   * day protection ended, audited); a protected one whose protection ends within the reminder days gets one reminder
   * by email (and SMS) through the notifier's outbox.
   */
  async runDaily(today: string = this.options.today()): Promise<{ ended: number; reminded: number }> {
    const db = this.database.db;
    const rows = await db
      .select({ card: cards, last: max(contributions.period) })
      .from(cards)
      .leftJoin(contributions, eq(contributions.cardId, cards.id))
      .where(and(eq(cards.segment, "BPU"), eq(cards.status, "AKTIF")))
      .groupBy(cards.id);
    let ended = 0;
    let reminded = 0;
    const remindWithin = reminderDays(today);
    for (const { card, last } of rows) {
      if (!card.participantId || !last) continue;
      const bill = computeBill({ cardStatus: "AKTIF", lastPaidPeriod: last, monthsPaid: 0, declaredIncomeSen: 0n, jht: false, today });
      if (bill.protection === "BERAKHIR") {
        const changed = await db.transaction(async (tx) => {
          const [updated] = await tx
            .update(cards)
            .set({ status: "NONAKTIF", nonaktifSince: addDays(bill.protectedUntil!, 1) })
            .where(and(eq(cards.id, card.id), eq(cards.status, "AKTIF")))
            .returning();
          if (!updated) return false;
          await personalDataAuditRepository.append(tx, [
            { actor: "system", participantId: card.participantId, field: CARD_STATUS_AUDIT_FIELD, oldValue: "AKTIF", newValue: "NONAKTIF", reason: "IURAN_BPU_TERTUNGGAK", source: `iuran-bpu:daily:${today}`, note: `grace ended ${bill.graceEndsOn}` },
          ]);
          return true;
        });
        if (changed) ended += 1;
      } else if (bill.protection === "DILINDUNGI" && addDays(today, remindWithin) >= bill.protectedUntil!) {
        const sent = await db.transaction(async (tx) => {
          const inserted = await tx.insert(bpuReminders).values({ cardId: card.id, protectedUntil: bill.protectedUntil! }).onConflictDoNothing().returning();
          if (inserted.length === 0) return false;
          const [account] = await tx.select().from(accounts).where(eq(accounts.participantId, card.participantId!));
          const params = { kpjMasked: `${card.kpj.slice(0, 2)}*******${card.kpj.slice(-2)}`, protectedUntil: bill.protectedUntil!, nextDueDate: bill.nextDueDate };
          if (account?.email) await this.options.notifier.send(tx, { channel: "EMAIL", to: account.email, template: "IURAN_BPU_REMINDER", params });
          if (account?.phone) await this.options.notifier.send(tx, { channel: "SMS", to: account.phone, template: "IURAN_BPU_REMINDER", params });
          await recordNotification(tx, { participantId: card.participantId!, kind: "IURAN_DUE", params: { kpjMasked: params.kpjMasked, protectedUntil: params.protectedUntil }, subject: { type: "Card", id: card.id } });
          return true;
        });
        if (sent) reminded += 1;
      }
    }
    return { ended, reminded };
  }

  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private lastDailyRun: string | null = null;

  /**
   * Runs reconciliation every `intervalMs` and the daily job once per WIB day (0: off; tests call them). Several
   * instances may run them: each payment and card changes under its row lock or a conditional update, once.
   */
  startJobs(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    const tick = () => {
      this.running = (async () => {
        await this.expireDue();
        const today = this.options.today();
        if (this.lastDailyRun !== today) {
          await this.runDaily(today);
          this.lastDailyRun = today;
        }
      })()
        .catch((err: unknown) => logger.error({ err }, "iuran jobs failed"))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stopJobs(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  // ---- staff ----

  async staffPayments(filter: { code?: string | null; cardId?: string | null }, first: number): Promise<BpuPaymentRow[]> {
    const where = filter.code ? eq(bpuPayments.code, filter.code.trim()) : filter.cardId ? eq(bpuPayments.cardId, filter.cardId) : null;
    if (!where) return [];
    return this.database.db.select().from(bpuPayments).where(where).orderBy(desc(bpuPayments.createdAt)).limit(first);
  }

  async unmatchedCallbacks(first: number): Promise<PaymentWebhookDeliveryRow[]> {
    return this.database.db
      .select()
      .from(paymentWebhookDeliveries)
      .where(inArray(paymentWebhookDeliveries.outcome, [...UNMATCHED_OUTCOMES]))
      .orderBy(desc(paymentWebhookDeliveries.receivedAt))
      .limit(first);
  }
}

class Refused extends Error {
  constructor(readonly outcome: CallbackOutcome) {
    super(outcome);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseCallback(raw: string): { externalId: string; transactionId: string; amountSen: bigint; paidAt: Date } | null {
  try {
    const body = JSON.parse(raw) as Partial<PaymentCallback>;
    if (body.event !== "payment.paid" || typeof body.externalId !== "string" || typeof body.transactionId !== "string") return null;
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(body.transactionId) || typeof body.amount !== "string" || typeof body.paidAt !== "string") return null;
    const paidAt = new Date(body.paidAt);
    if (Number.isNaN(paidAt.getTime())) return null;
    return { externalId: body.externalId, transactionId: body.transactionId, amountSen: rupiahToSen(body.amount), paidAt };
  } catch {
    return null;
  }
}

/** Each payment's receipt with the payment it is for (null until PAID): one statement for any number of payments. */
export async function receiptsOf(db: DbOrTx, paymentIds: readonly string[]): Promise<({ payment: BpuPaymentRow; receipt: BpuReceiptRow } | null)[]> {
  if (paymentIds.length === 0) return [];
  const rows = await db
    .select({ payment: bpuPayments, receipt: bpuReceipts })
    .from(bpuReceipts)
    .innerJoin(bpuPayments, eq(bpuPayments.id, bpuReceipts.paymentId))
    .where(inArray(bpuReceipts.paymentId, [...paymentIds]));
  const byPayment = new Map(rows.map((r) => [r.payment.id, r]));
  return paymentIds.map((id) => byPayment.get(id) ?? null);
}

/** Records a payment's status change (takes its next sequence under the row's update lock) and publishes it on commit. */
export async function appendPaymentEvent(tx: DbOrTx, payment: BpuPaymentRow, status: BpuPaymentStatus, note: string | null): Promise<BpuPaymentEventRow> {
  const [bumped] = await tx
    .update(bpuPayments)
    .set({ lastSequence: sql`${bpuPayments.lastSequence} + 1` })
    .where(eq(bpuPayments.id, payment.id))
    .returning({ lastSequence: bpuPayments.lastSequence });
  const [event] = await tx.insert(bpuPaymentEvents).values({ paymentId: payment.id, cardId: payment.cardId, sequence: bumped!.lastSequence, status, note }).returning();
  await emitEvent(tx, IURAN_BPU_EVENTS_TOPIC, payment.cardId, event!.id);
  return event!;
}

export { sumMonths };
