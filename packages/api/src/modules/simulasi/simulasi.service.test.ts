import { describe, expect, it } from "vitest";
import { jpMonthsFromLedger, percentInput } from "./simulasi.service.ts";

describe("jpMonthsFromLedger", () => {
  it("counts paid ledger months with a JP share from July 2015 to today, each month once", () => {
    const months = jpMonthsFromLedger(
      [
        // Before JP began: not a JP month even if a row says so.
        { period: "2015-06-01", paidAt: "2015-07-10" },
        { period: "2015-07-01", paidAt: "2015-08-10" },
        // Two cards paid for the same month: one month of masa iur.
        { period: "2015-08-01", paidAt: "2015-09-10" },
        { period: "2015-08-01", paidAt: "2015-09-12" },
        // Not paid (yet): not counted.
        { period: "2026-05-01", paidAt: null },
        // Paid after today: not counted yet.
        { period: "2026-06-01", paidAt: "2026-07-10" },
      ],
      "2026-06-15",
    );
    expect(months).toEqual(["2015-07", "2015-08"]);
  });
});

describe("percentInput", () => {
  it("takes up to two decimals from 0 to 20 percent, as hundredths of a percent", () => {
    expect(percentInput("ratePercent", null, "5.50")).toBe(550);
    expect(percentInput("ratePercent", "7", "5.50")).toBe(700);
    expect(percentInput("ratePercent", "0.5", "5.50")).toBe(50);
    expect(percentInput("ratePercent", "20.00", "5.50")).toBe(2_000);
    for (const bad of ["20.01", "5.555", "-1", "abc", "1e2", ""]) {
      expect(() => percentInput("ratePercent", bad, "5.50")).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }));
    }
  });
});
