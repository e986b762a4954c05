// Whether a member's own cards make them a candidate for a JKM, JKK, JP or JKP claim (docs/features/klaim-program.md).
// Pure: every fact is given (the service reads them), the figures come from the dated data version and the JP pension
// age from PP 45/2015 art. 15 (simulasi/jp-pension.ts). Words are rendered elsewhere (klaim-program.messages.ts).
import { addMonths } from "../../seed/calendar.ts";
import type { ChannelCode, ProgramCode } from "../manfaat/manfaat.data.ts";
import { anniversary } from "../simulasi/jht-projection.ts";
import { JP_START, pensionAgeFor } from "../simulasi/jp-pension.ts";
import type { ClaimProgramCode, ClaimProgramVersion } from "./klaim-program.data.ts";

export type CheckCode =
  | "JKM_DILINDUNGI"
  | "JKM_MASA_IUR_BEASISWA"
  | "JKM_AHLI_WARIS_TERCATAT"
  | "JKK_DILINDUNGI"
  | "JKK_LAPORAN_KECELAKAAN"
  | "JP_KEPESERTAAN"
  | "JP_USIA_PENSIUN"
  | "JP_MASA_IUR_15_TAHUN"
  | "JKP_PENERIMA_UPAH_WNI"
  | "JKP_USIA_SAAT_DAFTAR"
  | "JKP_TIDAK_BEKERJA"
  | "JKP_PHK"
  | "JKP_MASA_IUR"
  | "JKP_IURAN_BERTURUT"
  | "JKP_BATAS_PENGAJUAN";
export type CheckResult = "PASSED" | "FAILED" | "UNKNOWN";
export type CandidateStatus = "CANDIDATE" | "POSSIBLE" | "NOT_CANDIDATE" | "HEIRS_ONLY";

/** What a check's words are built from (dates YYYY-MM-DD, counts). */
export type CheckParams = Record<string, string | number | boolean | null>;

export interface CheckOutcome {
  code: CheckCode;
  result: CheckResult;
  /** False: informative, it does not decide the status. */
  required: boolean;
  params: CheckParams;
}

export interface CandidateCard {
  id: string;
  kpj: string;
  segment: "PU" | "BPU" | "JAKON" | "PMI";
  status: "AKTIF" | "NONAKTIF" | "MENUNGGU_IURAN_PERTAMA";
  registeredAt: string;
  nonaktifSince: string | null;
  /** What the card covers today (ManfaatService.cardPrograms: AKTIF; BPU paid up). */
  covers: readonly ProgramCode[];
}

export interface CandidateFacts {
  /** The day asked about (YYYY-MM-DD). */
  asOf: string;
  birthDate: string;
  nationality: "WNI" | "WNA";
  /** Spouse and children on the verified record (pengkinian). */
  family: { spouse: boolean; children: number; verified: boolean };
  cards: readonly CandidateCard[];
  /** Contribution rows: first day of the month, the day paid (null: unpaid), which programs it carried. */
  ledger: ReadonlyArray<{ cardId: string; period: string; paidAt: string | null; jp: boolean; jkm: boolean }>;
  /** The member's work-accident reports. */
  accidents: ReadonlyArray<{ cardId: string; nomor: string; status: string }>;
  /** JHT claims with the reason the member gave (MENGUNDURKAN_DIRI or PHK), for the JKP PHK check. */
  jhtClaims: ReadonlyArray<{ cardId: string; sebab: string; status: string }>;
}

export interface CandidateEvaluation {
  status: CandidateStatus;
  checks: CheckOutcome[];
  channel: ChannelCode | null;
  needsBranchVisit: boolean;
  monthsPaid: number | null;
  age: number | null;
  pensionAge: number | null;
  pensionDate: string | null;
  jpBenefitForm: "BULANAN" | "SEKALIGUS" | null;
  phkDate: string | null;
  claimDeadline: string | null;
}

const monthOf = (date: string) => date.slice(0, 7);

/** Whole years from `birthDate` to `day`. */
export function ageOn(birthDate: string, day: string): number {
  let years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (anniversary(birthDate, years) > day) years -= 1;
  return years;
}

/** Distinct months (YYYY-MM) paid by `asOf`, of the rows `keep` selects. */
function paidMonths(facts: CandidateFacts, keep: (row: CandidateFacts["ledger"][number]) => boolean): Set<string> {
  const months = new Set<string>();
  for (const row of facts.ledger) if (row.paidAt !== null && row.paidAt <= facts.asOf && keep(row)) months.add(monthOf(row.period));
  return months;
}

/** Required checks decide: one FAILED → NOT_CANDIDATE; one UNKNOWN → POSSIBLE; else CANDIDATE. */
export function statusOf(checks: readonly CheckOutcome[]): CandidateStatus {
  const required = checks.filter((c) => c.required);
  if (required.some((c) => c.result === "FAILED")) return "NOT_CANDIDATE";
  if (required.some((c) => c.result === "UNKNOWN")) return "POSSIBLE";
  return "CANDIDATE";
}

const base = (status: CandidateStatus, checks: CheckOutcome[]): CandidateEvaluation => ({
  status,
  checks,
  channel: null,
  needsBranchVisit: false,
  monthsPaid: null,
  age: null,
  pensionAge: null,
  pensionDate: null,
  jpBenefitForm: null,
  phkDate: null,
  claimDeadline: null,
});

function jkm(facts: CandidateFacts, version: ClaimProgramVersion): CandidateEvaluation {
  const protectedBy = facts.cards.find((c) => c.covers.includes("JKM")) ?? null;
  const months = paidMonths(facts, (r) => r.jkm).size;
  const need = version.jkm!.beasiswaMinMonths;
  const { spouse, children, verified } = facts.family;
  const checks: CheckOutcome[] = [
    { code: "JKM_DILINDUNGI", result: protectedBy ? "PASSED" : "FAILED", required: false, params: { segment: protectedBy?.segment ?? null } },
    { code: "JKM_MASA_IUR_BEASISWA", result: months >= need ? "PASSED" : "FAILED", required: false, params: { months, need, left: Math.max(0, need - months) } },
    {
      code: "JKM_AHLI_WARIS_TERCATAT",
      result: verified && (spouse || children > 0) ? "PASSED" : "UNKNOWN",
      required: false,
      params: { spouse, children, verified },
    },
  ];
  // The member is never the claimant: the heirs claim at a branch, through Lapak Asik.
  return { ...base("HEIRS_ONLY", checks), channel: "LAPAK_ASIK", needsBranchVisit: true, monthsPaid: months };
}

function jkk(facts: CandidateFacts): CandidateEvaluation {
  const covered = facts.cards.find((c) => c.covers.includes("JKK")) ?? null;
  const live = facts.accidents.find((a) => a.status !== "DITOLAK") ?? null;
  const refused = facts.accidents.find((a) => a.status === "DITOLAK") ?? null;
  const checks: CheckOutcome[] = [
    // A report could only be made on an AKTIF card: the accident happened while protected, even if the card stopped since.
    { code: "JKK_DILINDUNGI", result: covered || live ? "PASSED" : "FAILED", required: true, params: { covered: covered !== null, reported: live !== null } },
    {
      code: "JKK_LAPORAN_KECELAKAAN",
      result: live ? "PASSED" : refused ? "FAILED" : "UNKNOWN",
      required: true,
      params: { nomor: live?.nomor ?? refused?.nomor ?? null, status: live?.status ?? refused?.status ?? null },
    },
  ];
  const status = statusOf(checks);
  // Reported: the santunan is claimed at a branch. Protected with nothing reported: report first (JMO or the employer).
  const channel: ChannelCode | null = status === "CANDIDATE" ? "KANTOR_CABANG" : status === "POSSIBLE" ? "JMO" : null;
  return { ...base(status, checks), channel, needsBranchVisit: channel === "KANTOR_CABANG" };
}

function jp(facts: CandidateFacts, version: ClaimProgramVersion): CandidateEvaluation {
  const months = paidMonths(facts, (r) => r.jp && monthOf(r.period) >= JP_START).size;
  const pension = pensionAgeFor(facts.birthDate);
  const age = ageOn(facts.birthDate, facts.asOf);
  const reached = facts.asOf >= pension.date;
  const need = version.jp!.monthlyPensionMinMonths;
  const stillWorking = facts.cards.some((c) => c.segment === "PU" && c.status === "AKTIF");
  const form = months >= need ? "BULANAN" : "SEKALIGUS";
  const checks: CheckOutcome[] = [
    { code: "JP_KEPESERTAAN", result: months > 0 ? "PASSED" : "FAILED", required: true, params: { months } },
    {
      code: "JP_USIA_PENSIUN",
      result: reached ? "PASSED" : "FAILED",
      required: true,
      params: { age, pensionAge: pension.age, pensionDate: pension.date, stillWorking, deferUntil: anniversary(pension.date, version.jp!.deferMaxYears) },
    },
  ];
  // Monthly or lump sum says something only once there is something paid.
  if (months > 0) checks.push({ code: "JP_MASA_IUR_15_TAHUN", result: months >= need ? "PASSED" : "FAILED", required: false, params: { months, need, left: Math.max(0, need - months) } });
  const status = statusOf(checks);
  return {
    ...base(status, checks),
    channel: status === "CANDIDATE" ? "KANTOR_CABANG" : null,
    needsBranchVisit: status === "CANDIDATE",
    monthsPaid: months,
    age,
    pensionAge: pension.age,
    pensionDate: pension.date,
    jpBenefitForm: months > 0 ? form : null,
  };
}

/**
 * JKP. The PHK day is taken as the nonaktifSince of the wage-earner card that stopped last ([D]: JMO records no
 * dismissal date); the deadline follows the version in force on that day (`versionOn`); the reason (PHK or
 * resignation) is known only when a JHT claim on that card recorded it.
 */
function jkp(facts: CandidateFacts, versionOn: (day: string) => ClaimProgramVersion | null, current: ClaimProgramVersion): CandidateEvaluation {
  const pu = facts.cards.filter((c) => c.segment === "PU");
  const working = pu.find((c) => c.status === "AKTIF") ?? null;
  const stopped = pu
    .filter((c) => c.status === "NONAKTIF" && c.nonaktifSince !== null && c.nonaktifSince <= facts.asOf)
    .sort((a, b) => (a.nonaktifSince! < b.nonaktifSince! ? 1 : -1))[0] ?? null;
  const phkCard = working ? null : stopped;
  const lastRegistered = [...pu].sort((a, b) => (a.registeredAt < b.registeredAt ? 1 : -1))[0] ?? null;
  const rules = (phkCard ? versionOn(phkCard.nonaktifSince!) : null)?.jkp ?? current.jkp!;
  const checks: CheckOutcome[] = [
    { code: "JKP_PENERIMA_UPAH_WNI", result: pu.length > 0 && facts.nationality === "WNI" ? "PASSED" : "FAILED", required: true, params: { pu: pu.length > 0, wni: facts.nationality === "WNI" } },
  ];
  if (lastRegistered) {
    const ageThen = ageOn(facts.birthDate, lastRegistered.registeredAt);
    checks.push({ code: "JKP_USIA_SAAT_DAFTAR", result: ageThen < rules.maxAgeAtRegistration ? "PASSED" : "FAILED", required: true, params: { age: ageThen, max: rules.maxAgeAtRegistration, registeredAt: lastRegistered.registeredAt } });
  }
  if (pu.length > 0) checks.push({ code: "JKP_TIDAK_BEKERJA", result: working ? "FAILED" : "PASSED", required: true, params: { kpj: working?.kpj ?? null } });
  const out = base("NOT_CANDIDATE", checks);
  if (phkCard) {
    const phkDate = phkCard.nonaktifSince!;
    const claim = facts.jhtClaims.find((k) => k.cardId === phkCard.id && k.status !== "DIBATALKAN" && k.status !== "DITOLAK");
    checks.push({
      code: "JKP_PHK",
      result: claim?.sebab === "PHK" ? "PASSED" : claim?.sebab === "MENGUNDURKAN_DIRI" ? "FAILED" : "UNKNOWN",
      required: true,
      params: { kpj: phkCard.kpj, phkDate, sebab: claim?.sebab ?? null },
    });
    // Paid months in the window before the PHK month, on any wage-earner card.
    const puIds = new Set(pu.map((c) => c.id));
    const paid = paidMonths(facts, (r) => puIds.has(r.cardId));
    const phkMonth = `${monthOf(phkDate)}-01`;
    const window = Array.from({ length: rules.windowMonths }, (_, i) => monthOf(addMonths(phkMonth, -(i + 1))));
    const inWindow = window.filter((m) => paid.has(m)).length;
    const lastRun = window.slice(0, rules.consecutiveMonths);
    const missing = lastRun.filter((m) => !paid.has(m)).sort();
    checks.push({ code: "JKP_MASA_IUR", result: inWindow >= rules.minMonthsPaid ? "PASSED" : "FAILED", required: true, params: { months: inWindow, need: rules.minMonthsPaid, window: rules.windowMonths } });
    checks.push({
      code: "JKP_IURAN_BERTURUT",
      result: missing.length === 0 ? "PASSED" : "FAILED",
      required: true,
      params: { need: rules.consecutiveMonths, missing: missing.join(", ") || null },
    });
    // [D] The deadline day itself still counts.
    const deadline = addMonths(phkDate, rules.claimWithinMonths);
    checks.push({ code: "JKP_BATAS_PENGAJUAN", result: facts.asOf <= deadline ? "PASSED" : "FAILED", required: true, params: { deadline, within: rules.claimWithinMonths, phkDate } });
    out.phkDate = phkDate;
    out.claimDeadline = deadline;
    out.monthsPaid = inWindow;
  }
  out.status = phkCard ? statusOf(checks) : "NOT_CANDIDATE";
  out.channel = out.status === "NOT_CANDIDATE" ? null : "SIAP_KERJA";
  return out;
}

/** The candidate answer for one program on `facts.asOf`. */
export function evaluateCandidate(
  program: ClaimProgramCode,
  facts: CandidateFacts,
  version: ClaimProgramVersion,
  versionOn: (day: string) => ClaimProgramVersion | null,
): CandidateEvaluation {
  switch (program) {
    case "JKM":
      return jkm(facts, version);
    case "JKK":
      return jkk(facts);
    case "JP":
      return jp(facts, version);
    case "JKP":
      return jkp(facts, versionOn, version);
  }
}
