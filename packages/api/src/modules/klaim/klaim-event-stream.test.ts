import { describe, expect, it } from "vitest";
import { klaimEventStream, type LiveEvents } from "./klaim-event-stream.ts";
import { KLAIM_EVENTS_TOPIC } from "./klaim-events.ts";
import type { KlaimStatusValue } from "./klaim.table.ts";

type Row = { sequence: number; status: KlaimStatusValue };
const STATUSES: KlaimStatusValue[] = ["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"];
const row = (sequence: number): Row => ({ sequence, status: STATUSES[sequence - 1]! });

/** An in-memory event bus and event table: `commit` stores an event and (unless `lost`) publishes it. */
function fixture() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bus: LiveEvents = {
    listen(topic, key, listener) {
      const k = `${topic}:${key}`;
      if (!listeners.has(k)) listeners.set(k, new Set());
      listeners.get(k)!.add(listener);
      return () => listeners.get(k)!.delete(listener);
    },
  };
  const table: Row[] = [];
  const reads: number[] = [];
  let duringRead: (() => void) | undefined;
  return {
    bus,
    table,
    reads,
    listening: () => listeners.get(`${KLAIM_EVENTS_TOPIC}:k1`)?.size ?? 0,
    commit(sequence: number, opts: { lost?: boolean } = {}) {
      table.push(row(sequence));
      if (!opts.lost) for (const listener of listeners.get(`${KLAIM_EVENTS_TOPIC}:k1`) ?? []) listener(row(sequence));
    },
    /** Runs once inside the next read, before it returns: events committed while the stream reads the table. */
    onNextRead(fn: () => void) {
      duringRead = fn;
    },
    async readAfter(after: number): Promise<Row[]> {
      reads.push(after);
      await Promise.resolve(); // a real read answers later: events committed before it answers are in it
      const rows = table.filter((r) => r.sequence > after);
      const fn = duringRead;
      duringRead = undefined;
      fn?.();
      return rows;
    },
  };
}

async function take<T>(it: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe("klaimEventStream", () => {
  it("replays the stored events, then the live ones, without a duplicate at the seam, and ends after SELESAI", async () => {
    const f = fixture();
    f.commit(1);
    f.commit(2);
    // Committed while the table is read: 3 is both in the read and on the live topic.
    f.onNextRead(() => f.commit(3));
    const stream = klaimEventStream(f.bus, (a) => f.readAfter(a), "k1", 0, (r) => r.sequence);
    expect(await take(stream, 3)).toEqual([1, 2, 3]);
    f.commit(4);
    f.commit(5);
    expect(await take(stream, 10)).toEqual([4, 5]);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it("sends once an event that is both in the read and on the live topic", async () => {
    const f = fixture();
    f.commit(1);
    const stream = klaimEventStream(f.bus, (a) => f.readAfter(a), "k1", 0, (r) => r.sequence);
    const first = stream.next(); // subscribes, then reads
    f.commit(2); // after subscribing, before the read answers: in both
    expect(await first).toEqual({ done: false, value: 1 });
    expect(await take(stream, 1)).toEqual([2]);
    f.commit(3);
    expect(await take(stream, 1)).toEqual([3]);
    await stream.return!();
  });

  it("starts after afterSequence", async () => {
    const f = fixture();
    for (const s of [1, 2, 3]) f.commit(s);
    const stream = klaimEventStream(f.bus, (a) => f.readAfter(a), "k1", 2, (r) => r.sequence);
    expect(await take(stream, 1)).toEqual([3]);
    expect(f.reads).toEqual([2]);
    await stream.return!();
  });

  it("reads a lost live event from the table when the next one skips its sequence", async () => {
    const f = fixture();
    f.commit(1);
    const stream = klaimEventStream(f.bus, (a) => f.readAfter(a), "k1", 0, (r) => r.sequence);
    expect(await take(stream, 1)).toEqual([1]);
    f.commit(2, { lost: true });
    f.commit(3);
    expect(await take(stream, 2)).toEqual([2, 3]);
    expect(f.reads).toEqual([0, 1]);
    await stream.return!();
  });

  it("ends at once when closed while it waits for the next event", async () => {
    const f = fixture();
    f.commit(1);
    const stream = klaimEventStream(f.bus, (a) => f.readAfter(a), "k1", 0, (r) => r.sequence);
    expect(await take(stream, 1)).toEqual([1]);
    const waiting = stream.next();
    await new Promise((r) => setTimeout(r, 10));
    // No further event ever comes: closing must not wait for one.
    await stream.return!();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(f.listening()).toBe(0);
  });

  it("stops listening once the claim ended, and when closed before it was ever read", async () => {
    const f = fixture();
    const ended = klaimEventStream(f.bus, (a) => f.readAfter(a), "k1", 0, (r) => r.sequence);
    const unread = klaimEventStream(f.bus, (a) => f.readAfter(a), "k1", 0, (r) => r.sequence);
    expect(f.listening()).toBe(2);
    for (const s of [1, 2, 3, 4, 5]) f.commit(s);
    expect(await take(ended, 10)).toEqual([1, 2, 3, 4, 5]);
    expect(f.listening()).toBe(1);
    await unread.return!();
    expect(f.listening()).toBe(0);
  });
});
