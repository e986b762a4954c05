import { describe, expect, it } from "vitest";
import { addMonths, addYears } from "./calendar.ts";
import { nikFor, parseNik } from "./nik.ts";

describe("nikFor", () => {
  it("writes district, DDMMYY and serial, dropping the dots of idn-area-data codes", () => {
    expect(nikFor("31.74.07", "1990-05-14", "LAKI_LAKI", 1)).toBe("3174071405900001");
    expect(nikFor("317407", "2001-12-03", "LAKI_LAKI", 123)).toBe("3174070312010123");
  });

  it("adds 40 to the day for women", () => {
    expect(nikFor("327302", "1993-08-21", "PEREMPUAN", 1)).toBe("3273026108930001");
    expect(nikFor("327302", "1993-08-01", "PEREMPUAN", 9999)).toBe("3273024108939999");
  });

  it("refuses what cannot make a NIK", () => {
    expect(() => nikFor("3274", "1990-01-01", "LAKI_LAKI", 1)).toThrow(RangeError);
    expect(() => nikFor("327302", "1990-02-30", "LAKI_LAKI", 1)).toThrow(RangeError);
    expect(() => nikFor("327302", "1990-01-01", "LAKI_LAKI", 0)).toThrow(RangeError);
    expect(() => nikFor("327302", "1990-01-01", "LAKI_LAKI", 10_000)).toThrow(RangeError);
  });
});

describe("parseNik", () => {
  it("reads back what nikFor wrote, for both genders and both centuries", () => {
    const reference = "2026-03-15";
    const cases = [
      ["110101", "1966-03-16", "LAKI_LAKI"],
      ["110101", "1999-12-31", "PEREMPUAN"],
      ["357804", "2000-02-29", "PEREMPUAN"],
      ["947106", "2008-03-15", "LAKI_LAKI"],
      ["317407", "1931-01-01", "PEREMPUAN"],
    ] as const;
    for (const [districtCode, birthDate, gender] of cases) {
      expect(parseNik(nikFor(districtCode, birthDate, gender, 42), reference)).toEqual({ districtCode, birthDate, gender });
    }
  });

  it("takes the latest century that does not put the birth after the reference date", () => {
    // 15-03-26: today in 2026, a century ago the day after.
    expect(parseNik("3174071503260001", "2026-03-15")?.birthDate).toBe("2026-03-15");
    expect(parseNik("3174071603260001", "2026-03-15")?.birthDate).toBe("1926-03-16");
    expect(parseNik("3174071405900001", "2026-03-15")?.birthDate).toBe("1990-05-14");
  });

  it("reads a day above 40 as a woman's", () => {
    expect(parseNik("3273026108930001", "2026-03-15")).toEqual({
      districtCode: "327302",
      birthDate: "1993-08-21",
      gender: "PEREMPUAN",
    });
    expect(parseNik("3273027108930001", "2026-03-15")?.birthDate).toBe("1993-08-31");
  });

  it("rejects malformed numbers and impossible dates", () => {
    for (const nik of ["317407140590001", "31740714059000012", "317407140590000A", "3174071405900000",
      "3174073205900001", "3174070005900001", "3174073202900001", "3174071413900001", "3174077205900001"]) {
      expect(parseNik(nik, "2026-03-15"), nik).toBeNull();
    }
    // 29 February exists in 2000 but not 1900.
    expect(parseNik("3174072902000001", "1999-12-31")).toBeNull();
    expect(parseNik("3174072902000001", "2026-03-15")?.birthDate).toBe("2000-02-29");
  });

  it("defaults the reference date to today", () => {
    const birthDate = addMonths(addYears(new Date().toISOString().slice(0, 10), -30), 1);
    expect(parseNik(nikFor("317407", birthDate, "LAKI_LAKI", 1))?.birthDate).toBe(birthDate);
  });
});
