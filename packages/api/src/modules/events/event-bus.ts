import { createPubSub } from "@graphql-yoga/subscription";
import type { PubSub } from "type-graphql";
import { notify, type Database, type DbOrTx } from "../../db/database.ts";
import { logger } from "../../common/logger.ts";

/** The one NOTIFY channel (lower case: PGlite folds case). Payloads carry ids only, never data. */
export const EVENTS_CHANNEL = "jmo_events";

interface Envelope {
  /** topic */
  t: string;
  /** routing key, e.g. the account id the event belongs to */
  k: string;
  /** id of the stored event row */
  id: string;
}

/** Loads a stored event by id, as the subscription will deliver it; null when it is gone. */
export type EventLoader = (id: string) => Promise<unknown | null>;

/** Receives the events of one topic and key; the payload is the one object loaded for every receiver on the instance. */
export type KeyedListener = (payload: unknown) => void;

/**
 * Publishes an event stored in the same transaction: PostgreSQL delivers the NOTIFY only if the
 * transaction commits, to every API instance listening on the database.
 */
export async function emitEvent(tx: DbOrTx, topic: string, key: string, id: string): Promise<void> {
  const envelope: Envelope = { t: topic, k: key, id };
  await notify(tx, EVENTS_CHANNEL, JSON.stringify(envelope));
}

/**
 * type-graphql's PubSub on PostgreSQL LISTEN/NOTIFY. Each instance listens once, loads each stored event
 * once, and fans it out to its own subscribers in memory. NOTIFY is at-most-once: flows that must not
 * miss an event replay from their stored events (the table), and use this only for what is new.
 */
export class PgEventBus implements PubSub {
  private readonly local = createPubSub<Record<string, [string, unknown]>>();
  private readonly loaders = new Map<string, EventLoader>();
  private readonly listeners = new Map<string, Set<(key: string, payload: unknown) => void>>();
  // "topic\0key" → its receivers: a subscription costs one Set entry, and an event is one Map lookup however many
  // subscriptions the instance holds.
  private readonly keyed = new Map<string, Set<KeyedListener> | KeyedListener>();
  private unlisten: (() => Promise<void>) | undefined;
  // Events are handled one after another so that subscribers see them in commit order.
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly database: Database) {}

  /** Tells the bus how to load the stored events of a topic. */
  register(topic: string, load: EventLoader): void {
    this.loaders.set(topic, load);
  }

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, (payload) => {
      // Loads start at once (in parallel), publishing waits for the previous event: commit order, without one
      // database round trip per event in series.
      const loaded = this.load(payload);
      this.queue = this.queue.then(async () => {
        const event = await loaded;
        if (event) this.deliver(event.topic, event.key, event.payload);
      });
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
    await this.queue;
  }

  private async load(payload: string): Promise<{ topic: string; key: string; payload: unknown } | null> {
    try {
      const envelope = JSON.parse(payload) as Envelope;
      const load = this.loaders.get(envelope.t);
      if (!load) return null;
      const event = await load(envelope.id);
      return event === null ? null : { topic: envelope.t, key: envelope.k, payload: event };
    } catch (err) {
      logger.error({ err }, "event delivery failed");
      return null;
    }
  }

  /**
   * Calls `listener` with every event of a topic that reaches this instance (not a GraphQL subscription: the
   * server's own reactions, such as closing the WebSockets of a session that ended). Returns the unsubscribe.
   */
  onEvent(topic: string, listener: (key: string, payload: unknown) => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Calls `listener` with every event of `topic` for `key` that reaches this instance, synchronously and in commit
   * order, with the same payload object as every other listener of the key. Returns the unsubscribe.
   */
  listen(topic: string, key: string, listener: KeyedListener): () => void {
    const k = `${topic}\0${key}`;
    const existing = this.keyed.get(k);
    // Most keys have one listener (one claim tracker): kept bare, without a Set.
    if (!existing) this.keyed.set(k, listener);
    else if (typeof existing === "function") this.keyed.set(k, new Set([existing, listener]));
    else existing.add(listener);
    return () => {
      const current = this.keyed.get(k);
      if (current === listener) this.keyed.delete(k);
      else if (current && typeof current !== "function") {
        current.delete(listener);
        if (current.size === 1) this.keyed.set(k, current.values().next().value!);
      }
    };
  }

  private deliver(topic: string, key: string, payload: unknown): void {
    for (const listener of this.listeners.get(topic) ?? []) {
      try {
        listener(key, payload);
      } catch (err) {
        logger.error({ err, topic }, "event listener failed");
      }
    }
    const keyed = this.keyed.get(`${topic}\0${key}`);
    if (typeof keyed === "function") this.callKeyed(keyed, topic, payload);
    else if (keyed) for (const listener of [...keyed]) this.callKeyed(listener, topic, payload);
    this.local.publish(topic, key, payload);
  }

  private callKeyed(listener: KeyedListener, topic: string, payload: unknown): void {
    try {
      listener(payload);
    } catch (err) {
      logger.error({ err, topic }, "event listener failed");
    }
  }

  /** In-process publish only; cross-instance events go through `emitEvent` inside a transaction. */
  publish(routingKey: string, ...args: unknown[]): void {
    const [key, payload] = args as [string, unknown];
    this.local.publish(routingKey, key, payload);
  }

  subscribe(routingKey: string, dynamicId?: unknown): AsyncIterable<unknown> {
    return this.local.subscribe(routingKey, String(dynamicId ?? ""));
  }
}
