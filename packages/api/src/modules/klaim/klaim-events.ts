import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { emitEvent } from "../events/event-bus.ts";
import { klaimEvents, klaims, type KlaimEventRow, type KlaimStatusValue } from "./klaim.table.ts";

/** Event-bus topic of claim status events; the routing key is the claim's (database) id. */
export const KLAIM_EVENTS_TOPIC = "KLAIM_EVENTS";

/**
 * Records a status change of a claim: takes the claim's next sequence (the update also locks the claim's row
 * until the transaction ends, so sequences never collide), stores the event and publishes it on commit.
 * Call it in the same transaction as the status update. Events start at submit (AGENDA is sequence 1).
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
    .returning({ lastSequence: klaims.lastSequence });
  if (!bumped) throw new Error(`appendKlaimEvent: no klaim ${klaimId}`);
  const [event] = await tx
    .insert(klaimEvents)
    .values({ klaimId, sequence: bumped.lastSequence, status, note, actor })
    .returning();
  await emitEvent(tx, KLAIM_EVENTS_TOPIC, klaimId, event!.id);
  return event!;
}
