import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/app.ts";
import { builders } from "./support/builders.ts";
import { openTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { gql, signIn, startTestServer } from "./support/test-server.ts";
import { collect, connected, wsClient } from "./support/ws-client.ts";

let tdb: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  tdb = await openTestDatabase();
  server = await startTestServer(tdb.database);
});
afterAll(async () => {
  await server?.stop();
  await tdb?.close();
});

const base = () => server.url.replace(/\/graphql$/, "");

describe("health", () => {
  it("answers /healthz and checks the database in /readyz", async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });
});

describe("HTTP conventions", () => {
  it("blocks cross-site GET and text/plain requests without a preflight header (CSRF prevention)", async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent("{ me { id } }")}`);
    expect(get.status).toBe(400);
    const plain = await fetch(server.url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ me { id } }" }) });
    expect(plain.status).toBe(400);
  });

  it("answers CORS preflights for browser frontends", async () => {
    const res = await fetch(server.url, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("reports malformed queries as BAD_USER_INPUT and carries a request id", async () => {
    const res = await gql(server.url, "{ me { doesNotExist } }", {}, { headers: { "x-request-id": "uji-123" } });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.detail).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.headers.get("x-request-id")).toBe("uji-123");
    const bad = await gql(server.url, `query($id: ID!) { node(id: $id) { id } }`, {});
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("serves the Apollo Sandbox landing page and introspection outside production", async () => {
    const page = await fetch(server.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/sandbox/i);
    const intro = await gql(server.url, "{ __schema { queryType { name } } }");
    expect(intro.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });
});

describe("in production", () => {
  let prod: RunningServer;
  beforeAll(async () => {
    prod = await startTestServer(tdb.database, { NODE_ENV: "production", CORS_ORIGINS: "https://jmo.example" });
  });
  afterAll(() => prod?.stop());

  it("turns the landing page, introspection and statement counts off", async () => {
    const page = await fetch(prod.url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/sandbox/i);
    const intro = await gql(prod.url, "{ __schema { queryType { name } } }");
    expect(intro.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const me = await gql(prod.url, "{ me { id } }");
    expect(me.extensions?.sqlStatements).toBeUndefined();
  });

  it("allows only the configured origins", async () => {
    const preflight = (origin: string) =>
      fetch(prod.url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    expect((await preflight("https://jmo.example")).headers.get("access-control-allow-origin")).toBe("https://jmo.example");
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers the receipt PDF route with the same CORS (a web app fetches it with its token), the webhooks with none", async () => {
    const at = (path: string) => prod.url.replace(/\/graphql$/, path);
    const preflight = (path: string, origin: string) =>
      fetch(at(path), { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" } });
    const allowed = await preflight("/receipts/iuran-bpu/x.pdf", "https://jmo.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://jmo.example");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    expect((await preflight("/receipts/iuran-bpu/x.pdf", "https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflight("/webhooks/payments/sandbox", "https://jmo.example")).headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("unexpected failures", () => {
  it("are masked as INTERNAL_SERVER_ERROR with the request id, in the caller's language", async () => {
    const p = await builders(tdb.database.db).participant().withCard().withAccount().build();
    const { accessToken } = await signIn(server.url, p.email!);
    // Make one service fail the way a database can: its message must not reach the caller.
    const original = server.services.participants.search;
    const staff = await builders(tdb.database.db).staff();
    const staffToken = (await signIn(server.url, staff.email)).accessToken;
    server.services.participants.search = async () => {
      throw new Error('relation "participants" secret detail from the database');
    };
    try {
      const res = await gql(server.url, `{ participants(first: 5) { totalCount } }`, {}, { token: staffToken, headers: { "accept-language": "en" } });
      expect(res.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      expect(res.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
      expect(res.errors?.[0]?.message).toBe("Something went wrong on our side. Please try again.");
      expect(JSON.stringify(res)).not.toContain("secret detail");
    } finally {
      server.services.participants.search = original;
    }
    expect((await gql(server.url, `{ me { id } }`, {}, { token: accessToken })).data?.me).not.toBeNull();
  });
});

describe("graceful shutdown", () => {
  it("finishes requests in flight, closes WebSockets and then refuses new connections", async () => {
    const s = await startTestServer(tdb.database);
    const p = await builders(tdb.database.db).participant().withAccount().build();
    const { accessToken } = await signIn(s.url, p.email!);
    const client = wsClient(s.url, accessToken);
    const sub = collect(client, `subscription { accountEvents { id } }`);
    const closed = new Promise<number>((resolve) => client.on("closed", (e) => resolve((e as { code: number }).code)));
    await connected(client);

    const inFlight = gql(s.url, `{ me { fullName } }`, {}, { token: accessToken });
    await new Promise((r) => setTimeout(r, 5));
    await s.stop();
    expect((await inFlight).data?.me.fullName).toEqual(expect.any(String));
    expect(await closed).toBe(1001);
    await expect(fetch(`${s.url.replace(/\/graphql$/, "")}/healthz`)).rejects.toThrow();
    sub.unsubscribe();
    await client.dispose();
  });
});
