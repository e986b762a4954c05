// Issue 15, part 2: pengaduan. A member files tickets with attachments checked by their bytes, gets numbers sequential
// per day, sees the conversation; staff work the queue by category and age (late tickets flagged), reply and move
// tickets on with a reason; every staff message is one notification; an accepted KOREKSI_DATA ticket corrects the
// record with audit rows. Another member is refused everywhere, attachments included. PGlite, or PostgreSQL with
// TEST_DATABASE_URL.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, participants, pengaduan, pengaduanAttachmentBlobs, pengaduanAttachments, personalDataAudit } from "../src/db/schema.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { dueAtFor } from "../src/modules/pengaduan/pengaduan-sla.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { makeTestSelfieBytes } from "./support/selfies.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const FIELDS = `id nomor kategori subject description status statusReason employerName late dueAt closedAt createdAt
  card { id kpjMasked } koreksi { field before proposed }
  messages { author body status attachments { id fileName type sizeBytes url } }`;
const CREATE = `mutation($input: PengaduanCreateInput!) { pengaduanCreate(input: $input) { pengaduan { ${FIELDS} } userErrors { code field message } } }`;
const REPLY = `mutation($input: PengaduanReplyInput!) { pengaduanReply(input: $input) { pengaduan { id status messages { author body } } userErrors { code field message } } }`;
const SET_STATUS = `mutation($input: PengaduanSetStatusInput!) { pengaduanSetStatus(input: $input) { pengaduan { id status statusReason closedAt } userErrors { code field message } } }`;
const GET = `query($id: ID!) { pengaduan(id: $id) { ${FIELDS} } }`;
const QUEUE = `query($kategori: PengaduanKategori, $lateOnly: Boolean, $first: Int, $after: String) {
  pengaduanQueue(kategori: $kategori, lateOnly: $lateOnly, first: $first, after: $after) { edges { cursor node { id nomor kategori status late } } pageInfo { hasNextPage endCursor } } }`;
const SUMMARY = `query { pengaduanQueueSummary { kategori targetWorkingDays open late oldestCreatedAt } }`;

const png = () => makeTestSelfieBytes({ width: 40, height: 30, format: "png", seed: 7 });
const jpg = () => makeTestSelfieBytes({ width: 40, height: 30, format: "jpeg", seed: 8 });
const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const file = (fileName: string, type: "JPEG" | "PNG" | "PDF", bytes: Buffer) => ({ fileName, type, contentBase64: bytes.toString("base64") });
let keys = 0;
const key = () => `test-key-${Date.now()}-${++keys}`;

async function member(overrides: { fullName?: string; birthPlace?: string; birthDate?: string } = {}) {
  const p = await h.seed
    .participant({ fullName: "Sri Wahyuni", birthPlace: "Semarang", birthDate: "1991-03-04", gender: "PEREMPUAN", ...overrides })
    .withCard({ status: "AKTIF" })
    .withAccount()
    .build();
  const { accessToken } = await signIn(h.server.url, p.email!, TEST_PASSWORD);
  const me = await gql(h.server.url, "query { me { cards { id } } }", {}, { token: accessToken });
  return { ...p, token: accessToken, cardId: me.data!.me.cards[0].id as string };
}

async function staff() {
  const s = await h.seed.staff();
  const { accessToken } = await signIn(h.server.url, s.email, TEST_PASSWORD);
  return { ...s, token: accessToken };
}

async function create(token: string, input: Record<string, unknown>) {
  const res = await gql(h.server.url, CREATE, { input: { idempotencyKey: key(), ...input } }, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.pengaduanCreate as { pengaduan: any; userErrors: Array<{ code: string; field: string[] | null; message: string }> };
}

const koreksiInput = (cardId?: string) => ({
  kategori: "KOREKSI_DATA",
  subject: "Nama tidak sesuai KTP",
  description: "Nama di kartu tertulis Sri Wahyuni, di KTP Sri Wahyuningsih, dan kota lahir Semarang seharusnya Salatiga.",
  cardId,
  koreksi: { fullName: "Sri Wahyuningsih", birthPlace: "Salatiga" },
  attachments: [file("ktp.png", "PNG", png())],
});

const attachmentUrl = (path: string) => h.server.url.replace(/\/graphql$/, path);
const download = (path: string, token?: string) => fetch(attachmentUrl(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** The member's pengaduan notifications, oldest first (a sign-in may add a NEW_DEVICE_SIGN_IN one: not ours). */
async function notificationsOf(participantId: string) {
  const rows = await h.tdb.database.db.select().from(notifications).where(eq(notifications.participantId, participantId)).orderBy(notifications.seq);
  return rows.filter((n) => n.kind.startsWith("PENGADUAN_"));
}

describe("pengaduan: the member's side", () => {
  it("files tickets numbered sequentially per day, with the card, the corrections and the checked attachment; the conversation starts with it", async () => {
    const m = await member();
    const first = await create(m.token, koreksiInput(m.cardId));
    expect(first.userErrors).toEqual([]);
    const day = todayWib().replaceAll("-", "");
    expect(first.pengaduan).toMatchObject({
      nomor: `ADU-${day}-0001`,
      kategori: "KOREKSI_DATA",
      status: "DITERIMA",
      late: false,
      closedAt: null,
      card: { id: m.cardId },
      koreksi: [
        { field: "FULL_NAME", before: "Sri Wahyuni", proposed: "Sri Wahyuningsih" },
        { field: "BIRTH_PLACE", before: "Semarang", proposed: "Salatiga" },
      ],
    });
    expect(first.pengaduan.messages).toHaveLength(1);
    expect(first.pengaduan.messages[0]).toMatchObject({ author: "PESERTA", status: null, attachments: [{ fileName: "ktp.png", type: "PNG", sizeBytes: png().length }] });
    // The deadline: five working days after today (WIB), as the service-level rule says.
    expect(new Date(first.pengaduan.dueAt).getTime()).toBe(dueAtFor("KOREKSI_DATA", new Date(first.pengaduan.createdAt)).getTime());

    const second = await create(m.token, { kategori: "AKUN", subject: "Tidak bisa masuk", description: "Kode OTP tidak pernah sampai ke nomor saya." });
    const other = await member({ fullName: "Bambang Irawan" });
    const third = await create(other.token, {
      kategori: "PERUSAHAAN_TIDAK_MENDAFTARKAN",
      subject: "Perusahaan tidak mendaftarkan saya",
      description: "Saya bekerja sejak Januari tetapi tidak didaftarkan.",
      employerName: "PT Maju   Jaya",
      attachments: [file("slip gaji.pdf", "PDF", pdf()), file("foto.jpg", "JPEG", jpg())],
    });
    expect([second.pengaduan.nomor, third.pengaduan.nomor]).toEqual([`ADU-${day}-0002`, `ADU-${day}-0003`]);
    expect(third.pengaduan.employerName).toBe("PT Maju Jaya");
    expect(third.pengaduan.messages[0].attachments.map((a: { type: string }) => a.type)).toEqual(["PDF", "JPEG"]);

    // Newest first in her list; a retry with the same key answers the same ticket.
    const list = await gql(h.server.url, "query { me { pengaduan(first: 5) { edges { node { nomor } } } } }", {}, { token: m.token });
    expect(list.data!.me.pengaduan.edges.map((e: { node: { nomor: string } }) => e.node.nomor)).toEqual([`ADU-${day}-0002`, `ADU-${day}-0001`]);
    const k = key();
    const a = await create(m.token, { kategori: "LAINNYA", subject: "Pertanyaan", description: "Satu pertanyaan saja.", idempotencyKey: k });
    const b = await create(m.token, { kategori: "LAINNYA", subject: "Pertanyaan", description: "Satu pertanyaan saja.", idempotencyKey: k });
    expect(b.pengaduan.id).toBe(a.pengaduan.id);
  });

  it("refuses an attachment whose bytes are not what its type says, and stores nothing", async () => {
    const m = await member();
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const cases = [
      file("ktp.pdf", "PDF", png()), // a PNG sent as a PDF
      file("ktp.jpg", "JPEG", html), // a web page sent as a JPEG
      file("ktp.png", "PNG", png().subarray(0, 60)), // a truncated PNG
    ];
    for (const [i, attachment] of cases.entries()) {
      const res = await create(m.token, { ...koreksiInput(), attachments: [file("ok.png", "PNG", png()), attachment] });
      expect(res.pengaduan, `case ${i}`).toBeNull();
      expect(res.userErrors, `case ${i}`).toEqual([
        { code: "PENGADUAN_ATTACHMENT_TYPE_MISMATCH", field: ["input", "attachments", "1"], message: expect.stringContaining(attachment.type) },
      ]);
    }
    // Too large, too many, and a correction without a document or without a change.
    const big = Buffer.concat([png(), Buffer.alloc(2 * 1024 * 1024)]);
    expect((await create(m.token, { ...koreksiInput(), attachments: [file("big.png", "PNG", big)] })).userErrors.map((e) => e.code)).toEqual(["PENGADUAN_ATTACHMENT_TOO_LARGE"]);
    const four = Array.from({ length: 4 }, (_, i) => file(`${i}.png`, "PNG", png()));
    expect((await create(m.token, { ...koreksiInput(), attachments: four })).userErrors.map((e) => e.code)).toEqual(["PENGADUAN_ATTACHMENT_TOO_MANY"]);
    expect((await create(m.token, { ...koreksiInput(), attachments: [] })).userErrors.map((e) => e.code)).toEqual(["PENGADUAN_ATTACHMENT_REQUIRED"]);
    const unchanged = await create(m.token, { ...koreksiInput(), koreksi: { fullName: "Sri Wahyuni", birthPlace: "Semarang" } });
    expect(unchanged.userErrors.map((e) => e.code)).toEqual(["PENGADUAN_KOREKSI_EMPTY"]);
    const db = h.tdb.database.db;
    expect(await db.select().from(pengaduan)).toEqual([]);
    expect(await db.select().from(pengaduanAttachments)).toEqual([]);
    expect(await db.select().from(pengaduanAttachmentBlobs)).toEqual([]);
  });

  it("checks the rest of the form: the card for KLAIM, another member's card, the employer's name, in English on request", async () => {
    const m = await member();
    const other = await member();
    const noCard = await create(m.token, { kategori: "KLAIM", subject: "Klaim lama", description: "Klaim belum dibayar." });
    expect(noCard.userErrors.map((e) => [e.code, e.field])).toEqual([["REQUIRED", ["input", "cardId"]]]);
    const theirs = await create(m.token, { kategori: "IURAN", subject: "Iuran", description: "Iuran belum masuk.", cardId: other.cardId });
    expect(theirs.userErrors.map((e) => [e.code, e.field])).toEqual([["CARD_NOT_FOUND", ["input", "cardId"]]]);
    const res = await gql(
      h.server.url,
      CREATE,
      { input: { idempotencyKey: key(), kategori: "PERUSAHAAN_TIDAK_MENDAFTARKAN", subject: "", description: "Tidak didaftarkan." } },
      { token: m.token, headers: { "accept-language": "en" } },
    );
    expect(res.data!.pengaduanCreate.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field.join(".")])).toEqual([
      ["REQUIRED", "input.subject"],
      ["REQUIRED", "input.employerName"],
    ]);
  });
});

describe("pengaduan: a page of tickets with their conversations", () => {
  it("costs the same number of SQL statements for one ticket as for three, each with its own messages and files", async () => {
    const m = await member();
    const query = `{ me { pengaduan(first: 10) { edges { node { subject messages { body attachments { fileName } } } } } } }`;
    const statementsWith = async (n: number) => {
      await create(m.token, { kategori: "KLAIM", subject: `Tiket ${n}`, description: `Isi tiket ${n}.`, cardId: m.cardId, attachments: [file(`bukti-${n}.png`, "PNG", png())] });
      const res = await gql(h.server.url, query, {}, { token: m.token });
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.me.pengaduan.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(n);
      for (const node of nodes) {
        const i = node.subject.split(" ")[1];
        expect(node.messages).toEqual([{ body: `Isi tiket ${i}.`, attachments: [{ fileName: `bukti-${i}.png` }] }]);
      }
      return res.extensions!.sqlStatements as number;
    };
    const one = await statementsWith(1);
    await statementsWith(2);
    expect(await statementsWith(3)).toBe(one);
  });
});

describe("pengaduan: another member and the attachments' door", () => {
  it("refuses another member's ticket, its attachments and its conversation; serves the file to the owner and staff only", async () => {
    const owner = await member();
    const stranger = await member({ fullName: "Joko Susilo" });
    const petugas = await staff();
    const ticket = (await create(owner.token, koreksiInput(owner.cardId))).pengaduan;
    const url = ticket.messages[0].attachments[0].url as string;
    expect(url).toMatch(/^\/attachments\/pengaduan\/[0-9a-f-]{36}$/);

    const seen = await gql(h.server.url, GET, { id: ticket.id }, { token: stranger.token });
    expect(seen.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(seen.data?.pengaduan ?? null).toBeNull();
    const byNode = await gql(h.server.url, "query($id: ID!) { node(id: $id) { ... on Pengaduan { nomor } } }", { id: ticket.id }, { token: stranger.token });
    expect(byNode.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const reply = await gql(h.server.url, REPLY, { input: { pengaduanId: ticket.id, body: "Saya ikut menjawab." } }, { token: stranger.token });
    expect(reply.data!.pengaduanReply).toMatchObject({ pengaduan: null, userErrors: [{ code: "PENGADUAN_NOT_FOUND" }] });
    const theirList = await gql(h.server.url, "query { me { pengaduan { edges { node { id } } } } }", {}, { token: stranger.token });
    expect(theirList.data!.me.pengaduan.edges).toEqual([]);
    // Members do not reach the staff side.
    expect((await gql(h.server.url, QUEUE, {}, { token: owner.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const selfAccept = await gql(h.server.url, SET_STATUS, { input: { pengaduanId: ticket.id, status: "SELESAI", reason: "ok" } }, { token: owner.token });
    expect(selfAccept.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    expect((await download(url)).status).toBe(401);
    const refused = await download(url, stranger.token);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: "NOT_FOUND" });
    for (const token of [owner.token, petugas.token]) {
      const res = await download(url, token);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''ktp.png");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(Buffer.from(await res.arrayBuffer()).equals(png())).toBe(true);
    }
    expect((await download("/attachments/pengaduan/00000000-0000-4000-8000-000000000000", owner.token)).status).toBe(404);
  });
});

describe("pengaduan: the staff side", () => {
  it("lists the queue by category and age with late tickets flagged, and sums it up per category", async () => {
    const m = await member();
    const petugas = await staff();
    const akun = (await create(m.token, { kategori: "AKUN", subject: "Akun terblokir", description: "Akun saya terblokir." })).pengaduan;
    const iuran = (await create(m.token, { kategori: "IURAN", subject: "Iuran", description: "Iuran belum masuk.", cardId: m.cardId })).pengaduan;
    const lainnya = (await create(m.token, { kategori: "LAINNYA", subject: "Saran", description: "Tambahkan mode gelap." })).pengaduan;
    const db = h.tdb.database.db;
    // The IURAN ticket was filed a week ago: past its 3-working-day target.
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    await db.update(pengaduan).set({ createdAt: weekAgo, dueAt: dueAtFor("IURAN", weekAgo) }).where(eq(pengaduan.nomor, iuran.nomor));

    const all = await gql(h.server.url, QUEUE, {}, { token: petugas.token });
    expect(all.data!.pengaduanQueue.edges.map((e: { node: { nomor: string; late: boolean } }) => [e.node.nomor, e.node.late])).toEqual([
      [iuran.nomor, true],
      [akun.nomor, false],
      [lainnya.nomor, false],
    ]);
    const late = await gql(h.server.url, QUEUE, { lateOnly: true }, { token: petugas.token });
    expect(late.data!.pengaduanQueue.edges.map((e: { node: { nomor: string } }) => e.node.nomor)).toEqual([iuran.nomor]);
    const akunOnly = await gql(h.server.url, QUEUE, { kategori: "AKUN" }, { token: petugas.token });
    expect(akunOnly.data!.pengaduanQueue.edges.map((e: { node: { nomor: string } }) => e.node.nomor)).toEqual([akun.nomor]);
    // Pages, oldest first.
    const page1 = await gql(h.server.url, QUEUE, { first: 2 }, { token: petugas.token });
    expect(page1.data!.pengaduanQueue.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(h.server.url, QUEUE, { first: 2, after: page1.data!.pengaduanQueue.pageInfo.endCursor }, { token: petugas.token });
    expect(page2.data!.pengaduanQueue.edges.map((e: { node: { nomor: string } }) => e.node.nomor)).toEqual([lainnya.nomor]);

    const summary = (await gql(h.server.url, SUMMARY, {}, { token: petugas.token })).data!.pengaduanQueueSummary;
    expect(summary.map((c: { kategori: string; targetWorkingDays: number; open: number; late: number }) => [c.kategori, c.targetWorkingDays, c.open, c.late])).toEqual([
      ["KOREKSI_DATA", 5, 0, 0],
      ["PERUSAHAAN_TIDAK_MENDAFTARKAN", 5, 0, 0],
      ["KLAIM", 3, 0, 0],
      ["IURAN", 3, 1, 1],
      ["AKUN", 1, 1, 0],
      ["LAINNYA", 5, 1, 0],
    ]);
    expect(new Date(summary[3].oldestCreatedAt).getTime()).toBe(weekAgo.getTime());
    // The member sees the same late flag on her ticket.
    expect((await gql(h.server.url, GET, { id: iuran.id }, { token: m.token })).data!.pengaduan.late).toBe(true);
  });

  it("replies and statuses: the member sees the conversation, one notification per staff message, none for her own; closed tickets take no more", async () => {
    const m = await member();
    const petugas = await staff();
    const ticket = (await create(m.token, { kategori: "KLAIM", subject: "Klaim belum dibayar", description: "Sudah 10 hari.", cardId: m.cardId })).pengaduan;

    const staffReply = await gql(h.server.url, REPLY, { input: { pengaduanId: ticket.id, body: "Mohon kirim foto buku tabungan." } }, { token: petugas.token });
    expect(staffReply.data!.pengaduanReply.userErrors).toEqual([]);
    const memberReply = await gql(
      h.server.url,
      REPLY,
      { input: { pengaduanId: ticket.id, body: "Terlampir.", attachments: [file("tabungan.jpg", "JPEG", jpg())] } },
      { token: m.token },
    );
    expect(memberReply.data!.pengaduanReply.userErrors).toEqual([]);
    expect((await notificationsOf(m.participant.id)).map((n) => [n.kind, n.params])).toEqual([["PENGADUAN_REPLY", { nomor: ticket.nomor }]]);

    // Not a step the ticket can take: nothing changes, nobody is notified.
    const skip = await gql(h.server.url, SET_STATUS, { input: { pengaduanId: ticket.id, status: "SELESAI", reason: "Sudah dibayar." } }, { token: petugas.token });
    expect(skip.data!.pengaduanSetStatus.userErrors).toEqual([
      { code: "PENGADUAN_STATUS_NOT_ALLOWED", field: ["input", "status"], message: "Status pengaduan tidak dapat diubah dari DITERIMA menjadi SELESAI." },
    ]);
    const noReason = await gql(h.server.url, SET_STATUS, { input: { pengaduanId: ticket.id, status: "DIPROSES", reason: "  " } }, { token: petugas.token });
    expect(noReason.data!.pengaduanSetStatus.userErrors.map((e: { code: string }) => e.code)).toEqual(["REQUIRED"]);
    expect(await notificationsOf(m.participant.id)).toHaveLength(1);

    for (const [status, reason] of [
      ["DIPROSES", "Sedang kami periksa."],
      ["DITOLAK", "Rekening atas nama orang lain: ajukan klaim dengan rekening sendiri."],
    ] as const) {
      const res = await gql(h.server.url, SET_STATUS, { input: { pengaduanId: ticket.id, status, reason } }, { token: petugas.token });
      expect(res.data!.pengaduanSetStatus).toMatchObject({ pengaduan: { status, statusReason: reason }, userErrors: [] });
    }
    const seen = (await gql(h.server.url, GET, { id: ticket.id }, { token: m.token })).data!.pengaduan;
    expect(seen.closedAt).not.toBeNull();
    expect(seen.messages.map((x: { author: string; status: string | null; body: string }) => [x.author, x.status, x.body])).toEqual([
      ["PESERTA", null, "Sudah 10 hari."],
      ["PETUGAS", null, "Mohon kirim foto buku tabungan."],
      ["PESERTA", null, "Terlampir."],
      ["PETUGAS", "DIPROSES", "Sedang kami periksa."],
      ["PETUGAS", "DITOLAK", "Rekening atas nama orang lain: ajukan klaim dengan rekening sendiri."],
    ]);
    expect(seen.messages[2].attachments.map((a: { fileName: string; type: string }) => [a.fileName, a.type])).toEqual([["tabungan.jpg", "JPEG"]]);
    const kinds = (await notificationsOf(m.participant.id)).map((n) => [n.kind, n.params.status ?? null]);
    expect(kinds).toEqual([
      ["PENGADUAN_REPLY", null],
      ["PENGADUAN_STATUS", "DIPROSES"],
      ["PENGADUAN_STATUS", "DITOLAK"],
    ]);
    // Closed: no more messages from either side.
    for (const token of [m.token, petugas.token]) {
      const late = await gql(h.server.url, REPLY, { input: { pengaduanId: ticket.id, body: "Satu lagi." } }, { token });
      expect(late.data!.pengaduanReply.userErrors.map((e: { code: string }) => e.code)).toEqual(["PENGADUAN_CLOSED"]);
    }
    expect(await notificationsOf(m.participant.id)).toHaveLength(3);
  });

  it("an accepted KOREKSI_DATA ticket changes the record and writes audit rows; a refused one changes nothing", async () => {
    const m = await member();
    const petugas = await staff();
    const db = h.tdb.database.db;
    const ticket = (await create(m.token, koreksiInput(m.cardId))).pengaduan;
    const move = (id: string, status: string, reason: string) => gql(h.server.url, SET_STATUS, { input: { pengaduanId: id, status, reason } }, { token: petugas.token });
    expect((await move(ticket.id, "DIPROSES", "Dokumen kami periksa.")).data!.pengaduanSetStatus.userErrors).toEqual([]);
    // Nothing changes before acceptance.
    expect((await db.select().from(participants).where(eq(participants.id, m.participant.id)))[0]!.fullName).toBe("Sri Wahyuni");
    expect((await move(ticket.id, "SELESAI", "Data sudah dikoreksi sesuai KTP.")).data!.pengaduanSetStatus.userErrors).toEqual([]);

    const [record] = await db.select().from(participants).where(eq(participants.id, m.participant.id));
    expect({ fullName: record!.fullName, birthPlace: record!.birthPlace, birthDate: record!.birthDate }).toEqual({
      fullName: "Sri Wahyuningsih",
      birthPlace: "Salatiga",
      birthDate: "1991-03-04",
    });
    const audit = await db.select().from(personalDataAudit).where(and(eq(personalDataAudit.participantId, m.participant.id), eq(personalDataAudit.reason, "PENGADUAN_KOREKSI_DATA")));
    const ticketRowId = Buffer.from(ticket.id, "base64url").toString("utf8").split(":")[1];
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue, a.actor, a.source]).sort()).toEqual([
      ["participants.birth_place", "Sem*****", "Sal*****", petugas.accountId, `pengaduan:${ticketRowId}`],
      ["participants.full_name", "S** W******", "S** W***********", petugas.accountId, `pengaduan:${ticketRowId}`],
    ]);
    const me = await gql(h.server.url, "query { me { fullName birthPlace } }", {}, { token: m.token });
    expect(me.data!.me).toEqual({ fullName: "Sri Wahyuningsih", birthPlace: "Salatiga" });

    // A refused correction leaves the record alone.
    const m2 = await member({ fullName: "Dedi Kurniawan" });
    const refused = (await create(m2.token, { ...koreksiInput(), koreksi: { birthDate: "1990-01-02" } })).pengaduan;
    expect((await move(refused.id, "DITOLAK", "KTP tidak terbaca: kirim foto yang lebih jelas.")).data!.pengaduanSetStatus.userErrors).toEqual([]);
    const [unchanged] = await db.select().from(participants).where(eq(participants.id, m2.participant.id));
    expect(unchanged!.birthDate).toBe("1991-03-04");
    expect(await db.select().from(personalDataAudit).where(and(eq(personalDataAudit.participantId, m2.participant.id), eq(personalDataAudit.reason, "PENGADUAN_KOREKSI_DATA")))).toEqual([]);
  });
});
