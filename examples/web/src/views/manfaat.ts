// Informasi manfaat: the five programs (JHT, JKK, JKM, JP, JKP) as the API gives them for today: who is in them, what
// they pay (amounts or formulas, each with its source) and how to claim. Public; a signed-in member also sees which
// programs each of their cards covers today.
import type { JaminanProgram, ManfaatChannel, ManfaatProgramFieldsFragment, Segment } from "@jmo/sdk";
import { busy, clear, errorBox, field, h, select } from "../dom.ts";
import { formatDate, formatRupiah } from "../format.ts";
import { label } from "../labels.ts";
import { currentSession, jmo, withSession } from "../session.ts";

export const PROGRAM: Record<JaminanProgram, string> = {
  JHT: "Jaminan Hari Tua (JHT)",
  JKK: "Jaminan Kecelakaan Kerja (JKK)",
  JKM: "Jaminan Kematian (JKM)",
  JP: "Jaminan Pensiun (JP)",
  JKP: "Jaminan Kehilangan Pekerjaan (JKP)",
};
const SEGMENT: Record<Segment, string> = { PU: "Penerima Upah", BPU: "Bukan Penerima Upah", JAKON: "Jasa Konstruksi", PMI: "Pekerja Migran Indonesia" };
const CHANNEL: Record<ManfaatChannel, string> = {
  JMO: "Aplikasi JMO",
  LAPAK_ASIK: "Lapak Asik",
  KANTOR_CABANG: "Kantor cabang",
  SIAP_KERJA: "SIAPkerja (Kemnaker)",
  PEMBERI_KERJA: "Melalui pemberi kerja",
};

function programArticle(p: ManfaatProgramFieldsFragment): HTMLElement {
  return h(
    "article",
    { class: "card", "data-testid": "program", "data-program": p.program },
    h("h2", {}, p.name, ` (${p.program})`),
    h("p", {}, p.summary),
    h("p", { class: "muted" }, `${p.regulation} · berlaku sejak ${formatDate(p.validFrom)}`),
    h("p", {}, "Peserta: ", p.coverage.map((c) => `${label(c.segment)}${c.mandatory ? "" : " (pilihan)"}`).join(", ")),
    h("h3", {}, "Manfaat"),
    h(
      "ul",
      {},
      ...p.benefits.map((b) =>
        h(
          "li",
          { "data-benefit": b.code },
          h("strong", {}, b.name),
          b.amount ? h("span", { "data-testid": "amount" }, `: ${formatRupiah(b.amount)}`) : null,
          b.formula ? h("span", {}, ` (${b.formula})`) : null,
          h("br"),
          h("small", {}, b.description),
          h("br"),
          h("small", { class: "muted" }, "Sumber: ", ...b.sources.map((s, i) => [i ? "; " : "", s.url ? h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, s.title) : s.title]).flat()),
        ),
      ),
    ),
    h("h3", {}, "Cara klaim"),
    ...p.claim.map((w) => h("div", { "data-channel": w.channel }, h("p", {}, h("strong", {}, CHANNEL[w.channel]), ` · ${w.when}`), h("ol", {}, ...w.steps.map((s) => h("li", {}, s))))),
  );
}

export async function manfaatView(root: HTMLElement): Promise<void> {
  root.append(h("p", { class: "muted" }, "Memuat…"));
  const [programs, mine] = await Promise.all([
    jmo.manfaatPrograms({}),
    currentSession() ? withSession(() => jmo.myCardPrograms()).catch(() => null) : Promise.resolve(null),
  ]);
  const list = h("div", { "data-testid": "program-list" });
  const show = (items: ManfaatProgramFieldsFragment[]) => clear(list, ...items.map(programArticle));
  show(programs.manfaatPrograms);

  const segment = select("segment", Object.entries(SEGMENT) as Array<[string, string]>, null, "Semua segmen");
  const errors = errorBox();
  const filter = h("button", { type: "button", class: "secondary" }, "Tampilkan");
  filter.addEventListener("click", () =>
    void busy(filter, errors, async () => {
      const { manfaatPrograms } = await jmo.manfaatPrograms({ segment: (segment.value || null) as Segment | null });
      show(manfaatPrograms);
    }),
  );
  const cards = mine?.me?.cards.length
    ? h(
        "section",
        { "data-testid": "card-programs" },
        h("h2", {}, "Perlindungan kartu kamu hari ini"),
        ...mine.me.cards.map((c) =>
          h(
            "p",
            { "data-card": c.id },
            `KPJ ${c.kpjMasked} (${label(c.segment)}, ${label(c.status)}): `,
            h("strong", { "data-testid": "programs" }, c.programs.length ? c.programs.join(", ") : "tidak ada program aktif"),
          ),
        ),
      )
    : null;
  // JKM, JKK, JP and JKP are claimed elsewhere: the guided referral page says who, with what, where.
  const referral = h("p", {}, h("a", { href: "#/klaim-program", "data-testid": "klaim-program-link" }, "Klaim program lain (JKM, JKK, JP, JKP)"));
  root.replaceChildren(h("h1", {}, "Informasi Manfaat"), referral, ...(cards ? [cards] : []), h("div", { class: "search" }, field("Segmen kepesertaan", segment), filter), errors, list);
}
