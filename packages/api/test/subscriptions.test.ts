import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/app.ts";
import { builders } from "./support/builders.ts";
import { onPostgres, openTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { signIn, startTestServer, TEST_TOKEN_SECRET } from "./support/test-server.ts";
import { collect, connected, wsClient } from "./support/ws-client.ts";

const ACCOUNT_EVENTS = `subscription { accountEvents { id type at device } }`;

let tdb: TestDatabase;
let seed: ReturnType<typeof builders>;
const stops: Array<() => Promise<unknown> | void> = [];

beforeAll(async () => {
  tdb = await openTestDatabase();
  seed = builders(tdb.database.db);
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await tdb?.close();
});
beforeEach(() => tdb.truncate());

describe("accountEvents over WebSocket", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer(tdb.database);
    stops.push(() => server.stop());
  });

  it("tells a signed-in device when the account signs in elsewhere, but not about its own sign-in", async () => {
    const p = await seed.participant().withAccount().build();
    const phone = await signIn(server.url, p.email!, undefined, { "user-agent": "JMO/3.1 (Android 14)" });
    const client = wsClient(server.url, phone.accessToken);
    stops.push(() => client.dispose());
    const sub = collect(client, ACCOUNT_EVENTS);
    await connected(client);
    await new Promise((r) => setTimeout(r, 100)); // the subscribe message is processed after the ack

    await signIn(server.url, p.email!, undefined, {
      "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
    });
    const event = await sub.next(1);
    expect(event).toMatchObject({ data: { accountEvents: { type: "NEW_SIGN_IN", device: "Chrome on Windows" } } });
    expect(new Date(event.data.accountEvents.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Another account's sign-in never reaches this subscriber.
    const other = await seed.participant().withAccount().build();
    await signIn(server.url, other.email!);
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.results).toHaveLength(1);
    sub.unsubscribe();
  });

  it("refuses the subscription to anonymous connections and rejects forged tokens at connection_init", async () => {
    const anon = wsClient(server.url, null);
    stops.push(() => anon.dispose());
    const sub = collect(anon, ACCOUNT_EVENTS);
    await expect(sub.next(1)).resolves.toMatchObject({ errors: [{ message: "Silakan masuk terlebih dahulu.", extensions: { code: "UNAUTHENTICATED" } }] });
    const english = wsClient(server.url, null, { acceptLanguage: "en" });
    stops.push(() => english.dispose());
    await expect(collect(english, ACCOUNT_EVENTS).next(1)).resolves.toMatchObject({ errors: [{ message: "Please sign in first." }] });

    const forged = wsClient(server.url, "not-a-token");
    stops.push(() => forged.dispose());
    const refused = collect(forged, ACCOUNT_EVENTS);
    await expect(refused.next(1)).rejects.toMatchObject({ code: 4403 });
  });
});

/** Starts `pnpm start`'s entry point as its own process on the given PostgreSQL database. */
async function startProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", "packages/api/src/main.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", TOKEN_SECRET: TEST_TOKEN_SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: tsx compiles the whole server in the child, which takes long on a loaded 2-core machine.
    const timer = setTimeout(() => reject(new Error(`server process did not start:\n${output}`)), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server process exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe("across server instances on one database", () => {
  it("delivers an event caused through instance A to a subscriber on instance B", async () => {
    let urlA: string;
    let urlB: string;
    if (onPostgres) {
      // Two real processes, as two replicas behind a load balancer would be.
      const [a, b] = await Promise.all([startProcess(tdb.url!), startProcess(tdb.url!)]);
      stops.push(() => stopProcess(a.child), () => stopProcess(b.child));
      urlA = a.url;
      urlB = b.url;
    } else {
      // The embedded database belongs to one process: two server instances share it in this process.
      const a = await startTestServer(tdb.database);
      const b = await startTestServer(tdb.database);
      stops.push(() => a.stop(), () => b.stop());
      urlA = a.url;
      urlB = b.url;
    }
    expect(urlA).not.toBe(urlB);
    const p = await seed.participant().withAccount().build();
    const onB = await signIn(urlB, p.email!);
    const client = wsClient(urlB, onB.accessToken);
    stops.push(() => client.dispose());
    const sub = collect(client, ACCOUNT_EVENTS);
    await connected(client);
    await new Promise((r) => setTimeout(r, 100));

    await signIn(urlA, p.email!, undefined, { "user-agent": "JMO/3.1 (iPhone; iOS 18)" });
    const event = await sub.next(1, 10_000);
    expect(event).toMatchObject({ data: { accountEvents: { type: "NEW_SIGN_IN", device: "JMO on iOS" } } });
  }, 180_000);
});
