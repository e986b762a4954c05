import { closableStream, nextWake, type StreamControl } from "../events/closable-stream.ts";
import type { LiveEvents } from "../klaim/klaim-event-stream.ts";
import { IURAN_BPU_EVENTS_TOPIC } from "./iuran.service.ts";
import type { BpuPaymentEventRow, BpuPaymentRow } from "./iuran.table.ts";

export interface LoadedPaymentEvent {
  event: BpuPaymentEventRow;
  payment: BpuPaymentRow;
}

const TERMINAL = new Set(["PAID", "EXPIRED", "CANCELLED"]);

/**
 * A card's payment events (routed by card id), optionally of one payment only. The live topic is listened to first
 * and buffers; then, for one payment, its stored events after `afterSequence` are read: an event committed before
 * the read is in it, one after it in the buffer (NOTIFY comes after commit), each delivered once by its sequence.
 * Following one payment ends after PAID, EXPIRED or CANCELLED; following a card goes on until closed.
 */
export function paymentEventStream(
  events: LiveEvents,
  cardId: string,
  paymentId: string | null,
  afterSequence: number,
  readStored: (paymentId: string, afterSequence: number) => Promise<LoadedPaymentEvent[]>,
): AsyncIterableIterator<LoadedPaymentEvent> {
  return closableStream((control) => stream(events, cardId, paymentId, afterSequence, readStored, control));
}

async function* stream(
  events: LiveEvents,
  cardId: string,
  paymentId: string | null,
  afterSequence: number,
  readStored: (paymentId: string, afterSequence: number) => Promise<LoadedPaymentEvent[]>,
  control: StreamControl,
): AsyncGenerator<LoadedPaymentEvent, void, undefined> {
  const buffer: LoadedPaymentEvent[] = [];
  const unlisten = events.listen(IURAN_BPU_EVENTS_TOPIC, cardId, (payload) => {
    const loaded = payload as LoadedPaymentEvent;
    if (paymentId && loaded.event.paymentId !== paymentId) return;
    buffer.push(loaded);
    control.wake?.();
  });
  const seen = new Map<string, number>();
  const fresh = (e: LoadedPaymentEvent) => {
    const last = seen.get(e.event.paymentId) ?? (paymentId ? afterSequence : 0);
    if (e.event.sequence <= last) return false;
    seen.set(e.event.paymentId, e.event.sequence);
    return true;
  };
  try {
    if (paymentId) {
      for (const stored of await readStored(paymentId, afterSequence)) {
        if (!fresh(stored)) continue;
        yield stored;
        if (TERMINAL.has(stored.event.status)) return;
      }
    }
    while (!control.stopped) {
      const next = buffer.shift();
      if (!next) {
        await nextWake(control);
        continue;
      }
      if (!fresh(next)) continue;
      yield next;
      if (paymentId && TERMINAL.has(next.event.status)) return;
    }
  } finally {
    unlisten();
  }
}
