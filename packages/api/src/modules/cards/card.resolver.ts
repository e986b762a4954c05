import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Card, Employer } from "@jmo/schema";
import type { Context } from "../../server/context.ts";
import { toEmployer } from "../participants/participant.mapper.ts";

@Resolver(() => Card)
export class CardResolver {
  @FieldResolver(() => Employer, { nullable: true })
  async employer(@Root() card: Card, @Ctx() ctx: Context): Promise<Employer | null> {
    if (!card.employerId) return null;
    const row = await ctx.loaders.employer.load(card.employerId);
    return row ? toEmployer(row) : null;
  }
}
