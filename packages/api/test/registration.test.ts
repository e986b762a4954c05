import { describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import { accounts, bpuMemberships, cards, outbox, passwordResetTokens, rateLimits, registrations, sessions, verificationCodes } from "../src/db/schema.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { BPU_NIK, bpuNewStart, registrationFlow } from "./support/registration-flow.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, LOGIN, signIn, startTestServer } from "./support/test-server.ts";

const h = useServerHarness();

const REGISTRATION_FIELDS = `registrationToken registration { kind step emailMasked emailVerified phoneMasked phoneVerified
  resendAvailableAt codeExpiresAt expiresAt warnings
  bpu { programs declaredIncome monthlyContribution { jkk jkm jht total } } } userErrors { code field message }`;
const START = `mutation($input: RegistrationStartInput!) { registrationStart(input: $input) { ${REGISTRATION_FIELDS} } }`;
const SET_EMAIL = `mutation($input: RegistrationSetEmailInput!) { registrationSetEmail(input: $input) { ${REGISTRATION_FIELDS} } }`;
const VERIFY_EMAIL = `mutation($input: RegistrationVerifyCodeInput!) { registrationVerifyEmail(input: $input) { ${REGISTRATION_FIELDS} } }`;
const SET_PHONE = `mutation($input: RegistrationSetPhoneInput!) { registrationSetPhone(input: $input) { ${REGISTRATION_FIELDS} } }`;
const VERIFY_PHONE = `mutation($input: RegistrationVerifyCodeInput!) { registrationVerifyPhone(input: $input) { ${REGISTRATION_FIELDS} } }`;
const RESEND = `mutation($input: RegistrationResendCodeInput!) { registrationResendCode(input: $input) { ${REGISTRATION_FIELDS} } }`;
const COMPLETE = `mutation($input: RegistrationCompleteInput!) { registrationComplete(input: $input) {
  accessToken refreshToken role participant { fullName } userErrors { code field message } } }`;
const RESET_REQUEST = `mutation($input: PasswordResetRequestInput!) { passwordResetRequest(input: $input) { accepted userErrors { code field message } } }`;
const RESET = `mutation($input: PasswordResetInput!) { passwordReset(input: $input) { success userErrors { code field message } } }`;
const ME = `{ me { fullName nikMasked email phone cards { kpjMasked segment status registeredAt } } }`;

const NEW_PASSWORD = "Kopi-Tubruk#88";
// Gambir, Jakarta Pusat (31.71.01); born 17 May 1990, a man; serial 0001.

const { call, lastCode } = registrationFlow(h);

async function seededParticipant() {
  return h.seed.participant({ fullName: "Rina Marlina", birthDate: "1991-03-04", gender: "PEREMPUAN" }).withCard({ status: "NONAKTIF" }).build();
}

function existingStart(p: Awaited<ReturnType<typeof seededParticipant>>, overrides: Record<string, unknown> = {}) {
  return {
    kind: "EXISTING_PARTICIPANT",
    membershipType: "PU",
    citizenship: "WNI",
    nik: p.participant.nik,
    kpj: p.cards[0]!.kpj,
    fullName: "  rina   MARLINA ",
    birthDate: "1991-03-04",
    ...overrides,
  };
}

async function startExisting(p: Awaited<ReturnType<typeof seededParticipant>>): Promise<string> {
  const res = await call(START, existingStart(p));
  expect(res.data?.registrationStart.userErrors).toEqual([]);
  return res.data?.registrationStart.registrationToken;
}

/** Email and phone steps with the codes read from the outbox. */
async function verifyContacts(token: string, email: string, phone: string) {
  const setEmail = await call(SET_EMAIL, { registrationToken: token, email });
  expect(setEmail.data?.registrationSetEmail.registration.step).toBe("VERIFY_EMAIL");
  const verifiedEmail = await call(VERIFY_EMAIL, { registrationToken: token, code: await lastCode(email.toLowerCase()) });
  expect(verifiedEmail.data?.registrationVerifyEmail.userErrors).toEqual([]);
  expect(verifiedEmail.data?.registrationVerifyEmail.registration).toMatchObject({ step: "PHONE", emailVerified: true });
  const setPhone = await call(SET_PHONE, { registrationToken: token, phone });
  expect(setPhone.data?.registrationSetPhone.registration.step).toBe("VERIFY_PHONE");
  const e164 = `+62${phone.replace(/\D/g, "").replace(/^0/, "")}`;
  const verifiedPhone = await call(VERIFY_PHONE, { registrationToken: token, code: await lastCode(e164) });
  expect(verifiedPhone.data?.registrationVerifyPhone.registration).toMatchObject({ step: "PASSWORD", phoneVerified: true });
}

describe("registration of an existing participant", () => {
  it("registers a seeded participant without an account, with both codes from the outbox, then signs in", async () => {
    const p = await seededParticipant();
    const start = await call(START, existingStart(p));
    expect(start.data?.registrationStart.userErrors).toEqual([]);
    expect(start.data?.registrationStart.registration).toMatchObject({ kind: "EXISTING_PARTICIPANT", step: "EMAIL", bpu: null });
    const token = start.data?.registrationStart.registrationToken;
    expect(token).toEqual(expect.any(String));

    // Out of order: no phone before the email is verified.
    const early = await call(SET_PHONE, { registrationToken: token, phone: "081298765432" });
    expect(early.data?.registrationSetPhone.userErrors[0].code).toBe("REGISTRATION_STEP_OUT_OF_ORDER");

    await verifyContacts(token, "Rina.Marlina@Example.test", "0812-9876-5432");
    const [sms] = await h.tdb.database.db.select().from(outbox).where(eq(outbox.channel, "SMS"));
    expect(sms).toMatchObject({ destination: "+6281298765432", template: "REGISTRATION_SMS_CODE" });
    expect(String(sms!.params.code)).toMatch(/^\d{6}$/);
    // Only a hash of each code is stored.
    const codes = await h.tdb.database.db.select().from(verificationCodes);
    expect(codes.every((c) => !c.codeHash.includes(String(sms!.params.code)))).toBe(true);

    const done = await call(COMPLETE, { registrationToken: token, password: NEW_PASSWORD, acceptTerms: true });
    expect(done.data?.registrationComplete.userErrors).toEqual([]);
    expect(done.data?.registrationComplete).toMatchObject({ role: "PESERTA", participant: { fullName: "Rina Marlina" } });
    const me = await gql(h.server.url, ME, {}, { token: done.data?.registrationComplete.accessToken });
    expect(me.data?.me.fullName).toBe("Rina Marlina");

    const byEmail = await signIn(h.server.url, "rina.marlina@example.test", NEW_PASSWORD);
    expect(byEmail.accessToken).toEqual(expect.any(String));
    const byPhone = await signIn(h.server.url, "+6281298765432", NEW_PASSWORD);
    expect(byPhone.accessToken).toEqual(expect.any(String));

    // The token is spent, and the participant now has an account: registering again gets the generic answer.
    const again = await call(COMPLETE, { registrationToken: token, password: NEW_PASSWORD, acceptTerms: true });
    expect(again.data?.registrationComplete.userErrors[0].code).toBe("REGISTRATION_NOT_FOUND");
    const second = await call(START, existingStart(p));
    expect(second.data?.registrationStart.userErrors[0].code).toBe("REGISTRATION_NOT_MATCHED");
  });

  it("answers wrong personal data with one generic error, whatever part is wrong", async () => {
    const p = await seededParticipant();
    const other = await h.seed.participant({ fullName: "Andi Pratama" }).withCard().withAccount().build();
    const wrongNik = await call(START, existingStart(p, { nik: "3171019999990001" }));
    const wrongKpj = await call(START, existingStart(p, { kpj: "29999999999" }));
    const othersKpj = await call(START, existingStart(p, { kpj: other.cards[0]!.kpj }));
    const wrongBirthDate = await call(START, existingStart(p, { birthDate: "1991-03-05" }));
    const wrongName = await call(START, existingStart(p, { fullName: "Rina Marlena" }));
    const hasAccount = await call(START, existingStart(other, { fullName: other.participant.fullName, birthDate: other.participant.birthDate }));
    const answers = [wrongNik, wrongKpj, othersKpj, wrongBirthDate, wrongName, hasAccount].map((r) => r.data?.registrationStart);
    for (const answer of answers) {
      expect(answer.registrationToken).toBeNull();
      expect(answer.userErrors).toEqual([wrongNik.data?.registrationStart.userErrors[0]]);
    }
    expect(wrongNik.data?.registrationStart.userErrors[0]).toMatchObject({ code: "REGISTRATION_NOT_MATCHED", field: ["input"] });
    expect(wrongNik.data?.registrationStart.userErrors[0].message).toBe(wrongKpj.data?.registrationStart.userErrors[0].message);
    expect(await h.tdb.database.db.select().from(registrations)).toHaveLength(0);
  });

  it("tells that an email is taken only to whoever proved they own it", async () => {
    const taken = await h.seed.participant().withAccount({ email: "sudah.ada@example.test" }).build();
    const p = await seededParticipant();
    const token = await startExisting(p);
    const set = await call(SET_EMAIL, { registrationToken: token, email: taken.email! });
    expect(set.data?.registrationSetEmail.userErrors).toEqual([]);
    const wrong = await call(VERIFY_EMAIL, { registrationToken: token, code: "000000" === (await lastCode(taken.email!)) ? "111111" : "000000" });
    expect(wrong.data?.registrationVerifyEmail.userErrors[0].code).toBe("CODE_INVALID");
    const right = await call(VERIFY_EMAIL, { registrationToken: token, code: await lastCode(taken.email!) });
    expect(right.data?.registrationVerifyEmail.userErrors[0].code).toBe("EMAIL_ALREADY_USED");
  });
});

describe("verification codes", () => {
  async function pendingEmailCode() {
    const p = await seededParticipant();
    const token = await startExisting(p);
    await call(SET_EMAIL, { registrationToken: token, email: "kode@example.test" });
    return { token, code: await lastCode("kode@example.test") };
  }
  const wrongCode = (code: string) => (code === "123456" ? "654321" : "123456");

  it("refuses an expired code", async () => {
    const { token, code } = await pendingEmailCode();
    await h.tdb.database.db.update(verificationCodes).set({ expiresAt: sql`now() - interval '1 second'` });
    const res = await call(VERIFY_EMAIL, { registrationToken: token, code });
    expect(res.data?.registrationVerifyEmail.userErrors[0]).toMatchObject({ code: "CODE_EXPIRED", field: ["input", "code"] });
  });

  it("refuses the right code after five wrong ones", async () => {
    const { token, code } = await pendingEmailCode();
    const left: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(VERIFY_EMAIL, { registrationToken: token, code: wrongCode(code) });
      left.push(res.data?.registrationVerifyEmail.userErrors[0].code);
    }
    expect(left).toEqual(Array(5).fill("CODE_INVALID"));
    const sixth = await call(VERIFY_EMAIL, { registrationToken: token, code });
    expect(sixth.data?.registrationVerifyEmail.userErrors[0]).toMatchObject({ code: "CODE_ATTEMPTS_EXCEEDED", message: expect.stringContaining("kode baru") });
  });

  it("evaluates only five of twelve aliased guesses in one request, then the code is dead", async () => {
    const { token, code } = await pendingEmailCode();
    // Twelve fit under the alias limit (MAX_ALIASES, 15): the attempt count must hold by itself. Guesses 1–11 are
    // wrong; the 12th (and the 8th) are the right code, which must not get through.
    const guesses = Array.from({ length: 12 }, (_, i) => (i === 7 || i === 11 ? code : wrongCode(code)));
    const document = `mutation($t: String!) { ${guesses
      .map((g, i) => `a${i}: registrationVerifyEmail(input: { registrationToken: $t, code: "${g}" }) { registration { emailVerified } userErrors { code } }`)
      .join("\n")} }`;
    const res = await gql(h.server.url, document, { t: token });
    const codes = guesses.map((_, i) => res.data?.[`a${i}`].userErrors[0]?.code);
    expect(codes.filter((c) => c === "CODE_INVALID")).toHaveLength(5);
    expect(codes.slice(5)).toEqual(Array(7).fill("CODE_ATTEMPTS_EXCEEDED"));
    const [row] = await h.tdb.database.db.select().from(verificationCodes);
    expect(row!.attempts).toBe(5);
    const later = await call(VERIFY_EMAIL, { registrationToken: token, code });
    expect(later.data?.registrationVerifyEmail.userErrors[0].code).toBe("CODE_ATTEMPTS_EXCEEDED");
  });

  it("counts guesses sent in parallel requests just as strictly", async () => {
    const { token, code } = await pendingEmailCode();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => call(VERIFY_EMAIL, { registrationToken: token, code: wrongCode(code) })),
    );
    const codes = answers.map((r) => r.data?.registrationVerifyEmail.userErrors[0].code);
    expect(codes.filter((c) => c === "CODE_INVALID")).toHaveLength(5);
    expect(codes.filter((c) => c === "CODE_ATTEMPTS_EXCEEDED")).toHaveLength(7);
    const [row] = await h.tdb.database.db.select().from(verificationCodes);
    expect(row!.attempts).toBe(5);
  });

  it("sends a new code no sooner than 60 seconds after the last, and the old one stops working", async () => {
    const { token, code } = await pendingEmailCode();
    const tooSoon = await call(RESEND, { registrationToken: token, channel: "EMAIL" });
    expect(tooSoon.data?.registrationResendCode.userErrors[0]).toMatchObject({ code: "CODE_RESEND_TOO_SOON", message: expect.stringMatching(/dalam \d+ detik/) });
    await h.tdb.database.db.update(verificationCodes).set({ sentAt: sql`now() - interval '61 seconds'` });
    const resent = await call(RESEND, { registrationToken: token, channel: "EMAIL" });
    expect(resent.data?.registrationResendCode.userErrors).toEqual([]);
    const fresh = await lastCode("kode@example.test");
    expect(await h.tdb.database.db.select().from(outbox)).toHaveLength(2);
    if (fresh !== code) {
      const old = await call(VERIFY_EMAIL, { registrationToken: token, code });
      expect(old.data?.registrationVerifyEmail.userErrors[0].code).toBe("CODE_INVALID");
    }
    const ok = await call(VERIFY_EMAIL, { registrationToken: token, code: fresh });
    expect(ok.data?.registrationVerifyEmail.registration.emailVerified).toBe(true);
  });
});

describe("BPU sign-up", () => {
  const bpuStart = bpuNewStart;

  it("registers a new self-employed worker who then sees a BPU card in me", async () => {
    const start = await call(START, bpuStart());
    expect(start.data?.registrationStart.userErrors).toEqual([]);
    expect(start.data?.registrationStart.registration).toMatchObject({
      kind: "BPU_NEW",
      warnings: [],
      bpu: {
        programs: ["JKK", "JKM", "JHT"],
        declaredIncome: "3000000.00",
        // JKK 1%, JKM Rp6,800, JHT 2%.
        monthlyContribution: { jkk: "30000.00", jkm: "6800.00", jht: "60000.00", total: "96800.00" },
      },
    });
    const token = start.data?.registrationStart.registrationToken;
    await verifyContacts(token, "joko@example.test", "081311112222");
    const done = await call(COMPLETE, { registrationToken: token, password: NEW_PASSWORD, acceptTerms: true });
    expect(done.data?.registrationComplete.userErrors).toEqual([]);

    const login = await signIn(h.server.url, "joko@example.test", NEW_PASSWORD);
    const me = await gql(h.server.url, ME, {}, { token: login.accessToken });
    const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date()).slice(2, 4);
    expect(me.data?.me).toMatchObject({ fullName: "Joko Susilo", nikMasked: "3171**********01", email: "joko@example.test", phone: "+6281311112222" });
    // Not AKTIF before its first contribution is paid (issue 11, finding 6: bpu-card.test.ts).
    expect(me.data?.me.cards).toEqual([{ kpjMasked: expect.stringMatching(new RegExp(`^${year}\\*{7}\\d{2}$`)), segment: "BPU", status: "MENUNGGU_IURAN_PERTAMA", registeredAt: expect.any(String) }]);
    const [card] = await h.tdb.database.db.select().from(cards);
    expect(card).toMatchObject({ registeredNik: BPU_NIK, registeredBirthDate: "1990-05-17", employerId: null });
    expect(card!.kpj).toMatch(/^\d{11}$/);
    const [membership] = await h.tdb.database.db.select().from(bpuMemberships);
    expect(membership).toMatchObject({ cardId: card!.id, declaredIncomeSen: 300_000_000n, jht: true });
  });

  it("validates the NIK, warns about a birth date or gender that differs from it, and needs an income in range", async () => {
    const badDistrict = await call(START, bpuStart({ nik: "9999991705900001" }));
    expect(badDistrict.data?.registrationStart.userErrors[0]).toMatchObject({ code: "INVALID_NIK", field: ["input", "nik"] });
    const short = await call(START, bpuStart({ nik: "31710117059000" }));
    expect(short.data?.registrationStart.userErrors[0].code).toBe("INVALID_NIK");
    const mismatch = await call(START, bpuStart({ birthDate: "1990-05-18", gender: "PEREMPUAN", jht: false, declaredIncome: "1000000.00" }));
    expect(mismatch.data?.registrationStart.registration).toMatchObject({
      warnings: ["NIK_BIRTH_DATE_MISMATCH", "NIK_GENDER_MISMATCH"],
      bpu: { programs: ["JKK", "JKM"], monthlyContribution: { jkk: "10000.00", jkm: "6800.00", jht: "0.00", total: "16800.00" } },
    });
    const low = await call(START, bpuStart({ declaredIncome: "999999.99" }));
    expect(low.data?.registrationStart.userErrors[0]).toMatchObject({ code: "INVALID_DECLARED_INCOME", field: ["input", "declaredIncome"] });
    const pu = await call(START, bpuStart({ membershipType: "PU" }));
    expect(pu.data?.registrationStart.userErrors[0].code).toBe("REGISTRATION_BPU_ONLY");
    await h.seed.participant({ nik: BPU_NIK }).build();
    const known = await call(START, bpuStart());
    expect(known.data?.registrationStart.userErrors[0].code).toBe("NIK_ALREADY_REGISTERED");
  });
});

describe("password policy", () => {
  it("refuses short, personal and common passwords with coded errors, and needs the terms", async () => {
    const p = await seededParticipant();
    const token = await startExisting(p);
    await verifyContacts(token, "rina.marlina@example.test", "081298765432");
    const attempt = async (password: string, acceptTerms = true) =>
      (await call(COMPLETE, { registrationToken: token, password, acceptTerms })).data?.registrationComplete.userErrors[0];
    expect(await attempt("Ab#1")).toMatchObject({ code: "PASSWORD_TOO_SHORT", field: ["input", "password"], message: expect.stringContaining("8") });
    expect(await attempt("x".repeat(129))).toMatchObject({ code: "PASSWORD_TOO_LONG" });
    expect(await attempt(`Kunci${p.participant.nik}`)).toMatchObject({ code: "PASSWORD_CONTAINS_PERSONAL_DATA", message: expect.stringContaining("NIK") });
    expect(await attempt("RINA.MARLINA-2026")).toMatchObject({ code: "PASSWORD_CONTAINS_PERSONAL_DATA", message: expect.stringContaining("email") });
    expect(await attempt("hp081298765432")).toMatchObject({ code: "PASSWORD_CONTAINS_PERSONAL_DATA", message: expect.stringContaining("HP") });
    expect(await attempt("Password123!")).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    expect(await attempt("12345678")).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    expect(await attempt(NEW_PASSWORD, false)).toMatchObject({ code: "TERMS_NOT_ACCEPTED", field: ["input", "acceptTerms"] });
    expect(await h.tdb.database.db.select().from(accounts)).toHaveLength(0);
  });
});

describe("password reset", () => {
  it("gives the same answer whether or not the email has an account", async () => {
    const p = await h.seed.participant().withAccount().build();
    const known = await call(RESET_REQUEST, { email: p.email!.toUpperCase() });
    const unknown = await call(RESET_REQUEST, { email: "tidak.ada@example.test" });
    expect(known.data).toEqual(unknown.data);
    expect(known.data?.passwordResetRequest).toEqual({ accepted: true, userErrors: [] });
    const mails = await h.tdb.database.db.select().from(outbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ channel: "EMAIL", destination: p.email, template: "PASSWORD_RESET" });
    const [stored] = await h.tdb.database.db.select().from(passwordResetTokens);
    expect(stored!.tokenHash).not.toBe(mails[0]!.params.token);
  });

  it("works once, signs out every session and clears the temporary lock", async () => {
    const p = await h.seed.participant().withAccount().build();
    const first = await signIn(h.server.url, p.email!);
    const second = await signIn(h.server.url, p.email!);
    // Five wrong passwords lock sign-in for 15 minutes.
    for (let i = 0; i < 5; i++) await gql(h.server.url, LOGIN, { input: { identifier: p.email!, password: `salah-${i}` } });
    await call(RESET_REQUEST, { email: p.email! });
    const token = await lastCode(p.email!);

    const weak = await call(RESET, { token, newPassword: "pendek" });
    expect(weak.data?.passwordReset.userErrors[0]).toMatchObject({ code: "PASSWORD_TOO_SHORT", field: ["input", "newPassword"] });
    const reset = await call(RESET, { token, newPassword: NEW_PASSWORD });
    expect(reset.data?.passwordReset).toEqual({ success: true, userErrors: [] });

    const live = await h.tdb.database.db.select().from(sessions).where(and(eq(sessions.accountId, p.accountId!), sql`${sessions.revokedAt} is null`));
    expect(live).toHaveLength(0);
    for (const s of [first, second]) {
      const me = await gql(h.server.url, ME, {}, { token: s.accessToken });
      expect(me.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const old = await gql(h.server.url, LOGIN, { input: { identifier: p.email!, password: TEST_PASSWORD } });
    expect(old.data?.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    expect((await signIn(h.server.url, p.email!, NEW_PASSWORD)).accessToken).toEqual(expect.any(String));

    const again = await call(RESET, { token, newPassword: "Lain-Lagi#2027" });
    expect(again.data?.passwordReset.userErrors[0]).toMatchObject({ code: "RESET_TOKEN_INVALID", field: ["input", "token"] });
  });

  it("refuses an expired token", async () => {
    const p = await h.seed.participant().withAccount().build();
    await call(RESET_REQUEST, { email: p.email! });
    await h.tdb.database.db.update(passwordResetTokens).set({ expiresAt: sql`now() - interval '1 second'` });
    const res = await call(RESET, { token: await lastCode(p.email!), newPassword: NEW_PASSWORD });
    expect(res.data?.passwordReset.userErrors[0].code).toBe("RESET_TOKEN_INVALID");
  });
});

describe("blocks", () => {
  it("gives the temporary lock and each permanent block its own code and message", async () => {
    const kpj = await h.seed.participant().withAccount().build();
    const selfie = await h.seed.participant().withAccount().build();
    const locked = await h.seed.participant().withAccount().build();
    await h.tdb.database.db.update(accounts).set({ blockedAt: new Date(), blockedReason: "KPJ_STRIKES" }).where(eq(accounts.id, kpj.accountId!));
    await h.tdb.database.db.update(accounts).set({ blockedAt: new Date(), blockedReason: "BIOMETRIC_STRIKES" }).where(eq(accounts.id, selfie.accountId!));
    const login = async (identifier: string, password = TEST_PASSWORD) =>
      (await gql(h.server.url, LOGIN, { input: { identifier, password } })).data?.login.userErrors[0];
    for (let i = 0; i < 5; i++) await login(locked.email!, `salah-${i}`);
    expect(await login(kpj.email!)).toMatchObject({ code: "ACCOUNT_BLOCKED", message: expect.stringMatching(/KPJ salah.*175/) });
    expect(await login(selfie.email!)).toMatchObject({ code: "ACCOUNT_BLOCKED", message: expect.stringMatching(/verifikasi wajah.*175/) });
    expect(await login(locked.email!)).toMatchObject({ code: "ACCOUNT_LOCKED", message: expect.stringContaining("menit") });
    // Only someone who knows the password learns of a block.
    expect(await login(kpj.email!, "salah-sekali")).toMatchObject({ code: "INVALID_CREDENTIALS" });
  });
});

describe("rate limits", () => {
  it("answers RATE_LIMITED with retryAfterSeconds (HTTP 429) after 20 sign-ins for one identifier in 15 minutes", async () => {
    const attempt = () => gql(h.server.url, LOGIN, { input: { identifier: "Tebak.Tebak@example.test", password: "salah" } });
    // Wrong, then locked after the fifth (the same for an identifier without an account), then rate-limited.
    for (let i = 0; i < 20; i++) expect((await attempt()).data?.login.userErrors[0].code).toBe(i < 4 ? "INVALID_CREDENTIALS" : "ACCOUNT_LOCKED");
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(limited.errors![0]!.message).toMatch(/Coba lagi dalam \d+ detik/);
    // Another identifier from the same address is still served; the table holds no identifier in clear.
    const other = await gql(h.server.url, LOGIN, { input: { identifier: "lain@example.test", password: "salah" } });
    expect(other.data?.login.userErrors[0].code).toBe("INVALID_CREDENTIALS");
    const keys = await h.tdb.database.db.select().from(rateLimits);
    expect(keys.some((k) => k.key.includes("tebak"))).toBe(false);
  });

  it("limits registrationStart per client address, and a forged X-Forwarded-For does not escape it", async () => {
    const p = await seededParticipant();
    for (let i = 0; i < 20; i++) {
      const res = await call(START, existingStart(p, { nik: `31710117059${String(10000 + i)}` }), { "x-forwarded-for": `10.0.0.${i}` });
      expect(res.data?.registrationStart.userErrors[0].code).toBe("REGISTRATION_NOT_MATCHED");
    }
    const limited = await call(START, existingStart(p), { "x-forwarded-for": "10.0.1.1" });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    expect(limited.data?.registrationStart ?? null).toBeNull();
  });

  it("with TRUST_PROXY counts the address X-Forwarded-For names", async () => {
    const behindProxy = await startTestServer(h.tdb.database, { TRUST_PROXY: "1" });
    try {
      const p = await seededParticipant();
      const start = (nik: string, address: string) =>
        gql(behindProxy.url, START, { input: existingStart(p, { nik }) }, { headers: { "x-forwarded-for": address } });
      for (let i = 0; i < 20; i++) await start(`31710117059${String(10000 + i)}`, "10.9.0.1");
      const over = await start("3171011705910001", "10.9.0.1");
      expect(over.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      expect((await start("3171011705910002", "10.9.0.2")).data?.registrationStart.userErrors[0].code).toBe("REGISTRATION_NOT_MATCHED");
    } finally {
      await behindProxy.stop();
    }
  });

  it("limits password reset requests per email", async () => {
    const p = await h.seed.participant().withAccount().build();
    for (let i = 0; i < 3; i++) expect((await call(RESET_REQUEST, { email: p.email! })).data?.passwordResetRequest.accepted).toBe(true);
    const limited = await call(RESET_REQUEST, { email: p.email! }, { "accept-language": "en" });
    expect(limited.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Try again in \d+ second/), extensions: { code: "RATE_LIMITED" } });
  });
});
