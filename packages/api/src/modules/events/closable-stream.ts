/** What a stream's generator and its closer share: whether it was closed, and how to wake its pending wait. */
export interface StreamControl {
  stopped: boolean;
  wake: (() => void) | undefined;
}

/**
 * A live stream whose generator waits for events with `nextWake(control)`. An async generator's return() waits for the
 * generator's pending await: closing (the client unsubscribes or disconnects) wakes that wait first, so a subscriber
 * with nothing happening is let go at once and the generator's `finally` (unlisten) runs.
 */
export function closableStream<T>(run: (control: StreamControl) => AsyncGenerator<T, void, undefined>): AsyncIterableIterator<T> {
  const control: StreamControl = { stopped: false, wake: undefined };
  const inner = run(control);
  const close = () => {
    control.stopped = true;
    control.wake?.();
  };
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

/** Resolves when a listener calls `control.wake()` (an event arrived) or the stream is closed. */
export async function nextWake(control: StreamControl): Promise<void> {
  await new Promise<void>((resolve) => (control.wake = resolve));
  control.wake = undefined;
}
