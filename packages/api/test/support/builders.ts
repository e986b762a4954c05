import { randomInt } from "node:crypto";
import type { Db } from "../../src/db/database.ts";
import { accounts, cards, contributions, employers, participants, type CardRow, type EmployerRow, type ParticipantRow } from "../../src/db/schema.ts";
import { contributionFor } from "../../src/modules/saldo/contribution-rules.ts";
import { addMonths } from "../../src/seed/calendar.ts";
import { hashPassword } from "../../src/modules/accounts/password.ts";

export const TEST_PASSWORD = "Rahasia#2026";
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

let counter = 0;
const next = () => ++counter;
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

type CardOverrides = Partial<Omit<typeof cards.$inferInsert, "participantId">>;
type ParticipantOverrides = Partial<typeof participants.$inferInsert>;

export interface BuiltParticipant {
  participant: ParticipantRow;
  cards: CardRow[];
  /** Sign-in identifier (email), when built withAccount(). */
  email: string | null;
  accountId: string | null;
}

/**
 * Small fixture builders (not the demo seed): `seed.participant().withCard({ status: "NONAKTIF" }).withAccount().build()`.
 */
export function builders(db: Db) {
  async function employer(overrides: Partial<typeof employers.$inferInsert> = {}): Promise<EmployerRow> {
    const n = next();
    const [row] = await db.insert(employers).values({ npp: digits(8), name: `PT Uji Coba ${n}`, ...overrides }).returning();
    return row!;
  }

  function participant(overrides: ParticipantOverrides = {}) {
    const cardSpecs: CardOverrides[] = [];
    let account: { email?: string; phone?: string | null } | null = null;
    const builder = {
      withCard(spec: CardOverrides = {}) {
        cardSpecs.push(spec);
        return builder;
      },
      withAccount(spec: { email?: string; phone?: string | null } = {}) {
        account = spec;
        return builder;
      },
      async build(): Promise<BuiltParticipant> {
        const n = next();
        const [p] = await db
          .insert(participants)
          .values({
            nik: `3174${digits(12)}`,
            fullName: `Peserta Uji ${n}`,
            birthPlace: "Jakarta",
            birthDate: "1990-05-17",
            gender: "LAKI_LAKI",
            ...overrides,
          })
          .returning();
        const built: CardRow[] = [];
        for (const [i, spec] of cardSpecs.entries()) {
          const employerId = spec.employerId !== undefined ? spec.employerId : spec.segment === "BPU" ? null : (await employer()).id;
          const [c] = await db
            .insert(cards)
            .values({
              participantId: p!.id,
              kpj: `2${digits(10)}`,
              segment: "PU",
              status: "AKTIF",
              registeredAt: `201${i}-01-0${(i % 9) + 1}`,
              registeredNik: p!.nik,
              registeredBirthDate: p!.birthDate,
              ...spec,
              employerId,
            })
            .returning();
          built.push(c!);
        }
        let email: string | null = null;
        let accountId: string | null = null;
        if (account) {
          const spec = account as { email?: string; phone?: string | null };
          email = spec.email ?? `peserta${n}.${digits(4)}@example.test`;
          const [a] = await db
            .insert(accounts)
            .values({ participantId: p!.id, email, phone: spec.phone ?? null, passwordHash: await testPasswordHash() })
            .returning();
          accountId = a!.id;
        }
        return { participant: p!, cards: built, email, accountId };
      },
    };
    return builder;
  }

  /** Monthly PU contributions for a card: `months` months from `from` (YYYY-MM) at a fixed wage (rupiah). */
  async function contributionsFor(cardId: string, spec: { from: string; months: number; wage: number; employerId?: string | null }) {
    const rows = Array.from({ length: spec.months }, (_, i) => {
      const period = `${addMonths(`${spec.from}-01`, i)}`;
      const wageSen = BigInt(spec.wage) * 100n;
      return { cardId, period, wageSen, employerId: spec.employerId ?? null, paidAt: `${addMonths(period, 1).slice(0, 7)}-10`, ...contributionFor("PU", wageSen, period, { jpCapBeyondTable: "LATEST_ASSUMED" }) };
    });
    for (let i = 0; i < rows.length; i += 500) await db.insert(contributions).values(rows.slice(i, i + 500));
    return rows;
  }

  async function staff(email = `petugas${next()}@example.test`): Promise<{ email: string; accountId: string }> {
    const [a] = await db.insert(accounts).values({ role: "PETUGAS", email, passwordHash: await testPasswordHash() }).returning();
    return { email, accountId: a!.id };
  }

  return { employer, participant, staff, contributionsFor };
}
