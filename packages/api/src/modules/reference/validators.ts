// Field validators of pengkinian data (and the klaim's rekening step): pure functions that either give the value to
// store (normalised) or a coded problem. They know nothing of input paths: the caller attaches the field path, e.g.
// `throw new DomainError(problem.code, ["input", "phone"], problem.params)`.
//
// Signatures (stable; the pengkinian flow codes against them):
//   type FieldProblem = { code: UserErrorCode; params?: Record<string, string | number> }
//   validatePhone(input: string): { value: string /* E.164 "+628…" */ } | { error: FieldProblem }
//   validateEmail(input: string): { value: string /* trimmed, lower case */ } | { error: FieldProblem }
//   validateNpwp(input: string): { value: string /* 15 or 16 digits */ } | { error: FieldProblem }
//   validatePassport(input: string): { value: string /* upper case, no spaces */ } | { error: FieldProblem }
//   validatePersonName(input: string, opts?: { max?: number }): { value: string /* spaces collapsed */ } | { error: FieldProblem }
//   validateBankAccount(input: { bankCode; accountNumber; accountName }, participantFullName: string):
//     { value: { bankCode: string; accountNumber: string /* digits */; accountName: string /* spaces collapsed */ } }
//     | { errors: Array<{ field: "bankCode" | "accountNumber" | "accountName"; problem: FieldProblem }> }
//   validateVillage(villageCode: string): Promise<{ value: WilayahEntry } | { error: FieldProblem }>
//   validateKodePos(kodePos: string, village: WilayahEntry | null): FieldProblem | null   // store kodePos.trim()
//   validatePastDate(date: string, today: string, opts?: { after?: string }): FieldProblem | null
//   validateText(value: string, opts: { required: boolean; max: number }): FieldProblem | null  // store value.trim()
//
// Optional fields (NPWP, passport): the caller skips the validator when the input is null or blank; called with a
// blank value, these validators answer REQUIRED.
import { isCalendarDate, UserErrorCode } from "@jmo/schema";
import { normalizePhone } from "../../common/phone.ts";
import { parseNik } from "../../seed/nik.ts";
import { findBank } from "./banks.ts";
import { findVillage, type WilayahEntry } from "./wilayah.ts";

export type FieldProblem = { code: UserErrorCode; params?: Record<string, string | number> };

const problem = (code: UserErrorCode, params?: Record<string, string | number>): FieldProblem =>
  params ? { code, params } : { code };

// ---------------------------------------------------------------------------------------------- phone, email

/** An Indonesian mobile number (08…, 628…, +628…; 10–13 digits in the local form), normalised to E.164. */
export function validatePhone(input: string): { value: string } | { error: FieldProblem } {
  if (!input.trim()) return { error: problem(UserErrorCode.REQUIRED) };
  const value = normalizePhone(input.trim());
  return value ? { value } : { error: problem(UserErrorCode.INVALID_PHONE) };
}

export const EMAIL_MAX_LENGTH = 254;
// RFC 5321/5322 without the rarities no mail provider issues: a dot-atom local part (no quoted strings, no comments),
// a domain of LDH labels (no IP literals) with an alphabetic or IDNA ("xn--") top-level label.
const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** A mailbox address, trimmed and lower-cased; at most 254 characters, local part at most 64. */
export function validateEmail(input: string): { value: string } | { error: FieldProblem } {
  const value = input.trim().toLowerCase();
  if (!value) return { error: problem(UserErrorCode.REQUIRED) };
  const invalid = { error: problem(UserErrorCode.INVALID_EMAIL) };
  if (value.length > EMAIL_MAX_LENGTH) return invalid;
  const at = value.lastIndexOf("@");
  if (at < 1) return invalid;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split(".");
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) return invalid;
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)) || !TOP_LEVEL_LABEL.test(labels.at(-1)!)) return invalid;
  return { value };
}

// ---------------------------------------------------------------------------------------------- NPWP, passport

/**
 * Luhn (mod 10) over a digit string whose last digit is the check digit: from the right, every second digit is
 * doubled (minus 9 when above 9), and the sum must end in 0.
 */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * NPWP, in either form (separators ".", "-" and spaces ignored; digits stored):
 * - legacy, 15 digits `XX.XXX.XXX.C-KKK.BBB`: C, the 9th digit, is a Luhn check digit over the first 9 digits.
 *   Sources: python-stdnum `stdnum/id/npwp.py` ("the check digit … using Luhn (modulus 10) algorithm on the first 9
 *   digits") and Perl Business::ID::NPWP (weights 1,2,1,2,… over digits 1–9, digit sums, total ≡ 0 mod 10), both
 *   citing the OECD's Indonesia TIN sheet; e.g. 01.312.166.0-091.000 is valid.
 * - since 1 July 2024, 16 digits (PMK 112/2022, PER-06/PJ/2024): for resident individuals it is their NIK (validated
 *   as one: district, possible birth date, serial); for others it is "0" followed by the legacy 15 digits (python-
 *   stdnum), so the same Luhn check applies to digits 2–10.
 */
export function validateNpwp(input: string): { value: string } | { error: FieldProblem } {
  const value = input.replace(/[\s.-]/g, "");
  if (!value) return { error: problem(UserErrorCode.REQUIRED) };
  if (!/^\d+$/.test(value) || (value.length !== 15 && value.length !== 16)) {
    return { error: problem(UserErrorCode.INVALID_NPWP, { reason: "FORMAT" }) };
  }
  if (value.length === 16 && !value.startsWith("0")) {
    return parseNik(value) ? { value } : { error: problem(UserErrorCode.INVALID_NPWP, { reason: "NIK" }) };
  }
  const legacy = value.length === 16 ? value.slice(1) : value;
  return luhnValid(legacy.slice(0, 9)) ? { value } : { error: problem(UserErrorCode.INVALID_NPWP, { reason: "CHECK_DIGIT" }) };
}

/**
 * A passport number as ICAO Doc 9303 allows it (up to 9 letters and digits); we ask for 6–9 with at least one digit,
 * which covers Indonesian passports (one letter and seven digits, e.g. X1234567) and foreign ones.
 */
export function validatePassport(input: string): { value: string } | { error: FieldProblem } {
  const value = input.replace(/\s/g, "").toUpperCase();
  if (!value) return { error: problem(UserErrorCode.REQUIRED) };
  return /^[A-Z0-9]{6,9}$/.test(value) && /\d/.test(value) ? { value } : { error: problem(UserErrorCode.INVALID_PASSPORT) };
}

// ---------------------------------------------------------------------------------------------- names, text

export const NAME_MAX_LENGTH = 100;
// Letters of any script with their marks, and the punctuation Indonesian names use: "Muh. Ali", "A'an", "Siti-Nur".
const PERSON_NAME = /^[\p{L}\p{M}][\p{L}\p{M} .,'’-]*$/u;

/** A person's name (spouse, child, emergency contact, mother's maiden name): letters first, spaces collapsed. */
export function validatePersonName(input: string, opts: { max?: number } = {}): { value: string } | { error: FieldProblem } {
  const value = input.trim().replace(/\s+/g, " ");
  const max = opts.max ?? NAME_MAX_LENGTH;
  if (!value) return { error: problem(UserErrorCode.REQUIRED) };
  if ([...value].length > max) return { error: problem(UserErrorCode.TOO_LONG, { max }) };
  return PERSON_NAME.test(value) ? { value } : { error: problem(UserErrorCode.INVALID_NAME) };
}

/** Free text (an address): REQUIRED when blank and required, TOO_LONG over `max` characters once trimmed. */
export function validateText(value: string, opts: { required: boolean; max: number }): FieldProblem | null {
  const trimmed = value.trim();
  if (!trimmed) return opts.required ? problem(UserErrorCode.REQUIRED) : null;
  return [...trimmed].length > opts.max ? problem(UserErrorCode.TOO_LONG, { max: opts.max }) : null;
}

// ---------------------------------------------------------------------------------------------- bank account

/** Names compare case- and space-insensitively (domain.md): "SITI  RAHAYU" is "Siti Rahayu". */
export function sameName(a: string, b: string): boolean {
  const key = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLocaleUpperCase("id");
  return key(a) === key(b);
}

type BankAccountField = "bankCode" | "accountNumber" | "accountName";

/**
 * A rekening for payouts: the bank is one of `banks`, the number has that bank's length (spaces, dots and hyphens
 * ignored; digits stored), and the account is in the participant's own name (seed 000). Every field at fault is
 * reported, not only the first.
 */
export function validateBankAccount(
  input: { bankCode: string; accountNumber: string; accountName: string },
  participantFullName: string,
):
  | { value: { bankCode: string; accountNumber: string; accountName: string } }
  | { errors: Array<{ field: BankAccountField; problem: FieldProblem }> } {
  const errors: Array<{ field: BankAccountField; problem: FieldProblem }> = [];
  const bank = findBank(input.bankCode);
  if (!bank) errors.push({ field: "bankCode", problem: problem(UserErrorCode.UNKNOWN_BANK) });

  const accountNumber = input.accountNumber.replace(/[\s.-]/g, "");
  if (!accountNumber) {
    errors.push({ field: "accountNumber", problem: problem(UserErrorCode.REQUIRED) });
  } else if (bank) {
    const { min, max } = bank.accountNumberLength;
    if (!/^\d+$/.test(accountNumber) || accountNumber.length < min || accountNumber.length > max) {
      errors.push({ field: "accountNumber", problem: problem(UserErrorCode.INVALID_ACCOUNT_NUMBER, { bank: bank.name, min, max }) });
    }
  }

  const accountName = input.accountName.trim().replace(/\s+/g, " ");
  if (!accountName) errors.push({ field: "accountName", problem: problem(UserErrorCode.REQUIRED) });
  else if (!sameName(accountName, participantFullName)) {
    errors.push({ field: "accountName", problem: problem(UserErrorCode.ACCOUNT_NAME_MISMATCH) });
  }

  if (errors.length) return { errors };
  return { value: { bankCode: bank!.code, accountNumber, accountName } };
}

// ---------------------------------------------------------------------------------------------- location

/** A village (kelurahan/desa) of `wilayah`, by its 10-digit code (dots ignored). */
export async function validateVillage(villageCode: string): Promise<{ value: WilayahEntry } | { error: FieldProblem }> {
  const village = await findVillage(villageCode);
  return village ? { value: village } : { error: problem(UserErrorCode.UNKNOWN_VILLAGE) };
}

/**
 * Indonesian postal zones by the first digit of the kode pos (Wikipedia, "Postal codes in Indonesia"; the same table
 * in Kontan 2021 after p2k.itb.ac.id): 1 Jakarta and the neighbouring parts of Banten and West Java (Tangerang 15…,
 * Bogor/Depok 16…, Bekasi 17…), 2 Aceh, Sumatera Utara, Sumatera Barat, Riau, Kepulauan Riau, 3 Bengkulu, Jambi,
 * Bangka Belitung, Sumatera Selatan, Lampung, 4 the rest of Banten and West Java, 5 Central Java and Yogyakarta,
 * 6 East Java, 7 Kalimantan, 8 Bali and Nusa Tenggara, 9 Sulawesi, Maluku and Papua. Keyed by province code.
 */
const POSTAL_ZONES: Record<string, string> = {
  ...zones("2", ["11", "12", "13", "14", "21"]),
  ...zones("3", ["15", "16", "17", "18", "19"]),
  ...zones("1", ["31"]),
  ...zones("14", ["32", "36"]),
  ...zones("5", ["33", "34"]),
  ...zones("6", ["35"]),
  ...zones("8", ["51", "52", "53"]),
  ...zones("7", ["61", "62", "63", "64", "65"]),
  ...zones("9", ["71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96"]),
};
function zones(digits: string, provinces: string[]): Record<string, string> {
  return Object.fromEntries(provinces.map((p) => [p, digits]));
}

/**
 * A kode pos: 5 digits, not starting with 0. idn-area-data has no postal codes, so the only check against the
 * chosen village is its province's postal zone (the first digit, table above); a kode pos of another kecamatan in
 * the same zone cannot be detected without postal data. Surrounding spaces are ignored (store `kodePos.trim()`).
 */
export function validateKodePos(kodePos: string, village: WilayahEntry | null): FieldProblem | null {
  const value = kodePos.trim();
  if (!value) return problem(UserErrorCode.REQUIRED);
  if (!/^[1-9]\d{4}$/.test(value)) return problem(UserErrorCode.INVALID_KODE_POS);
  const allowed = village ? POSTAL_ZONES[village.villageCode.slice(0, 2)] : undefined;
  if (allowed && !allowed.includes(value[0]!)) {
    return problem(UserErrorCode.KODE_POS_MISMATCH, { provinsi: village!.provinsi, digits: allowed });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------- dates

export const EARLIEST_DATE = "1900-01-01";

/**
 * A date that has happened: a calendar date YYYY-MM-DD, not after `today`, not before 1900, and when `after` is
 * given strictly after it (a child is born after the participant). Reasons: FORMAT, FUTURE, TOO_EARLY, NOT_AFTER.
 */
export function validatePastDate(date: string, today: string, opts: { after?: string } = {}): FieldProblem | null {
  if (!isCalendarDate(date)) return problem(UserErrorCode.INVALID_DATE, { reason: "FORMAT" });
  // Dates compare correctly as strings in this fixed-width form.
  if (date > today) return problem(UserErrorCode.INVALID_DATE, { reason: "FUTURE", today });
  if (date < EARLIEST_DATE) return problem(UserErrorCode.INVALID_DATE, { reason: "TOO_EARLY", earliest: EARLIEST_DATE });
  if (opts.after && date <= opts.after) return problem(UserErrorCode.INVALID_DATE, { reason: "NOT_AFTER", after: opts.after });
  return null;
}
