import { closableStream, nextWake, type StreamControl } from "../events/closable-stream.ts";
import type { LiveEvents } from "../klaim/klaim-event-stream.ts";
import { NOTIFICATIONS_TOPIC } from "./notifications.service.ts";
import type { NotificationRow } from "./notifications.table.ts";

/**
 * A member's new notifications, on every instance. The live topic is listened to first and buffers; then the stored
 * ones after the client's cursor are read (`replay`, null without a cursor): one committed before the read is in it,
 * one after it in the buffer (NOTIFY comes after commit), each delivered once by its id. Goes on until closed.
 */
export function notificationStream(
  events: LiveEvents,
  participantId: string,
  replay: (() => Promise<NotificationRow[]>) | null,
): AsyncIterableIterator<NotificationRow> {
  return closableStream((control) => stream(events, participantId, replay, control));
}

async function* stream(
  events: LiveEvents,
  participantId: string,
  replay: (() => Promise<NotificationRow[]>) | null,
  control: StreamControl,
): AsyncGenerator<NotificationRow, void, undefined> {
  const buffer: NotificationRow[] = [];
  const unlisten = events.listen(NOTIFICATIONS_TOPIC, participantId, (payload) => {
    buffer.push(payload as NotificationRow);
    control.wake?.();
  });
  // Only what the replay delivered can come again (live events are each delivered once by the bus).
  const replayed = new Set<string>();
  try {
    if (replay) {
      for (const row of await replay()) {
        replayed.add(row.id);
        yield row;
      }
    }
    while (!control.stopped) {
      const next = buffer.shift();
      if (!next) {
        await nextWake(control);
        continue;
      }
      if (replayed.has(next.id)) continue;
      yield next;
    }
  } finally {
    unlisten();
  }
}
