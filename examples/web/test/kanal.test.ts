// Kantor cabang terdekat in the reference web app, in headless Chromium against a real API server: without signing
// in, a visitor in Bandung (the browser's geolocation) presses "Gunakan lokasi saya" and sees the nearest offices in
// the API's distance order, a Bandung office first, each open or closed as the API says and labelled with who published
// its source; then finds the offices of Kota Bandung, and of Kota Samarinda (an OFFICIAL source), by typing the name.
import { describe, expect, it } from "vitest";
import { gql } from "../../../packages/api/test/support/test-server.ts";
import { HAVE_CHROMIUM, useAppUnderTest, withPageText } from "./support/app-under-test.ts";

// Gedung Sate, Kota Bandung.
const BANDUNG = { latitude: -6.9025, longitude: 107.6188 };

const app = useAppUnderTest("kantor cabang terdekat", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0" }, truncate: false });


describe.skipIf(!HAVE_CHROMIUM)("kantor cabang terdekat in the reference web app", () => {
  it(
    "shows the offices nearest to the visitor's location in the API's order, a Bandung office first, and a regency's offices by name",
    async () => {
      const context = await app.browser.newContext({ viewport: { width: 820, height: 1000 }, geolocation: BANDUNG, permissions: ["geolocation"] });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      try {
        const expected = await gql<{ kanalLayanan: { edges: Array<{ node: { code: string; openNow: boolean; regencyCode: string; source: { url: string; status: string } } }> } }>(
          app.api.url,
          `query($near: GeoPointInput!) { kanalLayanan(near: $near, first: 10) { edges { node { code openNow regencyCode source { url status } } } } }`,
          { near: { lat: BANDUNG.latitude, lng: BANDUNG.longitude } },
        );
        const edges = expected.data!.kanalLayanan.edges;
        expect(edges[0]!.node.regencyCode).toBe("3273");

        await page.goto(`${app.webUrl}?api=${encodeURIComponent(app.api.url)}#/kanal`);
        await page.getByRole("heading", { name: "Kantor Cabang Terdekat" }).waitFor();
        await page.click("button:has-text('Gunakan lokasi saya')");
        const items = page.locator("[data-testid=kanal-list] [data-testid=kanal]");
        await items.first().waitFor();
        expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-code")))).toEqual(edges.map((e) => e.node.code));
        expect(await items.locator("[data-testid=open-now]").allTextContents()).toEqual(edges.map((e) => (e.node.openNow ? "Buka sekarang" : "Tutup")));
        expect(await items.first().textContent()).toMatch(/km/);
        expect(await items.first().textContent()).toMatch(/WIB/);
        // Each point says who published its source: "Sumber resmi" (BPJS Ketenagakerjaan, government), "Sumber berita".
        const sources = items.locator("[data-testid=kanal-source]");
        expect(await sources.evaluateAll((els) => els.map((el) => el.getAttribute("data-status")))).toEqual(edges.map((e) => e.node.source.status));
        expect(await sources.locator("a").evaluateAll((els) => els.map((el) => el.getAttribute("href")))).toEqual(edges.map((e) => e.node.source.url));

        await page.fill("input[name=wilayah]", "kota bandung");
        await page.click("button:has-text('Cari wilayah')");
        await page.click("[data-wilayah='3273']");
        // Bandung Suci is in the nearest list too: wait for the list that holds Kota Bandung's offices.
        await page.locator("[data-testid=kanal-list][data-showing='wilayah:3273'] [data-testid=kanal][data-code='KC-BANDUNG-SUCI']").waitFor();
        const codes = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-code")));
        expect(codes.length).toBeGreaterThanOrEqual(3);
        expect(codes.every((code) => edges.some((e) => e.node.code === code && e.node.regencyCode === "3273"))).toBe(true);

        // An office sourced from BPJS Ketenagakerjaan's own page (Samarinda) is labelled as such, with that page.
        const samarinda = await gql<{ kanalLayanan: { edges: Array<{ node: { code: string; source: { url: string; status: string } } }> } }>(
          app.api.url,
          `{ kanalLayanan(wilayah: "6472") { edges { node { code source { url status } } } } }`,
        );
        const official = samarinda.data!.kanalLayanan.edges.find((e) => e.node.source.status === "OFFICIAL")!.node;
        await page.fill("input[name=wilayah]", "kota samarinda");
        await page.click("button:has-text('Cari wilayah')");
        await page.click("[data-wilayah='6472']");
        const item = page.locator(`[data-testid=kanal][data-code='${official.code}']`);
        await item.waitFor();
        expect(await item.locator("[data-testid=kanal-source]").textContent()).toMatch(/^Sumber resmi: /);
        expect(await item.locator("[data-testid=kanal-source] a").getAttribute("href")).toBe(official.source.url);
        expect(await item.textContent()).not.toMatch(/belum diverifikasi/);
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
