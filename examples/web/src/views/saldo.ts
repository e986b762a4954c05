import { saldoChart } from "../chart.ts";
import { h } from "../dom.ts";
import { formatDate, formatRupiah } from "../format.ts";
import { jmo, withSession } from "../session.ts";

export async function saldoView(root: HTMLElement): Promise<void> {
  root.append(h("p", { class: "muted" }, "Memuat…"));
  const { me } = await withSession(() => jmo.saldo({}));
  if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const merged = me.saldoJht;
  root.replaceChildren(
    h("h1", {}, "Saldo JHT"),
    h(
      "div",
      { class: "card highlight" },
      h("span", {}, "Total saldo (gabungan semua kartu)"),
      h("strong", { class: "big", "data-testid": "saldo-total" }, formatRupiah(merged.total)),
      h("small", {}, `per ${formatDate(merged.asOf)}`),
      h(
        "dl",
        { class: "summary" },
        h("dt", {}, "Iuran pemberi kerja"),
        h("dd", {}, formatRupiah(merged.iuranPemberiKerja)),
        h("dt", {}, "Iuran pekerja"),
        h("dd", {}, formatRupiah(merged.iuranPekerja)),
        h("dt", {}, "Hasil pengembangan"),
        h("dd", {}, formatRupiah(merged.pengembangan)),
        h("dt", {}, "Penarikan"),
        h("dd", {}, formatRupiah(merged.penarikan)),
      ),
    ),
    h("h2", {}, "Perkembangan saldo per tahun"),
    merged.years.length ? saldoChart(merged.years) : h("p", { class: "muted" }, "Belum ada iuran."),
    h("h2", {}, "Rincian Saldo JHT per Tahun (RSJHT)"),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        { class: "rsjht", "data-testid": "rsjht" },
        h(
          "thead",
          {},
          h("tr", {}, ...["Tahun", "Saldo awal", "Iuran pemberi kerja", "Iuran pekerja", "Pengembangan", "Bunga", "Penarikan", "Saldo akhir"].map((t) => h("th", {}, t))),
        ),
        h(
          "tbody",
          {},
          ...merged.years.map((y) =>
            h(
              "tr",
              {},
              h("td", {}, String(y.year)),
              ...[y.saldoAwal, y.iuranPemberiKerja, y.iuranPekerja, y.pengembangan].map((v) => h("td", { class: "num" }, formatRupiah(v))),
              h("td", { class: "num", title: y.rateSource ?? "" }, `${y.rate}%`),
              h("td", { class: "num" }, formatRupiah(y.penarikan)),
              h("td", { class: "num" }, formatRupiah(y.saldoAkhir)),
            ),
          ),
        ),
      ),
    ),
    h("h2", {}, "Per kartu"),
    ...me.cards.map((card) =>
      h(
        "article",
        { class: "card" },
        h("h3", {}, `KPJ ${card.kpjMasked}`, card.employer ? ` · ${card.employer.name}` : ""),
        h("p", {}, "Saldo: ", h("strong", {}, card.saldoJht ? formatRupiah(card.saldoJht.total) : "-")),
        card.lastReported
          ? h("p", { class: "muted" }, `Upah terakhir dilaporkan (${card.lastReported.period}): ${formatRupiah(card.lastReported.wage)}`)
          : null,
      ),
    ),
  );
}
