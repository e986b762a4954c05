import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Card, Participant, ParticipantConnection } from "@jmo/schema";
import { optionalAuth, requireStaff } from "../../common/access.ts";
import type { Context } from "../../server/context.ts";
import { toCard, toParticipant } from "./participant.mapper.ts";

@Resolver(() => Participant)
export class ParticipantResolver {
  @Query(() => Participant, { nullable: true, description: "The signed-in participant; null when not signed in or for staff" })
  async me(@Ctx() ctx: Context): Promise<Participant | null> {
    const participantId = optionalAuth(ctx)?.participantId;
    if (!participantId) return null;
    const row = await ctx.loaders.participant.load(participantId);
    return row ? toParticipant(row) : null;
  }

  @Query(() => ParticipantConnection, { description: "Staff only: participants by name, full NIK or full KPJ, ordered by name" })
  participants(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { description: "At most 100" }) first: number,
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<ParticipantConnection> {
    requireStaff(ctx);
    return ctx.services.participants.search(search ?? null, first, after ?? null);
  }

  @FieldResolver(() => [Card])
  async cards(@Root() participant: Participant, @Ctx() ctx: Context): Promise<Card[]> {
    const rows = await ctx.loaders.cardsByParticipant.load(participant.ownerParticipantId);
    return rows.map(toCard);
  }
}
