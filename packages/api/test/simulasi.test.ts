import { describe, expect, it } from "vitest";
import { rupiahToSen, senToRupiah } from "@jmo/schema";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const JHT = /* GraphQL */ `query($input: SimulasiJhtInput!) {
  me { saldoJht { total asOf } }
  simulasiJht(input: $input) {
    assumptions { monthlyWage monthlyWageSource wageGrowthPercent ratePercent contributionPercent employerContributionPercent workerContributionPercent jhtAge birthDate }
    startSaldo startDate dateAt56 saldoAt56
    years { year age months monthlyWage saldoAwal iuran pengembangan saldoAkhir }
  }
}`;

const JP = /* GraphQL */ `query($input: SimulasiJpInput!) {
  simulasiJp(input: $input) {
    assumptions { birthDate birthDateSource monthlyWage monthlyWageSource masaIuranMonths masaIuranMonthsSource continueContributing
                  wageGrowthPercent inflationPercent ratePercent contributionPercent minimumMonths }
    pensionAge pensionYear pensionDate totalMonths futureMonths eligibleForMonthlyPension averageIndexedWage
    formulaBenefit monthlyBenefit limitApplied benefitFloor benefitFloorSource benefitCeiling benefitCeilingSource
    lumpSum lumpSumContributions lumpSumReason wageCaps { from wageCap source }
  }
}`;

/** A wage earner born 17 May 1990 with a PU card since March 2018 and two years of contributions at Rp4,000,000. */
async function budiLike() {
  const p = await h.seed
    .participant({ fullName: "Budi Santoso", birthDate: "1990-05-17" })
    .withCard({ segment: "PU", status: "AKTIF", registeredAt: "2018-03-01" })
    .withAccount()
    .build();
  await h.seed.contributionsFor(p.cards[0]!.id, { from: "2018-03", months: 24, wage: 4_000_000 });
  return { ...p, token: (await signIn(h.server.url, p.email!)).accessToken };
}

describe("simulasiJht", () => {
  it("projects the current merged saldo to 56 with the wage given, echoing every assumption", async () => {
    const p = await budiLike();
    const res = await gql(h.server.url, JHT, { input: { monthlyWage: "6000000.00", wageGrowthPercent: "0", ratePercent: "0" } }, { token: p.token });
    expect(res.errors).toBeUndefined();
    const { me, simulasiJht: sim } = res.data!;
    // The start is the participant's saldo as the statement shows it.
    expect(sim.startSaldo).toBe(me.saldoJht.total);
    expect(rupiahToSen(sim.startSaldo) > 0n).toBe(true);
    expect(sim.startDate).toBe(me.saldoJht.asOf);
    expect(sim.assumptions).toEqual({
      monthlyWage: "6000000.00",
      monthlyWageSource: "INPUT",
      wageGrowthPercent: "0.00",
      ratePercent: "0.00",
      contributionPercent: "5.70",
      employerContributionPercent: "3.70",
      workerContributionPercent: "2.00",
      jhtAge: 56,
      birthDate: "1990-05-17",
    });
    expect(sim.dateAt56).toBe("2046-05-17");
    expect(sim.years.at(-1)).toMatchObject({ year: 2046, age: 56 });
    // At 0% development and growth the saldo grows by Rp342,000 (3.7% + 2% of Rp6,000,000) for every month
    // after the start month through May 2046.
    const [y0, m0] = [Number(sim.startDate.slice(0, 4)), Number(sim.startDate.slice(5, 7))];
    const monthsLeft = (2046 - y0) * 12 + 5 - m0;
    expect(sim.saldoAt56).toBe(senToRupiah(rupiahToSen(sim.startSaldo) + BigInt(monthsLeft) * 34_200_000n));
    for (const y of sim.years) {
      expect(y.pengembangan).toBe("0.00");
      expect(rupiahToSen(y.saldoAwal) + rupiahToSen(y.iuran) + rupiahToSen(y.pengembangan)).toBe(rupiahToSen(y.saldoAkhir));
    }
  });

  it("takes the latest reported wage and the default assumptions when none are given", async () => {
    const p = await budiLike();
    const res = await gql(h.server.url, JHT, { input: {} }, { token: p.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.simulasiJht.assumptions).toMatchObject({
      monthlyWage: "4000000.00",
      monthlyWageSource: "PARTICIPANT_DATA",
      wageGrowthPercent: "5.00",
      ratePercent: "5.50",
    });
  });

  it("refuses bad percentages and a missing wage as BAD_USER_INPUT naming the field", async () => {
    const p = await budiLike();
    const bad = async (input: Record<string, unknown>) => (await gql(h.server.url, JHT, { input }, { token: p.token })).errors?.[0]?.extensions;
    expect(await bad({ wageGrowthPercent: "5.555" })).toMatchObject({ code: "BAD_USER_INPUT", detail: expect.stringMatching(/^wageGrowthPercent:/) });
    expect(await bad({ ratePercent: "25" })).toMatchObject({ code: "BAD_USER_INPUT", detail: expect.stringMatching(/^ratePercent:/) });
    expect(await bad({ ratePercent: "-1" })).toMatchObject({ code: "BAD_USER_INPUT", detail: expect.stringMatching(/^ratePercent:/) });
    expect(await bad({ monthlyWage: "0.00" })).toMatchObject({ code: "BAD_USER_INPUT", detail: expect.stringMatching(/^monthlyWage:/) });

    const noWage = await h.seed.participant().withCard().withAccount().build();
    const token = (await signIn(h.server.url, noWage.email!)).accessToken;
    const res = await gql(h.server.url, JHT, { input: {} }, { token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", detail: expect.stringMatching(/^monthlyWage: no reported wage/) });
  });

  it("needs a signed-in participant", async () => {
    const query = `{ simulasiJht(input: { monthlyWage: "5000000.00" }) { saldoAt56 } }`;
    expect((await gql(h.server.url, query)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const staff = await h.seed.staff();
    const token = (await signIn(h.server.url, staff.email)).accessToken;
    expect((await gql(h.server.url, query, {}, { token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("simulasiJp", () => {
  it("counts the masa iur from the cards and pays a monthly pension after 15 years", async () => {
    const p = await budiLike();
    const res = await gql(
      h.server.url,
      JP,
      { input: { monthlyWage: "5000000.00", wageGrowthPercent: "0", inflationPercent: "0", ratePercent: "0" } },
      { token: p.token },
    );
    expect(res.errors).toBeUndefined();
    const sim = res.data!.simulasiJp;
    // Born 1990: pension age 65 on 17 May 2055. The card runs from March 2018, but its ledger holds 24 paid months
    // (March 2018 – February 2020): the masa iur so far is those 24 (issue 11, finding 5; before, every month since
    // March 2018 counted). Contributing on from next month to May 2055: total = 24 + futureMonths, and
    // 1% × (total / 12) × 5,000,000 = total × 5,000,000 / 1200, rounded half up to the sen.
    const total = 24 + sim.futureMonths;
    const formula = (BigInt(total) * 500_000_000n * 2n + 1200n) / 2400n;
    expect(sim).toMatchObject({
      pensionAge: 65,
      pensionYear: 2055,
      pensionDate: "2055-05-17",
      totalMonths: total,
      eligibleForMonthlyPension: true,
      averageIndexedWage: "5000000.00",
      formulaBenefit: senToRupiah(formula),
      monthlyBenefit: senToRupiah(formula),
      limitApplied: null,
      benefitFloor: "393500.00",
      benefitFloorSource: "ASSUMED",
      benefitCeiling: "4718200.00",
      lumpSum: null,
      lumpSumReason: null,
    });
    expect(total).toBeGreaterThan(180);
    expect(sim.assumptions).toMatchObject({
      birthDate: "1990-05-17",
      birthDateSource: "PARTICIPANT_DATA",
      monthlyWageSource: "INPUT",
      masaIuranMonths: 24,
      masaIuranMonthsSource: "PARTICIPANT_DATA",
      continueContributing: true,
      inflationPercent: "0.00",
      contributionPercent: "3.00",
      minimumMonths: 180,
    });
    // The caps of the masa iur's years, from the ledger's table, and ASSUMED ones grown (here by 0%) after it.
    expect(sim.wageCaps[0]).toEqual({ from: "2018-03", wageCap: "8094000.00", source: "SECONDARY" });
    expect(sim.wageCaps).toContainEqual({ from: "2026-03", wageCap: "11086300.00", source: "SECONDARY" });
    expect(sim.wageCaps.at(-1)).toEqual({ from: "2055-03", wageCap: "11086300.00", source: "ASSUMED" });
  });

  it("pays a lump sum when fewer than 180 months are reached", async () => {
    const p = await budiLike();
    const res = await gql(
      h.server.url,
      JP,
      { input: { monthlyWage: "5000000.00", masaIuranMonths: 12, continueContributing: false, birthDate: "1970-06-10", ratePercent: "0" } },
      { token: p.token },
    );
    expect(res.errors).toBeUndefined();
    // 12 months × 3% × Rp5,000,000 (wage growth 5% discounts last year's months a little) at 0% development.
    const sim = res.data!.simulasiJp;
    expect(sim).toMatchObject({
      pensionAge: 60,
      totalMonths: 12,
      eligibleForMonthlyPension: false,
      monthlyBenefit: null,
      lumpSumReason: "MASA_IUR_KURANG_15_TAHUN",
    });
    expect(sim.lumpSum).toBe(sim.lumpSumContributions);
    expect(sim.assumptions).toMatchObject({ birthDateSource: "INPUT", masaIuranMonths: 12, masaIuranMonthsSource: "INPUT" });
    const bad = await gql(h.server.url, JP, { input: { monthlyWage: "5000000.00", masaIuranMonths: 9999 } }, { token: p.token });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", detail: expect.stringMatching(/^masaIuranMonths:/) });
  });
});
