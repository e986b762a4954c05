// Loads the deterministic demo data (see dataset.ts) into a database, in one transaction.
import type { Db, Tx } from "../db/database.ts";
import { accounts, cards, contributions, employers, participants } from "../db/schema.ts";
import { hashPassword } from "../modules/accounts/password.ts";
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
}

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK_SIZE = 500;

/** Inserts the demo data into an empty database (a second run fails on the unique KPJs and rolls back). */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const dataset = await buildDemoDataset(options);
  const ledger = planContributions(dataset, options.seed ?? DEFAULT_SEED, options.today ?? todayUtc());
  // argon2id is slow on purpose; the demo accounts share one password, so one hash serves them all. It is
  // computed before the transaction opens so the transaction stays short.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const employerIds = await insertEmployers(tx, dataset);
    const participantIds = await insertParticipants(tx, dataset.participants);
    const cardIds = await insertCards(tx, dataset.participants, participantIds, employerIds);
    await insertContributions(tx, ledger, cardIds, employerIds);
    await insertAccounts(tx, dataset.accounts, participantIds, passwordHash);
  });
  return {
    participants: dataset.participants.length,
    cards: dataset.participants.reduce((sum, p) => sum + p.cards.length, 0),
    employers: dataset.employers.length,
    contributions: ledger.length,
    accounts: dataset.accounts.length,
  };
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
async function insertParticipants(tx: Tx, plans: ReadonlyArray<ParticipantPlan>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const chunk of chunks(plans)) {
    const values = chunk.map(({ cards: _cards, ...participant }) => participant);
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
): Promise<Map<string, string>> {
  const rows = plans.flatMap((p) =>
    p.cards.map((c) => ({
      participantId: c.linked ? idOf(participantIds, p.nik) : null,
      kpj: c.kpj,
      registeredNik: p.nik,
      registeredBirthDate: p.birthDate,
      segment: c.segment,
      status: c.status,
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
