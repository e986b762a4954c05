// Issue 11, finding 8: a new email or phone in pengkinian DATA_KONTAK takes effect only after the code sent to it, and
// then it is also the sign-in identifier; and the pengkinian item of finding 9: a member with one card does not retype
// its KPJ (seed 000: "Jika anda cuma memiliki satu kartu ... kolom-kolom isiannya di halaman ini akan terisi otomatis").
//
// The figures of the code rules are those of registration (packages/api/src/modules/accounts/verification-codes.ts):
// 6 digits (CODE_DIGITS), 5 attempts per code (CODE_MAX_ATTEMPTS), valid 5 minutes (CODE_TTL_SECONDS = 300), a new
// code no sooner than 60 s after the last (CODE_RESEND_SECONDS). Rate limit CODE_SEND_ACCOUNT: 10 sends an hour
// (rate-limit.ts). Masks: common/mask.ts (email: first letter of the local part, phone: "+62812" and the last three).
import { describe, expect, it } from "vitest";
import { asc, desc, eq, sql } from "drizzle-orm";
import { accounts, outbox, personalDataAudit, verificationCodes } from "../src/db/schema.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { makeTestSelfie } from "./support/selfies.ts";
import { gql, LOGIN, signIn } from "./support/test-server.ts";

const h = useServerHarness();

const FIELDS = /* GraphQL */ `
  fragment P on Pengkinian {
    id status completedSteps nextStep kpjAttemptsLeft kpjEntryRequired
    kpjChallenge { cardId kpjMasked }
    dataKontak {
      phone email
      emailVerification { verified verifiedAt codeExpiresAt resendAvailableAt }
      phoneVerification { verified verifiedAt codeExpiresAt resendAvailableAt }
    }
    rejectionCode rejectionReason
  }
`;
const PAYLOAD = `{ pengkinian { ...P } userErrors { code field message } }`;
const START = `mutation { pengkinianStart ${PAYLOAD} } ${FIELDS}`;
const CONFIRM = `mutation($input: PengkinianConfirmKepesertaanInput!) { pengkinianConfirmKepesertaan(input: $input) ${PAYLOAD} } ${FIELDS}`;
const BIOMETRIC = `mutation($input: PengkinianVerifyBiometricInput!) { pengkinianVerifyBiometric(input: $input) ${PAYLOAD} } ${FIELDS}`;
const KONTAK = `mutation($input: DataKontakInput!) { pengkinianUpdateKontak(input: $input) ${PAYLOAD} } ${FIELDS}`;
const KEPENDUDUKAN = `mutation($input: DataKependudukanInput!) { pengkinianUpdateKependudukan(input: $input) ${PAYLOAD} } ${FIELDS}`;
const TAMBAHAN = `mutation($input: DataTambahanInput!) { pengkinianUpdateTambahan(input: $input) ${PAYLOAD} } ${FIELDS}`;
const SUBMIT = `mutation($input: PengkinianSubmitInput!) { pengkinianSubmit(input: $input) ${PAYLOAD} } ${FIELDS}`;
const VERIFY_EMAIL = `mutation($input: PengkinianVerifyCodeInput!) { pengkinianVerifyEmail(input: $input) ${PAYLOAD} } ${FIELDS}`;
const VERIFY_PHONE = `mutation($input: PengkinianVerifyCodeInput!) { pengkinianVerifyPhone(input: $input) ${PAYLOAD} } ${FIELDS}`;
const RESEND = `mutation($input: PengkinianResendCodeInput!) { pengkinianResendCode(input: $input) ${PAYLOAD} } ${FIELDS}`;
const RESET_REQUEST = `mutation($input: PasswordResetRequestInput!) { passwordResetRequest(input: $input) { accepted userErrors { code } } }`;

type Payload = { pengkinian: any; userErrors: Array<{ code: string; field: string[] | null; message: string }> };

async function call(token: string, query: string, input?: unknown, headers: Record<string, string> = {}): Promise<Payload> {
  const res = await gql(h.server.url, query, input === undefined ? {} : { input }, { token, headers });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Payload;
}

async function login(identifier: string): Promise<string | null> {
  const res = await gql(h.server.url, LOGIN, { input: { identifier, password: TEST_PASSWORD } });
  return res.data?.login.accessToken ? "OK" : res.data?.login.userErrors[0]?.code;
}

async function outboxFor(destination: string) {
  return h.tdb.database.db.select().from(outbox).where(eq(outbox.destination, destination)).orderBy(asc(outbox.createdAt));
}

async function lastCode(destination: string): Promise<string> {
  const [row] = await h.tdb.database.db.select().from(outbox).where(eq(outbox.destination, destination)).orderBy(desc(outbox.createdAt)).limit(1);
  if (!row) throw new Error(`nothing in the outbox for ${destination}`);
  return String(row.params.code);
}

/** A code that is surely wrong: the right one plus one, modulo 10^6. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

// Dewi as in the demo data (seed/demo-personas.ts): born 1996-02-10, a woman, Kota Yogyakarta (347103), so her NIK
// carries day 10 + 40 = 50 (domain.md); one NONAKTIF card 22011122233; email dewi@example.com, phone +6281200000004.
const DEWI = { email: "dewi@example.com", phone: "+6281200000004", kpj: "22011122233" };
function dewi() {
  return h.seed
    .participant({ fullName: "Dewi Lestari", nik: "3471035002960001", gender: "PEREMPUAN", birthDate: "1996-02-10", email: DEWI.email, phone: DEWI.phone })
    .withCard({ kpj: DEWI.kpj, status: "NONAKTIF", registeredAt: "2022-01-10", nonaktifSince: "2025-01-31" })
    .withAccount({ email: DEWI.email, phone: DEWI.phone })
    .build();
}

const SITI_KPJ = ["19123456712", "23098765434"];
function siti() {
  return h.seed
    .participant({ fullName: "Siti Rahayu", nik: "3273026108930002", gender: "PEREMPUAN", birthDate: "1993-08-21", email: "siti@example.com", phone: "+6281200000002" })
    .withCard({ kpj: SITI_KPJ[0], status: "NONAKTIF", registeredAt: "2019-07-01", nonaktifSince: "2022-12-31" })
    .withCard({ kpj: SITI_KPJ[1], status: "AKTIF", registeredAt: "2023-02-01" })
    .withAccount({ email: "siti@example.com", phone: "+6281200000002" })
    .build();
}

const kontak = (overrides: { email?: string; phone?: string } = {}) => ({
  phone: "081200000004",
  email: DEWI.email,
  bankAccount: { bankCode: "014", accountNumber: "1234567890", accountName: "Dewi Lestari" },
  ...overrides,
});
const KEPENDUDUKAN_OK = {
  gender: "PEREMPUAN",
  villageCode: "3273021004", // Dago, Coblong, Kota Bandung (kode pos 40135)
  kodePos: "40135",
  address: "Jl. Dago No. 10",
  motherMaidenName: "Sri Wahyuni",
  maritalStatus: "BELUM_KAWIN",
};
const TAMBAHAN_OK = {
  education: "S1",
  religion: "ISLAM",
  bloodType: "O",
  emergencyContact: { name: "Sri Wahyuni", phone: "081311112222", address: "Jl. Dago No. 10", relationship: "IBU" },
};

/** Dewi (one card) through the identity gates: her card is confirmed as shown, then the selfie. */
async function dewiThroughGates(token: string): Promise<any> {
  const started = await call(token, START);
  const confirmed = await call(token, CONFIRM, { cards: [{ cardId: started.pengkinian.kpjChallenge[0].cardId }] });
  expect(confirmed.userErrors).toEqual([]);
  const passed = await call(token, BIOMETRIC, { selfie: makeTestSelfie() });
  expect(passed.userErrors).toEqual([]);
  return passed.pengkinian;
}

async function otherSections(token: string): Promise<void> {
  expect((await call(token, KEPENDUDUKAN, KEPENDUDUKAN_OK)).userErrors).toEqual([]);
  expect((await call(token, TAMBAHAN, TAMBAHAN_OK)).userErrors).toEqual([]);
}

describe("a new email in pengkinian (finding 8)", () => {
  it("Dewi's new email signs in only after its code and the decision; the old one until then; reset goes to the new one", async () => {
    const p = await dewi();
    const { accessToken: token } = await signIn(h.server.url, DEWI.email);
    await dewiThroughGates(token);

    // Her new email, typed with capitals: stored lower-case (validators.ts), and sent a 6-digit code.
    const NEW = "dewi.lestari@mail.example";
    const saved = await call(token, KONTAK, kontak({ email: "Dewi.Lestari@Mail.Example" }));
    expect(saved.userErrors).toEqual([]);
    expect(saved.pengkinian).toMatchObject({
      dataKontak: { email: NEW, phone: DEWI.phone, emailVerification: { verified: false, verifiedAt: null }, phoneVerification: null },
      completedSteps: ["KEPESERTAAN", "BIOMETRIK"],
      nextStep: "DATA_KONTAK",
    });
    const v = saved.pengkinian.dataKontak.emailVerification;
    // Valid 5 minutes (300 s), a new one after 60 s, both counted from when it was sent.
    expect(new Date(v.codeExpiresAt).getTime() - new Date(v.resendAvailableAt).getTime()).toBe((300 - 60) * 1000);
    const mails = await outboxFor(NEW);
    expect(mails).toMatchObject([{ channel: "EMAIL", template: "PENGKINIAN_EMAIL_CODE", params: { code: expect.stringMatching(/^\d{6}$/), validMinutes: 5 } }]);
    // The unchanged phone needs no code.
    expect(await outboxFor(DEWI.phone)).toEqual([]);

    // Before the code: the new email does not sign in (the finding's INVALID_CREDENTIALS, now the intended answer), the old one does.
    expect(await login(NEW)).toBe("INVALID_CREDENTIALS");
    expect(await login(DEWI.email)).toBe("OK");
    await otherSections(token);
    const early = await call(token, SUBMIT, { consent: true });
    expect(early.userErrors).toEqual([{ code: "CONTACT_NOT_VERIFIED", field: null, message: expect.stringContaining("Email baru belum diverifikasi") }]);
    expect(early.pengkinian.status).toBe("DRAFT");

    // A wrong code uses one of 5 attempts; the right one completes DATA_KONTAK.
    const code = await lastCode(NEW);
    const wrong = await call(token, VERIFY_EMAIL, { code: wrongCode(code) });
    expect(wrong.userErrors).toEqual([{ code: "CODE_INVALID", field: ["input", "code"], message: expect.stringContaining("Sisa percobaan: 4") }]);
    const verified = await call(token, VERIFY_EMAIL, { code });
    expect(verified.userErrors).toEqual([]);
    expect(verified.pengkinian).toMatchObject({
      dataKontak: { emailVerification: { verified: true, verifiedAt: expect.any(String), codeExpiresAt: null, resendAvailableAt: null } },
      nextStep: "KONFIRMASI",
    });
    expect(verified.pengkinian.completedSteps).toContain("DATA_KONTAK");

    // Verified but not yet decided: the record and the sign-in still have the old email.
    expect(await login(NEW)).toBe("INVALID_CREDENTIALS");
    expect((await gql(h.server.url, `{ me { email } }`, {}, { token })).data?.me.email).toBe(DEWI.email);
    expect((await call(token, SUBMIT, { consent: true })).pengkinian.status).toBe("DIAJUKAN");
    expect(await login(NEW)).toBe("INVALID_CREDENTIALS");

    // TERVERIFIKASI: the new email is the record's and the sign-in one; the old one signs in no more.
    expect(await h.server.services.pengkinian.decideDue()).toBe(1);
    expect(await login(NEW)).toBe("OK");
    expect(await login(DEWI.email)).toBe("INVALID_CREDENTIALS");
    expect(await login("081200000004")).toBe("OK"); // the phone did not change
    const fresh = await signIn(h.server.url, NEW);
    expect((await gql(h.server.url, `{ me { email pengkinianStatus } }`, {}, { token: fresh.accessToken })).data?.me).toEqual({ email: NEW, pengkinianStatus: "TERVERIFIKASI" });

    // The old address is told that the sign-in email changed (masked), so a take-over would not go unseen.
    expect(await outboxFor(DEWI.email)).toMatchObject([
      { channel: "EMAIL", template: "SIGN_IN_CONTACT_CHANGED", params: { changed: "email", newValueMasked: "d***********@mail.example", helpline: "175" } },
    ]);

    // Password reset goes to the new address; the old one gets nothing.
    await gql(h.server.url, RESET_REQUEST, { input: { email: DEWI.email } });
    await gql(h.server.url, RESET_REQUEST, { input: { email: NEW } });
    expect((await outboxFor(NEW)).map((m) => m.template)).toEqual(["PENGKINIAN_EMAIL_CODE", "PASSWORD_RESET"]);
    expect((await outboxFor(DEWI.email)).map((m) => m.template)).toEqual(["SIGN_IN_CONTACT_CHANGED"]);

    // Audited, masked: the code check (by Dewi), then the record and the account (by the system, at the decision).
    const audit = await h.tdb.database.db.select().from(personalDataAudit).where(eq(personalDataAudit.participantId, p.participant.id)).orderBy(asc(personalDataAudit.at));
    const rows = audit
      .filter((a) => a.field.endsWith(".email"))
      .map((a) => [a.field, a.actor === "system" ? "system" : a.actor === p.accountId ? "dewi" : a.actor, a.oldValue, a.newValue, a.reason])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual([
      ["accounts.email", "system", "d***@example.com", "d***********@mail.example", "PENGKINIAN_TERVERIFIKASI"],
      ["participants.email", "system", "d***@example.com", "d***********@mail.example", "PENGKINIAN_TERVERIFIKASI"],
      ["pengkinian.email", "dewi", null, "d***********@mail.example", "CONTACT_CODE_VERIFIED"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(NEW);
  });

  it("a new phone by SMS: five wrong codes kill the code, a new one comes after 60 s, and then the new number signs in", async () => {
    await dewi();
    const { accessToken: token } = await signIn(h.server.url, DEWI.email);
    await dewiThroughGates(token);
    const NEW_PHONE = "+6281377776666";
    const saved = await call(token, KONTAK, kontak({ phone: "0813-7777-6666" }));
    expect(saved.pengkinian.dataKontak).toMatchObject({ phone: NEW_PHONE, emailVerification: null, phoneVerification: { verified: false } });
    expect(await outboxFor(NEW_PHONE)).toMatchObject([{ channel: "SMS", template: "PENGKINIAN_SMS_CODE" }]);
    const code = await lastCode(NEW_PHONE);

    // Attempts 1–5 are compared and wrong (4, 3, 2, 1, 0 left); the right code after them is refused.
    const left: string[] = [];
    for (let i = 0; i < 5; i++) left.push((await call(token, VERIFY_PHONE, { code: wrongCode(code) })).userErrors[0]!.message);
    expect(left).toEqual([4, 3, 2, 1].map((n) => `Kode verifikasi salah. Sisa percobaan: ${n}.`).concat("Kode verifikasi salah. Kesempatan habis: minta kode baru."));
    const dead = await call(token, VERIFY_PHONE, { code });
    expect(dead.userErrors.map((e) => e.code)).toEqual(["CODE_ATTEMPTS_EXCEEDED"]);
    expect(dead.pengkinian.dataKontak.phoneVerification.verified).toBe(false);

    // A new code no sooner than 60 s after the last.
    const soon = await call(token, RESEND, { channel: "SMS" });
    expect(soon.userErrors[0]).toMatchObject({ code: "CODE_RESEND_TOO_SOON", field: ["input", "channel"] });
    await h.tdb.database.db.update(verificationCodes).set({ sentAt: sql`now() - interval '61 seconds'` });
    const resent = await call(token, RESEND, { channel: "SMS" });
    expect(resent.userErrors).toEqual([]);
    expect((await outboxFor(NEW_PHONE)).map((m) => m.template)).toEqual(["PENGKINIAN_SMS_CODE", "PENGKINIAN_SMS_CODE"]);
    // No email changed: nothing to verify or resend there.
    expect((await call(token, VERIFY_EMAIL, { code: "123456" })).userErrors[0]?.code).toBe("NO_CODE_PENDING");
    expect((await call(token, RESEND, { channel: "EMAIL" })).userErrors[0]?.code).toBe("NO_CODE_PENDING");

    expect((await call(token, VERIFY_PHONE, { code: await lastCode(NEW_PHONE) })).userErrors).toEqual([]);
    await otherSections(token);
    expect((await call(token, SUBMIT, { consent: true })).userErrors).toEqual([]);
    expect(await login("0813 7777 6666")).toBe("INVALID_CREDENTIALS");
    await h.server.services.pengkinian.decideDue();
    expect(await login("0813 7777 6666")).toBe("OK");
    expect(await login("081200000004")).toBe("INVALID_CREDENTIALS");
    expect(await login(DEWI.email)).toBe("OK");
    expect((await outboxFor(DEWI.phone)).map((m) => [m.channel, m.template, m.params.newValueMasked])).toEqual([["SMS", "SIGN_IN_CONTACT_CHANGED", "+62813*****666"]]);
  });

  it("refuses an email of another account only after the right code, and re-checks it at submit and at the decision", async () => {
    const other = await h.seed.participant().withCard().withAccount({ email: "dipakai@example.com" }).build();
    await dewi();
    const { accessToken: token } = await signIn(h.server.url, DEWI.email);
    await dewiThroughGates(token);

    // Taking the address says nothing yet: the code goes to its owner, and a wrong code is just wrong.
    const taken = await call(token, KONTAK, kontak({ email: "dipakai@example.com" }));
    expect(taken.userErrors).toEqual([]);
    const code = await lastCode("dipakai@example.com");
    expect((await call(token, VERIFY_EMAIL, { code: wrongCode(code) })).userErrors.map((e) => e.code)).toEqual(["CODE_INVALID"]);
    const told = await call(token, VERIFY_EMAIL, { code });
    expect(told.userErrors).toEqual([{ code: "EMAIL_ALREADY_USED", field: ["input", "code"], message: expect.stringContaining("Isi Data Kontak dengan email lain") }]);
    expect(told.pengkinian.dataKontak.emailVerification.verified).toBe(false);
    await otherSections(token);
    expect((await call(token, SUBMIT, { consent: true })).userErrors.map((e) => e.code)).toEqual(["CONTACT_NOT_VERIFIED"]);

    // Another address, verified; another account takes it before submit: told at submit.
    await h.tdb.database.db.update(verificationCodes).set({ sentAt: sql`now() - interval '61 seconds'` });
    expect((await call(token, KONTAK, kontak({ email: "dewi.baru@example.com" }))).userErrors).toEqual([]);
    expect((await call(token, VERIFY_EMAIL, { code: await lastCode("dewi.baru@example.com") })).userErrors).toEqual([]);
    await h.tdb.database.db.update(accounts).set({ email: "dewi.baru@example.com" }).where(eq(accounts.id, other.accountId!));
    const atSubmit = await call(token, SUBMIT, { consent: true });
    expect(atSubmit.userErrors.map((e) => e.code)).toEqual(["EMAIL_ALREADY_USED"]);

    // Free again, submitted, then taken before the decision: DITOLAK, and nothing of it applied.
    await h.tdb.database.db.update(accounts).set({ email: "dipakai@example.com" }).where(eq(accounts.id, other.accountId!));
    expect((await call(token, SUBMIT, { consent: true })).pengkinian.status).toBe("DIAJUKAN");
    await h.tdb.database.db.update(accounts).set({ email: "dewi.baru@example.com" }).where(eq(accounts.id, other.accountId!));
    await h.server.services.pengkinian.decideDue();
    const me = (await gql(h.server.url, `{ me { email pengkinianStatus bankAccount { bankCode } pengkinian { status rejectionCode rejectionReason } } }`, {}, { token })).data?.me;
    expect(me).toMatchObject({ email: DEWI.email, pengkinianStatus: "DITOLAK", bankAccount: null, pengkinian: { status: "DITOLAK", rejectionCode: "KONTAK_SUDAH_DIGUNAKAN" } });
    expect(await login(DEWI.email)).toBe("OK");
  });

  it("needs no code for unchanged contacts, nor for the sign-in ones", async () => {
    // The record has an old phone; the account signs in with another, verified at registration.
    await h.seed
      .participant({ fullName: "Dewi Lestari", nik: "3471035002960001", gender: "PEREMPUAN", birthDate: "1996-02-10", email: DEWI.email, phone: "+6281299990000" })
      .withCard({ kpj: DEWI.kpj, status: "NONAKTIF" })
      .withAccount({ email: DEWI.email, phone: DEWI.phone })
      .build();
    const { accessToken: token } = await signIn(h.server.url, DEWI.email);
    await dewiThroughGates(token);
    for (const phone of ["081299990000", "081200000004"]) {
      const saved = await call(token, KONTAK, kontak({ phone }));
      expect(saved.pengkinian).toMatchObject({ dataKontak: { emailVerification: null, phoneVerification: null } });
      expect(saved.pengkinian.completedSteps).toContain("DATA_KONTAK");
    }
    // A new one, then back to the record's: the pending code is dropped and the step is done again.
    const changed = await call(token, KONTAK, kontak({ phone: "081377776666" }));
    expect(changed.pengkinian.completedSteps).not.toContain("DATA_KONTAK");
    const back = await call(token, KONTAK, kontak());
    expect(back.pengkinian).toMatchObject({ dataKontak: { phoneVerification: null }, completedSteps: expect.arrayContaining(["DATA_KONTAK"]) });
    expect((await h.tdb.database.db.select().from(outbox)).map((m) => m.destination)).toEqual(["+6281377776666"]);
  });

  it("counts code sends per account: the 11th within an hour is RATE_LIMITED", async () => {
    await dewi();
    const { accessToken: token } = await signIn(h.server.url, DEWI.email);
    await dewiThroughGates(token);
    // 10 sends an hour per account (CODE_SEND_ACCOUNT); each new address counts, even one refused for coming too soon.
    for (let i = 1; i <= 10; i++) {
      const res = await gql(h.server.url, KONTAK, { input: kontak({ email: `dewi${i}@example.com` }) }, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data?.pengkinianUpdateKontak.userErrors.map((e: { code: string }) => e.code)).toEqual(i === 1 ? [] : ["CODE_RESEND_TOO_SOON"]);
    }
    const eleventh = await gql(h.server.url, KONTAK, { input: kontak({ email: "dewi11@example.com" }) }, { token });
    expect(eleventh.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    // Unchanged contacts send nothing, so they are never limited.
    expect((await call(token, KONTAK, kontak())).userErrors).toEqual([]);
  });
});

describe("KEPESERTAAN with one card and with several (finding 9)", () => {
  it("lets a one-card member confirm the shown card without typing the KPJ; a KPJ typed anyway is still checked", async () => {
    await dewi();
    const { accessToken: token } = await signIn(h.server.url, DEWI.email);
    const started = await call(token, START);
    expect(started.pengkinian).toMatchObject({ kpjEntryRequired: false, kpjChallenge: [{ kpjMasked: "22*******33" }] });
    const cardId = started.pengkinian.kpjChallenge[0].cardId;
    // A typo in a KPJ typed anyway uses an attempt, as before (nothing is weaker for those who type it).
    const typo = await call(token, CONFIRM, { cards: [{ cardId, kpj: "22011122234" }] });
    expect(typo.userErrors.map((e) => e.code)).toEqual(["KPJ_MISMATCH"]);
    expect(typo.pengkinian.kpjAttemptsLeft).toBe(2);
    // The card itself must be named: an empty list confirms nothing.
    expect((await call(token, CONFIRM, { cards: [] })).userErrors.map((e) => e.code)).toEqual(["KPJ_CARDS_MISMATCH"]);
    const confirmed = await call(token, CONFIRM, { cards: [{ cardId }] });
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.pengkinian).toMatchObject({ completedSteps: ["KEPESERTAAN"], nextStep: "BIOMETRIK", kpjAttemptsLeft: 2 });
  });

  it("keeps the challenge for a member with two cards: every KPJ must be typed", async () => {
    await siti();
    const { accessToken: token } = await signIn(h.server.url, "siti@example.com");
    const started = await call(token, START);
    expect(started.pengkinian).toMatchObject({ kpjEntryRequired: true, kpjChallenge: [{ kpjMasked: "19*******12" }, { kpjMasked: "23*******34" }] });
    const challenge: Array<{ cardId: string }> = started.pengkinian.kpjChallenge;
    const untyped = await call(token, CONFIRM, { cards: challenge.map((c) => ({ cardId: c.cardId })) });
    expect(untyped.userErrors.map((e) => [e.code, e.field])).toEqual([
      ["REQUIRED", ["input", "cards", "0", "kpj"]],
      ["REQUIRED", ["input", "cards", "1", "kpj"]],
    ]);
    // A form mistake: no attempt used.
    expect(untyped.pengkinian).toMatchObject({ kpjAttemptsLeft: 3, completedSteps: [] });
    const oneTyped = await call(token, CONFIRM, { cards: [{ cardId: challenge[0]!.cardId, kpj: SITI_KPJ[0] }, { cardId: challenge[1]!.cardId }] });
    expect(oneTyped.userErrors.map((e) => e.code)).toEqual(["REQUIRED"]);
    const typed = await call(token, CONFIRM, { cards: challenge.map((c, i) => ({ cardId: c.cardId, kpj: SITI_KPJ[i] })) });
    expect(typed.userErrors).toEqual([]);
    expect(typed.pengkinian.completedSteps).toEqual(["KEPESERTAAN"]);
  });
});
