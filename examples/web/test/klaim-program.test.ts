// Klaim program lain in the reference web app, in headless Chromium against a real API server on its own test
// database. A member with an AKTIF wage-earner card opens it from Beranda: JKM shows the heirs in the order of PP
// 44/2015, the heir's documents and Lapak Asik's link, and says the member's heirs would claim it; JKP says they are
// still working; JKK, after their accident report, sends them to a branch office. Reached from Informasi manfaat
// without signing in, the same page shows the public guidance and no candidate answer.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { kecelakaanReports } from "../../../packages/api/src/db/schema.ts";
import { builders } from "../../../packages/api/test/support/builders.ts";
import { HAVE_CHROMIUM, openPage, signInOnPage, useAppUnderTest, withPageText } from "./support/app-under-test.ts";

const app = useAppUnderTest("klaim program lain", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0" } });

/** Wati: a wage earner (PU) with an AKTIF card since 2020, a year of contributions and a verified accident report. */
async function seedWati() {
  const seed = builders(app.tdb.database.db);
  const p = await seed.participant({ fullName: "Wati Kusuma" }).withCard({ status: "AKTIF", registeredAt: "2020-01-01" }).withAccount({ email: "wati@example.com" }).build();
  await seed.contributionsFor(p.cards[0]!.id, { from: "2020-01", months: 12, wage: 5_000_000 });
  await app.tdb.database.db.insert(kecelakaanReports).values({
    participantId: p.participant.id,
    cardId: p.cards[0]!.id,
    occurredAt: new Date(Date.now() - 3 * 86_400_000),
    placeType: "DI_LOKASI_KERJA",
    address: "Gudang B, Jl. Industri 5",
    villageCode: "3273021004",
    description: "Tangan terjepit mesin press",
    injury: "Jari telunjuk kanan retak",
    treated: true,
    status: "DIVERIFIKASI",
    idempotencyKey: "kk-wati-1",
  });
}

const openTab = async (page: Page, program: string) => {
  await page.click(`[data-testid=program-tabs] a[data-program=${program}]`);
  await page.locator(`[data-testid=program-info][data-program=${program}] [data-testid=program-summary]`).waitFor();
};

describe.skipIf(!HAVE_CHROMIUM)("klaim program lain in the reference web app", () => {
  it(
    "guides a member from Beranda through JKM, JKP and JKK with their own candidate answers",
    async () => {
      await seedWati();
      const { page, problems } = await openPage(app.browser);
      try {
        await signInOnPage(app, page, "wati@example.com", "Wati Kusuma");
        await page.click("a:has-text('Klaim program lain')");
        await page.getByRole("heading", { name: "Klaim Program Lain" }).waitFor();

        // JKM (the default): the heirs claim; Wati's active card means her heirs would be paid.
        const candidate = page.getByTestId("candidate");
        await candidate.waitFor();
        expect(await candidate.getAttribute("data-status")).toBe("HEIRS_ONLY");
        expect(await page.getByTestId("candidate-status").textContent()).toBe("Diajukan oleh ahli waris");
        expect(await candidate.locator("[data-check=JKM_DILINDUNGI]").getAttribute("data-result")).toBe("PASSED");
        expect(await page.getByTestId("candidate-summary").textContent()).toContain("ahli waris mengajukannya di kantor cabang melalui Lapak Asik");
        const ranks = page.locator("[data-testid=claimants] li");
        expect(await ranks.evaluateAll((els) => els.map((e) => e.getAttribute("data-rank")))).toEqual(["1", "2", "3", "4", "5", "6"]);
        expect(await ranks.first().textContent()).toContain("Janda, duda, atau anak");
        expect(await page.locator("[data-document=SURAT_KETERANGAN_AHLI_WARIS]").count()).toBe(1);
        expect(await page.locator("[data-channel=LAPAK_ASIK] [data-testid=channel-link]").getAttribute("href")).toBe("https://lapakasik.bpjsketenagakerjaan.go.id/");

        // JKP: still working, so not a candidate; the channel is SIAPkerja.
        await openTab(page, "JKP");
        await page.locator("[data-testid=candidate][data-status=NOT_CANDIDATE]").waitFor();
        expect(await page.locator("[data-check=JKP_TIDAK_BEKERJA]").getAttribute("data-result")).toBe("FAILED");
        expect(await page.locator("[data-check=JKP_TIDAK_BEKERJA]").textContent()).toContain("Anda masih terdaftar bekerja pada kartu KPJ");
        expect(await page.locator("[data-channel=SIAP_KERJA] [data-testid=channel-link]").getAttribute("href")).toBe("https://siapkerja.kemnaker.go.id/");

        // JKK: her verified accident report makes her a candidate at a branch office.
        await openTab(page, "JKK");
        await page.locator("[data-testid=candidate][data-status=CANDIDATE]").waitFor();
        expect(await page.getByTestId("candidate-channel").textContent()).toBe("Kantor cabang");
        expect(await page.locator("[data-check=JKK_LAPORAN_KECELAKAAN]").textContent()).toMatch(/Laporan KK-\d{8}-\d{6} \(DIVERIFIKASI\) tercatat/);
        expect(await page.locator("[data-testid=candidate] a[href='#/kanal']").count()).toBe(1);

        // JP: twelve months paid, far from pension age.
        await openTab(page, "JP");
        await page.locator("[data-testid=candidate][data-status=NOT_CANDIDATE]").waitFor();
        expect(await page.getByTestId("candidate").textContent()).toContain("Masa iur: 12 bulan");
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
    "shows the public guidance from Informasi manfaat without signing in, and no candidate answer",
    async () => {
      const { page, problems } = await openPage(app.browser);
      try {
        await page.goto(`${app.webUrl}?api=${encodeURIComponent(app.api.url)}#/manfaat`);
        await page.getByRole("heading", { name: "Informasi Manfaat" }).waitFor();
        await page.getByTestId("klaim-program-link").click();
        await page.getByRole("heading", { name: "Klaim Program Lain" }).waitFor();
        await page.locator("[data-testid=program-info][data-program=JKM] [data-testid=program-summary]").waitFor();
        await openTab(page, "JP");
        expect(await page.locator("[data-testid=candidate]").count()).toBe(0);
        expect(await page.locator("[data-testid=channel]").evaluateAll((els) => els.map((e) => e.getAttribute("data-channel")))).toEqual(["KANTOR_CABANG", "LAPAK_ASIK"]);
        expect(await page.locator("[data-channel=KANTOR_CABANG] [data-testid=channel-link]").getAttribute("href")).toBe("#/kanal");
        expect(await page.locator("[data-document=SURAT_DOKTER_CACAT]").textContent()).toContain("(Pensiun cacat)");
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
