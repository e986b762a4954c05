import { describe, expect, it } from "vitest";
import { contributionFor, jpWageCap } from "./contribution-rules.ts";

const rp = (rupiah: number) => BigInt(Math.round(rupiah * 100));

describe("contributionFor", () => {
  it("charges a PU wage of Rp5,000,000 in 2024 as the regulation says", () => {
    expect(contributionFor("PU", rp(5_000_000), "2024-06")).toEqual({
      jhtEmployerSen: rp(185_000), // 3.7%
      jhtWorkerSen: rp(100_000), // 2%
      jpEmployerSen: rp(100_000), // 2%, under the cap
      jpWorkerSen: rp(50_000), // 1%
      jkkSen: rp(12_000), // 0.24%, risk class I
      jkmSen: rp(15_000), // 0.30%
    });
  });

  it("caps JP at the wage cap of the month but not JHT", () => {
    // March 2024 cap Rp10,042,300: JP 2% = Rp200,846, 1% = Rp100,423; JHT on the full Rp15,000,000.
    const c = contributionFor("PU", rp(15_000_000), "2024-03");
    expect(c.jpEmployerSen).toBe(rp(200_846));
    expect(c.jpWorkerSen).toBe(rp(100_423));
    expect(c.jhtEmployerSen).toBe(rp(555_000));
    // February 2024 still had the 2023 cap, Rp9,559,600.
    expect(contributionFor("PU", rp(15_000_000), "2024-02").jpEmployerSen).toBe(rp(191_192));
  });

  it("has no JP before July 2015", () => {
    expect(jpWageCap("2015-06")).toBeNull();
    expect(contributionFor("PU", rp(3_000_000), "2015-06").jpEmployerSen).toBe(0n);
  });

  it("charges BPU members JKK 1% and JKM Rp6,800, JHT 2% only when chosen", () => {
    expect(contributionFor("BPU", rp(2_000_000), "2025-01")).toMatchObject({ jkkSen: rp(20_000), jkmSen: rp(6_800), jhtWorkerSen: 0n });
    expect(contributionFor("BPU", rp(2_000_000), "2025-01", { bpuJht: true }).jhtWorkerSen).toBe(rp(40_000));
  });

  it("rounds each share half up to the sen", () => {
    // Rp1,234,567.89 × 3.7% = Rp45,679.01193 → Rp45,679.01
    expect(contributionFor("PU", 123_456_789n, "2024-06").jhtEmployerSen).toBe(4_567_901n);
  });
});
