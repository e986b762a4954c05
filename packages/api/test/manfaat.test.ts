// Issue 15, part 5: informasi manfaat. The five programs as dated data with sources, public; the answer for a past day
// is that day's regulation (JKM Rp24 juta before PP 82/2019, JKP 45%/25% before PP 6/2025); figures kept in the rule
// book (JP floor, the JMO claim limit) come from it. Card.programs says what each card covers today, owner and staff only.
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../src/common/global-id.ts";
import { bpuMemberships, contributions } from "../src/db/schema.ts";
import { addMonths, firstOfMonth } from "../src/modules/iuran/iuran-bill.ts";
import { contributionFor } from "../src/modules/saldo/contribution-rules.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const PROGRAMS = `query($segment: Segment, $asOf: Date) { manfaatPrograms(segment: $segment, asOf: $asOf) {
  program name validFrom validUntil regulation coverage { segment mandatory }
  benefits { code amount formula sources { title url status } } claim { channel when steps } } }`;
const PROGRAM = `query($program: JaminanProgram!, $asOf: Date) { manfaatProgram(program: $program, asOf: $asOf) { program validFrom validUntil benefits { code amount formula } } }`;
const CARD_PROGRAMS = `query($id: ID!) { node(id: $id) { ... on Card { segment status programs } } }`;

type Program = { program: string; validFrom: string; validUntil: string | null; benefits: Array<{ code: string; amount: string | null; formula: string | null; sources: unknown[] }>; claim: Array<{ channel: string; when: string }>; coverage: Array<{ segment: string }> };
const benefit = (p: Program | undefined, code: string) => p?.benefits.find((b) => b.code === code);

async function programs(vars: Record<string, unknown> = {}, token?: string) {
  const res = await gql<{ manfaatPrograms: Program[] }>(h.server.url, PROGRAMS, vars, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.manfaatPrograms;
}

describe("informasi manfaat", () => {
  it("lists the five programs for today, public, each benefit with a source; figures from the regulations", async () => {
    const today = await programs();
    expect(today.map((p) => p.program)).toEqual(["JHT", "JKK", "JKM", "JP", "JKP"]);
    for (const p of today) for (const b of p.benefits) expect(b.sources.length, `${p.program} ${b.code}`).toBeGreaterThan(0);
    const jkm = today.find((p) => p.program === "JKM");
    expect(jkm).toMatchObject({ validFrom: "2019-12-02", validUntil: null });
    expect(benefit(jkm, "JKM_SANTUNAN_SEKALIGUS")!.amount).toBe("20000000.00");
    expect(benefit(jkm, "SANTUNAN_BERKALA")!.amount).toBe("12000000.00");
    expect(benefit(jkm, "BIAYA_PEMAKAMAN")!.amount).toBe("10000000.00");
    expect(benefit(jkm, "JKM_TOTAL")!.amount).toBe("42000000.00");
    expect(benefit(jkm, "BEASISWA")!.amount).toBe("174000000.00");
    const jkk = today.find((p) => p.program === "JKK");
    expect(benefit(jkk, "JKK_MENINGGAL")!.formula).toBe("48 × upah");
    expect(benefit(jkk, "JKK_STMB")!.formula).toContain("100% × upah untuk 12 bulan pertama");
    const jkp = today.find((p) => p.program === "JKP");
    expect(jkp).toMatchObject({ validFrom: "2025-02-07", validUntil: null, coverage: [{ segment: "PU" }] });
    expect(benefit(jkp, "JKP_UANG_TUNAI_MAKS")!.amount).toBe("3000000.00");
    expect(jkp!.claim.map((c) => c.channel)).toEqual(["SIAP_KERJA"]);
    // From the rule book: the JP floor from March 2024, and the JMO limit from May 2025.
    expect(benefit(today.find((p) => p.program === "JP"), "JP_PENSIUN_MINIMUM")!.amount).toBe("393500.00");
    expect(today.find((p) => p.program === "JHT")!.claim.find((c) => c.channel === "JMO")!.when).toContain("Rp15.000.000 sejak 2025-05-01");
  });

  it("answers a past day with that day's regulation", async () => {
    const mid2019 = await programs({ asOf: "2019-06-01" });
    // JKP did not exist; JKK's benefits before PP 82/2019 are not recorded.
    expect(mid2019.map((p) => p.program)).toEqual(["JHT", "JKM", "JP"]);
    const jkm = mid2019.find((p) => p.program === "JKM");
    expect(jkm).toMatchObject({ validFrom: "2015-07-01", validUntil: "2019-12-02" });
    expect(benefit(jkm, "JKM_SANTUNAN_SEKALIGUS")!.amount).toBe("16200000.00");
    expect(benefit(jkm, "BIAYA_PEMAKAMAN")!.amount).toBe("3000000.00");
    expect(mid2019.find((p) => p.program === "JHT")!.claim.find((c) => c.channel === "JMO")!.when).not.toContain("Rp15.000.000");

    const jkp2024 = (await gql(h.server.url, PROGRAM, { program: "JKP", asOf: "2024-06-01" })).data!.manfaatProgram;
    expect(jkp2024).toMatchObject({ validFrom: "2021-02-02", validUntil: "2025-02-07" });
    expect(jkp2024.benefits.find((b: { code: string }) => b.code === "JKP_UANG_TUNAI").formula).toContain("45% × upah");
    expect((await gql(h.server.url, PROGRAM, { program: "JKP", asOf: "2020-01-01" })).data!.manfaatProgram).toBeNull();
    const jht2024 = await programs({ asOf: "2024-01-01" });
    expect(jht2024.find((p) => p.program === "JHT")!.claim.find((c) => c.channel === "JMO")!.when).toContain("Rp10.000.000 sejak 2022-08-04");

    const future = await gql(h.server.url, PROGRAMS, { asOf: "2999-01-01" });
    expect(future.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("filters by segment: who is in which program", async () => {
    expect((await programs({ segment: "PU" })).map((p) => p.program)).toEqual(["JHT", "JKK", "JKM", "JP", "JKP"]);
    expect((await programs({ segment: "BPU" })).map((p) => p.program)).toEqual(["JHT", "JKK", "JKM"]);
    expect((await programs({ segment: "PMI" })).map((p) => p.program)).toEqual(["JHT", "JKK", "JKM"]);
    expect((await programs({ segment: "JAKON" })).map((p) => p.program)).toEqual(["JKK", "JKM"]);
  });

  it("Card.programs: what each card covers today, for its holder and staff only", async () => {
    const thisMonth = firstOfMonth(todayWib());
    const p = await h.seed
      .participant()
      .withCard({ segment: "PU", status: "AKTIF" })
      .withCard({ segment: "PU", status: "NONAKTIF", nonaktifSince: "2020-01-01" })
      .withCard({ segment: "BPU", status: "AKTIF", registeredAt: addMonths(thisMonth, -2) })
      .withCard({ segment: "BPU", status: "AKTIF", registeredAt: addMonths(thisMonth, -6) })
      .withCard({ segment: "JAKON", status: "AKTIF" })
      .withAccount()
      .build();
    const [pu, puOff, bpuPaid, bpuLate, jakon] = p.cards;
    const db = h.tdb.database.db;
    // One BPU card paid up to this month with JHT; the other paid only until 4 months ago (past its protection).
    await db.insert(bpuMemberships).values([
      { cardId: bpuPaid!.id, declaredIncomeSen: 300_000_000n, jht: true },
      { cardId: bpuLate!.id, declaredIncomeSen: 300_000_000n, jht: false },
    ]);
    for (const [card, period, jht] of [
      [bpuPaid!, thisMonth, true],
      [bpuLate!, addMonths(thisMonth, -6), false],
    ] as const) {
      await db.insert(contributions).values({ cardId: card.id, period, employerId: null, wageSen: 300_000_000n, paidAt: period, ...contributionFor("BPU", 300_000_000n, period, { bpuJht: jht }) });
    }
    const wna = await h.seed.participant({ nationality: "WNA" }).withCard({ segment: "PU", status: "AKTIF" }).withAccount().build();
    const { accessToken: token } = await signIn(h.server.url, p.email!, TEST_PASSWORD);
    const programsOf = async (cardId: string, t: string | undefined = token) => (await gql(h.server.url, CARD_PROGRAMS, { id: toGlobalId("Card", cardId) }, { token: t }));

    expect((await programsOf(pu!.id)).data!.node.programs).toEqual(["JHT", "JKK", "JKM", "JP", "JKP"]);
    expect((await programsOf(puOff!.id)).data!.node.programs).toEqual([]);
    expect((await programsOf(bpuPaid!.id)).data!.node.programs).toEqual(["JHT", "JKK", "JKM"]);
    expect((await programsOf(bpuLate!.id)).data!.node.programs).toEqual([]);
    expect((await programsOf(jakon!.id)).data!.node.programs).toEqual(["JKK", "JKM"]);

    // A foreign worker's wage-earner card: no JKP (Indonesian citizens only).
    const { accessToken: wnaToken } = await signIn(h.server.url, wna.email!, TEST_PASSWORD);
    expect((await programsOf(wna.cards[0]!.id, wnaToken)).data!.node.programs).toEqual(["JHT", "JKK", "JKM", "JP"]);
    // Another member is refused; staff read it.
    expect((await programsOf(pu!.id, wnaToken)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const staff = await h.seed.staff();
    const { accessToken: staffToken } = await signIn(h.server.url, staff.email, TEST_PASSWORD);
    expect((await programsOf(bpuPaid!.id, staffToken)).data!.node.programs).toEqual(["JHT", "JKK", "JKM"]);
  });
});
