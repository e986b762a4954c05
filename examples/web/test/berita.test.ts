// Berita & promo in the reference web app, in headless Chromium against a real API server: staff (through the API)
// publish one article, schedule another for tomorrow and publish a Jawa Barat promo; a visitor without signing in sees
// only the published article, its Markdown as formatted HTML and nothing of the script it tried to smuggle in; a
// member from Jawa Barat, once signed in, also sees the promo with its terms.
import { describe, expect, it } from "vitest";
import { todayWib } from "../../../packages/api/src/modules/saldo/saldo.service.ts";
import { builders, TEST_PASSWORD } from "../../../packages/api/test/support/builders.ts";
import { gql, signIn } from "../../../packages/api/test/support/test-server.ts";
import { HAVE_CHROMIUM, signInOnPage, useAppUnderTest, withPageText } from "./support/app-under-test.ts";

const app = useAppUnderTest("berita & promo", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0" }, truncate: false });


const CREATE = `mutation($input: BeritaCreateInput!) { beritaCreate(input: $input) { berita { id } userErrors { code message } } }`;
const PUBLISH = `mutation($input: BeritaPublishInput!) { beritaPublish(input: $input) { berita { status } userErrors { code message } } }`;

async function write(token: string, input: Record<string, unknown>, publishAt?: string): Promise<void> {
  const created = await gql(app.api.url, CREATE, { input: { kind: "BERITA", summary: "Ringkasan.", ...input } }, { token });
  expect(created.data?.beritaCreate.userErrors).toEqual([]);
  const published = await gql(app.api.url, PUBLISH, { input: { id: created.data!.beritaCreate.berita.id, publishAt } }, { token });
  expect(published.data?.beritaPublish.userErrors).toEqual([]);
}

describe.skipIf(!HAVE_CHROMIUM)("berita & promo in the reference web app", () => {
  it(
    "shows published news to a visitor without sign-in, formatted and without the smuggled script, and a member's promo once signed in",
    async () => {
      const seed = builders(app.tdb.database.db);
      const staff = await seed.staff();
      const { accessToken } = await signIn(app.api.url, staff.email, TEST_PASSWORD);
      await write(accessToken, {
        title: "Kantor cabang buka Sabtu",
        bodyMarkdown: "Layanan **klaim JHT** dibuka.\n\n<script>window.__xss = 1</script>\n\n<img src=x onerror=\"window.__xss = 2\">",
      });
      await write(accessToken, { title: "Belum waktunya", bodyMarkdown: "Besok." }, new Date(Date.now() + 86_400_000).toISOString());
      const today = todayWib();
      await write(accessToken, {
        kind: "PROMO",
        title: "Diskon optik",
        bodyMarkdown: "Untuk peserta aktif.",
        promo: { partner: "Optik Sehat", discount: "Diskon 20%", validFrom: today, validUntil: today, provinceCodes: ["32"], termsMarkdown: "Tunjukkan **kartu digital**." },
      });
      await seed.participant({ nik: "3273011705900002", fullName: "Wulan Bandung" }).withAccount({ email: "wulan@example.com" }).build();

      const context = await app.browser.newContext({ viewport: { width: 820, height: 1000 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      try {
        await page.goto(`${app.webUrl}?api=${encodeURIComponent(app.api.url)}#/berita`);
        const articles = page.locator("[data-testid=berita-list] [data-testid=berita]");
        await articles.first().waitFor();
        expect(await articles.locator("h2").allTextContents()).toEqual(["Kantor cabang buka Sabtu"]);
        expect(await articles.first().locator(".article-body strong").textContent()).toBe("klaim JHT");
        expect(await articles.first().locator(".article-body script, .article-body img").count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        expect(await page.locator("[data-testid=promo]").count()).toBe(0);

        await signInOnPage(app, page, "wulan@example.com", "Wulan Bandung");
        await page.click("a:has-text('Berita & promo')");
        const promo = page.locator("[data-testid=promo]");
        await promo.waitFor();
        expect(await promo.locator("h3").textContent()).toBe("Diskon optik");
        expect(await promo.locator("details strong").textContent()).toBe("kartu digital");
        expect(problems).toEqual([]);
      } catch (error) {
        throw await withPageText(page, error);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
