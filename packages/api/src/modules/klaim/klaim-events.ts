import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { emitEvent } from "../events/event-bus.ts";
import { recordNotification } from "../notifications/notifications.service.ts";
import { klaimEvents, klaims, type KlaimEventRow, type KlaimStatusValue } from "./klaim.table.ts";

/** Event-bus topic of claim status events; the routing key is the claim's (database) id. */
export const KLAIM_EVENTS_TOPIC = "KLAIM_EVENTS";

/**
 * Records a status change of a claim: takes the claim's next sequence (the update also locks the claim's row
 * until the transaction ends, so sequences never collide), stores the event and publishes it on commit.
 * Call it in the same transaction as the status update. Events start at submit (AGENDA is sequence 1). A new status
 * also becomes a KLAIM_STATUS notification in the same transaction.
 * `actor`: "system", "participant", or a staff account id.
 */
export async function appendKlaimEvent(
  tx: DbOrTx,
  klaimId: string,
  status: KlaimStatusValue,
  note: string | null,
  actor: string | null,
): Promise<KlaimEventRow> {
  const [bumped] = await tx
    .update(klaims)
    .set({ lastSequence: sql`${klaims.lastSequence} + 1`, updatedAt: sql`now()` })
    .where(eq(klaims.id, klaimId))
    .returning({ lastSequence: klaims.lastSequence, participantId: klaims.participantId, nomor: klaims.nomor, rejectionReason: klaims.rejectionReason });
  if (!bumped) throw new Error(`appendKlaimEvent: no klaim ${klaimId}`);
  // Events that keep the status (a hold, a release, a clearing date) are the tracker's; the kotak masuk hears of a
  // change of status only, once: the previous event is read under the claim's row lock taken above.
  const [previous] =
    bumped.lastSequence > 1
      ? await tx
          .select({ status: klaimEvents.status })
          .from(klaimEvents)
          .where(and(eq(klaimEvents.klaimId, klaimId), eq(klaimEvents.sequence, bumped.lastSequence - 1)))
      : [];
  const [event] = await tx
    .insert(klaimEvents)
    .values({ klaimId, sequence: bumped.lastSequence, status, note, actor })
    .returning();
  await emitEvent(tx, KLAIM_EVENTS_TOPIC, klaimId, event!.id);
  if (previous?.status !== status) {
    const params: Record<string, string> = { nomor: bumped.nomor, status };
    if (status === "DITOLAK" && bumped.rejectionReason) params.reason = bumped.rejectionReason;
    await recordNotification(tx, { participantId: bumped.participantId, kind: "KLAIM_STATUS", params, subject: { type: "Klaim", id: klaimId } });
  }
  return event!;
}
