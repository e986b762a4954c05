import { describe, expect, it } from "vitest";
import { UserErrorCode } from "@jmo/schema";
import { userErrorMessage } from "../../common/i18n.ts";
import { BANKS, findBank } from "./banks.ts";
import {
  luhnValid,
  sameName,
  validateBankAccount,
  validateEmail,
  validateKodePos,
  validateNpwp,
  validatePassport,
  validatePastDate,
  validatePersonName,
  validatePhone,
  validateText,
  validateVillage,
  type FieldProblem,
} from "./validators.ts";
import type { WilayahEntry } from "./wilayah.ts";

const { REQUIRED } = UserErrorCode;

describe("phone", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    [" 0812 3456 789 ", "+628123456789"],
    ["0812345678", "+62812345678"],
    ["0812345678901", "+62812345678901"],
  ])("normalises %s to %s", (input, value) => expect(validatePhone(input)).toEqual({ value }));

  it.each(["0212345678", "08123", "08123456789012", "+6512345678", "62212345678", "halo"])("refuses %s", (input) =>
    expect(validatePhone(input)).toEqual({ error: { code: UserErrorCode.INVALID_PHONE } }),
  );

  it("asks for a number when blank", () => expect(validatePhone("  ")).toEqual({ error: { code: REQUIRED } }));
});

describe("email", () => {
  it.each([
    ["  Siti.Rahayu@Example.COM ", "siti.rahayu@example.com"],
    ["budi+jmo@mail.co.id", "budi+jmo@mail.co.id"],
    ["a_b-c@sub-domain.example.org", "a_b-c@sub-domain.example.org"],
    ["user@xn--bcher-kva.example", "user@xn--bcher-kva.example"],
  ])("accepts %s as %s", (input, value) => expect(validateEmail(input)).toEqual({ value }));

  it.each([
    "siti",
    "siti@",
    "@example.com",
    "siti@example",
    "siti@example.c",
    "siti@example.123",
    "siti..rahayu@example.com",
    ".siti@example.com",
    "siti.@example.com",
    "siti rahayu@example.com",
    "siti@exa mple.com",
    "siti@-example.com",
    "siti@example-.com",
    "siti@example..com",
    "a@b@example.com",
    '"siti"@example.com',
    "siti@[127.0.0.1]",
    `${"a".repeat(65)}@example.com`,
    `siti@${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(60)}.com`,
  ])("refuses %s", (input) => expect(validateEmail(input)).toEqual({ error: { code: UserErrorCode.INVALID_EMAIL } }));

  it("takes a local part of 64 characters", () => {
    expect(validateEmail(`${"a".repeat(64)}@example.com`)).toHaveProperty("value");
  });
});

describe("NPWP", () => {
  // Luhn over the first 9 digits of the legacy form, the 9th being the check digit. From the right: the check digit
  // counts once, the digit before it twice (digit sum: 2×6 = 12 → 1+2 = 3), and so on alternately; valid when the
  // total ends in 0.
  it("uses the standard Luhn check (the textbook example 79927398713)", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });

  it.each([
    // python-stdnum's example. Digits 0 1 3 1 2 1 6 6 | 0; from the right 0 + (6×2→3) + 6 + (1×2) + 2 + (1×2) + 3 + (1×2) + 0 = 20.
    ["01.312.166.0-091.000", "013121660091000"],
    // Computed here. Digits 0 9 2 5 4 2 9 4 | 3; from the right 3 + (4×2=8) + 9 + (2×2=4) + 4 + (5×2→1) + 2 + (9×2→9) + 0 = 40.
    ["09.254.294.3-407.000", "092542943407000"],
    ["092542943407000", "092542943407000"],
    // The 16-digit form of a non-NIK NPWP is "0" + the legacy 15 digits: the same check on digits 2–10.
    ["0092542943407000", "0092542943407000"],
    // A resident individual's 16-digit NPWP is their NIK: district 327301, 57 = day 17 + 40 (a woman), 08, 90, serial 0003.
    ["3273015708900003", "3273015708900003"],
    ["3273 0157 0890 0003", "3273015708900003"],
  ])("accepts %s as %s", (input, value) => expect(validateNpwp(input)).toEqual({ value }));

  it.each([
    // The same number with check digit 4: the total becomes 41.
    ["09.254.294.4-407.000"],
    // Two digits swapped (02.954… instead of 09.254…): 3 + 8 + 9 + 4 + 4 + (5×2→1) + 9 + (2×2=4) + 0 = 42.
    ["02.954.294.3-407.000"],
    // python-stdnum's example with its check digit changed from 0 to 1: 21.
    ["01.312.166.1-091.000"],
    ["0092542944407000"],
  ])("refuses %s: its check digit does not match", (input) =>
    expect(validateNpwp(input)).toEqual({ error: { code: UserErrorCode.INVALID_NPWP, params: { reason: "CHECK_DIGIT" } } }),
  );

  it("refuses a 16-digit number that is not a possible NIK (day 99)", () => {
    expect(validateNpwp("3273019908900003")).toEqual({ error: { code: UserErrorCode.INVALID_NPWP, params: { reason: "NIK" } } });
  });

  it.each(["01.312.166.0-091.00", "01312166009100000", "01.312.166.0-091.00A", "NPWP"])("refuses %s: not 15 or 16 digits", (input) =>
    expect(validateNpwp(input)).toEqual({ error: { code: UserErrorCode.INVALID_NPWP, params: { reason: "FORMAT" } } }),
  );

  it("asks for a number when blank (callers skip the optional NPWP when it is not given)", () => {
    expect(validateNpwp(" ")).toEqual({ error: { code: REQUIRED } });
  });
});

describe("passport", () => {
  it.each([
    ["x 1234567", "X1234567"],
    ["AB123456", "AB123456"],
    ["C01X00T47", "C01X00T47"],
  ])("accepts %s as %s", (input, value) => expect(validatePassport(input)).toEqual({ value }));
  it.each(["12345", "ABCDEFGH", "X12345678901", "X-1234567"])("refuses %s", (input) =>
    expect(validatePassport(input)).toEqual({ error: { code: UserErrorCode.INVALID_PASSPORT } }),
  );
});

describe("person names and free text", () => {
  it.each([
    ["  Muh.  Ali ", "Muh. Ali"],
    ["A'an Nur-Hidayah", "A'an Nur-Hidayah"],
    ["I Gusti Ngurah Rai", "I Gusti Ngurah Rai"],
    ["Zoë Ratnasari", "Zoë Ratnasari"],
  ])("accepts %s as %s", (input, value) => expect(validatePersonName(input)).toEqual({ value }));

  it.each(["Budi123", "-Budi", "Budi / Siti", "@budi"])("refuses %s", (input) =>
    expect(validatePersonName(input)).toEqual({ error: { code: UserErrorCode.INVALID_NAME } }),
  );

  it("refuses a blank or too long name", () => {
    expect(validatePersonName("   ")).toEqual({ error: { code: REQUIRED } });
    expect(validatePersonName("a".repeat(101))).toEqual({ error: { code: UserErrorCode.TOO_LONG, params: { max: 100 } } });
    expect(validatePersonName("a".repeat(100))).toHaveProperty("value");
  });

  it("checks required text and its length once trimmed, counting characters rather than UTF-16 units", () => {
    expect(validateText("  ", { required: true, max: 10 })).toEqual({ code: REQUIRED });
    expect(validateText("", { required: false, max: 10 })).toBeNull();
    expect(validateText(`  ${"a".repeat(200)}  `, { required: true, max: 200 })).toBeNull();
    expect(validateText("a".repeat(201), { required: true, max: 200 })).toEqual({ code: UserErrorCode.TOO_LONG, params: { max: 200 } });
    expect(validateText("🏠".repeat(10), { required: true, max: 10 })).toBeNull();
  });
});

describe("banks", () => {
  it("lists unique 3-digit codes with sane length ranges", () => {
    const codes = BANKS.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const b of BANKS) {
      expect(b.code).toMatch(/^\d{3}$/);
      expect(b.accountNumberLength.min).toBeGreaterThanOrEqual(10);
      expect(b.accountNumberLength.max).toBeLessThanOrEqual(16);
      expect(b.accountNumberLength.min).toBeLessThanOrEqual(b.accountNumberLength.max);
    }
  });

  it("pays the four partner banks in real time and every other bank by clearing", () => {
    expect(BANKS.filter((b) => b.rail === "REALTIME").map((b) => b.code).sort()).toEqual(["002", "008", "009", "014"]);
    expect(findBank("451")).toMatchObject({ name: "Bank Syariah Indonesia (BSI)", rail: "KLIRING" });
    expect(findBank(" 014 ")?.name).toBe("Bank Central Asia (BCA)");
    expect(findBank("999")).toBeUndefined();
  });
});

describe("bank account", () => {
  const owner = "Siti Rahayu";
  const account = (bankCode: string, accountNumber: string, accountName = owner) => ({ bankCode, accountNumber, accountName });

  it.each([
    ["014", "1234567890", "1234567890"], // BCA 10
    ["009", "0123456789", "0123456789"], // BNI 10
    ["008", "123-456-789-0123", "1234567890123"], // Mandiri 13, with separators
    ["002", "1234 5678 9012 345", "123456789012345"], // BRI 15
    ["200", "1234567890123456", "1234567890123456"], // BTN 16
  ])("accepts bank %s with account number %s", (bankCode, accountNumber, digits) => {
    expect(validateBankAccount(account(bankCode, accountNumber), owner)).toEqual({
      value: { bankCode, accountNumber: digits, accountName: owner },
    });
  });

  it.each([
    ["014", "123456789", "Bank Central Asia (BCA)", 10, 10],
    ["014", "12345678901", "Bank Central Asia (BCA)", 10, 10],
    ["008", "1234567890", "Bank Mandiri", 13, 13],
    ["002", "1234567890", "Bank Rakyat Indonesia (BRI)", 15, 15],
    ["009", "12345678AB", "Bank Negara Indonesia (BNI)", 10, 10],
    ["542", "123456789", "Bank Jago", 10, 16],
  ])("refuses bank %s with account number %s, naming the bank's length", (bankCode, accountNumber, bank, min, max) => {
    expect(validateBankAccount(account(bankCode, accountNumber), owner)).toEqual({
      errors: [{ field: "accountNumber", problem: { code: UserErrorCode.INVALID_ACCOUNT_NUMBER, params: { bank, min, max } } }],
    });
  });

  it("matches the account name to the participant's name ignoring case and spaces", () => {
    const result = validateBankAccount(account("014", "1234567890", "  siti   RAHAYU "), owner);
    expect(result).toEqual({ value: { bankCode: "014", accountNumber: "1234567890", accountName: "siti RAHAYU" } });
    expect(sameName("SITIRAHAYU", "Siti Rahayu")).toBe(true);
    expect(sameName("Siti Rahayu", "Siti Rahayu Putri")).toBe(false);
  });

  it("refuses an account in another name", () => {
    expect(validateBankAccount(account("014", "1234567890", "Siti Rahma"), owner)).toEqual({
      errors: [{ field: "accountName", problem: { code: UserErrorCode.ACCOUNT_NAME_MISMATCH } }],
    });
  });

  it("reports every field at fault at once", () => {
    expect(validateBankAccount(account("999", "", "Budi"), owner)).toEqual({
      errors: [
        { field: "bankCode", problem: { code: UserErrorCode.UNKNOWN_BANK } },
        { field: "accountNumber", problem: { code: REQUIRED } },
        { field: "accountName", problem: { code: UserErrorCode.ACCOUNT_NAME_MISMATCH } },
      ],
    });
    expect(validateBankAccount(account("014", "12", " "), owner)).toEqual({
      errors: [
        {
          field: "accountNumber",
          problem: { code: UserErrorCode.INVALID_ACCOUNT_NUMBER, params: { bank: "Bank Central Asia (BCA)", min: 10, max: 10 } },
        },
        { field: "accountName", problem: { code: REQUIRED } },
      ],
    });
  });
});

describe("village and kode pos", () => {
  it("finds a village by its code, with or without dots", async () => {
    const result = await validateVillage("32.73.02.1004");
    expect(result).toEqual({
      value: {
        villageCode: "3273021004",
        kelurahan: "Dago",
        kecamatan: "Coblong",
        kabupaten: "Kota Bandung",
        provinsi: "Jawa Barat",
        districtCode: "327302",
      },
    });
    expect(await validateVillage("3273021004")).toEqual(result);
  });

  it.each(["3273029999", "327302100", "abc", ""])("refuses the unknown village %s", async (code) => {
    expect(await validateVillage(code)).toEqual({ error: { code: UserErrorCode.UNKNOWN_VILLAGE } });
  });

  const village = (villageCode: string, provinsi: string): WilayahEntry => ({
    villageCode,
    kelurahan: "x",
    kecamatan: "x",
    kabupaten: "x",
    provinsi,
    districtCode: villageCode.slice(0, 6),
  });
  const dago = village("3273021004", "Jawa Barat");

  it("accepts 5 digits in the postal zone of the village's province", () => {
    expect(validateKodePos("40132", dago)).toBeNull();
    expect(validateKodePos(" 40132 ", dago)).toBeNull();
    // West Java has two zones: 4…, and 1… for Bogor, Depok and Bekasi.
    expect(validateKodePos("16911", dago)).toBeNull();
    expect(validateKodePos("10110", village("3171011001", "Daerah Khusus Ibukota Jakarta"))).toBeNull();
    expect(validateKodePos("99351", village("9171011001", "Papua"))).toBeNull();
  });

  it.each(["4013", "401320", "04013", "4O132", "40 132"])("refuses %s: not 5 digits", (kodePos) => {
    expect(validateKodePos(kodePos, dago)).toEqual({ code: UserErrorCode.INVALID_KODE_POS });
  });

  it("refuses a kode pos of another postal zone, naming the province and its first digits", () => {
    expect(validateKodePos("60111", dago)).toEqual({
      code: UserErrorCode.KODE_POS_MISMATCH,
      params: { provinsi: "Jawa Barat", digits: "14" },
    });
    expect(validateKodePos("40132", village("3171011001", "Daerah Khusus Ibukota Jakarta"))).toMatchObject({
      code: UserErrorCode.KODE_POS_MISMATCH,
      params: { digits: "1" },
    });
  });

  it("checks the format only when there is no village to compare with", () => {
    expect(validateKodePos("60111", null)).toBeNull();
    expect(validateKodePos("", null)).toEqual({ code: REQUIRED });
  });
});

describe("dates", () => {
  const today = "2026-03-15";
  it("accepts a past date, and today", () => {
    expect(validatePastDate("1990-05-17", today)).toBeNull();
    expect(validatePastDate(today, today)).toBeNull();
  });
  it("refuses a future date, a date before 1900 and an impossible date", () => {
    expect(validatePastDate("2026-03-16", today)).toEqual({ code: UserErrorCode.INVALID_DATE, params: { reason: "FUTURE", today } });
    expect(validatePastDate("1899-12-31", today)).toMatchObject({ params: { reason: "TOO_EARLY" } });
    expect(validatePastDate("2023-02-29", today)).toEqual({ code: UserErrorCode.INVALID_DATE, params: { reason: "FORMAT" } });
    expect(validatePastDate("17-05-1990", today)).toMatchObject({ params: { reason: "FORMAT" } });
  });
  it("refuses a child's birth date that is not after the participant's", () => {
    const after = "1990-08-17";
    expect(validatePastDate("2015-01-01", today, { after })).toBeNull();
    expect(validatePastDate("1990-08-18", today, { after })).toBeNull();
    expect(validatePastDate(after, today, { after })).toEqual({ code: UserErrorCode.INVALID_DATE, params: { reason: "NOT_AFTER", after } });
    expect(validatePastDate("1985-01-01", today, { after })).toMatchObject({ params: { reason: "NOT_AFTER" } });
  });
});

describe("messages", () => {
  // Every problem the validators produce reads as a complete sentence in both languages.
  const problems: FieldProblem[] = [
    { code: REQUIRED },
    { code: UserErrorCode.TOO_LONG, params: { max: 200 } },
    { code: UserErrorCode.INVALID_NAME },
    { code: UserErrorCode.INVALID_PHONE },
    { code: UserErrorCode.INVALID_EMAIL },
    ...["FORMAT", "CHECK_DIGIT", "NIK"].map((reason) => ({ code: UserErrorCode.INVALID_NPWP, params: { reason } })),
    { code: UserErrorCode.INVALID_PASSPORT },
    { code: UserErrorCode.UNKNOWN_BANK },
    { code: UserErrorCode.INVALID_ACCOUNT_NUMBER, params: { bank: "Bank Jago", min: 10, max: 16 } },
    { code: UserErrorCode.ACCOUNT_NAME_MISMATCH },
    { code: UserErrorCode.UNKNOWN_VILLAGE },
    { code: UserErrorCode.INVALID_KODE_POS },
    validateKodePos("60111", { villageCode: "3273021004", kelurahan: "Dago", kecamatan: "Coblong", kabupaten: "Kota Bandung", provinsi: "Jawa Barat", districtCode: "327302" })!,
    validatePastDate("2030-01-01", "2026-01-01")!,
    validatePastDate("1800-01-01", "2026-01-01")!,
    validatePastDate("1980-01-01", "2026-01-01", { after: "1990-01-01" })!,
    validatePastDate("x", "2026-01-01")!,
  ];
  it.each(problems.map((p) => [p.code, p] as const))("%s", (_code, p) => {
    for (const locale of ["id", "en"] as const) {
      const message = userErrorMessage(p.code, locale, p.params);
      expect(message).not.toMatch(/undefined|NaN|\$\{/);
      expect(message).toMatch(/\.$/);
    }
  });
  it("says which digits a province's kode pos starts with, and a bank's length", () => {
    expect(userErrorMessage(UserErrorCode.KODE_POS_MISMATCH, "id", { provinsi: "Jawa Barat", digits: "14" })).toContain(
      "kode pos di Jawa Barat diawali angka 1 atau 4",
    );
    expect(userErrorMessage(UserErrorCode.INVALID_ACCOUNT_NUMBER, "id", { bank: "Bank Mandiri", min: 13, max: 13 })).toContain(
      "Nomor rekening Bank Mandiri harus terdiri dari 13 digit angka",
    );
    expect(userErrorMessage(UserErrorCode.INVALID_ACCOUNT_NUMBER, "en", { bank: "Bank Jago", min: 10, max: 16 })).toContain("10–16 digits");
  });
});
