// Loads the deterministic demo data (see dataset.ts) into a database, in one transaction, in batches of participants.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
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
import { seedDemoPengaduan } from "../modules/pengaduan/pengaduan.demo.ts";
import { seedDemoNotifications } from "../modules/notifications/notifications.demo.ts";
import { seedDemoKecelakaan } from "../modules/kecelakaan/kecelakaan.demo.ts";
import { seedDemoBerita } from "../modules/berita/berita.demo.ts";
import { SYSTEM_ACTOR } from "../modules/audit/personal-data-audit.table.ts";
import { auditChanges, profileChanges, type ProfileChanges } from "../modules/pengkinian/pengkinian.record.ts";
import {
  streamDemoDataset,
  DEFAULT_SEED,
  type AccountPlan,
  type DemoDataset,
  type DemoDatasetStream,
  type ParticipantPlan,
  type SeedOptions,
} from "./dataset.ts";
import { bulkInsert, CHUNK_SIZE, skipForeignKeyChecks } from "./bulk-insert.ts";
import { todayUtc } from "./calendar.ts";
import { contributionPlanner, type ContributionPlan } from "./contributions.ts";

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

/** Participants generated, planned and written together: memory stays flat whatever the total. */
export const DEFAULT_BATCH_SIZE = 1_000;

export interface SeedProgress {
  participants: number;
  cards: number;
  contributions: number;
}

export interface SeedWriteOptions {
  /** Participants per batch (default DEFAULT_BATCH_SIZE); the data does not depend on it. */
  batchSize?: number;
  /** Called after each batch is written. */
  onProgress?: (progress: SeedProgress) => void;
}

/**
 * Inserts the demo data into an empty database, in one transaction (a second run fails on the unique KPJs and rolls
 * back), then vacuums and analyzes it. Participants are generated and written in batches (COPY), one batch drawn while
 * the one before is written, so memory does not grow with N.
 */
export async function seedDemoData(db: Db, options: SeedOptions, write: SeedWriteOptions = {}): Promise<SeedSummary> {
  const batchSize = write.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer: ${batchSize}`);
  const dataset = await streamDemoDataset(options);
  const today = options.today ?? todayUtc();
  const ledgerOf = contributionPlanner(options.seed ?? DEFAULT_SEED, today, dataset.employers);
  // argon2id is slow on purpose; the demo accounts share one password, so one hash serves them all. It is
  // computed before the transaction opens so the transaction stays short.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accountNiks = new Set(dataset.accounts.flatMap((a) => (a.participantNik === null ? [] : [a.participantNik])));
  const summary: SeedSummary = {
    participants: 0,
    cards: 0,
    employers: dataset.employers.length,
    contributions: 0,
    accounts: dataset.accounts.length,
    pengkinian: 0,
  };
  await db.transaction(async (tx) => {
    await skipForeignKeyChecks(tx);
    const employerIds = await insertEmployers(tx, dataset);
    const accountParticipantIds = new Map<string, string>();
    const writeBatch = async ({ participants: batch, ledger }: PlannedBatch): Promise<void> => {
      const firstPaid = firstPaidContributions(ledger, today);
      // What each verified pengkinian wrote to its participant's record, as the verifier computes it.
      const verified = new Map(
        batch.filter((p) => p.pengkinian?.status === "TERVERIFIKASI").map((p) => [p.nik, verifiedChanges(p)] as const),
      );
      const participantIds = await insertParticipants(tx, batch, verified);
      const cardIds = await insertCards(tx, batch, participantIds, employerIds, firstPaid);
      await insertContributions(tx, ledger, cardIds, employerIds);
      await insertPengkinian(tx, batch, participantIds, verified);
      for (const nik of accountNiks) if (participantIds.has(nik)) accountParticipantIds.set(nik, participantIds.get(nik)!);
      summary.participants += batch.length;
      summary.cards += cardIds.size;
      summary.contributions += ledger.length;
      summary.pengkinian += batch.filter((p) => p.pengkinian).length;
      write.onProgress?.({ participants: summary.participants, cards: summary.cards, contributions: summary.contributions });
    };
    // One batch is written while the next is drawn: the database ingests while this process computes.
    let writing: Promise<void> = Promise.resolve();
    for await (const batch of plannedBatches(dataset, ledgerOf, batchSize)) {
      await writing;
      writing = writeBatch(batch);
      // Awaited at the next batch or below; until then a failure must not count as unhandled.
      writing.catch(() => {});
    }
    await writing;
    await insertAccounts(tx, dataset.accounts, accountParticipantIds, passwordHash);
    // Issue 15: a kotak masuk history per persona (modules/notifications/notifications.demo.ts); before the pengaduan's,
    // which are newer (the list follows the order of writing).
    await seedDemoNotifications(tx, today);
    // Issue 15: Siti's open pengaduan (modules/pengaduan/pengaduan.demo.ts).
    await seedDemoPengaduan(tx, today);
    // Issue 15: Siti's work-accident report, verified (modules/kecelakaan/kecelakaan.demo.ts).
    await seedDemoKecelakaan(tx, today);
    // Issue 15: published news and promos, one scheduled article and one draft (modules/berita/berita.demo.ts).
    await seedDemoBerita(tx, today);
  });
  // Planner statistics and the visibility map for what was just loaded: until (auto)vacuum gets there, the home query's
  // reads of a 7.5M-row ledger were planned blind (22 req/s at c=10 on 100,000 participants, p50 466 ms).
  await db.execute(sql`vacuum (analyze)`);
  return summary;
}

interface PlannedBatch {
  participants: ParticipantPlan[];
  ledger: ContributionPlan[];
}

/** Participants drawn between two turns of the event loop (so a running COPY keeps streaming). */
const DRAW_SLICE = 25;

/**
 * The participants (the personas first) in batches with their ledger, drawn in dataset order (the ledger's faker
 * follows it). It yields to the event loop every DRAW_SLICE participants, so the previous batch's writes go on
 * while this one is drawn.
 */
async function* plannedBatches(
  dataset: DemoDatasetStream,
  ledgerOf: (participant: ParticipantPlan) => ContributionPlan[],
  batchSize: number,
): AsyncGenerator<PlannedBatch> {
  let batch: PlannedBatch = { participants: [], ledger: [] };
  const add = (p: ParticipantPlan) => {
    batch.participants.push(p);
    for (const row of ledgerOf(p)) batch.ledger.push(row);
  };
  dataset.demoParticipants.forEach(add);
  let drawn = 0;
  for (const p of dataset.generated) {
    if (batch.participants.length >= batchSize) {
      yield batch;
      batch = { participants: [], ledger: [] };
    }
    add(p);
    if (++drawn % DRAW_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (batch.participants.length > 0) yield batch;
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
async function insertEmployers(tx: Tx, dataset: Pick<DemoDataset, "employers">): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const chunk of chunks(dataset.employers)) {
    const rows = await tx.insert(employers).values(chunk).returning({ id: employers.id, npp: employers.npp });
    for (const row of rows) ids.set(row.npp, row.id);
  }
  return ids;
}

/** Returns the id of each participant by NIK. Ids stay random (crypto): they must not be guessable. */
async function insertParticipants(
  tx: Tx,
  plans: ReadonlyArray<ParticipantPlan>,
  verified: ReadonlyMap<string, ProfileChanges>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = plans.map(({ cards: _cards, pengkinian: _attempt, ...participant }) => ({
    id: newId(ids, participant.nik),
    ...participant,
    ...verified.get(participant.nik)?.columns,
  }));
  await bulkInsert(tx, participants, rows);
  return ids;
}

async function insertCards(
  tx: Tx,
  plans: ReadonlyArray<ParticipantPlan>,
  participantIds: ReadonlyMap<string, string>,
  employerIds: ReadonlyMap<string, string>,
  firstPaid: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = plans.flatMap((p) =>
    p.cards.map((c) => ({
      id: newId(ids, c.kpj),
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
  await bulkInsert(tx, cards, rows);
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
  await bulkInsert(tx, contributions, rows);
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
  const attempts = withAttempt.map((p) => {
    const a = p.pengkinian!;
    const submitted = new Date(a.submittedAt);
    const participantId = idOf(participantIds, p.nik);
    return {
      id: newId(attemptIds, participantId),
      participantId,
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
  await bulkInsert(tx, pengkinian, attempts);
  const events = withAttempt.flatMap((p) => {
    const a = p.pengkinian!;
    const participantId = idOf(participantIds, p.nik);
    const pengkinianId = idOf(attemptIds, participantId);
    const submitted = { pengkinianId, participantId, status: "DIAJUKAN" as const, createdAt: new Date(a.submittedAt) };
    return a.decidedAt ? [submitted, { pengkinianId, participantId, status: a.status, createdAt: new Date(a.decidedAt) }] : [submitted];
  });
  await bulkInsert(tx, pengkinianEvents, events);

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
  await bulkInsert(tx, familyMembers, family);
  await bulkInsert(tx, personalDataAudit, audit);
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

/** A fresh random id for the key, remembered in `ids`. */
function newId(ids: Map<string, string>, key: string): string {
  const id = randomUUID();
  ids.set(key, id);
  return id;
}

function chunks<T>(rows: ReadonlyArray<T>, size = CHUNK_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}
