// Load client of bench/klaim-subscriptions.ts, run as a child process (fork) so that the servers' CPU is seen apart from
// the clients'. Raw `ws` with the few messages of the graphql-transport-ws protocol the bench needs (connection_init,
// subscribe, next, complete, error, ping/pong): the graphql-ws client costs several times more CPU and memory per socket,
// and at 20,000 sockets on two cores the client would be what the benchmark measured.
// One WebSocket per member device, carrying that device's subscriptions (graphql-ws multiplexes them on one socket).
import { performance } from "node:perf_hooks";
import WebSocket from "ws";

/** One device's socket: where it connects, with whose token, and the subscriptions it carries. */
export interface DeviceSocket {
  url: string;
  token: string;
  subs: Array<{ index: number; klaimId: string }>;
}

export type ToClient =
  | { type: "open"; sockets: DeviceSocket[]; query: string; concurrency: number }
  | { type: "count" }
  | { type: "collect" }
  | { type: "close" };

export type FromClient =
  | { type: "opened"; sockets: number; subscriptions: number; failed: number; ms: number; firstErrors: string[] }
  | { type: "count"; received: number; completed: number; errors: number; closed: number }
  | {
      type: "results";
      /** per delivery: subscription index, sequence, arrival (ms since the epoch, sub-millisecond) */
      index: Int32Array;
      sequence: Int32Array;
      at: Float64Array;
      completed: Int32Array;
      errors: Array<{ index: number; error: string }>;
      closedEarly: number;
    };

const now = () => performance.timeOrigin + performance.now();

let index: number[] = [];
let sequence: number[] = [];
let at: number[] = [];
const completed: number[] = [];
const errors: Array<{ index: number; error: string }> = [];
let closedEarly = 0;
const open: WebSocket[] = [];
let closing = false;

function send(message: FromClient): void {
  process.send!(message);
}

function connect(device: DeviceSocket, query: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(device.url.replace(/^http/, "ws"), "graphql-transport-ws", { perMessageDeflate: false });
    let acked = false;
    ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${device.token}` } })));
    ws.on("message", (data: Buffer) => {
      const t = now();
      const msg = JSON.parse(data.toString()) as { type: string; id?: string; payload?: unknown };
      switch (msg.type) {
        case "next": {
          const payload = msg.payload as { data?: { klaimStatusChanged?: { sequence: number } }; errors?: unknown };
          const seq = payload.data?.klaimStatusChanged?.sequence;
          if (seq === undefined) errors.push({ index: Number(msg.id), error: JSON.stringify(payload.errors) });
          else {
            index.push(Number(msg.id));
            sequence.push(seq);
            at.push(t);
          }
          break;
        }
        case "complete":
          completed.push(Number(msg.id));
          break;
        case "error":
          errors.push({ index: Number(msg.id), error: JSON.stringify(msg.payload) });
          break;
        case "ping":
          ws.send('{"type":"pong"}');
          break;
        case "connection_ack":
          acked = true;
          for (const s of device.subs) {
            ws.send(JSON.stringify({ id: String(s.index), type: "subscribe", payload: { query, variables: { klaimId: s.klaimId, afterSequence: 0 } } }));
          }
          open.push(ws);
          resolve(true);
          break;
      }
    });
    let failure = "";
    ws.on("error", (err) => (failure ||= err.message));
    ws.on("close", (code, reason) => {
      if (!acked) {
        errors.push({ index: device.subs[0]?.index ?? -1, error: `socket closed before ack: ${code} ${reason.toString()} ${failure}` });
        resolve(false);
      } else if (!closing) closedEarly += 1;
    });
  });
}

process.on("message", async (message: ToClient) => {
  switch (message.type) {
    case "open": {
      const started = performance.now();
      let next = 0;
      let failed = 0;
      await Promise.all(
        Array.from({ length: message.concurrency }, async () => {
          while (next < message.sockets.length) {
            if (!(await connect(message.sockets[next++]!, message.query))) failed += 1;
          }
        }),
      );
      const subscriptions = message.sockets.reduce((n, s) => n + s.subs.length, 0);
      send({ type: "opened", sockets: message.sockets.length - failed, subscriptions, failed, ms: performance.now() - started, firstErrors: errors.slice(0, 3).map((e) => e.error) });
      break;
    }
    case "count":
      send({ type: "count", received: index.length, completed: completed.length, errors: errors.length, closed: closedEarly });
      break;
    case "collect":
      send({
        type: "results",
        index: Int32Array.from(index),
        sequence: Int32Array.from(sequence),
        at: Float64Array.from(at),
        completed: Int32Array.from(completed),
        errors,
        closedEarly,
      });
      index = [];
      sequence = [];
      at = [];
      break;
    case "close":
      closing = true;
      for (const ws of open) ws.terminate();
      process.disconnect();
      break;
  }
});
