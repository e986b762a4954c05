import { describe, expect, it } from "vitest";
import { DateScalar, isCalendarDate, rupiahToSen, RupiahScalar, senToRupiah, YearMonthScalar } from "@jmo/schema";
import { fromGlobalId, toGlobalId } from "./global-id.ts";
import { pickLocale } from "./i18n.ts";
import { maskKpj, maskName, maskNik } from "./mask.ts";
import { normalizePhone } from "./phone.ts";

describe("masking", () => {
  it("shows a KPJ's first two and last two digits, as the app does", () => {
    expect(maskKpj("12345678989")).toBe("12*******89");
  });
  it("keeps a NIK's province and regency and its last two digits", () => {
    expect(maskNik("3273015708900003")).toBe("3273**********03");
  });
  it("keeps only initials of a name", () => {
    expect(maskName("Budi  Santoso")).toBe("B*** S******");
  });
});

describe("phone numbers", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["0812345678", "+62812345678"],
  ])("normalises %s to E.164", (input, expected) => expect(normalizePhone(input)).toBe(expected));
  it.each(["0212345678", "08123", "0812345678901234", "+6512345678", "halo"])("refuses %s", (input) =>
    expect(normalizePhone(input)).toBeNull(),
  );
});

describe("language", () => {
  it.each([
    [undefined, "id"],
    ["en", "en"],
    ["en-GB,en;q=0.9", "en"],
    ["id-ID,id;q=0.9,en;q=0.8", "id"],
    ["fr-FR,en;q=0.5", "en"],
    ["en;q=0.3,id;q=0.8", "id"],
    ["de", "id"],
  ])("Accept-Language %s speaks %s", (header, expected) => expect(pickLocale(header)).toBe(expected));
});

describe("global ids", () => {
  it("round-trips and refuses anything else", () => {
    const id = toGlobalId("Card", "6f1c2a4e-3b7d-4c1e-9a2b-1234567890ab");
    expect(id).not.toContain("Card");
    expect(fromGlobalId(id)).toEqual({ type: "Card", id: "6f1c2a4e-3b7d-4c1e-9a2b-1234567890ab" });
    expect(fromGlobalId(Buffer.from("Pensiun:6f1c2a4e-3b7d-4c1e-9a2b-1234567890ab").toString("base64url"))).toBeNull();
    expect(fromGlobalId(Buffer.from("Card:1").toString("base64url"))).toBeNull();
    expect(fromGlobalId("***")).toBeNull();
  });
});

describe("scalars", () => {
  it("Rupiah is integer sen inside and a two-decimal string outside", () => {
    expect(rupiahToSen("1250000.00")).toBe(125000000n);
    expect(rupiahToSen("1250000.5")).toBe(125000050n);
    expect(rupiahToSen("-0.01")).toBe(-1n);
    expect(senToRupiah(125000050n)).toBe("1250000.50");
    expect(senToRupiah(-1n)).toBe("-0.01");
    expect(RupiahScalar.serialize(999999999999999n)).toBe("9999999999999.99");
    expect(() => RupiahScalar.parseValue(1250000.5)).toThrow(/decimal string/);
    expect(() => rupiahToSen("1.234")).toThrow();
  });
  it("Date accepts only real calendar dates", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(() => DateScalar.parseValue("2023-13-01")).toThrow();
    expect(DateScalar.serialize("1990-08-17")).toBe("1990-08-17");
  });
  it("YearMonth is a period", () => {
    expect(YearMonthScalar.parseValue("2024-03")).toBe("2024-03");
    expect(() => YearMonthScalar.parseValue("2024-13")).toThrow();
  });
});
