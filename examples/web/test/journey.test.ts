// The reference web app in headless Chromium (Debian's chromium, driven by playwright-core) against a real API server:
// budi signs in, makes a JHT claim through every step, and watches it reach "Proses Klaim Selesai" without a reload.
// The browser asks for English (en-US): the Indonesian UI must still get the API's messages in Indonesian.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builders } from "../../../packages/api/test/support/builders.ts";
import { makeTestSelfieBytes } from "../../../packages/api/test/support/selfies.ts";
import { gql, signIn } from "../../../packages/api/test/support/test-server.ts";
import { formatRupiah } from "../src/format.ts";
import { outbox } from "../../../packages/api/src/db/schema.ts";
import { HAVE_CHROMIUM, openPage as openBrowserPage, signInOnPage, useAppUnderTest, WEB_ROOT, withPageText } from "./support/app-under-test.ts";

const SCREENSHOT = join(WEB_ROOT, "test/__screenshots__/klaim-selesai.png");
// The klaim worker stays off (tests' default): the test moves the claim itself once the page shows it submitted.
const app = useAppUnderTest("reference web app", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0", KLAIM_STEP_DELAY_SECONDS: "0" } });

/** budi as in the demo data: PU card NONAKTIF for three months, pengkinian TERVERIFIKASI, saldo under Rp10 juta. */
async function seedBudi() {
  const seed = builders(app.tdb.database.db);
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - 3);
  const budi = await seed
    .participant({ fullName: "Budi Santoso", pengkinianStatus: "TERVERIFIKASI" })
    .withCard({ status: "NONAKTIF", nonaktifSince: since.toISOString().slice(0, 10), segment: "PU" })
    .withAccount({ email: "budi@example.com" })
    .build();
  await seed.contributionsFor(budi.cards[0]!.id, { from: "2022-01", months: 24, wage: 4_500_000 });
  return budi;
}

async function openPage(): Promise<{ page: Page; problems: string[]; connectionInits: unknown[] }> {
  const { page, problems } = await openBrowserPage(app.browser);
  // The payloads of graphql-ws connection_init messages the page sends.
  const connectionInits: unknown[] = [];
  page.on("websocket", (socket) =>
    socket.on("framesent", ({ payload }) => {
      const message = typeof payload === "string" ? (JSON.parse(payload) as { type?: string; payload?: unknown }) : {};
      if (message.type === "connection_init") connectionInits.push(message.payload);
    }),
  );
  return { page, problems, connectionInits };
}

/** The error shown beside a control: the element its aria-describedby names that is inside the control's field. */
async function fieldError(page: Page, selector: string): Promise<{ invalid: string | null; text: string | null; besideIt: boolean }> {
  return page.locator(selector).evaluate((control) => {
    const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains("field-error") && !el.hidden);
    return {
      invalid: control.getAttribute("aria-invalid"),
      text: error?.textContent ?? null,
      besideIt: !!error && error.closest(".field, .choice") === control.closest(".field, .choice"),
    };
  });
}

const signInAs = (page: Page, email: string, fullName: string) => signInOnPage(app, page, email, fullName);
/** A failure with what the page showed, so that a CI log says why. */
const signInAsBudi = (page: Page) => signInAs(page, "budi@example.com", "Budi Santoso");

describe.skipIf(!HAVE_CHROMIUM)("reference web app", () => {
  it(
    "takes siti through pengkinian data and shows the decision arrive live",
    async () => {
      const kpjs = ["19123456712", "23098765434"];
      await builders(app.tdb.database.db)
        .participant({ fullName: "Siti Rahayu", nik: "3273026108930002", gender: "PEREMPUAN", birthDate: "1993-08-21", phone: "+6281200000002" })
        .withCard({ kpj: kpjs[0], status: "NONAKTIF", registeredAt: "2019-07-01", nonaktifSince: "2022-12-31" })
        .withCard({ kpj: kpjs[1], status: "AKTIF", registeredAt: "2023-02-01" })
        .withAccount({ email: "siti@example.com" })
        .build();
      const { page, problems, connectionInits } = await openPage();
      try {
        await signInAs(page, "siti@example.com", "Siti Rahayu");
        await page.click("nav >> text=Pengkinian Data");
        expect(await page.getByTestId("pengkinian-status").textContent()).toBe("Belum");
        await page.click("button:has-text('Update datamu sekarang')");

        const kpjInputs = page.locator("form[data-form='Konfirmasi Kepesertaan'] input");
        await kpjInputs.first().waitFor();
        expect(await page.getByTestId("kpj-attempts").allTextContents()).toEqual(["Sisa percobaan: 3", "Sisa percobaan: 3"]);
        // The challenge lists the cards in the order the server chose: match each masked KPJ to its full number.
        const fullKpjs: string[] = [];
        for (const input of await kpjInputs.all()) {
          const labelText = (await input.locator("xpath=..").textContent()) ?? "";
          fullKpjs.push(kpjs.find((k) => labelText.includes(`${k.slice(0, 2)}*******${k.slice(-2)}`)) ?? "");
        }
        // First a wrong KPJ for the first card: the API's message (in Indonesian, although the browser asks for English)
        // shows beside that card's input, not the other's, and the attempts hint follows the API's answer.
        await kpjInputs.nth(0).fill("11111111111");
        await kpjInputs.nth(1).fill(fullKpjs[1]!);
        await page.click("button:has-text('Lanjut')");
        await page.getByTestId("kpj-attempts").first().filter({ hasText: "Sisa percobaan: 2" }).waitFor();
        expect(await page.getByTestId("kpj-attempts").allTextContents()).toEqual(["Sisa percobaan: 2", "Sisa percobaan: 2"]);
        const kpjIds = await kpjInputs.evaluateAll((els) => els.map((e) => `#${e.id}`));
        expect(await fieldError(page, kpjIds[0]!)).toEqual({
          invalid: "true",
          text: "Nomor KPJ tidak sesuai. Sisa percobaan: 2. Setelah 3 kali salah, akun Anda akan diblokir.",
          besideIt: true,
        });
        expect(await fieldError(page, kpjIds[1]!)).toEqual({ invalid: null, text: null, besideIt: false });
        expect(await page.locator("form[data-form='Konfirmasi Kepesertaan'] .errors").textContent()).toBe("");
        await kpjInputs.nth(0).fill(fullKpjs[0]!);
        await page.click("button:has-text('Lanjut')");

        await page.locator("form[data-form='Verifikasi Wajah']").waitFor();
        await page.click("button:has-text('Gunakan foto contoh (sandbox)')");
        await page.click("form[data-form='Verifikasi Wajah'] button[type=submit]");

        const kontak = page.locator("form[data-form='Data Kontak']");
        await kontak.waitFor();
        await kontak.locator("input[name=phone]").fill("0812 9999 8888");
        await kontak.locator("input[name=email]").fill("siti@example.com");
        // The bank from the same `banks` list as the claim page, not typed.
        await kontak.locator("select[name=bankCode] option[value='014']").waitFor({ state: "attached" });
        await kontak.locator("select[name=bankCode]").selectOption("014");
        await kontak.locator("input[name=accountNumber]").fill("1234567890");
        await kontak.locator("input[name=accountName]").fill("Siti Rahayu");
        await kontak.locator("button[type=submit]").click();
        // Her new phone number is sent an SMS code (the sandbox outbox); the section is done once it is entered.
        const smsCode = page.locator("form[data-form='Kode verifikasi SMS']");
        await smsCode.waitFor();
        // The web app has no drizzle-orm of its own: read the (small) outbox and pick the message here.
        const sms = (await app.tdb.database.db.select().from(outbox)).find((m) => m.destination === "+6281299998888");
        await smsCode.locator("input[name=smsCode]").fill(String(sms?.params.code));
        await smsCode.locator("button[type=submit]").click();
        await page.locator("ol.steps li.done", { hasText: "Data Kontak" }).waitFor();

        const kependudukan = page.locator("form[data-form='Data Kependudukan']");
        // Enum values read as words, not "laki laki".
        expect(await kependudukan.locator("select[name=gender] option").allTextContents()).toEqual(["Pilih…", "Laki-laki", "Perempuan"]);
        await kependudukan.locator("select[name=gender]").selectOption("PEREMPUAN");
        await kependudukan.locator("input[name=address]").fill("Jl. Dago No. 10, RT 01/RW 02");
        await kependudukan.locator("input[name=wilayah]").fill("Dago");
        await kependudukan.locator("button:has-text('Cari')").click();
        await kependudukan.locator("select[name=villageCode] option[value='3273021004']").waitFor({ state: "attached" });
        await kependudukan.locator("select[name=villageCode]").selectOption("3273021004");
        await kependudukan.locator("input[name=kodePos]").fill("40135");
        await kependudukan.locator("input[name=motherMaidenName]").fill("Sumiati");
        await kependudukan.locator("select[name=maritalStatus]").selectOption("BELUM_KAWIN");
        await kependudukan.locator("button[type=submit]").click();
        await page.locator("ol.steps li.done", { hasText: "Data Kependudukan" }).waitFor();

        const tambahan = page.locator("form[data-form='Data Tambahan']");
        // Nothing is chosen for her: religion and blood type start on the empty "Pilih…", and are required.
        for (const name of ["religion", "bloodType"]) {
          expect(await tambahan.locator(`select[name=${name}]`).inputValue()).toBe("");
          expect(await tambahan.locator(`select[name=${name}] option:checked`).textContent()).toBe("Pilih…");
        }
        expect(await tambahan.locator("select[name=education] option").allTextContents()).toContain("SMA/SMK/sederajat");
        await tambahan.locator("button[type=submit]").click();
        expect(await fieldError(page, "form[data-form='Data Tambahan'] select[name=religion]")).toEqual({ invalid: "true", text: "Pilih salah satu.", besideIt: true });
        await tambahan.locator("select[name=education]").selectOption("SMA");
        await tambahan.locator("select[name=religion]").selectOption("ISLAM");
        await tambahan.locator("select[name=bloodType]").selectOption("O");
        await tambahan.locator("input[name=ecName]").fill("Andi Pratama");
        await tambahan.locator("input[name=ecPhone]").fill("081311112222");
        await tambahan.locator("input[name=ecAddress]").fill("Jl. Dago No. 10, Bandung");
        await tambahan.locator("select[name=relationship]").selectOption("SAUDARA_KANDUNG");
        await tambahan.locator("button[type=submit]").click();

        const konfirmasi = page.locator("form[data-form='Konfirmasi']");
        await konfirmasi.locator("input[name=consent]").check();
        await page.evaluate(() => ((window as unknown as { __journey: string }).__journey = "tanpa-reload"));
        await konfirmasi.locator("button[type=submit]").click();
        await page.locator("[data-testid=pengkinian-status]", { hasText: "Diajukan" }).waitFor();

        // The verification runs (its worker is off in tests); the outcome arrives through pengkinianStatusChanged.
        await app.api.services.pengkinian.decideDue();
        await page.locator("[data-testid=pengkinian-status]", { hasText: "Terverifikasi" }).waitFor({ timeout: 30_000 });
        expect(await page.evaluate(() => (window as unknown as { __journey?: string }).__journey)).toBe("tanpa-reload");
        // The WebSocket asks for Indonesian too (the browser cannot set headers on it).
        expect(connectionInits).not.toHaveLength(0);
        for (const init of connectionInits) expect(init).toMatchObject({ acceptLanguage: "id" });
        expect(problems).toEqual([]);
      } catch (error) {
        throw await withPageText(page, error);
      } finally {
        await page.context().close();
      }
    },
    90_000,
  );

  it(
    "shows the merged saldo with its yearly statement (RSJHT) and chart, and the pengkinian status",
    async () => {
      const budi = await seedBudi();
      const { accessToken } = await signIn(app.api.url, "budi@example.com");
      const res = await gql<{ me: { saldoJht: { total: string; years: Array<{ year: number; saldoAkhir: string }> } } }>(
        app.api.url,
        "query { me { saldoJht { total years { year saldoAkhir } } } }",
        {},
        { token: accessToken },
      );
      const saldo = res.data!.me.saldoJht;
      const { page, problems } = await openPage();
      try {
        // A wrong password: the API's Indonesian message beside the password field (the browser asks for English).
        await page.goto(`${app.webUrl}?api=${encodeURIComponent(app.api.url)}#/masuk`);
        await page.fill("input[name=identifier]", "budi@example.com");
        await page.fill("input[name=password]", "bukan-kata-sandinya");
        await page.click("button:has-text('Masuk')");
        await page.locator("input[name=password][aria-invalid=true]").waitFor();
        expect(await fieldError(page, "input[name=password]")).toEqual({
          invalid: "true",
          text: "Email/nomor HP atau kata sandi salah. Setelah 5 kali salah berturut-turut, akun dikunci selama 15 menit.",
          besideIt: true,
        });
        expect(await page.locator("form .errors").textContent()).toBe("");
        await signInAsBudi(page);
        expect(await page.getByTestId("saldo-total").textContent()).toBe(formatRupiah(saldo.total));
        // Beranda shows the holder their own full KPJ (issue 11, finding 6).
        expect(await page.getByTestId("kpj").textContent()).toBe(`KPJ ${budi.cards[0]!.kpj}`);
        await page.click("nav >> text=Saldo JHT");
        await page.getByTestId("rsjht").waitFor();
        expect(await page.getByTestId("saldo-total").textContent()).toBe(formatRupiah(saldo.total));
        const rows = await page.locator("[data-testid=rsjht] tbody tr").evaluateAll((trs) =>
          trs.map((tr) => [tr.firstElementChild!.textContent, tr.lastElementChild!.textContent]),
        );
        expect(rows).toEqual(saldo.years.map((y) => [String(y.year), formatRupiah(y.saldoAkhir)]));
        expect(await page.locator("[data-testid=saldo-chart] rect").count()).toBe(saldo.years.length);
        await page.click("nav >> text=Pengkinian Data");
        expect(await page.getByTestId("pengkinian-status").textContent()).toBe("Terverifikasi");
        expect(problems).toEqual([]);
      } catch (error) {
        throw await withPageText(page, error);
      } finally {
        await page.context().close();
      }
    },
    60_000,
  );

  it(
    "signs budi in, submits a JHT claim step by step, and shows Proses Klaim Selesai live, without a reload",
    async () => {
      const budi = await seedBudi();
      const { page, problems } = await openPage();
      try {
        await signInAsBudi(page);
        expect(await page.getByTestId("saldo-total").textContent()).toMatch(/^Rp\d{1,3}(\.\d{3})*,\d{2}$/);

        // Klaim: eligibility, every check green
        await page.click("nav >> text=Klaim JHT");
        await page.getByTestId("eligibility").waitFor();
        expect(await page.locator("[data-check]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-check")}:${e.className}`))).toEqual([
          "SALDO_MAKS_JMO:ok",
          "PENGKINIAN_SELESAI:ok",
          "STATUS_NONAKTIF:ok",
          "MASA_TUNGGU_1_BULAN:ok",
          "TIDAK_BEKERJA_DI_TEMPAT_LAIN:ok",
          "SALDO_TERSEDIA:ok",
          "TIDAK_ADA_KLAIM_BERJALAN:ok",
        ]);
        // The limit check names the limit of the day (Rp15 juta from 2025-05-01), as the server words it.
        expect(await page.locator("[data-check=SALDO_MAKS_JMO]").textContent()).toContain("Akumulasi saldo JHT maksimal Rp15.000.000");

        // Sebab (PHK is preselected), then the four steps
        await page.click("button:has-text('Ajukan Klaim JHT')");
        await page.locator("[data-step=KEPESERTAAN]").waitFor();
        expect(await page.getByTestId("kpj-attempts").textContent()).toBe("Sisa percobaan: 3");
        await page.fill("input[name=kpj]", "11111111111");
        await page.click("button:has-text('Lanjut')");
        await page.getByTestId("kpj-attempts").filter({ hasText: "Sisa percobaan: 2" }).waitFor();
        expect((await fieldError(page, "input[name=kpj]")).text).toMatch(/^Nomor KPJ tidak sesuai\. Sisa percobaan: 2\./);
        await page.fill("input[name=kpj]", budi.cards[0]!.kpj);
        await page.click("button:has-text('Lanjut')");

        await page.locator("[data-step=BIOMETRIK]").waitFor();
        await page.setInputFiles("input[name=selfie]", { name: "selfie.png", mimeType: "image/png", buffer: makeTestSelfieBytes({ seed: 7 }) });
        await page.click("button:has-text('Verifikasi Wajah')");

        await page.locator("[data-step=REKENING]").waitFor();
        await page.locator("select[name=bankCode] option[value='014']").waitFor({ state: "attached" });
        await page.selectOption("select[name=bankCode]", "014");
        await page.fill("input[name=accountNumber]", "1234567890");
        expect(await page.inputValue("input[name=accountName]")).toBe("Budi Santoso");
        await page.click("button:has-text('Simpan Rekening')");

        await page.locator("[data-step=KONFIRMASI]").waitFor();
        const rincian = await page.getByTestId("rincian").textContent();
        expect(rincian).toContain("Bank Central Asia (BCA)");
        expect(rincian).toMatch(/Jumlah dibayarkanRp\d{1,3}(\.\d{3})*,\d{2}/);
        await page.check("input[name=consent]");
        // A marker on the window: a reload (or a full navigation) would drop it.
        await page.evaluate(() => ((window as unknown as { __journey: string }).__journey = "tanpa-reload"));
        await page.click("button:has-text('Ajukan Klaim')");

        // Live tracking: the page shows the submitted claim (AGENDA) and nothing more until the worker moves it; then
        // each status arrives through klaimStatusChanged.
        await page.locator("[data-testid=timeline] li[data-status=AGENDA]").waitFor();
        expect(await page.getByTestId("klaim-selesai").count()).toBe(0);
        expect(await app.api.services.klaimWorker.runDue()).toBeGreaterThan(0);
        await page.getByTestId("klaim-selesai").waitFor({ timeout: 60_000 });
        expect(await page.getByTestId("klaim-selesai").getByRole("heading").textContent()).toBe("Proses Klaim Selesai");
        expect(await page.evaluate(() => (window as unknown as { __journey?: string }).__journey)).toBe("tanpa-reload");
        expect(await page.locator("[data-testid=timeline] li").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))).toEqual([
          "AGENDA",
          "VERIFIKASI",
          "PENETAPAN",
          "PEMBAYARAN",
          "SELESAI",
        ]);
        await mkdir(dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: false });
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
