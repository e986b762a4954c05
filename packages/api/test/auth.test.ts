import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { accounts, loginAttempts, sessions } from "../src/db/schema.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, LOGIN, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const login = (identifier: string, password: string, headers: Record<string, string> = {}) =>
  gql(h.server.url, LOGIN, { input: { identifier, password } }, { headers });

const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken userErrors { code message } } }`;
const ME = `{ me { fullName } }`;

describe("login", () => {
  it("signs in by email or phone and returns the participant", async () => {
    const p = await h.seed.participant({ fullName: "Budi Santoso" }).withCard().withAccount({ phone: "+6281234567890" }).build();
    const byEmail = await login(p.email!.toUpperCase(), TEST_PASSWORD);
    expect(byEmail.data?.login.userErrors).toEqual([]);
    expect(byEmail.data?.login.participant.fullName).toBe("Budi Santoso");
    expect(byEmail.data?.login.role).toBe("PESERTA");
    expect(new Date(byEmail.data?.login.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const byPhone = await login("0812-3456-7890", TEST_PASSWORD);
    expect(byPhone.data?.login.accessToken).toEqual(expect.any(String));

    const me = await gql(h.server.url, ME, {}, { token: byPhone.data?.login.accessToken });
    expect(me.data?.me.fullName).toBe("Budi Santoso");
  });

  it("answers a wrong password and an unknown account with the same error", async () => {
    const p = await h.seed.participant().withAccount().build();
    const wrong = await login(p.email!, "salah-sekali");
    const unknown = await login("tidak.ada@example.test", "salah-sekali");
    expect(wrong.data?.login.accessToken).toBeNull();
    expect(wrong.data?.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    expect(unknown.data?.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    expect(unknown.data?.login.userErrors[0].message).toBe(wrong.data?.login.userErrors[0].message);
  });

  it("locks the account for 15 minutes after 5 wrong passwords in a row, even for the right one", async () => {
    const p = await h.seed.participant().withAccount().build();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(p.email!, `salah-${i}`)).data?.login.userErrors[0].code);
    expect(codes).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "ACCOUNT_LOCKED"]);

    const right = await login(p.email!, TEST_PASSWORD);
    expect(right.data?.login.accessToken).toBeNull();
    expect(right.data?.login.userErrors[0]).toMatchObject({ code: "ACCOUNT_LOCKED", message: expect.stringContaining("15 menit") });
    // The right password during the lock neither opens it nor moves its end.
    const again = await login(p.email!, TEST_PASSWORD);
    expect(again.data?.login.userErrors[0].message).toBe(right.data?.login.userErrors[0].message);

    const [row] = await h.tdb.database.db.select().from(loginAttempts);
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // Once the lock has run out, the right password works again, and the count starts afresh.
    await h.tdb.database.db.update(loginAttempts).set({ lockedUntil: sql`now() - interval '1 second'` });
    expect((await login(p.email!, TEST_PASSWORD)).data?.login.accessToken).toEqual(expect.any(String));
    for (let i = 0; i < 4; i++) expect((await login(p.email!, "salah")).data?.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
  });

  it("forgets wrong passwords after 15 minutes without another try", async () => {
    const p = await h.seed.participant().withAccount().build();
    for (let i = 0; i < 4; i++) await login(p.email!, "salah");
    await h.tdb.database.db.update(loginAttempts).set({ lastAttemptAt: sql`now() - interval '16 minutes'` });
    for (let i = 0; i < 4; i++) expect((await login(p.email!, "salah")).data?.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
  });

  it("restarts the count after a successful sign-in", async () => {
    const p = await h.seed.participant().withAccount().build();
    for (let i = 0; i < 4; i++) await login(p.email!, "salah");
    await signIn(h.server.url, p.email!);
    for (let i = 0; i < 4; i++) expect((await login(p.email!, "salah")).data?.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
  });

  it("refuses a blocked account with a message that says whom to contact", async () => {
    const p = await h.seed.participant().withAccount().build();
    await h.tdb.database.db.update(accounts).set({ blockedAt: new Date(), blockedReason: "KPJ_STRIKES" }).where(eq(accounts.id, p.accountId!));
    const res = await login(p.email!, TEST_PASSWORD);
    expect(res.data?.login.userErrors[0]).toMatchObject({ code: "ACCOUNT_BLOCKED", message: expect.stringContaining("175") });
  });

  it("speaks English when asked", async () => {
    const res = await login("tidak.ada@example.test", "x", { "accept-language": "en-US,en;q=0.9,id;q=0.5" });
    expect(res.data?.login.userErrors[0].message).toMatch(/^Wrong email/);
    const id = await login("tidak.ada@example.test", "x");
    expect(id.data?.login.userErrors[0].message).toMatch(/kata sandi salah/);
  });

  it("stores argon2id hashes, never the password", async () => {
    const p = await h.seed.participant().withAccount().build();
    const [row] = await h.tdb.database.db.select().from(accounts).where(eq(accounts.id, p.accountId!));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("refreshSession", () => {
  it("rotates the refresh token: the new one works once, the old one never again", async () => {
    const p = await h.seed.participant().withAccount().build();
    const first = await signIn(h.server.url, p.email!);
    const second = await gql(h.server.url, REFRESH, { input: { refreshToken: first.refreshToken } });
    const pair = second.data?.refreshSession;
    expect(pair.userErrors).toEqual([]);
    expect(pair.refreshToken).not.toBe(first.refreshToken);
    expect((await gql(h.server.url, ME, {}, { token: pair.accessToken })).data?.me).not.toBeNull();

    const third = await gql(h.server.url, REFRESH, { input: { refreshToken: pair.refreshToken } });
    expect(third.data?.refreshSession.userErrors).toEqual([]);
  });

  it("ends the session when an already used refresh token comes back (a stolen copy)", async () => {
    const p = await h.seed.participant().withAccount().build();
    const first = await signIn(h.server.url, p.email!);
    const rotated = (await gql(h.server.url, REFRESH, { input: { refreshToken: first.refreshToken } })).data?.refreshSession;
    const reused = await gql(h.server.url, REFRESH, { input: { refreshToken: first.refreshToken } });
    expect(reused.data?.refreshSession.userErrors[0].code).toBe("INVALID_REFRESH_TOKEN");
    // The legitimate holder's newer token is revoked too, and so is the access token of that session.
    const after = await gql(h.server.url, REFRESH, { input: { refreshToken: rotated.refreshToken } });
    expect(after.data?.refreshSession.userErrors[0].code).toBe("INVALID_REFRESH_TOKEN");
    const me = await gql(h.server.url, ME, {}, { token: rotated.accessToken });
    expect(me.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("works while the client still sends its stale access token", async () => {
    const p = await h.seed.participant().withAccount().build();
    const first = await signIn(h.server.url, p.email!);
    await gql(h.server.url, `mutation { logout { success } }`, {}, { token: first.accessToken });
    const again = await gql(h.server.url, LOGIN, { input: { identifier: p.email!, password: TEST_PASSWORD } }, { token: first.accessToken });
    expect(again.data?.login.accessToken).toEqual(expect.any(String));
    expect((await gql(h.server.url, ME, {}, { token: again.data?.login.accessToken })).data?.me).not.toBeNull();
  });

  it("refuses garbage", async () => {
    const res = await gql(h.server.url, REFRESH, { input: { refreshToken: "bukan-token" } });
    expect(res.data?.refreshSession).toMatchObject({ accessToken: null, userErrors: [{ code: "INVALID_REFRESH_TOKEN" }] });
  });

  it("stores only a hash of the refresh token", async () => {
    const p = await h.seed.participant().withAccount().build();
    const { refreshToken } = await signIn(h.server.url, p.email!);
    const rows = await h.tdb.database.db.select().from(sessions);
    const secret = refreshToken.split(".")[1]!;
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});

describe("logout", () => {
  it("revokes the session: its access and refresh tokens stop working at once", async () => {
    const p = await h.seed.participant().withAccount().build();
    const s = await signIn(h.server.url, p.email!);
    const out = await gql(h.server.url, `mutation { logout { success userErrors { code } } }`, {}, { token: s.accessToken });
    expect(out.data?.logout).toEqual({ success: true, userErrors: [] });
    const me = await gql(h.server.url, ME, {}, { token: s.accessToken });
    expect(me.status).toBe(401);
    expect(me.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", detail: "TOKEN_INVALID" });
    const refresh = await gql(h.server.url, REFRESH, { input: { refreshToken: s.refreshToken } });
    expect(refresh.data?.refreshSession.userErrors[0].code).toBe("INVALID_REFRESH_TOKEN");
  });

  it("needs a signed-in caller", async () => {
    const res = await gql(h.server.url, `mutation { logout { success } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
