// Issue 15, part 3: pelaporan kecelakaan kerja. A member reports a work accident on an AKTIF card (JKK laporan tahap I):
// the report gets a number, names the card's employer and the place's wilayah; staff move it DILAPORKAN → DIVERIFIKASI →
// DITINDAKLANJUTI or DITOLAK, and the member gets exactly one notification per change. Another member sees nothing of it.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../src/common/global-id.ts";
import { kecelakaanReports, notifications } from "../src/db/schema.ts";
import { DEMO_PASSWORD, seedDemoData } from "../src/seed/demo-data.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const FIELDS = `id nomor cardId kpjMasked employerName employerNpp occurredAt placeType address
  wilayah { villageCode kelurahan kecamatan kabupaten provinsi } description injury treated treatmentPlace
  witnesses { name phone } status reportedAt employerReportDueAt reportedAfterDeadline timeline { status note }`;
const REPORT = `mutation($input: KecelakaanKerjaReportInput!) { kecelakaanKerjaReport(input: $input) {
  report { ${FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: KecelakaanKerjaUpdateStatusInput!) { kecelakaanKerjaUpdateStatus(input: $input) {
  report { id status timeline { status note } } userErrors { code field message } } }`;
const GET = `query($id: ID!) { kecelakaanKerja(id: $id) { id nomor status } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on KecelakaanKerjaReport { nomor } } }`;
const MINE = `query { me { kecelakaanKerjaReports(first: 10) { edges { node { id nomor status } } pageInfo { hasNextPage } } } }`;
const QUEUE = `query($status: KecelakaanKerjaStatus) { kecelakaanKerjaQueue(status: $status, first: 10) { edges { node { id nomor status employerName } } } }`;

/** Dago, Coblong, Kota Bandung. */
const DAGO = "3273021004";
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

async function member(card: { status?: "AKTIF" | "NONAKTIF"; segment?: "PU" | "BPU" } = {}) {
  const employer = card.segment === "BPU" ? null : await h.seed.employer({ name: "PT Baja Konstruksi Nusantara" });
  const p = await h.seed
    .participant({ fullName: "Joko Susilo" })
    .withCard({ status: card.status ?? "AKTIF", segment: card.segment ?? "PU", employerId: employer?.id ?? null, registeredAt: "2020-01-01" })
    .withAccount()
    .build();
  const { accessToken } = await signIn(h.server.url, p.email!, TEST_PASSWORD);
  return { ...p, employer, token: accessToken, cardId: toGlobalId("Card", p.cards[0]!.id) };
}

async function staffToken() {
  const s = await h.seed.staff();
  return (await signIn(h.server.url, s.email, TEST_PASSWORD)).accessToken;
}

function input(cardId: string, overrides: Record<string, unknown> = {}) {
  return {
    cardId,
    occurredAt: hoursAgo(5).toISOString(),
    placeType: "DI_LOKASI_KERJA",
    address: "Proyek Gedung B, Jl. Ir. H. Juanda No. 100",
    villageCode: DAGO,
    description: "Terpeleset di tangga perancah lantai 3 saat membawa besi beton.",
    injury: "Pergelangan kaki kiri terkilir, lecet di lengan",
    treated: true,
    treatmentPlace: "RS Borromeus Bandung",
    witnesses: [{ name: "Ujang Sutisna", phone: "081234567890" }, { name: "Asep Saepudin" }],
    idempotencyKey: `kk-${Math.random().toString(36).slice(2, 12)}`,
    ...overrides,
  };
}

async function report(token: string, vars: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await gql(h.server.url, REPORT, { input: vars }, { token, headers });
  expect(res.errors).toBeUndefined();
  return res.data!.kecelakaanKerjaReport as { report: Record<string, any> | null; userErrors: { code: string; field: string[] | null; message: string }[] };
}

async function notificationsOf(participantId: string) {
  // Signing in sends its own (NEW_DEVICE_SIGN_IN): only this flow's count here.
  return h.tdb.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.participantId, participantId), eq(notifications.kind, "KECELAKAAN_STATUS")))
    .orderBy(notifications.seq);
}

describe("pelaporan kecelakaan kerja", () => {
  it("member reports → numbered, employer and wilayah named → staff verify and follow up, one notification per change", async () => {
    const m = await member();
    const vars = input(m.cardId);
    const first = await report(m.token, vars);
    expect(first.userErrors).toEqual([]);
    const r = first.report!;
    expect(r.nomor).toMatch(/^KK-\d{8}-\d{6}$/);
    expect(r).toMatchObject({
      cardId: m.cardId,
      employerName: "PT Baja Konstruksi Nusantara",
      employerNpp: m.employer!.npp,
      placeType: "DI_LOKASI_KERJA",
      wilayah: { villageCode: DAGO, kecamatan: "Coblong", kabupaten: "Kota Bandung", provinsi: "Jawa Barat" },
      treated: true,
      treatmentPlace: "RS Borromeus Bandung",
      witnesses: [{ name: "Ujang Sutisna", phone: "+6281234567890" }, { name: "Asep Saepudin", phone: null }],
      status: "DILAPORKAN",
      reportedAfterDeadline: false,
      timeline: [{ status: "DILAPORKAN", note: null }],
    });
    expect(r.kpjMasked).toMatch(/^\d{2}\*{7}\d{2}$/);
    expect(new Date(r.employerReportDueAt).getTime() - new Date(r.occurredAt).getTime()).toBe(48 * 3_600_000);

    // A retry of the same submission (same key) answers the same report; nothing is stored twice.
    const again = await report(m.token, vars);
    expect(again.report!.id).toBe(r.id);
    expect(await h.tdb.database.db.select().from(kecelakaanReports)).toHaveLength(1);

    const mine = (await gql(h.server.url, MINE, {}, { token: m.token })).data!.me.kecelakaanKerjaReports;
    expect(mine.edges.map((e: { node: { nomor: string } }) => e.node.nomor)).toEqual([r.nomor]);
    expect((await gql(h.server.url, NODE, { id: r.id }, { token: m.token })).data!.node).toEqual({ id: r.id, nomor: r.nomor });

    const staff = await staffToken();
    const queue = (await gql(h.server.url, QUEUE, { status: "DILAPORKAN" }, { token: staff })).data!.kecelakaanKerjaQueue;
    expect(queue.edges.map((e: { node: { nomor: string; employerName: string } }) => e.node)).toEqual([
      { id: r.id, nomor: r.nomor, status: "DILAPORKAN", employerName: "PT Baja Konstruksi Nusantara" },
    ]);
    expect(await notificationsOf(m.participant.id)).toEqual([]);

    const verified = (await gql(h.server.url, UPDATE, { input: { reportId: r.id, status: "DIVERIFIKASI" } }, { token: staff })).data!.kecelakaanKerjaUpdateStatus;
    expect(verified.userErrors).toEqual([]);
    expect(verified.report.status).toBe("DIVERIFIKASI");
    const followed = (
      await gql(h.server.url, UPDATE, { input: { reportId: r.id, status: "DITINDAKLANJUTI", note: "Diteruskan ke laporan tahap I pemberi kerja" } }, { token: staff })
    ).data!.kecelakaanKerjaUpdateStatus;
    expect(followed.report.timeline).toEqual([
      { status: "DILAPORKAN", note: null },
      { status: "DIVERIFIKASI", note: null },
      { status: "DITINDAKLANJUTI", note: "Diteruskan ke laporan tahap I pemberi kerja" },
    ]);

    // A final report cannot move again, and a refused change notifies no one.
    const refused = (await gql(h.server.url, UPDATE, { input: { reportId: r.id, status: "DITOLAK", note: "x" } }, { token: staff })).data!.kecelakaanKerjaUpdateStatus;
    expect(refused).toMatchObject({ report: null, userErrors: [{ code: "KECELAKAAN_STATUS_NOT_ALLOWED", field: ["input", "status"] }] });
    expect(refused.userErrors[0].message).toContain("DITINDAKLANJUTI");

    const sent = await notificationsOf(m.participant.id);
    expect(sent.map((n) => [n.kind, n.params.nomor, n.params.status, n.subjectType])).toEqual([
      ["KECELAKAAN_STATUS", r.nomor, "DIVERIFIKASI", "KecelakaanKerjaReport"],
      ["KECELAKAAN_STATUS", r.nomor, "DITINDAKLANJUTI", "KecelakaanKerjaReport"],
    ]);
    // The member reads them in the kotak masuk, rendered in their language, each pointing at the report.
    const inbox = await gql(h.server.url, `query { me { notifications(first: 5) { edges { node { kind title subjectId } } } } }`, {}, { token: m.token });
    const accident = inbox.data!.me.notifications.edges.map((e: { node: Record<string, string> }) => e.node).filter((n: { kind: string }) => n.kind === "KECELAKAAN_STATUS");
    expect(accident).toHaveLength(2);
    expect(accident.every((n: { subjectId: string; title: string }) => n.subjectId === r.id && n.title.includes(r.nomor))).toBe(true);
  });

  it("staff refuse with a reason (required), which reaches the member's notification", async () => {
    const m = await member({ segment: "BPU" });
    const r = (await report(m.token, input(m.cardId, { occurredAt: hoursAgo(72).toISOString(), placeType: "LALU_LINTAS" }))).report!;
    // A self-employed card names no employer; three days later the employer's 2×24 h has passed.
    expect(r).toMatchObject({ employerName: null, employerNpp: null, reportedAfterDeadline: true });
    const staff = await staffToken();
    const noReason = (await gql(h.server.url, UPDATE, { input: { reportId: r.id, status: "DITOLAK" } }, { token: staff })).data!.kecelakaanKerjaUpdateStatus;
    expect(noReason.userErrors).toMatchObject([{ code: "REQUIRED", field: ["input", "note"] }]);
    const rejected = (
      await gql(h.server.url, UPDATE, { input: { reportId: r.id, status: "DITOLAK", note: "Bukan kecelakaan kerja: di luar jam dan rute kerja" } }, { token: staff })
    ).data!.kecelakaanKerjaUpdateStatus;
    expect(rejected.report.status).toBe("DITOLAK");
    const [n] = await notificationsOf(m.participant.id);
    expect(n!.params).toEqual({ nomor: r.nomor, status: "DITOLAK", reason: "Bukan kecelakaan kerja: di luar jam dan rute kerja" });
    // Only from DILAPORKAN or DIVERIFIKASI; an unknown report is reported as such.
    const unknown = (
      await gql(h.server.url, UPDATE, { input: { reportId: toGlobalId("KecelakaanKerjaReport", "00000000-0000-4000-8000-000000000000"), status: "DIVERIFIKASI" } }, { token: staff })
    ).data!.kecelakaanKerjaUpdateStatus;
    expect(unknown.userErrors).toMatchObject([{ code: "KECELAKAAN_REPORT_NOT_FOUND" }]);
  });

  it("another member, a member acting as staff and an anonymous caller are refused", async () => {
    const owner = await member();
    const other = await member();
    const r = (await report(owner.token, input(owner.cardId))).report!;

    const get = await gql(h.server.url, GET, { id: r.id }, { token: other.token });
    expect(get.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(h.server.url, NODE, { id: r.id }, { token: other.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(h.server.url, MINE, {}, { token: other.token })).data!.me.kecelakaanKerjaReports.edges).toEqual([]);
    // Reporting on someone else's card looks like an unknown card.
    expect((await report(other.token, input(owner.cardId))).userErrors).toMatchObject([{ code: "KECELAKAAN_CARD_NOT_FOUND", field: ["input", "cardId"] }]);
    // Staff operations.
    expect((await gql(h.server.url, QUEUE, {}, { token: other.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const update = await gql(h.server.url, UPDATE, { input: { reportId: r.id, status: "DIVERIFIKASI" } }, { token: owner.token });
    expect(update.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(h.server.url, GET, { id: r.id })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // Staff read it.
    const staff = await staffToken();
    expect((await gql(h.server.url, GET, { id: r.id }, { token: staff })).data!.kecelakaanKerja).toEqual({ id: r.id, nomor: r.nomor, status: "DILAPORKAN" });
    // Nothing moved: still DILAPORKAN, no notification.
    expect(await notificationsOf(owner.participant.id)).toEqual([]);
  });

  it("refuses what the rules refuse, every wrong field at once, in the caller's language", async () => {
    const inactive = await member({ status: "NONAKTIF" });
    expect((await report(inactive.token, input(inactive.cardId))).userErrors).toMatchObject([{ code: "KECELAKAAN_CARD_NOT_ACTIVE" }]);

    const m = await member();
    const future = await report(m.token, input(m.cardId, { occurredAt: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(future.userErrors).toMatchObject([{ code: "KECELAKAAN_OCCURRED_AT_INVALID", field: ["input", "occurredAt"] }]);
    const old = await report(m.token, input(m.cardId, { occurredAt: new Date(Date.now() - 3 * 365 * 86_400_000).toISOString() }));
    expect(old.userErrors).toMatchObject([{ code: "KECELAKAAN_OCCURRED_AT_INVALID" }]);

    const many = await report(
      m.token,
      input(m.cardId, { villageCode: "9999999999", treatmentPlace: null, description: "  ", witnesses: [{ name: "Ujang", phone: "12345" }] }),
      { "accept-language": "en" },
    );
    expect(many.report).toBeNull();
    expect(many.userErrors.map((e) => [e.code, e.field!.join(".")])).toEqual([
      ["REQUIRED", "input.description"],
      ["UNKNOWN_VILLAGE", "input.villageCode"],
      ["REQUIRED", "input.treatmentPlace"],
      ["INVALID_PHONE", "input.witnesses.0.phone"],
    ]);
    expect(many.userErrors[0]!.message).toBe("This field is required.");
    const six = await report(m.token, input(m.cardId, { witnesses: Array.from({ length: 6 }, (_, i) => ({ name: `Saksi ${i}` })) }));
    expect(six.userErrors).toMatchObject([{ code: "KECELAKAAN_TOO_MANY_WITNESSES" }]);
    expect(await h.tdb.database.db.select().from(kecelakaanReports)).toEqual([]);
  });

  it("at the same moment: one report for a double submission, one change (and one notification) for two staff", async () => {
    const m = await member();
    const vars = input(m.cardId);
    const [a, b] = await Promise.all([report(m.token, vars), report(m.token, vars)]);
    expect(a.report!.id).toBe(b.report!.id);
    expect(await h.tdb.database.db.select().from(kecelakaanReports)).toHaveLength(1);
    const [s1, s2] = await Promise.all([staffToken(), staffToken()]);
    const answers = await Promise.all(
      [s1, s2].map(async (token) => (await gql(h.server.url, UPDATE, { input: { reportId: a.report!.id, status: "DIVERIFIKASI" } }, { token })).data!.kecelakaanKerjaUpdateStatus),
    );
    expect(answers.map((x) => x.userErrors.map((e: { code: string }) => e.code)).sort()).toEqual([[], ["KECELAKAAN_STATUS_NOT_ALLOWED"]]);
    expect(await notificationsOf(m.participant.id)).toHaveLength(1);
  });

  it("demo data: Siti's verified report on her AKTIF card, with its notification", async () => {
    await seedDemoData(h.tdb.database.db, { participants: 5, today: todayWib() });
    const { accessToken } = await signIn(h.server.url, "siti@example.com", DEMO_PASSWORD);
    const res = await gql(
      h.server.url,
      `query { me { kecelakaanKerjaReports { edges { node { nomor status employerName kpjMasked timeline { status } } } }
        notifications(first: 20) { edges { node { kind subjectId } } } } }`,
      {},
      { token: accessToken },
    );
    const [report] = res.data!.me.kecelakaanKerjaReports.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(report).toMatchObject({ status: "DIVERIFIKASI", employerName: "PT Nusantara Digital Solusi", kpjMasked: "23*******34", timeline: [{ status: "DILAPORKAN" }, { status: "DIVERIFIKASI" }] });
    expect(res.data!.me.notifications.edges.some((e: { node: { kind: string } }) => e.node.kind === "KECELAKAAN_STATUS")).toBe(true);
  });
});
