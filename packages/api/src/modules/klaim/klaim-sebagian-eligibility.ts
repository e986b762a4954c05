import { KlaimEligibilityCode } from "@jmo/schema";
import { addMonths } from "../../seed/calendar.ts";
import type { CardRow } from "../cards/card.table.ts";
import { KLAIM_JMO_SALDO_MAKS, ruleOn, type RuleTable } from "../rules/rule-book.ts";
import { PERSENTASE_KLAIM } from "./klaim.table.ts";

/**
 * Klaim JHT sebagian (docs/domain/klaim-sebagian.md): 10% for any need or 30% for housing, once per membership,
 * after at least 10 years of membership, while the member may still be working.
 *
 * - MASA_KEPESERTAAN_10_TAHUN: 10 years since the earliest registration over all the member's cards (one NIK, every
 *   card linked to the participant; a BPU card still waiting for its first contribution does not count) [D];
 * - BELUM_PERNAH_KLAIM_SEBAGIAN: no partial claim of the member that was not rejected or cancelled (the DB's
 *   klaims_one_sebagian_per_participant index enforces the same under a race);
 * - PENGKINIAN_SELESAI: pengkinian data TERVERIFIKASI, as for the full claim;
 * - SALDO_TERSEDIA: the card's saldo is above zero;
 * - JUMLAH_MAKS_JMO: the amount claimed (not the saldo) is above zero and at most the JMO limit of the day [D];
 * - TIDAK_ADA_KLAIM_BERJALAN: no other claim of the member in progress (this card's own partial draft is resumed).
 */
export const SEBAGIAN_ORDER = [
  KlaimEligibilityCode.MASA_KEPESERTAAN_10_TAHUN,
  KlaimEligibilityCode.BELUM_PERNAH_KLAIM_SEBAGIAN,
  KlaimEligibilityCode.PENGKINIAN_SELESAI,
  KlaimEligibilityCode.SALDO_TERSEDIA,
  KlaimEligibilityCode.JUMLAH_MAKS_JMO,
  KlaimEligibilityCode.TIDAK_ADA_KLAIM_BERJALAN,
] as const;

export type JenisSebagian = "SEBAGIAN_10" | "SEBAGIAN_30";

/** Years of membership a partial claim needs (PP 46/2015 art. 22(4)). */
export const MASA_KEPESERTAAN_MIN_TAHUN = 10;

export interface MasaKepesertaanValue {
  since: string | null;
  years: number;
  months: number;
  tenYearsOn: string | null;
  remainingYears: number;
  remainingMonths: number;
}

/** Whole months from `from` to `to` (both YYYY-MM-DD), counting a month only once its day is reached. */
function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd && addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}

/**
 * Masa kepesertaan on `today`: from the earliest registration over the cards. What is left until 10 years counts a
 * started month as a whole one, so "1 bulan lagi" never shows on the day before the date is reached plus a month.
 */
export function masaKepesertaan(cards: ReadonlyArray<Pick<CardRow, "registeredAt" | "status">>, today: string): MasaKepesertaanValue {
  const counted = cards.filter((c) => c.status !== "MENUNGGU_IURAN_PERTAMA").map((c) => c.registeredAt).sort();
  const since = counted[0] ?? null;
  if (!since) return { since: null, years: 0, months: 0, tenYearsOn: null, remainingYears: MASA_KEPESERTAAN_MIN_TAHUN, remainingMonths: 0 };
  const done = since <= today ? wholeMonths(since, today) : 0;
  const tenYearsOn = addMonths(since, MASA_KEPESERTAAN_MIN_TAHUN * 12);
  let left = 0;
  if (tenYearsOn > today) {
    left = wholeMonths(today, tenYearsOn);
    if (addMonths(today, left) < tenYearsOn) left += 1;
  }
  return { since, years: Math.floor(done / 12), months: done % 12, tenYearsOn, remainingYears: Math.floor(left / 12), remainingMonths: left % 12 };
}

/** floor(saldo × persentase / 100), to the sen (never more than the share). */
export function jumlahSebagian(saldoSen: bigint, jenis: JenisSebagian): bigint {
  if (saldoSen <= 0n) return 0n;
  return (saldoSen * BigInt(PERSENTASE_KLAIM[jenis])) / 100n;
}

export interface SebagianFacts {
  jenis: JenisSebagian;
  /** Every card of the member (for the membership period). */
  cards: ReadonlyArray<Pick<CardRow, "registeredAt" | "status">>;
  pengkinianStatus: string;
  cardSaldoSen: bigint;
  /** The member's earlier partial claim that was not rejected or cancelled (another than the one being checked). */
  previousSebagian: { nomor: string } | null;
  /** Another claim of the member in progress. */
  blockingKlaim: { nomor: string } | null;
  today: string;
}

export interface SebagianEvaluation {
  jenis: JenisSebagian;
  checks: Array<{ code: KlaimEligibilityCode; passed: boolean }>;
  eligible: boolean;
  masa: MasaKepesertaanValue;
  persentase: number;
  saldoSen: bigint;
  jumlahSen: bigint;
  limitSen: bigint | null;
  asOf: string;
  previousNomor: string | null;
  blockingKlaimNomor: string | null;
}

export function evaluateSebagian(facts: SebagianFacts, limits: RuleTable = KLAIM_JMO_SALDO_MAKS): SebagianEvaluation {
  const masa = masaKepesertaan(facts.cards, facts.today);
  const jumlahSen = jumlahSebagian(facts.cardSaldoSen, facts.jenis);
  const lookup = ruleOn(limits, facts.today);
  const limitSen = lookup.found ? lookup.rows[0]!.value : null;
  const passed: Record<(typeof SEBAGIAN_ORDER)[number], boolean> = {
    [KlaimEligibilityCode.MASA_KEPESERTAAN_10_TAHUN]: masa.tenYearsOn !== null && masa.tenYearsOn <= facts.today,
    [KlaimEligibilityCode.BELUM_PERNAH_KLAIM_SEBAGIAN]: facts.previousSebagian === null,
    [KlaimEligibilityCode.PENGKINIAN_SELESAI]: facts.pengkinianStatus === "TERVERIFIKASI",
    [KlaimEligibilityCode.SALDO_TERSEDIA]: facts.cardSaldoSen > 0n,
    [KlaimEligibilityCode.JUMLAH_MAKS_JMO]: limitSen !== null && jumlahSen > 0n && jumlahSen <= limitSen,
    [KlaimEligibilityCode.TIDAK_ADA_KLAIM_BERJALAN]: facts.blockingKlaim === null,
  };
  const checks = SEBAGIAN_ORDER.map((code) => ({ code, passed: passed[code] }));
  return {
    jenis: facts.jenis,
    checks,
    eligible: checks.every((c) => c.passed),
    masa,
    persentase: PERSENTASE_KLAIM[facts.jenis],
    saldoSen: facts.cardSaldoSen,
    jumlahSen,
    limitSen,
    asOf: facts.today,
    previousNomor: facts.previousSebagian?.nomor ?? null,
    blockingKlaimNomor: facts.blockingKlaim?.nomor ?? null,
  };
}

/** The failed checks worth naming: the limit of a card with nothing to claim is left out (SALDO_TERSEDIA says it). */
export function failedSebagian(e: Pick<SebagianEvaluation, "checks">): KlaimEligibilityCode[] {
  const failed = new Set(e.checks.filter((c) => !c.passed).map((c) => c.code));
  if (failed.has(KlaimEligibilityCode.SALDO_TERSEDIA)) failed.delete(KlaimEligibilityCode.JUMLAH_MAKS_JMO);
  return SEBAGIAN_ORDER.filter((code) => failed.has(code));
}
