import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from "type-graphql";
import { Klaim, KlaimApproveInput, KlaimEvent, KlaimHoldInput, KlaimPayload, KlaimRejectInput, type KlaimStatus } from "@jmo/schema";
import { canSee, requireAuth, requireStaff } from "../../common/access.ts";
import { badUserInput, forbidden, withUserErrors } from "../../common/errors.ts";
import { idOfType } from "../../common/global-id.ts";
import { shareEvent } from "../../common/shared-event.ts";
import type { Context } from "../../server/context.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import type { Db } from "../../db/database.ts";
import { klaimEventStream, type LiveEvents } from "./klaim-event-stream.ts";
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

// The event bus hands every tracker of a claim on this instance the same row object: one KlaimEvent per row, marked
// shared so that the trackers' identical results are executed once (server/subscribe-shared.ts).
const trackedEvents = new WeakMap<KlaimEventRow, KlaimEvent>();

function trackedEvent(row: KlaimEventRow, ownerParticipantId: string): KlaimEvent {
  let event = trackedEvents.get(row);
  if (!event) trackedEvents.set(row, (event = shareEvent(toKlaimEvent(row, ownerParticipantId))));
  return event;
}

/** A claim tracker's stream; its closures hold two ids, not the claim's row, for as long as the tracker stays open. */
function trackKlaim(events: LiveEvents, db: Db, klaimId: string, ownerParticipantId: string, afterSequence: number) {
  return klaimEventStream(
    events,
    (after) => klaimProcessingRepository.eventsAfter(db, klaimId, after),
    klaimId,
    afterSequence,
    (row) => trackedEvent(row, ownerParticipantId),
  );
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
  klaimApprove(@Arg("input", () => KlaimApproveInput, { description: "The claim and an optional note for its timeline" }) input: KlaimApproveInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return staffAction(ctx, input.klaimId, (auth, id) => ctx.services.klaimStaff.approve(auth, id, input.note));
  }

  @Mutation(() => KlaimPayload, { description: "Staff only: reject a claim (DITOLAK) before its payment starts, or after its payment failed" })
  klaimReject(@Arg("input", () => KlaimRejectInput, { description: "The claim and the reason the participant will read" }) input: KlaimRejectInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
    return staffAction(ctx, input.klaimId, (auth, id) => ctx.services.klaimStaff.reject(auth, id, input.reason));
  }

  @Mutation(() => KlaimPayload, { description: "Staff only: hold a claim before its payment starts; processing waits until klaimApprove" })
  klaimHold(@Arg("input", () => KlaimHoldInput, { description: "The claim and the reason for the timeline" }) input: KlaimHoldInput, @Ctx() ctx: Context): Promise<KlaimPayload> {
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
      return trackKlaim(ctx.services.events, ctx.services.database.db, klaim.id, klaim.participantId, afterSequence ?? 0);
    },
  })
  klaimStatusChanged(
    @Root() event: KlaimEvent,
    @Arg("klaimId", () => ID, { description: "The claim to follow (Klaim.id); its owner or staff" }) _klaimId: string,
    @Arg("afterSequence", () => Int, { nullable: true, description: "The last sequence the client has seen; omitted or 0: from the start" })
    _afterSequence: number | null,
  ): KlaimEvent {
    return event;
  }
}
