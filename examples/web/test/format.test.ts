import { describe, expect, it } from "vitest";
import { formatDate, formatMonth, formatRupiah, fromSen, shortRupiah, toSen } from "../src/format.ts";

describe("money and dates as the app shows them", () => {
  it("formats Rupiah strings in the Indonesian way without floats", () => {
    expect(formatRupiah("7389980.91")).toBe("Rp7.389.980,91");
    expect(formatRupiah("1250000.00")).toBe("Rp1.250.000,00");
    expect(formatRupiah("0.00")).toBe("Rp0,00");
    expect(formatRupiah("999.5")).toBe("Rp999,50");
    expect(formatRupiah("-1250000.00")).toBe("-Rp1.250.000,00");
    // Beyond 2^53 sen a float would round; the text does not.
    expect(formatRupiah("92233720368547758.07")).toBe("Rp92.233.720.368.547.758,07");
  });

  it("reads sen exactly and shortens axis labels", () => {
    expect(toSen("7389980.91")).toBe(738998091n);
    expect(toSen("-0.5")).toBe(-50n);
    expect(shortRupiah(738998091n)).toBe("Rp7,3 jt");
    expect(shortRupiah(9_400_000_000n)).toBe("Rp94 jt");
    expect(shortRupiah(50_000n)).toBe("Rp500");
  });

  it("adds shares in sen and writes them back as the API's Rupiah strings", () => {
    expect(fromSen(toSen("60000.00") + toSen("0.00"))).toBe("60000.00");
    expect(fromSen(5n)).toBe("0.05");
    expect(fromSen(-150n)).toBe("-1.50");
    expect(fromSen(toSen("92233720368547758.07"))).toBe("92233720368547758.07");
  });

  it("writes dates in Indonesian", () => {
    expect(formatDate("2026-11-22")).toBe("22 November 2026");
    expect(formatMonth("2027-01")).toBe("Januari 2027");
  });
});
