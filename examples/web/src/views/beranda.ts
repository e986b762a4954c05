import { h } from "../dom.ts";
import { formatDate, formatRupiah } from "../format.ts";
import { label } from "../labels.ts";
import { jmo, withSession } from "../session.ts";
import { kotakMasukLink } from "./kotak-masuk.ts";

export async function berandaView(root: HTMLElement): Promise<void> {
  root.append(h("p", { class: "muted" }, "Memuat…"));
  const year = new Date().getFullYear();
  const [{ me }, saldo] = await Promise.all([withSession(() => jmo.me()), withSession(() => jmo.saldo({ from: year, to: year }))]);
  if (!me) throw new Error("Sesi berakhir, silakan masuk kembali.");
  const saldoByCard = new Map((saldo.me?.cards ?? []).map((c) => [c.id, c.saldoJht?.total]));
  root.replaceChildren(
    h("h1", {}, `Halo, ${me.fullName}`),
    kotakMasukLink(),
    h(
      "div",
      { class: "card highlight" },
      h("span", {}, "Total Saldo JHT (semua kartu)"),
      h("strong", { class: "big", "data-testid": "saldo-total" }, saldo.me?.saldoJht ? formatRupiah(saldo.me.saldoJht.total) : "-"),
      h("small", {}, `per ${formatDate(saldo.me?.saldoJht?.asOf)}`),
      h("a", { href: "#/saldo" }, "Lihat rincian saldo"),
    ),
    h("p", {}, h("a", { href: "#/kanal" }, "Kantor cabang terdekat"), " · ", h("a", { href: "#/berita" }, "Berita & promo")),
    h("p", {}, h("a", { href: "#/antrean", "data-testid": "antrean-link" }, "Antrean kantor cabang")),
    h("p", {}, h("a", { href: "#/pengaduan", "data-testid": "pengaduan-link" }, "Pengaduan dan koreksi data")),
    h(
      "p",
      {},
      h("a", { href: "#/manfaat" }, "Informasi manfaat"),
      " · ",
      h("a", { href: "#/klaim-program" }, "Klaim program lain"),
      " · ",
      h("a", { href: "#/kecelakaan" }, "Lapor kecelakaan kerja"),
    ),
    h(
      "p",
      {},
      "Status pengkinian data: ",
      h("strong", {}, label(me.pengkinianStatus)),
      me.pengkinianStatus === "TERVERIFIKASI" ? null : h("a", { href: "#/pengkinian", class: "pill" }, "Update datamu sekarang"),
    ),
    h("h2", {}, "Kartu Kepesertaan"),
    ...me.cards.map((card) =>
      h(
        "article",
        { class: "card", "data-card": card.id },
        // The holder's own full KPJ (the API gives it only to them): they type it in pengkinian and klaim.
        h("h3", { "data-testid": "kpj" }, `KPJ ${card.kpj ?? card.kpjMasked}`),
        h("p", {}, `${label(card.segment)} · `, h("span", { class: `status ${card.status.toLowerCase()}` }, label(card.status))),
        h("p", {}, card.employer ? card.employer.name : "Peserta mandiri"),
        h("p", {}, `Terdaftar ${formatDate(card.registeredAt)}`, card.nonaktifSince ? ` · Nonaktif sejak ${formatDate(card.nonaktifSince)}` : ""),
        h("p", {}, "Saldo JHT: ", h("strong", {}, saldoByCard.get(card.id) ? formatRupiah(saldoByCard.get(card.id)!) : "-")),
        card.status === "NONAKTIF" ? h("a", { href: "#/klaim", class: "button" }, "Klaim JHT") : null,
        card.status === "AKTIF" ? h("a", { href: "#/klaim-sebagian", class: "button" }, "Klaim JHT Sebagian") : null,
        card.segment === "BPU" ? h("a", { href: `#/iuran?card=${encodeURIComponent(card.id)}`, class: "button" }, "Iuran BPU") : null,
      ),
    ),
  );
}
