import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { AFTER_ARG_DESCRIPTION, Card, FIRST_ARG_DESCRIPTION, Participant, ParticipantConnection } from "@jmo/schema";
import { optionalAuth, requireStaff } from "../../common/access.ts";
import type { Context } from "../../server/context.ts";
import { selects } from "../../common/selection.ts";
import { toCard, toParticipant } from "./participant.mapper.ts";

/** Fields under `me` that need the saldo read (Participant.saldoJht, Card.saldoJht, Card.lastReported). */
const SALDO_FIELDS: ReadonlySet<string> = new Set(["saldoJht", "lastReported"]);

@Resolver(() => Participant)
export class ParticipantResolver {
  @Query(() => Participant, { nullable: true, description: "The signed-in participant; null when not signed in or for staff" })
  async me(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Participant | null> {
    const participantId = optionalAuth(ctx)?.participantId;
    if (!participantId) return null;
    // A home screen asks for the saldo too: read it with the participant and the cards, in one statement.
    const withSaldo = ctx.loaders.primes && selects(info, SALDO_FIELDS);
    const row = await (withSaldo ? ctx.loaders.participantWithSaldo : ctx.loaders.participant).load(participantId);
    return row ? toParticipant(row) : null;
  }

  @Query(() => ParticipantConnection, { description: "Staff only: participants by name, full NIK or full KPJ, ordered by name" })
  participants(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("search", () => String, {
      nullable: true,
      description: "A name fragment, or a full 16-digit NIK or 11-digit KPJ; left out: everyone",
    })
    search: string | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
  ): Promise<ParticipantConnection> {
    requireStaff(ctx);
    return ctx.services.participants.search(search ?? null, first ?? null, after ?? null);
  }

  @FieldResolver(() => [Card], { description: "All cards on this participant's NIK, oldest first" })
  async cards(@Root() participant: Participant, @Ctx() ctx: Context): Promise<Card[]> {
    const rows = await ctx.loaders.cardsByParticipant.load(participant.ownerParticipantId);
    return rows.map(toCard);
  }
}
