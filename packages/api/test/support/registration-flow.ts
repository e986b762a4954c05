import { desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { outbox } from "../../src/db/schema.ts";
import type { Harness } from "./harness.ts";
import { gql } from "./test-server.ts";

/** The registration steps over HTTP, with the codes read from the sandbox outbox (as registration.test.ts does). */
export const REGISTRATION_START = `mutation($input: RegistrationStartInput!) { registrationStart(input: $input) {
  registrationToken registration { kind step warnings } userErrors { code field message } } }`;
const SET_EMAIL = `mutation($input: RegistrationSetEmailInput!) { registrationSetEmail(input: $input) { registration { step } userErrors { code } } }`;
const VERIFY_EMAIL = `mutation($input: RegistrationVerifyCodeInput!) { registrationVerifyEmail(input: $input) { registration { step } userErrors { code } } }`;
const SET_PHONE = `mutation($input: RegistrationSetPhoneInput!) { registrationSetPhone(input: $input) { registration { step } userErrors { code } } }`;
const VERIFY_PHONE = `mutation($input: RegistrationVerifyCodeInput!) { registrationVerifyPhone(input: $input) { registration { step } userErrors { code } } }`;

/** Joko, a self-employed Indonesian (NIK of Jakarta Pusat, born 17 May 1990) signing up for a new BPU card. */
export const BPU_NIK = "3171011705900001";

/** The registrationStart input of a new BPU card for Joko: JKK + JKM + JHT on a declared Rp3,000,000 a month. */
export function bpuNewStart(overrides: Record<string, unknown> = {}) {
  return {
    kind: "BPU_NEW",
    membershipType: "BPU",
    citizenship: "WNI",
    nik: BPU_NIK,
    fullName: "Joko Susilo",
    birthDate: "1990-05-17",
    birthPlace: "Jakarta",
    declaredIncome: "3000000.00",
    jht: true,
    ...overrides,
  };
}

export function registrationFlow(h: Harness) {
  const call = (query: string, input: Record<string, unknown>, headers: Record<string, string> = {}) =>
    gql(h.server.url, query, { input }, { headers });

  async function lastCode(destination: string): Promise<string> {
    const [row] = await h.tdb.database.db.select().from(outbox).where(eq(outbox.destination, destination)).orderBy(desc(outbox.createdAt)).limit(1);
    if (!row) throw new Error(`nothing in the outbox for ${destination}`);
    return String(row.params.code ?? row.params.token);
  }

  /** registrationStart; expects no userErrors and returns the token. */
  async function start(input: Record<string, unknown>): Promise<string> {
    const res = await call(REGISTRATION_START, input);
    expect(res.data?.registrationStart.userErrors).toEqual([]);
    return res.data?.registrationStart.registrationToken;
  }

  /** Email and phone with their codes: the registration then waits for the password. */
  async function verifyContacts(token: string, email: string, phone: string): Promise<void> {
    await call(SET_EMAIL, { registrationToken: token, email });
    const e = await call(VERIFY_EMAIL, { registrationToken: token, code: await lastCode(email.toLowerCase()) });
    expect(e.data?.registrationVerifyEmail.userErrors).toEqual([]);
    await call(SET_PHONE, { registrationToken: token, phone });
    const e164 = `+62${phone.replace(/\D/g, "").replace(/^0/, "")}`;
    const p = await call(VERIFY_PHONE, { registrationToken: token, code: await lastCode(e164) });
    expect(p.data?.registrationVerifyPhone.registration.step).toBe("PASSWORD");
  }

  return { call, lastCode, start, verifyContacts };
}

/** Today in WIB (YYYY-MM-DD), as the server counts days. */
export { todayWib } from "../../src/modules/saldo/saldo.service.ts";
