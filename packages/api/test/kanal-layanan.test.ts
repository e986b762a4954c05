// Issue 15, part 4: kanal layanan. The service points the migration loads (real offices, one or more per province)
// read nearest-first through cube + earthdistance, by area, page by page, each open or closed by its own clock.
import { getProvinces, getRegencies } from "idn-area-data";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { kanalLayananChanges } from "../src/db/schema.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const KANAL = `query($near: GeoPointInput, $radiusKm: Float, $wilayah: String, $kind: [KanalLayananKind!], $first: Int, $after: String) {
  kanalLayanan(near: $near, radiusKm: $radiusKm, wilayah: $wilayah, kind: $kind, first: $first, after: $after) {
    edges { cursor distanceKm node { id code name kind address kabupaten provinsi regencyCode provinceCode zonaWaktu openNow
      location { lat lng approximate } openingHours { dayOfWeek opens closes } services source { url title status checkedOn } } }
    pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

interface Edge {
  cursor: string;
  distanceKm: number | null;
  node: { id: string; code: string; regencyCode: string; provinceCode: string; kabupaten: string; provinsi: string; openNow: boolean; zonaWaktu: string; location: { lat: number; lng: number; approximate: boolean }; source: { url: string; title: string; status: string; checkedOn: string } };
}

async function kanal(variables: Record<string, unknown>, token?: string) {
  const res = await gql(h.server.url, KANAL, variables, token ? { token } : {});
  return res as { data?: { kanalLayanan: { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }; errors?: { extensions: { code: string } }[] };
}

async function all(variables: Record<string, unknown> = {}): Promise<Edge[]> {
  const edges: Edge[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await kanal({ ...variables, first: 100, after });
    expect(res.errors).toBeUndefined();
    edges.push(...res.data!.kanalLayanan.edges);
    if (!res.data!.kanalLayanan.pageInfo.hasNextPage) return edges;
    after = res.data!.kanalLayanan.pageInfo.endCursor;
  }
}

/** Great-circle distance in km on a sphere of earthdistance's radius (6,378,168 m), computed independently. */
function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const s = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6378.168 * Math.asin(Math.sqrt(s));
}

// Gedung Sate, Kota Bandung.
const BANDUNG = { lat: -6.9025, lng: 107.6188 };

afterEach(() => {
  h.server.services.kanalClock.now = () => new Date();
});

describe("kanalLayanan near a point", () => {
  it("answers the nearest service points to a point in Bandung in distance order, a Bandung office first, without sign-in", async () => {
    const res = await kanal({ near: BANDUNG, first: 8 });
    expect(res.errors).toBeUndefined();
    const edges = res.data!.kanalLayanan.edges;
    expect(edges).toHaveLength(8);
    expect(edges[0]!.node.regencyCode).toBe("3273");
    expect(edges[0]!.node.kabupaten).toBe("Kota Bandung");
    const distances = edges.map((e) => e.distanceKm!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // Each distance is the great-circle distance to its point, and no office left out is nearer.
    for (const e of edges) expect(Math.abs(e.distanceKm! - haversineKm(BANDUNG, e.node.location))).toBeLessThan(0.01);
    const nearestOverall = (await all()).map((e) => haversineKm(BANDUNG, e.node.location)).sort((a, b) => a - b);
    expect(distances[7]).toBeCloseTo(nearestOverall[7]!, 1);
    // Every Bandung office comes before any office outside the Bandung basin (Jakarta is ~120 km away).
    expect(edges.filter((e) => e.node.regencyCode === "3273").length).toBeGreaterThanOrEqual(3);
    expect(edges.slice(0, 4).every((e) => e.distanceKm! < 10)).toBe(true);
  });

  it("keeps to radiusKm, pages without gaps or repeats, and refuses a point off the globe", async () => {
    const within = await all({ near: BANDUNG, radiusKm: 30 });
    const everything = await all({ near: BANDUNG });
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((e) => e.distanceKm! <= 30)).toBe(true);
    expect(within.map((e) => e.node.code)).toEqual(everything.filter((e) => e.distanceKm! <= 30).map((e) => e.node.code));

    const page1 = (await kanal({ near: BANDUNG, first: 5 })).data!.kanalLayanan;
    const page2 = (await kanal({ near: BANDUNG, first: 5, after: page1.pageInfo.endCursor })).data!.kanalLayanan;
    expect([...page1.edges, ...page2.edges].map((e) => e.node.code)).toEqual(everything.slice(0, 10).map((e) => e.node.code));
    expect(page1.pageInfo.hasNextPage).toBe(true);

    for (const variables of [{ near: { lat: 91, lng: 0 } }, { near: BANDUNG, radiusKm: 0 }, { radiusKm: 5 }, { after: "bm9wZQ" }]) {
      expect((await kanal(variables)).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("kanalLayanan by wilayah", () => {
  it("lists a province's or a regency's service points, and has at least one in every province with official names", async () => {
    const jabar = await all({ wilayah: "32" });
    expect(jabar.length).toBeGreaterThan(0);
    expect(jabar.every((e) => e.node.provinceCode === "32" && e.distanceKm === null)).toBe(true);
    const bandung = await all({ wilayah: "3273" });
    expect(bandung.map((e) => e.node.regencyCode)).toEqual(bandung.map(() => "3273"));
    expect(bandung.length).toBeGreaterThanOrEqual(3);
    expect((await kanal({ wilayah: "3x" })).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");

    const rows = await all();
    const provinces = await getProvinces();
    const regencies = new Map((await getRegencies()).map((r) => [r.code.replace(".", ""), r.name]));
    expect(new Set(rows.map((e) => e.node.provinceCode))).toEqual(new Set(provinces.map((p) => p.code)));
    for (const { node } of rows) {
      expect(regencies.get(node.regencyCode), node.code).toBe(node.kabupaten);
      expect(provinces.find((p) => p.code === node.provinceCode)?.name).toBe(node.provinsi);
      expect(node.regencyCode.startsWith(node.provinceCode)).toBe(true);
      expect(node.source.url).toMatch(/^https?:\/\//);
      expect(["OFFICIAL", "SECONDARY", "UNVERIFIED"]).toContain(node.source.status);
    }
  });

  it("gives every sourced row a specific page with its date, and a sourced office in at least 37 of the 38 provinces", async () => {
    const rows = await all();
    const count = (status: string) => rows.filter((e) => e.node.source.status === status).length;
    // What migration 0017 (kanal_layanan_sources) reached: it may grow, it must not drop.
    expect(count("OFFICIAL")).toBeGreaterThanOrEqual(7);
    expect(count("OFFICIAL") + count("SECONDARY")).toBeGreaterThanOrEqual(53);
    for (const { node } of rows) {
      expect(node.source.checkedOn, node.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (node.source.status === "UNVERIFIED") continue;
      const url = new URL(node.source.url);
      // A page that names the office: never a site's home page (the UNVERIFIED rows point at BPJS Ketenagakerjaan's).
      expect(url.pathname.length > 1 || url.search.length > 1, `${node.code}: ${node.source.url}`).toBe(true);
      expect(node.source.title, node.code).toMatch(/\b(19|20)\d{2}\b/);
      // OFFICIAL is a page of BPJS Ketenagakerjaan or of a government body.
      if (node.source.status === "OFFICIAL") expect(url.hostname, node.code).toMatch(/(\.go\.id|(^|\.)beritajakarta\.id)$/);
    }
    const sourced = new Set(rows.filter((e) => e.node.source.status !== "UNVERIFIED").map((e) => e.node.provinceCode));
    expect(sourced.size).toBeGreaterThanOrEqual(37);
  });

  it("is a Node that node(id:) fetches again", async () => {
    const p = await h.seed.participant({ fullName: "Nina Kanal" }).withAccount({ phone: "+6281299991234" }).build();
    const { accessToken } = await signIn(h.server.url, p.email!, TEST_PASSWORD);
    const first = (await kanal({ wilayah: "3273", first: 1 })).data!.kanalLayanan.edges[0]!.node;
    const res = await gql(h.server.url, `query($id: ID!) { node(id: $id) { id ... on KanalLayanan { code } } }`, { id: first.id }, { token: accessToken });
    expect(res.data?.node).toEqual({ id: first.id, code: first.code });
  });
});

describe("open now, by the province's time zone", () => {
  const at = (iso: string) => {
    h.server.services.kanalClock.now = () => new Date(iso);
  };
  async function openByCode(): Promise<Map<string, { openNow: boolean; zonaWaktu: string }>> {
    return new Map((await all()).map((e) => [e.node.code, e.node]));
  }

  it("is open in WIB, closed in WITA and WIT at 14:30 WIB on a Tuesday; the other way round at 07:30 WIB", async () => {
    at("2026-12-01T07:30:00Z"); // Tuesday 14:30 WIB, 15:30 WITA, 16:30 WIT; the hours are 08:00–15:00 local
    let byCode = await openByCode();
    expect(byCode.get("KC-BANDUNG-SUCI")).toMatchObject({ openNow: true, zonaWaktu: "WIB" });
    expect(byCode.get("KC-MAKASSAR")).toMatchObject({ openNow: false, zonaWaktu: "WITA" });
    expect(byCode.get("KC-PAPUA-JAYAPURA")).toMatchObject({ openNow: false, zonaWaktu: "WIT" });

    at("2026-12-01T00:30:00Z"); // 07:30 WIB, 08:30 WITA, 09:30 WIT
    byCode = await openByCode();
    expect(byCode.get("KC-BANDUNG-SUCI")!.openNow).toBe(false);
    expect(byCode.get("KC-MAKASSAR")!.openNow).toBe(true);
    expect(byCode.get("KC-PAPUA-JAYAPURA")!.openNow).toBe(true);
  });

  it("is closed everywhere on a Saturday and on a national holiday", async () => {
    at("2026-12-05T03:00:00Z"); // Saturday 10:00 WIB
    expect([...(await openByCode()).values()].some((n) => n.openNow)).toBe(false);
    at("2026-12-25T03:00:00Z"); // Friday, Hari Raya Natal
    expect([...(await openByCode()).values()].some((n) => n.openNow)).toBe(false);
    at("2026-12-24T03:00:00Z"); // the Thursday before: open
    expect((await openByCode()).get("KC-BANDUNG-SUCI")!.openNow).toBe(true);
  });
});

describe("staff keep a service point's hours", () => {
  const UPDATE = `mutation($input: KanalLayananUpdateInput!) { kanalLayananUpdate(input: $input) {
    kanalLayanan { code openNow phone openingHours { dayOfWeek opens closes } services } userErrors { code field message } } }`;

  it("lets staff change hours, phone and services (logged with who), and refuses members, anonymous callers and bad hours", async () => {
    const suci = (await all({ wilayah: "3273" })).find((e) => e.node.code === "KC-BANDUNG-SUCI")!.node;
    const staff = await h.seed.staff();
    const staffToken = (await signIn(h.server.url, staff.email, TEST_PASSWORD)).accessToken;
    const member = await h.seed.participant().withAccount({}).build();
    const memberToken = (await signIn(h.server.url, member.email!, TEST_PASSWORD)).accessToken;
    const saturday = { id: suci.id, openingHours: [{ dayOfWeek: 6, opens: "08:00", closes: "12:00" }], phone: "(022) 000-0000", services: ["INFORMASI", "KLAIM_JHT"] };
    const rowId = Buffer.from(suci.id, "base64url").toString("utf8").split(":")[1]!;
    try {
      expect((await gql(h.server.url, UPDATE, { input: saturday }, { token: memberToken })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await gql(h.server.url, UPDATE, { input: saturday })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      for (const openingHours of [[{ dayOfWeek: 8, opens: "08:00", closes: "12:00" }], [{ dayOfWeek: 1, opens: "12:00", closes: "08:00" }], [{ dayOfWeek: 1, opens: "8:00", closes: "12:00" }]]) {
        const res = await gql(h.server.url, UPDATE, { input: { id: suci.id, openingHours } }, { token: staffToken });
        expect(res.data!.kanalLayananUpdate.userErrors.map((e: any) => e.code)).toEqual(["KANAL_HOURS_INVALID"]);
      }
      expect(await h.tdb.database.db.select().from(kanalLayananChanges)).toEqual([]);

      h.server.services.kanalClock.now = () => new Date("2026-12-05T03:00:00Z"); // Saturday 10:00 WIB
      const res = await gql(h.server.url, UPDATE, { input: saturday }, { token: staffToken });
      expect(res.data!.kanalLayananUpdate).toEqual({
        kanalLayanan: { code: "KC-BANDUNG-SUCI", openNow: true, phone: "(022) 000-0000", openingHours: [{ dayOfWeek: 6, opens: "08:00", closes: "12:00" }], services: ["INFORMASI", "KLAIM_JHT"] },
        userErrors: [],
      });
      const [change] = await h.tdb.database.db.select().from(kanalLayananChanges).where(eq(kanalLayananChanges.kanalId, rowId));
      expect(change!.actor).toBe(staff.accountId);
      expect(change!.after).toEqual({ openingHours: [{ day: 6, opens: "08:00", closes: "12:00" }], phone: "(022) 000-0000", services: ["INFORMASI", "KLAIM_JHT"] });
      expect((change!.before as { phone: unknown }).phone).toBeNull();
    } finally {
      // The service points are reference data kept between tests: put Suci's week back.
      const week = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, opens: "08:00", closes: "15:00" }));
      await gql(h.server.url, UPDATE, { input: { id: suci.id, openingHours: week, phone: "", services: ["PENDAFTARAN", "KLAIM_JHT", "KLAIM_JKK_JKM", "KLAIM_JP", "KLAIM_JKP", "PENGKINIAN_DATA", "PENGADUAN", "INFORMASI"] } }, { token: staffToken });
    }
  });
});
