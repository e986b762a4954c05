import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Card, CardMarkFirstContributionPaidInput, CardPayload, CardSandboxPayFirstContributionInput } from "@jmo/schema";
import { isHolder, requireAuth, requireStaff } from "../../common/access.ts";
import { withUserErrors } from "../../common/errors.ts";
import { idOfType } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import { toCard } from "../participants/participant.mapper.ts";

@Resolver(() => Card)
export class CardKpjResolver {
  // The owner guard (guardOwnedFields) has already let the holder or staff through; the full number is for the holder alone (staff: null).
  @FieldResolver(() => String, { nullable: true })
  kpj(@Root() card: Card, @Ctx() ctx: Context): string | null {
    return isHolder(ctx.auth, card.ownerParticipantId) ? card.kpjFull : null;
  }
}

/** The first contribution of a new BPU card: staff record it; outside production a sandbox path "pays" it. */
@Resolver()
export class BpuCardResolver {
  @Mutation(() => CardPayload, {
    description:
      "Staff only: the first contribution of a new BPU card (MENUNGGU_IURAN_PERTAMA) was paid: records it in the contribution ledger and makes the card AKTIF (audited)",
  })
  cardMarkFirstContributionPaid(
    @Arg("input", () => CardMarkFirstContributionPaidInput, { description: "The card, the payment day and the audit note" }) input: CardMarkFirstContributionPaidInput,
    @Ctx() ctx: Context,
  ): Promise<CardPayload> {
    const staff = requireStaff(ctx);
    return withUserErrors<CardPayload>(async () => {
      const row = await ctx.services.bpuCards.markFirstContributionPaid(staff, idOfType(input.cardId, "Card"), input.paidAt, input.note);
      ctx.loaders.cardsByParticipant.clear(row.participantId);
      return { card: toCard(row) };
    }, { card: null });
  }

  @Mutation(() => CardPayload, {
    description:
      "Sandbox only (FORBIDDEN with detail SANDBOX_ONLY in production): pay your new BPU card's first contribution as a demo; the card becomes AKTIF",
  })
  cardSandboxPayFirstContribution(
    @Arg("input", () => CardSandboxPayFirstContributionInput, { description: "The card to pay" }) input: CardSandboxPayFirstContributionInput,
    @Ctx() ctx: Context,
  ): Promise<CardPayload> {
    const auth = requireAuth(ctx);
    return withUserErrors<CardPayload>(async () => {
      const row = await ctx.services.bpuCards.sandboxPayFirstContribution(auth, idOfType(input.cardId, "Card"));
      ctx.loaders.cardsByParticipant.clear(row.participantId);
      return { card: toCard(row) };
    }, { card: null });
  }
}
