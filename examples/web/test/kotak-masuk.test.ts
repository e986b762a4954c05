// Kotak masuk in the reference web app, in headless Chromium (playwright-core, Debian's chromium) against a real API
// server on its own test database: a Budi-like member signs in (a new device: his first notification), sees the unread
// badge on Beranda, opens the kotak masuk, watches his claim's five status changes arrive live without a reload, and
// marks one, then all, read; the badge follows, and the API agrees.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { klaims } from "../../../packages/api/src/db/schema.ts";
import { appendKlaimEvent } from "../../../packages/api/src/modules/klaim/klaim-events.ts";
import { totalsOf } from "../../../packages/api/src/modules/saldo/jht-engine.ts";
import { builders } from "../../../packages/api/test/support/builders.ts";
import { gql, signIn } from "../../../packages/api/test/support/test-server.ts";
import { HAVE_CHROMIUM, openPage as openBrowserPage, signInOnPage, useAppUnderTest, WEB_ROOT, withPageText } from "./support/app-under-test.ts";

const SCREENSHOT = join(WEB_ROOT, "test/__screenshots__/kotak-masuk.png");

const app = useAppUnderTest("kotak masuk", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0" } });


/** Budi as in the demo data: NONAKTIF, pengkinian TERVERIFIKASI, 24 months of contributions; a claim the worker can pay. */
async function seedBudi() {
  const seed = builders(app.tdb.database.db);
  const budi = await seed
    .participant({ fullName: "Budi Santoso", pengkinianStatus: "TERVERIFIKASI" })
    .withCard({ status: "NONAKTIF", registeredAt: "2023-01-01", nonaktifSince: "2024-12-31" })
    .withAccount({ email: "budi@example.com" })
    .build();
  await seed.contributionsFor(budi.cards[0]!.id, { from: "2023-01", months: 24, wage: 5_000_000 });
  return budi;
}

/** His claim as klaimJhtSubmit leaves it (AGENDA), due for the worker at once. */
async function submitKlaim(budi: Awaited<ReturnType<typeof seedBudi>>) {
  const cardId = budi.cards[0]!.id;
  const saldoSen = totalsOf((await app.api.services.saldo.forCards([cardId])).get(cardId)!.years).totalSen;
  return app.tdb.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(klaims)
      .values({
        participantId: budi.participant.id,
        cardId,
        sebab: "PHK",
        status: "AGENDA",
        bankCode: "014",
        bankAccountNumber: "1234567890",
        bankAccountName: "BUDI SANTOSO",
        saldoSen,
        pajakSen: 0n,
        dibayarkanSen: saldoSen,
        taxRule: "PP68_2009",
        submittedAt: new Date(),
        nextActionAt: new Date(Date.now() - 1000),
      })
      .returning();
    await appendKlaimEvent(tx, row!.id, "AGENDA", "Klaim diajukan melalui JMO", "participant");
    return row!;
  });
}

async function openPage(): Promise<{ page: Page; problems: string[] }> {
  return openBrowserPage(app.browser, { viewport: { width: 820, height: 1100 } });
}

const titles = (page: Page) => page.locator("[data-testid=notifications] li [data-testid=title]").allTextContents();
const badgeCount = (page: Page, scope = "h1") => page.locator(`${scope} [data-testid=unread-badge]`).getAttribute("data-count");

describe.skipIf(!HAVE_CHROMIUM)("kotak masuk in the reference web app", () => {
  it(
    "shows the unread badge, receives a claim's status changes live, and marks one and then all read",
    async () => {
      const budi = await seedBudi();
      const { page, problems } = await openPage();
      try {
        await signInOnPage(app, page, "budi@example.com", "Budi Santoso");
        // The browser had no device token of his: the sign-in is his first notification, and Beranda's badge says 1.
        await page.locator("[data-testid=kotak-masuk-link] [data-testid=unread-badge][data-count='1']").waitFor();
        await page.click("[data-testid=kotak-masuk-link]");
        await page.locator("[data-testid=notifications] li").first().waitFor();
        expect(await titles(page)).toEqual(["Masuk dari perangkat baru"]);
        expect(await badgeCount(page)).toBe("1");

        // The claim moves on the server; the page hears each status as it happens, without a reload.
        await page.evaluate(() => ((window as unknown as { __journey: string }).__journey = "tanpa-reload"));
        const klaim = await submitKlaim(budi);
        expect(await app.api.services.klaimWorker.runDue()).toBe(4);
        await page.locator("[data-testid=notifications] li").nth(5).waitFor({ timeout: 15_000 });
        expect(await titles(page)).toEqual([
          ...["Selesai", "Pembayaran", "Penetapan", "Verifikasi", "Diajukan"].map((s) => `Klaim ${klaim.nomor}: ${s}`),
          "Masuk dari perangkat baru",
        ]);
        expect(await page.locator("[data-testid=notifications] li").first().locator("[data-testid=body]").textContent()).toBe(
          "Klaim JHT Anda telah dibayarkan ke rekening Anda.",
        );
        await page.locator("h1 [data-testid=unread-badge][data-count='6']").waitFor();
        expect(await page.evaluate(() => (window as unknown as { __journey?: string }).__journey)).toBe("tanpa-reload");

        // One read: the badge counts down; then all.
        const top = page.locator("[data-testid=notifications] li").first();
        await top.locator("[data-testid=mark-read]").click();
        await page.locator("h1 [data-testid=unread-badge][data-count='5']").waitFor();
        expect(await top.getAttribute("data-read")).toBe("true");
        await mkdir(dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
        await page.click("[data-testid=mark-all]");
        await page.locator("h1 [data-testid=unread-badge][data-count='0']").waitFor({ state: "attached" });
        expect(await page.locator("[data-testid=notifications] li[data-read=false]").count()).toBe(0);
        expect(await page.locator("[data-testid=mark-read]").count()).toBe(0);

        // The API agrees.
        const { accessToken } = await signIn(app.api.url, "budi@example.com");
        const res = await gql<{ me: { notificationsUnreadCount: number } }>(app.api.url, "{ me { notificationsUnreadCount } }", {}, { token: accessToken });
        // The sign-in just now (a new device again: the test's own client) is the only unread one.
        expect(res.data!.me.notificationsUnreadCount).toBe(1);
        expect(problems).toEqual([]);
      } catch (error) {
        throw await withPageText(page, error);
      } finally {
        await page.context().close();
      }
    },
    120_000,
  );
});
