import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import {
  IuranBpu,
  IuranBpuCreatePaymentInput,
  IuranBpuPayment,
  IuranBpuPaymentEvent,
  IuranBpuPaymentPayload,
  IuranBpuReceipt,
  IuranBpuSandboxPayInput,
  IuranBpuWebhookDelivery,
  type IuranBpuChannel,
} from "@jmo/schema";
import { canSee, requireAuth, requireStaff } from "../../common/access.ts";
import { pageSize } from "../../common/connection.ts";
import { badUserInput, DomainError, forbidden, withUserErrors } from "../../common/errors.ts";
import { idOfType } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import { paymentEventStream, type LoadedPaymentEvent } from "./iuran-event-stream.ts";
import { toBill, toDelivery, toPayment, toPaymentEvent, toReceipt } from "./iuran.mapper.ts";

@Resolver(() => IuranBpuPayment)
export class IuranBpuResolver {
  @Query(() => IuranBpu, {
    nullable: true,
    description:
      "A BPU card's bill: months paid, protected-until date, months due, the monthly amount by program and the payment options. " +
      "Null for a card that is not yours or not BPU (staff: any BPU card)",
  })
  async iuranBpu(@Arg("cardId", () => ID, { description: "The BPU card (Card.id)" }) cardId: string, @Ctx() ctx: Context): Promise<IuranBpu | null> {
    const auth = requireAuth(ctx);
    try {
      return toBill(await ctx.services.iuran.bill(auth, idOfType(cardId, "Card")));
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }

  @Query(() => IuranBpuPayment, { nullable: true, description: "A BPU payment by id: its owner or staff; null when there is none" })
  async iuranBpuPayment(@Arg("id", () => ID, { description: "IuranBpuPayment.id" }) id: string, @Ctx() ctx: Context): Promise<IuranBpuPayment | null> {
    const auth = requireAuth(ctx);
    const row = await ctx.services.iuran.findPayment(idOfType(id, "IuranBpuPayment"));
    if (!row) return null;
    if (!canSee(auth, row.participantId)) throw forbidden();
    return toPayment(row);
  }

  @Query(() => [IuranBpuPayment], {
    description: "Staff only: BPU payments by their payment code, or a card's payments (newest first); one of the two is needed",
  })
  async iuranBpuPayments(
    @Arg("code", () => String, { nullable: true, description: "A payment code exactly as issued (VA number, retail code…)" }) code: string | null,
    @Arg("cardId", () => ID, { nullable: true, description: "A card (Card.id)" }) cardId: string | null,
    @Arg("first", () => Int, { nullable: true, description: "How many, 20 when left out; 1 to 100" }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<IuranBpuPayment[]> {
    requireStaff(ctx);
    if (!code && !cardId) throw badUserInput("code or cardId");
    const rows = await ctx.services.iuran.staffPayments({ code, cardId: cardId ? idOfType(cardId, "Card") ?? "00000000-0000-0000-0000-000000000000" : null }, pageSize(first));
    return rows.map((row) => toPayment(row));
  }

  @Query(() => [IuranBpuWebhookDelivery], {
    description:
      "Staff only: signed provider callbacks that could not be applied (unknown payment, payment no longer open, amount differs), newest first. " +
      "Refunds are out of scope: they are settled with the provider outside the API",
  })
  async iuranBpuUnmatchedCallbacks(
    @Arg("first", () => Int, { nullable: true, description: "How many, 20 when left out; 1 to 100" }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<IuranBpuWebhookDelivery[]> {
    requireStaff(ctx);
    return (await ctx.services.iuran.unmatchedCallbacks(pageSize(first))).map(toDelivery);
  }

  @Mutation(() => IuranBpuPaymentPayload, {
    description:
      "Pay 1, 3, 6 or 12 months of your BPU card from the oldest unpaid month: creates a payment code with its amount and expiry (one open payment per card; " +
      "a retry with the same idempotencyKey answers the same payment). Follow it with iuranBpuPaymentChanged",
  })
  iuranBpuCreatePayment(
    @Arg("input", () => IuranBpuCreatePaymentInput, { description: "The card, the months, the channel and an idempotency key" }) input: IuranBpuCreatePaymentInput,
    @Ctx() ctx: Context,
  ): Promise<IuranBpuPaymentPayload> {
    const auth = requireAuth(ctx);
    return withUserErrors<IuranBpuPaymentPayload>(
      async () => ({
        payment: toPayment(
          await ctx.services.iuran.createPayment(auth, {
            cardId: idOfType(input.cardId, "Card"),
            months: input.months,
            channel: input.channel as IuranBpuChannel,
            idempotencyKey: input.idempotencyKey,
          }),
        ),
      }),
      { payment: null },
    );
  }

  @Mutation(() => IuranBpuPaymentPayload, {
    description:
      "Sandbox only (FORBIDDEN with detail SANDBOX_ONLY in production): pay an open payment at the sandbox provider, which then calls this server's " +
      "payment webhook with a signed callback, as a real provider would; answers the payment afterwards",
  })
  iuranBpuSandboxPay(
    @Arg("input", () => IuranBpuSandboxPayInput, { description: "The payment to pay" }) input: IuranBpuSandboxPayInput,
    @Ctx() ctx: Context,
  ): Promise<IuranBpuPaymentPayload> {
    const auth = requireAuth(ctx);
    return withUserErrors<IuranBpuPaymentPayload>(
      async () => ({ payment: toPayment(await ctx.services.iuran.sandboxPay(auth, idOfType(input.paymentId, "IuranBpuPayment"))) }),
      { payment: null },
    );
  }

  @FieldResolver(() => IuranBpuReceipt, { nullable: true, description: "The receipt, once PAID" })
  async receipt(@Root() payment: IuranBpuPayment, @Ctx() ctx: Context): Promise<IuranBpuReceipt | null> {
    if (payment.receipt) return payment.receipt;
    if (payment.status !== "PAID") return null;
    const found = await ctx.loaders.iuranReceipt.load(payment.rowId);
    return found ? toReceipt(found.payment, found.receipt) : null;
  }

  @Subscription(() => IuranBpuPaymentEvent, {
    description:
      "BPU payment status changes, on every instance. With paymentId: its stored events after afterSequence, then new ones, each once; completes after " +
      "PAID, EXPIRED or CANCELLED. With cardId only: every new event of the card's payments until closed. For the card's holder and staff",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const auth = requireAuth(ctx);
      const { paymentId, cardId, afterSequence } = args as { paymentId?: string | null; cardId?: string | null; afterSequence?: number | null };
      if (!paymentId && !cardId) throw badUserInput("paymentId or cardId");
      if (afterSequence !== undefined && afterSequence !== null && afterSequence < 0) throw badUserInput("afterSequence: 0 or more");
      const iuran = ctx.services.iuran;
      let card: { id: string; participantId: string } | null = null;
      let paymentRowId: string | null = null;
      if (paymentId) {
        const payment = await iuran.findPayment(idOfType(paymentId, "IuranBpuPayment"));
        if (payment) card = { id: payment.cardId, participantId: payment.participantId };
        paymentRowId = payment?.id ?? null;
      } else {
        const row = await ctx.loaders.card.load(idOfType(cardId!, "Card") ?? "00000000-0000-0000-0000-000000000000");
        if (row?.participantId) card = { id: row.id, participantId: row.participantId };
      }
      // An unknown payment or card and another participant's look the same.
      if (!card || !canSee(auth, card.participantId)) throw forbidden();
      return paymentEventStream(ctx.services.events, card.id, paymentRowId, afterSequence ?? 0, async (id, after) => {
        const payment = await iuran.findPayment(id);
        return payment ? (await iuran.eventsAfter(id, after)).map((event) => ({ event, payment })) : [];
      });
    },
  })
  async iuranBpuPaymentChanged(
    @Root() loaded: LoadedPaymentEvent,
    @Arg("paymentId", () => ID, { nullable: true, description: "Follow one payment (IuranBpuPayment.id)" }) _paymentId: string | null,
    @Arg("cardId", () => ID, { nullable: true, description: "Or every payment of a card (Card.id)" }) _cardId: string | null,
    @Arg("afterSequence", () => Int, { nullable: true, description: "With paymentId: the last sequence seen; omitted or 0: from the start" })
    _afterSequence: number | null,
    @Ctx() ctx: Context,
  ): Promise<IuranBpuPaymentEvent> {
    const receipt = loaded.payment.status === "PAID" ? await ctx.services.iuran.receipt(loaded.payment.id) : null;
    return toPaymentEvent(loaded.event, loaded.payment, receipt);
  }
}
