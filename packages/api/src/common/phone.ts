/**
 * Normalises an Indonesian mobile number ("0812…", "62812…", "+62 812-…") to E.164 "+62812…".
 * Returns null when it is not one: the local form has 10 to 13 digits and starts with 08.
 */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, "");
  let national: string;
  if (/^\+628\d+$/.test(digits)) national = digits.slice(3);
  else if (/^628\d+$/.test(digits)) national = digits.slice(2);
  else if (/^08\d+$/.test(digits)) national = digits.slice(1);
  else return null;
  const localLength = national.length + 1;
  return localLength >= 10 && localLength <= 13 ? `+62${national}` : null;
}
