import { describe, expect, it } from "vitest";
import { jpMonthsFromCards, percentInput } from "./simulasi.service.ts";

describe("jpMonthsFromCards", () => {
  it("counts PU months from July 2015 at the earliest, to NONAKTIF or this month, overlaps once", () => {
    const months = jpMonthsFromCards(
      [
        // Registered before JP began: counts from July 2015 to the month it stopped, December 2015 → 6 months.
        { segment: "PU", registeredAt: "2012-04-02", nonaktifSince: "2015-12-31" },
        // November 2015 – February 2016 overlaps the first card by two months: adds January and February 2016.
        { segment: "PU", registeredAt: "2015-11-15", nonaktifSince: "2016-02-10" },
        // Self-employed: no JP.
        { segment: "BPU", registeredAt: "2016-01-01", nonaktifSince: null },
        // Still AKTIF: May and June 2026 (today).
        { segment: "PU", registeredAt: "2026-05-01", nonaktifSince: null },
      ],
      "2026-06-15",
    );
    expect(months).toEqual(["2015-07", "2015-08", "2015-09", "2015-10", "2015-11", "2015-12", "2016-01", "2016-02", "2026-05", "2026-06"]);
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
