import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Card, CardAddInput, CardPayload, Employer } from "@jmo/schema";
import { requireAuth } from "../../common/access.ts";
import { forbidden, withUserErrors } from "../../common/errors.ts";
import type { Context } from "../../server/context.ts";
import { toCard, toEmployer } from "../participants/participant.mapper.ts";

@Resolver(() => Card)
export class CardResolver {
  @Mutation(() => CardPayload, {
    description: '"Tambah kartu": add a card to your profile by its KPJ and the birth date registered with it',
  })
  cardAdd(@Arg("input", () => CardAddInput, { description: "The card's KPJ and the birth date registered with it" }) input: CardAddInput, @Ctx() ctx: Context): Promise<CardPayload> {
    const participantId = requireAuth(ctx).participantId;
    if (!participantId) throw forbidden();
    return withUserErrors<CardPayload>(async () => {
      const row = await ctx.services.cards.add(participantId, input.kpj, input.birthDate);
      // This request's loaders cached the participant's cards before the new one: forget them.
      ctx.loaders.cardsByParticipant.clear(participantId);
      return { card: toCard(row) };
    }, { card: null });
  }

  @FieldResolver(() => Employer, { nullable: true })
  async employer(@Root() card: Card, @Ctx() ctx: Context): Promise<Employer | null> {
    if (!card.employerId) return null;
    const row = await ctx.loaders.employer.load(card.employerId);
    return row ? toEmployer(row) : null;
  }
}
