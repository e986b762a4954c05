// Issue 10, findings 2 and 3 (high): nothing limited what one request may ask. One anonymous 27.5 MB WebSocket message
// (1.5 M aliases) took the server from 276 MB to 2.6 GB and blocked /healthz for 67 s; anonymous
// `{ a1: jhtRates … a5000: jhtRates }` ran 5,000 SQL statements in 24 s; four concurrent requests of 500 `wilayah`
// aliases stalled `{ banks }` for 17 s; signed in, 500 aliases of simulasiJht took 10 s; 100,000 `@skip` directives
// were parsed. Each test here failed on the code before the limits (server/limits/operation-limits.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { RunningServer } from "../../src/server/app.ts";
import { trustedDocuments } from "../../src/server/limits/trusted-documents.ts";
import { useServerHarness } from "../support/harness.ts";
import { gql, signIn, startTestServer, type GqlResponse } from "../support/test-server.ts";
import { collect, wsClient } from "../support/ws-client.ts";

const h = useServerHarness();

const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
const detailOf = (res: GqlResponse) => res.errors?.map((e) => e.extensions?.detail);

/** The refusal every limit gives: HTTP 400, BAD_USER_INPUT with the limit's detail, and nothing run. */
function expectRefused(res: GqlResponse, details: string[]) {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: expect.toBeOneOf(details) });
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

// A costly query without a single alias: 100 claims, each with its card's saldo and digital card.
const COSTLY = `query ($first: Int!) { klaims(first: $first) { edges { node { card { saldoJht { years { year } } digitalCard { svg } } } } } }`;

describe("operation limits over HTTP", () => {
  it("5,000 aliases of jhtRates (anonymous) are refused at once, without a single SQL statement", async () => {
    const query = aliases(5000, "jhtRates { year }");
    const { value: res, ms } = await timed(() => gql(h.server.url, query));
    // 124 kB: over MAX_DOCUMENT_BYTES before anything parses it.
    expectRefused(res, ["DOCUMENT_TOO_LARGE"]);
    expect(res.extensions?.sqlStatements).toBe(0);
    expect(res.errors![0]!.message).toBe(`Dokumen GraphQL terlalu besar (${query.length} byte); paling banyak 100000 byte.`);
    expect(ms).toBeLessThan(3000);

    // Under the size and token limits, the alias rule refuses it before execution.
    const few = await gql(h.server.url, aliases(16, "jhtRates { year }"), {}, { headers: { "accept-language": "en" } });
    expectRefused(few, ["TOO_MANY_ALIASES"]);
    expect(few.extensions?.sqlStatements).toBe(0);
    expect(few.errors![0]!.message).toBe("Too many aliases in one operation (16 aliases); at most 15.");
    // 15 are fine.
    const ok = await gql(h.server.url, aliases(15, "jhtRates { year }"));
    expect(ok.errors).toBeUndefined();
    expect(Object.keys(ok.data!)).toHaveLength(15);
  });

  it("four concurrent requests of 500 wilayah aliases are refused while { banks { code } } stays fast", async () => {
    const attack = aliases(500, `wilayah(search: "bandung", first: 50) { villageCode kelurahan }`);
    let attacking = true;
    const attacks = Promise.all(Array.from({ length: 4 }, () => timed(() => gql(h.server.url, attack)))).finally(() => (attacking = false));
    const banks: number[] = [];
    do {
      const { value, ms } = await timed(() => gql(h.server.url, `{ banks { code } }`));
      expect(value.errors).toBeUndefined();
      banks.push(ms);
    } while (attacking);
    for (const { value, ms } of await attacks) {
      expectRefused(value, ["DOCUMENT_TOO_LARGE", "TOO_MANY_TOKENS", "TOO_MANY_ALIASES"]);
      expect(ms).toBeLessThan(3000);
    }
    // Before: 17 s. A generous bound for a busy 2-core machine.
    expect(Math.max(...banks)).toBeLessThan(3000);
  });

  it("500 aliases of simulasiJht, signed in, are refused before execution", async () => {
    const p = await h.seed.participant({ birthDate: "1990-05-17" }).withCard({ segment: "PU", registeredAt: "2018-03-01" }).withAccount().build();
    await h.seed.contributionsFor(p.cards[0]!.id, { from: "2018-03", months: 24, wage: 4_000_000 });
    const { accessToken } = await signIn(h.server.url, p.email!);
    const one = `simulasiJht(input: { monthlyWage: "5000000.00" }) { saldoAt56 }`;
    const { value: res, ms } = await timed(() => gql(h.server.url, aliases(500, one), {}, { token: accessToken }));
    expectRefused(res, ["DOCUMENT_TOO_LARGE", "TOO_MANY_TOKENS", "TOO_MANY_ALIASES"]);
    expect(ms).toBeLessThan(3000);
    // Only the session was read.
    expect(res.extensions?.sqlStatements).toBeLessThanOrEqual(1);
    // A few are fine.
    const few = await gql(h.server.url, aliases(3, one), {}, { token: accessToken });
    expect(few.errors).toBeUndefined();
  });

  it("refuses a costly query (no alias needed), counting `first` from the variables", async () => {
    const res = await gql(h.server.url, COSTLY, { first: 100 }, { headers: { "accept-language": "en" } });
    expectRefused(res, ["QUERY_TOO_COSTLY"]);
    expect(res.errors![0]!.message).toMatch(/^The query is too costly \(cost \d+\); at most 2000\. Split it into several requests\.$/);
    expect(res.extensions?.sqlStatements).toBe(0);
    // Two claims cost little: the query runs (and is refused for what it is: staff only).
    const small = await gql(h.server.url, COSTLY, { first: 2 });
    expect(small.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    // Outside production the response says what an operation cost.
    const banks = await gql(h.server.url, `{ banks { code } jhtRates { year } }`);
    expect(banks.extensions?.cost).toBe(7);
  });

  it("100,000 @skip directives are refused without being parsed; 51 directives by the directive limit", async () => {
    const skips = `{ banks ${"@skip(if: false) ".repeat(100_000)}{ code } }`;
    const { value: res, ms } = await timed(() => gql(h.server.url, skips));
    expectRefused(res, ["DOCUMENT_TOO_LARGE"]);
    expect(ms).toBeLessThan(3000);

    const some = await gql(h.server.url, `{ banks { ${"code @include(if: true) ".repeat(51)} } }`);
    expectRefused(some, ["TOO_MANY_DIRECTIVES"]);
    expect((await gql(h.server.url, `{ banks { ${"code @include(if: true) ".repeat(50)} } }`)).errors).toBeUndefined();
  });

  it("refuses more than MAX_TOKENS tokens and more than MAX_DEPTH levels", async () => {
    expectRefused(await gql(h.server.url, `{ banks { ${"code ".repeat(1001)} } }`), ["TOO_MANY_TOKENS"]);
    const deep = `{ ${"a { ".repeat(13)}b${" }".repeat(13)} }`;
    const res = await gql(h.server.url, deep);
    expect(res.status).toBe(400);
    expect(detailOf(res)).toContain("QUERY_TOO_DEEP");
  });
});

describe("operation limits over WebSocket (the same checks through prepareOperation)", () => {
  /** The first error of a one-off operation over graphql-ws. */
  async function wsErrors(query: string, variables: Record<string, unknown> = {}) {
    const client = wsClient(h.server.url, null, { acceptLanguage: "en" });
    try {
      const sub = collect(client, query, variables);
      await sub.next().catch(() => undefined);
      expect(sub.error, `refused over WebSocket: ${query.slice(0, 40)}…`).toBeDefined();
      return sub.error as Array<{ message: string; extensions?: Record<string, unknown> }>;
    } finally {
      await client.dispose();
    }
  }

  it("refuses aliases, cost, tokens and size with the same codes as HTTP", async () => {
    expect((await wsErrors(aliases(16, "jhtRates { year }")))[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "TOO_MANY_ALIASES" });
    expect((await wsErrors(COSTLY, { first: 100 }))[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "QUERY_TOO_COSTLY" });
    expect((await wsErrors(`{ banks { ${"code ".repeat(1001)} } }`))[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "TOO_MANY_TOKENS" });
    // 1 MB: under the message limit, over the document limit.
    expect((await wsErrors(aliases(40_000, "banks { code }")))[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "DOCUMENT_TOO_LARGE" });
    const http = await gql(h.server.url, COSTLY, { first: 100 }, { headers: { "accept-language": "en" } });
    expect((await wsErrors(COSTLY, { first: 100 }))[0]!.message).toBe(http.errors![0]!.message);
  });

  it("closes a socket that sends a 27 MB message (1009) without the memory growing", async () => {
    const message = JSON.stringify({ type: "subscribe", id: "1", payload: { query: aliases(1_150_000, "banks { code }") } });
    expect(message.length).toBeGreaterThan(27_000_000);
    const before = process.memoryUsage().rss;
    const socket = new WebSocket(h.server.url.replace(/^http/, "ws"), "graphql-transport-ws");
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    socket.on("error", () => {});
    socket.on("open", () => socket.send(message));
    const { value: code, ms } = await timed(() => closed);
    // 1009: "message too big" (RFC 6455), sent as soon as the frame header announces more than MAX_REQUEST_BYTES.
    expect(code).toBe(1009);
    expect(ms).toBeLessThan(5000);
    // The server shares this process: the message itself (held here by the client) and nothing like the 2.3 GB of before.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    const health = await timed(() => fetch(h.server.url.replace("/graphql", "/healthz")));
    expect(health.value.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
  });
});

describe("TRUSTED_DOCUMENTS=sdk (production)", () => {
  let trusted: RunningServer;
  beforeAll(async () => {
    trusted = await startTestServer(h.tdb.database, { NODE_ENV: "production", TRUSTED_DOCUMENTS: "sdk" });
  });
  afterAll(() => trusted?.stop());

  it("accepts the SDK's `me` document as the SDK prints it, by text or by hash, and refuses any other", async () => {
    const p = await h.seed.participant({ fullName: "Siti Rahayu" }).withCard().withAccount().build();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const me = trustedDocuments().find((d) => d.operationName === "Me")!;

    const byText = await gql(trusted.url, me.document, {}, { token: accessToken });
    expect(byText.errors).toBeUndefined();
    expect(byText.data!.me.fullName).toBe("Siti Rahayu");

    // Apollo's persisted-query extension without the text: the server has it.
    const res = await fetch(trusted.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: me.sha256 } } }),
    });
    expect(((await res.json()) as { data: { me: { fullName: string } } }).data.me.fullName).toBe("Siti Rahayu");

    for (const other of [`{ me { fullName } }`, `${me.document}\n`]) {
      const refused = await gql(trusted.url, other, {}, { token: accessToken, headers: { "accept-language": "en" } });
      expectRefused(refused, ["DOCUMENT_NOT_TRUSTED"]);
      expect(refused.errors![0]!.message).toBe("This server accepts only the operations of the JMO SDK.");
      // Production: no statement count.
      expect(refused.extensions?.sqlStatements).toBeUndefined();
    }
    // The default server takes any valid document.
    expect((await gql(h.server.url, `{ me { fullName } }`, {}, { token: accessToken })).data!.me.fullName).toBe("Siti Rahayu");
  });
});

describe("the limits in production", () => {
  let prod: RunningServer;
  beforeAll(async () => {
    prod = await startTestServer(h.tdb.database, { NODE_ENV: "production" });
  });
  afterAll(() => prod?.stop());

  it("refuses the same attacks with the same codes, and a 27 MB WebSocket message closes the socket", async () => {
    expectRefused(await gql(prod.url, aliases(5000, "jhtRates { year }")), ["DOCUMENT_TOO_LARGE"]);
    expectRefused(await gql(prod.url, aliases(16, "jhtRates { year }")), ["TOO_MANY_ALIASES"]);
    expectRefused(await gql(prod.url, `{ banks ${"@skip(if: false) ".repeat(100_000)}{ code } }`), ["DOCUMENT_TOO_LARGE"]);
    const staff = await h.seed.staff();
    const { accessToken } = await signIn(prod.url, staff.email);
    expectRefused(await gql(prod.url, COSTLY, { first: 100 }, { token: accessToken }), ["QUERY_TOO_COSTLY"]);

    const closed = await new Promise<number>((resolve) => {
      const ws = new WebSocket(prod.url.replace(/^http/, "ws"), "graphql-transport-ws");
      ws.on("open", () => ws.send("x".repeat(27 * 1024 * 1024)));
      ws.on("close", (code) => resolve(code));
      ws.on("error", () => {});
    });
    expect(closed).toBe(1009);
  });
});
