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

/** Phone numbers keep the country and operator prefix and the last three digits: "+62812*****890". */
export const maskPhone = (phone: string): string => maskMiddle(phone, 6, 3);

/** Emails keep the first letter of the local part and the domain: "s****@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return maskMiddle(email, 1, 0);
  return maskMiddle(email.slice(0, at), 1, 0) + email.slice(at);
}

/** NPWP (digits only) keeps its first two and last three digits; a 16-digit NPWP is a NIK. */
export const maskNpwp = (npwp: string): string => maskMiddle(npwp, 2, 3);

/** Passport numbers keep their last three characters. */
export const maskPassport = (passport: string): string => maskMiddle(passport, 0, 3);

/** Free text such as an address: its first three characters, then one star per further character, spaces kept. */
export const maskText = (text: string): string => text.slice(0, 3) + text.slice(3).replace(/\S/g, "*");

/** Birth dates of relatives keep only the year: "2015-**-**". */
export const maskDate = (date: string): string => `${date.slice(0, 4)}-**-**`;
