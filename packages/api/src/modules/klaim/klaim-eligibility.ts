import { KlaimChannel, KlaimEligibilityCode } from "@jmo/schema";
import { addMonths } from "../../seed/calendar.ts";
import type { CardRow } from "../cards/card.table.ts";
import { KLAIM_JMO_SALDO_MAKS, ruleOn, type RuleTable } from "../rules/rule-book.ts";

/**
 * Whether a card's JHT can be claimed in JMO, per person and per card (issue 11, findings 1–3; domain.md "JHT claim"):
 *
 * - SALDO_MAKS_JMO: the participant's saldo over ALL their cards ("akumulasi saldo", seed 003) is at most the JMO
 *   limit in force on the claim date (rule KLAIM_JMO_SALDO_MAKS: Rp10 juta, Rp15 juta from 2025-05-01); it does not
 *   pass when the card has nothing to claim, so a Rp0 saldo never shows as a passed limit check;
 * - PENGKINIAN_SELESAI: pengkinian data TERVERIFIKASI;
 * - STATUS_NONAKTIF: this card is NONAKTIF;
 * - MASA_TUNGGU_1_BULAN: one calendar month (WIB) since it became NONAKTIF;
 * - TIDAK_BEKERJA_DI_TEMPAT_LAIN: no other card of the participant is AKTIF (resigned or dismissed *and not working
 *   anywhere*);
 * - SALDO_TERSEDIA: this card's saldo is above zero (a paid-out card cannot be claimed again);
 * - TIDAK_ADA_KLAIM_BERJALAN: no other claim of the participant is open (this card's own draft is resumed instead).
 *
 * The deprecated SALDO_MAKS_10_JUTA is no longer returned: SALDO_MAKS_JMO replaces it (docs/domain/rules.md).
 */
export const ELIGIBILITY_ORDER = [
  KlaimEligibilityCode.SALDO_MAKS_JMO,
  KlaimEligibilityCode.PENGKINIAN_SELESAI,
  KlaimEligibilityCode.STATUS_NONAKTIF,
  KlaimEligibilityCode.MASA_TUNGGU_1_BULAN,
  KlaimEligibilityCode.TIDAK_BEKERJA_DI_TEMPAT_LAIN,
  KlaimEligibilityCode.SALDO_TERSEDIA,
  KlaimEligibilityCode.TIDAK_ADA_KLAIM_BERJALAN,
] as const;

export interface EligibilityFacts {
  card: Pick<CardRow, "status" | "nonaktifSince">;
  /** The participant's other cards. */
  otherCards: ReadonlyArray<Pick<CardRow, "kpj" | "status">>;
  pengkinianStatus: string;
  /** This card's JHT saldo on the claim date. */
  cardSaldoSen: bigint;
  /** The participant's JHT saldo over all their cards on the claim date. */
  totalSaldoSen: bigint;
  /** An open claim of the participant that blocks a new one (on another card, or this card's once submitted). */
  blockingKlaim: { nomor: string } | null;
  /** The claim date (YYYY-MM-DD, WIB): the day the limit and the waiting month are taken for. */
  today: string;
}

export interface EligibilityEvaluation {
  checks: Array<{ code: KlaimEligibilityCode; passed: boolean }>;
  eligible: boolean;
  channel: KlaimChannel | null;
  /** This card's saldo. */
  saldoSen: bigint;
  totalSaldoSen: bigint;
  /** The JMO limit in force on `asOf`; null when the rule book has no figure for that day. */
  limitSen: bigint | null;
  asOf: string;
  /** First day (WIB) the one-month wait is over; null while the card is not NONAKTIF. */
  claimableFrom: string | null;
  /** An AKTIF other card's KPJ (for the message), if any. */
  activeKpj: string | null;
  blockingKlaimNomor: string | null;
}

/** The checks and the channel. Pure: every fact is given, the limit comes from the rule book by the claim date. */
export function evaluateEligibility(facts: EligibilityFacts, limits: RuleTable = KLAIM_JMO_SALDO_MAKS): EligibilityEvaluation {
  const { card, today } = facts;
  const nonaktif = card.status === "NONAKTIF";
  const claimableFrom = nonaktif && card.nonaktifSince ? addMonths(card.nonaktifSince, 1) : null;
  const waited = claimableFrom !== null && claimableFrom <= today;
  const active = facts.otherCards.find((c) => c.status === "AKTIF") ?? null;
  const hasSaldo = facts.cardSaldoSen > 0n;
  const lookup = ruleOn(limits, today);
  const limitSen = lookup.found ? lookup.rows[0]!.value : null;
  const withinLimit = limitSen !== null && hasSaldo && facts.totalSaldoSen <= limitSen;
  const passed: Record<(typeof ELIGIBILITY_ORDER)[number], boolean> = {
    [KlaimEligibilityCode.SALDO_MAKS_JMO]: withinLimit,
    [KlaimEligibilityCode.PENGKINIAN_SELESAI]: facts.pengkinianStatus === "TERVERIFIKASI",
    [KlaimEligibilityCode.STATUS_NONAKTIF]: nonaktif,
    [KlaimEligibilityCode.MASA_TUNGGU_1_BULAN]: waited,
    [KlaimEligibilityCode.TIDAK_BEKERJA_DI_TEMPAT_LAIN]: active === null,
    [KlaimEligibilityCode.SALDO_TERSEDIA]: hasSaldo,
    [KlaimEligibilityCode.TIDAK_ADA_KLAIM_BERJALAN]: facts.blockingKlaim === null,
  };
  const checks = ELIGIBILITY_ORDER.map((code) => ({ code, passed: passed[code] }));
  // Still working (this card or another AKTIF): resignation/PHK claims are not possible; other grounds (age 56, a
  // partial claim) go through a branch. In the waiting month, or with nothing to claim: nowhere yet. Otherwise the
  // participant's total saldo decides: JMO up to the limit (once the other checks pass), else Lapak Asik.
  const channel =
    !nonaktif || active
      ? KlaimChannel.KANTOR_CABANG
      : !waited || !hasSaldo
        ? null
        : limitSen === null
          ? KlaimChannel.KANTOR_CABANG
          : facts.totalSaldoSen <= limitSen
            ? KlaimChannel.JMO
            : KlaimChannel.LAPAK_ASIK;
  return {
    checks,
    eligible: checks.every((c) => c.passed),
    channel,
    saldoSen: facts.cardSaldoSen,
    totalSaldoSen: facts.totalSaldoSen,
    limitSen,
    asOf: today,
    claimableFrom,
    activeKpj: active?.kpj ?? null,
    blockingKlaimNomor: facts.blockingKlaim?.nomor ?? null,
  };
}

/**
 * The failed checks worth naming: a check that fails only because another did (the limit of a card with nothing to
 * claim, the waiting month of a card still AKTIF) is left out, so the member reads each problem once.
 */
export function failedChecks(evaluation: Pick<EligibilityEvaluation, "checks">): KlaimEligibilityCode[] {
  const failed = new Set(evaluation.checks.filter((c) => !c.passed).map((c) => c.code));
  if (failed.has(KlaimEligibilityCode.SALDO_TERSEDIA)) failed.delete(KlaimEligibilityCode.SALDO_MAKS_JMO);
  if (failed.has(KlaimEligibilityCode.STATUS_NONAKTIF)) failed.delete(KlaimEligibilityCode.MASA_TUNGGU_1_BULAN);
  return ELIGIBILITY_ORDER.filter((code) => failed.has(code));
}
