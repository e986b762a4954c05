// Issue 10, finding 1 as a frontend sees it: the server closes a socket whose session ended or whose token expired.
// The SDK sends the app's fresh token on the open socket before the old one expires (no reconnect, no lost event),
// and reports a session that ended as UNAUTHENTICATED.
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { TEST_PASSWORD } from "../../api/test/support/builders.ts";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { expiringToken, signIn } from "../../api/test/support/test-server.ts";
import { createJmoClient, JmoError, type JmoClient } from "../src/index.ts";

const h = useServerHarness();
const clients: JmoClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

/** Counts WebSocket upgrades on the server, to tell a renewal on the open socket from a reconnect. */
function upgrades() {
  let count = 0;
  const on = () => void count++;
  h.server.httpServer.on("upgrade", on);
  return {
    get count() {
      return count;
    },
    stop: () => h.server.httpServer.off("upgrade", on),
  };
}

describe("SDK subscriptions and the session behind them", () => {
  it("sends the app's refreshed token on the open socket before the old one expires: no reconnect, events keep coming", async () => {
    const p = await h.seed.participant().withAccount().build();
    const signed = await signIn(h.server.url, p.email!);
    // The app's token of the same session expires in 8 s; by then it has refreshed and getToken() hands out the new one.
    const shortLived = await expiringToken(signed.accessToken, 8);
    let token = shortLived;
    const jmo = createJmoClient({ url: h.server.url, webSocketImpl: WebSocket, getToken: () => token });
    clients.push(jmo);
    const seen = upgrades();
    const events = jmo.accountEvents()[Symbol.asyncIterator]();
    const first = events.next();
    await new Promise((r) => setTimeout(r, 300));
    token = signed.accessToken;

    await new Promise((r) => setTimeout(r, 9000)); // past the first token's expiry
    // A sign-in elsewhere after the old token expired still reaches the subscription, on the same socket.
    await signIn(h.server.url, p.email!);
    const event = await first;
    expect(event.value).toMatchObject({ accountEvents: { type: "NEW_SIGN_IN" } });
    expect(seen.count).toBe(1);
    seen.stop();
    await events.return?.();
  }, 60_000);

  it("ends a subscription with UNAUTHENTICATED when the session logs out elsewhere", async () => {
    const p = await h.seed.participant().withAccount().build();
    let token: string | null = null;
    const jmo = createJmoClient({ url: h.server.url, webSocketImpl: WebSocket, getToken: () => token });
    clients.push(jmo);
    const { login } = await jmo.login({ input: { identifier: p.email!, password: TEST_PASSWORD } });
    token = login.accessToken;
    const events = jmo.accountEvents()[Symbol.asyncIterator]();
    // Handled from the start: the socket can close (and next() reject) before logout's own answer has arrived, which
    // left the rejection unhandled for a moment (vitest reported it, on PostgreSQL, whose NOTIFY is that quick).
    const outcome = events.next().then(
      () => expect.fail("expected the subscription to fail"),
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    await jmo.logout();
    const error: unknown = await outcome;
    expect(error).toBeInstanceOf(JmoError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", detail: "SESSION_ENDED" });
  });
});
