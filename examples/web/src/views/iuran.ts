// Iuran BPU: the bill of a self-employed member's card, a payment code for 1/3/6/12 months, its status followed live
// through iuranBpuPaymentChanged until PAID, the receipt (its PDF fetched with the token), and Riwayat iuran from
// Card.contributions.
import {
  JmoError,
  type BpuAmountFieldsFragment,
  type BpuProgram,
  type IuranBpuChannel,
  type IuranBpuPaymentFieldsFragment,
  type IuranBpuPaymentStatus,
  type IuranBpuQuery,
  type MeQuery,
} from "@jmo/sdk";
import { append, busy, clear, errorBox, errorMessage, field, formErrors, h, missing, type Control } from "../dom.ts";
import { formatDate, formatDateTime, formatMonth, formatRupiah, fromSen, toSen } from "../format.ts";
import { BPU_PROGRAM, IURAN_BPU_CHANNEL, label } from "../labels.ts";
import { API_URL, currentSession, idempotencyKey, jmo, withSession } from "../session.ts";

type Card = NonNullable<MeQuery["me"]>["cards"][number];
type Bill = NonNullable<IuranBpuQuery["iuranBpu"]>;
type Payment = IuranBpuPaymentFieldsFragment;
type Receipt = NonNullable<Payment["receipt"]>;

/**
 * The sandbox pay button is compiled in by `vite` (mode development), or when a build asks for it
 * (VITE_JMO_SANDBOX=true, as the browser test does); a production build leaves it out. The mode, not DEV: DEV follows
 * NODE_ENV, which a test runner sets. Even then it shows only for a payment of the API's sandbox provider: the API has
 * none in production, where iuranBpuSandboxPay answers FORBIDDEN (SANDBOX_ONLY).
 */
const SANDBOX_BUILD: boolean = import.meta.env.MODE === "development" || import.meta.env.VITE_JMO_SANDBOX === "true";
const SANDBOX_PROVIDER = "sandbox";
const FINAL = new Set<IuranBpuPaymentStatus>(["PAID", "EXPIRED", "CANCELLED"]);
const VA_CHANNELS: IuranBpuChannel[] = ["VA_BNI", "VA_BRI", "VA_MANDIRI", "VA_BCA"];
const OTHER_CHANNELS: IuranBpuChannel[] = ["RETAIL", "EWALLET"];
const HOW_TO_PAY: Record<IuranBpuChannel, string> = {
  VA_BNI: "Bayar lewat BNI Mobile Banking, ATM atau teller BNI: menu Virtual Account, masukkan kode di bawah.",
  VA_BRI: "Bayar lewat BRImo, ATM atau teller BRI: menu BRIVA, masukkan kode di bawah.",
  VA_MANDIRI: "Bayar lewat Livin' by Mandiri atau ATM Mandiri: menu Multipayment, masukkan kode di bawah.",
  VA_BCA: "Bayar lewat m-BCA, KlikBCA atau ATM BCA: menu Transfer ke BCA Virtual Account, masukkan kode di bawah.",
  RETAIL: "Sebutkan kode di bawah di kasir minimarket dan bayar jumlahnya.",
  EWALLET: "Buka aplikasi dompet digital kamu, pilih bayar tagihan, dan masukkan kode di bawah.",
};
/** The reminder window of the rule book (BPU_PENGINGAT, 7 days; docs/domain/iuran-bpu.md). */
const REMINDER_DAYS = 7;

export async function iuranView(root: HTMLElement): Promise<() => void> {
  // `paymentStops` end what follows one payment (subscription, countdown); `viewStops` the rest (blob URLs).
  const paymentStops: Array<() => void> = [];
  const viewStops: Array<() => void> = [];
  const stopPayment = () => paymentStops.splice(0).forEach((s) => s());
  const stopAll = () => {
    stopPayment();
    viewStops.splice(0).forEach((s) => s());
  };
  root.append(h("h1", {}, "Iuran BPU"), h("p", { class: "muted" }, "Memuat…"));
  const { me } = await withSession(() => jmo.me());
  if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const bpuCards = me.cards.filter((c) => c.segment === "BPU");
  const wanted = new URLSearchParams(location.hash.split("?")[1] ?? "").get("card");
  const card: Card | undefined = bpuCards.find((c) => c.id === wanted) ?? bpuCards[0];
  if (!card) {
    root.replaceChildren(
      h("h1", {}, "Iuran BPU"),
      h("p", {}, "Iuran BPU dibayar sendiri oleh peserta Bukan Penerima Upah (pekerja mandiri). Kamu belum punya kartu BPU."),
    );
    return stopAll;
  }
  const billArea = h("div", {});
  const payArea = h("div", {});
  const riwayatArea = h("section", {});
  root.replaceChildren(h("h1", {}, "Iuran BPU"), h("p", { class: "muted" }, `KPJ ${card.kpj ?? card.kpjMasked} · Peserta mandiri`), billArea, payArea, riwayatArea);

  let bill: Bill;

  async function loadBill(): Promise<Bill> {
    const { iuranBpu } = await withSession(() => jmo.iuranBpu({ cardId: card!.id }));
    if (!iuranBpu) throw new Error("Tagihan iuran kartu ini tidak ditemukan.");
    bill = iuranBpu;
    clear(billArea, billPanel(iuranBpu));
    return iuranBpu;
  }

  /** The bill, then either its open payment (followed live) or the form for a new one. */
  async function start(): Promise<void> {
    stopPayment();
    const current = await loadBill();
    if (current.openPayment) showPayment(current.openPayment);
    else showForm();
  }

  function showForm(): void {
    stopPayment();
    if (bill.protection === "BERAKHIR") {
      clear(payArea);
      return;
    }
    clear(payArea, paymentForm(bill, card!, showPayment, start));
  }

  function showPayment(payment: Payment): void {
    stopPayment();
    const status = h("strong", { "data-testid": "payment-status" }, label(payment.status));
    const panel = h("div", { class: "card", "data-testid": "pembayaran", "data-status": payment.status });
    const countdown = h("strong", { "data-testid": "countdown" });
    const result = h("div", {});
    const errors = errorBox();
    const copied = h("small", { role: "status" });
    const code = h("output", { class: "code", "data-testid": "payment-code" }, payment.code);
    const copy = h("button", { type: "button", class: "secondary" }, "Salin kode");
    copy.addEventListener("click", () => {
      // The clipboard needs a secure context; elsewhere the code is selected for Ctrl+C.
      const selectCode = () => {
        getSelection()?.selectAllChildren(code);
        copied.textContent = "Kode dipilih: tekan Ctrl+C untuk menyalin.";
      };
      if (!navigator.clipboard) return selectCode();
      navigator.clipboard.writeText(payment.code).then(() => (copied.textContent = "Kode disalin."), selectCode);
    });
    const sandbox = SANDBOX_BUILD && payment.provider === SANDBOX_PROVIDER && payment.status === "OPEN" ? sandboxPayButton(payment, errors) : null;

    append(
      panel,
      h("h2", {}, "Kode Pembayaran"),
      h("p", {}, "Status: ", status),
      h("p", {}, h("strong", {}, label(payment.channel)), " — ", HOW_TO_PAY[payment.channel]),
      h("p", { class: "code-line" }, code, " ", copy, " ", copied),
      h(
        "dl",
        { class: "summary" },
        h("dt", {}, "Jumlah yang dibayar"),
        h("dd", {}, h("strong", { "data-testid": "payment-amount" }, formatRupiah(payment.amount.total))),
        h("dt", {}, "Untuk iuran"),
        h("dd", {}, `${payment.months} bulan (${period(payment.coversFrom, payment.coversTo)})`),
        h("dt", {}, "Berlaku sampai"),
        h("dd", {}, formatDateTime(payment.expiresAt)),
        h("dt", {}, "Sisa waktu"),
        h("dd", {}, countdown),
      ),
      h("details", {}, h("summary", {}, "Rincian per program"), amountList(payment.amount, bill.programs)),
      sandbox,
      errors,
    );
    clear(payArea, panel, result);

    const expiresAt = Date.parse(payment.expiresAt);
    const tick = () => {
      countdown.textContent = remaining(expiresAt - Date.now());
    };
    tick();
    const timer = setInterval(tick, 1000);
    paymentStops.push(() => clearInterval(timer));

    // The payment's status comes from the subscription alone, whether the member paid at their bank or pressed the
    // sandbox button: one path to PAID. It replays the stored events (OPEN), then streams, and completes after the last.
    const events = jmo.iuranBpuPaymentChanged({ paymentId: payment.id, afterSequence: 0 })[Symbol.asyncIterator]();
    let active = true;
    paymentStops.push(() => {
      active = false;
      void events.return?.();
    });
    void (async () => {
      try {
        for await (const { iuranBpuPaymentChanged: e } of { [Symbol.asyncIterator]: () => events }) {
          if (!active) break;
          panel.dataset.status = e.status;
          status.textContent = label(e.status);
          if (!FINAL.has(e.status)) continue;
          clearInterval(timer);
          sandbox?.remove();
          if (e.status === "PAID" && e.payment.receipt) {
            countdown.textContent = "-";
            clear(result, receiptPanel(e.payment.receipt, viewStops, showForm));
            // The protected-until date and the ledger moved with the payment.
            await loadBill();
            await riwayat(riwayatArea, card!.id);
          } else {
            countdown.textContent = "Kedaluwarsa";
            const again = h("button", { type: "button" }, "Buat kode baru");
            again.addEventListener("click", () => void start());
            clear(result, h("div", { class: "card fail" }, h("p", {}, e.note ?? "Kode pembayaran ini tidak berlaku lagi."), again));
          }
        }
      } catch (error) {
        if (active) errors.show([`Status pembayaran terputus: ${errorMessage(error)}`]);
      }
    })();
  }

  await start();
  await riwayat(riwayatArea, card.id);
  return stopAll;
}

/** "Pay in the sandbox": the sandbox provider takes the payment and calls the API's webhook, as a bank would. */
function sandboxPayButton(payment: Payment, errors: ReturnType<typeof errorBox>): HTMLElement {
  const button = h("button", { type: "button", "data-testid": "sandbox-pay" }, "Bayar (sandbox)");
  const box = h("p", { class: "sandbox" }, button, " ", h("small", {}, "Hanya di lingkungan pengembangan: pembayaran tiruan, tanpa uang sungguhan."));
  button.addEventListener("click", () =>
    busy(button, errors, async () => {
      try {
        // The answer is not shown: PAID arrives through the subscription like a real bank's payment.
        const { iuranBpuSandboxPay: r } = await withSession(() => jmo.iuranBpuSandboxPay({ input: { paymentId: payment.id } }));
        if (r.userErrors.length) errors.show(r.userErrors);
      } catch (error) {
        if (error instanceof JmoError && error.code === "FORBIDDEN" && error.detail === "SANDBOX_ONLY") {
          box.remove();
          errors.show(["Server ini tidak menyediakan pembayaran sandbox. Bayar kode di atas melalui kanal yang dipilih."]);
          return;
        }
        throw error;
      }
    }),
  );
  return box;
}

function billPanel(bill: Bill): HTMLElement {
  return h(
    "div",
    { class: "card", "data-testid": "tagihan", "data-protection": bill.protection },
    h("p", {}, "Status perlindungan: ", h("strong", { class: `status ${bill.protection.toLowerCase()}` }, label(bill.protection))),
    reminder(bill),
    h(
      "dl",
      { class: "summary" },
      h("dt", {}, "Dilindungi sampai"),
      h("dd", {}, h("strong", { "data-testid": "protected-until" }, formatDate(bill.protectedUntil))),
      ...(bill.protection === "MASA_TENGGANG" ? [h("dt", {}, "Batas bayar tunggakan"), h("dd", {}, formatDate(bill.graceEndsOn))] : []),
      h("dt", {}, "Bulan terbayar"),
      h("dd", { "data-testid": "months-paid" }, `${bill.monthsPaid} bulan`),
      h("dt", {}, "Iuran berikutnya"),
      h("dd", {}, `${formatMonth(bill.nextPeriod)}, jatuh tempo ${formatDate(bill.nextDueDate)}`),
      h("dt", {}, "Penghasilan yang dilaporkan"),
      h("dd", {}, formatRupiah(bill.declaredIncome)),
    ),
    bill.monthsDue.length
      ? h(
          "div",
          {},
          h("h3", {}, "Iuran terutang"),
          h("ul", { "data-testid": "months-due" }, ...bill.monthsDue.map((m) => h("li", { "data-period": m.period }, `${formatMonth(m.period)} — ${formatRupiah(m.amount.total)}`))),
        )
      : h("p", { "data-testid": "months-due" }, "Tidak ada iuran terutang."),
    h("h3", {}, "Iuran per bulan"),
    amountList(bill.monthlyAmount, bill.programs),
  );
}

/** What the member should know before protection ends, or after (the rule book's reminder and grace period). */
function reminder(bill: Bill): HTMLElement | null {
  if (bill.protection === "MENUNGGU_IURAN_PERTAMA") return h("p", { class: "fail" }, "Kamu belum terlindungi: bayar iuran pertama untuk mengaktifkan kartu.");
  if (bill.protection === "BERAKHIR")
    return h("p", { class: "fail" }, "Kepesertaan BPU berakhir karena iuran tertunggak melewati masa tenggang. Daftar kembali untuk terlindungi lagi.");
  if (bill.protection === "MASA_TENGGANG")
    return h("p", { class: "fail" }, `Perlindungan berhenti setelah ${formatDate(bill.protectedUntil)}. Bayar tunggakan paling lambat ${formatDate(bill.graceEndsOn)} agar kepesertaan tidak berakhir.`);
  const until = bill.protectedUntil ? Date.parse(`${bill.protectedUntil}T23:59:59+07:00`) : NaN;
  if (until - Date.now() <= REMINDER_DAYS * 86_400_000)
    return h("p", { class: "fail" }, `Perlindungan berakhir ${formatDate(bill.protectedUntil)}. Bayar iuran berikutnya sebelum tanggal itu.`);
  return null;
}

/** An amount by program, with its total (the API's figures: the total is their exact sum). */
function amountList(amount: BpuAmountFieldsFragment, programs: ReadonlyArray<BpuProgram>): HTMLElement {
  const share: Record<BpuProgram, string> = { JKK: amount.jkk, JKM: amount.jkm, JHT: amount.jht };
  return h(
    "dl",
    { class: "summary", "data-testid": "amount" },
    ...(["JKK", "JKM", "JHT"] as const).filter((p) => programs.includes(p)).flatMap((p) => [h("dt", {}, BPU_PROGRAM[p]), h("dd", { "data-program": p }, formatRupiah(share[p]))]),
    h("dt", {}, h("strong", {}, "Total")),
    h("dd", { "data-program": "TOTAL" }, h("strong", {}, formatRupiah(amount.total))),
  );
}

/** Months and channel, then iuranBpuCreatePayment; errors beside their select. */
function paymentForm(bill: Bill, card: Card, onCreated: (payment: Payment) => void, reload: () => Promise<void>): HTMLElement {
  const months = h(
    "select",
    { name: "months", required: true },
    h("option", { value: "" }, "Pilih…"),
    ...bill.options.map((o) =>
      h("option", { value: o.months }, `${o.months} bulan · ${period(o.coversFrom, o.coversTo)} · ${formatRupiah(o.amount.total)}`),
    ),
  );
  const channelOption = (c: IuranBpuChannel) => h("option", { value: c }, IURAN_BPU_CHANNEL[c]);
  const channel = h(
    "select",
    { name: "channel", required: true },
    h("option", { value: "" }, "Pilih…"),
    h("optgroup", { label: "Virtual account bank" }, ...VA_CHANNELS.map(channelOption)),
    h("optgroup", { label: "Gerai retail & dompet digital" }, ...OTHER_CHANNELS.map(channelOption)),
  );
  const after = h("small", { "data-testid": "option-protected-until" });
  const alert = errorBox();
  const controls: Record<string, Control> = { months, channel };
  const errors = formErrors(alert, () => controls);
  // One key per attempt: a retry of the same choice (e.g. after a lost answer) gets the same payment back; another
  // choice is another attempt.
  let key = idempotencyKey();
  const changed = () => {
    key = idempotencyKey();
    const option = bill.options.find((o) => String(o.months) === months.value);
    after.textContent = option ? `Setelah dibayar, kamu dilindungi sampai ${formatDate(option.protectedUntil)}.` : "";
  };
  months.addEventListener("change", changed);
  channel.addEventListener("change", changed);
  const submit = h("button", { type: "submit" }, "Buat Kode Pembayaran");
  // novalidate: the browser's own messages would be in the browser's language; missing() says it in Indonesian.
  const form = h(
    "form",
    { class: "card", novalidate: true, "data-form": "Bayar Iuran" },
    h("h2", {}, "Bayar Iuran"),
    field("Jumlah bulan", months, after),
    field("Cara bayar", channel),
    alert,
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void busy(submit, errors, async () => {
      const empty = missing(controls);
      if (empty.length) return errors.show(empty);
      const chosen = Object.keys(IURAN_BPU_CHANNEL).find((c): c is IuranBpuChannel => c === channel.value)!;
      const { iuranBpuCreatePayment: r } = await withSession(() =>
        jmo.iuranBpuCreatePayment({ input: { cardId: card.id, months: Number(months.value), channel: chosen, idempotencyKey: key } }),
      );
      // An open code already (created in another tab, or an answer lost on the way): show that one.
      if (r.userErrors.some((e) => e.code === "IURAN_BPU_PAYMENT_OPEN")) return reload();
      if (r.userErrors.length || !r.payment) return errors.show(r.userErrors);
      onCreated(r.payment);
    });
  });
  return form;
}

/** The receipt, with its PDF: the route needs the Authorization header, so it is fetched and offered as a blob URL. */
function receiptPanel(receipt: Receipt, stops: Array<() => void>, payAgain: () => void): HTMLElement {
  const link = h("a", { "data-testid": "receipt-pdf", "aria-disabled": "true" }, "Menyiapkan kuitansi (PDF)…");
  const errors = errorBox();
  const again = h("button", { type: "button", class: "secondary" }, "Bayar iuran bulan berikutnya");
  again.addEventListener("click", payAgain);
  void fetchReceiptPdf(receipt.pdfUrl).then(
    (blob) => {
      const url = URL.createObjectURL(blob);
      stops.push(() => URL.revokeObjectURL(url));
      link.href = url;
      link.download = `${receipt.number}.pdf`;
      link.removeAttribute("aria-disabled");
      link.textContent = "Unduh kuitansi (PDF)";
    },
    (error: unknown) => {
      link.textContent = "";
      errors.show([`Kuitansi tidak dapat diunduh: ${errorMessage(error)}`]);
    },
  );
  return h(
    "div",
    { class: "card done", "data-testid": "kuitansi" },
    h("h2", {}, "Pembayaran Diterima"),
    h(
      "dl",
      { class: "summary" },
      h("dt", {}, "Nomor kuitansi"),
      h("dd", {}, h("strong", { "data-testid": "receipt-number" }, receipt.number)),
      h("dt", {}, "Dibayar oleh"),
      h("dd", {}, `${receipt.payerName} (KPJ ${receipt.kpjMasked})`),
      h("dt", {}, "Untuk iuran"),
      h("dd", {}, `${receipt.months} bulan (${period(receipt.coversFrom, receipt.coversTo)})`),
      h("dt", {}, "Program"),
      h("dd", {}, receipt.programs.join(", ")),
      h("dt", {}, "Jumlah"),
      h("dd", {}, h("strong", {}, formatRupiah(receipt.amount.total))),
      h("dt", {}, "Cara bayar"),
      h("dd", {}, label(receipt.channel)),
      h("dt", {}, "Waktu bayar"),
      h("dd", {}, formatDateTime(receipt.paidAt)),
    ),
    h("p", {}, link),
    errors,
    again,
  );
}

async function fetchReceiptPdf(path: string): Promise<Blob> {
  return withSession(async () => {
    const response = await fetch(new URL(path, API_URL), { headers: { authorization: `Bearer ${currentSession()?.accessToken ?? ""}` } }).catch((error: unknown) => {
      throw JmoError.network("Tidak dapat terhubung ke server JMO.", error);
    });
    // withSession refreshes an expired token once and asks again.
    if (response.status === 401) throw new JmoError({ code: "UNAUTHENTICATED", message: "Sesi berakhir, silakan masuk kembali." });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.blob();
  });
}

/** Riwayat iuran: the card's ledger month by month, newest first, 12 at a time. */
async function riwayat(container: HTMLElement, cardId: string): Promise<void> {
  const body = h("tbody", {});
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "Muat lebih banyak");
  const errors = errorBox();
  let after: string | null = null;
  const sum = (...values: string[]) => formatRupiah(fromSen(values.reduce((total, v) => total + toSen(v), 0n)));
  async function nextPage(): Promise<void> {
    const { node } = await withSession(() => jmo.cardContributions({ cardId, first: 12, after }));
    if (!node || !("contributions" in node)) throw new Error("Kartu tidak ditemukan.");
    const { edges, pageInfo } = node.contributions;
    for (const { node: m } of edges) {
      body.append(
        h(
          "tr",
          { "data-period": m.period },
          h("td", {}, formatMonth(m.period)),
          h("td", { class: "num" }, formatRupiah(m.wage)),
          // JHT and JP have an employer's and a worker's share; a BPU member pays the worker's alone.
          h("td", { class: "num" }, sum(m.jhtEmployer, m.jhtWorker)),
          h("td", { class: "num" }, sum(m.jpEmployer, m.jpWorker)),
          h("td", { class: "num" }, formatRupiah(m.jkk)),
          h("td", { class: "num" }, formatRupiah(m.jkm)),
          h("td", { class: "num" }, h("strong", {}, formatRupiah(m.total))),
          h("td", {}, m.paidBy),
          h("td", {}, formatDate(m.paidAt)),
        ),
      );
    }
    after = pageInfo.endCursor;
    more.hidden = !pageInfo.hasNextPage;
  }
  more.addEventListener("click", () => busy(more, errors, nextPage));
  const head = ["Bulan", "Upah/penghasilan", "JHT", "JP", "JKK", "JKM", "Total", "Dibayar oleh", "Tanggal bayar"];
  const table = h(
    "table",
    { class: "rsjht", "data-testid": "riwayat" },
    h("thead", {}, h("tr", {}, ...head.map((t) => h("th", { scope: "col" }, t)))),
    body,
  );
  await nextPage();
  clear(
    container,
    h("h2", {}, "Riwayat Iuran"),
    body.childElementCount ? h("div", { class: "scroll" }, table) : h("p", { class: "muted" }, "Belum ada iuran tercatat."),
    more,
    errors,
  );
}

function period(from: string, to: string): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)} – ${formatMonth(to)}`;
}

/** Milliseconds left as "23:59:58", or "Kedaluwarsa". */
function remaining(ms: number): string {
  if (ms <= 0) return "Kedaluwarsa";
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
