import type { Duplex } from "node:stream";
import { describe, expect, it } from "vitest";
import { SandboxBank } from "../../api/src/modules/klaim/bank.ts";
import { KlaimWorker } from "../../api/src/modules/klaim/klaim.worker.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { useSdkClients } from "./support/clients.ts";
import { JmoError, type KlaimStatusChangedSubscription } from "../src/index.ts";
import { submittedKlaim } from "./support/klaim.ts";

const h = useServerHarness();
const signedIn = useSdkClients(h);

/** Every raw connection upgraded to a WebSocket since the call, so that a test can cut them as a network would. */
function serverSockets() {
  const sockets: Duplex[] = [];
  const onUpgrade = (_req: unknown, socket: Duplex) => void sockets.push(socket);
  h.server.httpServer.on("upgrade", onUpgrade);
  return {
    get count() {
      return sockets.length;
    },
    /** Drops every open connection without a close frame (the client sees 1006, as when a phone loses signal). */
    cut() {
      for (const s of sockets) s.destroy();
    },
    stop: () => h.server.httpServer.off("upgrade", onUpgrade),
  };
}

/** A gate the client's reconnect waits on, so that the test decides what happens while it is offline. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const waits: number[] = [];
  return {
    waits,
    open,
    retryWait: async (retries: number) => {
      waits.push(retries);
      await opened;
    },
  };
}


/** A worker that takes one step per `step()`: each step is due an hour after the last, and the clock jumps an hour. */
function steppingWorker() {
  let now = Date.now();
  const worker = new KlaimWorker(h.tdb.database, {
    bank: new SandboxBank(h.tdb.database),
    saldoOf: async () => 100_000n,
    stepDelaySeconds: 3600,
    clock: { now: () => new Date(now) },
  });
  return {
    async step() {
      expect(await worker.runDue()).toBe(1);
      now += 3601_000;
    },
  };
}

type KlaimEvent = KlaimStatusChangedSubscription["klaimStatusChanged"];

/** Reads a subscription in the background; `next(n)` waits until n events have arrived. */
function reader(events: AsyncIterable<KlaimStatusChangedSubscription>) {
  const received: KlaimEvent[] = [];
  const done = (async () => {
    for await (const { klaimStatusChanged } of events) received.push(klaimStatusChanged);
  })();
  done.catch(() => {}); // awaited by the tests that expect it to fail
  return {
    received,
    done,
    next: (n: number) => expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(n),
  };
}

describe("SDK subscriptions across a dropped connection", () => {
  it("resumes klaimStatusChanged after the last sequence it received: every status once, in order, through SELESAI", async () => {
    const { email, klaimId } = await submittedKlaim(h);
    const worker = steppingWorker();
    const network = serverSockets();
    const offline = gate();
    const jmo = await signedIn(email, { retryWait: offline.retryWait });

    const live = reader(jmo.klaimStatusChanged({ klaimId, afterSequence: 0 }));
    await live.next(1);
    await worker.step(); // VERIFIKASI
    await live.next(2);

    // The connection drops mid-claim; the claim moves on twice while the client is offline.
    expect(network.count).toBe(1);
    network.cut();
    await expect.poll(() => offline.waits).toEqual([0]); // the client noticed, and waits to reconnect
    await worker.step(); // PENETAPAN
    await worker.step(); // PEMBAYARAN
    offline.open();

    await live.next(4); // the two it missed, replayed after sequence 2 on the new connection
    expect(network.count).toBe(2);
    await worker.step(); // SELESAI, which completes the subscription
    await live.done;
    network.stop();

    expect(live.received.map((e) => [e.sequence, e.status])).toEqual([
      [1, "AGENDA"],
      [2, "VERIFIKASI"],
      [3, "PENETAPAN"],
      [4, "PEMBAYARAN"],
      [5, "SELESAI"],
    ]);
    const { klaim } = await jmo.klaimTimeline({ id: klaimId });
    expect(klaim?.timeline).toEqual(live.received);
  });

  it("starts after the sequence the caller gives, and resumes from the last one received after that", async () => {
    const { email, klaimId } = await submittedKlaim(h);
    const worker = steppingWorker();
    await worker.step(); // VERIFIKASI
    const network = serverSockets();
    const offline = gate();
    const jmo = await signedIn(email, { retryWait: offline.retryWait });

    const live = reader(jmo.klaimStatusChanged({ klaimId, afterSequence: 1 }));
    await live.next(1);
    network.cut();
    await expect.poll(() => offline.waits).toEqual([0]);
    offline.open();
    await worker.step(); // PENETAPAN
    await live.next(2);
    await worker.step(); // PEMBAYARAN
    await worker.step(); // SELESAI
    await live.done;
    network.stop();
    expect(live.received.map((e) => e.sequence)).toEqual([2, 3, 4, 5]);
  });

  it("gives up with NETWORK_ERROR after retryAttempts reconnects that fail", async () => {
    const { email, klaimId } = await submittedKlaim(h);
    const network = serverSockets();
    const jmo = await signedIn(email, { retryAttempts: 0 });
    const live = reader(jmo.klaimStatusChanged({ klaimId }));
    await live.next(1);
    network.cut();
    const error: unknown = await live.done.then(
      () => expect.fail("expected the subscription to fail"),
      (e: unknown) => e,
    );
    network.stop();
    expect(error).toBeInstanceOf(JmoError);
    expect(error).toMatchObject({ code: "NETWORK_ERROR" });
    expect(live.received.map((e) => e.sequence)).toEqual([1]);
  });
});
