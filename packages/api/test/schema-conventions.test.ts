// The API reference conventions frontends rely on: Relay-complete PageInfo, `first` optional with its documented
// default, `nodes(ids:)` with node's access checks per id, and `@oneOf` inputs.
import { describe, expect, it } from "vitest";
import { CONNECTION_DEFAULT_FIRST } from "@jmo/schema";
import { MAX_NODES } from "../src/modules/participants/node.resolver.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const token = async (email: string) => (await signIn(h.server.url, email)).accessToken;

describe("connections", () => {
  const PARTICIPANTS = `query($first: Int, $after: String) {
    participants(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { fullName } } }
  }`;

  it("return the documented default without `first`, and a Relay PageInfo on every page", async () => {
    const staffToken = await token((await h.seed.staff()).email);
    const total = CONNECTION_DEFAULT_FIRST + 3;
    for (let i = 0; i < total; i++) await h.seed.participant({ fullName: `Peserta ${String(i).padStart(2, "0")}` }).build();

    const first = await gql(h.server.url, PARTICIPANTS, {}, { token: staffToken });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.participants;
    expect(page1.edges).toHaveLength(CONNECTION_DEFAULT_FIRST);
    expect(page1.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: page1.edges[0].cursor,
      endCursor: page1.edges.at(-1).cursor,
    });

    const second = await gql(h.server.url, PARTICIPANTS, { after: page1.pageInfo.endCursor }, { token: staffToken });
    const page2 = second.data!.participants;
    expect(page2.edges.map((e: any) => e.node.fullName)).toEqual(["Peserta 20", "Peserta 21", "Peserta 22"]);
    expect(page2.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: page2.edges[0].cursor, endCursor: page2.edges[2].cursor });
  });

  it("answer an empty page with null cursors, and refuse `first` outside 1…100", async () => {
    const p = await h.seed.participant().withCard().withAccount().build();
    const t = await token(p.email!);
    const KLAIMS = `query($first: Int) { me { klaims(first: $first) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } } } }`;
    const empty = await gql(h.server.url, KLAIMS, {}, { token: t });
    expect(empty.data?.me.klaims).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    for (const first of [0, 101]) {
      const res = await gql(h.server.url, KLAIMS, { first }, { token: t });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    }
    const staffToken = await token((await h.seed.staff()).email);
    const staffKlaims = await gql(h.server.url, `{ klaims { pageInfo { hasPreviousPage startCursor } edges { cursor } } }`, {}, { token: staffToken });
    expect(staffKlaims.data?.klaims).toEqual({ edges: [], pageInfo: { hasPreviousPage: false, startCursor: null } });
  });
});

describe("nodes(ids:)", () => {
  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Card { kpjMasked } ... on Participant { fullName } } }`;

  it("returns each object in the order asked, and null for what is not the caller's or does not exist", async () => {
    const a = await h.seed.participant({ fullName: "Peserta A" }).withCard({ kpj: "21017345678" }).withAccount().build();
    const b = await h.seed.participant({ fullName: "Peserta B" }).withCard({ kpj: "22011122233" }).withAccount().build();
    const tokenA = await token(a.email!);
    const tokenB = await token(b.email!);
    const meA = (await gql(h.server.url, `{ me { id cards { id } } }`, {}, { token: tokenA })).data!.me;
    const meB = (await gql(h.server.url, `{ me { id cards { id } } }`, {}, { token: tokenB })).data!.me;
    const unknown = Buffer.from("Card:00000000-0000-4000-8000-000000000000").toString("base64url");
    const ids = [meA.cards[0].id, meB.cards[0].id, unknown, meA.id, meB.id, "bukan-id", meA.cards[0].id];

    const res = await gql(h.server.url, NODES, { ids }, { token: tokenA });
    expect(res.errors).toBeUndefined();
    expect(res.data?.nodes).toEqual([
      { id: meA.cards[0].id, kpjMasked: "21*******78" },
      null,
      null,
      { id: meA.id, fullName: "Peserta A" },
      null,
      null,
      { id: meA.cards[0].id, kpjMasked: "21*******78" },
    ]);
    expect(JSON.stringify(res)).not.toContain("Peserta B");

    // node(id:) keeps its answer for another's object: FORBIDDEN, as before.
    const single = await gql(h.server.url, `query($id: ID!) { node(id: $id) { id } }`, { id: meB.id }, { token: tokenA });
    expect(single.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const staffToken = await token((await h.seed.staff()).email);
    const staff = await gql(h.server.url, NODES, { ids: [meA.id, meB.id] }, { token: staffToken });
    expect(staff.data?.nodes.map((n: any) => n?.fullName)).toEqual(["Peserta A", "Peserta B"]);
  });

  it(`takes at most ${MAX_NODES} ids and needs a signed-in caller`, async () => {
    const p = await h.seed.participant().withCard().withAccount().build();
    const t = await token(p.email!);
    const cardId = (await gql(h.server.url, `{ me { cards { id } } }`, {}, { token: t })).data!.me.cards[0].id;
    const atLimit = await gql(h.server.url, NODES, { ids: Array(MAX_NODES).fill(cardId) }, { token: t });
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data?.nodes).toHaveLength(MAX_NODES);
    const over = await gql(h.server.url, NODES, { ids: Array(MAX_NODES + 1).fill(cardId) }, { token: t });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect((await gql(h.server.url, NODES, { ids: [] }, { token: t })).data?.nodes).toEqual([]);
    expect((await gql(h.server.url, NODES, { ids: [cardId] })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("@oneOf inputs", () => {
  const UNBLOCK = `mutation($input: AccountUnblockInput!) { accountUnblock(input: $input) { accountId userErrors { code field } } }`;

  it("accountUnblock takes exactly one of participantId and accountId in `account`", async () => {
    const p = await h.seed.participant().withCard().withAccount().build();
    const staffToken = await token((await h.seed.staff()).email);
    const participantId = (await gql(h.server.url, `{ me { id } }`, {}, { token: await token(p.email!) })).data!.me.id;

    // One of the two: the account is found (not blocked, so nothing to lift), by either.
    for (const account of [{ participantId }, { accountId: p.accountId }]) {
      const res = await gql(h.server.url, UNBLOCK, { input: { account, note: "cek" } }, { token: staffToken });
      expect(res.errors).toBeUndefined();
      expect(res.data?.accountUnblock.userErrors).toEqual([{ code: "ACCOUNT_NOT_BLOCKED", field: null }]);
    }
    // Both, or none: refused by GraphQL validation before any resolver runs.
    for (const account of [{ participantId, accountId: p.accountId }, {}]) {
      const res = await gql(h.server.url, UNBLOCK, { input: { account, note: "cek" } }, { token: staffToken });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/AccountRefInput/), extensions: { code: "BAD_USER_INPUT" } });
    }
    // The deprecated fields still work for a release, but never together with `account`.
    const old = await gql(h.server.url, UNBLOCK, { input: { participantId, note: "cek" } }, { token: staffToken });
    expect(old.data?.accountUnblock.userErrors[0].code).toBe("ACCOUNT_NOT_BLOCKED");
    const mixed = await gql(h.server.url, UNBLOCK, { input: { account: { accountId: p.accountId }, participantId, note: "cek" } }, { token: staffToken });
    expect(mixed.data?.accountUnblock.userErrors).toEqual([{ code: "INVALID_INPUT", field: ["input"] }]);
  });
});
