// Pengaduan in the reference web app, in headless Chromium against a real API server on its own test database: a
// member opens Pengaduan from Beranda, files a KOREKSI_DATA ticket with a photo of her KTP, sees its number and the
// conversation; staff answer and take it up (over the API), and the reply and the new status appear on her open page
// without a reload; she answers back. A file whose bytes are not what it claims to be is refused with the API's words.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { todayWib } from "../../../packages/api/src/modules/saldo/saldo.service.ts";
import { builders } from "../../../packages/api/test/support/builders.ts";
import { makeTestSelfieBytes } from "../../../packages/api/test/support/selfies.ts";
import { gql, signIn } from "../../../packages/api/test/support/test-server.ts";
import { HAVE_CHROMIUM, openPage as openBrowserPage, signInOnPage, useAppUnderTest, WEB_ROOT, withPageText } from "./support/app-under-test.ts";

const SCREENSHOT = join(WEB_ROOT, "test/__screenshots__/pengaduan.png");

const app = useAppUnderTest("pengaduan", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0" } });


async function openPage(): Promise<{ page: Page; problems: string[] }> {
  return openBrowserPage(app.browser);
}

describe.skipIf(!HAVE_CHROMIUM)("pengaduan in the reference web app", () => {
  it(
    "files a data correction with a KTP photo, sees the staff reply and status arrive without a reload, answers back; a fake file is refused",
    async () => {
      const seed = builders(app.tdb.database.db);
      await seed
        .participant({ fullName: "Siti Rahayu", birthPlace: "Bandung", gender: "PEREMPUAN" })
        .withCard({ status: "AKTIF" })
        .withAccount({ email: "siti@example.com" })
        .build();
      const petugas = await seed.staff();
      const { page, problems } = await openPage();
      try {
        await signInOnPage(app, page, "siti@example.com", "Siti Rahayu");
        await page.getByTestId("pengaduan-link").click();
        const form = page.locator("form[data-form='Buat Pengaduan']");
        await form.waitFor();
        expect(await page.getByTestId("pengaduan-list").textContent()).toBe("Belum ada pengaduan.");

        // A "PNG" that is a web page: refused with the API's words, nothing filed.
        await form.locator("select[name=kategori]").selectOption("KOREKSI_DATA");
        await form.locator("input[name=birthPlace]").fill("Bandung Barat");
        await form.locator("input[name=subject]").fill("Tempat lahir tidak sesuai KTP");
        await form.locator("textarea[name=description]").fill("Di KTP saya tempat lahir tertulis Bandung Barat.");
        await form.locator("input[name=attachments]").setInputFiles({ name: "ktp.png", mimeType: "image/png", buffer: Buffer.from("<html>bukan gambar</html>") });
        await form.locator("button[type=submit]").click();
        await form.locator(".errors p", { hasText: "Isi lampiran bukan berkas PNG yang utuh" }).waitFor();
        problems.length = 0; // the refusal above is a 200 with userErrors; nothing else may have failed

        const ktp = makeTestSelfieBytes({ width: 64, height: 40, format: "png", seed: 3 });
        await form.locator("input[name=attachments]").setInputFiles({ name: "ktp.png", mimeType: "image/png", buffer: ktp });
        await form.locator("button[type=submit]").click();
        const nomor = page.getByTestId("nomor");
        await nomor.waitFor();
        expect(await nomor.textContent()).toBe(`ADU-${todayWib().replaceAll("-", "")}-0001`);
        expect(await page.getByTestId("status").textContent()).toBe("Diterima");
        expect(await page.locator("[data-testid=percakapan] li").count()).toBe(1);
        expect(await page.locator("li[data-field=BIRTH_PLACE]").textContent()).toBe("Tempat lahir: Bandung → Bandung Barat");
        expect(await page.locator("[data-testid=lampiran]").textContent()).toMatch(/^ktp\.png \(\d+ kB\)$/);

        // Staff answer and take it up, over the API; her open page shows both by itself.
        const { accessToken: staffToken } = await signIn(app.api.url, petugas.email);
        const queue = await gql<{ pengaduanQueue: { edges: Array<{ node: { id: string } }> } }>(app.api.url, "query { pengaduanQueue { edges { node { id } } } }", {}, { token: staffToken });
        const ticketId = queue.data!.pengaduanQueue.edges[0]!.node.id;
        await page.evaluate(() => ((window as unknown as { __journey: string }).__journey = "tanpa-reload"));
        const reply = await gql(app.api.url, "mutation($input: PengaduanReplyInput!) { pengaduanReply(input: $input) { userErrors { code } } }", { input: { pengaduanId: ticketId, body: "Terima kasih, dokumen kami periksa." } }, { token: staffToken });
        expect(reply.data!.pengaduanReply.userErrors).toEqual([]);
        const moved = await gql(
          app.api.url,
          "mutation($input: PengaduanSetStatusInput!) { pengaduanSetStatus(input: $input) { userErrors { code } } }",
          { input: { pengaduanId: ticketId, status: "DIPROSES", reason: "Sedang diverifikasi." } },
          { token: staffToken },
        );
        expect(moved.data!.pengaduanSetStatus.userErrors).toEqual([]);
        await page.locator("[data-testid=percakapan] li[data-author=PETUGAS]", { hasText: "Sedang diverifikasi." }).waitFor({ timeout: 20_000 });
        expect(await page.locator("[data-testid=percakapan] li[data-author=PETUGAS] [data-testid=pesan]").allTextContents()).toEqual([
          "Terima kasih, dokumen kami periksa.",
          "Sedang diverifikasi.",
        ]);
        expect(await page.getByTestId("status").textContent()).toBe("Diproses");
        expect(await page.evaluate(() => (window as unknown as { __journey?: string }).__journey)).toBe("tanpa-reload");

        // She answers back.
        const replyForm = page.locator("form[data-form='Balas']");
        await replyForm.locator("textarea[name=body]").fill("Baik, saya tunggu.");
        await replyForm.locator("button[type=submit]").click();
        await page.locator("[data-testid=percakapan] li[data-author=PESERTA]", { hasText: "Baik, saya tunggu." }).waitFor();

        await mkdir(dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });

        // Her list shows the ticket with its status.
        await page.click("a:has-text('Semua pengaduan')");
        await page.locator("[data-testid=pengaduan-list] li", { hasText: "Tempat lahir tidak sesuai KTP" }).waitFor();
        expect(await page.locator("[data-testid=pengaduan-list] li .status").textContent()).toBe("Diproses");
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
