// Issue 11, finding 9 (registration): registrationStart ignored the membership type and citizenship chosen by an
// existing member; a foreign worker (WNA) had no way to sign up (a NIK was required); and registrationComplete reported
// one problem at a time. Now a WNA signs up with passport number and country, the choices are checked against the
// record (told only once the person proved who they are), and every problem of the last form comes back at once.
import { describe, expect, it } from "vitest";
import { useServerHarness } from "./support/harness.ts";
import { registrationFlow, REGISTRATION_START } from "./support/registration-flow.ts";
import { gql, signIn } from "./support/test-server.ts";

const h = useServerHarness();
const flow = registrationFlow(h);

const COMPLETE = `mutation($input: RegistrationCompleteInput!) { registrationComplete(input: $input) {
  accessToken participant { fullName nationality } userErrors { code field message } } }`;
const PASSWORD = "Kopi-Tubruk#88";

/** A Japanese engineer registered by his employer (PU) with his passport, as the employer's registration has it. */
function takeshi() {
  return h.seed
    .participant({ fullName: "Takeshi Yamamoto", birthDate: "1984-02-10", nationality: "WNA", passportNumber: "TZ1234567", passportCountry: "JP" })
    .withCard({ status: "AKTIF", segment: "PU" })
    .build();
}

const wnaStart = (p: Awaited<ReturnType<typeof takeshi>>, overrides: Record<string, unknown> = {}) => ({
  kind: "EXISTING_PARTICIPANT",
  membershipType: "PU",
  citizenship: "WNA",
  passportNumber: "tz 1234567",
  passportCountry: "jp",
  kpj: p.cards[0]!.kpj,
  fullName: "takeshi YAMAMOTO",
  birthDate: "1984-02-10",
  ...overrides,
});

const startErrors = async (input: Record<string, unknown>) => (await flow.call(REGISTRATION_START, input)).data?.registrationStart.userErrors;

describe("a foreign worker (WNA) signs up with the passport", () => {
  it("registers with passport number and country instead of a NIK, then signs in", async () => {
    const p = await takeshi();
    const token = await flow.start(wnaStart(p));
    await flow.verifyContacts(token, "takeshi@example.test", "081377778888");
    const done = await flow.call(COMPLETE, { registrationToken: token, password: PASSWORD, acceptTerms: true });
    expect(done.data?.registrationComplete).toMatchObject({ participant: { fullName: "Takeshi Yamamoto", nationality: "WNA" }, userErrors: [] });
    expect((await signIn(h.server.url, "takeshi@example.test", PASSWORD)).accessToken).toEqual(expect.any(String));
  });

  it("validates passport and country, and answers a wrong one like any other mismatch", async () => {
    const p = await takeshi();
    expect(await startErrors(wnaStart(p, { passportNumber: null, passportCountry: null }))).toEqual([
      expect.objectContaining({ code: "REQUIRED", field: ["input", "passportNumber"] }),
      expect.objectContaining({ code: "INVALID_COUNTRY", field: ["input", "passportCountry"] }),
    ]);
    expect(await startErrors(wnaStart(p, { passportNumber: "AB" }))).toEqual([expect.objectContaining({ code: "INVALID_PASSPORT" })]);
    // Indonesia is not a foreign passport; "XX" is no country.
    expect(await startErrors(wnaStart(p, { passportCountry: "ID" }))).toEqual([expect.objectContaining({ code: "INVALID_COUNTRY" })]);
    expect(await startErrors(wnaStart(p, { passportCountry: "XX" }))).toEqual([expect.objectContaining({ code: "INVALID_COUNTRY" })]);
    // Another number, or the right number of another country: the one generic answer.
    const wrongNumber = await startErrors(wnaStart(p, { passportNumber: "TZ7654321" }));
    const wrongCountry = await startErrors(wnaStart(p, { passportCountry: "KR" }));
    expect(wrongNumber).toEqual([expect.objectContaining({ code: "REGISTRATION_NOT_MATCHED", field: ["input"] })]);
    expect(wrongCountry).toEqual(wrongNumber);
    // New self-employed sign-ups are for Indonesians: a foreign worker is registered by the employer.
    expect(await startErrors({ ...wnaStart(p), kind: "BPU_NEW", membershipType: "BPU", declaredIncome: "3000000.00" })).toEqual([
      expect.objectContaining({ code: "REGISTRATION_BPU_ONLY" }),
    ]);
  });
});

describe("the membership type and citizenship chosen", () => {
  it("must be the record's: a clear error once the person is identified, the generic one otherwise", async () => {
    const wni = await h.seed
      .participant({ fullName: "Rina Marlina", birthDate: "1991-03-04", gender: "PEREMPUAN", passportNumber: "X1234567" })
      .withCard({ status: "NONAKTIF", segment: "PU" })
      .build();
    const existing = { kind: "EXISTING_PARTICIPANT", citizenship: "WNI", nik: wni.participant.nik, kpj: wni.cards[0]!.kpj, fullName: "Rina Marlina", birthDate: "1991-03-04" };

    // Her card is a wage earner's (PU): choosing BPU is named, with the type to choose.
    expect(await startErrors({ ...existing, membershipType: "BPU" })).toEqual([
      {
        code: "REGISTRATION_MEMBERSHIP_TYPE_MISMATCH",
        field: ["input", "membershipType"],
        message: "Kartu dengan nomor KPJ ini terdaftar sebagai Penerima Upah (PU). Pilih jenis kepesertaan tersebut.",
      },
    ]);
    // With a wrong birth date as well, nothing is told about the card.
    expect(await startErrors({ ...existing, membershipType: "BPU", birthDate: "1991-03-05" })).toEqual([
      expect.objectContaining({ code: "REGISTRATION_NOT_MATCHED" }),
    ]);
    // An Indonesian with a passport on record who chooses WNA is told to choose WNI.
    const asWna = await startErrors({ ...existing, membershipType: "PU", citizenship: "WNA", nik: null, passportNumber: "X1234567", passportCountry: "MY" });
    expect(asWna).toEqual([expect.objectContaining({ code: "REGISTRATION_CITIZENSHIP_MISMATCH", field: ["input", "citizenship"], message: expect.stringContaining("(WNI)") })]);

    // A foreign worker who chooses WNI with the number on his record is told to choose WNA.
    const p = await takeshi();
    const asWni = await startErrors({ ...wnaStart(p), citizenship: "WNI", nik: p.participant.nik, passportNumber: null, passportCountry: null });
    expect(asWni).toEqual([expect.objectContaining({ code: "REGISTRATION_CITIZENSHIP_MISMATCH", message: expect.stringContaining("(WNA)") })]);

    // The right choices go through.
    expect(await startErrors({ ...existing, membershipType: "PU" })).toEqual([]);
  });
});

describe("registrationComplete", () => {
  it("reports every problem of the form at once", async () => {
    const p = await takeshi();
    const token = await flow.start(wnaStart(p));
    await flow.verifyContacts(token, "joko@example.test", "081377778888");
    // "joko1" with terms not accepted (password-policy.ts): 5 characters < 8 → PASSWORD_TOO_SHORT; contains "joko", the
    // email's local part of 4 characters → PASSWORD_CONTAINS_PERSONAL_DATA (EMAIL); acceptTerms false → TERMS_NOT_ACCEPTED.
    const res = await flow.call(COMPLETE, { registrationToken: token, password: "joko1", acceptTerms: false }, { "accept-language": "en" });
    expect(res.data?.registrationComplete.accessToken).toBeNull();
    expect(res.data?.registrationComplete.userErrors).toEqual([
      { code: "PASSWORD_TOO_SHORT", field: ["input", "password"], message: expect.stringContaining("8") },
      { code: "PASSWORD_CONTAINS_PERSONAL_DATA", field: ["input", "password"], message: "The password must not contain your email name." },
      { code: "TERMS_NOT_ACCEPTED", field: ["input", "acceptTerms"], message: "Accept the terms and conditions to complete the registration." },
    ]);
    // Nothing was used up: the same registration completes once the form is right.
    const ok = await flow.call(COMPLETE, { registrationToken: token, password: PASSWORD, acceptTerms: true });
    expect(ok.data?.registrationComplete.userErrors).toEqual([]);
    expect((await gql(h.server.url, `{ me { nationality } }`, {}, { token: ok.data?.registrationComplete.accessToken })).data?.me.nationality).toBe("WNA");
  });
});
