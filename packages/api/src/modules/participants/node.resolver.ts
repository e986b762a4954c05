import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Node } from "@jmo/schema";
import { assertCanSee, requireAuth } from "../../common/access.ts";
import { fromGlobalId } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import { isLinked } from "../cards/card.table.ts";
import { toCard, toEmployer, toParticipant } from "./participant.mapper.ts";
import { toPengkinian } from "../pengkinian/pengkinian.mapper.ts";
import { toKlaim } from "../klaim/klaim.mapper.ts";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id, if the caller may see it" })
  async node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    requireAuth(ctx);
    const ref = fromGlobalId(id);
    if (!ref) return null;
    switch (ref.type) {
      case "Participant": {
        const row = await ctx.loaders.participant.load(ref.id);
        if (!row) return null;
        assertCanSee(ctx, row.id);
        return toParticipant(row);
      }
      case "Card": {
        const row = await ctx.loaders.card.load(ref.id);
        // A card not yet linked to anyone's profile is not reachable through the API.
        if (!isLinked(row)) return null;
        assertCanSee(ctx, row.participantId);
        return toCard(row);
      }
      case "Employer": {
        const row = await ctx.loaders.employer.load(ref.id);
        return row ? toEmployer(row) : null;
      }
      case "Pengkinian": {
        const row = await ctx.loaders.pengkinian.load(ref.id);
        if (!row) return null;
        assertCanSee(ctx, row.participantId);
        return toPengkinian(row, ctx.scope.locale);
      }
      case "Klaim": {
        const row = await ctx.loaders.klaim.load(ref.id);
        if (!row) return null;
        assertCanSee(ctx, row.participantId);
        return toKlaim(row);
      }
    }
  }
}
