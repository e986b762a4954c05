import { KlaimEligibilityCode } from "@jmo/schema";
import type { Locale } from "../../common/i18n.ts";
import { maskKpj } from "../../common/mask.ts";
import type { EligibilityEvaluation } from "./klaim-eligibility.ts";
import type { SebagianEvaluation } from "./klaim-sebagian-eligibility.ts";

/** What a check's words are built from, formatted for the caller's language. */
export interface CheckParams {
  /** This card's saldo. */
  saldo: string;
  /** The participant's saldo over all cards. */
  total: string;
  /** The JMO limit in force on `asOf`; null when the rule book has none for that day. */
  limit: string | null;
  cardSaldoZero: boolean;
  claimableFrom: string | null;
  asOf: string;
  /** An AKTIF other card, masked. */
  kpjAktif: string | null;
  /** Another claim in progress. */
  nomor: string | null;
  // Klaim JHT sebagian only (sebagianParams); empty for the full claim.
  /** Membership so far, in words ("12 tahun 3 bulan"). */
  masa: string;
  /** What is left until 10 years, in words; null once reached. */
  sisa: string | null;
  /** The day the 10 years are reached. */
  tenYearsOn: string | null;
  /** The amount claimed and its share. */
  jumlah: string;
  persentase: number;
  /** The member's earlier partial claim. */
  previousNomor: string | null;
}

type Text = (p: CheckParams) => string;
type Words = { id: Text; en: Text };

/** Per check: its name as the app lists it, what it says when it passes and when it fails, and the failure in a phrase. */
type CheckWords = { title: Words; passed: Words; failed: Words; reason: Words };
const CURRENT: Record<Exclude<KlaimEligibilityCode, KlaimEligibilityCode.SALDO_MAKS_10_JUTA>, CheckWords> = {
  [KlaimEligibilityCode.SALDO_MAKS_JMO]: {
    title: {
      id: ({ limit }) => (limit ? `Akumulasi saldo JHT maksimal Rp${limit}` : "Akumulasi saldo JHT dalam batas klaim JMO"),
      en: ({ limit }) => (limit ? `Total JHT saldo at most Rp${limit}` : "Total JHT saldo within the JMO claim limit"),
    },
    passed: {
      id: ({ total, limit }) => `Akumulasi saldo JHT Anda (semua kartu) Rp${total}, tidak lebih dari batas klaim lewat JMO Rp${limit}.`,
      en: ({ total, limit }) => `Your total JHT saldo (all cards) is Rp${total}, not more than the JMO claim limit of Rp${limit}.`,
    },
    failed: {
      id: ({ total, limit, cardSaldoZero, asOf }) =>
        limit === null
          ? `Batas saldo klaim lewat JMO untuk tanggal ${asOf} tidak diketahui. Ajukan klaim di kantor cabang BPJS Ketenagakerjaan.`
          : cardSaldoZero
            ? `Tidak ada saldo JHT pada kartu ini untuk diklaim (batas klaim lewat JMO Rp${limit}).`
            : `Akumulasi saldo JHT Anda (semua kartu) Rp${total}, lebih dari batas klaim lewat JMO Rp${limit}. Ajukan klaim melalui Lapak Asik (lapakasik.bpjsketenagakerjaan.go.id) atau di kantor cabang BPJS Ketenagakerjaan.`,
      en: ({ total, limit, cardSaldoZero, asOf }) =>
        limit === null
          ? `The JMO claim limit for ${asOf} is not known. Claim at a BPJS Ketenagakerjaan branch office.`
          : cardSaldoZero
            ? `This card has no JHT saldo to claim (JMO claim limit Rp${limit}).`
            : `Your total JHT saldo (all cards) is Rp${total}, more than the JMO claim limit of Rp${limit}. Claim through Lapak Asik (lapakasik.bpjsketenagakerjaan.go.id) or at a BPJS Ketenagakerjaan branch office.`,
    },
    reason: {
      id: ({ total, limit, asOf }) =>
        limit === null ? `batas saldo klaim JMO untuk tanggal ${asOf} tidak diketahui` : `akumulasi saldo JHT Rp${total} lebih dari batas klaim JMO Rp${limit}`,
      en: ({ total, limit, asOf }) =>
        limit === null ? `the JMO claim limit for ${asOf} is not known` : `the total JHT saldo of Rp${total} is more than the JMO claim limit of Rp${limit}`,
    },
  },
  [KlaimEligibilityCode.PENGKINIAN_SELESAI]: {
    title: { id: () => "Pengkinian data sudah terverifikasi", en: () => "Data update (pengkinian) verified" },
    passed: { id: () => "Pengkinian data sudah terverifikasi.", en: () => "Your data update (pengkinian data) is verified." },
    failed: {
      id: () => "Pengkinian data belum terverifikasi. Lakukan Pengkinian Data di aplikasi JMO terlebih dahulu.",
      en: () => "Your data update is not verified yet. Complete Pengkinian Data in the JMO app first.",
    },
    reason: { id: () => "pengkinian data belum terverifikasi", en: () => "your data update (pengkinian) is not verified" },
  },
  [KlaimEligibilityCode.STATUS_NONAKTIF]: {
    title: { id: () => "Status kepesertaan nonaktif", en: () => "Membership inactive (NONAKTIF)" },
    passed: { id: () => "Status kepesertaan kartu ini nonaktif.", en: () => "This card's membership is inactive (NONAKTIF)." },
    failed: {
      id: () =>
        "Kartu ini masih aktif. Klaim JHT karena mengundurkan diri atau PHK dapat diajukan setelah kepesertaan nonaktif; untuk sebab lain (misalnya usia 56 tahun) ajukan di kantor cabang BPJS Ketenagakerjaan.",
      en: () =>
        "This card is still active. A JHT claim for resignation or dismissal can be made once the membership is inactive; for other grounds (e.g. age 56) claim at a BPJS Ketenagakerjaan branch office.",
    },
    reason: { id: () => "kartu ini masih aktif", en: () => "this card is still active" },
  },
  [KlaimEligibilityCode.MASA_TUNGGU_1_BULAN]: {
    title: { id: () => "Masa tunggu 1 bulan sejak nonaktif", en: () => "One month since it became inactive" },
    passed: {
      id: () => "Sudah lebih dari satu bulan sejak kepesertaan nonaktif.",
      en: () => "At least one month has passed since the membership became inactive.",
    },
    failed: {
      id: ({ claimableFrom }) =>
        claimableFrom
          ? `Klaim dapat diajukan satu bulan setelah kepesertaan nonaktif, yaitu mulai ${claimableFrom}.`
          : "Klaim dapat diajukan satu bulan setelah kepesertaan nonaktif.",
      en: ({ claimableFrom }) =>
        claimableFrom
          ? `A claim can be made one month after the membership became inactive, i.e. from ${claimableFrom}.`
          : "A claim can be made one month after the membership became inactive.",
    },
    reason: {
      id: ({ claimableFrom }) => (claimableFrom ? `masa tunggu satu bulan belum lewat (klaim dapat diajukan mulai ${claimableFrom})` : "masa tunggu satu bulan belum lewat"),
      en: ({ claimableFrom }) => (claimableFrom ? `the one-month wait is not over (a claim can be made from ${claimableFrom})` : "the one-month wait is not over"),
    },
  },
  [KlaimEligibilityCode.TIDAK_BEKERJA_DI_TEMPAT_LAIN]: {
    title: { id: () => "Tidak bekerja di tempat lain", en: () => "Not working elsewhere" },
    passed: { id: () => "Tidak ada kartu lain Anda yang masih aktif.", en: () => "None of your other cards is active." },
    failed: {
      id: ({ kpjAktif }) =>
        `Anda masih terdaftar aktif pada kartu KPJ ${kpjAktif}. Klaim JHT karena mengundurkan diri atau PHK hanya dapat diajukan bila Anda tidak bekerja di tempat lain; untuk sebab lain (misalnya usia 56 tahun) ajukan di kantor cabang BPJS Ketenagakerjaan.`,
      en: ({ kpjAktif }) =>
        `You are still registered as active on card KPJ ${kpjAktif}. A JHT claim for resignation or dismissal needs you not to be working anywhere; for other grounds (e.g. age 56) claim at a BPJS Ketenagakerjaan branch office.`,
    },
    reason: {
      id: ({ kpjAktif }) => `Anda masih terdaftar aktif pada kartu KPJ ${kpjAktif}`,
      en: ({ kpjAktif }) => `you are still registered as active on card KPJ ${kpjAktif}`,
    },
  },
  [KlaimEligibilityCode.SALDO_TERSEDIA]: {
    title: { id: () => "Ada saldo JHT untuk diklaim", en: () => "JHT saldo to claim" },
    passed: { id: ({ saldo }) => `Saldo JHT kartu ini Rp${saldo}.`, en: ({ saldo }) => `This card's JHT saldo is Rp${saldo}.` },
    failed: {
      id: () => "Saldo JHT kartu ini Rp0: tidak ada yang dapat diklaim.",
      en: () => "This card's JHT saldo is Rp0: there is nothing to claim.",
    },
    reason: { id: () => "saldo JHT kartu ini Rp0", en: () => "this card's JHT saldo is Rp0" },
  },
  [KlaimEligibilityCode.TIDAK_ADA_KLAIM_BERJALAN]: {
    title: { id: () => "Tidak ada klaim lain yang sedang diproses", en: () => "No other claim in progress" },
    passed: { id: () => "Tidak ada klaim JHT lain yang sedang diproses.", en: () => "No other JHT claim of yours is in progress." },
    failed: {
      id: ({ nomor }) => `Klaim JHT ${nomor} masih berjalan. Tunggu sampai selesai, atau batalkan klaim tersebut, sebelum mengajukan klaim baru.`,
      en: ({ nomor }) => `JHT claim ${nomor} is still in progress. Wait until it is done, or cancel it, before making a new claim.`,
    },
    reason: { id: ({ nomor }) => `klaim JHT ${nomor} masih berjalan`, en: ({ nomor }) => `JHT claim ${nomor} is still in progress` },
  },
  [KlaimEligibilityCode.MASA_KEPESERTAAN_10_TAHUN]: {
    title: { id: () => "Masa kepesertaan minimal 10 tahun", en: () => "At least 10 years of membership" },
    passed: {
      id: ({ masa }) => `Masa kepesertaan Anda ${masa}.`,
      en: ({ masa }) => `You have been a member for ${masa}.`,
    },
    failed: {
      id: ({ masa, sisa, tenYearsOn }) =>
        tenYearsOn
          ? `Masa kepesertaan Anda ${masa}. Klaim JHT sebagian dapat diajukan setelah 10 tahun kepesertaan: ${sisa} lagi, mulai ${tenYearsOn}.`
          : "Belum ada kartu kepesertaan: klaim JHT sebagian memerlukan masa kepesertaan minimal 10 tahun.",
      en: ({ masa, sisa, tenYearsOn }) =>
        tenYearsOn
          ? `You have been a member for ${masa}. A partial JHT claim can be made after 10 years of membership: ${sisa} to go, from ${tenYearsOn}.`
          : "No membership card yet: a partial JHT claim needs at least 10 years of membership.",
    },
    reason: {
      id: ({ sisa, tenYearsOn }) => (tenYearsOn ? `masa kepesertaan belum 10 tahun (${sisa} lagi, mulai ${tenYearsOn})` : "masa kepesertaan belum 10 tahun"),
      en: ({ sisa, tenYearsOn }) => (tenYearsOn ? `membership is under 10 years (${sisa} to go, from ${tenYearsOn})` : "membership is under 10 years"),
    },
  },
  [KlaimEligibilityCode.BELUM_PERNAH_KLAIM_SEBAGIAN]: {
    title: { id: () => "Belum pernah klaim JHT sebagian", en: () => "No earlier partial JHT claim" },
    passed: {
      id: () => "Anda belum pernah mengambil klaim JHT sebagian (hanya dapat diambil satu kali).",
      en: () => "You have not taken a partial JHT claim yet (it can be taken once).",
    },
    failed: {
      id: ({ previousNomor }) => `Klaim JHT sebagian hanya dapat diambil satu kali selama kepesertaan; Anda sudah mengajukannya (${previousNomor}).`,
      en: ({ previousNomor }) => `A partial JHT claim can be taken only once per membership; you already made one (${previousNomor}).`,
    },
    reason: {
      id: ({ previousNomor }) => `klaim JHT sebagian sudah pernah diajukan (${previousNomor})`,
      en: ({ previousNomor }) => `a partial JHT claim was already made (${previousNomor})`,
    },
  },
  [KlaimEligibilityCode.JUMLAH_MAKS_JMO]: {
    title: {
      id: ({ limit }) => (limit ? `Jumlah klaim maksimal Rp${limit}` : "Jumlah klaim dalam batas klaim JMO"),
      en: ({ limit }) => (limit ? `Amount claimed at most Rp${limit}` : "Amount within the JMO claim limit"),
    },
    passed: {
      id: ({ jumlah, persentase, limit }) => `${persentase}% saldo JHT kartu ini Rp${jumlah}, tidak lebih dari batas klaim lewat JMO Rp${limit}.`,
      en: ({ jumlah, persentase, limit }) => `${persentase}% of this card's JHT saldo is Rp${jumlah}, not more than the JMO claim limit of Rp${limit}.`,
    },
    failed: {
      id: ({ jumlah, persentase, limit, asOf }) =>
        limit === null
          ? `Batas klaim lewat JMO untuk tanggal ${asOf} tidak diketahui. Ajukan klaim di kantor cabang BPJS Ketenagakerjaan.`
          : `${persentase}% saldo JHT kartu ini Rp${jumlah}, lebih dari batas klaim lewat JMO Rp${limit}. Ajukan klaim JHT sebagian melalui Lapak Asik atau di kantor cabang BPJS Ketenagakerjaan.`,
      en: ({ jumlah, persentase, limit, asOf }) =>
        limit === null
          ? `The JMO claim limit for ${asOf} is not known. Claim at a BPJS Ketenagakerjaan branch office.`
          : `${persentase}% of this card's JHT saldo is Rp${jumlah}, more than the JMO claim limit of Rp${limit}. Make the partial claim through Lapak Asik or at a BPJS Ketenagakerjaan branch office.`,
    },
    reason: {
      id: ({ jumlah, limit, asOf }) => (limit === null ? `batas klaim JMO untuk tanggal ${asOf} tidak diketahui` : `jumlah klaim Rp${jumlah} lebih dari batas klaim JMO Rp${limit}`),
      en: ({ jumlah, limit, asOf }) => (limit === null ? `the JMO claim limit for ${asOf} is not known` : `the amount of Rp${jumlah} is more than the JMO claim limit of Rp${limit}`),
    },
  },
};
// SALDO_MAKS_10_JUTA is deprecated and no longer returned (SALDO_MAKS_JMO replaces it); its words are the new check's.
const MESSAGES: Record<KlaimEligibilityCode, CheckWords> = { ...CURRENT, [KlaimEligibilityCode.SALDO_MAKS_10_JUTA]: CURRENT[KlaimEligibilityCode.SALDO_MAKS_JMO] };

/** Rupiah for people: 7400000.50 → "7.400.000,50" (id) or "7,400,000.50" (en); whole amounts without decimals. */
export function formatRupiah(sen: bigint, locale: Locale): string {
  const negative = sen < 0n;
  const abs = negative ? -sen : sen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === "id" ? "." : ",");
  const cents = abs % 100n;
  const decimals = cents === 0n ? "" : (locale === "id" ? "," : ".") + cents.toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}${decimals}`;
}

/** The words of an evaluation's checks, in the caller's language. */
export function checkParams(e: EligibilityEvaluation, locale: Locale): CheckParams {
  return {
    saldo: formatRupiah(e.saldoSen, locale),
    total: formatRupiah(e.totalSaldoSen, locale),
    limit: e.limitSen === null ? null : formatRupiah(e.limitSen, locale),
    cardSaldoZero: e.saldoSen <= 0n,
    claimableFrom: e.claimableFrom,
    asOf: e.asOf,
    kpjAktif: e.activeKpj ? maskKpj(e.activeKpj) : null,
    nomor: e.blockingKlaimNomor,
    masa: "",
    sisa: null,
    tenYearsOn: null,
    jumlah: formatRupiah(e.saldoSen, locale),
    persentase: 100,
    previousNomor: null,
  };
}

/** "12 tahun 3 bulan" / "12 years 3 months"; a zero part is left out, nothing at all is "0 bulan". */
export function formatDuration(years: number, months: number, locale: Locale): string {
  const parts: string[] = [];
  if (years > 0) parts.push(locale === "id" ? `${years} tahun` : `${years} year${years === 1 ? "" : "s"}`);
  if (months > 0 || years === 0) parts.push(locale === "id" ? `${months} bulan` : `${months} month${months === 1 ? "" : "s"}`);
  return parts.join(" ");
}

/** The words of a partial claim's checks (klaim-sebagian-eligibility.ts). */
export function sebagianParams(e: SebagianEvaluation, locale: Locale): CheckParams {
  const reached = e.masa.tenYearsOn !== null && e.masa.tenYearsOn <= e.asOf;
  return {
    saldo: formatRupiah(e.saldoSen, locale),
    total: formatRupiah(e.saldoSen, locale),
    limit: e.limitSen === null ? null : formatRupiah(e.limitSen, locale),
    cardSaldoZero: e.saldoSen <= 0n,
    claimableFrom: null,
    asOf: e.asOf,
    kpjAktif: null,
    nomor: e.blockingKlaimNomor,
    masa: formatDuration(e.masa.years, e.masa.months, locale),
    sisa: reached ? null : formatDuration(e.masa.remainingYears, e.masa.remainingMonths, locale),
    tenYearsOn: e.masa.tenYearsOn,
    jumlah: formatRupiah(e.jumlahSen, locale),
    persentase: e.persentase,
    previousNomor: e.previousNomor,
  };
}

/** The failed checks of a partial claim as one phrase each, joined. */
export function sebagianNotEligibleReasons(e: SebagianEvaluation, failed: readonly KlaimEligibilityCode[], locale: Locale): string {
  const params = sebagianParams(e, locale);
  return failed.map((code) => MESSAGES[code].reason[locale](params)).join("; ");
}

export function eligibilityTitle(code: KlaimEligibilityCode, locale: Locale, params: CheckParams): string {
  return MESSAGES[code].title[locale](params);
}

export function eligibilityMessage(code: KlaimEligibilityCode, passed: boolean, locale: Locale, params: CheckParams): string {
  return MESSAGES[code][passed ? "passed" : "failed"][locale](params);
}

/** The failed checks as one phrase each, joined: "pengkinian data belum terverifikasi; saldo JHT kartu ini Rp0". */
export function notEligibleReasons(e: EligibilityEvaluation, failed: readonly KlaimEligibilityCode[], locale: Locale): string {
  const params = checkParams(e, locale);
  return failed.map((code) => MESSAGES[code].reason[locale](params)).join("; ");
}
