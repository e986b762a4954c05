import { getDistricts } from "idn-area-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/database.ts";
import { accounts, cards, contributions, employers, participants, type CardRow, type ParticipantRow } from "../db/schema.ts";
import { mergeStatements, totalsOf } from "../modules/saldo/jht-engine.ts";
import { SaldoService } from "../modules/saldo/saldo.service.ts";
import { verifyPassword } from "../modules/accounts/password.ts";
import { addMonths, addYears } from "./calendar.ts";
import { buildDemoDataset, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData, type SeedSummary } from "./demo-data.ts";
import { parseNik } from "./nik.ts";

const TODAY = "2026-03-15";
const OPTIONS = { participants: 50, today: TODAY };
const MORE_THAN_A_MONTH_AGO = addMonths(TODAY, -1);

async function seededDatabase(): Promise<{ database: Database; summary: SeedSummary }> {
  const database = openDatabase({ kind: "pglite", dataDir: null });
  await database.migrate();
  return { database, summary: await seedDemoData(database.db, OPTIONS) };
}

let database: Database;
let summary: SeedSummary;
let people: ParticipantRow[];
let allCards: CardRow[];

beforeAll(async () => {
  ({ database, summary } = await seededDatabase());
  people = await database.db.select().from(participants);
  allCards = await database.db.select().from(cards);
});

afterAll(async () => {
  await database?.close();
});

function cardsOf(participantId: string): CardRow[] {
  return allCards.filter((c) => c.participantId === participantId).sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
}

function ageOn(birthDate: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (date.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}

describe("seedDemoData", () => {
  it("reports what it inserted", async () => {
    const [employerRows, accountRows, contributionRows] = await Promise.all([
      database.db.select().from(employers),
      database.db.select().from(accounts),
      database.db.select().from(contributions),
    ]);
    expect(summary).toEqual({
      participants: people.length,
      cards: allCards.length,
      employers: employerRows.length,
      contributions: contributionRows.length,
      accounts: accountRows.length,
    });
    expect(summary.participants).toBe(OPTIONS.participants + 4);
    expect(summary.accounts).toBe(5);
    expect(summary.employers).toBeGreaterThanOrEqual(20);
  });

  it("creates the demo accounts of the contract, with the demo password", async () => {
    const accountRows = await database.db.select().from(accounts);
    expect(accountRows.map((a) => a.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const demo of DEMO_ACCOUNTS) {
      const account = accountRows.find((a) => a.email === demo.email);
      expect(account?.role, demo.email).toBe(demo.role);
      expect(account?.phone).toBe(demo.phone);
      const person = people.find((p) => p.id === account?.participantId);
      if (demo.role === "PETUGAS") {
        expect(account?.participantId).toBeNull();
        continue;
      }
      expect(person?.fullName).toBe(demo.fullName);
      expect(person?.email).toBe(demo.email);
      expect(person?.phone).toBe(demo.phone);
      expect(cardsOf(person?.id ?? "").map((c) => c.kpj)).toEqual(demo.kpjs);
      expect(ageOn(person?.birthDate ?? "", TODAY)).toBeGreaterThanOrEqual(25);
      expect(ageOn(person?.birthDate ?? "", TODAY)).toBeLessThanOrEqual(45);
    }
    // They share one hash (argon2 is slow): checking one checks all.
    expect(new Set(accountRows.map((a) => a.passwordHash)).size).toBe(1);
    expect(await verifyPassword(accountRows[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("puts each demo participant in the situation the contract describes", () => {
    const byEmail = (email: string): ParticipantRow => {
      const person = people.find((p) => p.email === email);
      if (!person) throw new Error(`no participant ${email}`);
      return person;
    };
    const expected = [
      { email: "budi@example.com", gender: "LAKI_LAKI", pengkinian: "TERVERIFIKASI", cards: [["21017345678", "NONAKTIF"]] },
      { email: "siti@example.com", gender: "PEREMPUAN", pengkinian: "BELUM", cards: [["19123456712", "NONAKTIF"], ["23098765434", "AKTIF"]] },
      { email: "agus@example.com", gender: "LAKI_LAKI", pengkinian: "TERVERIFIKASI", cards: [["15087654321", "NONAKTIF"]] },
      { email: "dewi@example.com", gender: "PEREMPUAN", pengkinian: "BELUM", cards: [["22011122233", "NONAKTIF"]] },
    ];
    for (const e of expected) {
      const person = byEmail(e.email);
      expect(person.gender, e.email).toBe(e.gender);
      expect(person.pengkinianStatus, e.email).toBe(e.pengkinian);
      const personCards = cardsOf(person.id);
      expect(personCards.map((c) => [c.kpj, c.status])).toEqual(e.cards);
      for (const card of personCards) {
        expect(card.segment).toBe("PU");
        expect(card.employerId).not.toBeNull();
      }
    }
    // The claimable ones have been NONAKTIF for more than a month (the claim's waiting time).
    for (const email of ["budi@example.com", "agus@example.com", "dewi@example.com"]) {
      const [card] = cardsOf(byEmail(email).id);
      expect((card?.nonaktifSince ?? TODAY) < MORE_THAN_A_MONTH_AGO, email).toBe(true);
    }
    const [oldJob, currentJob] = cardsOf(byEmail("siti@example.com").id);
    expect(oldJob?.employerId).not.toBe(currentJob?.employerId);
    // Siti also has an old card registered with her NIK and birth date, not yet on her profile.
    const unlinked = allCards.find((c) => c.kpj === "17034455667");
    expect(unlinked).toMatchObject({ participantId: null, registeredNik: byEmail("siti@example.com").nik, registeredBirthDate: "1993-08-21" });
  });

  it("gives the demo participants the saldo their situation needs", async () => {
    const saldo = new SaldoService(database, () => TODAY);
    const saldoOf = async (email: string) => {
      const person = people.find((p) => p.email === email)!;
      const statements = await saldo.forCards(cardsOf(person.id).map((c) => c.id));
      return { perCard: [...statements.values()].map((s) => totalsOf(s.years).totalSen), merged: totalsOf(mergeStatements([...statements.values()].map((s) => s.years))).totalSen };
    };
    const TEN_JUTA = 10_000_000_00n;
    const budi = await saldoOf("budi@example.com");
    expect(budi.merged).toBeGreaterThan(0n);
    expect(budi.merged).toBeLessThanOrEqual(TEN_JUTA);
    expect((await saldoOf("agus@example.com")).merged).toBeGreaterThan(TEN_JUTA);
    const dewi = await saldoOf("dewi@example.com");
    expect(dewi.merged).toBeGreaterThan(0n);
    expect(dewi.merged).toBeLessThanOrEqual(TEN_JUTA);
    const siti = await saldoOf("siti@example.com");
    expect(siti.perCard).toHaveLength(2);
    expect(siti.perCard.every((t) => t > 0n)).toBe(true);
    expect(siti.merged).toBe(siti.perCard[0]! + siti.perCard[1]!);
  });

  it("fills a contribution history that fits each card: within its active months, one per month", async () => {
    const rows = await database.db.select().from(contributions);
    const byCard = new Map(allCards.map((c) => [c.id, c]));
    const seen = new Set<string>();
    for (const row of rows) {
      const card = byCard.get(row.cardId)!;
      expect(row.period >= `${card.registeredAt.slice(0, 7)}-01`).toBe(true);
      if (card.nonaktifSince) expect(row.period < card.nonaktifSince).toBe(true);
      expect(row.period < TODAY).toBe(true);
      const key = `${row.cardId}:${row.period}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(row.jhtEmployerSen + row.jhtWorkerSen).toBeLessThanOrEqual(row.wageSen); // sane shares
    }
    // Every PU card that was active in the ledger's years has contributions.
    const withRows = new Set(rows.map((r) => r.cardId));
    const puRecent = allCards.filter((c) => c.segment === "PU" && (c.nonaktifSince ?? TODAY) > "2014-03-01" && c.registeredAt < addMonths(TODAY, -2));
    for (const card of puRecent) expect(withRows.has(card.id), card.kpj).toBe(true);
  });

  it("gives every participant a NIK of a real district that matches birth date and gender", async () => {
    const districtCodes = new Set((await getDistricts()).map((d) => d.code.replaceAll(".", "")));
    for (const person of people) {
      expect(person.nik).toMatch(/^\d{16}$/);
      expect(districtCodes.has(person.nik.slice(0, 6)), person.nik).toBe(true);
      expect(parseNik(person.nik, TODAY)).toEqual({
        districtCode: person.nik.slice(0, 6),
        birthDate: person.birthDate,
        gender: person.gender,
      });
    }
  });

  it("leaves the generated participants without an account, aged 18 to 60", async () => {
    const accountRows = await database.db.select().from(accounts);
    const withAccount = new Set(accountRows.map((a) => a.participantId));
    const generated = people.filter((p) => !withAccount.has(p.id));
    expect(generated).toHaveLength(OPTIONS.participants);
    for (const person of generated) {
      expect(ageOn(person.birthDate, TODAY)).toBeGreaterThanOrEqual(18);
      expect(ageOn(person.birthDate, TODAY)).toBeLessThanOrEqual(60);
      expect(person.fullName.trim()).not.toBe("");
    }
    expect(generated.filter((p) => p.pengkinianStatus === "BELUM").length).toBeGreaterThan(OPTIONS.participants / 2);
  });

  it("numbers cards with unique 11-digit KPJs starting with the registration year", () => {
    expect(new Set(allCards.map((c) => c.kpj)).size).toBe(allCards.length);
    for (const card of allCards) {
      expect(card.kpj).toMatch(/^\d{11}$/);
      expect(card.kpj.slice(0, 2), card.kpj).toBe(card.registeredAt.slice(2, 4));
    }
  });

  it("keeps every participant's cards a consistent history", () => {
    for (const person of people) {
      const history = cardsOf(person.id);
      expect(history.length, person.nik).toBeGreaterThanOrEqual(1);
      expect(history.length).toBeLessThanOrEqual(3);
      // At most one AKTIF card, and only the most recent one.
      history.slice(0, -1).forEach((card) => expect(card.status).toBe("NONAKTIF"));
      history.forEach((card, i) => {
        expect(card.registeredAt >= addYears(person.birthDate, 18), card.kpj).toBe(true);
        expect(card.registeredAt <= TODAY, card.kpj).toBe(true);
        expect(card.nonaktifSince === null, card.kpj).toBe(card.status === "AKTIF");
        expect(card.employerId === null, card.kpj).toBe(card.segment === "BPU" || card.segment === "PMI");
        if (card.nonaktifSince === null) return;
        expect(card.nonaktifSince > card.registeredAt, card.kpj).toBe(true);
        expect(card.nonaktifSince <= TODAY, card.kpj).toBe(true);
        const next = history[i + 1];
        if (next) expect(card.nonaktifSince < next.registeredAt, card.kpj).toBe(true);
      });
    }
  });

  it("seeds the same data again from the same seed", async () => {
    const second = await seededDatabase();
    try {
      const again = await second.database.db.select().from(participants);
      const againCards = await second.database.db.select().from(cards);
      const persons = (rows: ParticipantRow[]) =>
        rows.map((p) => [p.nik, p.fullName, p.birthDate, p.birthPlace, p.email, p.phone, p.pengkinianStatus].join("|")).sort();
      const cardList = (rows: CardRow[]) =>
        rows.map((c) => [c.kpj, c.segment, c.status, c.registeredAt, c.nonaktifSince].join("|")).sort();
      expect(persons(again)).toEqual(persons(people));
      expect(cardList(againCards)).toEqual(cardList(allCards));
    } finally {
      await second.database.close();
    }
  });

  it("draws different participants from a different seed", async () => {
    const other = await buildDemoDataset({ ...OPTIONS, seed: 1 });
    const niks = new Set(people.map((p) => p.nik));
    expect(other.participants.filter((p) => !niks.has(p.nik))).toHaveLength(OPTIONS.participants);
  });
});
