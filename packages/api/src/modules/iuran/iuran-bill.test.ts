import { describe, expect, it } from "vitest";
import { computeBill, PAYABLE_MONTHS } from "./iuran-bill.ts";

const rp = (rupiah: number) => BigInt(Math.round(rupiah * 100));

describe("BPU bill amounts", () => {
  // Hand-worked per month (docs/domain/iuran-bpu.md): JKK 1% of the declared income, JKM Rp6,800, JHT 2% if chosen.
  const cases = [
    { income: 1_000_000, jht: false, month: { jkk: 10_000, jkm: 6_800, jht: 0 } }, // Rp16,800: the lowest BPU contribution
    { income: 1_000_000, jht: true, month: { jkk: 10_000, jkm: 6_800, jht: 20_000 } },
    { income: 3_000_000, jht: true, month: { jkk: 30_000, jkm: 6_800, jht: 60_000 } },
    // An income with sen: each program rounds half up to the sen per month; n months are n times that, exactly.
    { income: 2_345_678.55, jht: true, month: { jkk: 23_456.79, jkm: 6_800, jht: 46_913.57 } },
    { income: 2_345_678.55, jht: false, month: { jkk: 23_456.79, jkm: 6_800, jht: 0 } },
  ];
  for (const c of cases) {
    it(`income Rp${c.income}, JHT ${c.jht}: 1, 3, 6 and 12 months add up exactly`, () => {
      const bill = computeBill({ cardStatus: "AKTIF", lastPaidPeriod: "2026-10-01", monthsPaid: 5, declaredIncomeSen: rp(c.income), jht: c.jht, today: "2026-11-20" });
      expect(bill.monthly).toMatchObject({ jkkSen: rp(c.month.jkk), jkmSen: rp(c.month.jkm), jhtSen: rp(c.month.jht) });
      expect(bill.options.map((o) => o.months)).toEqual([...PAYABLE_MONTHS]);
      for (const option of bill.options) {
        const n = BigInt(option.months);
        expect(option.total.jkkSen).toBe(rp(c.month.jkk) * n);
        expect(option.total.jkmSen).toBe(rp(c.month.jkm) * n);
        expect(option.total.jhtSen).toBe(rp(c.month.jht) * n);
        expect(option.total.totalSen).toBe(option.total.jkkSen + option.total.jkmSen + option.total.jhtSen);
        expect(option.periods.reduce((sum, m) => sum + m.totalSen, 0n)).toBe(option.total.totalSen);
      }
    });
  }

  it("pays arrears first and never more than 12 months past the current month", () => {
    // Paid through August, today in November: September–November are due; 12 months from September end in August 2027.
    const bill = computeBill({ cardStatus: "AKTIF", lastPaidPeriod: "2026-08-01", monthsPaid: 8, declaredIncomeSen: rp(1_000_000), jht: false, today: "2026-11-20" });
    expect(bill).toMatchObject({ protection: "MASA_TENGGANG", protectedUntil: "2026-08-31", graceEndsOn: "2026-11-30", monthsDue: ["2026-09-01", "2026-10-01", "2026-11-01"] });
    expect(bill.options.at(-1)).toMatchObject({ months: 12, protectedUntil: "2027-08-31" });
    // Paid far ahead: 12 more months would reach beyond 12 months past the current month.
    const ahead = computeBill({ cardStatus: "AKTIF", lastPaidPeriod: "2027-03-01", monthsPaid: 20, declaredIncomeSen: rp(1_000_000), jht: false, today: "2026-11-20" });
    expect(ahead.options.map((o) => o.months)).toEqual([1, 3, 6]);
    expect(ahead.protection).toBe("DILINDUNGI");
  });
});
