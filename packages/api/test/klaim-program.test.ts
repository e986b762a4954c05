// Issue 16, part 2: klaim program lain. klaimProgramInfo(program, asOf) tells, for JKM, JKK, JP and JKP, who may claim
// (JKM: the heirs in the order of PP 44/2015 art. 40), the documents, the channels with their links and the rules, each
// with a source; dated (JKP's deadline 3 months before PP 6/2025, 6 after). Signed in as a member, `candidate` answers
// from their own cards, ledger, accident reports and JHT claims; anonymous callers and staff get no candidate.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cards, contributions, kecelakaanReports, klaims } from "../src/db/schema.ts";
import { addMonths } from "../src/seed/calendar.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "../src/seed/demo-data.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { contributionFor } from "../src/modules/saldo/contribution-rules.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const SOURCES = `sources { title url status }`;
const PUBLIC = `program name asOf validFrom validUntil regulation needsBranchVisit
  claimants { rank who when ${SOURCES} } conditions { code text ${SOURCES} } documents { code name forClaim ${SOURCES} }
  channels { kind name url needsBranchVisit kanalLayananService steps ${SOURCES} } manfaat { program benefits { code amount } }`;
const CANDIDATE = `candidate { status summary channel needsBranchVisit monthsPaid age pensionAge pensionDate jpBenefitForm phkDate claimDeadline
  checks { code result passed required title message } }`;
const INFO = `query($program: ProgramKlaim!, $asOf: Date) { klaimProgramInfo(program: $program, asOf: $asOf) { ${PUBLIC} ${CANDIDATE} } }`;
const ALL = `query { JKM: klaimProgramInfo(program: JKM) { ${CANDIDATE} } JKK: klaimProgramInfo(program: JKK) { ${CANDIDATE} }
  JP: klaimProgramInfo(program: JP) { ${CANDIDATE} } JKP: klaimProgramInfo(program: JKP) { ${CANDIDATE} } }`;

type Check = { code: string; result: string; passed: boolean; required: boolean; title: string; message: string };
type Candidate = {
  status: string;
  summary: string;
  channel: string | null;
  needsBranchVisit: boolean;
  monthsPaid: number | null;
  age: number | null;
  pensionAge: number | null;
  pensionDate: string | null;
  jpBenefitForm: string | null;
  phkDate: string | null;
  claimDeadline: string | null;
  checks: Check[];
};
type Source = { title: string; url: string | null; status: string };
const check = (c: Candidate, code: string) => c.checks.find((x) => x.code === code);
const results = (c: Candidate) => Object.fromEntries(c.checks.map((x) => [x.code, x.result]));

async function info(program: string, opts: { token?: string; asOf?: string; headers?: Record<string, string> } = {}) {
  const res = await gql(h.server.url, INFO, { program, asOf: opts.asOf }, { token: opts.token, headers: opts.headers });
  expect(res.errors).toBeUndefined();
  return res.data!.klaimProgramInfo;
}

async function all(token: string | undefined, headers: Record<string, string> = {}): Promise<Record<string, { candidate: Candidate | null }>> {
  const res = await gql(h.server.url, ALL, {}, { token, headers });
  expect(res.errors).toBeUndefined();
  return res.data as Record<string, { candidate: Candidate | null }>;
}

async function member(spec: { birthDate?: string; nationality?: "WNI" | "WNA" } = {}, cardSpecs: Array<Record<string, unknown>> = [{}]) {
  let b = h.seed.participant({ birthDate: spec.birthDate ?? "1990-05-17", nationality: spec.nationality ?? "WNI" });
  for (const c of cardSpecs) b = b.withCard(c as never);
  const p = await b.withAccount().build();
  const { accessToken } = await signIn(h.server.url, p.email!, TEST_PASSWORD);
  return { ...p, token: accessToken };
}

describe("klaimProgramInfo: the public part", () => {
  it("answers each program with claimants, documents, channels and rules, every row sourced; no candidate for anonymous callers", async () => {
    for (const program of ["JKM", "JKK", "JP", "JKP"]) {
      const p = await info(program);
      expect(p.program).toBe(program);
      expect(p.asOf).toBe(todayWib());
      expect(p.candidate).toBeNull();
      expect(p.claimants.length).toBeGreaterThan(0);
      expect(p.documents.length).toBeGreaterThan(0);
      expect(p.channels.length).toBeGreaterThan(0);
      expect(p.manfaat.program).toBe(program);
      const rows = [...p.claimants, ...p.conditions, ...p.documents, ...p.channels] as Array<{ sources: Source[] }>;
      for (const row of rows) {
        expect(row.sources.length, JSON.stringify(row)).toBeGreaterThan(0);
        for (const s of row.sources) expect(["OFFICIAL", "SECONDARY", "ASSUMED"]).toContain(s.status);
      }
    }
  });

  it("JKM: the heirs in the order of PP 44/2015 art. 40, the heir's documents, at a branch through Lapak Asik", async () => {
    const jkm = await info("JKM");
    expect(jkm.claimants.map((c: { rank: number }) => c.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(jkm.claimants[0].who).toBe("Janda, duda, atau anak");
    expect(jkm.claimants[2].who).toBe("Saudara kandung");
    expect(jkm.claimants[3].who).toBe("Mertua");
    expect(jkm.claimants[0].sources[0].title).toContain("PP 44/2015 pasal 40");
    expect(jkm.documents.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(["KARTU_PESERTA", "KTP", "AKTA_KEMATIAN", "KK", "SURAT_KETERANGAN_AHLI_WARIS", "BUKU_NIKAH"]),
    );
    expect(jkm.channels[0]).toMatchObject({ kind: "LAPAK_ASIK", url: "https://lapakasik.bpjsketenagakerjaan.go.id/", needsBranchVisit: true, kanalLayananService: "KLAIM_JKK_JKM" });
    expect(jkm.needsBranchVisit).toBe(true);
    expect(jkm.manfaat.benefits.find((b: { code: string }) => b.code === "JKM_TOTAL").amount).toBe("42000000.00");
  });

  it("JKP in SIAPkerja; its deadline is dated: 3 months under PP 37/2021, 6 months from PP 6/2025", async () => {
    const now = await info("JKP");
    expect(now).toMatchObject({ validFrom: "2025-02-07", validUntil: null, regulation: "PP 37/2021 jo. PP 6/2025", needsBranchVisit: false });
    expect(now.channels).toEqual([expect.objectContaining({ kind: "SIAP_KERJA", url: "https://siapkerja.kemnaker.go.id/", needsBranchVisit: false, kanalLayananService: null })]);
    expect(now.conditions.map((c: { code: string }) => c.code)).toContain("JKP_BATAS_6_BULAN");
    const before = await info("JKP", { asOf: "2024-06-01" });
    expect(before).toMatchObject({ validFrom: "2021-02-02", validUntil: "2025-02-07" });
    expect(before.conditions.map((c: { code: string }) => c.code)).toContain("JKP_BATAS_3_BULAN");
    // JKP did not exist in 2020; JKM's guidance is recorded from PP 82/2019.
    expect((await gql(h.server.url, INFO, { program: "JKP", asOf: "2020-06-01" })).data!.klaimProgramInfo).toBeNull();
    expect((await gql(h.server.url, INFO, { program: "JKM", asOf: "2019-01-01" })).data!.klaimProgramInfo).toBeNull();
    expect((await gql(h.server.url, INFO, { program: "JP", asOf: "2999-01-01" })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // JP: a branch office or Lapak Asik online, with the kanalLayanan service to look offices up by.
    const jp = await info("JP");
    expect(jp.channels.map((c: { kind: string; needsBranchVisit: boolean }) => [c.kind, c.needsBranchVisit])).toEqual([["KANTOR_CABANG", true], ["LAPAK_ASIK", false]]);
    expect(jp.channels[0].kanalLayananService).toBe("KLAIM_JP");
    expect(jp.needsBranchVisit).toBe(false);
  });
});

describe("klaimProgramInfo: the demo personas' candidate answers", () => {
  it("budi, siti, agus, dewi, rina from their own cards; staff and anonymous get none", async () => {
    const today = todayWib();
    await seedDemoData(h.tdb.database.db, { participants: 5, today });
    const as = async (who: string) => all((await signIn(h.server.url, `${who}@example.com`, DEMO_PASSWORD)).accessToken);

    // Budi: resigned July 2024, 42 paid months, verified data with a wife and a child.
    const budi = await as("budi");
    expect(budi.JKM!.candidate).toMatchObject({ status: "HEIRS_ONLY", channel: "LAPAK_ASIK", needsBranchVisit: true, monthsPaid: 42 });
    expect(results(budi.JKM!.candidate!)).toEqual({ JKM_DILINDUNGI: "FAILED", JKM_MASA_IUR_BEASISWA: "PASSED", JKM_AHLI_WARIS_TERCATAT: "PASSED" });
    expect(check(budi.JKM!.candidate!, "JKM_AHLI_WARIS_TERCATAT")!.message).toContain("pasangan dan 1 anak");
    expect(budi.JKK!.candidate).toMatchObject({ status: "NOT_CANDIDATE", channel: null });
    expect(budi.JP!.candidate).toMatchObject({ status: "NOT_CANDIDATE", monthsPaid: 42, pensionAge: 65, pensionDate: "2055-05-14", jpBenefitForm: "SEKALIGUS" });
    expect(results(budi.JP!.candidate!)).toEqual({ JP_KEPESERTAAN: "PASSED", JP_USIA_PENSIUN: "FAILED", JP_MASA_IUR_15_TAHUN: "FAILED" });
    // His card stopped on 2024-08-01, under PP 37/2021: 3 months to claim, long gone.
    expect(budi.JKP!.candidate).toMatchObject({ status: "NOT_CANDIDATE", phkDate: "2024-08-01", claimDeadline: "2024-11-01", monthsPaid: 24 });
    expect(results(budi.JKP!.candidate!)).toMatchObject({ JKP_TIDAK_BEKERJA: "PASSED", JKP_PHK: "UNKNOWN", JKP_MASA_IUR: "PASSED", JKP_IURAN_BERTURUT: "PASSED", JKP_BATAS_PENGAJUAN: "FAILED" });

    // Siti: still working (AKTIF card), with a verified work-accident report on it.
    const siti = await as("siti");
    expect(results(siti.JKM!.candidate!)).toMatchObject({ JKM_DILINDUNGI: "PASSED", JKM_AHLI_WARIS_TERCATAT: "UNKNOWN" });
    expect(siti.JKK!.candidate).toMatchObject({ status: "CANDIDATE", channel: "KANTOR_CABANG", needsBranchVisit: true });
    expect(check(siti.JKK!.candidate!, "JKK_LAPORAN_KECELAKAAN")!.message).toMatch(/^Laporan KK-\d{8}-\d{6} \(DIVERIFIKASI\) tercatat/);
    expect(siti.JP!.candidate).toMatchObject({ status: "NOT_CANDIDATE", pensionAge: 65 });
    expect(siti.JKP!.candidate).toMatchObject({ status: "NOT_CANDIDATE", phkDate: null });
    expect(check(siti.JKP!.candidate!, "JKP_TIDAK_BEKERJA")).toMatchObject({ result: "FAILED", message: expect.stringContaining("23*******34") });

    // Agus: NONAKTIF for six months, reason not recorded: POSSIBLE while within PP 6/2025's 6 months, then NOT_CANDIDATE.
    const agus = await as("agus");
    const phk = addMonths(today, -6);
    expect(agus.JKP!.candidate).toMatchObject({ phkDate: phk, claimDeadline: addMonths(phk, 6), monthsPaid: 24 });
    const inTime = addMonths(phk, 6) >= today;
    expect(agus.JKP!.candidate).toMatchObject({ status: inTime ? "POSSIBLE" : "NOT_CANDIDATE", channel: inTime ? "SIAP_KERJA" : null });
    expect(check(agus.JKP!.candidate!, "JKP_PHK")!.result).toBe("UNKNOWN");
    expect(agus.JP!.candidate).toMatchObject({ status: "NOT_CANDIDATE", pensionDate: "2051-11-03" });

    // Dewi: stopped on 2025-01-01, before PP 6/2025: her deadline was 3 months later.
    const dewi = await as("dewi");
    expect(dewi.JKP!.candidate).toMatchObject({ status: "NOT_CANDIDATE", phkDate: "2025-01-01", claimDeadline: "2025-04-01" });
    expect(dewi.JP!.candidate).toMatchObject({ monthsPaid: 36 });

    // Rina: self-employed (BPU), this month due: no JP, no JKP; JKK and JKM wait for the payment.
    const rina = await as("rina");
    expect(rina.JP!.candidate).toMatchObject({ status: "NOT_CANDIDATE", monthsPaid: 0, jpBenefitForm: null });
    expect(results(rina.JP!.candidate!)).toEqual({ JP_KEPESERTAAN: "FAILED", JP_USIA_PENSIUN: "FAILED" });
    expect(results(rina.JKP!.candidate!)).toEqual({ JKP_PENERIMA_UPAH_WNI: "FAILED" });
    expect(rina.JKK!.candidate!.status).toBe("NOT_CANDIDATE");
    expect(rina.JKM!.candidate).toMatchObject({ status: "HEIRS_ONLY" });
    expect(check(rina.JKM!.candidate!, "JKM_MASA_IUR_BEASISWA")!.result).toBe("FAILED");

    // Hendra (klaim JHT sebagian's persona, issue 16 part 1): working for 10+ years, protected, nothing reported yet.
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toContain("hendra@example.com");
    const hendra = await as("hendra");
    expect(hendra.JKK!.candidate).toMatchObject({ status: "POSSIBLE", channel: "JMO", needsBranchVisit: false });
    expect(results(hendra.JKM!.candidate!)).toMatchObject({ JKM_DILINDUNGI: "PASSED", JKM_AHLI_WARIS_TERCATAT: "PASSED" });
    expect(check(hendra.JKP!.candidate!, "JKP_TIDAK_BEKERJA")!.result).toBe("FAILED");
    expect(hendra.JP!.candidate).toMatchObject({ status: "NOT_CANDIDATE", pensionAge: 65, pensionDate: "2053-04-20" });

    // Staff and anonymous callers: the public part only.
    const staff = await all((await signIn(h.server.url, "petugas@example.com", DEMO_PASSWORD)).accessToken);
    const anonymous = await all(undefined);
    for (const program of ["JKM", "JKK", "JP", "JKP"]) {
      expect(staff[program]!.candidate).toBeNull();
      expect(anonymous[program]!.candidate).toBeNull();
    }
    // A refused token is not treated as anonymous.
    expect((await gql(h.server.url, ALL, {}, { token: "not-a-token" })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  }, 120_000);
});

describe("klaimProgramInfo: candidates from built members", () => {
  it("JP: pension age reached with fewer than 180 months → candidate for a lump sum at a branch", async () => {
    // Born 1965-01-01: pension age 58 (reached in 2023, PP 45/2015 art. 15), on 2023-01-01.
    const m = await member({ birthDate: "1965-01-01" }, [{ status: "NONAKTIF", registeredAt: "2015-07-01", nonaktifSince: "2023-01-01" }]);
    await h.seed.contributionsFor(m.cards[0]!.id, { from: "2015-07", months: 90, wage: 5_000_000 });
    const jp = await info("JP", { token: m.token });
    expect(jp.candidate).toMatchObject({ status: "CANDIDATE", channel: "KANTOR_CABANG", needsBranchVisit: true, monthsPaid: 90, pensionAge: 58, pensionDate: "2023-01-01", jpBenefitForm: "SEKALIGUS" });
    expect(check(jp.candidate, "JP_MASA_IUR_15_TAHUN")).toMatchObject({ result: "FAILED", required: false, message: expect.stringContaining("kurang 90 bulan dari 180") });
    // On a day before the pension date the same member is not a candidate yet.
    const earlier = await info("JP", { token: m.token, asOf: "2022-12-31" });
    expect(earlier.candidate).toMatchObject({ status: "NOT_CANDIDATE", age: 57 });
  });

  it("JKP: dismissal recorded by a JHT claim → candidate; resignation → not; reason unknown → possible; a gap in the last 6 months → not", async () => {
    const today = todayWib();
    const phk = `${addMonths(today, -2).slice(0, 7)}-01`;
    const start = addMonths(phk, -24).slice(0, 7);
    const build = async () => {
      const m = await member({}, [{ status: "NONAKTIF", registeredAt: `${start}-01`, nonaktifSince: phk }]);
      await h.seed.contributionsFor(m.cards[0]!.id, { from: start, months: 24, wage: 6_000_000 });
      return m;
    };
    const unknown = await build();
    const possible = (await info("JKP", { token: unknown.token })).candidate;
    expect(possible).toMatchObject({ status: "POSSIBLE", channel: "SIAP_KERJA", needsBranchVisit: false, phkDate: phk, claimDeadline: addMonths(phk, 6), monthsPaid: 24 });
    expect(Object.values(results(possible)).filter((r) => r !== "PASSED")).toEqual(["UNKNOWN"]);

    const dismissed = await build();
    await h.tdb.database.db.insert(klaims).values({ participantId: dismissed.participant.id, cardId: dismissed.cards[0]!.id, sebab: "PHK", status: "SELESAI" });
    expect((await info("JKP", { token: dismissed.token })).candidate).toMatchObject({ status: "CANDIDATE", channel: "SIAP_KERJA" });

    const resigned = await build();
    await h.tdb.database.db.insert(klaims).values({ participantId: resigned.participant.id, cardId: resigned.cards[0]!.id, sebab: "MENGUNDURKAN_DIRI", status: "SELESAI" });
    const notCandidate = (await info("JKP", { token: resigned.token })).candidate;
    expect(notCandidate).toMatchObject({ status: "NOT_CANDIDATE", channel: null });
    expect(check(notCandidate, "JKP_PHK")).toMatchObject({ result: "FAILED", message: expect.stringContaining("mengundurkan diri") });

    // 24 months paid but the one just before the PHK missing: 23 in the window, and not 6 in a row.
    const gap = await member({}, [{ status: "NONAKTIF", registeredAt: `${start}-01`, nonaktifSince: phk }]);
    await h.seed.contributionsFor(gap.cards[0]!.id, { from: start, months: 23, wage: 6_000_000 });
    const gapped = (await info("JKP", { token: gap.token })).candidate;
    expect(results(gapped)).toMatchObject({ JKP_MASA_IUR: "PASSED", JKP_IURAN_BERTURUT: "FAILED" });
    expect(check(gapped, "JKP_IURAN_BERTURUT")!.message).toContain(addMonths(phk, -1).slice(0, 7));

    // A foreign worker is not in JKP; English when asked.
    const wna = await member({ nationality: "WNA" }, [{ status: "NONAKTIF", registeredAt: `${start}-01`, nonaktifSince: phk }]);
    const en = (await info("JKP", { token: wna.token, headers: { "accept-language": "en" } })).candidate;
    expect(check(en, "JKP_PENERIMA_UPAH_WNI")).toMatchObject({ result: "FAILED", title: "Indonesian wage earner", message: "JKP is for Indonesian citizens only." });
    expect(en.summary).toMatch(/^You do not meet the JKP conditions now\./);
  });

  it("JKK: covered with nothing reported → possible (report in JMO); a refused report → not; a report on a card since stopped still counts", async () => {
    const covered = await member({}, [{ status: "AKTIF", registeredAt: "2020-01-01" }]);
    expect((await info("JKK", { token: covered.token })).candidate).toMatchObject({ status: "POSSIBLE", channel: "JMO", needsBranchVisit: false });

    const db = h.tdb.database.db;
    const report = (m: { participant: { id: string }; cards: Array<{ id: string }> }, status: "DITOLAK" | "DIVERIFIKASI") =>
      db.insert(kecelakaanReports).values({
        participantId: m.participant.id,
        cardId: m.cards[0]!.id,
        occurredAt: new Date(Date.now() - 86_400_000),
        placeType: "DI_LOKASI_KERJA",
        address: "Gudang B",
        villageCode: "3273021004",
        description: "Terjatuh dari tangga",
        injury: "Lengan memar",
        treated: false,
        status,
        idempotencyKey: `kk-${Math.random()}`,
      });
    const refused = await member({}, [{ status: "AKTIF", registeredAt: "2020-01-01" }]);
    await report(refused, "DITOLAK");
    const r = (await info("JKK", { token: refused.token })).candidate;
    expect(r.status).toBe("NOT_CANDIDATE");
    expect(check(r, "JKK_LAPORAN_KECELAKAAN")!.message).toContain("ditolak");

    const stopped = await member({}, [{ status: "AKTIF", registeredAt: "2020-01-01" }]);
    await report(stopped, "DIVERIFIKASI");
    await db.update(cards).set({ status: "NONAKTIF", nonaktifSince: todayWib() }).where(eq(cards.id, stopped.cards[0]!.id));
    const s = (await info("JKK", { token: stopped.token })).candidate;
    expect(s).toMatchObject({ status: "CANDIDATE", channel: "KANTOR_CABANG" });
    expect(check(s, "JKK_DILINDUNGI")!.message).toBe("Kecelakaan dilaporkan saat kartu Anda aktif.");
  });

  it("costs the same number of SQL statements for one wage-earner card as for three", async () => {
    const statementsWith = async (n: number) => {
      const m = await member({}, Array.from({ length: n }, (_, i) => ({ status: "NONAKTIF", registeredAt: `201${i}-01-01`, nonaktifSince: `201${i + 1}-01-01` })));
      for (const [i, c] of m.cards.entries()) await h.seed.contributionsFor(c.id, { from: `201${i}-01`, months: 12, wage: 4_000_000 });
      const res = await gql(h.server.url, `query { klaimProgramInfo(program: JKP) { ${CANDIDATE} } }`, {}, { token: m.token });
      expect(res.errors).toBeUndefined();
      return res.extensions!.sqlStatements as number;
    };
    const one = await statementsWith(1);
    expect(await statementsWith(3)).toBe(one);
    expect(one).toBeLessThanOrEqual(7);
  });

  it("counts only paid months, each month once over all cards", async () => {
    const m = await member({ birthDate: "1965-01-01" }, [
      { status: "NONAKTIF", registeredAt: "2016-01-01", nonaktifSince: "2017-01-01" },
      { status: "NONAKTIF", registeredAt: "2016-06-01", nonaktifSince: "2017-01-01" },
    ]);
    await h.seed.contributionsFor(m.cards[0]!.id, { from: "2016-01", months: 12, wage: 4_000_000 });
    await h.seed.contributionsFor(m.cards[1]!.id, { from: "2016-06", months: 7, wage: 4_000_000 });
    // An unpaid month on a third period does not count.
    await h.tdb.database.db.insert(contributions).values({ cardId: m.cards[0]!.id, period: "2017-01-01", wageSen: 400_000_000n, paidAt: null, ...contributionFor("PU", 400_000_000n, "2017-01-01") });
    expect((await info("JP", { token: m.token })).candidate.monthsPaid).toBe(12);
  });
});
