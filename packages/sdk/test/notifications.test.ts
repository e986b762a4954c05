import { describe, expect, expectTypeOf, it } from "vitest";
import { useServerHarness } from "../../api/test/support/harness.ts";
import { useSdkClients } from "./support/clients.ts";
import { submittedKlaim } from "./support/klaim.ts";
import { type NotificationKind, type NotificationReceivedSubscription } from "../src/index.ts";

const h = useServerHarness();
const signedIn = useSdkClients(h);

describe("the kotak masuk through the SDK", () => {
  it("streams a claim's status notifications live, lists them with the badge, and marks them read", async () => {
    const { email } = await submittedKlaim(h);
    const jmo = await signedIn(email);
    const first = await jmo.notifications({ first: 10 });
    const newest = first.me!.notifications.edges[0]!.cursor;
    const received: NotificationReceivedSubscription["notificationReceived"][] = [];
    // Resumed after the newest the app has: the worker's four status changes arrive, each once, whether they commit
    // before the subscription is live (replayed from the table) or after (pushed).
    const listening = (async () => {
      for await (const { notificationReceived } of jmo.notificationReceived({ after: newest })) {
        received.push(notificationReceived);
        if (received.length === 4) break;
      }
    })();
    expect(await h.server.services.klaimWorker.runDue()).toBe(4);
    await listening;
    expectTypeOf(received[0]!.kind).toEqualTypeOf<NotificationKind>();
    expect(received.map((n) => n.title.split(": ")[1])).toEqual(["Verifikasi", "Penetapan", "Pembayaran", "Selesai"]);
    const listed = await jmo.notifications({ first: 10, unreadOnly: true });
    expect(listed.me!.notificationsUnreadCount).toBe(first.me!.notificationsUnreadCount + 4);
    const marked = await jmo.notificationsMarkRead({ input: { all: true } });
    expect(marked.notificationsMarkRead).toMatchObject({ unreadCount: 0, userErrors: [] });
    expect((await jmo.notificationsUnreadCount()).me!.notificationsUnreadCount).toBe(0);
  });
});
