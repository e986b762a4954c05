import { KlaimEligibilityCode } from "@jmo/schema";
import type { Locale } from "../../common/i18n.ts";

type Params = { saldo: string; claimableFrom: string | null };
type Text = (p: Params) => string;

/** What each eligibility check says when it passes and, when it fails, what to do and where to go. */
const MESSAGES: Record<KlaimEligibilityCode, { passed: { id: Text; en: Text }; failed: { id: Text; en: Text } }> = {
  [KlaimEligibilityCode.SALDO_MAKS_10_JUTA]: {
    passed: {
      id: ({ saldo }) => `Saldo JHT Anda Rp${saldo}, tidak lebih dari Rp10.000.000.`,
      en: ({ saldo }) => `Your JHT saldo is Rp${saldo}, not more than Rp10,000,000.`,
    },
    failed: {
      id: ({ saldo }) =>
        `Saldo JHT Anda Rp${saldo}, lebih dari Rp10.000.000. Ajukan klaim melalui Lapak Asik (lapakasik.bpjsketenagakerjaan.go.id) atau di kantor cabang BPJS Ketenagakerjaan.`,
      en: ({ saldo }) =>
        `Your JHT saldo is Rp${saldo}, more than Rp10,000,000. Claim through Lapak Asik (lapakasik.bpjsketenagakerjaan.go.id) or at a BPJS Ketenagakerjaan branch office.`,
    },
  },
  [KlaimEligibilityCode.PENGKINIAN_SELESAI]: {
    passed: { id: () => "Pengkinian data sudah terverifikasi.", en: () => "Your data update (pengkinian data) is verified." },
    failed: {
      id: () => "Pengkinian data belum terverifikasi. Lakukan Pengkinian Data di aplikasi JMO terlebih dahulu.",
      en: () => "Your data update is not verified yet. Complete Pengkinian Data in the JMO app first.",
    },
  },
  [KlaimEligibilityCode.STATUS_NONAKTIF]: {
    passed: { id: () => "Status kepesertaan kartu ini nonaktif.", en: () => "This card's membership is inactive (NONAKTIF)." },
    failed: {
      id: () =>
        "Kartu ini masih aktif. Klaim JHT karena mengundurkan diri atau PHK dapat diajukan setelah kepesertaan nonaktif; untuk sebab lain (misalnya usia 56 tahun) ajukan di kantor cabang BPJS Ketenagakerjaan.",
      en: () =>
        "This card is still active. A JHT claim for resignation or dismissal can be made once the membership is inactive; for other grounds (e.g. age 56) claim at a BPJS Ketenagakerjaan branch office.",
    },
  },
  [KlaimEligibilityCode.MASA_TUNGGU_1_BULAN]: {
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
  },
};

/** Rupiah for people: 7400000.50 → "7.400.000,50" (id) or "7,400,000.50" (en); whole amounts without decimals. */
export function formatRupiah(sen: bigint, locale: Locale): string {
  const negative = sen < 0n;
  const abs = negative ? -sen : sen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === "id" ? "." : ",");
  const cents = abs % 100n;
  const decimals = cents === 0n ? "" : (locale === "id" ? "," : ".") + cents.toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}${decimals}`;
}

export function eligibilityMessage(code: KlaimEligibilityCode, passed: boolean, locale: Locale, params: Params): string {
  return MESSAGES[code][passed ? "passed" : "failed"][locale](params);
}
