import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { cards } from "../cards/card.table.ts";
import { participants, type ParticipantRow } from "../participants/participant.table.ts";
import { accounts } from "./account.table.ts";
import { registrations, type RegistrationRow } from "./registration.table.ts";

export const registrationRepository = {
  /** A registration that is still open (not completed, not expired), by the hash of its token. */
  async findOpenByTokenHash(db: DbOrTx, tokenHash: string): Promise<RegistrationRow | undefined> {
    return (
      await db
        .select()
        .from(registrations)
        .where(and(eq(registrations.tokenHash, tokenHash), isNull(registrations.completedAt), gt(registrations.expiresAt, sql`now()`)))
        .limit(1)
    )[0];
  },

  async insert(db: DbOrTx, values: typeof registrations.$inferInsert): Promise<RegistrationRow> {
    const [row] = await db.insert(registrations).values(values).returning();
    return row!;
  },

  async update(db: DbOrTx, id: string, set: Partial<typeof registrations.$inferInsert>): Promise<RegistrationRow> {
    const [row] = await db.update(registrations).set(set).where(eq(registrations.id, id)).returning();
    return row!;
  },

  /** Marks the registration completed; false when it already was (a second registrationComplete) or has expired. */
  async claimForCompletion(db: DbOrTx, id: string): Promise<boolean> {
    const rows = await db
      .update(registrations)
      .set({ completedAt: sql`now()` })
      .where(and(eq(registrations.id, id), isNull(registrations.completedAt), gt(registrations.expiresAt, sql`now()`)))
      .returning({ id: registrations.id });
    return rows.length === 1;
  },

  async participantByNik(db: DbOrTx, nik: string): Promise<ParticipantRow | undefined> {
    return (await db.select().from(participants).where(eq(participants.nik, nik)).limit(1))[0];
  },

  async participantById(db: DbOrTx, id: string): Promise<ParticipantRow | undefined> {
    return (await db.select().from(participants).where(eq(participants.id, id)).limit(1))[0];
  },

  /**
   * A WNA by the passport the employer registered: the number, and the country when the record has one (a record
   * without a country matches on the number alone). Null when none, or when two records would match.
   */
  async participantByPassport(db: DbOrTx, passportNumber: string, country: string): Promise<ParticipantRow | undefined> {
    const rows = await db.select().from(participants).where(eq(participants.passportNumber, passportNumber)).limit(5);
    const matching = rows.filter((p) => p.passportCountry === null || p.passportCountry === country);
    return matching.length === 1 ? matching[0] : undefined;
  },

  /** The card of this KPJ when it is on this participant's profile (its segment is checked against the choice). */
  async participantCardByKpj(db: DbOrTx, participantId: string, kpj: string): Promise<{ id: string; segment: string } | undefined> {
    return (
      await db
        .select({ id: cards.id, segment: cards.segment })
        .from(cards)
        .where(and(eq(cards.kpj, kpj), eq(cards.participantId, participantId)))
        .limit(1)
    )[0];
  },

  /** Whether the KPJ is a card on this participant's profile. */
  async participantHoldsKpj(db: DbOrTx, participantId: string, kpj: string): Promise<boolean> {
    const rows = await db.select({ id: cards.id }).from(cards).where(and(eq(cards.kpj, kpj), eq(cards.participantId, participantId))).limit(1);
    return rows.length === 1;
  },

  /** Whether any card (linked or not) was registered with this NIK. */
  async nikHasCards(db: DbOrTx, nik: string): Promise<boolean> {
    return (await db.select({ id: cards.id }).from(cards).where(eq(cards.registeredNik, nik)).limit(1)).length === 1;
  },

  async accountExistsFor(db: DbOrTx, where: { participantId?: string; email?: string; phone?: string }): Promise<boolean> {
    const condition = where.participantId
      ? eq(accounts.participantId, where.participantId)
      : where.email
        ? eq(accounts.email, where.email)
        : eq(accounts.phone, where.phone!);
    return (await db.select({ id: accounts.id }).from(accounts).where(condition).limit(1)).length === 1;
  },
};
