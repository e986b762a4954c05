import { getDistricts } from "idn-area-data";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/test-database.ts";
import type { Database } from "../db/database.ts";
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
  type CardRow,
  type ParticipantRow,
} from "../db/schema.ts";
import { mergeStatements, totalsOf } from "../modules/saldo/jht-engine.ts";
import { SaldoService } from "../modules/saldo/saldo.service.ts";
import { verifyPassword } from "../modules/accounts/password.ts";
import {
  validateBankAccount,
  validateKodePos,
  validateNpwp,
  validatePassport,
  validatePersonName,
  validatePhone,
  validateVillage,
} from "../modules/reference/validators.ts";
import { loadDistricts } from "./areas.ts";
import { FOREIGN_NATIONALITIES, givenNameOf, nationalityOf } from "./foreign-workers.ts";
import { FOREIGN_WORKER_PROVINCES, PROVINCE_POPULATION } from "./population.ts";
import { addMonths, addYears } from "./calendar.ts";
import { pengaduan } from "../modules/pengaduan/pengaduan.table.ts";
import { buildDemoDataset, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData, type DemoDataset, type SeedSummary, type SeedWriteOptions } from "./demo-data.ts";
import { parseNik } from "./nik.ts";

const TODAY = "2026-03-15";
const OPTIONS = { participants: 50, today: TODAY };
const MORE_THAN_A_MONTH_AGO = addMonths(TODAY, -1);

/** PGlite, or with TEST_DATABASE_URL a PostgreSQL database of its own (test/support/test-database.ts). */
async function seededDatabase(write?: SeedWriteOptions): Promise<{ tdb: TestDatabase; database: Database; summary: SeedSummary }> {
  const tdb = await openTestDatabase();
  return { tdb, database: tdb.database, summary: await seedDemoData(tdb.database.db, OPTIONS, write) };
}

let tdb: TestDatabase;
let database: Database;
let summary: SeedSummary;
let people: ParticipantRow[];
let allCards: CardRow[];

beforeAll(async () => {
  ({ tdb, database, summary } = await seededDatabase());
  people = await database.db.select().from(participants);
  allCards = await database.db.select().from(cards);
});

afterAll(async () => {
  await tdb?.close();
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
    const [employerRows, accountRows, contributionRows, attempts] = await Promise.all([
      database.db.select().from(employers),
      database.db.select().from(accounts),
      database.db.select().from(contributions),
      database.db.select().from(pengkinian),
    ]);
    expect(summary).toEqual({
      participants: people.length,
      cards: allCards.length,
      employers: employerRows.length,
      contributions: contributionRows.length,
      accounts: accountRows.length,
      pengkinian: attempts.length,
    });
    // Four demo personas, Rina (BPU, issue 14) and Hendra (klaim JHT sebagian, issue 16).
    expect(summary.participants).toBe(OPTIONS.participants + 6);
    expect(summary.accounts).toBe(7);
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
      { email: "hendra@example.com", gender: "LAKI_LAKI", pengkinian: "TERVERIFIKASI", cards: [["14062233445", "AKTIF"]] },
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

  it("gives Siti one open pengaduan, filed before the seed's day (issue 15)", async () => {
    const [siti] = await database.db.select().from(accounts).where(eq(accounts.email, "siti@example.com"));
    const tickets = await database.db.select().from(pengaduan);
    expect(tickets.map((t) => [t.participantId, t.kategori, t.status])).toEqual([[siti!.participantId, "IURAN", "DIPROSES"]]);
    expect(tickets[0]!.nomor).toBe("ADU-20260313-0001");
  });

  it("gives the demo participants the saldo their situation needs", async () => {
    const saldo = new SaldoService(database, () => TODAY);
    const saldoOf = async (email: string) => {
      const person = people.find((p) => p.email === email)!;
      const statements = await saldo.forCards(cardsOf(person.id).map((c) => c.id));
      return { perCard: [...statements.values()].map((s) => totalsOf(s.years).totalSen), merged: totalsOf(mergeStatements([...statements.values()].map((s) => s.years))).totalSen };
    };
    // The JMO limit on the person's total saldo: Rp10 juta, Rp15 juta from May 2025 (rules/rule-book.ts,
    // KLAIM_JMO_SALDO_MAKS). Budi and Dewi stay under both, Agus above both, whichever applies to the claim's date.
    const TEN_JUTA = 10_000_000_00n;
    const FIFTEEN_JUTA = 15_000_000_00n;
    const budi = await saldoOf("budi@example.com");
    expect(budi.merged).toBeGreaterThan(0n);
    expect(budi.merged).toBeLessThanOrEqual(TEN_JUTA);
    expect((await saldoOf("agus@example.com")).merged).toBeGreaterThan(FIFTEEN_JUTA);
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
      // Issue 11, finding 10: none before the card's registration month, none for a month it was not active in.
      expect(row.period >= `${card.registeredAt.slice(0, 7)}-01`, card.kpj).toBe(true);
      if (card.nonaktifSince) expect(row.period < card.nonaktifSince, card.kpj).toBe(true);
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
        expect(card.nonaktifSince === null, card.kpj).toBe(card.status !== "NONAKTIF");
        // Only a self-registered BPU card waits for its first contribution.
        if (card.status === "MENUNGGU_IURAN_PERTAMA") expect(card.segment, card.kpj).toBe("BPU");
        expect(card.employerId === null, card.kpj).toBe(card.segment === "BPU" || card.segment === "PMI");
        if (card.nonaktifSince === null) return;
        expect(card.nonaktifSince > card.registeredAt, card.kpj).toBe(true);
        expect(card.nonaktifSince <= TODAY, card.kpj).toBe(true);
        const next = history[i + 1];
        if (next) expect(card.nonaktifSince < next.registeredAt, card.kpj).toBe(true);
      });
    }
  });

  it("seeds the same data again from the same seed, whatever the batch size", async () => {
    // Written in batches of 7 participants here, of DEFAULT_BATCH_SIZE (all at once for 50) in beforeAll.
    const second = await seededDatabase({ batchSize: 7 });
    try {
      const again = await second.database.db.select().from(participants);
      const againCards = await second.database.db.select().from(cards);
      const ledger = async (db: Database["db"]) =>
        (
          await db
            .select({ kpj: cards.kpj, period: contributions.period, wage: contributions.wageSen, paidAt: contributions.paidAt, npp: employers.npp })
            .from(contributions)
            .innerJoin(cards, eq(cards.id, contributions.cardId))
            .leftJoin(employers, eq(employers.id, contributions.employerId))
        )
          .map((c) => [c.kpj, c.period, c.wage, c.paidAt, c.npp].join("|"))
          .sort();
      expect(await ledger(second.database.db)).toEqual(await ledger(database.db));
      expect(second.summary).toEqual(summary);
      const persons = (rows: ParticipantRow[]) =>
        rows
          .map((p) => [p.nik, p.fullName, p.birthDate, p.birthPlace, p.email, p.phone, p.pengkinianStatus, p.passportNumber, p.address, p.bankAccountNumber].join("|"))
          .sort();
      const cardList = (rows: CardRow[]) =>
        rows.map((c) => [c.kpj, c.segment, c.status, c.registeredAt, c.nonaktifSince].join("|")).sort();
      expect(persons(again)).toEqual(persons(people));
      expect(cardList(againCards)).toEqual(cardList(allCards));
    } finally {
      await second.tdb.close();
    }
  });

  it("draws different participants from a different seed", async () => {
    const other = await buildDemoDataset({ ...OPTIONS, seed: 1 });
    const niks = new Set(people.map((p) => p.nik));
    expect(other.participants.filter((p) => !niks.has(p.nik))).toHaveLength(OPTIONS.participants);
  });
});

// Issue 11, finding 10: "every NIK ends in serial 0001; foreign members have Indonesian NIKs and mismatched genders;
// birthplaces are spread evenly over regencies instead of following where people live; Budi's card starts in 2021 but
// his ledger in 2023; Budi is TERVERIFIKASI with no address or bank account." Each test below failed on that data.
describe("demo data as real as the rest (issue 11, finding 10)", () => {
  const SAMPLE = 2_000;
  let sample: DemoDataset;
  let provinceOfPlace: Map<string, Set<string>>;

  beforeAll(async () => {
    sample = await buildDemoDataset({ participants: SAMPLE, today: TODAY });
    provinceOfPlace = new Map();
    for (const d of await loadDistricts()) {
      const set = provinceOfPlace.get(d.placeName) ?? new Set<string>();
      set.add(d.code.slice(0, 2));
      provinceOfPlace.set(d.placeName, set);
    }
  });

  const generated = () => sample.participants.slice(DEMO_ACCOUNTS.filter((a) => a.role === "PESERTA").length);

  it("varies NIK serials, mostly low, and keeps every NIK unique", () => {
    const niks = sample.participants.map((p) => p.nik);
    expect(new Set(niks).size).toBe(niks.length);
    const serials = niks.map((nik) => Number(nik.slice(12)));
    // Before: every serial was 0001. Now drawn (dataset.ts NIK_SERIAL_BUCKETS: 60% 1–9, 30% 10–99, 9% 100–300,
    // 1% 301–999): few are 0001, many differ, nearly all are at most 0300.
    expect(serials.filter((n) => n === 1).length).toBeLessThan(niks.length / 5);
    expect(new Set(serials).size).toBeGreaterThan(200);
    expect(serials.filter((n) => n <= 300).length).toBeGreaterThan(niks.length * 0.97);
    // Budi's NIK, worked by hand: district 317407 (Kebayoran Baru) + 140590 (14 May 1990, a man) + serial 0007
    // (demo-personas.ts).
    expect(sample.participants.find((p) => p.email === "budi@example.com")?.nik).toBe("3174071405900007");
  });

  it("gives every foreign worker a passport of their country, a name of it that fits their gender, and no passport to citizens", () => {
    const foreigners = generated().filter((p) => p.nationality === "WNA");
    // NATIONALITY_WEIGHTS: 2% of 2,000 ≈ 40.
    expect(foreigners.length).toBeGreaterThan(20);
    const passports = new Set<string>();
    for (const p of foreigners) {
      const origin = nationalityOf(p.passportCountry ?? "");
      expect(origin, p.fullName).toBeDefined();
      expect(p.passportNumber && "value" in validatePassport(p.passportNumber), p.passportNumber ?? "none").toBe(true);
      passports.add(p.passportNumber!);
      const given = givenNameOf(origin!, p.fullName);
      expect(given, p.fullName).not.toBeNull();
      const other = p.gender === "LAKI_LAKI" ? "PEREMPUAN" : "LAKI_LAKI";
      expect(origin!.givenNames[p.gender], `${p.fullName} (${p.gender})`).toContain(given);
      expect(origin!.givenNames[other], `${p.fullName} (${p.gender})`).not.toContain(given);
      expect(origin!.birthPlaces).toContain(p.birthPlace);
      // The NIK Dukcapil gave them with their stay permit: the district where they live, one where foreign workers work.
      expect(FOREIGN_WORKER_PROVINCES.map((x) => x.code)).toContain(p.nik.slice(0, 2));
      expect(p.cards.every((c) => c.segment === "PU"), p.fullName).toBe(true);
    }
    expect(passports.size).toBe(foreigners.length);
    // China sends about half of all foreign workers (57,738 of 107,372 in the ten countries, Kemnaker Sep 2023).
    expect(foreigners.filter((p) => p.passportCountry === "CN").length).toBeGreaterThan(foreigners.length / 4);
    for (const p of sample.participants.filter((x) => x.nationality === "WNI")) {
      expect(p.passportNumber).toBeNull();
      expect(p.passportCountry).toBeNull();
    }
    // Every nationality's name lists give each given name to one sex only.
    for (const n of FOREIGN_NATIONALITIES) {
      expect(n.givenNames.LAKI_LAKI.filter((g) => n.givenNames.PEREMPUAN.includes(g)), n.country).toEqual([]);
    }
  });

  it("draws birthplaces by population: Jawa Barat, Jawa Timur and Jawa Tengah first, Kalimantan Utara among the smallest", () => {
    const counts = new Map<string, number>(PROVINCE_POPULATION.map((p) => [p.code, 0]));
    for (const p of generated().filter((x) => x.nationality === "WNI")) {
      const provinces = provinceOfPlace.get(p.birthPlace);
      expect(provinces, p.birthPlace).toBeDefined();
      // A place name used in two provinces counts for neither.
      if (provinces!.size === 1) {
        const [code] = provinces!;
        counts.set(code!, counts.get(code!)! + 1);
      }
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    // BPS 2024 (population.ts): Jawa Barat 50,345.2, Jawa Timur 41,814.5, Jawa Tengah 37,892.3 thousand of about
    // 282 million; the fourth, Sumatera Utara, has 15,588.5. Kalimantan Utara 739.8 (0.26%): about 5 of 1,960.
    expect(new Set(ranked.slice(0, 3))).toEqual(new Set(["32", "35", "33"]));
    expect(ranked.slice(-10)).toContain("65");
    // Where evenly spread districts mislead most: DKI Jakarta has 10,684.9 thousand people (6th) in only 44 districts,
    // Papua Pegunungan 1,459.5 thousand (31st) in 252.
    expect(ranked.slice(0, 10)).toContain("31");
    expect(ranked.indexOf("95")).toBeGreaterThan(ranked.indexOf("31"));
    expect(ranked.slice(-19)).toContain("95");
    // Jawa Barat's share, worked by hand: 50,345.2 / 281,603.8 ≈ 17.9% of the citizens; with one draw in five
    // born elsewhere than registered the share holds, so within a quarter of it.
    const citizens = generated().filter((x) => x.nationality === "WNI").length;
    const total = PROVINCE_POPULATION.reduce((sum, p) => sum + p.thousands, 0);
    const expected = (citizens * 50_345.2) / total;
    expect(Math.abs(counts.get("32")! - expected)).toBeLessThan(expected / 4);
    // Before, districts were drawn evenly: the six Papua provinces (793 of idn-area-data's 7,285 districts, 11%) got
    // five times their share of people (2%), Java (2,146 districts, 29%) half of its (56%).
  });

  it("starts Budi's ledger with his card: February 2021 to July 2024, 42 paid months", async () => {
    const budi = people.find((p) => p.email === "budi@example.com")!;
    const [card] = cardsOf(budi.id);
    const rows = (await database.db.select().from(contributions)).filter((r) => r.cardId === card!.id).sort((a, b) => a.period.localeCompare(b.period));
    expect(card!.registeredAt).toBe("2021-02-01");
    expect(card!.nonaktifSince).toBe("2024-08-01");
    expect(rows[0]?.period).toBe("2021-02-01");
    expect(rows.at(-1)?.period).toBe("2024-07-01");
    // 11 months of 2021 + 12 + 12 + 7 of 2024 = 42.
    expect(rows).toHaveLength(42);
    // February 2021 on Rp2,600,000 (demo-personas.ts): JHT 3.7% + 2% (domain.md, PU) = Rp96,200 + Rp52,000.
    expect(rows[0]).toMatchObject({ wageSen: 260_000_000n, jhtEmployerSen: 9_620_000n, jhtWorkerSen: 5_200_000n });
  });

  it("starts every card's ledger with the card, and gives PMI and JAKON cards none (their rules are not computed)", async () => {
    const rows = await database.db.select().from(contributions);
    const firstPeriod = new Map<string, string>();
    for (const r of rows) if (!firstPeriod.has(r.cardId) || r.period < firstPeriod.get(r.cardId)!) firstPeriod.set(r.cardId, r.period);
    for (const card of allCards) {
      const first = firstPeriod.get(card.id);
      if (card.segment === "PMI" || card.segment === "JAKON") expect(first, card.kpj).toBeUndefined();
      else if (first) expect(first, card.kpj).toBe(`${card.registeredAt.slice(0, 7)}-01`);
    }
    // A BPU card without a paid contribution waits for it; with one it is AKTIF.
    for (const card of allCards.filter((c) => c.segment === "BPU" && c.status !== "NONAKTIF")) {
      const paid = rows.some((r) => r.cardId === card.id && r.paidAt !== null);
      expect(card.status, card.kpj).toBe(paid ? "AKTIF" : "MENUNGGU_IURAN_PERTAMA");
    }
  });

  it("gives Budi the record a verified pengkinian leaves: address, bank account in his own name, family, audit", async () => {
    const budi = people.find((p) => p.email === "budi@example.com")!;
    expect(budi).toMatchObject({
      pengkinianStatus: "TERVERIFIKASI",
      villageCode: "3174071003", // Kramat Pela, Kebayoran Baru: the district of his NIK
      kodePos: "12130",
      address: "Jl. Bumi Gg. Langgar No. 14 RT 008/RW 006",
      bankCode: "009",
      bankAccountName: "Budi Santoso",
      maritalStatus: "KAWIN",
      emergencyContactRelationship: "ISTRI",
    });
    expect(validateBankAccount({ bankCode: budi.bankCode!, accountNumber: budi.bankAccountNumber!, accountName: budi.bankAccountName! }, budi.fullName)).toHaveProperty("value");
    const [attempt, ...more] = await database.db.select().from(pengkinian).where(eq(pengkinian.participantId, budi.id));
    expect(more).toEqual([]);
    expect(attempt).toMatchObject({ status: "TERVERIFIKASI", rejectionReason: null });
    expect(attempt!.decidedAt).not.toBeNull();
    expect(attempt!.dataKontak.bankAccount).toEqual({ bankCode: "009", accountNumber: budi.bankAccountNumber, accountName: "Budi Santoso" });
    const events = await database.db.select().from(pengkinianEvents).where(eq(pengkinianEvents.pengkinianId, attempt!.id));
    expect(events.map((e) => e.status).sort()).toEqual(["DIAJUKAN", "TERVERIFIKASI"]);
    const family = await database.db.select().from(familyMembers).where(eq(familyMembers.participantId, budi.id));
    expect(family.map((m) => [m.relation, m.name]).sort()).toEqual([["CHILD", "Arya Santoso"], ["SPOUSE", "Rina Marlina"]]);
    const audit = await database.db.select().from(personalDataAudit).where(eq(personalDataAudit.participantId, budi.id));
    expect(audit.length).toBeGreaterThan(10);
    expect(new Set(audit.map((a) => [a.reason, a.source].join(" ")))).toEqual(new Set([`PENGKINIAN_TERVERIFIKASI pengkinian:${attempt!.id}`]));
    // The audit holds masked values only.
    expect(audit.find((a) => a.field === "participants.bank_account_number")?.newValue).not.toContain(budi.bankAccountNumber!);
    // Dewi and Siti have not done pengkinian: no attempt, no profile.
    for (const email of ["dewi@example.com", "siti@example.com"]) {
      const person = people.find((p) => p.email === email)!;
      expect(person).toMatchObject({ pengkinianStatus: "BELUM", address: null, bankAccountNumber: null });
      expect(await database.db.select().from(pengkinian).where(eq(pengkinian.participantId, person.id))).toEqual([]);
    }
  });

  it("keeps every verified record one the pengkinian validators accept, and every other status without a profile", async () => {
    const attempts = await database.db.select().from(pengkinian);
    const byParticipant = new Map(attempts.map((a) => [a.participantId, a]));
    for (const p of people) {
      const attempt = byParticipant.get(p.id);
      expect(attempt?.status ?? "BELUM", p.fullName).toBe(p.pengkinianStatus);
      if (p.pengkinianStatus !== "TERVERIFIKASI") {
        expect(p.address, p.fullName).toBeNull();
        expect(p.bankAccountNumber, p.fullName).toBeNull();
        continue;
      }
      const village = await validateVillage(p.villageCode!);
      expect(village, `${p.fullName} ${p.villageCode}`).toHaveProperty("value");
      expect(validateKodePos(p.kodePos!, "value" in village ? village.value : null), p.kodePos!).toBeNull();
      expect(p.address!.length).toBeLessThanOrEqual(200);
      expect(validateBankAccount({ bankCode: p.bankCode!, accountNumber: p.bankAccountNumber!, accountName: p.bankAccountName! }, p.fullName)).toHaveProperty("value");
      for (const name of [p.motherMaidenName!, p.emergencyContactName!]) expect(validatePersonName(name), name).toHaveProperty("value");
      expect(validatePhone(p.emergencyContactPhone!)).toHaveProperty("value");
      if (p.npwp) expect(validateNpwp(p.npwp), p.npwp).toHaveProperty("value");
      expect([p.education, p.religion, p.bloodType].every((x) => x !== null), p.fullName).toBe(true);
    }
  });
});
