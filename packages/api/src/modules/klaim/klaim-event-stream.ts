import { KLAIM_EVENTS_TOPIC } from "./klaim-events.ts";
import type { KlaimEventRow, KlaimStatusValue } from "./klaim.table.ts";

export const TERMINAL_KLAIM_STATUSES: ReadonlySet<KlaimStatusValue> = new Set(["SELESAI", "DITOLAK", "DIBATALKAN"]);

/** The live side: the event bus (PgEventBus), or anything that calls a listener per event of a topic and key. */
export interface LiveEvents {
  listen(topic: string, key: string, listener: (payload: unknown) => void): () => void;
}

type Row = Pick<KlaimEventRow, "sequence" | "status">;

/**
 * A claim's events after `afterSequence`: the stored ones, then the live ones, each once and in sequence order,
 * ending after a terminal status.
 *
 * The seam: the live topic is listened to FIRST (at once, when the stream is made) and buffers, THEN the stored
 * events are read (at the first next()). An event committed before the read is in the read (and maybe in the buffer
 * too: dropped by its sequence); one committed after it is in the buffer, because its NOTIFY is delivered after its
 * commit and the listener was already there. NOTIFY is at most once, so a live event that skips a sequence makes the
 * stream read the missing ones from the table first.
 *
 * Closing it (the client unsubscribes or disconnects) ends it at once, also while it waits for the next event.
 * One consumer: next() is called again only after the previous call has settled (as `for await` does).
 */
export function klaimEventStream<R extends Row, T>(
  events: LiveEvents,
  readAfter: (afterSequence: number) => Promise<R[]>,
  klaimId: string,
  afterSequence: number,
  map: (row: R) => T,
): AsyncIterableIterator<T> {
  return new KlaimEventStream(events, readAfter, klaimId, afterSequence, map);
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A plain object rather than an async generator with a pump: a claim tracker lives for days while it waits, and
 * thousands of them are open on an instance, so while it waits it holds its fields, one listener on the event bus and
 * the caller's pending promise (no suspended async function with its frame).
 */
class KlaimEventStream<R extends Row, T> implements AsyncIterableIterator<T> {
  /** Live events not yet looked at, in arrival (commit) order. */
  private buffered: R[] = [];
  /** Stored events read from the table, to deliver before the buffer, last one first; undefined until the first read. */
  private pending: R[] | undefined;
  private last: number;
  private finished = false;
  /** The pending next() while nothing is there to deliver. */
  private waiting: ((result: Promise<IteratorResult<T, undefined>>) => void) | undefined;
  private unlisten: (() => void) | undefined;

  constructor(
    events: LiveEvents,
    private readonly readAfter: (afterSequence: number) => Promise<R[]>,
    klaimId: string,
    afterSequence: number,
    private readonly map: (row: R) => T,
  ) {
    this.last = afterSequence;
    this.unlisten = events.listen(KLAIM_EVENTS_TOPIC, klaimId, (payload) => {
      this.buffered.push(payload as R);
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.(this.next());
    });
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.finished) return Promise.resolve(DONE);
    if (!this.pending) return this.readThenNext();
    for (;;) {
      const row = this.pending.pop();
      if (row) {
        if (row.sequence <= this.last) continue;
        this.last = row.sequence;
        if (TERMINAL_KLAIM_STATUSES.has(row.status)) this.finish();
        return Promise.resolve({ done: false, value: this.map(row) });
      }
      const live = this.buffered.shift();
      if (!live) break;
      // A skipped sequence: its NOTIFY was lost, the table has it.
      if (live.sequence > this.last + 1) return this.readThenNext();
      this.pending.push(live);
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    this.finish();
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<T, undefined>> {
    this.finish();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  /** Reads the stored events after the last one delivered (at the start, and after a lost NOTIFY), then goes on. */
  private async readThenNext(): Promise<IteratorResult<T, undefined>> {
    const rows = await this.readAfter(this.last);
    this.pending = rows.reverse();
    return this.next();
  }

  private finish(): void {
    this.finished = true;
    this.unlisten?.();
    this.unlisten = undefined;
    this.buffered = [];
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(Promise.resolve(DONE));
  }
}
