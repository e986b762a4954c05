import type { Database } from "../../db/database.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { cardRepository } from "../cards/card.repository.ts";
import type { ManfaatService } from "../manfaat/manfaat.service.ts";
import type { SegmentCode } from "../manfaat/manfaat.data.ts";
import { participantRepository } from "../participants/participant.repository.ts";
import { evaluateCandidate, type CandidateCard, type CandidateEvaluation } from "./klaim-program.candidate.ts";
import { CLAIM_PROGRAM_VERSIONS, type ClaimProgramCode, type ClaimProgramVersion } from "./klaim-program.data.ts";
import { klaimProgramRepository } from "./klaim-program.repository.ts";

/** A program's claim guidance on one day, with the day it stops applying. */
export interface ClaimProgramOnDay extends ClaimProgramVersion {
  until: string | null;
}

export interface KlaimProgramDeps {
  manfaat: ManfaatService;
  /** A BPU card's protection today (iuran BPU): whether it is paid up, and whether JHT was chosen. */
  bpuProtection: (auth: AuthInfo, cardId: string) => Promise<{ protected: boolean; jht: boolean }>;
}

/** Klaim program lain (docs/features/klaim-program.md): how JKM, JKK, JP and JKP are claimed, and whether a member is a candidate. */
export class KlaimProgramService {
  constructor(
    private readonly database: Database,
    private readonly deps: KlaimProgramDeps,
  ) {}

  /** The guidance in force on `date` (YYYY-MM-DD); null before the program's first recorded version. */
  programOn(program: ClaimProgramCode, date: string): ClaimProgramOnDay | null {
    const versions = CLAIM_PROGRAM_VERSIONS.filter((v) => v.program === program).sort((a, b) => a.from.localeCompare(b.from));
    const index = versions.findLastIndex((v) => v.from <= date);
    if (index < 0) return null;
    return { ...versions[index]!, until: versions[index + 1]?.from ?? null };
  }

  /**
   * The signed-in member's candidate answer on `date`, from their own participant record, cards, ledger, work-accident
   * reports and JHT claims. [D] Cards are taken as they are now (JMO keeps no history of a card's status besides
   * nonaktifSince); ledger rows count when paid on or before `date`.
   */
  async candidate(auth: AuthInfo, program: ClaimProgramCode, version: ClaimProgramVersion, date: string): Promise<CandidateEvaluation | null> {
    const participantId = auth.participantId;
    if (!participantId) return null;
    const db = this.database.db;
    const [participant] = await participantRepository.findByIds(db, [participantId]);
    if (!participant) return null;
    const cardRows = await cardRepository.findByParticipantIds(db, [participantId]);
    const [ledger, family, accidents, jhtClaims] = await Promise.all([
      klaimProgramRepository.ledger(db, cardRows.map((c) => c.id)),
      klaimProgramRepository.family(db, participantId),
      program === "JKK" ? klaimProgramRepository.accidents(db, participantId) : Promise.resolve([]),
      program === "JKP" ? klaimProgramRepository.jhtClaimReasons(db, participantId) : Promise.resolve([]),
    ]);
    const cards: CandidateCard[] = [];
    for (const c of cardRows) {
      const facts: { wni: boolean; bpu?: { protected: boolean; jht: boolean } } = { wni: participant.nationality !== "WNA" };
      if (c.status === "AKTIF" && c.segment === "BPU") facts.bpu = await this.deps.bpuProtection(auth, c.id);
      const covers = this.deps.manfaat.cardPrograms({ segment: c.segment as SegmentCode, status: c.status }, facts);
      cards.push({ id: c.id, kpj: c.kpj, segment: c.segment, status: c.status, registeredAt: c.registeredAt, nonaktifSince: c.nonaktifSince, covers });
    }
    return evaluateCandidate(
      program,
      {
        asOf: date,
        birthDate: participant.birthDate,
        nationality: participant.nationality,
        family: {
          spouse: family.some((f) => f.relation === "SPOUSE"),
          children: family.filter((f) => f.relation === "CHILD").length,
          verified: participant.pengkinianStatus === "TERVERIFIKASI",
        },
        cards,
        ledger: ledger.map((r) => ({ ...r, jp: Boolean(r.jp), jkm: Boolean(r.jkm) })),
        accidents,
        jhtClaims,
      },
      version,
      (day) => this.programOn(program, day),
    );
  }
}
