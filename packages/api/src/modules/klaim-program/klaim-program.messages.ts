// The words of klaimProgramInfo's candidate answer, Indonesian and English (the catalogue pattern of klaim.messages.ts).
import type { Locale } from "../../common/i18n.ts";
import { maskKpj } from "../../common/mask.ts";
import type { ClaimProgramCode } from "./klaim-program.data.ts";
import type { CandidateEvaluation, CandidateStatus, CheckCode, CheckParams, CheckResult } from "./klaim-program.candidate.ts";

type Text = (p: CheckParams) => string;
type Words = { id: Text; en: Text };
type CheckWords = { title: Words; PASSED: Words; FAILED: Words; UNKNOWN?: Words };

const dateWords = (date: unknown, locale: Locale): string => {
  const text = String(date ?? "");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${text}T00:00:00Z`));
};
const kpj = (p: CheckParams) => (p.kpj ? maskKpj(String(p.kpj)) : "");
const same = (t: Text): Words => ({ id: t, en: t });

const CHECKS: Record<CheckCode, CheckWords> = {
  JKM_DILINDUNGI: {
    title: { id: () => "Terlindungi JKM saat ini", en: () => "Covered by JKM today" },
    PASSED: {
      id: () => "Kartu Anda yang aktif melindungi JKM: bila Anda meninggal dunia bukan karena kecelakaan kerja, ahli waris Anda menerima santunan JKM.",
      en: () => "Your active card covers JKM: should you die of something other than a work accident, your heirs receive the JKM benefit.",
    },
    FAILED: {
      id: () => "Tidak ada kartu aktif yang melindungi JKM saat ini (kartu nonaktif, atau iuran BPU belum dibayar). Perlindungan berlaku kembali setelah iuran dibayar.",
      en: () => "No active card covers JKM today (the card is inactive, or the BPU contribution is unpaid). Cover resumes once contributions are paid.",
    },
  },
  JKM_MASA_IUR_BEASISWA: {
    title: { id: (p) => `Masa iur ${p.need} bulan untuk beasiswa anak`, en: (p) => `${p.need} months of contributions for the children's scholarship` },
    PASSED: {
      id: (p) => `Iuran ${p.months} bulan sudah dibayar: anak Anda (paling banyak 2) berhak atas beasiswa bila Anda meninggal dunia.`,
      en: (p) => `${p.months} months of contributions paid: your children (at most 2) would be entitled to the scholarship.`,
    },
    FAILED: {
      id: (p) => `Iuran ${p.months} bulan dibayar; beasiswa anak memerlukan ${p.need} bulan (kurang ${p.left} bulan).`,
      en: (p) => `${p.months} months of contributions paid; the children's scholarship needs ${p.need} (${p.left} to go).`,
    },
  },
  JKM_AHLI_WARIS_TERCATAT: {
    title: { id: () => "Ahli waris tercatat", en: () => "Heirs on record" },
    PASSED: {
      id: (p) => `Data Anda yang terverifikasi mencatat ${p.spouse ? "pasangan" : "tanpa pasangan"} dan ${p.children} anak: mereka ahli waris urutan pertama.`,
      en: (p) => `Your verified data records ${p.spouse ? "a spouse" : "no spouse"} and ${p.children} child(ren): they are the first heirs.`,
    },
    FAILED: same(() => ""),
    UNKNOWN: {
      id: (p) =>
        p.verified
          ? "Data Anda tidak mencatat pasangan atau anak: ahli waris berikutnya (orang tua, saudara kandung, mertua, atau yang ditunjuk dalam wasiat) membuktikan haknya dengan surat keterangan ahli waris."
          : "Keluarga Anda belum tercatat. Lakukan Pengkinian Data agar pasangan dan anak tercatat sebagai ahli waris.",
      en: (p) =>
        p.verified
          ? "Your data records no spouse or children: the next heirs (parents, siblings, parents-in-law, or whoever your will names) prove their right with an heirs' certificate."
          : "Your family is not on record yet. Complete Pengkinian Data so your spouse and children are recorded as heirs.",
    },
  },
  JKK_DILINDUNGI: {
    title: { id: () => "Terlindungi JKK", en: () => "Covered by JKK" },
    PASSED: {
      id: (p) => (p.covered ? "Kartu Anda yang aktif melindungi JKK (termasuk perjalanan pergi dan pulang kerja)." : "Kecelakaan dilaporkan saat kartu Anda aktif."),
      en: (p) => (p.covered ? "Your active card covers JKK (including the way to and from work)." : "The accident was reported while your card was active."),
    },
    FAILED: {
      id: () => "Tidak ada kartu aktif yang melindungi JKK saat ini (kartu nonaktif, atau iuran BPU belum dibayar).",
      en: () => "No active card covers JKK today (the card is inactive, or the BPU contribution is unpaid).",
    },
  },
  JKK_LAPORAN_KECELAKAAN: {
    title: { id: () => "Laporan kecelakaan kerja", en: () => "Work-accident report" },
    PASSED: {
      id: (p) => `Laporan ${p.nomor} (${p.status}) tercatat. Ajukan santunan di kantor cabang dengan dokumen laporan tahap II dan surat keterangan dokter.`,
      en: (p) => `Report ${p.nomor} (${p.status}) is on record. Claim the benefits at a branch office with the stage II report and the doctor's certificate.`,
    },
    FAILED: {
      id: (p) => `Laporan ${p.nomor} ditolak. Hubungi kantor cabang atau pemberi kerja untuk laporan yang benar.`,
      en: (p) => `Report ${p.nomor} was refused. Contact a branch office or your employer for a correct report.`,
    },
    UNKNOWN: {
      id: () => "Belum ada laporan kecelakaan kerja. Bila terjadi kecelakaan kerja, pemberi kerja melapor paling lama 2×24 jam, atau laporkan sendiri di JMO.",
      en: () => "No work-accident report yet. After a work accident the employer reports within 2×24 hours, or report it yourself in JMO.",
    },
  },
  JP_KEPESERTAAN: {
    title: { id: () => "Iuran JP pernah dibayar", en: () => "JP contributions paid" },
    PASSED: { id: (p) => `Iuran JP dibayar ${p.months} bulan.`, en: (p) => `${p.months} months of JP contributions paid.` },
    FAILED: {
      id: () => "Belum ada iuran JP yang dibayar. JP hanya untuk pekerja penerima upah (PU); BPU tidak ikut JP.",
      en: () => "No JP contribution has been paid. JP is for wage earners (PU) only; self-employed (BPU) members are not in it.",
    },
  },
  JP_USIA_PENSIUN: {
    title: { id: (p) => `Usia pensiun ${p.pensionAge} tahun`, en: (p) => `Pension age ${p.pensionAge}` },
    PASSED: {
      id: (p) =>
        `Anda berusia ${p.age} tahun dan mencapai usia pensiun ${p.pensionAge} pada ${dateWords(p.pensionDate, "id")}.` +
        (p.stillWorking ? ` Masih bekerja: manfaat dapat diterima sekarang atau saat berhenti bekerja, paling lambat ${dateWords(p.deferUntil, "id")}.` : ""),
      en: (p) =>
        `You are ${p.age} and reached pension age ${p.pensionAge} on ${dateWords(p.pensionDate, "en")}.` +
        (p.stillWorking ? ` Still working: the benefit can start now or when you stop working, at the latest on ${dateWords(p.deferUntil, "en")}.` : ""),
    },
    FAILED: {
      id: (p) => `Anda berusia ${p.age} tahun; usia pensiun Anda ${p.pensionAge} tahun, dicapai pada ${dateWords(p.pensionDate, "id")}. Sebelum itu JP dibayar hanya karena cacat total tetap atau kepada ahli waris.`,
      en: (p) => `You are ${p.age}; your pension age is ${p.pensionAge}, reached on ${dateWords(p.pensionDate, "en")}. Before then JP pays only for total permanent disability or to heirs.`,
    },
  },
  JP_MASA_IUR_15_TAHUN: {
    title: { id: (p) => `Masa iur ${p.need} bulan untuk pensiun bulanan`, en: (p) => `${p.need} months for a monthly pension` },
    PASSED: { id: (p) => `Masa iur ${p.months} bulan: manfaat pensiun dibayar bulanan seumur hidup.`, en: (p) => `${p.months} months paid: the pension is paid monthly for life.` },
    FAILED: {
      id: (p) => `Masa iur ${p.months} bulan (kurang ${p.left} bulan dari ${p.need}): pada usia pensiun iuran dan hasil pengembangannya dibayar sekaligus.`,
      en: (p) => `${p.months} months paid (${p.left} short of ${p.need}): at pension age the contributions plus development are paid as a lump sum.`,
    },
  },
  JKP_PENERIMA_UPAH_WNI: {
    title: { id: () => "Pekerja penerima upah WNI", en: () => "Indonesian wage earner" },
    PASSED: { id: () => "Anda WNI dengan kartu penerima upah (PU).", en: () => "You are an Indonesian citizen with a wage-earner (PU) card." },
    FAILED: {
      id: (p) => (p.pu ? "JKP hanya untuk WNI." : "JKP hanya untuk pekerja penerima upah (PU); kartu BPU, JAKON dan PMI tidak ikut JKP."),
      en: (p) => (p.pu ? "JKP is for Indonesian citizens only." : "JKP is for wage earners (PU) only; BPU, JAKON and PMI cards are not in it."),
    },
  },
  JKP_USIA_SAAT_DAFTAR: {
    title: { id: (p) => `Belum ${p.max} tahun saat terdaftar`, en: (p) => `Under ${p.max} when registered` },
    PASSED: { id: (p) => `Anda berusia ${p.age} tahun saat terdaftar pada ${dateWords(p.registeredAt, "id")}.`, en: (p) => `You were ${p.age} when registered on ${dateWords(p.registeredAt, "en")}.` },
    FAILED: {
      id: (p) => `Anda berusia ${p.age} tahun saat terdaftar pada ${dateWords(p.registeredAt, "id")}; peserta JKP didaftarkan sebelum ${p.max} tahun.`,
      en: (p) => `You were ${p.age} when registered on ${dateWords(p.registeredAt, "en")}; JKP members are registered before ${p.max}.`,
    },
  },
  JKP_TIDAK_BEKERJA: {
    title: { id: () => "Tidak sedang bekerja sebagai penerima upah", en: () => "Not working as a wage earner" },
    PASSED: { id: () => "Tidak ada kartu penerima upah Anda yang aktif.", en: () => "None of your wage-earner cards is active." },
    FAILED: {
      id: (p) => `Anda masih terdaftar bekerja pada kartu KPJ ${kpj(p)}. JKP hanya untuk yang kehilangan pekerjaan karena PHK.`,
      en: (p) => `You are still registered as working on card KPJ ${kpj(p)}. JKP is only for those who lost their job by dismissal (PHK).`,
    },
  },
  JKP_PHK: {
    title: { id: () => "Berhenti karena PHK", en: () => "Job ended by dismissal (PHK)" },
    PASSED: { id: (p) => `Klaim JHT kartu ${kpj(p)} mencatat PHK sejak ${dateWords(p.phkDate, "id")}.`, en: (p) => `The JHT claim of card ${kpj(p)} records a dismissal from ${dateWords(p.phkDate, "en")}.` },
    FAILED: {
      id: (p) => `Klaim JHT kartu ${kpj(p)} mencatat Anda mengundurkan diri; JKP tidak diberikan untuk pengunduran diri.`,
      en: (p) => `The JHT claim of card ${kpj(p)} records a resignation; JKP is not paid after a resignation.`,
    },
    UNKNOWN: {
      id: (p) =>
        `Kartu ${kpj(p)} nonaktif sejak ${dateWords(p.phkDate, "id")}; sebabnya tidak tercatat di JMO. JKP hanya untuk PHK (bukan mengundurkan diri, pensiun, atau kontrak yang berakhir sesuai jangka waktunya), dibuktikan di SIAPkerja.`,
      en: (p) =>
        `Card ${kpj(p)} has been inactive since ${dateWords(p.phkDate, "en")}; JMO does not record why. JKP is only for a dismissal (not a resignation, retirement, or a fixed-term contract that ran its course), proven in SIAPkerja.`,
    },
  },
  JKP_MASA_IUR: {
    title: { id: (p) => `Iuran ${p.need} bulan dalam ${p.window} bulan`, en: (p) => `${p.need} paid months in ${p.window}` },
    PASSED: { id: (p) => `${p.months} bulan dibayar dalam ${p.window} bulan sebelum PHK.`, en: (p) => `${p.months} months paid in the ${p.window} months before the dismissal.` },
    FAILED: {
      id: (p) => `Hanya ${p.months} bulan dibayar dalam ${p.window} bulan sebelum PHK; perlu ${p.need}.`,
      en: (p) => `Only ${p.months} months paid in the ${p.window} months before the dismissal; ${p.need} are needed.`,
    },
  },
  JKP_IURAN_BERTURUT: {
    title: { id: (p) => `${p.need} bulan berturut-turut sebelum PHK`, en: (p) => `${p.need} consecutive months before the dismissal` },
    PASSED: { id: (p) => `Iuran ${p.need} bulan terakhir sebelum PHK dibayar berturut-turut.`, en: (p) => `The last ${p.need} months before the dismissal were all paid.` },
    FAILED: {
      id: (p) => `Iuran ${p.need} bulan terakhir sebelum PHK tidak berturut-turut: belum dibayar ${p.missing}.`,
      en: (p) => `The last ${p.need} months before the dismissal were not all paid: missing ${p.missing}.`,
    },
  },
  JKP_BATAS_PENGAJUAN: {
    title: { id: (p) => `Diajukan paling lambat ${p.within} bulan sejak PHK`, en: (p) => `Claimed within ${p.within} months of the dismissal` },
    PASSED: { id: (p) => `Ajukan di SIAPkerja paling lambat ${dateWords(p.deadline, "id")}.`, en: (p) => `Claim in SIAPkerja by ${dateWords(p.deadline, "en")} at the latest.` },
    FAILED: {
      id: (p) => `Batas pengajuan JKP telah lewat pada ${dateWords(p.deadline, "id")} (${p.within} bulan sejak ${dateWords(p.phkDate, "id")}): hak atas manfaat JKP hilang.`,
      en: (p) => `The JKP claim deadline passed on ${dateWords(p.deadline, "en")} (${p.within} months after ${dateWords(p.phkDate, "en")}): the right to JKP is lost.`,
    },
  },
};

const SUMMARIES: Record<ClaimProgramCode, Record<CandidateStatus, Words>> = {
  JKM: {
    HEIRS_ONLY: {
      id: () => "JKM tidak diajukan oleh peserta sendiri: setelah peserta meninggal dunia, ahli waris mengajukannya di kantor cabang melalui Lapak Asik.",
      en: () => "JKM is never claimed by the member: after the member's death the heirs claim it at a branch office through Lapak Asik.",
    },
    CANDIDATE: same(() => ""),
    POSSIBLE: same(() => ""),
    NOT_CANDIDATE: same(() => ""),
  },
  JKK: {
    CANDIDATE: { id: () => "Anda dapat mengajukan santunan JKK di kantor cabang.", en: () => "You can claim JKK benefits at a branch office." },
    POSSIBLE: { id: () => "Anda terlindungi JKK. Bila terjadi kecelakaan kerja, laporkan dulu (pemberi kerja atau JMO).", en: () => "You are covered by JKK. After a work accident, report it first (employer or JMO)." },
    NOT_CANDIDATE: { id: () => "Anda belum dapat mengajukan JKK.", en: () => "You cannot claim JKK now." },
    HEIRS_ONLY: same(() => ""),
  },
  JP: {
    CANDIDATE: { id: () => "Anda dapat mengajukan manfaat pensiun di kantor cabang atau Lapak Asik.", en: () => "You can claim your pension at a branch office or through Lapak Asik." },
    POSSIBLE: { id: () => "Anda mungkin dapat mengajukan manfaat pensiun.", en: () => "You may be able to claim your pension." },
    NOT_CANDIDATE: { id: () => "Anda belum dapat mengajukan pensiun hari tua.", en: () => "You cannot claim an old-age pension yet." },
    HEIRS_ONLY: same(() => ""),
  },
  JKP: {
    CANDIDATE: { id: () => "Anda memenuhi syarat JKP: ajukan di SIAPkerja sebelum batas waktunya.", en: () => "You meet the JKP conditions: claim in SIAPkerja before the deadline." },
    POSSIBLE: {
      id: () => "Data Anda memenuhi syarat JKP, kecuali sebab berhenti yang tidak tercatat di JMO: bila karena PHK, ajukan di SIAPkerja sebelum batas waktunya.",
      en: () => "Your data meets the JKP conditions except the reason your job ended, which JMO does not record: if it was a dismissal, claim in SIAPkerja before the deadline.",
    },
    NOT_CANDIDATE: { id: () => "Anda tidak memenuhi syarat JKP saat ini.", en: () => "You do not meet the JKP conditions now." },
    HEIRS_ONLY: same(() => ""),
  },
};

export function checkTitle(code: CheckCode, locale: Locale, params: CheckParams): string {
  return CHECKS[code].title[locale](params);
}

export function checkMessage(code: CheckCode, result: CheckResult, locale: Locale, params: CheckParams): string {
  const words = CHECKS[code];
  return (words[result] ?? words.FAILED)[locale](params);
}

/** The answer in a sentence; NOT_CANDIDATE names the first failed required check. */
export function candidateSummary(program: ClaimProgramCode, e: CandidateEvaluation, locale: Locale): string {
  const head = SUMMARIES[program][e.status][locale]({});
  if (e.status !== "NOT_CANDIDATE") return head;
  const first = e.checks.find((c) => c.required && c.result === "FAILED");
  return first ? `${head} ${checkMessage(first.code, first.result, locale, first.params)}` : head;
}
