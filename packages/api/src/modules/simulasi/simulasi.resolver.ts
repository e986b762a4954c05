import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { SimulasiJht, SimulasiJhtInput, SimulasiJp, SimulasiJpInput } from "@jmo/schema";
import { requireAuth } from "../../common/access.ts";
import { forbidden } from "../../common/errors.ts";
import type { Context } from "../../server/context.ts";
import type { ParticipantRow } from "../participants/participant.table.ts";

/** Simulations are about the signed-in participant; staff have no saldo or birth date to start from. */
async function signedInParticipant(ctx: Context): Promise<ParticipantRow> {
  const participantId = requireAuth(ctx).participantId;
  if (!participantId) throw forbidden();
  const row = await ctx.loaders.participant.load(participantId);
  if (!row) throw forbidden();
  return row;
}

@Resolver()
export class SimulasiResolver {
  @Query(() => SimulasiJht, { description: "The signed-in participant's JHT balance projected to age 56, year by year" })
  async simulasiJht(@Arg("input", () => SimulasiJhtInput, { description: "Assumptions to override; {} uses the participant's data and the defaults" }) input: SimulasiJhtInput, @Ctx() ctx: Context): Promise<SimulasiJht> {
    return ctx.services.simulasi.jht(await signedInParticipant(ctx), input);
  }

  @Query(() => SimulasiJp, { description: "The signed-in participant's JP pension under PP 45/2015: monthly pension or lump sum" })
  async simulasiJp(@Arg("input", () => SimulasiJpInput, { description: "Assumptions to override; {} uses the participant's data and the defaults" }) input: SimulasiJpInput, @Ctx() ctx: Context): Promise<SimulasiJp> {
    const participant = await signedInParticipant(ctx);
    const cards = await ctx.loaders.cardsByParticipant.load(participant.id);
    return ctx.services.simulasi.jp(participant, cards, input);
  }
}
