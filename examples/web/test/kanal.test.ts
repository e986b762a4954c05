// Kantor cabang terdekat in the reference web app, in headless Chromium against a real API server: without signing
// in, a visitor in Bandung (the browser's geolocation) presses "Gunakan lokasi saya" and sees the nearest offices in
// the API's distance order, a Bandung office first, each open or closed as the API says; then finds the offices of
// Kota Bandung by typing the city's name.
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
import { openTestDatabase, type TestDatabase } from "../../../packages/api/test/support/test-database.ts";
import { gql, startTestServer } from "../../../packages/api/test/support/test-server.ts";

const WEB_ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const BROWSER_REQUIRED = process.env.CI === "true";
if (!HAVE_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(`Skipping the kanal layanan browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
}
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// Gedung Sate, Kota Bandung.
const BANDUNG = { latitude: -6.9025, longitude: 107.6188 };

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
  outDir = await mkdtemp(join(tmpdir(), "jmo-web-kanal-"));
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

describe.skipIf(!HAVE_CHROMIUM && !BROWSER_REQUIRED)("kantor cabang terdekat in the reference web app", () => {
  it(
    "shows the offices nearest to the visitor's location in the API's order, a Bandung office first, and a regency's offices by name",
    async () => {
      const context = await browser!.newContext({ viewport: { width: 820, height: 1000 }, geolocation: BANDUNG, permissions: ["geolocation"] });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      try {
        const expected = await gql<{ kanalLayanan: { edges: Array<{ node: { code: string; openNow: boolean; regencyCode: string } }> } }>(
          api.url,
          `query($near: GeoPointInput!) { kanalLayanan(near: $near, first: 10) { edges { node { code openNow regencyCode } } } }`,
          { near: { lat: BANDUNG.latitude, lng: BANDUNG.longitude } },
        );
        const edges = expected.data!.kanalLayanan.edges;
        expect(edges[0]!.node.regencyCode).toBe("3273");

        await page.goto(`${webUrl}?api=${encodeURIComponent(api.url)}#/kanal`);
        await page.getByRole("heading", { name: "Kantor Cabang Terdekat" }).waitFor();
        await page.click("button:has-text('Gunakan lokasi saya')");
        const items = page.locator("[data-testid=kanal-list] [data-testid=kanal]");
        await items.first().waitFor();
        expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-code")))).toEqual(edges.map((e) => e.node.code));
        expect(await items.locator("[data-testid=open-now]").allTextContents()).toEqual(edges.map((e) => (e.node.openNow ? "Buka sekarang" : "Tutup")));
        expect(await items.first().textContent()).toMatch(/km/);
        expect(await items.first().textContent()).toMatch(/WIB/);

        await page.fill("input[name=wilayah]", "kota bandung");
        await page.click("button:has-text('Cari wilayah')");
        await page.click("[data-wilayah='3273']");
        await page.locator("[data-testid=kanal][data-code='KC-BANDUNG-SUCI']").waitFor();
        const codes = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-code")));
        expect(codes.length).toBeGreaterThanOrEqual(3);
        expect(codes.every((code) => edges.some((e) => e.node.code === code && e.node.regencyCode === "3273"))).toBe(true);
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
