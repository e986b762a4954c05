// Lapor kecelakaan kerja and Informasi manfaat in the reference web app, in headless Chromium against a real API server
// on its own test database. A member with an AKTIF card reports an accident from Beranda (an empty form is refused in
// Indonesian beside its fields; the place is found in the wilayah search), sees the report's number, the card's
// employer and status DILAPORKAN; after staff verify it over the API, the page shows DIVERIFIKASI on reload. The
// benefits page shows the five programs with the API's amounts (JKM Rp42 juta) and what each of the member's cards
// covers today; without signing in it still shows the programs.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builders, TEST_PASSWORD } from "../../../packages/api/test/support/builders.ts";
import { gql, signIn } from "../../../packages/api/test/support/test-server.ts";
import { formatDate } from "../src/format.ts";
import { HAVE_CHROMIUM, openPage as openBrowserPage, signInOnPage, useAppUnderTest, withPageText } from "./support/app-under-test.ts";

const app = useAppUnderTest("kecelakaan kerja & manfaat", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0" } });


/** Joko: a wage earner (PU) with an AKTIF card at PT Baja Konstruksi Nusantara. */
async function seedJoko() {
  const seed = builders(app.tdb.database.db);
  const employer = await seed.employer({ name: "PT Baja Konstruksi Nusantara" });
  await seed.participant({ fullName: "Joko Susilo" }).withCard({ status: "AKTIF", employerId: employer.id, registeredAt: "2020-01-01" }).withAccount({ email: "joko@example.com" }).build();
}

async function openPage(): Promise<{ page: Page; problems: string[] }> {
  // WIB, so that the date and time typed are the member's local ones as the API stores them.
  return openBrowserPage(app.browser, { timezoneId: "Asia/Jakarta" });
}

const signInJoko = (page: Page) => signInOnPage(app, page, "joko@example.com", "Joko Susilo");

describe.skipIf(!HAVE_CHROMIUM)("kecelakaan kerja and manfaat in the reference web app", () => {
  it(
    "reports a work accident from Beranda, gets its number and employer, and sees the staff's verification",
    async () => {
      await seedJoko();
      const { page, problems } = await openPage();
      try {
        await signInJoko(page);
        await page.click("a:has-text('Lapor kecelakaan kerja')");
        await page.getByRole("heading", { name: "Lapor Kecelakaan Kerja" }).waitFor();
        expect(await page.getByTestId("laporan-list").textContent()).toContain("Belum ada laporan");

        const form = page.locator("form[data-form='Lapor Kecelakaan']");
        await form.locator("button[type=submit]").click();
        await form.locator("input[name=address][aria-invalid=true]").waitFor();
        expect(await form.locator("input[name=address] ~ .field-error").textContent()).toBe("Wajib diisi.");

        const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
        await form.locator("input[name=date]").fill(yesterday);
        await form.locator("input[name=time]").fill("09:30");
        await form.locator("select[name=placeType]").selectOption("DI_LOKASI_KERJA");
        await form.locator("input[name=address]").fill("Proyek Gedung B, Jl. Ir. H. Juanda No. 100");
        await form.locator("input[name=wilayah]").fill("Dago, Coblong");
        await form.locator("button:has-text('Cari')").click();
        await form.locator("select[name=villageCode] option[value='3273021004']").waitFor({ state: "attached" });
        await form.locator("select[name=villageCode]").selectOption("3273021004");
        await form.locator("textarea[name=description]").fill("Terpeleset di tangga perancah lantai 3 saat membawa besi beton.");
        await form.locator("input[name=injury]").fill("Pergelangan kaki kiri terkilir");
        await form.locator("input[name=treated]").check();
        await form.locator("input[name=treatmentPlace]").fill("RS Borromeus Bandung");
        await form.locator("input[name=witness0Name]").fill("Ujang Sutisna");
        await form.locator("input[name=witness0Phone]").fill("081234567890");
        await form.locator("button[type=submit]").click();

        const done = page.getByTestId("laporan-baru");
        await done.locator("p.ok").waitFor();
        const nomor = (await done.textContent())!.match(/KK-\d{8}-\d{6}/)![0];
        expect(await done.textContent()).toContain("PT Baja Konstruksi Nusantara");
        const item = page.locator(`[data-testid=laporan][data-nomor='${nomor}']`);
        await item.waitFor();
        expect(await item.getByTestId("laporan-status").textContent()).toBe("Dilaporkan");
        expect(await item.textContent()).toContain("Coblong, Kota Bandung, Jawa Barat");
        expect(await item.textContent()).toContain(`Kejadian: ${formatDate(yesterday)} 09.30 WIB`);

        // Staff verify it over the API; the member sees it on the next visit.
        const staff = await builders(app.tdb.database.db).staff();
        const { accessToken } = await signIn(app.api.url, staff.email, TEST_PASSWORD);
        const queue = await gql<{ kecelakaanKerjaQueue: { edges: Array<{ node: { id: string; nomor: string } }> } }>(
          app.api.url,
          `query { kecelakaanKerjaQueue(status: DILAPORKAN) { edges { node { id nomor } } } }`,
          {},
          { token: accessToken },
        );
        const reportId = queue.data!.kecelakaanKerjaQueue.edges.find((e) => e.node.nomor === nomor)!.node.id;
        const verified = await gql(app.api.url, `mutation($input: KecelakaanKerjaUpdateStatusInput!) { kecelakaanKerjaUpdateStatus(input: $input) { userErrors { code } } }`, {
          input: { reportId, status: "DIVERIFIKASI" },
        }, { token: accessToken });
        expect(verified.data!.kecelakaanKerjaUpdateStatus.userErrors).toEqual([]);
        await page.reload();
        await page.locator(`[data-testid=laporan][data-nomor='${nomor}'] [data-testid=laporan-status]:has-text('Diverifikasi')`).waitFor();
        expect(problems).toEqual([]);
      } catch (error) {
        throw await withPageText(page, error);
      } finally {
        await page.context().close();
      }
    },
    120_000,
  );

  it(
    "shows the five programs with the API's amounts, what the member's card covers, and the programs without signing in",
    async () => {
      await seedJoko();
      const { page, problems } = await openPage();
      try {
        await signInJoko(page);
        await page.click("a:has-text('Informasi manfaat')");
        await page.getByRole("heading", { name: "Informasi Manfaat" }).waitFor();
        const programs = page.locator("[data-testid=program]");
        await programs.first().waitFor();
        expect(await programs.evaluateAll((els) => els.map((e) => e.getAttribute("data-program")))).toEqual(["JHT", "JKK", "JKM", "JP", "JKP"]);
        expect(await page.locator("[data-program=JKM] [data-benefit=JKM_TOTAL] [data-testid=amount]").textContent()).toBe(": Rp42.000.000,00");
        expect(await page.locator("[data-program=JKP] [data-channel=SIAP_KERJA]").count()).toBe(1);
        // Joko's AKTIF wage-earner card covers all five today.
        expect(await page.locator("[data-testid=card-programs] [data-testid=programs]").textContent()).toBe("JHT, JKK, JKM, JP, JKP");

        // Filtered by segment: a self-employed member sees JHT (optional), JKK and JKM.
        await page.locator("select[name=segment]").selectOption("BPU");
        await page.click("button:has-text('Tampilkan')");
        await page.locator("[data-testid=program-list]:not(:has([data-program=JP]))").waitFor();
        expect(await programs.evaluateAll((els) => els.map((e) => e.getAttribute("data-program")))).toEqual(["JHT", "JKK", "JKM"]);

        // Public: a visitor who has not signed in reads the same programs, without a card section.
        await page.click("button:has-text('Keluar')");
        // Signing out ends on the sign-in page once the API has answered: go on from there, not while it is on its way.
        await page.getByRole("heading", { name: "Masuk" }).waitFor();
        await page.goto(`${app.webUrl}?api=${encodeURIComponent(app.api.url)}#/manfaat`);
        await page.getByRole("heading", { name: "Informasi Manfaat" }).waitFor();
        // The same address with another hash does not reload the page: wait for the unfiltered list, not just any list.
        await page.locator("[data-testid=program-list]:has([data-program=JP])").waitFor();
        expect(await programs.count()).toBe(5);
        expect(await page.locator("[data-testid=card-programs]").count()).toBe(0);
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
