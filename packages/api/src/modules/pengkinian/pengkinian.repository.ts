import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/database.ts";
import { familyMembers, participants, type FamilyMemberRow, type ParticipantRow } from "../participants/participant.table.ts";
import { pengkinian, pengkinianEvents, type PengkinianRow } from "./pengkinian.table.ts";

const OPEN = sql`${pengkinian.status} in ('DRAFT', 'DIAJUKAN')`;

export const pengkinianRepository = {
  async findById(db: DbOrTx, id: string): Promise<PengkinianRow | undefined> {
    return (await db.select().from(pengkinian).where(eq(pengkinian.id, id)).limit(1))[0];
  },

  async findByIds(db: DbOrTx, ids: readonly string[]): Promise<PengkinianRow[]> {
    return db.select().from(pengkinian).where(inArray(pengkinian.id, [...ids]));
  },

  /** The open attempt (DRAFT or DIAJUKAN), locked for the rest of the transaction: one step at a time per draft. */
  async findOpenForUpdate(tx: DbOrTx, participantId: string): Promise<PengkinianRow | undefined> {
    const rows = await tx.select().from(pengkinian).where(and(eq(pengkinian.participantId, participantId), OPEN)).limit(1).for("update");
    return rows[0];
  },

  async findOpen(db: DbOrTx, participantId: string): Promise<PengkinianRow | undefined> {
    return (await db.select().from(pengkinian).where(and(eq(pengkinian.participantId, participantId), OPEN)).limit(1))[0];
  },

  /** Each participant's latest attempt (one statement for a batch of participants). */
  async findLatestByParticipantIds(db: DbOrTx, participantIds: readonly string[]): Promise<PengkinianRow[]> {
    return db
      .selectDistinctOn([pengkinian.participantId])
      .from(pengkinian)
      .where(inArray(pengkinian.participantId, [...participantIds]))
      .orderBy(pengkinian.participantId, desc(pengkinian.createdAt), desc(pengkinian.id));
  },

  /** Inserts a draft unless another one opened meanwhile (the partial unique index); undefined then. */
  async insertDraft(tx: DbOrTx, values: typeof pengkinian.$inferInsert): Promise<PengkinianRow | undefined> {
    const rows = await tx.insert(pengkinian).values(values).onConflictDoNothing().returning();
    return rows[0];
  },

  /** Every change bumps the version and the update time. */
  async update(tx: DbOrTx, id: string, set: PgUpdateSetSource<typeof pengkinian>): Promise<PengkinianRow> {
    const [row] = await tx
      .update(pengkinian)
      .set({ ...set, version: sql`${pengkinian.version} + 1`, updatedAt: sql`now()` })
      .where(eq(pengkinian.id, id))
      .returning();
    return row!;
  },

  /** Resets the strike counters of a participant's open draft (staff lifted the block). */
  async resetStrikes(tx: DbOrTx, participantId: string): Promise<void> {
    await tx
      .update(pengkinian)
      .set({ kpjAttemptsUsed: 0, biometricAttemptsUsed: 0, version: sql`${pengkinian.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(pengkinian.participantId, participantId), eq(pengkinian.status, "DRAFT")));
  },

  /**
   * One submitted attempt whose decision is due, locked; rows another instance is deciding are skipped, so no
   * attempt is decided twice.
   */
  async lockNextDue(tx: DbOrTx): Promise<PengkinianRow | undefined> {
    const rows = await tx
      .select()
      .from(pengkinian)
      .where(and(eq(pengkinian.status, "DIAJUKAN"), sql`${pengkinian.decideAfter} <= now()`))
      .orderBy(asc(pengkinian.decideAfter))
      .limit(1)
      .for("update", { skipLocked: true });
    return rows[0];
  },

  async insertEvent(tx: DbOrTx, values: typeof pengkinianEvents.$inferInsert) {
    const [row] = await tx.insert(pengkinianEvents).values(values).returning();
    return row!;
  },

  async findEvent(db: DbOrTx, id: string) {
    return (await db.select().from(pengkinianEvents).where(eq(pengkinianEvents.id, id)).limit(1))[0];
  },

  async lockParticipant(tx: DbOrTx, participantId: string): Promise<ParticipantRow | undefined> {
    return (await tx.select().from(participants).where(eq(participants.id, participantId)).limit(1).for("update"))[0];
  },

  async findParticipant(db: DbOrTx, participantId: string): Promise<ParticipantRow | undefined> {
    return (await db.select().from(participants).where(eq(participants.id, participantId)).limit(1))[0];
  },

  async updateParticipant(tx: DbOrTx, participantId: string, set: Partial<typeof participants.$inferInsert>): Promise<void> {
    if (Object.keys(set).length === 0) return;
    await tx.update(participants).set(set).where(eq(participants.id, participantId));
  },

  async familyOf(db: DbOrTx, participantId: string): Promise<FamilyMemberRow[]> {
    return db
      .select()
      .from(familyMembers)
      .where(eq(familyMembers.participantId, participantId))
      .orderBy(asc(familyMembers.relation), asc(familyMembers.position));
  },

  /** Replaces the participant's spouse or children with the given list. */
  async replaceFamily(tx: DbOrTx, participantId: string, relation: "SPOUSE" | "CHILD", members: { name: string; birthDate: string }[]): Promise<void> {
    await tx.delete(familyMembers).where(and(eq(familyMembers.participantId, participantId), eq(familyMembers.relation, relation)));
    if (members.length === 0) return;
    await tx.insert(familyMembers).values(members.map((m, position) => ({ participantId, relation, name: m.name, birthDate: m.birthDate, position })));
  },
};
