import { UserErrorCode } from "@jmo/schema";
import { DomainError } from "../../common/errors.ts";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * A short list of the passwords tried first by every guesser (lists of leaked passwords, and the obvious local
 * ones). Compared ignoring case, digits and symbols at the ends are not stripped: "Password1!" is refused only
 * because its core "password" is in the list (see `core`).
 */
const COMMON = new Set([
  "password", "passw0rd", "qwerty", "qwertyuiop", "asdfghjkl", "abc123", "abcdefgh", "iloveyou", "sayangku", "bismillah",
  "indonesia", "jakarta", "rahasia", "admin", "letmein", "welcome", "sunshine", "football", "monkey", "dragon",
  "bpjs", "jamsostek", "jmo", "bpjstk", "bpjamsostek", "katasandi", "sandi", "merdeka", "alhamdulillah", "superman",
]);
const COMMON_EXACT = new Set(["12345678", "123456789", "1234567890", "87654321", "11111111", "00000000", "12341234", "11223344", "88888888", "123123123"]);

/** The letters of a password without the digits and symbols people pad common words with ("Password123!" → "password"). */
function core(password: string): string {
  return password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, "");
}

export interface PasswordContext {
  email: string | null;
  nik: string | null;
  /** E.164 */
  phone: string | null;
}

/**
 * The password policy: 8–128 characters; not containing the email's local part (when it has 4 or more
 * characters), the NIK or the phone number (its national digits, 8…); not a common password.
 * Returns every problem, each a DomainError on `field` (a form shows them all at once).
 */
export function passwordProblems(password: string, context: PasswordContext, field: string[]): DomainError[] {
  const problems: DomainError[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(new DomainError(UserErrorCode.PASSWORD_TOO_SHORT, field, { min: PASSWORD_MIN_LENGTH }));
  if (length > PASSWORD_MAX_LENGTH) problems.push(new DomainError(UserErrorCode.PASSWORD_TOO_LONG, field, { max: PASSWORD_MAX_LENGTH }));
  const lower = password.toLowerCase();
  const digitsOnly = password.replace(/\D/g, "");
  const local = context.email?.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && lower.includes(local)) {
    problems.push(new DomainError(UserErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA, field, { what: "EMAIL" }));
  }
  if (context.nik && digitsOnly.includes(context.nik)) {
    problems.push(new DomainError(UserErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA, field, { what: "NIK" }));
  }
  // "+6281234567890" → "81234567890": also catches "081234567890" and "6281234567890" typed in the password.
  const national = context.phone?.replace(/^\+62/, "") ?? "";
  if (national.length >= 8 && digitsOnly.includes(national)) {
    problems.push(new DomainError(UserErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA, field, { what: "PHONE" }));
  }
  if (COMMON_EXACT.has(lower) || COMMON.has(core(password)) || /^(.)\1+$/.test(password)) {
    problems.push(new DomainError(UserErrorCode.PASSWORD_TOO_COMMON, field));
  }
  return problems;
}

/** The policy as one check: throws the first problem (password reset reports one at a time). */
export function checkPassword(password: string, context: PasswordContext, field: string[]): void {
  const [first] = passwordProblems(password, context, field);
  if (first) throw first;
}
