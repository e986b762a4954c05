import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from "graphql";
import { describe, expect, it } from "vitest";
import { shareEvent } from "../common/shared-event.ts";
import { subscribeShared } from "./subscribe-shared.ts";

/** A schema whose one subscription streams what `publish` sends, counting how often `sequence` is resolved. */
function fixture() {
  const listeners = new Set<(event: object) => void>();
  let resolved = 0;
  const Event = new GraphQLObjectType({
    name: "Event",
    fields: {
      sequence: { type: GraphQLInt, resolve: (e: { sequence: number }) => (resolved++, e.sequence) },
      status: { type: GraphQLString },
    },
  });
  const field = { type: GraphQLInt, resolve: () => 0 };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { ok: field } }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: {
        events: {
          type: Event,
          subscribe: () => {
            const queue: object[] = [];
            let wake: (() => void) | undefined;
            const listener = (e: object) => (queue.push(e), wake?.());
            listeners.add(listener);
            return {
              async next() {
                while (!queue.length) await new Promise<void>((r) => (wake = r));
                return { done: false, value: queue.shift() };
              },
              async return() {
                listeners.delete(listener);
                return { done: true, value: undefined };
              },
              [Symbol.asyncIterator]() {
                return this;
              },
            };
          },
          resolve: (e: object) => e,
        },
      },
    }),
  });
  const document = parse("subscription { events { sequence status } }");
  return {
    publish: (event: object) => listeners.forEach((l) => l(event)),
    resolved: () => resolved,
    subscribe: async (viewer: string) => (await subscribeShared({ schema, document }, viewer)) as AsyncIterableIterator<ExecutionResult>,
  };
}

describe("subscribeShared", () => {
  it("executes a shared event once for every subscriber with the same document, variables and viewer", async () => {
    const f = fixture();
    const subs = await Promise.all(Array.from({ length: 40 }, () => f.subscribe("PESERTA:p1:id")));
    const next = subs.map((s) => s.next());
    f.publish(shareEvent({ sequence: 1, status: "AGENDA" }));
    const results = await Promise.all(next);
    expect(results.map((r) => r.value)).toEqual(Array(40).fill({ data: { events: { sequence: 1, status: "AGENDA" } } }));
    expect(f.resolved()).toBe(1);
    await Promise.all(subs.map((s) => s.return!()));
  });

  it("executes once per viewer, and an unmarked event once per subscriber", async () => {
    const f = fixture();
    const subs = [await f.subscribe("PESERTA:p1:id"), await f.subscribe("PESERTA:p1:id"), await f.subscribe("PETUGAS::en")];
    let next = subs.map((s) => s.next());
    f.publish(shareEvent({ sequence: 1, status: "AGENDA" }));
    await Promise.all(next);
    expect(f.resolved()).toBe(2);
    next = subs.map((s) => s.next());
    f.publish({ sequence: 2, status: "VERIFIKASI" });
    expect((await Promise.all(next)).map((r) => r.value)).toEqual(Array(3).fill({ data: { events: { sequence: 2, status: "VERIFIKASI" } } }));
    expect(f.resolved()).toBe(5);
    await Promise.all(subs.map((s) => s.return!()));
  });
});
