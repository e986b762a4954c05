import { describe, expect, it } from "vitest";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const ME = /* GraphQL */ `{
  me {
    id fullName nikMasked birthDate gender nationality pengkinianStatus
    cards { id kpjMasked segment status registeredAt nonaktifSince employer { name npp } }
  }
}`;

describe("me", () => {
  it("shows the participant's profile and cards with NIK and KPJ masked", async () => {
    const employer = await h.seed.employer({ name: "PT Sinar Terang Abadi", npp: "12345678" });
    const p = await h.seed
      .participant({ fullName: "Siti Rahayu", nik: "3273015708900003", gender: "PEREMPUAN", birthDate: "1990-08-17" })
      .withCard({ kpj: "19123456712", status: "NONAKTIF", registeredAt: "2019-02-01", nonaktifSince: "2023-01-31", employerId: employer.id })
      .withCard({ kpj: "23098765434", status: "AKTIF", registeredAt: "2023-03-01" })
      .withAccount()
      .build();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const res = await gql(h.server.url, ME, {}, { token: accessToken });
    expect(res.errors).toBeUndefined();
    const me = res.data!.me;
    expect(me).toMatchObject({
      fullName: "Siti Rahayu",
      nikMasked: "3273**********03",
      birthDate: "1990-08-17",
      gender: "PEREMPUAN",
      nationality: "WNI",
      pengkinianStatus: "BELUM",
    });
    expect(me.cards).toHaveLength(2);
    expect(me.cards[0]).toMatchObject({
      kpjMasked: "19*******12",
      status: "NONAKTIF",
      segment: "PU",
      registeredAt: "2019-02-01",
      nonaktifSince: "2023-01-31",
      employer: { name: "PT Sinar Terang Abadi", npp: "12345678" },
    });
    expect(me.cards[1]).toMatchObject({ kpjMasked: "23*******34", status: "AKTIF", nonaktifSince: null });
    // The full identifiers appear nowhere in the response.
    const raw = JSON.stringify(res);
    for (const secret of ["3273015708900003", "19123456712", "23098765434"]) expect(raw).not.toContain(secret);
  });

  it("is null for anonymous callers and for staff", async () => {
    expect((await gql(h.server.url, ME)).data).toEqual({ me: null });
    const staff = await h.seed.staff();
    const { accessToken } = await signIn(h.server.url, staff.email);
    expect((await gql(h.server.url, ME, {}, { token: accessToken })).data).toEqual({ me: null });
  });

  it("answers a forged token with UNAUTHENTICATED and status 401", async () => {
    const res = await gql(h.server.url, ME, {}, { token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", detail: "TOKEN_INVALID" });
  });

  it("issues as many SQL statements for 1 card as for 3 (DataLoader batching)", async () => {
    const query = `{ me { cards { employer { name } } } }`;
    const one = await h.seed.participant().withCard().withAccount().build();
    const three = await h.seed.participant().withCard().withCard().withCard().withAccount().build();
    const a = await gql(h.server.url, query, {}, { token: (await signIn(h.server.url, one.email!)).accessToken });
    const b = await gql(h.server.url, query, {}, { token: (await signIn(h.server.url, three.email!)).accessToken });
    expect(a.data?.me.cards).toHaveLength(1);
    expect(b.data?.me.cards).toHaveLength(3);
    expect(b.data?.me.cards.every((c: { employer: { name: string } | null }) => c.employer?.name)).toBe(true);
    // session+account, then the participant with their cards and the cards' employers
    expect(a.extensions?.sqlStatements).toBe(2);
    expect(b.extensions?.sqlStatements).toBe(a.extensions?.sqlStatements);
  });
});

describe("node", () => {
  const NODE = `query($id: ID!) { node(id: $id) { id ... on Card { kpjMasked } ... on Participant { fullName } } }`;

  it("lets a participant fetch their own objects and no one else's", async () => {
    const a = await h.seed.participant({ fullName: "Peserta A" }).withCard().withAccount().build();
    const b = await h.seed.participant({ fullName: "Peserta B" }).withCard({ kpj: "22011122233" }).withAccount().build();
    const tokenA = (await signIn(h.server.url, a.email!)).accessToken;
    const tokenB = (await signIn(h.server.url, b.email!)).accessToken;
    const meB = await gql(h.server.url, `{ me { id cards { id } } }`, {}, { token: tokenB });
    const bCardId = meB.data?.me.cards[0].id as string;
    const bId = meB.data?.me.id as string;

    const own = await gql(h.server.url, NODE, { id: bCardId }, { token: tokenB });
    expect(own.data?.node).toMatchObject({ id: bCardId, kpjMasked: "22*******33" });

    for (const id of [bCardId, bId]) {
      const res = await gql(h.server.url, NODE, { id }, { token: tokenA });
      expect(res.data?.node).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(res)).not.toContain("Peserta B");
      expect(JSON.stringify(res)).not.toContain("22*******33");
    }
  });

  it("lets staff fetch any participant, and asks anonymous callers to sign in", async () => {
    const p = await h.seed.participant({ fullName: "Dewi Lestari" }).withCard().withAccount().build();
    const pid = (await gql(h.server.url, `{ me { id } }`, {}, { token: (await signIn(h.server.url, p.email!)).accessToken })).data?.me.id;
    const staff = await h.seed.staff();
    const staffToken = (await signIn(h.server.url, staff.email)).accessToken;
    expect((await gql(h.server.url, NODE, { id: pid }, { token: staffToken })).data?.node.fullName).toBe("Dewi Lestari");
    expect((await gql(h.server.url, NODE, { id: pid })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers null for ids that are not ours", async () => {
    const p = await h.seed.participant().withAccount().build();
    const token = (await signIn(h.server.url, p.email!)).accessToken;
    for (const id of ["bm9wZQ", "Q2FyZDoxMjM", Buffer.from("Card:00000000-0000-4000-8000-000000000000").toString("base64url")]) {
      const res = await gql(h.server.url, NODE, { id }, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data?.node).toBeNull();
    }
  });
});

describe("participants (staff)", () => {
  const SEARCH = `query($search: String, $first: Int!, $after: String) {
    participants(search: $search, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { fullName nikMasked cards { kpjMasked } } }
    }
  }`;

  it("is UNAUTHENTICATED for anonymous callers and FORBIDDEN for participants", async () => {
    const anon = await gql(h.server.url, SEARCH, { first: 10 });
    expect(anon.data).toBeNull();
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const p = await h.seed.participant().withAccount().build();
    const res = await gql(h.server.url, SEARCH, { first: 10 }, { token: (await signIn(h.server.url, p.email!)).accessToken });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("pages through participants by name and finds them by name, NIK or KPJ", async () => {
    const staff = await h.seed.staff();
    const token = (await signIn(h.server.url, staff.email)).accessToken;
    for (const name of ["Ani", "Budi", "Cahya", "Dedi", "Eko"]) await h.seed.participant({ fullName: `${name} Saputra` }).withCard().build();
    await h.seed.participant({ fullName: "Fajar Nugroho", nik: "3578010101900001" }).withCard({ kpj: "15087654321" }).build();

    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await gql(h.server.url, SEARCH, { first: 2, after }, { token });
      expect(res.data.participants.totalCount).toBe(6);
      names.push(...res.data.participants.edges.map((e: any) => e.node.fullName));
      after = res.data.participants.pageInfo.hasNextPage ? res.data.participants.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(names).toEqual(["Ani Saputra", "Budi Saputra", "Cahya Saputra", "Dedi Saputra", "Eko Saputra", "Fajar Nugroho"]);

    const byName = await gql(h.server.url, SEARCH, { search: "saputra", first: 10 }, { token });
    expect(byName.data?.participants.totalCount).toBe(5);
    const byNik = await gql(h.server.url, SEARCH, { search: "3578010101900001", first: 10 }, { token });
    expect(byNik.data?.participants.edges.map((e: any) => e.node.nikMasked)).toEqual(["3578**********01"]);
    const byKpj = await gql(h.server.url, SEARCH, { search: "150 8765 4321", first: 10 }, { token });
    expect(byKpj.data?.participants.edges.map((e: any) => e.node.fullName)).toEqual(["Fajar Nugroho"]);
    const wildcard = await gql(h.server.url, SEARCH, { search: "%", first: 10 }, { token });
    expect(wildcard.data?.participants.totalCount).toBe(0);
  });

  it("refuses pages larger than 100 and foreign cursors", async () => {
    const staff = await h.seed.staff();
    const token = (await signIn(h.server.url, staff.email)).accessToken;
    const big = await gql(h.server.url, SEARCH, { first: 101 }, { token });
    expect(big.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const cursor = await gql(h.server.url, SEARCH, { first: 10, after: "bukan-kursor" }, { token });
    expect(cursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
