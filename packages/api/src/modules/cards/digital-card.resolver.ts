import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Card, DigitalCard, DigitalCardVerification } from "@jmo/schema";
import { isHolder } from "../../common/access.ts";
import type { Context } from "../../server/context.ts";

@Resolver(() => Card)
export class DigitalCardResolver {
  // Card's fields are guarded by the owner guard (guardOwnedFields): only the holder (or staff) reaches this; staff see NIK and KPJ masked.
  @FieldResolver(() => DigitalCard, { description: "The card to show or save: an SVG with a QR code carrying a signed, expiring token" })
  async digitalCard(@Root() card: Card, @Ctx() ctx: Context): Promise<DigitalCard> {
    const participant = await ctx.loaders.participant.load(card.ownerParticipantId);
    if (!participant) throw new Error(`card ${card.rowId} has no participant row`);
    return ctx.services.digitalCards.create(card, participant, { forHolder: isHolder(ctx.auth, card.ownerParticipantId) });
  }

  @Query(() => DigitalCardVerification, {
    description: "Public, no sign-in: is the digital card behind this QR token genuine and active? Answers with a masked name only",
  })
  digitalCardVerify(@Arg("token", () => String, { description: "The verificationToken read from the card's QR code" }) token: string, @Ctx() ctx: Context): Promise<DigitalCardVerification> {
    return ctx.services.digitalCards.verify(token);
  }
}
