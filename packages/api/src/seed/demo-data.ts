// Loads the deterministic demo data (see dataset.ts) into a database, in one transaction.
import type { Db, Tx } from "../db/database.ts";
import {
  accounts,
  cards,
  contributions,
  employers,
  familyMembers,
  participants,
  pengkinian,
  pengkinianEvents,
  personalDataAudit,
  PENGKINIAN_STEPS,
  type ParticipantRow,
  type PengkinianRow,
} from "../db/schema.ts";
import { hashPassword } from "../modules/accounts/password.ts";
import { SYSTEM_ACTOR } from "../modules/audit/personal-data-audit.table.ts";
import { auditChanges, profileChanges, type ProfileChanges } from "../modules/pengkinian/pengkinian.record.ts";
import { buildDemoDataset, DEFAULT_SEED, type AccountPlan, type DemoDataset, type ParticipantPlan, type SeedOptions } from "./dataset.ts";
import { todayUtc } from "./calendar.ts";
import { planContributions, type ContributionPlan } from "./contributions.ts";

export { DEMO_ACCOUNTS } from "./demo-personas.ts";
export { buildDemoDataset, DEFAULT_SEED, type DemoDataset, type SeedOptions } from "./dataset.ts";

export const DEMO_PASSWORD = "JmoDemo#2026";

export interface SeedSummary {
  participants: number;
  cards: number;
  employers: number;
  contributions: number;
  accounts: number;
  /** Pengkinian attempts (TERVERIFIKASI, DITOLAK or DIAJUKAN). */
  pengkinian: number;
}

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK_SIZE = 500;

/** Inserts the demo data into an empty database (a second run fails on the unique KPJs and rolls back). */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const dataset = await buildDemoDataset(options);
  const today = options.today ?? todayUtc();
  const ledger = planContributions(dataset, options.seed ?? DEFAULT_SEED, today);
  const firstPaid = firstPaidContributions(ledger, today);
  // What each verified pengkinian wrote to its participant's record, as the verifier computes it.
  const verified = new Map(
    dataset.participants.filter((p) => p.pengkinian?.status === "TERVERIFIKASI").map((p) => [p.nik, verifiedChanges(p)] as const),
  );
  // argon2id is slow on purpose; the demo accounts share one password, so one hash serves them all. It is
  // computed before the transaction opens so the transaction stays short.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const employerIds = await insertEmployers(tx, dataset);
    const participantIds = await insertParticipants(tx, dataset.participants, verified);
    const cardIds = await insertCards(tx, dataset.participants, participantIds, employerIds, firstPaid);
    await insertContributions(tx, ledger, cardIds, employerIds);
    await insertPengkinian(tx, dataset.participants, participantIds, verified);
    await insertAccounts(tx, dataset.accounts, participantIds, passwordHash);
  });
  return {
    participants: dataset.participants.length,
    cards: dataset.participants.reduce((sum, p) => sum + p.cards.length, 0),
    employers: dataset.employers.length,
    contributions: ledger.length,
    accounts: dataset.accounts.length,
    pengkinian: dataset.participants.filter((p) => p.pengkinian).length,
  };
}

/** KPJs whose first contribution was paid by today. */
function firstPaidContributions(ledger: ReadonlyArray<ContributionPlan>, today: string): Set<string> {
  return new Set(ledger.filter((c) => c.paidAt !== null && c.paidAt <= today).map((c) => c.kpj));
}

/**
 * The record before the pengkinian (no profile yet) compared with the verified attempt: the columns, family and audit
 * lines the verifier writes (pengkinian.record.ts). profileChanges reads only the profile columns of the row.
 */
function verifiedChanges(p: ParticipantPlan): ProfileChanges {
  const before = { ...p, cards: undefined, pengkinian: undefined } as unknown as ParticipantRow;
  const attempt = p.pengkinian!;
  const sections = { dataKontak: attempt.dataKontak, dataKependudukan: attempt.dataKependudukan, dataTambahan: attempt.dataTambahan };
  return profileChanges(before, [], sections as PengkinianRow);
}

/** Returns the generated id of each employer by NPP. */
async function insertEmployers(tx: Tx, dataset: DemoDataset): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const chunk of chunks(dataset.employers)) {
    const rows = await tx.insert(employers).values(chunk).returning({ id: employers.id, npp: employers.npp });
    for (const row of rows) ids.set(row.npp, row.id);
  }
  return ids;
}

/** Returns the generated id of each participant by NIK. Ids stay random: they must not be guessable. */
async function insertParticipants(
  tx: Tx,
  plans: ReadonlyArray<ParticipantPlan>,
  verified: ReadonlyMap<string, ProfileChanges>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const chunk of chunks(plans)) {
    const values = chunk.map(({ cards: _cards, pengkinian: _attempt, ...participant }) => ({
      ...participant,
      ...verified.get(participant.nik)?.columns,
    }));
    const rows = await tx.insert(participants).values(values).returning({ id: participants.id, nik: participants.nik });
    for (const row of rows) ids.set(row.nik, row.id);
  }
  return ids;
}

async function insertCards(
  tx: Tx,
  plans: ReadonlyArray<ParticipantPlan>,
  participantIds: ReadonlyMap<string, string>,
  employerIds: ReadonlyMap<string, string>,
  firstPaid: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const rows = plans.flatMap((p) =>
    p.cards.map((c) => ({
      participantId: c.linked ? idOf(participantIds, p.nik) : null,
      kpj: c.kpj,
      registeredNik: p.nik,
      registeredBirthDate: p.birthDate,
      segment: c.segment,
      // A self-registered BPU card waits for its first contribution before it is AKTIF (issue 11, finding 6).
      status: c.segment === "BPU" && c.status === "AKTIF" && !firstPaid.has(c.kpj) ? ("MENUNGGU_IURAN_PERTAMA" as const) : c.status,
      employerId: c.employerNpp === null ? null : idOf(employerIds, c.employerNpp),
      registeredAt: c.registeredAt,
      nonaktifSince: c.nonaktifSince,
    })),
  );
  const ids = new Map<string, string>();
  for (const chunk of chunks(rows)) {
    for (const row of await tx.insert(cards).values(chunk).returning({ id: cards.id, kpj: cards.kpj })) ids.set(row.kpj, row.id);
  }
  return ids;
}

async function insertContributions(
  tx: Tx,
  plans: ReadonlyArray<ContributionPlan>,
  cardIds: ReadonlyMap<string, string>,
  employerIds: ReadonlyMap<string, string>,
): Promise<void> {
  const rows = plans.map(({ kpj, employerNpp, ...c }) => ({
    ...c,
    cardId: idOf(cardIds, kpj),
    employerId: employerNpp === null ? null : idOf(employerIds, employerNpp),
  }));
  // 14 columns a row: 500 rows stay far below PostgreSQL's 65,535 bind parameters.
  for (const chunk of chunks(rows)) await tx.insert(contributions).values(chunk);
}

/**
 * Each participant's pengkinian attempt as the flow leaves it: the attempt with its sections and times, its status
 * events, and for a verified one the family members and the audit lines the verifier writes.
 */
async function insertPengkinian(
  tx: Tx,
  plans: ReadonlyArray<ParticipantPlan>,
  participantIds: ReadonlyMap<string, string>,
  verified: ReadonlyMap<string, ProfileChanges>,
): Promise<void> {
  const withAttempt = plans.filter((p) => p.pengkinian);
  const attemptIds = new Map<string, string>();
  for (const chunk of chunks(withAttempt)) {
    const rows = chunk.map((p) => {
      const a = p.pengkinian!;
      const submitted = new Date(a.submittedAt);
      return {
        participantId: idOf(participantIds, p.nik),
        status: a.status,
        completedSteps: [...PENGKINIAN_STEPS],
        dataKontak: a.dataKontak,
        dataKependudukan: a.dataKependudukan,
        dataTambahan: a.dataTambahan,
        consentAt: submitted,
        submittedAt: submitted,
        decideAfter: new Date(submitted.getTime() + 10_000),
        decidedAt: a.decidedAt ? new Date(a.decidedAt) : null,
        rejectionReason: a.rejectionReason,
        // start, KPJ, selfie, three sections and submit each wrote the row once; the decision once more.
        version: a.decidedAt ? 8 : 7,
        createdAt: new Date(a.startedAt),
        updatedAt: new Date(a.decidedAt ?? a.submittedAt),
      };
    });
    for (const row of await tx.insert(pengkinian).values(rows).returning({ id: pengkinian.id, participantId: pengkinian.participantId })) {
      attemptIds.set(row.participantId, row.id);
    }
  }
  const events = withAttempt.flatMap((p) => {
    const a = p.pengkinian!;
    const participantId = idOf(participantIds, p.nik);
    const pengkinianId = idOf(attemptIds, participantId);
    const submitted = { pengkinianId, participantId, status: "DIAJUKAN" as const, createdAt: new Date(a.submittedAt) };
    return a.decidedAt ? [submitted, { pengkinianId, participantId, status: a.status, createdAt: new Date(a.decidedAt) }] : [submitted];
  });
  for (const chunk of chunks(events)) await tx.insert(pengkinianEvents).values(chunk);

  const family: Array<typeof familyMembers.$inferInsert> = [];
  const audit: Array<typeof personalDataAudit.$inferInsert> = [];
  for (const p of withAttempt) {
    const changes = verified.get(p.nik);
    if (!changes) continue;
    const participantId = idOf(participantIds, p.nik);
    const at = new Date(p.pengkinian!.decidedAt!);
    (changes.spouse ?? []).forEach((m, position) => family.push({ participantId, relation: "SPOUSE", ...m, position }));
    (changes.children ?? []).forEach((m, position) => family.push({ participantId, relation: "CHILD", ...m, position }));
    const meta = { actor: SYSTEM_ACTOR, participantId, reason: "PENGKINIAN_TERVERIFIKASI", source: `pengkinian:${idOf(attemptIds, participantId)}` };
    for (const line of auditChanges(changes.audit, meta)) audit.push({ ...line, at });
  }
  for (const chunk of chunks(family)) await tx.insert(familyMembers).values(chunk);
  for (const chunk of chunks(audit)) await tx.insert(personalDataAudit).values(chunk);
}

async function insertAccounts(
  tx: Tx,
  plans: ReadonlyArray<AccountPlan>,
  participantIds: ReadonlyMap<string, string>,
  passwordHash: string,
): Promise<void> {
  const rows = plans.map((a) => ({
    participantId: a.participantNik === null ? null : idOf(participantIds, a.participantNik),
    role: a.role,
    email: a.email.toLowerCase(),
    phone: a.phone,
    passwordHash,
  }));
  for (const chunk of chunks(rows)) await tx.insert(accounts).values(chunk);
}

function idOf(ids: ReadonlyMap<string, string>, key: string): string {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`seed: no row was inserted for ${key}`);
  return id;
}

function chunks<T>(rows: ReadonlyArray<T>, size = CHUNK_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}
