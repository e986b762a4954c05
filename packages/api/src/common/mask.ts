function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return "*".repeat(value.length);
  return value.slice(0, keepStart) + "*".repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

/** KPJ as the app shows it: first two and last two digits, "21*******78". */
export const maskKpj = (kpj: string): string => maskMiddle(kpj, 2, 2);

/** NIK keeps its province and regency (first four digits) and the last two: "3201**********01". */
export const maskNik = (nik: string): string => maskMiddle(nik, 4, 2);

/** Bank account numbers keep only their last four digits. */
export const maskAccountNumber = (n: string): string => maskMiddle(n, 0, 4);

/** Names for public answers: the first letters of each word, "B*** S******". */
export const maskName = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0] + "*".repeat(Math.max(0, w.length - 1)))
    .join(" ");
