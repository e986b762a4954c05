// Antrean kantor cabang in the reference web app, in headless Chromium against a real API server on its own test
// database (the API's booking clock set to Monday 7 December 2026, 08:00 WIB). From Beranda a member picks Jakarta, the
// Salemba branch, a service and a day; sees the day's slots with the places left; tries the last place just taken by
// someone else (refused in Indonesian, the slot now full); books 09:30 and gets the code and QR (which verifies
// publicly with a masked name); then cancels it.
import { describe, expect, it } from "vitest";
import { builders } from "../../../packages/api/test/support/builders.ts";
import { gql, signIn } from "../../../packages/api/test/support/test-server.ts";
import { HAVE_CHROMIUM, openPage, signInOnPage, useAppUnderTest, withPageText } from "./support/app-under-test.ts";

const app = useAppUnderTest("antrean kantor cabang", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0" } });

const MONDAY_0800 = new Date("2026-12-07T01:00:00Z");
const LAST_SLOT = "2026-12-08T07:30:00.000Z"; // 14:30 WIB
const BOOK = `mutation($input: AntreanBookInput!) { antreanBook(input: $input) { booking { code } userErrors { code } } }`;

describe.skipIf(!HAVE_CHROMIUM)("antrean kantor cabang in the reference web app", () => {
  it(
    "books a slot at a branch from Beranda, shows the code and QR, refuses a slot just filled, and cancels",
    async () => {
      app.api.services.antreanClock.now = () => MONDAY_0800;
      const seed = builders(app.tdb.database.db);
      await seed.participant({ fullName: "Budi Santoso" }).withCard({ status: "AKTIF" }).withAccount({ email: "budi@example.com" }).build();
      const salemba = (
        await gql<{ kanalLayanan: { edges: Array<{ node: { id: string; code: string } }> } }>(
          app.api.url,
          `query { kanalLayanan(wilayah: "3171", first: 50) { edges { node { id code } } } }`,
        )
      ).data!.kanalLayanan.edges.find((e) => e.node.code === "KC-JAKARTA-SALEMBA")!.node.id;
      // Three others hold 14:30 already; one place is left.
      const others = [];
      for (const name of ["Satu", "Dua", "Tiga", "Empat"]) {
        const p = await seed.participant({ fullName: `Peserta ${name}` }).withCard({ status: "AKTIF" }).withAccount().build();
        others.push((await signIn(app.api.url, p.email!)).accessToken);
      }
      for (const token of others.slice(0, 3)) {
        const res = await gql(app.api.url, BOOK, { input: { kanalId: salemba, layanan: "KLAIM_JHT", slotStart: LAST_SLOT } }, { token });
        expect(res.data!.antreanBook.userErrors).toEqual([]);
      }

      const { page, problems } = await openPage(app.browser, { timezoneId: "Asia/Jakarta" });
      try {
        await signInOnPage(app, page, "budi@example.com", "Budi Santoso");
        await page.click("[data-testid=antrean-link]");
        await page.getByRole("heading", { name: "Antrean Kantor Cabang" }).waitFor();
        expect(await page.getByTestId("antrean-list").textContent()).toContain("Belum ada antrean aktif");

        await page.selectOption("select[name=kota]", "jakarta");
        await page.click("button:has-text('Cari kantor')");
        await page.locator(`select[name=kanalId] option[value='${salemba}']`).waitFor({ state: "attached" });
        await page.selectOption("select[name=kanalId]", salemba);
        await page.selectOption("select[name=layanan]", "KLAIM_JHT");
        await page.fill("input[name=date]", "2026-12-08");
        await page.click("button:has-text('Lihat slot')");
        const slots = page.locator("[data-testid=antrean-slots] button[data-time]");
        await slots.first().waitFor();
        expect(await slots.evaluateAll((b) => b.map((x) => x.getAttribute("data-time")))).toEqual([
          "08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30",
        ]);
        expect(await page.locator("button[data-time='14:30']").textContent()).toBe("14:30 · sisa 1");
        expect(await page.getByTestId("antrean-slots").textContent()).toContain("zona WIB");

        // Someone else takes the last place while the page shows it free: the member is told, and the slot shows full.
        expect((await gql(app.api.url, BOOK, { input: { kanalId: salemba, layanan: "KLAIM_JHT", slotStart: LAST_SLOT } }, { token: others[3] })).data!.antreanBook.userErrors).toEqual([]);
        await page.click("button[data-time='14:30']");
        await page.locator("[role=alert]:has-text('Slot ini sudah penuh')").waitFor();
        await page.locator("button[data-time='14:30']:has-text('penuh')").waitFor();
        expect(await page.locator("button[data-time='14:30']").isDisabled()).toBe(true);

        await page.click("button[data-time='09:30']");
        const booked = page.getByTestId("antrean-baru").locator("[data-testid=antrean]");
        await booked.waitFor();
        expect(await booked.getByTestId("antrean-code").textContent()).toBe("ANT-KC-JAKARTA-SALEMBA-20261208-005");
        expect(await booked.getByTestId("antrean-jadwal").textContent()).toBe("8 Desember 2026 pukul 09:30 WIB");
        const src = await booked.getByTestId("antrean-qr").getAttribute("src");
        expect(decodeURIComponent(src!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ""))).toMatch(/^<svg[\s\S]*<\/svg>$/);
        await page.locator("[data-testid=antrean-list] [data-code='ANT-KC-JAKARTA-SALEMBA-20261208-005']").waitFor();
        await page.locator("button[data-time='09:30']:has-text('sisa 3')").waitFor();

        // The QR the member shows verifies publicly, with a masked name.
        const budi = await signIn(app.api.url, "budi@example.com");
        const mine = await gql(app.api.url, `query { me { antreanBookings(open: true) { edges { node { qr { token } } } } } }`, {}, { token: budi.accessToken });
        const token = mine.data!.me.antreanBookings.edges[0].node.qr.token;
        const verified = await gql(app.api.url, `query($t: String!) { antreanVerify(token: $t) { valid code nameMasked status } }`, { t: token });
        expect(verified.data!.antreanVerify).toEqual({ valid: true, code: "ANT-KC-JAKARTA-SALEMBA-20261208-005", nameMasked: "B*** S******", status: "BOOKED" });

        await page.locator("[data-testid=antrean-list] [data-testid=antrean-batal]").click();
        await page.getByTestId("antrean-baru").locator("text=dibatalkan").waitFor();
        await page.getByTestId("antrean-list").locator("text=Belum ada antrean aktif").waitFor();
        expect((await gql(app.api.url, `query($t: String!) { antreanVerify(token: $t) { status } }`, { t: token })).data!.antreanVerify.status).toBe("CANCELLED");
        // The refused booking was an expected 200 with a userError: nothing else went wrong on the page.
        expect(problems).toEqual([]);
      } catch (error) {
        throw await withPageText(page, error);
      } finally {
        await page.context().close();
        app.api.services.antreanClock.now = () => new Date();
      }
    },
    180_000,
  );
});
