/**
 * Subscription events whose result is the same for every subscriber who sends the same document and variables with
 * the same role, participant and language: the server executes the selection once per such event and hands the
 * one result to all of them (server/subscribe-shared.ts). Mark only events whose fields read nothing else of the
 * caller (no account, session or device).
 */
const sharedEvents = new WeakSet<object>();

export function shareEvent<T extends object>(event: T): T {
  sharedEvents.add(event);
  return event;
}

export function isSharedEvent(event: unknown): event is object {
  return typeof event === "object" && event !== null && sharedEvents.has(event);
}
