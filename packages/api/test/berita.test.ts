// Issue 15, part 6: promo and berita. Staff write in Markdown (rendered and sanitised on the server), attach a picture
// by URL (fetched and checked), publish now or later, archive; every change is audited. Readers: news without signing
// in, promos for members by province and validity, newest first, page by page. A scheduled article appears only once
// its time has passed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { beritaAudit, beritaItems } from "../src/db/schema.ts";
import { BERITA_IMAGE_MAX_BYTES } from "../src/modules/berita/berita.image.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn, startTestServer } from "./support/test-server.ts";

const h = useServerHarness();

const FIELDS = `id kind title summary bodyHtml bodyMarkdown status publishAt image { url width height contentType bytes }
  promo { partner discount validFrom validUntil provinceCodes termsHtml }`;
const CREATE = `mutation($input: BeritaCreateInput!) { beritaCreate(input: $input) { berita { ${FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: BeritaUpdateInput!) { beritaUpdate(input: $input) { berita { ${FIELDS} } userErrors { code field message } } }`;
const PUBLISH = `mutation($input: BeritaPublishInput!) { beritaPublish(input: $input) { berita { id status publishAt } userErrors { code message } } }`;
const UNSCHEDULE = `mutation($input: BeritaIdInput!) { beritaUnschedule(input: $input) { berita { id status publishAt } userErrors { code message } } }`;
const ARCHIVE = `mutation($input: BeritaIdInput!) { beritaArchive(input: $input) { berita { id status } userErrors { code message } } }`;
const FEED = `query($first: Int, $after: String) { berita(first: $first, after: $after) { edges { cursor node { id title status bodyMarkdown } } pageInfo { hasNextPage endCursor } } }`;
const PROMOS = `query { promos(first: 50) { edges { node { id title promo { partner provinceCodes validUntil } } } } }`;
const ITEM = `query($id: ID!) { beritaItem(id: $id) { id status } }`;

/** A PNG header of the given size (signature + IHDR + a tiny IDAT + IEND): enough for the checks, which read IHDR. */
function png(width: number, height: number, padTo = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, "ascii"), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const body = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.alloc(16))), chunk("IEND", Buffer.alloc(0))]);
  return padTo > body.length ? Buffer.concat([body, Buffer.alloc(padTo - body.length)]) : body;
}

// A picture host on this machine (the sandbox allows loopback; production refuses it).
let images: Server;
let imageBase: string;
beforeAll(async () => {
  images = createServer((req, res) => {
    const routes: Record<string, [string, Buffer]> = {
      "/ok.png": ["image/png", png(1200, 630)],
      "/huge.png": ["image/png", png(5000, 5000)],
      "/heavy.png": ["image/png", png(800, 600, BERITA_IMAGE_MAX_BYTES + 10)],
      "/page.html": ["text/html", Buffer.from("<html><body>not a picture</body></html>")],
    };
    const route = routes[req.url ?? ""];
    if (!route) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": route[0] }).end(route[1]);
  });
  await new Promise<void>((resolve) => images.listen(0, "127.0.0.1", resolve));
  imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => images.close(() => resolve())));
afterEach(() => {
  h.server.services.beritaClock.now = () => new Date();
});

async function staffToken() {
  const staff = await h.seed.staff();
  return { ...staff, token: (await signIn(h.server.url, staff.email, TEST_PASSWORD)).accessToken };
}
async function memberToken(nik?: string) {
  const p = await h.seed.participant(nik ? { nik } : {}).withAccount({}).build();
  return (await signIn(h.server.url, p.email!, TEST_PASSWORD)).accessToken;
}
async function create(token: string, input: Record<string, unknown>) {
  const res = await gql(h.server.url, CREATE, { input: { kind: "BERITA", summary: "Ringkasan.", bodyMarkdown: "Isi.", ...input } }, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.beritaCreate as { berita: Record<string, any> | null; userErrors: Array<{ code: string; field: string[]; message: string }> };
}
async function publish(token: string, id: string, publishAt?: string) {
  const res = await gql(h.server.url, PUBLISH, { input: { id, publishAt } }, { token });
  return res.data!.beritaPublish as { berita: { status: string; publishAt: string } | null; userErrors: Array<{ code: string }> };
}
const feedTitles = async (token?: string) => ((await gql(h.server.url, FEED, { first: 50 }, { token })).data!.berita.edges as Array<{ node: { title: string } }>).map((e) => e.node.title);

describe("berita: staff write, readers read", () => {
  it("renders Markdown to sanitised HTML, checks the picture, keeps drafts from readers and audits every change", async () => {
    const staff = await staffToken();
    const created = await create(staff.token, {
      title: "Layanan baru di kantor cabang",
      bodyMarkdown:
        "# Judul\n\n**Tebal** dan [tautan](https://www.bpjsketenagakerjaan.go.id/).\n\n<script>alert(1)</script>\n\n[jahat](javascript:alert(1)) <img src=x onerror=alert(1)>\n",
      imageUrl: `${imageBase}/ok.png`,
    });
    expect(created.userErrors).toEqual([]);
    const item = created.berita!;
    expect(item.status).toBe("DRAFT");
    expect(item.bodyHtml).toContain("<h2>Judul</h2>");
    expect(item.bodyHtml).toContain("<strong>Tebal</strong>");
    expect(item.bodyHtml).toContain('<a href="https://www.bpjsketenagakerjaan.go.id/" rel="noopener noreferrer nofollow" target="_blank">tautan</a>');
    // Raw HTML and the javascript: link stay visible as text, never as markup.
    expect(item.bodyHtml).not.toMatch(/<script|<img|href="javascript:/i);
    expect(item.bodyHtml).toContain("&lt;script&gt;");
    expect(item.image).toEqual({ url: `${imageBase}/ok.png`, width: 1200, height: 630, contentType: "image/png", bytes: png(1200, 630).length });

    // A draft is nobody's but staff's.
    expect(await feedTitles()).toEqual([]);
    expect((await gql(h.server.url, ITEM, { id: item.id })).data!.beritaItem).toBeNull();
    const member = await memberToken();
    expect((await gql(h.server.url, `query($id: ID!) { node(id: $id) { id } }`, { id: item.id }, { token: member })).data!.node).toBeNull();

    const updated = (await gql(h.server.url, UPDATE, { input: { id: item.id, title: "Layanan baru", imageUrl: "" } }, { token: staff.token })).data!.beritaUpdate;
    expect(updated.userErrors).toEqual([]);
    expect(updated.berita.image).toBeNull();
    expect((await publish(staff.token, item.id)).berita!.status).toBe("PUBLISHED");
    // Anyone reads it now, without the Markdown source.
    const feed = (await gql(h.server.url, FEED, { first: 10 })).data!.berita.edges;
    expect(feed.map((e: any) => [e.node.title, e.node.status, e.node.bodyMarkdown])).toEqual([["Layanan baru", "PUBLISHED", null]]);
    expect((await publish(staff.token, item.id)).userErrors.map((e) => e.code)).toEqual(["BERITA_STATUS_INVALID"]);
    expect((await gql(h.server.url, ARCHIVE, { input: { id: item.id } }, { token: staff.token })).data!.beritaArchive.berita.status).toBe("ARCHIVED");
    expect(await feedTitles()).toEqual([]);
    expect((await gql(h.server.url, UPDATE, { input: { id: item.id, title: "x" } }, { token: staff.token })).data!.beritaUpdate.userErrors[0].code).toBe("BERITA_STATUS_INVALID");

    const rowId = Buffer.from(item.id, "base64url").toString("utf8").split(":")[1]!;
    const audit = await h.tdb.database.db.select().from(beritaAudit).where(eq(beritaAudit.itemId, rowId));
    expect(audit.map((a) => a.action).sort()).toEqual(["ARCHIVE", "CREATE", "PUBLISH", "UPDATE"]);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([staff.accountId]));
  });

  it("shows a scheduled article only after its time, and a draft again when it is unscheduled", async () => {
    const staff = await staffToken();
    const t0 = new Date("2026-12-01T02:00:00Z");
    h.server.services.beritaClock.now = () => t0;
    const a = (await create(staff.token, { title: "Terjadwal" })).berita!;
    const at = new Date(t0.getTime() + 3600_000).toISOString();
    const scheduled = await publish(staff.token, a.id, at);
    expect(scheduled.berita).toEqual({ id: a.id, status: "SCHEDULED", publishAt: at });
    expect(await feedTitles()).toEqual([]);
    expect((await gql(h.server.url, ITEM, { id: a.id })).data!.beritaItem).toBeNull();

    h.server.services.beritaClock.now = () => new Date(t0.getTime() + 3599_000); // a second before
    expect(await feedTitles()).toEqual([]);
    h.server.services.beritaClock.now = () => new Date(t0.getTime() + 3600_000); // its time
    expect(await feedTitles()).toEqual(["Terjadwal"]);
    expect((await gql(h.server.url, ITEM, { id: a.id })).data!.beritaItem).toEqual({ id: a.id, status: "PUBLISHED" });
    // Once out, it can no longer be unscheduled.
    expect((await gql(h.server.url, UNSCHEDULE, { input: { id: a.id } }, { token: staff.token })).data!.beritaUnschedule.userErrors[0].code).toBe("BERITA_STATUS_INVALID");

    h.server.services.beritaClock.now = () => t0;
    const b = (await create(staff.token, { title: "Batal" })).berita!;
    await publish(staff.token, b.id, at);
    expect((await gql(h.server.url, UNSCHEDULE, { input: { id: b.id } }, { token: staff.token })).data!.beritaUnschedule.berita).toEqual({ id: b.id, status: "DRAFT", publishAt: null });
    h.server.services.beritaClock.now = () => new Date(t0.getTime() + 7200_000);
    expect(await feedTitles()).toEqual(["Terjadwal"]);
  });

  it("lists newest first, page by page", async () => {
    const staff = await staffToken();
    const base = Date.parse("2026-11-01T00:00:00Z");
    for (const [i, title] of ["Satu", "Dua", "Tiga", "Empat", "Lima"].entries()) {
      h.server.services.beritaClock.now = () => new Date(base + i * 86_400_000);
      const item = (await create(staff.token, { title })).berita!;
      await publish(staff.token, item.id);
    }
    h.server.services.beritaClock.now = () => new Date(base + 10 * 86_400_000);
    const page1 = (await gql(h.server.url, FEED, { first: 2 })).data!.berita;
    const page2 = (await gql(h.server.url, FEED, { first: 2, after: page1.pageInfo.endCursor })).data!.berita;
    const page3 = (await gql(h.server.url, FEED, { first: 2, after: page2.pageInfo.endCursor })).data!.berita;
    expect([page1, page2, page3].flatMap((p: any) => p.edges.map((e: any) => e.node.title))).toEqual(["Lima", "Empat", "Tiga", "Dua", "Satu"]);
    expect([page1.pageInfo.hasNextPage, page2.pageInfo.hasNextPage, page3.pageInfo.hasNextPage]).toEqual([true, true, false]);
    expect((await gql(h.server.url, FEED, { after: "bm9wZQ" })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("promos: for members, by province and validity", () => {
  it("shows a Jawa Barat member the nationwide and Jawa Barat promos valid today, and no one unsigned", async () => {
    const staff = await staffToken();
    const today = todayWib();
    const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const promo = (title: string, provinceCodes: string[], validFrom = day(-1), validUntil = day(30)) =>
      create(staff.token, { kind: "PROMO", title, promo: { partner: "Mitra", discount: "Diskon 20%", validFrom, validUntil, provinceCodes, termsMarkdown: "Berlaku **satu kali**." } });
    for (const [title, codes, from, until] of [
      ["Nasional", [], undefined, undefined],
      ["Jabar", ["32"], undefined, undefined],
      ["Jatim", ["35"], undefined, undefined],
      ["Kedaluwarsa", [], day(-30), day(-1)],
      ["Belum mulai", [], day(2), day(30)],
    ] as const) {
      const created = await promo(title, [...codes], from, until);
      expect(created.userErrors).toEqual([]);
      expect(created.berita!.promo.termsHtml).toBe("<p>Berlaku <strong>satu kali</strong>.</p>");
      await publish(staff.token, created.berita!.id);
    }
    const jabar = await memberToken("3273011705900001");
    const titles = (await gql(h.server.url, PROMOS, {}, { token: jabar })).data!.promos.edges.map((e: any) => e.node.title);
    expect(titles.sort()).toEqual(["Jabar", "Nasional"]);
    const jakarta = await memberToken(); // NIK 3174…: DKI Jakarta
    expect((await gql(h.server.url, PROMOS, {}, { token: jakarta })).data!.promos.edges.map((e: any) => e.node.title)).toEqual(["Nasional"]);
    expect((await gql(h.server.url, PROMOS, {}, { token: staff.token })).data!.promos.edges.map((e: any) => e.node.title).sort()).toEqual(["Jabar", "Jatim", "Nasional"]);
    expect((await gql(h.server.url, PROMOS, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    const bad = await promo("Terbalik", [], day(5), day(1));
    expect(bad.userErrors.map((e) => [e.code, e.field])).toEqual([["BERITA_PROMO_INVALID", ["input", "promo", "validUntil"]]]);
    expect((await promo("Provinsi", ["99"])).userErrors[0]!.code).toBe("BERITA_PROMO_INVALID");
    expect((await create(staff.token, { kind: "PROMO", title: "Tanpa penawaran" })).userErrors[0]!.code).toBe("BERITA_PROMO_INVALID");
  });
});

describe("refusals", () => {
  it("keeps every staff mutation from members and anonymous callers, and refuses pictures that are not small public images", async () => {
    const member = await memberToken();
    const input = { kind: "BERITA", title: "x", summary: "x", bodyMarkdown: "x" };
    expect((await gql(h.server.url, CREATE, { input }, { token: member })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(h.server.url, CREATE, { input })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await gql(h.server.url, `query { beritaStaff { id } }`, {}, { token: member })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await h.tdb.database.db.select().from(beritaItems)).toEqual([]);

    const staff = await staffToken();
    for (const url of [`${imageBase}/huge.png`, `${imageBase}/heavy.png`, `${imageBase}/page.html`, `${imageBase}/missing.png`, "http://10.1.2.3/a.png", "ftp://example.com/a.png"]) {
      const res = await create(staff.token, { title: "Gambar", imageUrl: url });
      expect(res.userErrors.map((e) => [e.code, e.field]), url).toEqual([["BERITA_IMAGE_INVALID", ["input", "imageUrl"]]]);
    }
    expect((await create(staff.token, { title: "" })).userErrors[0]!.code).toBe("INVALID_INPUT");
    expect(await h.tdb.database.db.select().from(beritaItems)).toEqual([]);
  });

  it("in production refuses the loopback picture host the sandbox accepts", async () => {
    const staff = await staffToken();
    expect((await create(staff.token, { title: "Sandbox", imageUrl: `${imageBase}/ok.png` })).userErrors).toEqual([]);
    const prod = await startTestServer(h.tdb.database, { NODE_ENV: "production", TOKEN_SECRET: "production-secret-that-is-long-enough-9876543210", CORS_ORIGINS: "https://app.example" });
    try {
      const token = (await signIn(prod.url, staff.email, TEST_PASSWORD)).accessToken;
      const res = await gql(prod.url, CREATE, { input: { kind: "BERITA", title: "Produksi", summary: "Ringkasan.", bodyMarkdown: "Isi.", imageUrl: `${imageBase}/ok.png` } }, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data!.beritaCreate.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])).toEqual([["BERITA_IMAGE_INVALID", ["input", "imageUrl"]]]);
      expect((await h.tdb.database.db.select().from(beritaItems)).map((b) => b.title)).toEqual(["Sandbox"]);
    } finally {
      await prod.stop();
    }
  });
});
