// The banks a participant can be paid into, with how a JHT payment reaches them and their account-number lengths.
//
// Rails (seed 002, FAQ 14–17; domain.md): BNI, Mandiri, BRI and BCA are BPJS Ketenagakerjaan's partner banks and are
// paid in real time; every other bank by clearing (SKN), in banking hours.
//
// Account-number lengths: banks publish none of this officially and secondary sources disagree (one list says BRI 10,
// another and domain.md say 15; BTN appears as 10 and 16). Decision (domain.md): per-bank ranges, so
// - partner banks: the exact lengths of domain.md (BCA 10, BNI 10, Mandiri 13, BRI 15);
// - clearing banks with a published length: that length (Pikiran Rakyat's list, 2024: BTN 16, BSI 10, Danamon 10,
//   KB Bukopin 10, OCBC 12, CIMB Niaga 13, Muamalat 10);
// - the others: 10–16 digits, the span every published Indonesian length falls in.
// A range that is too strict would stop a participant with a genuine account from finishing pengkinian; a typo that a
// loose range lets through still fails the participant-name check and, for clearing, the bank's own account check.
// Codes are the 3-digit bank codes of Bank Indonesia's clearing / ATM networks.

export type PaymentRail = "REALTIME" | "KLIRING";

export interface BankInfo {
  /** 3-digit Bank Indonesia / ATM network code, e.g. "009" BNI, "008" Mandiri, "002" BRI, "014" BCA. */
  code: string;
  name: string;
  rail: PaymentRail;
  accountNumberLength: { min: number; max: number };
}

const exactly = (n: number) => ({ min: n, max: n });
const UNPUBLISHED = { min: 10, max: 16 };

function bank(code: string, name: string, rail: PaymentRail, accountNumberLength: { min: number; max: number }): BankInfo {
  return Object.freeze({ code, name, rail, accountNumberLength: Object.freeze(accountNumberLength) });
}

/** Partner banks first (in the order the app lists them), then the clearing banks by name. */
export const BANKS: readonly BankInfo[] = Object.freeze([
  bank("009", "Bank Negara Indonesia (BNI)", "REALTIME", exactly(10)),
  bank("008", "Bank Mandiri", "REALTIME", exactly(13)),
  bank("002", "Bank Rakyat Indonesia (BRI)", "REALTIME", exactly(15)),
  bank("014", "Bank Central Asia (BCA)", "REALTIME", exactly(10)),
  bank("116", "Bank Aceh Syariah", "KLIRING", UNPUBLISHED),
  bank("110", "Bank BJB", "KLIRING", UNPUBLISHED),
  bank("129", "Bank BPD Bali", "KLIRING", UNPUBLISHED),
  bank("112", "Bank BPD DIY", "KLIRING", UNPUBLISHED),
  bank("011", "Bank Danamon", "KLIRING", exactly(10)),
  bank("046", "Bank DBS Indonesia", "KLIRING", UNPUBLISHED),
  bank("111", "Bank DKI", "KLIRING", UNPUBLISHED),
  bank("542", "Bank Jago", "KLIRING", UNPUBLISHED),
  bank("113", "Bank Jateng", "KLIRING", UNPUBLISHED),
  bank("114", "Bank Jatim", "KLIRING", UNPUBLISHED),
  bank("426", "Bank Mega", "KLIRING", UNPUBLISHED),
  bank("147", "Bank Muamalat", "KLIRING", exactly(10)),
  bank("118", "Bank Nagari", "KLIRING", UNPUBLISHED),
  bank("490", "Bank Neo Commerce", "KLIRING", UNPUBLISHED),
  bank("028", "Bank OCBC Indonesia (OCBC NISP)", "KLIRING", exactly(12)),
  bank("013", "Bank Permata", "KLIRING", UNPUBLISHED),
  bank("153", "Bank Sinarmas", "KLIRING", UNPUBLISHED),
  bank("117", "Bank Sumut", "KLIRING", UNPUBLISHED),
  bank("451", "Bank Syariah Indonesia (BSI)", "KLIRING", exactly(10)),
  bank("200", "Bank Tabungan Negara (BTN)", "KLIRING", exactly(16)),
  bank("022", "CIMB Niaga", "KLIRING", exactly(13)),
  bank("441", "KB Bank (Bukopin)", "KLIRING", exactly(10)),
  bank("016", "Maybank Indonesia", "KLIRING", UNPUBLISHED),
  bank("019", "Panin Bank", "KLIRING", UNPUBLISHED),
  bank("535", "SeaBank Indonesia", "KLIRING", UNPUBLISHED),
  bank("213", "SMBC Indonesia (BTPN, Jenius)", "KLIRING", UNPUBLISHED),
  bank("023", "UOB Indonesia", "KLIRING", UNPUBLISHED),
]);

const byCode = new Map(BANKS.map((b) => [b.code, b]));

/** The bank with this 3-digit code (surrounding spaces ignored), or undefined. */
export function findBank(code: string): BankInfo | undefined {
  return byCode.get(code.trim());
}
