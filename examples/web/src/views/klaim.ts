// Klaim JHT: eligibility, the four steps, rincian, submit, then live tracking through klaimStatusChanged.
import type { KlaimFieldsFragment, KlaimJhtEligibilityQuery, KlaimStatus, KlaimStep, MeQuery, SebabKlaim, UserErrorFieldsFragment } from "@jmo/sdk";
import { bankSelect } from "../banks.ts";
import { append, busy, choice, clear, errorBox, errorMessage, field, formErrors, h, missing, select, type Control } from "../dom.ts";
import { formatDateTime, formatRupiah } from "../format.ts";
import { label } from "../labels.ts";
import { selfiePicker } from "../selfie.ts";
import { currentSession, idempotencyKey, jmo, withSession } from "../session.ts";

type Card = NonNullable<MeQuery["me"]>["cards"][number];
type Eligibility = KlaimJhtEligibilityQuery["klaimJhtEligibility"];

const STEPS: Array<[KlaimStep, string]> = [
  ["KEPESERTAAN", "Konfirmasi kepesertaan"],
  ["BIOMETRIK", "Verifikasi wajah"],
  ["REKENING", "Rekening & NPWP"],
  ["KONFIRMASI", "Konfirmasi & pengajuan"],
];
const FINAL = new Set<KlaimStatus>(["SELESAI", "DITOLAK", "DIBATALKAN"]);
const SEBAB: SebabKlaim[] = ["PHK", "MENGUNDURKAN_DIRI"];
const attemptsText = (left: number) => `Sisa percobaan: ${left}`;

export async function klaimView(root: HTMLElement): Promise<() => void> {
  const stops: Array<() => void> = [];
  const stop = () => stops.splice(0).forEach((s) => s());
  root.append(h("h1", {}, "Klaim JHT"), h("p", { class: "muted" }, "Memuat…"));
  const { me } = await withSession(() => jmo.me());
  if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const area = h("div", {});
  root.replaceChildren(h("h1", {}, "Klaim JHT"), area);
  if (me.cards.length === 0) {
    area.append(h("p", {}, "Belum ada kartu kepesertaan."));
    return stop;
  }
  const cardSelect = select(
    "card",
    me.cards.map((c) => [c.id, `KPJ ${c.kpjMasked} · ${label(c.status)}`]),
    (me.cards.find((c) => c.status === "NONAKTIF") ?? me.cards[0]!).id,
    "", // a card is always chosen: the one that can be claimed, else the first
  );
  const body = h("div", {});
  cardSelect.addEventListener("change", () => void showCard());
  append(area, me.cards.length > 1 ? field("Kartu", cardSelect) : null, body);

  async function showCard(): Promise<void> {
    stop();
    const card = me!.cards.find((c) => c.id === cardSelect.value)!;
    clear(body, h("p", { class: "muted" }, "Memeriksa persyaratan…"));
    const { klaimJhtEligibility: eligibility } = await withSession(() => jmo.klaimJhtEligibility({ cardId: card.id }));
    const open = eligibility.openKlaim;
    if (open && open.status !== "DRAFT") return tracking(body, open, stops);
    clear(body, eligibilityPanel(eligibility));
    if (open) return steps(body, card, open, me!.fullName, stops);
    if (!eligibility.eligible) return;
    const errors = errorBox();
    const start = h("button", { type: "button" }, "Ajukan Klaim JHT");
    const reasons = SEBAB.map((value, i) => ({ value, input: h("input", { type: "radio", name: "sebab", value, checked: i === 0 }) }));
    start.addEventListener("click", () =>
      busy(start, errors, async () => {
        const sebab = reasons.find((r) => r.input.checked)?.value ?? "PHK";
        const { klaimJhtStart } = await withSession(() => jmo.klaimJhtStart({ input: { cardId: card.id, sebab } }));
        if (klaimJhtStart.userErrors.length || !klaimJhtStart.klaim) return errors.show(klaimJhtStart.userErrors);
        clear(body, eligibilityPanel(eligibility));
        steps(body, card, klaimJhtStart.klaim, me!.fullName, stops);
      }),
    );
    body.append(
      h("fieldset", { class: "card" }, h("legend", {}, "Sebab klaim"), ...reasons.map((r) => h("label", { class: "choice" }, r.input, label(r.value)))),
      errors,
      start,
    );
  }

  await showCard();
  area.append(h("p", { class: "muted" }, "Masih bekerja dan sudah 10 tahun menjadi peserta? ", h("a", { href: "#/klaim-sebagian" }, "Klaim JHT Sebagian (10% / 30%)")));
  return stop;
}

/**
 * An eligibility answer's checks, passed or failed: the server names each one in the caller's language (the JMO limit
 * of the day, how long is left until ten years…) and says what to do about a failed one.
 */
export function checkList(checks: ReadonlyArray<{ code: string; passed: boolean; title: string; message: string }>): HTMLElement {
  return h(
    "ul",
    { class: "checks" },
    ...checks.map((c) =>
      h(
        "li",
        { class: c.passed ? "ok" : "fail", "data-check": c.code },
        h("span", { class: "mark", "aria-hidden": "true" }, c.passed ? "✓" : "✗"),
        c.title,
        c.passed ? null : h("small", {}, c.message),
      ),
    ),
  );
}

function eligibilityPanel(e: Eligibility): HTMLElement {
  return h(
    "div",
    { class: "card", "data-testid": "eligibility" },
    h("p", {}, "Saldo JHT kartu ini: ", h("strong", {}, formatRupiah(e.saldo))),
    // The JMO limit applies to the total over all cards (akumulasi saldo) and is dated: the server names it.
    e.totalSaldo !== e.saldo ? h("p", {}, "Akumulasi saldo JHT (semua kartu): ", h("strong", {}, formatRupiah(e.totalSaldo))) : null,
    checkList(e.checks),
    e.eligible
      ? h("p", { class: "ok" }, "Kamu dapat mengajukan klaim JHT di JMO.")
      : h("p", { class: "fail" }, e.channel ? `Klaim dilakukan melalui ${label(e.channel)}.` : "Klaim belum dapat diajukan."),
  );
}

/** The DRAFT claim at its next step (also the partial claim's, views/klaim-sebagian.ts). */
export function steps(container: HTMLElement, card: Card, klaim: KlaimFieldsFragment, fullName: string, stops: Array<() => void>): void {
  const progress = h(
    "ol",
    { class: "steps" },
    ...STEPS.map(([step, text]) =>
      h("li", { class: klaim.completedSteps.includes(step) ? "done" : klaim.nextStep === step ? "current" : "" }, text),
    ),
  );
  const panel = h("div", { class: "card", "data-step": klaim.nextStep ?? "" });
  // Errors that name no control of this step (or the claim as a whole) go here; the others beside their control.
  const alert = errorBox();
  let controls: Readonly<Record<string, Control | undefined>> = {};
  const errors = formErrors(alert, () => controls);
  const stepArea = h("div", { "data-testid": "klaim-steps" }, h("p", { class: "muted" }, `Nomor klaim ${klaim.nomor}`), progress, panel, alert);
  container.querySelector("[data-testid=klaim-steps]")?.remove();
  container.append(stepArea);
  // The step's attempts hint: a wrong KPJ or selfie refreshes it from the claim the payload carries.
  let attempts: { hint: HTMLElement; of: (k: KlaimFieldsFragment) => number } | undefined;
  const next = (updated: KlaimFieldsFragment | null | undefined, userErrors: ReadonlyArray<UserErrorFieldsFragment>) => {
    if (userErrors.length || !updated) {
      if (updated && attempts) attempts.hint.textContent = attemptsText(attempts.of(updated));
      return errors.show(userErrors);
    }
    if (updated.status !== "DRAFT") {
      stepArea.remove();
      return tracking(container, updated, stops);
    }
    steps(container, card, updated, fullName, stops);
  };
  const button = (text: string) => h("button", { type: "submit" }, text);
  // novalidate: the browser's own messages would be in the browser's language; missing() says it in Indonesian.
  const form = (button: HTMLButtonElement, action: () => Promise<void>, ...fields: HTMLElement[]) => {
    const f = h("form", { novalidate: true }, ...fields, button);
    f.addEventListener("submit", (event) => {
      event.preventDefault();
      void busy(button, errors, async () => {
        const empty = missing(controls);
        return empty.length ? errors.show(empty) : action();
      });
    });
    return f;
  };

  switch (klaim.nextStep) {
    case "KEPESERTAAN": {
      const kpj = h("input", { name: "kpj", inputmode: "numeric", maxlength: 11, required: true, autocomplete: "off" });
      const hint = h("small", { "data-testid": "kpj-attempts" }, attemptsText(klaim.kpjAttemptsLeft));
      attempts = { hint, of: (k) => k.kpjAttemptsLeft };
      controls = { kpj };
      const go = button("Lanjut");
      panel.append(
        h("h2", {}, "Konfirmasi Kepesertaan"),
        h("p", {}, `Masukkan nomor KPJ lengkap (11 digit) dari kartu ${klaim.card.kpjMasked}.`),
        form(
          go,
          async () => {
            const { klaimJhtConfirmKepesertaan: r } = await withSession(() =>
              jmo.klaimJhtConfirmKepesertaan({ input: { klaimId: klaim.id, kpj: kpj.value.replace(/\D/g, "") } }),
            );
            next(r.klaim, r.userErrors);
          },
          field("Nomor KPJ", kpj, hint),
        ),
      );
      break;
    }
    case "BIOMETRIK": {
      const hint = h("small", { "data-testid": "biometric-attempts" }, attemptsText(klaim.biometricAttemptsLeft));
      attempts = { hint, of: (k) => k.biometricAttemptsLeft };
      const picker = selfiePicker(hint);
      controls = { selfie: picker.input };
      const go = button("Verifikasi Wajah");
      panel.append(
        h("h2", {}, "Verifikasi Wajah"),
        h("p", {}, "Ambil foto wajah kamu dengan pencahayaan yang cukup, tanpa masker atau kacamata."),
        form(
          go,
          async () => {
            const selfie = await picker.value();
            if (!selfie) return errors.show([{ field: ["input", "selfie"], message: "Pilih atau ambil foto wajah terlebih dahulu." }]);
            const { klaimJhtVerifyBiometric: r } = await withSession(() => jmo.klaimJhtVerifyBiometric({ input: { klaimId: klaim.id, selfie } }));
            next(r.klaim, r.userErrors);
          },
          picker.element,
        ),
      );
      break;
    }
    case "REKENING": {
      const bank = bankSelect(klaim.bankAccount?.bankCode);
      const accountNumber = h("input", { name: "accountNumber", inputmode: "numeric", required: true, autocomplete: "off" });
      const accountName = h("input", { name: "accountName", required: true, value: fullName });
      const npwp = h("input", { name: "npwp", inputmode: "numeric", autocomplete: "off" });
      controls = { "bankAccount.bankCode": bank, "bankAccount.accountNumber": accountNumber, "bankAccount.accountName": accountName, npwp };
      const go = button("Simpan Rekening");
      panel.append(
        h("h2", {}, "Rekening Pembayaran"),
        form(
          go,
          async () => {
            const { klaimJhtSetRekening: r } = await withSession(() =>
              jmo.klaimJhtSetRekening({
                input: {
                  klaimId: klaim.id,
                  bankAccount: { bankCode: bank.value, accountNumber: accountNumber.value.trim(), accountName: accountName.value.trim() },
                  npwp: npwp.value.trim() || null,
                },
              }),
            );
            next(r.klaim, r.userErrors);
          },
          field("Bank", bank),
          field("Nomor rekening", accountNumber),
          field("Nama pemilik rekening", accountName, "Harus sesuai nama peserta"),
          field("NPWP (opsional)", npwp, "Tanpa NPWP, pajak 20% lebih tinggi"),
        ),
      );
      break;
    }
    case "KONFIRMASI": {
      const consent = h("input", { type: "checkbox", name: "consent" });
      controls = { consent };
      const go = button("Ajukan Klaim");
      const key = idempotencyKey(); // one per submission: a repeated click returns the same claim
      panel.append(
        h("h2", {}, "Rincian Klaim"),
        rincian(klaim),
        form(
          go,
          async () => {
            if (!consent.checked) return errors.show([{ field: ["input", "consent"], message: "Centang pernyataan persetujuan terlebih dahulu." }]);
            const { klaimJhtSubmit: r } = await withSession(() => jmo.klaimJhtSubmit({ input: { klaimId: klaim.id, consent: true, idempotencyKey: key } }));
            next(r.klaim, r.userErrors);
          },
          choice(consent, "Saya menyatakan data yang saya berikan benar dan menyetujui pengajuan klaim JHT ini."),
        ),
      );
      break;
    }
  }
  const cancel = h("button", { type: "button", class: "link" }, "Batalkan klaim");
  cancel.addEventListener("click", () =>
    busy(cancel, errors, async () => {
      const { klaimCancel: r } = await withSession(() => jmo.klaimCancel({ input: { klaimId: klaim.id } }));
      if (r.userErrors.length) return errors.show(r.userErrors);
      location.reload();
    }),
  );
  stepArea.append(cancel);
}

function rincian(klaim: KlaimFieldsFragment): HTMLElement {
  const r = klaim.rincian;
  return h(
    "dl",
    { class: "summary", "data-testid": "rincian" },
    h("dt", {}, "Sebab klaim"),
    h("dd", {}, label(klaim.sebab)),
    h("dt", {}, "Saldo JHT"),
    h("dd", {}, r ? formatRupiah(r.saldo) : "-"),
    // A partial claim takes its share of the saldo (rounded down to the sen); the tax is on that amount.
    klaim.jenis !== "PENUH" ? h("dt", {}, `Jumlah klaim (${r?.persentase ?? (klaim.jenis === "SEBAGIAN_10" ? 10 : 30)}%)`) : null,
    klaim.jenis !== "PENUH" ? h("dd", { "data-testid": "jumlah-klaim" }, r ? formatRupiah(r.jumlah) : "-") : null,
    h("dt", {}, `Pajak (PPh 21${r && !r.npwpProvided ? ", tanpa NPWP" : ""})`),
    h("dd", {}, r ? formatRupiah(r.pajak) : "-"),
    h("dt", {}, "Jumlah dibayarkan"),
    h("dd", {}, h("strong", {}, r ? formatRupiah(r.dibayarkan) : "-")),
    h("dt", {}, "Rekening"),
    h("dd", {}, klaim.bankAccount ? `${klaim.bankAccount.bankName} ${klaim.bankAccount.accountNumberMasked} a.n. ${klaim.bankAccount.accountName}` : "-"),
  );
}

/** Live tracking: replays the claim's events and streams new ones until SELESAI, DITOLAK or DIBATALKAN. */
export function tracking(container: HTMLElement, klaim: KlaimFieldsFragment, stops: Array<() => void>): void {
  const list = h("ol", { class: "timeline", "data-testid": "timeline" });
  const status = h("p", { class: "status-line" }, "Status: ", h("strong", { "data-testid": "klaim-status" }, label(klaim.status)));
  const done = h("div", {});
  const errors = errorBox();
  clear(
    container,
    h("div", { class: "card" }, h("h2", {}, `Lacak Klaim ${klaim.nomor}`), status, rincian(klaim)),
    h("h3", {}, "Riwayat"),
    list,
    done,
    errors,
  );
  // The iterator itself, so that leaving the view can end the subscription (return()).
  const events = jmo.klaimStatusChanged({ klaimId: klaim.id, afterSequence: 0 })[Symbol.asyncIterator]();
  let active = true;
  stops.push(() => {
    active = false;
    void events.return?.();
  });
  void (async () => {
    try {
      for await (const { klaimStatusChanged: e } of { [Symbol.asyncIterator]: () => events }) {
        if (!active) break;
        list.append(
          h("li", { "data-sequence": e.sequence, "data-status": e.status }, h("strong", {}, label(e.status)), e.note && e.note !== label(e.status) ? ` — ${e.note}` : "", h("small", {}, formatDateTime(e.at))),
        );
        clear(status, "Status: ", h("strong", { "data-testid": "klaim-status" }, label(e.status)));
        if (FINAL.has(e.status)) await finished(e.status);
      }
    } catch (error) {
      if (active) errors.show([`Pelacakan terputus: ${errorMessage(error)}`]);
    }
  })();

  async function finished(final: KlaimStatus): Promise<void> {
    const { klaim: latest } = await withSession(() => jmo.klaim({ id: klaim.id }));
    if (final === "SELESAI") {
      clear(
        done,
        h(
          "div",
          { class: "card done", "data-testid": "klaim-selesai" },
          h("h2", {}, "Proses Klaim Selesai"),
          h("p", {}, `Dana ${latest?.rincian ? formatRupiah(latest.rincian.dibayarkan) : ""} telah ditransfer ke rekening kamu.`),
          latest?.transferReference ? h("p", {}, `Referensi transfer: ${latest.transferReference}`) : null,
          h("p", { class: "muted" }, `Selesai ${formatDateTime(latest?.completedAt)} · ${currentSession()?.fullName ?? ""}`),
        ),
      );
    } else {
      clear(done, h("div", { class: "card fail" }, h("h2", {}, label(final)), latest?.rejectionReason ? h("p", {}, latest.rejectionReason) : null));
    }
  }
}
