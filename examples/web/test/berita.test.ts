// Berita & promo in the reference web app, in headless Chromium against a real API server: staff (through the API)
// publish one article, schedule another for tomorrow and publish a Jawa Barat promo; a visitor without signing in sees
// only the published article, its Markdown as formatted HTML and nothing of the script it tried to smuggle in; a
// member from Jawa Barat, once signed in, also sees the promo with its terms.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../packages/api/src/server/app.ts";
import { todayWib } from "../../../packages/api/src/modules/saldo/saldo.service.ts";
import { builders, TEST_PASSWORD } from "../../../packages/api/test/support/builders.ts";
import { openTestDatabase, type TestDatabase } from "../../../packages/api/test/support/test-database.ts";
import { gql, signIn, startTestServer } from "../../../packages/api/test/support/test-server.ts";

const WEB_ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const BROWSER_REQUIRED = process.env.CI === "true";
if (!HAVE_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(`Skipping the berita browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
}
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let tdb: TestDatabase;
let api: RunningServer;
let web: PreviewServer;
let webUrl: string;
let outDir: string;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) {
    if (BROWSER_REQUIRED) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    return;
  }
  tdb = await openTestDatabase();
  api = await startTestServer(tdb.database, { KLAIM_WORKER_INTERVAL_MS: "0" });
  outDir = await mkdtemp(join(tmpdir(), "jmo-web-berita-"));
  const configFile = join(WEB_ROOT, "vite.config.ts");
  await build({ root: WEB_ROOT, configFile, logLevel: "silent", build: { outDir, emptyOutDir: true } });
  web = await preview({ root: WEB_ROOT, configFile, logLevel: "silent", build: { outDir }, preview: { host: "127.0.0.1", port: 0, strictPort: false } });
  webUrl = `http://127.0.0.1:${(web.httpServer.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.stop();
  await tdb?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const CREATE = `mutation($input: BeritaCreateInput!) { beritaCreate(input: $input) { berita { id } userErrors { code message } } }`;
const PUBLISH = `mutation($input: BeritaPublishInput!) { beritaPublish(input: $input) { berita { status } userErrors { code message } } }`;

async function write(token: string, input: Record<string, unknown>, publishAt?: string): Promise<void> {
  const created = await gql(api.url, CREATE, { input: { kind: "BERITA", summary: "Ringkasan.", ...input } }, { token });
  expect(created.data?.beritaCreate.userErrors).toEqual([]);
  const published = await gql(api.url, PUBLISH, { input: { id: created.data!.beritaCreate.berita.id, publishAt } }, { token });
  expect(published.data?.beritaPublish.userErrors).toEqual([]);
}

describe.skipIf(!HAVE_CHROMIUM && !BROWSER_REQUIRED)("berita & promo in the reference web app", () => {
  it(
    "shows published news to a visitor without sign-in, formatted and without the smuggled script, and a member's promo once signed in",
    async () => {
      const seed = builders(tdb.database.db);
      const staff = await seed.staff();
      const { accessToken } = await signIn(api.url, staff.email, TEST_PASSWORD);
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

      const context = await browser!.newContext({ viewport: { width: 820, height: 1000 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      try {
        await page.goto(`${webUrl}?api=${encodeURIComponent(api.url)}#/berita`);
        const articles = page.locator("[data-testid=berita-list] [data-testid=berita]");
        await articles.first().waitFor();
        expect(await articles.locator("h2").allTextContents()).toEqual(["Kantor cabang buka Sabtu"]);
        expect(await articles.first().locator(".article-body strong").textContent()).toBe("klaim JHT");
        expect(await articles.first().locator(".article-body script, .article-body img").count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        expect(await page.locator("[data-testid=promo]").count()).toBe(0);

        await page.goto(`${webUrl}?api=${encodeURIComponent(api.url)}#/masuk`);
        await page.fill("input[name=identifier]", "wulan@example.com");
        await page.fill("input[name=password]", TEST_PASSWORD);
        await page.click("button:has-text('Masuk')");
        await page.getByRole("heading", { name: "Halo, Wulan Bandung" }).waitFor();
        await page.click("a:has-text('Berita & promo')");
        const promo = page.locator("[data-testid=promo]");
        await promo.waitFor();
        expect(await promo.locator("h3").textContent()).toBe("Diskon optik");
        expect(await promo.locator("details strong").textContent()).toBe("kartu digital");
        expect(problems).toEqual([]);
      } catch (error) {
        const text = await page.locator("main").innerText({ timeout: 1000 }).catch(() => "(no page)");
        if (error instanceof Error) error.message += `\n--- the page showed:\n${text}`;
        throw error;
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
