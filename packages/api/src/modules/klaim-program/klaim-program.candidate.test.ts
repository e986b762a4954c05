import { describe, expect, it } from "vitest";
import { addMonths } from "../../seed/calendar.ts";
import { ageOn, evaluateCandidate, statusOf, type CandidateCard, type CandidateFacts } from "./klaim-program.candidate.ts";
import { CLAIM_PROGRAM_VERSIONS, type ClaimProgramCode } from "./klaim-program.data.ts";
import { KlaimProgramService } from "./klaim-program.service.ts";

const service = new KlaimProgramService(null as never, null as never);
const versionOn = (program: ClaimProgramCode) => (day: string) => service.programOn(program, day);

function facts(overrides: Partial<CandidateFacts>): CandidateFacts {
  return {
    asOf: "2026-11-30",
    birthDate: "1990-01-01",
    nationality: "WNI",
    family: { spouse: false, children: 0, verified: false },
    cards: [],
    ledger: [],
    accidents: [],
    jhtClaims: [],
    ...overrides,
  };
}
const puCard = (spec: Partial<CandidateCard> = {}): CandidateCard => ({
  id: "c1",
  kpj: "21017345678",
  segment: "PU",
  status: "NONAKTIF",
  registeredAt: "2015-01-01",
  nonaktifSince: null,
  covers: [],
  ...spec,
});
/** `n` paid months ending the month before `untilMonth` (YYYY-MM-01). */
const paidBefore = (untilMonth: string, n: number, cardId = "c1") =>
  Array.from({ length: n }, (_, i) => {
    const period = addMonths(untilMonth, -(i + 1));
    return { cardId, period, paidAt: addMonths(period, 1), jp: true, jkm: true };
  });

describe("klaim program candidate", () => {
  it("ageOn counts whole years, a birthday on 29 February included", () => {
    expect(ageOn("1990-05-14", "2026-05-13")).toBe(35);
    expect(ageOn("1990-05-14", "2026-05-14")).toBe(36);
    expect(ageOn("2000-02-29", "2026-02-28")).toBe(26);
  });

  it("statusOf: a failed required check decides; unknown makes it possible; informative checks never decide", () => {
    const c = (result: "PASSED" | "FAILED" | "UNKNOWN", required = true) => ({ code: "JP_KEPESERTAAN" as const, result, required, params: {} });
    expect(statusOf([c("PASSED"), c("FAILED", false)])).toBe("CANDIDATE");
    expect(statusOf([c("PASSED"), c("UNKNOWN")])).toBe("POSSIBLE");
    expect(statusOf([c("UNKNOWN"), c("FAILED")])).toBe("NOT_CANDIDATE");
  });

  it("JP: 180 months at pension age → a monthly pension; 179 → a lump sum (PP 45/2015)", () => {
    const jp = CLAIM_PROGRAM_VERSIONS.find((v) => v.program === "JP")!;
    // Born 1970-06-10: pension age 60 on 2030-06-10; asked on 2031-01-01 with 180 months paid.
    const base = { asOf: "2031-01-01", birthDate: "1970-06-10", cards: [puCard()] };
    const monthly = evaluateCandidate("JP", facts({ ...base, ledger: paidBefore("2030-07-01", 180) }), jp, versionOn("JP"));
    expect(monthly).toMatchObject({ status: "CANDIDATE", pensionAge: 60, pensionDate: "2030-06-10", monthsPaid: 180, jpBenefitForm: "BULANAN", channel: "KANTOR_CABANG" });
    const lump = evaluateCandidate("JP", facts({ ...base, ledger: paidBefore("2030-07-01", 179) }), jp, versionOn("JP"));
    expect(lump).toMatchObject({ status: "CANDIDATE", jpBenefitForm: "SEKALIGUS" });
    // Months before JP began (July 2015) and months paid after asOf do not count.
    const early = evaluateCandidate("JP", facts({ ...base, asOf: "2016-01-31", ledger: paidBefore("2016-02-01", 12) }), jp, versionOn("JP"));
    expect(early.monthsPaid).toBe(6);
  });

  it("JKP: the deadline is the one in force on the PHK day (3 months before PP 6/2025, 6 months from 2025-02-07)", () => {
    const current = service.programOn("JKP", "2026-11-30")!;
    const run = (phk: string, asOf: string) =>
      evaluateCandidate("JKP", facts({ asOf, cards: [puCard({ nonaktifSince: phk })], ledger: paidBefore(phk, 24) }), current, versionOn("JKP"));
    expect(run("2025-01-15", "2025-05-01")).toMatchObject({ claimDeadline: "2025-04-15", status: "NOT_CANDIDATE" });
    expect(run("2025-03-01", "2025-08-01")).toMatchObject({ claimDeadline: "2025-09-01", status: "POSSIBLE" });
    // The deadline day itself still counts; the day after does not.
    expect(run("2025-03-01", "2025-09-01").status).toBe("POSSIBLE");
    expect(run("2025-03-01", "2025-09-02").status).toBe("NOT_CANDIDATE");
  });

  it("JKP: 11 paid months in the window is one short; registered at 54 or older is out", () => {
    const current = service.programOn("JKP", "2026-11-30")!;
    const phk = "2026-10-01";
    const short = evaluateCandidate("JKP", facts({ cards: [puCard({ nonaktifSince: phk })], ledger: paidBefore(phk, 11) }), current, versionOn("JKP"));
    expect(short.checks.find((c) => c.code === "JKP_MASA_IUR")).toMatchObject({ result: "FAILED", params: { months: 11, need: 12, window: 24 } });
    const old = evaluateCandidate(
      "JKP",
      facts({ birthDate: "1960-01-01", cards: [puCard({ registeredAt: "2014-06-01", nonaktifSince: phk })], ledger: paidBefore(phk, 24) }),
      current,
      versionOn("JKP"),
    );
    expect(old.checks.find((c) => c.code === "JKP_USIA_SAAT_DAFTAR")).toMatchObject({ result: "FAILED", params: { age: 54, max: 54 } });
  });

  it("every data version has sources on each row and JKP figures read from the data", () => {
    for (const v of CLAIM_PROGRAM_VERSIONS) {
      for (const row of [...v.claimants, ...v.conditions, ...v.documents, ...v.channels]) expect(row.sources.length, `${v.program} ${v.from}`).toBeGreaterThan(0);
    }
    expect(service.programOn("JKP", "2025-02-06")!.jkp!.claimWithinMonths).toBe(3);
    expect(service.programOn("JKP", "2025-02-07")!.jkp!.claimWithinMonths).toBe(6);
  });
});
