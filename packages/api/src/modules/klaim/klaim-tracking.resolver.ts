import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from "type-graphql";
import { Klaim, KlaimApproveInput, KlaimEvent, KlaimHoldInput, KlaimPayload, KlaimRejectInput, type KlaimStatus } from "@jmo/schema";
import { canSee, requireAuth, requireStaff } from "../../common/access.ts";
import { badUserInput, forbidden, withUserErrors } from "../../common/errors.ts";
import { idOfType } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { klaimEventStream } from "./klaim-event-stream.ts";
import { klaimProcessingRepository } from "./klaim-processing.repository.ts";
import { toKlaim } from "./klaim.mapper.ts";
import type { KlaimEventRow, KlaimRow } from "./klaim.table.ts";

export function toKlaimEvent(row: KlaimEventRow, ownerParticipantId: string): KlaimEvent {
  return Object.assign(new KlaimEvent(), {
    ownerParticipantId,
    sequence: row.sequence,
    status: row.status as KlaimStatus,
    at: row.at,
    note: row.note,
  });
}

/** A staff action's payload: the claim as it is now, also when the action was refused. */
async function staffAction(ctx: Context, klaimId: string, act: (auth: AuthInfo, rowId: string | null) => Promise<KlaimRow>): Promise<KlaimPayload> {
  const auth = requireStaff(ctx);
  const rowId = idOfType(klaimId, "Klaim");
  const payload = await withUserErrors<KlaimPayload>(async () => ({ klaim: toKlaim(await act(auth, rowId)) }), { klaim: null });
  if (payload.userErrors.length > 0 && rowId) {
    const current = await ctx.services.klaim.findById(rowId);
    payload.klaim = current ? toKlaim(current) : null;
  }
  return payload;
}

@Resolver(() => Klaim)
export class KlaimTrackingResolver {
  @FieldResolver(() => [KlaimEvent], { description: "Every event of the claim, in sequence order (empty while DRAFT)" })
  async timeline(@Root() klaim: Klaim, @Ctx() ctx: Context): Promise<KlaimEvent[]> {
    const rows = await ctx.loaders.klaimEvents.load(klaim.rowId);
    return rows.map((row) => toKlaimEvent(row, klaim.ownerParticipantId));
  }

  @Mutation(() => KlaimPayload, {
    description:
      "Staff only: go ahead with a claim that waits for a person. A claim in VERIFIKASI is set for payment (PENETAPAN); " +
      "a held claim is released (a failed payment is tried again).",
  })
  klaimApprove(@Arg("input", () => KlaimApproveInput) input: KlaimApproveInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return staffAction(ctx, input.klaimId, (auth, id) => ctx.services.klaimStaff.approve(auth, id, input.note));
  }

  @Mutation(() => KlaimPayload, { description: "Staff only: reject a claim (DITOLAK) before its payment starts, or after its payment failed" })
  klaimReject(@Arg("input", () => KlaimRejectInput) input: KlaimRejectInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return staffAction(ctx, input.klaimId, (auth, id) => ctx.services.klaimStaff.reject(auth, id, input.reason));
  }

  @Mutation(() => KlaimPayload, { description: "Staff only: hold a claim before its payment starts; processing waits until klaimApprove" })
  klaimHold(@Arg("input", () => KlaimHoldInput) input: KlaimHoldInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return staffAction(ctx, input.klaimId, (auth, id) => ctx.services.klaimStaff.hold(auth, id, input.reason));
  }

  @Subscription(() => KlaimEvent, {
    description:
      "A claim's events: first the stored ones after `afterSequence` (all of them when omitted or 0), then new ones as they " +
      "happen, each exactly once and in sequence order; completes after SELESAI, DITOLAK or DIBATALKAN. " +
      "For the claim's owner and staff. A client that lost its connection resubscribes with the last sequence it saw.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const auth = requireAuth(ctx);
      const { klaimId, afterSequence } = args as { klaimId: string; afterSequence?: number | null };
      if (afterSequence !== undefined && afterSequence !== null && afterSequence < 0) throw badUserInput("afterSequence: 0 or more");
      const rowId = idOfType(klaimId, "Klaim");
      const klaim = rowId ? await ctx.services.klaim.findById(rowId) : null;
      // An unknown claim and another participant's claim look the same.
      if (!klaim || !canSee(auth, klaim.participantId)) throw forbidden();
      const db = ctx.services.database.db;
      return klaimEventStream(
        ctx.services.events,
        (after) => klaimProcessingRepository.eventsAfter(db, klaim.id, after),
        klaim.id,
        afterSequence ?? 0,
        (row) => toKlaimEvent(row, klaim.participantId),
      );
    },
  })
  klaimStatusChanged(
    @Root() event: KlaimEvent,
    @Arg("klaimId", () => ID) _klaimId: string,
    @Arg("afterSequence", () => Int, { nullable: true, description: "The last sequence the client has seen; omitted or 0: from the start" })
    _afterSequence: number | null,
  ): KlaimEvent {
    return event;
  }
}
