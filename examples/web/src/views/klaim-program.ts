// Klaim program lain: how JKM, JKK, JP and JKP are claimed (who may claim, in order; the documents; the channels with
// their links; the rules with their sources), as the API gives them for today. Public; a signed-in member also sees
// whether their own cards make them a candidate, each check with the server's words.
import type { KlaimProgramCandidateFieldsFragment, KlaimProgramCandidateStatus, KlaimProgramCheckResult, KlaimProgramInfoQuery, ManfaatChannel, ProgramKlaim } from "@jmo/sdk";
import { clear, h } from "../dom.ts";
import { formatDate } from "../format.ts";
import { currentSession, jmo, withSession } from "../session.ts";

const PROGRAMS: Record<ProgramKlaim, string> = {
  JKM: "Jaminan Kematian (JKM)",
  JKK: "Jaminan Kecelakaan Kerja (JKK)",
  JP: "Jaminan Pensiun (JP)",
  JKP: "Jaminan Kehilangan Pekerjaan (JKP)",
};
const STATUS: Record<KlaimProgramCandidateStatus, string> = {
  CANDIDATE: "Memenuhi syarat",
  POSSIBLE: "Mungkin memenuhi syarat",
  NOT_CANDIDATE: "Belum memenuhi syarat",
  HEIRS_ONLY: "Diajukan oleh ahli waris",
};
const MARK: Record<KlaimProgramCheckResult, string> = { PASSED: "✓", FAILED: "✗", UNKNOWN: "?" };
const CHANNEL: Record<ManfaatChannel, string> = {
  JMO: "Aplikasi JMO",
  LAPAK_ASIK: "Lapak Asik",
  KANTOR_CABANG: "Kantor cabang",
  SIAP_KERJA: "SIAPkerja (Kemnaker)",
  PEMBERI_KERJA: "Melalui pemberi kerja",
};

type Info = NonNullable<KlaimProgramInfoQuery["klaimProgramInfo"]>;

const sourcesLine = (sources: Info["documents"][number]["sources"]) =>
  h("small", { class: "muted" }, "Sumber: ", ...sources.flatMap((s, i) => [i ? "; " : "", s.url ? h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, s.title) : s.title]));

/** Where a channel leads: its public address, or the branch-office finder of this app. */
function channelLink(c: Info["channels"][number]): HTMLElement | null {
  if (c.url) return h("a", { href: c.url, rel: "noopener noreferrer", target: "_blank", "data-testid": "channel-link" }, c.url.replace(/^https:\/\//, "").replace(/\/$/, ""));
  if (c.kind === "KANTOR_CABANG") return h("a", { href: "#/kanal", "data-testid": "channel-link" }, "Cari kantor cabang terdekat");
  if (c.kind === "JMO") return h("a", { href: "#/kecelakaan", "data-testid": "channel-link" }, "Lapor kecelakaan kerja");
  return null;
}

function candidateSection(c: KlaimProgramCandidateFieldsFragment): HTMLElement {
  const figures = [
    c.monthsPaid !== null && c.monthsPaid !== undefined ? `Masa iur: ${c.monthsPaid} bulan` : null,
    c.pensionAge ? `Usia pensiun: ${c.pensionAge} tahun (${formatDate(c.pensionDate)})` : null,
    c.jpBenefitForm ? `Bentuk manfaat: ${c.jpBenefitForm === "BULANAN" ? "bulanan" : "sekaligus"}` : null,
    c.claimDeadline ? `Batas pengajuan: ${formatDate(c.claimDeadline)}` : null,
  ].filter((f): f is string => f !== null);
  return h(
    "section",
    { class: "card", "data-testid": "candidate", "data-status": c.status },
    h("h2", {}, "Untuk kamu"),
    h("p", {}, h("strong", { "data-testid": "candidate-status", class: c.status === "CANDIDATE" ? "ok" : c.status === "NOT_CANDIDATE" ? "fail" : "" }, STATUS[c.status])),
    h("p", { "data-testid": "candidate-summary" }, c.summary),
    figures.length ? h("p", { class: "muted" }, figures.join(" · ")) : null,
    h(
      "ul",
      { class: "checks" },
      ...c.checks.map((k) =>
        h(
          "li",
          { class: k.result === "PASSED" ? "ok" : k.result === "FAILED" ? "fail" : "", "data-check": k.code, "data-result": k.result },
          h("span", { class: "mark", "aria-hidden": "true" }, MARK[k.result]),
          k.title,
          k.required ? null : h("small", { class: "muted" }, " (informasi)"),
          h("br"),
          h("small", {}, k.message),
        ),
      ),
    ),
    c.channel ? h("p", {}, "Ajukan melalui: ", h("strong", { "data-testid": "candidate-channel" }, CHANNEL[c.channel])) : null,
    c.needsBranchVisit ? h("p", {}, h("a", { href: "#/kanal", class: "button" }, "Kantor cabang terdekat")) : null,
  );
}

function programBody(p: Info): HTMLElement[] {
  return [
    h("p", { "data-testid": "program-summary" }, p.summary),
    h("p", { class: "muted" }, `${p.regulation} · berlaku sejak ${formatDate(p.validFrom)}`),
    ...(p.candidate ? [candidateSection(p.candidate)] : []),
    h("h2", {}, p.program === "JKM" ? "Ahli waris yang berhak, menurut urutan" : "Siapa yang dapat mengajukan"),
    h("ol", { "data-testid": "claimants" }, ...p.claimants.map((c) => h("li", { "data-rank": String(c.rank) }, h("strong", {}, c.who), ` · ${c.when}`, h("br"), sourcesLine(c.sources)))),
    h("h2", {}, "Saluran klaim"),
    ...p.channels.map((c) =>
      h(
        "div",
        { class: "card", "data-testid": "channel", "data-channel": c.kind },
        h("p", {}, h("strong", {}, c.name), ` · ${c.when}`, c.needsBranchVisit ? h("small", { class: "muted" }, " (datang ke kantor cabang)") : null),
        channelLink(c),
        h("ol", {}, ...c.steps.map((s) => h("li", {}, s))),
        sourcesLine(c.sources),
      ),
    ),
    h("h2", {}, "Dokumen"),
    h("ul", { "data-testid": "documents" }, ...p.documents.map((d) => h("li", { "data-document": d.code }, d.name, d.forClaim ? h("em", {}, ` (${d.forClaim})`) : null, d.note ? h("small", {}, ` · ${d.note}`) : null, h("br"), sourcesLine(d.sources)))),
    h("h2", {}, "Ketentuan"),
    h("ul", { "data-testid": "conditions" }, ...p.conditions.map((c) => h("li", { "data-condition": c.code }, c.text, h("br"), sourcesLine(c.sources)))),
  ];
}

export async function klaimProgramView(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.hash.split("?")[1] ?? "");
  const asked = params.get("program") as ProgramKlaim | null;
  const program: ProgramKlaim = asked && asked in PROGRAMS ? asked : "JKM";
  const tabs = h(
    "p",
    { class: "search", "data-testid": "program-tabs" },
    ...(Object.keys(PROGRAMS) as ProgramKlaim[]).map((p) =>
      h("a", { href: `#/klaim-program?program=${p}`, class: p === program ? "pill" : "", "aria-current": p === program ? "page" : null, "data-program": p }, p),
    ),
  );
  const body = h("div", { "data-testid": "program-info", "data-program": program }, h("p", { class: "muted" }, "Memuat…"));
  root.replaceChildren(h("h1", {}, "Klaim Program Lain"), h("p", {}, PROGRAMS[program]), tabs, body);
  const ask = () => jmo.klaimProgramInfo({ program });
  const { klaimProgramInfo } = currentSession() ? await withSession(ask) : await ask();
  if (!klaimProgramInfo) return clear(body, h("p", {}, "Panduan klaim untuk program ini belum tersedia."));
  clear(body, ...programBody(klaimProgramInfo));
}
