// Issue 10, finding 6 (and the HTML error pages of finding 5): Express answered HTML (its 404 page, a stack trace for
// a malformed body), no security headers were sent, production suggested field names ("Did you mean …?") and a NUL
// byte in a search or an address ended as INTERNAL_SERVER_ERROR.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { participants } from "../../src/db/schema.ts";
import type { RunningServer } from "../../src/server/app.ts";
import { useServerHarness } from "../support/harness.ts";
import { makeTestSelfie } from "../support/selfies.ts";
import { gql, signIn, startTestServer } from "../support/test-server.ts";

const h = useServerHarness();
const base = (server: RunningServer) => server.url.replace(/\/graphql$/, "");

async function jsonBody(res: Response): Promise<any> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await res.text();
  expect(text).not.toMatch(/<html|<pre>|<!DOCTYPE/i);
  return JSON.parse(text);
}

describe("Express answers JSON, never HTML", () => {
  it("gives unknown paths and methods a JSON 404 in the contract's shape", async () => {
    for (const res of [await fetch(`${base(h.server)}/nope`), await fetch(`${base(h.server)}/healthz`, { method: "DELETE" })]) {
      expect(res.status).toBe(404);
      const body = await jsonBody(res);
      expect(body.errors[0]).toMatchObject({ message: expect.any(String), extensions: { code: "BAD_USER_INPUT", detail: "NOT_FOUND" } });
    }
  });

  it("refuses a malformed body with a JSON 400 that neither echoes the body nor carries a stack trace", async () => {
    const res = await fetch(h.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en" },
      body: '{"query":"mutation { login(input: { identifier: \\"a@b.example\\", password: \\"Bocor#Rahasia1\\" }) { accessToken } }", oops',
    });
    expect(res.status).toBe(400);
    const body = await jsonBody(res);
    expect(body).toEqual({ errors: [{ message: "The request is not valid.", extensions: { code: "BAD_USER_INPUT", detail: "MALFORMED_JSON" } }] });
  });

  it("refuses a body over the limit with a JSON 413", async () => {
    const res = await fetch(h.server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ banks { code } }", variables: { pad: "x".repeat(5 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect((await jsonBody(res)).errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", detail: "BODY_TOO_LARGE" });
  });
});

describe("security headers", () => {
  it("are on every response; outside production the CSP still lets Apollo Sandbox load, and there is no HSTS", async () => {
    const page = await fetch(h.server.url, { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(html).toMatch(/sandbox/i);
    const csp = page.headers.get("content-security-policy") ?? "";
    // Every host the landing page loads a script or a frame from is allowed, and its inline scripts are, by nonce.
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    for (const host of html.match(/<script[^>]+src="(https:\/\/[^/"]+)/g)?.map((m) => /https:\/\/[^/"]+/.exec(m)![0]) ?? []) {
      expect(scriptSrc).toContain(host);
    }
    expect(scriptSrc).toContain("https://embeddable-sandbox.cdn.apollographql.com");
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).toMatch(/frame-src [^;]*https:\/\/sandbox\.embed\.apollographql\.com/);
    expect(page.headers.get("strict-transport-security")).toBeNull();

    for (const res of [page, await fetch(`${base(h.server)}/healthz`), await fetch(`${base(h.server)}/nope`), (await gql(h.server.url, "{ banks { code } }"))]) {
      expect(res.headers.get("content-security-policy")).toBeTruthy();
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
  });
});

describe("in production", () => {
  let prod: RunningServer;
  beforeAll(async () => {
    prod = await startTestServer(h.tdb.database, { NODE_ENV: "production", CORS_ORIGINS: "https://jmo.example" });
  });
  afterAll(() => prod?.stop());

  it("sends HSTS and a strict CSP", async () => {
    for (const res of [await fetch(`${base(prod)}/healthz`), (await gql(prod.url, "{ banks { code } }"))]) {
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
    }
  });

  it("does not suggest field names or enum values (outside production it still does)", async () => {
    const typo = "{ jhtRates { yer } }";
    const dev = await gql(h.server.url, typo);
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean/);

    const res = await gql(prod.url, typo);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", detail: "GRAPHQL_VALIDATION_FAILED" });
    expect(res.errors?.[0]?.message).toContain('Cannot query field "yer"');
    // Variable coercion suggests too (a misspelt input field, an enum value).
    const coercion = await gql(prod.url, `query($input: SimulasiJhtInput!) { simulasiJht(input: $input) { __typename } }`, { input: { ratePercen: "5.00" } });
    const enumValue = await gql(prod.url, `mutation($input: DataTambahanInput!) { pengkinianUpdateTambahan(input: $input) { userErrors { code } } }`, {
      input: { education: "S11", religion: "ISLAM", bloodType: "O", emergencyContact: { name: "A", phone: "0811", address: "B", relationship: "SUAMI" } },
    });
    for (const r of [res, coercion, enumValue]) {
      expect(r.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean/);
    }
    expect(enumValue.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("control characters", () => {
  const refused = { code: "BAD_USER_INPUT", detail: "CONTROL_CHARACTERS" };

  it("refuses a NUL byte in wilayah(search:), inline or in a variable, but keeps tabs and line breaks", async () => {
    const inline = await gql(h.server.url, `{ wilayah(search: "coblong\\u0000bandung") { villageCode } }`);
    expect(inline.status).toBe(400);
    expect(inline.errors?.[0]?.extensions).toEqual(refused);
    expect(inline.data).toBeUndefined();
    const variable = await gql(h.server.url, `query($s: String!) { wilayah(search: $s) { villageCode } }`, { s: "dago\u0000" });
    expect(variable.errors?.[0]?.extensions).toEqual(refused);
    const bell = await gql(h.server.url, `query($s: String!) { wilayah(search: $s) { villageCode } }`, { s: "dago\u0007" });
    expect(bell.errors?.[0]?.extensions).toEqual(refused);

    const tab = await gql<{ wilayah: unknown[] }>(h.server.url, `query($s: String!) { wilayah(search: $s) { villageCode } }`, { s: "coblong\tbandung\n" });
    expect(tab.errors).toBeUndefined();
    expect(tab.data?.wilayah.length).toBeGreaterThan(0);
  });

  it("refuses a NUL byte in a staff participant search instead of failing inside the database", async () => {
    const staff = await h.seed.staff();
    const { accessToken } = await signIn(h.server.url, staff.email);
    const res = await gql(h.server.url, `query($s: String) { participants(search: $s, first: 5) { totalCount } }`, { s: "budi\u0000" }, { token: accessToken });
    expect(res.errors?.[0]?.extensions).toEqual(refused);
  });

  it("refuses a NUL byte in an address before any resolver runs: nothing is stored", async () => {
    const p = await h.seed
      .participant({ gender: "PEREMPUAN", birthDate: "1993-08-21", nik: "3273026108930002" })
      .withCard({ kpj: "19123456712", status: "NONAKTIF", registeredAt: "2019-07-01", nonaktifSince: "2022-12-31" })
      .withAccount()
      .build();
    const { accessToken: token } = await signIn(h.server.url, p.email!);
    const call = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await gql(h.server.url, query, variables, { token });
      expect(res.errors).toBeUndefined();
      return Object.values(res.data!)[0] as { pengkinian: any; userErrors: unknown[] };
    };
    const started = await call(`mutation { pengkinianStart { pengkinian { kpjChallenge { cardId } } userErrors { code } } }`);
    await call(`mutation($input: PengkinianConfirmKepesertaanInput!) { pengkinianConfirmKepesertaan(input: $input) { userErrors { code } } }`, {
      input: { cards: [{ cardId: started.pengkinian.kpjChallenge[0].cardId, kpj: "19123456712" }] },
    });
    const biometric = await call(`mutation($input: PengkinianVerifyBiometricInput!) { pengkinianVerifyBiometric(input: $input) { userErrors { code } } }`, {
      input: { selfie: makeTestSelfie() },
    });
    expect(biometric.userErrors).toEqual([]);

    const input = {
      gender: "PEREMPUAN", villageCode: "3273021004", kodePos: "40135", address: "Jl. Dago No. 10\u0000; RT 01/RW 02",
      motherMaidenName: "Sumiati", maritalStatus: "BELUM_KAWIN",
    };
    const res = await gql(
      h.server.url,
      `mutation($input: DataKependudukanInput!) { pengkinianUpdateKependudukan(input: $input) { userErrors { code } } }`,
      { input },
      { token },
    );
    expect(res.errors?.[0]?.extensions).toEqual(refused);
    const [row] = await h.tdb.database.db.select({ address: participants.address }).from(participants).where(eq(participants.id, p.participant.id));
    expect(row?.address ?? null).toBeNull();
  });
});
