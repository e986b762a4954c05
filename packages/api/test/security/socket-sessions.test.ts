// Issue 10, finding 1 (critical): a WebSocket outlived its session. A socket opened with a valid token kept running
// queries and mutations after logout, a password reset, a block (3 wrong KPJ) and the token's expiry; through one a
// blocked account went on guessing the KPJ. Each test here failed on the code before the fix.
import { desc, eq, sql } from "drizzle-orm";
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { outbox, sessions } from "../../src/db/schema.ts";
import type { RunningServer } from "../../src/server/app.ts";
import { builders } from "../support/builders.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { expiringToken, gql, signIn, startTestServer } from "../support/test-server.ts";

const ACCOUNT_EVENTS = `subscription { accountEvents { id type } }`;
const ME = `{ me { fullName } }`;
const LOGOUT = `mutation { logout { success userErrors { code } } }`;
const START = `mutation { pengkinianStart { pengkinian { kpjChallenge { cardId } kpjAttemptsLeft } userErrors { code } } }`;
const CONFIRM = `mutation($input: PengkinianConfirmKepesertaanInput!) { pengkinianConfirmKepesertaan(input: $input) { pengkinian { kpjAttemptsLeft } userErrors { code } } }`;

let tdb: TestDatabase;
let seed: ReturnType<typeof builders>;
const stops: Array<() => Promise<unknown> | void> = [];
let server: RunningServer;

beforeAll(async () => {
  tdb = await openTestDatabase();
  seed = builders(tdb.database.db);
  server = await startTestServer(tdb.database);
  stops.push(() => server.stop());
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await tdb?.close();
});
beforeEach(() => tdb.truncate());

interface Closed {
  code: number;
  reason: string;
  at: number;
}

/** A graphql-ws client that never reconnects, and remembers how its socket was closed. */
function socket(url: string, token: string | null) {
  let closed: Closed | undefined;
  const waiters: Array<() => void> = [];
  let raw: WebSocket | undefined;
  const client: Client = createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    // The closes are what these tests expect: not worth graphql-ws's console.error.
    onNonLazyError: () => {},
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      opened: (s) => void (raw = s as WebSocket),
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closed = { code: e.code, reason: String(e.reason), at: Date.now() };
        waiters.splice(0).forEach((w) => w());
      },
    },
  });
  stops.push(() => client.dispose());
  const connected = new Promise<void>((resolve, reject) => {
    client.on("connected", () => resolve());
    client.on("closed", (e) => reject(e));
  });
  connected.catch(() => {});
  return {
    client,
    connected,
    get closed() {
      return closed;
    },
    async waitClosed(ms = 5000): Promise<Closed> {
      if (!closed) {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(() => reject(new Error("socket still open")), ms);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return closed!;
    },
    /** One query or mutation over this socket: its result, or what the socket did instead. */
    run(query: string, variables: Record<string, unknown> = {}): Promise<any> {
      return new Promise((resolve) => {
        let result: unknown;
        client.subscribe(
          { query, variables },
          { next: (v) => void (result = v), error: (e) => resolve({ failed: e }), complete: () => resolve(result) },
        );
      });
    },
    /** A graphql-ws ping carrying a fresh token (what the SDK sends before the old one expires). */
    sendToken(fresh: string) {
      raw!.send(JSON.stringify({ type: "ping", payload: { authorization: `Bearer ${fresh}` } }));
    },
  };
}

/** A live subscription on the socket, so that the test proves it is ended, not just idle. */
function subscribe(s: ReturnType<typeof socket>) {
  const events: unknown[] = [];
  let ended: unknown;
  s.client.subscribe({ query: ACCOUNT_EVENTS }, { next: (v) => void events.push(v), error: (e) => void (ended = e ?? "error"), complete: () => void (ended ??= "complete") });
  return {
    events,
    get ended() {
      return ended;
    },
  };
}

const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

describe("a WebSocket lives only as long as its session", () => {
  it("closes the socket of a session that logs out (4403) within a second, and refuses its token afterwards", async () => {
    const p = await seed.participant({ fullName: "Budi Santoso" }).withAccount().build();
    const { accessToken } = await signIn(server.url, p.email!);
    const s = socket(server.url, accessToken);
    await s.connected;
    expect(await s.run(ME)).toEqual({ data: { me: { fullName: "Budi Santoso" } } });
    const sub = subscribe(s);
    await settle();

    const loggedOutAt = Date.now();
    expect((await gql(server.url, LOGOUT, {}, { token: accessToken })).data?.logout.success).toBe(true);
    const closed = await s.waitClosed(3000);
    expect(closed.code).toBe(4403);
    expect(closed.at - loggedOutAt).toBeLessThan(1500);
    await settle();
    expect(sub.ended).toBeDefined();

    // The same token cannot open a new socket.
    const again = socket(server.url, accessToken);
    await expect(again.connected).rejects.toMatchObject({ code: 4403 });
  });

  it("closes every socket of the account when its password is reset", async () => {
    const p = await seed.participant().withAccount().build();
    const phone = socket(server.url, (await signIn(server.url, p.email!)).accessToken);
    const web = socket(server.url, (await signIn(server.url, p.email!)).accessToken);
    await Promise.all([phone.connected, web.connected]);

    await gql(server.url, `mutation($input: PasswordResetRequestInput!) { passwordResetRequest(input: $input) { accepted } }`, { input: { email: p.email } });
    const [mail] = await tdb.database.db.select().from(outbox).where(eq(outbox.destination, p.email!)).orderBy(desc(outbox.createdAt)).limit(1);
    const token = (mail!.params as { token: string }).token;
    const reset = await gql(server.url, `mutation($input: PasswordResetInput!) { passwordReset(input: $input) { success userErrors { code } } }`, {
      input: { token, newPassword: "Kata-Sandi-Baru#2026" },
    });
    expect(reset.data?.passwordReset.success).toBe(true);
    expect((await phone.waitClosed(3000)).code).toBe(4403);
    expect((await web.waitClosed(3000)).code).toBe(4403);
  });

  it("stops a participant who is guessing the KPJ over the socket at the block: the socket closes, nothing more runs", async () => {
    const p = await seed
      .participant({ fullName: "Siti Rahayu" })
      .withCard({ kpj: "19123456712", status: "NONAKTIF", registeredAt: "2019-07-01", nonaktifSince: "2022-12-31" })
      .withAccount()
      .build();
    const s = socket(server.url, (await signIn(server.url, p.email!)).accessToken);
    await s.connected;
    const started = await s.run(START);
    const cardId = started.data.pengkinianStart.pengkinian.kpjChallenge[0].cardId;
    const wrong = { input: { cards: [{ cardId, kpj: "19123456713" }] } };
    expect((await s.run(CONFIRM, wrong)).data.pengkinianConfirmKepesertaan.pengkinian.kpjAttemptsLeft).toBe(2);
    expect((await s.run(CONFIRM, wrong)).data.pengkinianConfirmKepesertaan.pengkinian.kpjAttemptsLeft).toBe(1);
    const third = await s.run(CONFIRM, wrong);
    expect(third, JSON.stringify(third)).toMatchObject({ data: { pengkinianConfirmKepesertaan: { userErrors: [{ code: "ACCOUNT_BLOCKED" }] } } });
    expect((await s.waitClosed(3000)).code).toBe(4403);
    // A fourth guess sent over that socket does not run (before the fix it answered KPJ_MISMATCH and counted nothing).
    const fourth = await s.run(CONFIRM, wrong);
    expect(fourth.data).toBeUndefined();
  });

  it("refuses an operation sent with an expired token and closes the socket at the token's expiry (4419)", async () => {
    const p = await seed.participant({ fullName: "Dewi Lestari" }).withAccount().build();
    const signed = await signIn(server.url, p.email!);
    // A token of this live session that expires in 2 seconds.
    const shortLived = await expiringToken(signed.accessToken, 2);
    const s = socket(server.url, shortLived);
    await s.connected;
    expect(await s.run(ME)).toEqual({ data: { me: { fullName: "Dewi Lestari" } } });
    const closed = await s.waitClosed(6000);
    expect(closed.code).toBe(4419);
    // The long-lived token of the same session still works: expiry is not an end of the session.
    const fresh = socket(server.url, signed.accessToken);
    await fresh.connected;
    expect(await fresh.run(ME)).toEqual({ data: { me: { fullName: "Dewi Lestari" } } });
  });

  it("keeps a socket open past the old token's expiry when the client sends a fresh token in a ping", async () => {
    const p = await seed.participant({ fullName: "Agus Wijaya" }).withAccount().build();
    const signed = await signIn(server.url, p.email!);
    const shortLived = await expiringToken(signed.accessToken, 2);
    const s = socket(server.url, shortLived);
    await s.connected;
    const sub = subscribe(s);
    s.sendToken(signed.accessToken);
    await new Promise((r) => setTimeout(r, 3000));
    expect(s.closed).toBeUndefined();
    expect(sub.ended).toBeUndefined();
    expect(await s.run(ME)).toEqual({ data: { me: { fullName: "Agus Wijaya" } } });

    // A token of another account in a ping closes the socket: a socket never changes whose it is.
    const other = await seed.participant().withAccount().build();
    s.sendToken((await signIn(server.url, other.email!)).accessToken);
    expect((await s.waitClosed(3000)).code).toBe(4403);
  });

  it("closes a socket whose session ended without an event (a lost NOTIFY) at the next sweep", async () => {
    const sweeping = await startTestServer(tdb.database, { WS_SESSION_SWEEP_SECONDS: "1" });
    stops.push(() => sweeping.stop());
    const p = await seed.participant().withAccount().build();
    const s = socket(sweeping.url, (await signIn(sweeping.url, p.email!)).accessToken);
    await s.connected;
    // Revoked behind the API's back: no NOTIFY is sent.
    await tdb.database.db.update(sessions).set({ revokedAt: sql`now()`, revokedReason: "TEST" }).where(eq(sessions.accountId, p.accountId!));
    expect((await s.waitClosed(4000)).code).toBe(4403);
  });

  it("closes the socket on another instance when the session ends there (the event crosses instances)", async () => {
    const other = await startTestServer(tdb.database);
    stops.push(() => other.stop());
    const p = await seed.participant().withAccount().build();
    const { accessToken } = await signIn(server.url, p.email!);
    const s = socket(other.url, accessToken);
    await s.connected;
    await gql(server.url, LOGOUT, {}, { token: accessToken });
    expect((await s.waitClosed(3000)).code).toBe(4403);
  });
});

describe("WebSocket limits", () => {
  it("refuses more sockets per account than allowed (4429) and more operations in flight per socket", async () => {
    const limited = await startTestServer(tdb.database, { WS_MAX_SOCKETS_PER_ACCOUNT: "2", WS_MAX_OPERATIONS_PER_SOCKET: "2" });
    stops.push(() => limited.stop());
    const p = await seed.participant().withAccount().build();
    const token = (await signIn(limited.url, p.email!)).accessToken;
    const a = socket(limited.url, token);
    const b = socket(limited.url, token);
    await Promise.all([a.connected, b.connected]);
    const c = socket(limited.url, token);
    await expect(c.connected).rejects.toMatchObject({ code: 4429 });
    // Once one closes, a new one is let in.
    await a.client.dispose();
    await settle(300);
    await socket(limited.url, token).connected;

    subscribe(b);
    subscribe(b);
    await settle();
    const third = await b.run(ACCOUNT_EVENTS);
    expect(third.failed).toEqual([expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", detail: "TOO_MANY_OPERATIONS" } })]);
  });
});

describe("the same refusals as over HTTP", () => {
  it("refuses control characters in a WebSocket operation (finding 6), and hides schema suggestions in production", async () => {
    const s = socket(server.url, null);
    await s.connected;
    const nul = await s.run(`query($q: String!) { wilayah(search: $q) { villageCode } }`, { q: "Dago\u0000" });
    expect(nul.failed).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", detail: "CONTROL_CHARACTERS" }) })]);

    const prod = await startTestServer(tdb.database, { NODE_ENV: "production" });
    stops.push(() => prod.stop());
    const anon = socket(prod.url, null);
    await anon.connected;
    const typo = await anon.run(`{ jhtRate { year } }`);
    expect(JSON.stringify(typo.failed)).not.toContain("Did you mean");
    expect(typo.failed[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("in production", () => {
  it("closes the socket after logout and refuses a forged token", async () => {
    const prod = await startTestServer(tdb.database, { NODE_ENV: "production" });
    stops.push(() => prod.stop());
    const p = await seed.participant().withAccount().build();
    const { accessToken } = await signIn(prod.url, p.email!);
    const s = socket(prod.url, accessToken);
    await s.connected;
    await gql(prod.url, LOGOUT, {}, { token: accessToken });
    expect((await s.waitClosed(3000)).code).toBe(4403);
    const forged = socket(prod.url, `${accessToken.slice(0, -4)}AAAA`);
    await expect(forged.connected).rejects.toMatchObject({ code: 4403 });
  });
});
