import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node, PageInfo, UserError, type Owned } from "./common.types.ts";
import { Card } from "./participant.types.ts";
import { BpuContribution, BpuProgram } from "./registration.types.ts";
import { DateScalar, DateTimeScalar, RupiahScalar, YearMonthScalar } from "./scalars.ts";

export enum IuranBpuChannel {
  VA_BNI = "VA_BNI",
  VA_BRI = "VA_BRI",
  VA_MANDIRI = "VA_MANDIRI",
  VA_BCA = "VA_BCA",
  RETAIL = "RETAIL",
  EWALLET = "EWALLET",
}
registerEnumType(IuranBpuChannel, {
  name: "IuranBpuChannel",
  description: "Where a BPU member pays a payment code",
  valuesConfig: {
    VA_BNI: { description: "BNI virtual account (16 digits): pay by BNI mobile banking, ATM or teller" },
    VA_BRI: { description: "BRIVA, BRI virtual account (15 digits)" },
    VA_MANDIRI: { description: "Mandiri virtual account (16 digits, Livin' by Mandiri: multipayment)" },
    VA_BCA: { description: "BCA virtual account (16 digits, m-BCA / KlikBCA)" },
    RETAIL: { description: "A retail outlet code (12 letters and digits) read out at the till of a minimarket" },
    EWALLET: { description: "An e-wallet payment reference (12 digits) opened in the wallet app" },
  },
});

export enum IuranBpuPaymentStatus {
  OPEN = "OPEN",
  PAID = "PAID",
  EXPIRED = "EXPIRED",
  CANCELLED = "CANCELLED",
}
registerEnumType(IuranBpuPaymentStatus, {
  name: "IuranBpuPaymentStatus",
  description: "Where a BPU payment stands",
  valuesConfig: {
    OPEN: { description: "The code may be paid until expiresAt" },
    PAID: { description: "Paid: the months are in the ledger and the receipt is ready" },
    EXPIRED: { description: "Not paid before expiresAt; the code no longer works: create a new payment" },
    CANCELLED: { description: "Cancelled before it was paid (not offered to members yet)" },
  },
});

export enum IuranBpuProtection {
  MENUNGGU_IURAN_PERTAMA = "MENUNGGU_IURAN_PERTAMA",
  DILINDUNGI = "DILINDUNGI",
  MASA_TENGGANG = "MASA_TENGGANG",
  BERAKHIR = "BERAKHIR",
}
registerEnumType(IuranBpuProtection, {
  name: "IuranBpuProtection",
  description: "Whether a BPU card protects its member today (docs/domain/iuran-bpu.md)",
  valuesConfig: {
    MENUNGGU_IURAN_PERTAMA: { description: "A new card: nothing paid yet, no protection until the first payment" },
    DILINDUNGI: { description: "Paid up to protectedUntil, which is today or later" },
    MASA_TENGGANG: { description: "Protection ended; the months due may still be paid until graceEndsOn (no late fee)" },
    BERAKHIR: { description: "Unpaid past the grace period: the membership ended (the card is NONAKTIF)" },
  },
});

@ObjectType({ description: "One contribution month and what it costs, by program" })
export class IuranBpuMonth {
  @Field(() => YearMonthScalar, { description: "The month" })
  period!: string;

  @Field(() => BpuContribution, { description: "The month's contribution by program (integer sen on the server; total = the programs' sum)" })
  amount!: BpuContribution;
}

@ObjectType({ description: "One way to pay now: a number of months from the first unpaid one" })
export class IuranBpuOption {
  @Field(() => Int, { description: "1, 3, 6 or 12" })
  months!: number;

  @Field(() => YearMonthScalar, { description: "The first month it covers (the oldest unpaid one)" })
  coversFrom!: string;

  @Field(() => YearMonthScalar, { description: "The last month it covers" })
  coversTo!: string;

  @Field(() => DateScalar, { description: "The protected-until date once paid: the last day of coversTo" })
  protectedUntil!: string;

  @Field(() => BpuContribution, { description: "The total by program over the months: each program's monthly amounts added up exactly" })
  amount!: BpuContribution;

  @Field(() => [IuranBpuMonth], { description: "Each month it covers with its own amount (a dated rate change shows here)" })
  perMonth!: IuranBpuMonth[];
}

@ObjectType({ description: "The receipt of a paid BPU payment (tanda bukti penerimaan iuran)" })
export class IuranBpuReceipt implements Owned {
  ownerParticipantId!: string;

  @Field(() => String, { description: "The receipt number, BPU-YYYYMMDD-000123 (the paid day in WIB)" })
  number!: string;

  @Field(() => String, { description: "The member who paid" })
  payerName!: string;

  @Field(() => String, { description: "The card's KPJ, masked" })
  kpjMasked!: string;

  @Field(() => Int, { description: "How many months were paid" })
  months!: number;

  @Field(() => YearMonthScalar, { description: "The first month paid" })
  coversFrom!: string;

  @Field(() => YearMonthScalar, { description: "The last month paid" })
  coversTo!: string;

  @Field(() => [BpuProgram], { description: "The programs paid for" })
  programs!: BpuProgram[];

  @Field(() => BpuContribution, { description: "The amounts paid by program" })
  amount!: BpuContribution;

  @Field(() => IuranBpuChannel, { description: "Where it was paid" })
  channel!: IuranBpuChannel;

  @Field(() => DateTimeScalar, { description: "When the provider took the payment" })
  paidAt!: Date;

  @Field(() => String, {
    description: "Path of the receipt's PDF on this API (GET with the same Authorization header): /receipts/iuran-bpu/{payment id}.pdf",
  })
  pdfUrl!: string;
}

@ObjectType({ implements: Node, description: "A payment code for some months of a BPU card's contributions" })
export class IuranBpuPayment implements Node, Owned {
  ownerParticipantId!: string;
  rowId!: string;

  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
  id!: string;

  @Field(() => ID, { description: "The card paid for (Card.id)" })
  cardId!: string;

  @Field(() => String, { description: "The code to pay: a VA number, a retail code or an e-wallet reference (see channel)" })
  code!: string;

  @Field(() => IuranBpuChannel, { description: "Where the code is paid" })
  channel!: IuranBpuChannel;

  @Field(() => String, { description: "The payment provider that issued the code (sandbox outside production)" })
  provider!: string;

  @Field(() => Int, { description: "How many months it pays" })
  months!: number;

  @Field(() => YearMonthScalar, { description: "The first month it pays" })
  coversFrom!: string;

  @Field(() => YearMonthScalar, { description: "The last month it pays" })
  coversTo!: string;

  @Field(() => BpuContribution, { description: "What to pay, by program; total is the exact amount the code expects" })
  amount!: BpuContribution;

  @Field(() => IuranBpuPaymentStatus, { description: "OPEN, PAID, EXPIRED or CANCELLED" })
  status!: IuranBpuPaymentStatus;

  @Field(() => DateTimeScalar, { description: "The code works until then" })
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { description: "When it was created" })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was paid; null unless PAID" })
  paidAt!: Date | null;

  @Field(() => IuranBpuReceipt, { nullable: true, description: "The receipt, once PAID" })
  receipt?: IuranBpuReceipt | null;
}

@ObjectType({ description: "What a BPU card owes and until when it protects (the app's \"Bayar iuran\" screen)" })
export class IuranBpu implements Owned {
  ownerParticipantId!: string;

  @Field(() => Card, { description: "The BPU card" })
  card!: Card;

  @Field(() => [BpuProgram], { description: "The programs paid for: JKK and JKM always, JHT when chosen" })
  programs!: BpuProgram[];

  @Field(() => RupiahScalar, { description: "The declared monthly income the next months are charged on" })
  declaredIncome!: bigint;

  @Field(() => IuranBpuProtection, { description: "Whether the card protects today" })
  protection!: IuranBpuProtection;

  @Field(() => Int, { description: "How many months are paid (months in the ledger)" })
  monthsPaid!: number;

  @Field(() => YearMonthScalar, { nullable: true, description: "The last month paid; null before the first payment" })
  lastPaidPeriod!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Protected until this day (the last day of the last month paid); null before the first payment" })
  protectedUntil!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The last day the months due may still be paid; after it the membership ends" })
  graceEndsOn!: string | null;

  @Field(() => YearMonthScalar, { description: "The month the next payment starts with" })
  nextPeriod!: string;

  @Field(() => DateScalar, { description: "When nextPeriod is due (its due day, the 15th)" })
  nextDueDate!: string;

  @Field(() => [IuranBpuMonth], { description: "Unpaid months up to and including this month, oldest first (empty when paid ahead)" })
  monthsDue!: IuranBpuMonth[];

  @Field(() => BpuContribution, { description: "What one month (nextPeriod) costs, by program" })
  monthlyAmount!: BpuContribution;

  @Field(() => [IuranBpuOption], { description: "The choices offered now (1, 3, 6, 12 months within the months payable ahead); empty when the membership ended" })
  options!: IuranBpuOption[];

  @Field(() => IuranBpuPayment, { nullable: true, description: "The open payment code, if there is one (one per card)" })
  openPayment!: IuranBpuPayment | null;
}

@ObjectType({ description: "A status change of a BPU payment" })
export class IuranBpuPaymentEvent implements Owned {
  ownerParticipantId!: string;

  @Field(() => Int, { description: "1 for OPEN at creation, then one more per change" })
  sequence!: number;

  @Field(() => IuranBpuPaymentStatus, { description: "The status it changed to" })
  status!: IuranBpuPaymentStatus;

  @Field(() => DateTimeScalar, { description: "When" })
  at!: Date;

  @Field(() => String, { nullable: true, description: "Why, when there is something to say (e.g. expired)" })
  note!: string | null;

  @Field(() => IuranBpuPayment, { description: "The payment as it is when the event is delivered" })
  payment!: IuranBpuPayment;
}

@InputType({ description: "Pay some months of a BPU card's contributions" })
export class IuranBpuCreatePaymentInput {
  @Field(() => ID, { description: "One of your BPU cards" })
  cardId!: string;

  @Field(() => Int, { description: "1, 3, 6 or 12 (one of IuranBpu.options)" })
  months!: number;

  @Field(() => IuranBpuChannel, { description: "Where you will pay" })
  channel!: IuranBpuChannel;

  @Field(() => String, { description: "8–100 of A–Z a–z 0–9 - _ (a UUID): a retry with the same key answers the same payment" })
  idempotencyKey!: string;
}

@InputType({ description: "Sandbox only (refused in production): pay an open payment at the sandbox provider" })
export class IuranBpuSandboxPayInput {
  @Field(() => ID, { description: "The payment (IuranBpuPayment.id)" })
  paymentId!: string;
}

@ObjectType({ description: "The payment made or touched, or why not" })
export class IuranBpuPaymentPayload {
  @Field(() => IuranBpuPayment, { nullable: true, description: "The payment; null when refused" })
  payment!: IuranBpuPayment | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success" })
  userErrors!: UserError[];
}

@ObjectType({ description: "Staff: a provider callback kept as received, with what was done with it" })
export class IuranBpuWebhookDelivery {
  @Field(() => ID, { description: "The delivery's id" })
  id!: string;

  @Field(() => String, { description: "The provider named in the webhook path" })
  provider!: string;

  @Field(() => DateTimeScalar, { description: "When it arrived" })
  receivedAt!: Date;

  @Field(() => String, {
    description: "What was done: UNKNOWN_PAYMENT, PAYMENT_NOT_OPEN (expired, cancelled, or paid with another transaction) or AMOUNT_MISMATCH for the unmatched ones",
  })
  outcome!: string;

  @Field(() => Int, { description: "The HTTP status answered to the provider" })
  httpStatus!: number;

  @Field(() => String, { nullable: true, description: "The provider's transaction id, when the body had one" })
  providerTransactionId!: string | null;

  @Field(() => ID, { nullable: true, description: "The payment it named (IuranBpuPayment.id), when we know it" })
  paymentId!: string | null;

  @Field(() => String, { description: "The raw body, for reconciling by hand (refunds are out of scope: done outside the API)" })
  body!: string;
}

@ObjectType({ description: "One month of a card's contribution ledger, as JMO's \"data yang dilaporkan\" shows it" })
export class ContributionMonth implements Owned {
  ownerParticipantId!: string;

  @Field(() => YearMonthScalar, { description: "The contribution month" })
  period!: string;

  @Field(() => RupiahScalar, { description: "The wage reported by the employer, or the declared income of a BPU member" })
  wage!: bigint;

  @Field(() => String, { description: "Who paid: the employer's name, or \"mandiri\" (the member themselves, BPU)" })
  paidBy!: string;

  @Field(() => RupiahScalar, { description: "JHT, employer's share" })
  jhtEmployer!: bigint;

  @Field(() => RupiahScalar, { description: "JHT, worker's share (a BPU member's JHT)" })
  jhtWorker!: bigint;

  @Field(() => RupiahScalar, { description: "JP, employer's share" })
  jpEmployer!: bigint;

  @Field(() => RupiahScalar, { description: "JP, worker's share" })
  jpWorker!: bigint;

  @Field(() => RupiahScalar, { description: "JKK" })
  jkk!: bigint;

  @Field(() => RupiahScalar, { description: "JKM" })
  jkm!: bigint;

  @Field(() => RupiahScalar, { description: "Every program's share added up" })
  total!: bigint;

  @Field(() => DateScalar, { nullable: true, description: "When it was paid; null while reported but not paid" })
  paidAt!: string | null;
}

@ObjectType({ description: "An edge of a contribution ledger page" })
export class ContributionMonthEdge {
  @Field(() => String, { description: "Opaque; pass as `after` for the months after this one" })
  cursor!: string;

  @Field(() => ContributionMonth, { description: "The month" })
  node!: ContributionMonth;
}

@ObjectType({ description: "A page of a card's contribution ledger, newest month first (Relay connection)" })
export class ContributionMonthConnection {
  @Field(() => [ContributionMonthEdge], { description: "The months of this page, newest first" })
  edges!: ContributionMonthEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more pages" })
  pageInfo!: PageInfo;
}
