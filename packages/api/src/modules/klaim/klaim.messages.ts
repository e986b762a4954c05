import { KlaimEligibilityCode } from "@jmo/schema";
import type { Locale } from "../../common/i18n.ts";
import { maskKpj } from "../../common/mask.ts";
import type { EligibilityEvaluation } from "./klaim-eligibility.ts";

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
  };
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
