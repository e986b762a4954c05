// Klaim JHT sebagian in the reference web app, in headless Chromium (playwright-core, Debian's chromium) against a real
// API server: a member of ten years who still works takes 10% of his saldo from Beranda, through the full claim's steps,
// watches it reach "Proses Klaim Selesai" live, and his saldo drops by exactly that amount; a member of seven years is
// told how long is left.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builders } from "../../../packages/api/test/support/builders.ts";
import { makeTestSelfieBytes } from "../../../packages/api/test/support/selfies.ts";
import { gql, signIn } from "../../../packages/api/test/support/test-server.ts";
import { formatRupiah } from "../src/format.ts";
import { HAVE_CHROMIUM, openPage, signInOnPage, useAppUnderTest, withPageText } from "./support/app-under-test.ts";

/** "1234.50" (the API's Rupiah: always two decimals) in sen. */
const rupiahToSen = (rupiah: string): bigint => BigInt(rupiah.replace(".", ""));

const app = useAppUnderTest("klaim JHT sebagian", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0", KLAIM_STEP_DELAY_SECONDS: "0" } });

async function seedMember(registeredAt: string) {
  const seed = builders(app.tdb.database.db);
  const m = await seed
    .participant({ fullName: "Hendra Gunawan", pengkinianStatus: "TERVERIFIKASI" })
    .withCard({ status: "AKTIF", registeredAt, segment: "PU" })
    .withAccount({ email: "hendra@example.com" })
    .build();
  await seed.contributionsFor(m.cards[0]!.id, { from: registeredAt.slice(0, 7), months: 120, wage: 2_400_000 });
  return m;
}

async function saldoTotal(): Promise<string> {
  const { accessToken } = await signIn(app.api.url, "hendra@example.com");
  return (await gql<{ me: { saldoJht: { total: string } } }>(app.api.url, "{ me { saldoJht { total } } }", {}, { token: accessToken })).data!.me.saldoJht.total;
}

describe.skipIf(!HAVE_CHROMIUM)("klaim JHT sebagian (web app)", () => {
  it(
    "takes 10% from Beranda through every step and shows it paid live; the saldo drops by exactly the amount",
    async () => {
      const m = await seedMember("2014-03-03");
      const before = await saldoTotal();
      const { page, problems } = await openPage(app.browser);
      try {
        await signInOnPage(app, page, "hendra@example.com", "Hendra Gunawan");
        await page.click("a:has-text('Klaim JHT Sebagian')");
        await page.getByTestId("eligibility").waitFor();
        expect(await page.locator("[data-check]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-check")}:${e.className}`))).toEqual([
          "MASA_KEPESERTAAN_10_TAHUN:ok",
          "BELUM_PERNAH_KLAIM_SEBAGIAN:ok",
          "PENGKINIAN_SELESAI:ok",
          "SALDO_TERSEDIA:ok",
          "JUMLAH_MAKS_JMO:ok",
          "TIDAK_ADA_KLAIM_BERJALAN:ok",
        ]);
        // 10% of the saldo, rounded down to the sen, as the page shows it.
        const jumlahSen = (rupiahToSen(before) * 10n) / 100n;
        const jumlah = `${jumlahSen / 100n}.${(jumlahSen % 100n).toString().padStart(2, "0")}`;
        expect(await page.getByTestId("jumlah").textContent()).toBe(formatRupiah(jumlah));

        await page.click("button:has-text('Ajukan Klaim JHT Sebagian')");
        await page.locator("[data-step=KEPESERTAAN]").waitFor();
        // The 10% claim takes no document.
        expect(await page.getByTestId("dokumen-perumahan").count()).toBe(0);
        await page.fill("input[name=kpj]", m.cards[0]!.kpj);
        await page.click("button:has-text('Lanjut')");
        await page.locator("[data-step=BIOMETRIK]").waitFor();
        await page.setInputFiles("input[name=selfie]", { name: "selfie.png", mimeType: "image/png", buffer: makeTestSelfieBytes({ seed: 11 }) });
        await page.click("button:has-text('Verifikasi Wajah')");
        await page.locator("[data-step=REKENING]").waitFor();
        await page.locator("select[name=bankCode] option[value='014']").waitFor({ state: "attached" });
        await page.selectOption("select[name=bankCode]", "014");
        await page.fill("input[name=accountNumber]", "2740112233");
        await page.click("button:has-text('Simpan Rekening')");

        await page.locator("[data-step=KONFIRMASI]").waitFor();
        const rincian = await page.getByTestId("rincian").textContent();
        expect(rincian).toContain("Klaim sebagian 10% (keperluan lain)");
        expect(await page.getByTestId("jumlah-klaim").textContent()).toBe(formatRupiah(jumlah));
        await page.check("input[name=consent]");
        await page.evaluate(() => ((window as unknown as { __journey: string }).__journey = "tanpa-reload"));
        await page.click("form button[type=submit]:has-text('Ajukan Klaim')");

        await page.locator("[data-testid=timeline] li[data-status=AGENDA]").waitFor();
        expect(await app.api.services.klaimWorker.runDue()).toBeGreaterThan(0);
        await page.getByTestId("klaim-selesai").waitFor({ timeout: 60_000 });
        expect(await page.evaluate(() => (window as unknown as { __journey?: string }).__journey)).toBe("tanpa-reload");
        expect(await page.locator("[data-testid=timeline] li").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))).toEqual([
          "AGENDA",
          "VERIFIKASI",
          "PENETAPAN",
          "PEMBAYARAN",
          "SELESAI",
        ]);
        expect(rupiahToSen(before) - rupiahToSen(await saldoTotal())).toBe(jumlahSen);

        // Back on the page: the second partial claim is refused, and the check says why.
        await page.goto(`${app.webUrl}?api=${encodeURIComponent(app.api.url)}#/beranda`);
        await page.click("a:has-text('Klaim JHT Sebagian')");
        await page.locator("[data-check=BELUM_PERNAH_KLAIM_SEBAGIAN].fail").waitFor();
        expect(await page.locator("button:has-text('Ajukan Klaim JHT Sebagian')").count()).toBe(0);
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
    "tells a member below 10 years how long is left and offers no claim",
    async () => {
      await seedMember("2019-06-15");
      const { page, problems } = await openPage(app.browser);
      try {
        await signInOnPage(app, page, "hendra@example.com", "Hendra Gunawan");
        await page.click("a:has-text('Klaim JHT Sebagian')");
        const masa = page.locator("[data-check=MASA_KEPESERTAAN_10_TAHUN].fail");
        await masa.waitFor();
        expect(await masa.textContent()).toMatch(/Klaim JHT sebagian dapat diajukan setelah 10 tahun kepesertaan: .*lagi, mulai 2029-06-15\./);
        expect(await page.locator("button:has-text('Ajukan Klaim JHT Sebagian')").count()).toBe(0);
        expect(problems).toEqual([]);
      } catch (error) {
        throw await withPageText(page, error);
      } finally {
        await page.context().close();
      }
    },
    60_000,
  );
});
