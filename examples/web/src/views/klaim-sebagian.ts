// Klaim JHT sebagian: 10% (any need) or 30% (housing, with the bank's document) of a card's saldo, once, after 10 years
// of membership. The checks say how long is left; the steps and the live tracking are the full claim's (klaim.ts).
import type { JenisKlaim, KlaimFieldsFragment, KlaimJhtSebagianEligibilityQuery, MeQuery } from "@jmo/sdk";
import { append, busy, clear, errorBox, field, h, select } from "../dom.ts";
import { formatDate, formatRupiah } from "../format.ts";
import { label } from "../labels.ts";
import { jmo, withSession } from "../session.ts";
import { checkList, steps, tracking } from "./klaim.ts";
import { readFiles } from "./pengaduan.ts";

type Card = NonNullable<MeQuery["me"]>["cards"][number];
type Eligibility = KlaimJhtSebagianEligibilityQuery["klaimJhtSebagianEligibility"];
type Dokumen = NonNullable<Eligibility["openKlaim"]>["dokumen"];

const JENIS: Array<[JenisKlaim, string]> = [
  ["SEBAGIAN_10", "10% untuk keperluan lain"],
  ["SEBAGIAN_30", "30% untuk kepemilikan rumah (dengan dokumen perumahan dari bank)"],
];

export async function klaimSebagianView(root: HTMLElement): Promise<() => void> {
  const stops: Array<() => void> = [];
  const stop = () => stops.splice(0).forEach((s) => s());
  root.append(h("h1", {}, "Klaim JHT Sebagian"), h("p", { class: "muted" }, "Memuat…"));
  const { me } = await withSession(() => jmo.me());
  if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const area = h("div", {});
  root.replaceChildren(
    h("h1", {}, "Klaim JHT Sebagian"),
    h("p", { class: "muted" }, "Setelah 10 tahun kepesertaan, sebagian saldo JHT dapat diambil satu kali selama kepesertaan, walaupun masih bekerja."),
    area,
  );
  if (me.cards.length === 0) {
    area.append(h("p", {}, "Belum ada kartu kepesertaan."));
    return stop;
  }
  const cardSelect = select(
    "card",
    me.cards.map((c) => [c.id, `KPJ ${c.kpjMasked} · ${label(c.status)}`]),
    (me.cards.find((c) => c.status === "AKTIF") ?? me.cards[0]!).id,
    "",
  );
  const jenis = JENIS.map(([value, text], i) => ({ value, input: h("input", { type: "radio", name: "jenis", value, checked: i === 0 }), text }));
  const body = h("div", {});
  cardSelect.addEventListener("change", () => void show());
  for (const j of jenis) j.input.addEventListener("change", () => void show());
  append(
    area,
    me.cards.length > 1 ? field("Kartu", cardSelect) : null,
    h("fieldset", { class: "card" }, h("legend", {}, "Jenis klaim"), ...jenis.map((j) => h("label", { class: "choice" }, j.input, j.text))),
    body,
  );

  async function show(): Promise<void> {
    stop();
    const card = me!.cards.find((c) => c.id === cardSelect.value)!;
    const chosen = jenis.find((j) => j.input.checked)?.value ?? "SEBAGIAN_10";
    clear(body, h("p", { class: "muted" }, "Memeriksa persyaratan…"));
    const { klaimJhtSebagianEligibility: e } = await withSession(() => jmo.klaimJhtSebagianEligibility({ cardId: card.id, jenis: chosen }));
    clear(body, panel(e));
    if (e.openKlaim) return resume(card, e.openKlaim);
    if (!e.eligible) return;
    const errors = errorBox();
    const start = h("button", { type: "button" }, "Ajukan Klaim JHT Sebagian");
    start.addEventListener("click", () =>
      busy(start, errors, async () => {
        const { klaimJhtSebagianStart: r } = await withSession(() => jmo.klaimJhtSebagianStart({ input: { cardId: card.id, jenis: chosen } }));
        if (r.userErrors.length || !r.klaim) return errors.show(r.userErrors);
        clear(body, panel(e));
        resume(card, r.klaim);
      }),
    );
    body.append(errors, start);
  }

  /** The draft: the housing document first for 30%, then the full claim's steps; a submitted claim is tracked live. */
  function resume(card: Card, klaim: KlaimFieldsFragment & { dokumen?: Dokumen }): void {
    if (klaim.status !== "DRAFT") return tracking(body, klaim, stops);
    if (klaim.jenis === "SEBAGIAN_30") body.append(documents(klaim.id, klaim.dokumen ?? []));
    steps(body, card, klaim, me!.fullName, stops);
  }

  await show();
  return stop;
}

function panel(e: Eligibility): HTMLElement {
  const m = e.masaKepesertaan;
  return h(
    "div",
    { class: "card", "data-testid": "eligibility" },
    h("p", {}, "Masa kepesertaan: ", h("strong", { "data-testid": "masa-kepesertaan" }, `${m.years} tahun ${m.months} bulan`), m.since ? ` (sejak ${formatDate(m.since)})` : ""),
    h("p", {}, "Saldo JHT kartu ini: ", h("strong", {}, formatRupiah(e.saldo))),
    h("p", {}, `Jumlah klaim ${e.persentase}%: `, h("strong", { "data-testid": "jumlah" }, formatRupiah(e.jumlah))),
    // The server's words: how long is left until 10 years, and the day it is reached, among them.
    checkList(e.checks),
    e.eligible
      ? h("p", { class: "ok" }, `Kamu dapat mengajukan klaim JHT sebagian ${e.persentase}% di JMO.`)
      : h("p", { class: "fail" }, "Klaim JHT sebagian belum dapat diajukan. Klaim yang sedang berjalan dapat dilacak di ", h("a", { href: "#/klaim" }, "Klaim JHT"), "."),
  );
}

/** The bank's housing document of a 30% claim: JPEG, PNG or PDF up to 2 MB; the server checks the bytes. */
function documents(klaimId: string, initial: Dokumen): HTMLElement {
  const list = h("ul", { "data-testid": "dokumen" });
  const render = (docs: Dokumen) => clear(list, ...docs.map((d) => h("li", {}, `${d.fileName} (${d.type}, ${Math.ceil(d.sizeBytes / 1024)} KB)`)));
  render(initial);
  const input = h("input", { type: "file", name: "dokumen", accept: "application/pdf,image/jpeg,image/png" });
  const errors = errorBox();
  const upload = h("button", { type: "button" }, "Unggah Dokumen");
  upload.addEventListener("click", () =>
    busy(upload, errors, async () => {
      const files = await readFiles(input);
      if (typeof files === "string") return errors.show([files]);
      if (files.length === 0) return errors.show(["Pilih berkas dokumen terlebih dahulu."]);
      for (const file of files) {
        const { klaimJhtSebagianAddDocument: r } = await withSession(() => jmo.klaimJhtSebagianAddDocument({ input: { klaimId, ...file } }));
        if (r.userErrors.length || !r.klaim) return errors.show(r.userErrors);
        render(r.klaim.dokumen);
      }
      input.value = "";
    }),
  );
  return h(
    "div",
    { class: "card", "data-testid": "dokumen-perumahan" },
    h("h2", {}, "Dokumen Perumahan"),
    h("p", {}, "Unggah surat keterangan atau perjanjian kredit pemilikan rumah dari bank (PDF, JPEG atau PNG, maksimal 2 MB)."),
    list,
    field("Berkas", input),
    errors,
    upload,
  );
}
