import { describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { EVENTS_CHANNEL, PgEventBus } from "./event-bus.ts";

/** A bus on a stand-in database whose NOTIFYs the test sends itself. */
async function fixture() {
  let notify: ((payload: string) => void) | undefined;
  const database = {
    listen: async (channel: string, onPayload: (payload: string) => void) => {
      expect(channel).toBe(EVENTS_CHANNEL);
      notify = onPayload;
      return async () => undefined;
    },
  } as unknown as Database;
  const bus = new PgEventBus(database);
  const loaded: string[] = [];
  bus.register("T", async (id) => (loaded.push(id), { id }));
  await bus.start();
  return { bus, loaded, send: (key: string, id: string) => notify!(JSON.stringify({ t: "T", k: key, id })) };
}

describe("PgEventBus.listen", () => {
  it("loads each event once and hands the same object to every listener of its key, in commit order", async () => {
    const f = await fixture();
    const got: unknown[][] = [[], [], []];
    const off = [f.bus.listen("T", "k1", (p) => got[0]!.push(p)), f.bus.listen("T", "k1", (p) => got[1]!.push(p)), f.bus.listen("T", "k2", (p) => got[2]!.push(p))];
    f.send("k1", "e1");
    f.send("k2", "e2");
    f.send("k1", "e3");
    await f.bus.stop();
    expect(f.loaded).toEqual(["e1", "e2", "e3"]);
    expect(got[0]).toEqual([{ id: "e1" }, { id: "e3" }]);
    expect(got[0]![0]).toBe(got[1]![0]);
    expect(got[2]).toEqual([{ id: "e2" }]);
    off.forEach((o) => o());
  });

  it("stops calling a listener once it unsubscribed, whether it was alone on its key or not", async () => {
    const f = await fixture();
    const got: string[] = [];
    const offA = f.bus.listen("T", "k1", () => got.push("a"));
    const offB = f.bus.listen("T", "k1", () => got.push("b"));
    offA();
    f.send("k1", "e1");
    await new Promise((r) => setTimeout(r, 10)); // delivered after its load
    offB();
    f.send("k1", "e2");
    await f.bus.stop();
    expect(got).toEqual(["b"]);
  });
});
