// Iuran BPU in the reference web app, in headless Chromium (playwright-core, Debian's chromium) against a real API
// server on its own test database: a Rina-like BPU member opens her bill from Beranda, creates a payment code for
// 3 months, presses "Bayar (sandbox)" (the sandbox provider calls the API's signed webhook over HTTP), and sees PAID
// arrive through iuranBpuPaymentChanged without a reload, protected-until moved by 3 months, the receipt with its PDF
// (fetched with her token) and the new months in Riwayat iuran. A production build leaves the sandbox button out.
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { bpuMemberships, contributions } from "../../../packages/api/src/db/schema.ts";
import { addMonths, firstOfMonth, lastDayOf } from "../../../packages/api/src/modules/iuran/iuran-bill.ts";
import { contributionFor } from "../../../packages/api/src/modules/saldo/contribution-rules.ts";
import { todayWib } from "../../../packages/api/src/modules/saldo/saldo.service.ts";
import { builders } from "../../../packages/api/test/support/builders.ts";
import { gql, signIn } from "../../../packages/api/test/support/test-server.ts";
import { formatDate, formatMonth } from "../src/format.ts";
import { buildApp, HAVE_CHROMIUM, openPage as openBrowserPage, signInOnPage, useAppUnderTest, WEB_ROOT, withPageText } from "./support/app-under-test.ts";

const SCREENSHOT = join(WEB_ROOT, "test/__screenshots__/iuran-bpu-lunas.png");
// Workers and jobs off (tests' default): nothing expires or moves on its own. A production build that asks for the
// sandbox button, as a staging deployment would.
const app = useAppUnderTest("iuran BPU", { apiEnv: { KLAIM_WORKER_INTERVAL_MS: "0" }, buildEnv: { VITE_JMO_SANDBOX: "true" } });

const DECLARED = 300_000_000n; // Rp3 juta, in sen

/** Rina as in the demo data: BPU with JKK + JKM + JHT on Rp3 juta, 3 months paid up to last month, this month due. */
async function seedRina() {
  const lastPaid = addMonths(firstOfMonth(todayWib()), -1);
  const seed = builders(app.tdb.database.db);
  const rina = await seed
    .participant({ fullName: "Rina Wulandari", gender: "PEREMPUAN" })
    .withCard({ segment: "BPU", status: "AKTIF", registeredAt: addMonths(lastPaid, -2) })
    .withAccount({ email: "rina@example.com" })
    .build();
  const card = rina.cards[0]!;
  const db = app.tdb.database.db;
  await db.insert(bpuMemberships).values({ cardId: card.id, declaredIncomeSen: DECLARED, jht: true });
  for (let i = 0; i < 3; i += 1) {
    const period = addMonths(lastPaid, -i);
    await db.insert(contributions).values({ cardId: card.id, period, employerId: null, wageSen: DECLARED, paidAt: period, ...contributionFor("BPU", DECLARED, period, { bpuJht: true }) });
  }
  return { lastPaid };
}

async function openPage(): Promise<{ page: Page; problems: string[]; paidFrames: string[] }> {
  const { page, problems } = await openBrowserPage(app.browser);
  // Frames the server sent on the page's WebSocket that carry a PAID payment event.
  const paidFrames: string[] = [];
  page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) => {
      if (typeof payload === "string" && payload.includes("iuranBpuPaymentChanged") && payload.includes('"status":"PAID"')) paidFrames.push(payload);
    }),
  );
  return { page, problems, paidFrames };
}

const periodsShown = (page: Page) => page.locator("[data-testid=riwayat] tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-period")));

describe.skipIf(!HAVE_CHROMIUM)("iuran BPU in the reference web app", () => {
  it(
    "pays 3 months with a VA code, sees PAID arrive live, protection moved, the receipt PDF and the new months in Riwayat iuran",
    async () => {
      const { lastPaid } = await seedRina();
      const thisMonth = firstOfMonth(todayWib());
      const { page, problems, paidFrames } = await openPage();
      try {
        await signInOnPage(app, page, "rina@example.com", "Rina Wulandari");
        // From her BPU card on Beranda.
        await page.click("article.card >> a:has-text('Iuran BPU')");

        const bill = page.getByTestId("tagihan");
        await bill.waitFor();
        expect(await page.getByTestId("protected-until").textContent()).toBe(formatDate(lastDayOf(lastPaid)));
        // The month due, and the monthly amount by program as the API computes it (1% + Rp6.800 + 2% of Rp3 juta).
        expect(await bill.locator("[data-testid=months-due] li").allTextContents()).toEqual([`${formatMonth(thisMonth.slice(0, 7))} — Rp96.800,00`]);
        expect(await bill.locator("[data-testid=amount] dd").evaluateAll((dds) => dds.map((d) => `${d.getAttribute("data-program")} ${d.textContent}`))).toEqual([
          "JKK Rp30.000,00",
          "JKM Rp6.800,00",
          "JHT Rp60.000,00",
          "TOTAL Rp96.800,00",
        ]);
        await page.getByTestId("riwayat").waitFor();
        const before = [0, 1, 2].map((i) => addMonths(lastPaid, -i).slice(0, 7));
        expect(await periodsShown(page)).toEqual(before);
        expect(await page.locator("[data-testid=riwayat] tbody tr").first().locator("td").allTextContents()).toEqual([
          formatMonth(before[0]),
          "Rp3.000.000,00",
          "Rp60.000,00",
          "Rp0,00",
          "Rp30.000,00",
          "Rp6.800,00",
          "Rp96.800,00",
          "mandiri",
          formatDate(`${before[0]}-01`),
        ]);

        // Nothing is chosen for her: an empty submit says so beside the month select, in Indonesian.
        const form = page.locator("form[data-form='Bayar Iuran']");
        await form.locator("button[type=submit]").click();
        await form.locator("select[name=months][aria-invalid=true]").waitFor();
        expect(await form.locator("select[name=months] ~ .field-error").textContent()).toBe("Pilih salah satu.");
        await form.locator("select[name=months]").selectOption("3");
        const paidUntil = lastDayOf(addMonths(thisMonth, 2));
        expect(await form.getByTestId("option-protected-until").textContent()).toBe(`Setelah dibayar, kamu dilindungi sampai ${formatDate(paidUntil)}.`);
        await form.locator("select[name=channel]").selectOption("VA_BNI");
        await form.locator("button[type=submit]").click();

        const payment = page.locator("[data-testid=pembayaran][data-status=OPEN]");
        await payment.waitFor();
        const code = (await page.getByTestId("payment-code").textContent())!;
        expect(code).toMatch(/^98827315\d{8}$/); // a 16-digit BNI virtual account
        expect(await page.getByTestId("payment-amount").textContent()).toBe("Rp290.400,00");
        expect(await page.getByTestId("countdown").textContent()).toMatch(/^2[34]:\d\d:\d\d$/);
        expect(await page.getByTestId("payment-status").textContent()).toBe("Menunggu pembayaran");

        // A marker on the window: a reload would drop it.
        await page.evaluate(() => ((window as unknown as { __journey: string }).__journey = "tanpa-reload"));
        await page.click("[data-testid=sandbox-pay]");
        await page.locator("[data-testid=pembayaran][data-status=PAID]").waitFor({ timeout: 30_000 });
        expect(await page.getByTestId("payment-status").textContent()).toBe("Lunas");
        // PAID came through the subscription (the page does not read the sandbox mutation's answer).
        expect(paidFrames.length).toBeGreaterThan(0);
        expect(await page.evaluate(() => (window as unknown as { __journey?: string }).__journey)).toBe("tanpa-reload");

        // The receipt is the API's, and protection moved by the 3 months paid.
        const { accessToken } = await signIn(app.api.url, "rina@example.com");
        const res = await gql<{ me: { cards: Array<{ id: string }> } }>(app.api.url, "query { me { cards { id } } }", {}, { token: accessToken });
        const paid = await gql<{ iuranBpu: { protectedUntil: string; openPayment: null } }>(
          app.api.url,
          "query($cardId: ID!) { iuranBpu(cardId: $cardId) { protectedUntil openPayment { id } } }",
          { cardId: res.data!.me.cards[0]!.id },
          { token: accessToken },
        );
        expect(paid.data!.iuranBpu).toEqual({ protectedUntil: paidUntil, openPayment: null });
        await page.locator("[data-testid=protected-until]", { hasText: formatDate(paidUntil) }).waitFor();
        const receiptNumber = (await page.getByTestId("receipt-number").textContent())!;
        expect(receiptNumber).toMatch(/^BPU-\d{8}-\d{6}$/);

        // The PDF link is a blob of the PDF the API served with her token: fetched in the page, it is a PDF.
        const link = page.locator("[data-testid=receipt-pdf][href^='blob:']");
        await link.waitFor();
        expect(await link.getAttribute("download")).toBe(`${receiptNumber}.pdf`);
        const pdf = await link.evaluate(async (a) => {
          const bytes = new Uint8Array(await (await fetch((a as HTMLAnchorElement).href)).arrayBuffer());
          return { head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
        });
        expect(pdf.head).toBe("%PDF-");
        expect(pdf.size).toBeGreaterThan(500);

        // Riwayat iuran: the three months just paid on top, paid by herself.
        const paidMonths = [2, 1, 0].map((i) => addMonths(thisMonth, i).slice(0, 7));
        await page.locator(`[data-testid=riwayat] tbody tr[data-period='${paidMonths[0]}']`).waitFor();
        expect(await periodsShown(page)).toEqual([...paidMonths, ...before]);
        for (const period of paidMonths) {
          expect(await page.locator(`[data-testid=riwayat] tr[data-period='${period}'] td`).nth(7).textContent()).toBe("mandiri");
        }
        await mkdir(dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
        expect(problems).toEqual([]);
      } catch (error) {
        throw await withPageText(page, error);
      } finally {
        await page.context().close();
      }
    },
    120_000,
  );

  it("leaves the sandbox pay button out of a production build that does not ask for it", async () => {
    const plainOut = await mkdtemp(join(tmpdir(), "jmo-web-prod-"));
    try {
      await buildApp(plainOut);
      const assets = join(plainOut, "assets");
      const code = (await Promise.all((await readdir(assets)).filter((f) => f.endsWith(".js")).map((f) => readFile(join(assets, f), "utf8")))).join("\n");
      expect(code).toContain("Buat Kode Pembayaran");
      expect(code).not.toContain("Bayar (sandbox)");
      // The sandbox build of beforeAll has it: the check above can fail.
      const sandboxCode = (await Promise.all((await readdir(join(app.outDir, "assets"))).filter((f) => f.endsWith(".js")).map((f) => readFile(join(app.outDir, "assets", f), "utf8")))).join("\n");
      expect(sandboxCode).toContain("Bayar (sandbox)");
    } finally {
      await rm(plainOut, { recursive: true, force: true });
    }
  }, 60_000);
});
