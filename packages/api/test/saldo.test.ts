import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { rupiahToSen } from "@jmo/schema";
import { cards, jhtRates, saldoJhtYears } from "../src/db/schema.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const SALDO = /* GraphQL */ `{
  me {
    saldoJht { total asOf iuranPemberiKerja iuranPekerja pengembangan penarikan
      years { year saldoAwal iuranPemberiKerja iuranPekerja pengembangan rate rateSource penarikan saldoAkhir } }
    cards { kpjMasked saldoJht { total years { year saldoAkhir } } lastReported { period wage paidAt employerName } }
  }
}`;

type Year = Record<"saldoAwal" | "iuranPemberiKerja" | "iuranPekerja" | "pengembangan" | "penarikan" | "saldoAkhir", string> & {
  year: number;
  rate: string;
  rateSource: string;
};

function addsUp(y: Year): boolean {
  const s = (k: keyof Year) => rupiahToSen(String(y[k]));
  return s("saldoAwal") + s("iuranPemberiKerja") + s("iuranPekerja") + s("pengembangan") - s("penarikan") === s("saldoAkhir");
}

async function participantWith(cardSpecs: Array<{ from: string; months: number; wage: number; kpj?: string }>) {
  const employer = await h.seed.employer({ name: "PT Saldo Uji" });
  let builder = h.seed.participant();
  for (const c of cardSpecs) builder = builder.withCard({ employerId: employer.id, ...(c.kpj ? { kpj: c.kpj } : {}) });
  const p = await builder.withAccount().build();
  for (const [i, c] of cardSpecs.entries()) await h.seed.contributionsFor(p.cards[i]!.id, { ...c, employerId: employer.id });
  const { accessToken } = await signIn(h.server.url, p.email!);
  return { ...p, token: accessToken };
}

describe("saldo JHT", () => {
  it("shows a statement per year that adds up to the sen, and totals that match it", async () => {
    const p = await participantWith([{ from: "2016-01", months: 60, wage: 4_000_000 }]);
    const res = await gql(h.server.url, SALDO, {}, { token: p.token });
    expect(res.errors).toBeUndefined();
    const saldo = res.data!.me.saldoJht;
    const years: Year[] = saldo.years;
    expect(years[0]!.year).toBe(2016);
    expect(years.at(-1)!.year).toBe(Number(saldo.asOf.slice(0, 4)));
    for (const y of years) expect(addsUp(y), String(y.year)).toBe(true);
    expect(years.find((y) => y.year === 2016)).toMatchObject({ rate: "7.19", rateSource: "OFFICIAL", saldoAwal: "0.00" });
    expect(years.find((y) => y.year === 2022)).toMatchObject({ rateSource: "ASSUMED" });
    // Rp4,000,000 × 3.7% = Rp148,000 a month from the employer, Rp80,000 from the worker, for 60 months.
    expect(saldo.iuranPemberiKerja).toBe("8880000.00");
    expect(saldo.iuranPekerja).toBe("4800000.00");
    const sen = (v: string) => rupiahToSen(v);
    expect(sen(saldo.iuranPemberiKerja) + sen(saldo.iuranPekerja) + sen(saldo.pengembangan) - sen(saldo.penarikan)).toBe(sen(saldo.total));
    expect(saldo.total).toBe(years.at(-1)!.saldoAkhir);
    // 2016, by hand: Rp228,000 a month at 7.19%: development = 228,000 × 66 × 7.19% / 12 = Rp90,162.60
    expect(years[0]).toMatchObject({ iuranPemberiKerja: "1776000.00", iuranPekerja: "960000.00", pengembangan: "90162.60", saldoAkhir: "2826162.60" });
  });

  it("merges all cards: each year and the total are the sums of the cards'", async () => {
    const p = await participantWith([
      { from: "2017-03", months: 30, wage: 3_500_000 },
      { from: "2020-01", months: 40, wage: 6_000_000 },
    ]);
    const res = await gql(h.server.url, SALDO, {}, { token: p.token });
    const me = res.data!.me;
    const cardTotals = me.cards.map((c: any) => rupiahToSen(c.saldoJht.total));
    expect(rupiahToSen(me.saldoJht.total)).toBe(cardTotals[0] + cardTotals[1]);
    for (const y of me.saldoJht.years as Year[]) {
      expect(addsUp(y)).toBe(true);
      const parts = me.cards.flatMap((c: any) => c.saldoJht.years.filter((cy: any) => cy.year === y.year));
      expect(rupiahToSen(y.saldoAkhir)).toBe(parts.reduce((s: bigint, cy: any) => s + rupiahToSen(cy.saldoAkhir), 0n));
    }
  });

  it("filters years with from and to", async () => {
    const p = await participantWith([{ from: "2016-01", months: 60, wage: 4_000_000 }]);
    const res = await gql(h.server.url, `{ me { saldoJht { years(from: 2017, to: 2018) { year } } } }`, {}, { token: p.token });
    expect(res.data!.me.saldoJht.years).toEqual([{ year: 2017 }, { year: 2018 }]);
  });

  it("keeps a closed year as computed, even when the rate table changes afterwards", async () => {
    const p = await participantWith([{ from: "2018-01", months: 24, wage: 5_000_000 }]);
    const before = await gql(h.server.url, SALDO, {}, { token: p.token });
    const kept = await h.tdb.database.db.select().from(saldoJhtYears).where(eq(saldoJhtYears.cardId, p.cards[0]!.id));
    expect(kept.map((k) => k.year)).toContain(2018);
    expect(kept.map((k) => k.year)).not.toContain(Number(before.data!.me.saldoJht.asOf.slice(0, 4)));
    await h.tdb.database.db.update(jhtRates).set({ rateBp: 100 }).where(eq(jhtRates.year, 2018));
    try {
      const after = await gql(h.server.url, SALDO, {}, { token: p.token });
      expect(after.data!.me.saldoJht.years).toEqual(before.data!.me.saldoJht.years);
    } finally {
      await h.tdb.database.db.update(jhtRates).set({ rateBp: 626 }).where(eq(jhtRates.year, 2018));
    }
  });

  it("gives every one of several simultaneous first reads the same figures (while closed years are being kept)", async () => {
    const p = await participantWith([{ from: "2019-01", months: 48, wage: 4_000_000 }]);
    const totals = await Promise.all(
      Array.from({ length: 6 }, async () => (await gql(h.server.url, SALDO, {}, { token: p.token })).data!.me.saldoJht.total as string),
    );
    expect(new Set(totals).size).toBe(1);
    expect(rupiahToSen(totals[0]!)).toBeGreaterThan(0n);
  });

  it("shows the last reported contribution of each card", async () => {
    const p = await participantWith([{ from: "2023-01", months: 14, wage: 4_500_000 }]);
    const res = await gql(h.server.url, SALDO, {}, { token: p.token });
    expect(res.data!.me.cards[0].lastReported).toEqual({ period: "2024-02", wage: "4500000.00", paidAt: "2024-03-10", employerName: "PT Saldo Uji" });
  });

  it("issues the same number of SQL statements for 1 card and 1 year as for 3 cards and 10 years", async () => {
    const small = await participantWith([{ from: "2025-01", months: 12, wage: 3_000_000 }]);
    const large = await participantWith([
      { from: "2015-01", months: 120, wage: 3_000_000 },
      { from: "2016-01", months: 120, wage: 4_000_000 },
      { from: "2017-01", months: 108, wage: 5_000_000 },
    ]);
    const QUERY = `{ me { saldoJht { total years { year saldoAkhir } } cards { saldoJht { total } } } }`;
    const count = async (token: string) => (await gql(h.server.url, QUERY, {}, { token })).extensions?.sqlStatements as number;
    // First reads compute and keep the closed years (one insert), later reads use what was kept.
    const first = [await count(small.token), await count(large.token)];
    const later = [await count(small.token), await count(large.token)];
    expect(first[1]).toBe(first[0]);
    expect(later[1]).toBe(later[0]);
    expect(later[0]).toBeLessThanOrEqual(first[0]!);
    // the session, then the participant with cards and their saldo in one read (+ one insert of newly closed years)
    expect(first[0]).toBeLessThanOrEqual(3);
    expect(later[0]).toBe(2);
  });

  it("answers the home query in at most 3 statements (2 on a repeat view), and a second view reads no ledger row of a kept year", async () => {
    const HOME = `{ me { fullName nikMasked cards { kpjMasked status segment employer { name } lastReported { period wage }
      saldoJht { total } } saldoJht { total years { year saldoAwal iuranPemberiKerja iuranPekerja pengembangan saldoAkhir } } } }`;
    const today = todayWib();
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    const thisYearOnly = { from: `${year}-01`, months: month, wage: 3_000_000 };
    const specs = [
      // one card and no closed year yet: nothing to keep, and each visit reads only this year
      [thisYearOnly],
      // three cards × 10 years, one still contributing, one stopped last year, one stopped earlier
      [
        { from: `${year - 9}-01`, months: 108 + month, wage: 4_000_000 },
        { from: `${year - 10}-01`, months: 120, wage: 5_000_000 },
        { from: `${year - 11}-06`, months: 100, wage: 6_000_000 },
      ],
      // a long-kept card with a new card of this year (the new one used to make every visit read the whole ledger)
      [{ from: `${year - 10}-01`, months: 120 + month, wage: 4_500_000 }, thisYearOnly],
    ];
    const participantsToView = [];
    for (const spec of specs) participantsToView.push({ ...(await participantWith(spec)), spec });
    // Every saldo read, whichever statement made it, is computed by fromRead: its second argument is what was read.
    const read = vi.spyOn(h.server.services.saldo, "fromRead");
    try {
      for (const p of participantsToView) {
        const first = await gql(h.server.url, HOME, {}, { token: p.token });
        expect(first.errors).toBeUndefined();
        expect(first.extensions?.sqlStatements).toBeLessThanOrEqual(3);
        // every closed year of every card is kept after the first view
        expect(first.data!.me.cards).toHaveLength(p.cards.length);
        for (const [i, card] of p.cards.entries()) {
          const kept = (await h.tdb.database.db.select().from(saldoJhtYears).where(eq(saldoJhtYears.cardId, card.id))).map((k) => k.year);
          const from = Number(p.spec[i]!.from.slice(0, 4));
          expect(kept.sort((a, b) => a - b)).toEqual(Array.from({ length: year - from }, (_, k) => from + k));
        }
        read.mockClear();
        const second = await gql(h.server.url, HOME, {}, { token: p.token });
        expect(second.extensions?.sqlStatements).toBe(2);
        expect(second.data).toEqual(first.data);
        expect(read).toHaveBeenCalledTimes(1);
        const ledger = read.mock.calls[0]![1].ledger;
        expect(ledger.filter((e) => Number(e.period.slice(0, 4)) < year)).toEqual([]);
        expect(ledger.length).toBeGreaterThan(0);
      }
    } finally {
      read.mockRestore();
    }
  });
});

describe("jhtRates", () => {
  it("lists the rates with their source, for anyone", async () => {
    const res = await gql(h.server.url, `{ jhtRates { year rate source } }`);
    expect(res.data!.jhtRates).toEqual(expect.arrayContaining([{ year: 2016, rate: "7.19", source: "OFFICIAL" }, { year: 2020, rate: "5.63", source: "OFFICIAL" }]));
    expect(res.data!.jhtRates.filter((r: any) => r.source === "OFFICIAL").map((r: any) => r.year)).toEqual([2016, 2017, 2018, 2019, 2020]);
  });
});

describe("cardAdd (tambah kartu)", () => {
  const ADD = `mutation($input: CardAddInput!) { cardAdd(input: $input) { card { kpjMasked status } userErrors { code field message } } }`;

  async function setup() {
    const p = await participantWith([{ from: "2022-01", months: 12, wage: 4_000_000 }]);
    // An old card registered with the same NIK and birth date, not on the profile yet.
    const [old] = await h.tdb.database.db
      .insert(cards)
      .values({ participantId: null, kpj: "17034455667", registeredNik: p.participant.nik, registeredBirthDate: p.participant.birthDate, segment: "PU", status: "NONAKTIF", registeredAt: "2017-04-03", nonaktifSince: "2018-12-31" })
      .returning();
    await h.seed.contributionsFor(old!.id, { from: "2017-04", months: 20, wage: 3_200_000 });
    return { ...p, oldCardId: old!.id };
  }

  it("adds a card whose NIK and birth date match, and the merged saldo includes it at once", async () => {
    const p = await setup();
    const before = await gql(h.server.url, SALDO, {}, { token: p.token });
    const res = await gql(h.server.url, ADD, { input: { kpj: "170 3445 5667", birthDate: p.participant.birthDate } }, { token: p.token });
    expect(res.data!.cardAdd).toEqual({ card: { kpjMasked: "17*******67", status: "NONAKTIF" }, userErrors: [] });
    const after = await gql(h.server.url, SALDO, {}, { token: p.token });
    expect(after.data!.me.cards).toHaveLength(2);
    const added = after.data!.me.cards.find((c: any) => c.kpjMasked === "17*******67");
    expect(rupiahToSen(after.data!.me.saldoJht.total)).toBe(rupiahToSen(before.data!.me.saldoJht.total) + rupiahToSen(added.saldoJht.total));
    expect(after.data!.me.saldoJht.years[0].year).toBe(2017);
    const again = await gql(h.server.url, ADD, { input: { kpj: "17034455667", birthDate: p.participant.birthDate } }, { token: p.token });
    expect(again.data!.cardAdd.userErrors[0].code).toBe("CARD_ALREADY_ADDED");
  });

  it("answers the same for an unknown KPJ, a wrong birth date and someone else's card, and changes nothing", async () => {
    const p = await setup();
    const other = await h.seed.participant().withCard({ kpj: "22000000001" }).build();
    const attempts = [
      { kpj: "99999999999", birthDate: p.participant.birthDate },
      { kpj: "17034455667", birthDate: "1991-01-01" },
      { kpj: "22000000001", birthDate: other.participant.birthDate },
      { kpj: "1703445566", birthDate: p.participant.birthDate },
    ];
    const messages = new Set<string>();
    for (const input of attempts) {
      const res = await gql(h.server.url, ADD, { input }, { token: p.token });
      expect(res.data!.cardAdd.card).toBeNull();
      expect(res.data!.cardAdd.userErrors[0]).toMatchObject({ code: "CARD_NOT_MATCHED", field: ["input", "kpj"] });
      messages.add(res.data!.cardAdd.userErrors[0].message);
    }
    expect(messages.size).toBe(1);
    const [old] = await h.tdb.database.db.select().from(cards).where(eq(cards.id, p.oldCardId));
    expect(old!.participantId).toBeNull();
    const [otherCard] = await h.tdb.database.db.select().from(cards).where(eq(cards.kpj, "22000000001"));
    expect(otherCard!.participantId).toBe(other.participant.id);
  });

  it("adds the card once when the same request is fired several times at once", async () => {
    const p = await setup();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => gql(h.server.url, ADD, { input: { kpj: "17034455667", birthDate: p.participant.birthDate } }, { token: p.token })),
    );
    const codes = results.map((r) => r.data!.cardAdd.userErrors[0]?.code ?? "OK").sort();
    expect(codes).toEqual(["CARD_ALREADY_ADDED", "CARD_ALREADY_ADDED", "CARD_ALREADY_ADDED", "OK"]);
  });

  it("needs a signed-in participant", async () => {
    const res = await gql(h.server.url, ADD, { input: { kpj: "17034455667", birthDate: "1990-01-01" } });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
