import { KLAIM_EVENTS_TOPIC } from "./klaim-events.ts";
import type { KlaimEventRow, KlaimStatusValue } from "./klaim.table.ts";

export const TERMINAL_KLAIM_STATUSES: ReadonlySet<KlaimStatusValue> = new Set(["SELESAI", "DITOLAK", "DIBATALKAN"]);

/** The live side: the event bus (PgEventBus), or any pub/sub with the same subscribe. */
export interface LiveEvents {
  subscribe(topic: string, key: string): AsyncIterable<unknown>;
}

type Row = Pick<KlaimEventRow, "sequence" | "status">;

/**
 * A claim's events after `afterSequence`: the stored ones, then the live ones, each once and in sequence order,
 * ending after a terminal status.
 *
 * The seam: the live topic is subscribed FIRST and buffers, THEN the stored events are read. An event committed
 * before the read is in the read (and maybe in the buffer too: dropped by its sequence); one committed after it is
 * in the buffer, because its NOTIFY is delivered after its commit and the listener was already there. NOTIFY is
 * at most once, so a live event that skips a sequence makes the stream read the missing ones from the table first.
 *
 * Closing it (the client unsubscribes or disconnects) ends it at once, also while it waits for the next event.
 */
export function klaimEventStream<R extends Row, T>(
  events: LiveEvents,
  readAfter: (afterSequence: number) => Promise<R[]>,
  klaimId: string,
  afterSequence: number,
  map: (row: R) => T,
): AsyncIterableIterator<T> {
  const state: { closed: boolean; wake: (() => void) | undefined } = { closed: false, wake: undefined };
  const close = () => {
    state.closed = true;
    state.wake?.();
  };
  const inner = run(events, readAfter, klaimId, afterSequence, map, state);
  return {
    next: () => inner.next(),
    return: async () => {
      close();
      return inner.return(undefined);
    },
    throw: async (error?: unknown) => {
      close();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function* run<R extends Row, T>(
  events: LiveEvents,
  readAfter: (afterSequence: number) => Promise<R[]>,
  klaimId: string,
  afterSequence: number,
  map: (row: R) => T,
  state: { closed: boolean; wake: (() => void) | undefined },
): AsyncGenerator<T, void, undefined> {
  const source = events.subscribe(KLAIM_EVENTS_TOPIC, klaimId)[Symbol.asyncIterator]();
  const buffered: R[] = [];
  let sourceEnded = false;
  // The first next() attaches the listener synchronously; from here on live events queue up in `buffered`.
  const pump = (async () => {
    try {
      for (;;) {
        const r = await source.next();
        if (r.done) break;
        buffered.push(r.value as R);
        state.wake?.();
      }
    } finally {
      sourceEnded = true;
      state.wake?.();
    }
  })();
  let last = afterSequence;
  try {
    const pending = await readAfter(last);
    for (;;) {
      for (const row of pending.splice(0)) {
        if (row.sequence <= last) continue;
        yield map(row);
        last = row.sequence;
        if (TERMINAL_KLAIM_STATUSES.has(row.status)) return;
      }
      if (state.closed) return;
      const row = buffered.shift();
      if (row) {
        if (row.sequence > last + 1) pending.push(...(await readAfter(last)));
        else pending.push(row);
        continue;
      }
      if (sourceEnded) return;
      await new Promise<void>((resolve) => (state.wake = resolve));
      state.wake = undefined;
    }
  } finally {
    await source.return?.();
    await pump.catch(() => undefined);
  }
}
