import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import WebSocket from "ws";
import { TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { createJmoClient, JmoError, type AccountEventsSubscription, type JmoClient, type JmoClientOptions, type UserErrorCode } from "../src/index.ts";

const h = useServerHarness();
const clients: JmoClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

/** A client that, like an app, keeps its session in memory and hands the token out through getToken. */
function app(options: Partial<JmoClientOptions> = {}) {
  const session = { token: null as string | null, calls: 0 };
  const jmo = createJmoClient({
    url: h.server.url,
    webSocketImpl: WebSocket,
    getToken: () => {
      session.calls++;
      return session.token;
    },
    ...options,
  });
  clients.push(jmo);
  async function signIn(identifier: string) {
    const { login } = await jmo.login({ input: { identifier, password: TEST_PASSWORD } });
    expect(login.userErrors).toEqual([]);
    session.token = login.accessToken;
    return login;
  }
  return { jmo, session, signIn };
}

async function rejection(promise: Promise<unknown>): Promise<JmoError> {
  const error: unknown = await promise.then(
    () => expect.fail("expected a JmoError"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JmoError);
  return error as JmoError;
}

describe("queries and mutations", () => {
  it("signs in, then reads the profile with the token from getToken", async () => {
    const p = await h.seed
      .participant({ fullName: "Budi Santoso" })
      .withCard({ status: "NONAKTIF", nonaktifSince: "2025-06-30" })
      .withAccount()
      .build();
    const { jmo, session, signIn } = app();

    const login = await signIn(p.email!);
    expect(login).toMatchObject({ role: "PESERTA", participant: { fullName: "Budi Santoso" } });
    expectTypeOf(login.accessToken).toEqualTypeOf<string | null>();

    const res = await jmo.me();
    const card = res.me?.cards[0];
    expectTypeOf(card?.kpjMasked).toEqualTypeOf<string | undefined>();
    expectTypeOf(card?.employer).toEqualTypeOf<{ id: string; name: string; npp: string } | null | undefined>();
    expect(res.me?.fullName).toBe("Budi Santoso");
    expect(card).toMatchObject({ status: "NONAKTIF", nonaktifSince: "2025-06-30", segment: "PU", employer: { npp: expect.any(String) } });
    expect(card?.kpjMasked).toMatch(/^\d{2}\*+\d{2}$/);
    // Asked before every request: login and me.
    expect(session.calls).toBe(2);

    const { viewer } = await jmo.viewer();
    expect(viewer).toMatchObject({ role: "PESERTA", participant: { id: res.me?.id } });

    const { node } = await jmo.node({ id: card!.id });
    expect(node?.__typename).toBe("Card");
    if (node?.__typename === "Card") expectTypeOf(node.kpjMasked).toBeString();
  });

  it("returns userErrors as data, in the language asked for", async () => {
    const p = await h.seed.participant().withAccount().build();
    const { jmo } = app({ acceptLanguage: "en" });
    const { login } = await jmo.login({ input: { identifier: p.email!, password: "salah-sekali" } });
    expect(login.accessToken).toBeNull();
    expect(login.userErrors).toEqual([{ code: "INVALID_CREDENTIALS", field: ["input", "password"], message: expect.stringMatching(/^Wrong email/) }]);
    expectTypeOf(login.userErrors[0]!.code).toEqualTypeOf<UserErrorCode>();
  });

  it("throws UNAUTHENTICATED to an anonymous caller of a staff query", async () => {
    const { jmo } = app();
    const error = await rejection(jmo.participants({ first: 10 }));
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", path: ["participants"] });
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.errors).toHaveLength(1);
  });

  it("throws FORBIDDEN to a participant, and gives staff a page", async () => {
    const p = await h.seed.participant({ fullName: "Ani Peserta" }).withCard().withAccount().build();
    await h.seed.participant({ fullName: "Bayu Peserta" }).build();
    const staff = await h.seed.staff();

    const participant = app();
    await participant.signIn(p.email!);
    expect(await rejection(participant.jmo.participants({ first: 10 }))).toMatchObject({ code: "FORBIDDEN" });

    const petugas = app();
    const login = await petugas.signIn(staff.email);
    expect(login).toMatchObject({ role: "PETUGAS", participant: null });
    const first = await petugas.jmo.participants({ first: 1 });
    expect(first.participants.totalCount).toBe(2);
    expect(first.participants.edges.map((e) => e.node.fullName)).toEqual(["Ani Peserta"]);
    expect(first.participants.pageInfo.hasNextPage).toBe(true);
    const next = await petugas.jmo.participants({ first: 1, after: first.participants.pageInfo.endCursor });
    expect(next.participants.edges.map((e) => e.node.fullName)).toEqual(["Bayu Peserta"]);
  });

  it("refreshes the session with the refresh token, then signs out", async () => {
    const p = await h.seed.participant().withAccount().build();
    const { jmo, session, signIn } = app();
    const login = await signIn(p.email!);
    // A refresh happens when the access token has gone stale: the refused token rides along and must not get in the way.
    session.token = "stale.access.token";

    const { refreshSession } = await jmo.refreshSession({ input: { refreshToken: login.refreshToken! } });
    expect(refreshSession.userErrors).toEqual([]);
    expect(refreshSession.refreshToken).not.toBe(login.refreshToken);
    session.token = refreshSession.accessToken;
    expect((await jmo.me()).me).not.toBeNull();

    const { logout } = await jmo.logout();
    expect(logout).toEqual({ success: true, userErrors: [] });
    // The session is revoked: its access token no longer works, and neither does its refresh token.
    expect(await rejection(jmo.me())).toMatchObject({ code: "UNAUTHENTICATED" });
    session.token = null;
    const again = await jmo.refreshSession({ input: { refreshToken: refreshSession.refreshToken! } });
    expect(again.refreshSession.userErrors.map((e) => e.code)).toEqual(["INVALID_REFRESH_TOKEN"]);
  });

  it("throws UNAUTHENTICATED with a detail for a bad token", async () => {
    const { jmo, session } = app();
    session.token = "bukan.token.sah";
    expect(await rejection(jmo.me())).toMatchObject({ code: "UNAUTHENTICATED", detail: "TOKEN_INVALID" });
  });

  it("throws NETWORK_ERROR when the server cannot be reached or does not answer GraphQL", async () => {
    const down = app({ url: "http://127.0.0.1:9/graphql" });
    expect(await rejection(down.jmo.me())).toMatchObject({ code: "NETWORK_ERROR" });

    const html = app({ fetch: async () => new Response("<h1>502 Bad Gateway</h1>", { status: 502, headers: { "content-type": "text/html" } }) });
    expect(await rejection(html.jmo.me())).toMatchObject({ code: "NETWORK_ERROR", message: expect.stringContaining("502") });
  });
});

describe("subscriptions", () => {
  it("tells a signed-in device about a sign-in on another device", async () => {
    const p = await h.seed.participant().withAccount().build();
    const phone = app();
    await phone.signIn(p.email!);
    const laptop = app({ headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36" } });

    const received: AccountEventsSubscription["accountEvents"][] = [];
    const listening = (async () => {
      for await (const { accountEvents } of phone.jmo.accountEvents()) {
        received.push(accountEvents);
        break; // ends the subscription
      }
    })();
    // The protocol does not confirm that a subscription is in place, and events are live only: sign in on
    // the laptop until the phone hears of it.
    for (let i = 0; i < 20 && received.length === 0; i++) {
      await laptop.signIn(p.email!);
      await Promise.race([listening, new Promise((r) => setTimeout(r, 250))]);
    }
    await listening;
    expect(received[0]).toMatchObject({ type: "NEW_SIGN_IN", id: expect.any(String), at: expect.any(String), device: "Chrome on Linux" });
  });

  it("fails with UNAUTHENTICATED at once when the token is refused, without retrying", async () => {
    const { jmo, session, signIn } = app();
    session.token = "bukan.token.sah";
    const started = Date.now();
    const error: unknown = await (async () => {
      for await (const _ of jmo.accountEvents()) expect.fail("no event expected");
    })().then(
      () => expect.fail("expected a JmoError"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JmoError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED" });
    // graphql-ws would otherwise retry 4403 five times with exponential backoff (over 30 s).
    expect(session.calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);

    // The app refreshes its session and subscribes again on the same client.
    const p = await h.seed.participant().withAccount().build();
    await signIn(p.email!);
    const events = jmo.accountEvents()[Symbol.asyncIterator]();
    const next = events.next();
    const other = app();
    let event: IteratorResult<AccountEventsSubscription> | undefined;
    for (let i = 0; i < 20 && !event; i++) {
      await other.signIn(p.email!);
      event = await Promise.race([next, new Promise<undefined>((r) => setTimeout(r, 250))]);
    }
    expect(event?.value).toMatchObject({ accountEvents: { type: "NEW_SIGN_IN" } });
    await events.return?.();
  });

  it("ends a subscription at once on return() or dispose(), even while waiting for an event", async () => {
    const p = await h.seed.participant().withAccount().build();
    const { jmo, signIn } = app();
    await signIn(p.email!);
    const events = jmo.accountEvents()[Symbol.asyncIterator]();
    const pending = events.next();
    await events.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });

    // dispose() closes the socket and completes every subscription.
    const more = jmo.accountEvents()[Symbol.asyncIterator]();
    const waiting = more.next();
    await new Promise((r) => setTimeout(r, 100));
    await jmo.dispose();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });

  it("fails with UNAUTHENTICATED when subscribing anonymously", async () => {
    const { jmo } = app();
    const error: unknown = await (async () => {
      for await (const _ of jmo.accountEvents()) expect.fail("no event expected");
    })().then(
      () => expect.fail("expected a JmoError"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JmoError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", path: ["accountEvents"] });
  });
});
