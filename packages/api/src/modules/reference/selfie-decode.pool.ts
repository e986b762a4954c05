// A small pool of worker threads that decode selfies off the event loop (issue 10, finding 4): one upload, or six,
// cannot stall other requests. Bounded on every side: a few threads, a short queue, a time limit per decode.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SelfieImage } from "./selfie.ts";

export interface SelfieDecodePoolOptions {
  /** Decoding threads: at most 2, and one core is left to the event loop (1 on a 2-core machine). */
  size: number;
  /** Selfies waiting for a thread; one more is refused (SelfieDecodeBusy) instead of piling up memory and delay. */
  maxQueue: number;
  /** Longest decode (from when a thread takes it): its thread is ended and the caller told to retry. */
  timeoutMs: number;
  /** An idle thread ends after this long, giving back the memory of its last decode. */
  idleMs: number;
}

export const SELFIE_DECODE_DEFAULTS: SelfieDecodePoolOptions = {
  size: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxQueue: 8,
  // jpeg-js takes 2–8 s for 13 MP on a busy 2-core machine: room for that, not for a hostile image's endless scans.
  timeoutMs: 20_000,
  idleMs: 10_000,
};

/** What the pixels say: `readable` when they decode completely at the header's size; `flat` per the tolerance. */
export type PixelCheck = { readable: false } | { readable: true; flat: boolean };

/** The pool cannot take the selfie now (queue full, decode too slow, pool closed): the caller should retry later. */
export class SelfieDecodeBusy extends Error {
  constructor(readonly reason: "QUEUE_FULL" | "TIMEOUT" | "CLOSED") {
    super(`selfie decoder busy: ${reason}`);
    this.name = "SelfieDecodeBusy";
  }
}

const WORKER_URL = new URL("./selfie-decode.worker.mjs", import.meta.url);

interface Task {
  id: number;
  image: SelfieImage;
  flatTolerance: number;
  resolve: (check: PixelCheck) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export class SelfieDecodePool {
  private readonly options: SelfieDecodePoolOptions;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** Decodes started since the pool was made (for tests and the benchmark). */
  decodes = 0;

  constructor(options: Partial<SelfieDecodePoolOptions> = {}) {
    this.options = { ...SELFIE_DECODE_DEFAULTS, ...options };
    if (this.options.size < 1 || this.options.size > 2) throw new Error("SelfieDecodePool: size must be 1 or 2");
  }

  /** Decodes the selfie's pixels in a thread. Rejects with SelfieDecodeBusy when it cannot (never for a bad image). */
  check(image: SelfieImage, flatTolerance: number): Promise<PixelCheck> {
    if (this.closed) return Promise.reject(new SelfieDecodeBusy("CLOSED"));
    const busy = [...this.slots].filter((s) => s.task).length;
    if (busy >= this.options.size && this.queue.length >= this.options.maxQueue) return Promise.reject(new SelfieDecodeBusy("QUEUE_FULL"));
    return new Promise<PixelCheck>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, image, flatTolerance, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every thread and refuses what still waits; later calls are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new SelfieDecodeBusy("CLOSED"));
    await Promise.all([...this.slots].map((slot) => this.end(slot, new SelfieDecodeBusy("CLOSED"))));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = [...this.slots].find((s) => !s.task) ?? (this.slots.size < this.options.size ? this.spawn() : null);
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = setTimeout(() => void this.end(slot, new SelfieDecodeBusy("TIMEOUT")), this.options.timeoutMs);
      slot.worker.ref(); // a decode under way keeps the process alive; an idle thread does not
      this.decodes++;
      const { bytes, mime, width, height } = task.image;
      slot.worker.postMessage({ id: task.id, bytes, mime, width, height, flatTolerance: task.flatTolerance });
    }
  }

  private spawn(): Slot {
    // Heap objects of a decode stay well under this; pixel buffers live outside the heap and are capped by the header.
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 256 } });
    const slot: Slot = { worker, task: null, timer: null };
    this.slots.add(slot);
    worker.on("message", (message: { id: number } & PixelCheck) => {
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      slot.task = null;
      slot.worker.unref();
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = setTimeout(() => void this.end(slot, null), this.options.idleMs);
      slot.timer.unref();
      task.resolve(message.readable ? { readable: true, flat: (message as { flat: boolean }).flat } : { readable: false });
      this.dispatch();
    });
    // A thread that dies (it cannot start, or runs out of heap): the selfie was not judged, so it fails as a server
    // error (masked, logged) and uses no attempt; the next selfie gets a fresh thread.
    const died = (error: Error): void => {
      if (!this.slots.delete(slot)) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.task?.reject(error);
      slot.task = null;
      this.dispatch();
    };
    worker.on("error", died);
    worker.on("exit", (code) => died(new Error(`selfie decode thread exited with code ${code}`)));
    return slot;
  }

  /** Ends a thread; its running task (if any) is rejected with `error`, or resolved unreadable when there is none. */
  private async end(slot: Slot, error: Error | null): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    if (task) task.reject(error ?? new SelfieDecodeBusy("CLOSED"));
    await slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
