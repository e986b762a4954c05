import {
  BpuContribution,
  BpuProgram,
  IuranBpu,
  IuranBpuChannel,
  IuranBpuMonth,
  IuranBpuOption,
  IuranBpuPayment,
  IuranBpuPaymentEvent,
  IuranBpuPaymentStatus,
  IuranBpuProtection,
  IuranBpuReceipt,
  IuranBpuWebhookDelivery,
} from "@jmo/schema";
import { toGlobalId } from "../../common/global-id.ts";
import { maskKpj } from "../../common/mask.ts";
import { toCard } from "../participants/participant.mapper.ts";
import { addMonths, lastDayOf, type MonthAmount } from "./iuran-bill.ts";
import type { BpuPaymentEventRow, BpuPaymentRow, BpuReceiptRow, PaymentWebhookDeliveryRow } from "./iuran.table.ts";
import type { BillView } from "./iuran.service.ts";

export function toAmount(m: Pick<MonthAmount, "jkkSen" | "jkmSen" | "jhtSen">): BpuContribution {
  return Object.assign(new BpuContribution(), { jkk: m.jkkSen, jkm: m.jkmSen, jht: m.jhtSen, total: m.jkkSen + m.jkmSen + m.jhtSen });
}

const yearMonth = (period: string) => period.slice(0, 7);

function toMonth(m: MonthAmount): IuranBpuMonth {
  return Object.assign(new IuranBpuMonth(), { period: yearMonth(m.period), amount: toAmount(m) });
}

export function programsOf(jht: boolean): BpuProgram[] {
  return jht ? [BpuProgram.JKK, BpuProgram.JKM, BpuProgram.JHT] : [BpuProgram.JKK, BpuProgram.JKM];
}

export function receiptPdfPath(paymentRowId: string): string {
  return `/receipts/iuran-bpu/${toGlobalId("IuranBpuPayment", paymentRowId)}.pdf`;
}

export function toReceipt(payment: BpuPaymentRow, receipt: BpuReceiptRow): IuranBpuReceipt {
  return Object.assign(new IuranBpuReceipt(), {
    ownerParticipantId: payment.participantId,
    number: receipt.number,
    payerName: receipt.payerName,
    kpjMasked: maskKpj(receipt.kpj),
    months: payment.months,
    coversFrom: yearMonth(payment.firstPeriod),
    coversTo: yearMonth(addMonths(payment.firstPeriod, payment.months - 1)),
    programs: programsOf(payment.jht),
    amount: toAmount(payment),
    channel: payment.channel as IuranBpuChannel,
    paidAt: payment.paidAt!,
    pdfUrl: receiptPdfPath(payment.id),
  });
}

export function toPayment(row: BpuPaymentRow, receipt: BpuReceiptRow | null = null): IuranBpuPayment {
  return Object.assign(new IuranBpuPayment(), {
    ownerParticipantId: row.participantId,
    rowId: row.id,
    id: toGlobalId("IuranBpuPayment", row.id),
    cardId: toGlobalId("Card", row.cardId),
    code: row.code,
    channel: row.channel as IuranBpuChannel,
    provider: row.provider,
    months: row.months,
    coversFrom: yearMonth(row.firstPeriod),
    coversTo: yearMonth(addMonths(row.firstPeriod, row.months - 1)),
    amount: toAmount(row),
    status: row.status as IuranBpuPaymentStatus,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    paidAt: row.paidAt,
    receipt: receipt ? toReceipt(row, receipt) : null,
  });
}

export function toBill(view: BillView): IuranBpu {
  const { bill } = view;
  return Object.assign(new IuranBpu(), {
    ownerParticipantId: view.card.participantId,
    card: toCard(view.card),
    programs: programsOf(view.jht),
    declaredIncome: view.declaredIncomeSen,
    protection: bill.protection as IuranBpuProtection,
    monthsPaid: bill.monthsPaid,
    lastPaidPeriod: bill.protectedUntil ? yearMonth(bill.protectedUntil) : null,
    protectedUntil: bill.protectedUntil,
    graceEndsOn: bill.graceEndsOn,
    nextPeriod: yearMonth(bill.nextPeriod),
    nextDueDate: bill.nextDueDate,
    monthsDue: bill.monthsDue.map((period) => toMonth({ ...bill.monthly, period })),
    monthlyAmount: toAmount(bill.monthly),
    options: bill.options.map((o) =>
      Object.assign(new IuranBpuOption(), {
        months: o.months,
        coversFrom: yearMonth(o.periods[0]!.period),
        coversTo: yearMonth(o.periods.at(-1)!.period),
        protectedUntil: lastDayOf(o.periods.at(-1)!.period),
        amount: toAmount(o.total),
        perMonth: o.periods.map(toMonth),
      }),
    ),
    openPayment: view.openPayment ? toPayment(view.openPayment) : null,
  });
}

export function toPaymentEvent(event: BpuPaymentEventRow, payment: BpuPaymentRow, receipt: BpuReceiptRow | null): IuranBpuPaymentEvent {
  return Object.assign(new IuranBpuPaymentEvent(), {
    ownerParticipantId: payment.participantId,
    sequence: event.sequence,
    status: event.status as IuranBpuPaymentStatus,
    at: event.at,
    note: event.note,
    payment: toPayment(payment, receipt),
  });
}

export function toDelivery(row: PaymentWebhookDeliveryRow): IuranBpuWebhookDelivery {
  return Object.assign(new IuranBpuWebhookDelivery(), {
    id: row.id,
    provider: row.provider,
    receivedAt: row.receivedAt,
    outcome: row.outcome,
    httpStatus: row.httpStatus,
    providerTransactionId: row.providerTransactionId,
    paymentId: row.paymentId ? toGlobalId("IuranBpuPayment", row.paymentId) : null,
    body: row.body,
  });
}
