import { describe, expect, it } from "vitest";
import { pphJhtRuleOn, rincianKlaim, type PphJhtRule } from "./tax.ts";
import { evaluateEligibility, type EligibilityFacts } from "./klaim-eligibility.ts";
import { formatRupiah } from "./klaim.messages.ts";

const rp = (rupiah: number) => BigInt(rupiah) * 100n;

describe("PPh 21 on a JHT lump sum (PP 68/2009)", () => {
  it("takes 5% of the part above Rp50 juta with an NPWP, 6% without", () => {
    expect(rincianKlaim(rp(60_000_000), true, "2026-11-22")).toEqual({
      saldoSen: rp(60_000_000),
      pajakSen: rp(500_000),
      dibayarkanSen: rp(59_500_000),
      taxRule: "PP68_2009",
    });
    expect(rincianKlaim(rp(60_000_000), false, "2026-11-22").pajakSen).toBe(rp(600_000));
  });

  it("takes nothing up to Rp50 juta, with or without NPWP", () => {
    expect(rincianKlaim(rp(9_000_000), true, "2026-11-22").pajakSen).toBe(0n);
    expect(rincianKlaim(rp(9_000_000), false, "2026-11-22").pajakSen).toBe(0n);
    expect(rincianKlaim(rp(50_000_000), false, "2026-11-22")).toMatchObject({ pajakSen: 0n, dibayarkanSen: rp(50_000_000) });
    expect(rincianKlaim(0n, false, "2026-11-22").pajakSen).toBe(0n);
  });

  it("rounds once, half up, to the sen", () => {
    // 5% of Rp0.10 above the band = 0.5 sen → 1 sen; 6% of Rp0.09 = 0.54 sen → 1 sen; 5% of Rp0.09 = 0.45 sen → 0.
    expect(rincianKlaim(rp(50_000_000) + 10n, true, "2026-11-22").pajakSen).toBe(1n);
    expect(rincianKlaim(rp(50_000_000) + 9n, false, "2026-11-22").pajakSen).toBe(1n);
    expect(rincianKlaim(rp(50_000_000) + 9n, true, "2026-11-22").pajakSen).toBe(0n);
    const odd = rincianKlaim(12_345_678_901n, false, "2026-11-22");
    expect(odd.pajakSen + odd.dibayarkanSen).toBe(odd.saldoSen);
    expect(odd.pajakSen).toBe(440_740_734n); // (123,456,789.01 − 50,000,000) × 6% = 4,407,407.3406
  });

  it("uses the rule in force on the day: a later row replaces it from its effectiveFrom", () => {
    const later: PphJhtRule = { id: "LATER", effectiveFrom: "2030-01-01", source: "test", status: "ASSUMED", bands: [{ upToSen: null, rateBp: 100 }], noNpwpSurchargePercent: 20 };
    const rules = [pphJhtRuleOn("2026-01-01"), later];
    expect(rincianKlaim(rp(1_000_000), true, "2029-12-31", rules)).toMatchObject({ taxRule: "PP68_2009", pajakSen: 0n });
    expect(rincianKlaim(rp(1_000_000), true, "2030-01-01", rules)).toMatchObject({ taxRule: "LATER", pajakSen: rp(10_000) });
    expect(() => pphJhtRuleOn("2009-12-31")).toThrow();
  });
});

describe("klaim eligibility rules", () => {
  const facts = (over: Partial<EligibilityFacts>): EligibilityFacts => ({
    card: { status: "NONAKTIF", nonaktifSince: "2026-01-31" },
    otherCards: [],
    pengkinianStatus: "TERVERIFIKASI",
    cardSaldoSen: rp(1),
    totalSaldoSen: rp(1),
    blockingKlaim: null,
    today: "2026-03-01",
    ...over,
  });

  it("counts the one-month wait in calendar months (clamped to the month's length)", () => {
    expect(evaluateEligibility(facts({ today: "2026-02-27" }))).toMatchObject({ eligible: false, channel: null, claimableFrom: "2026-02-28" });
    expect(evaluateEligibility(facts({ today: "2026-02-28" }))).toMatchObject({ eligible: true, channel: "JMO" });
  });

  it("allows exactly the dated limit in JMO (Rp15 juta in 2026); one sen more goes to Lapak Asik", () => {
    // KLAIM_JMO_SALDO_MAKS: Rp15,000,000 from 2025-05-01 (rule book; press quoting BPJS Ketenagakerjaan).
    const at = (total: bigint) => evaluateEligibility(facts({ cardSaldoSen: total, totalSaldoSen: total }));
    expect(at(rp(15_000_000))).toMatchObject({ eligible: true, channel: "JMO", limitSen: rp(15_000_000) });
    expect(at(rp(15_000_000) + 1n)).toMatchObject({ eligible: false, channel: "LAPAK_ASIK" });
  });

  it("formats rupiah for messages in both languages", () => {
    expect(formatRupiah(740_012_345n, "id")).toBe("7.400.123,45");
    expect(formatRupiah(740_012_300n, "en")).toBe("7,400,123");
  });
});
