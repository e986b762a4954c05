import { describe, expect, it } from "vitest";
import { isBankingDay, isBankingWindowOpen, nextBankingWindow } from "./banking-calendar.ts";

/** A WIB wall-clock time as a Date (WIB = UTC+7). */
const wib = (s: string) => new Date(`${s}+07:00`);

describe("the clearing (SKN) calendar, WIB", () => {
  it("knows working days: weekdays that are not national holidays of the sandbox table", () => {
    expect(isBankingDay("2026-11-23")).toBe(true); // Monday
    expect(isBankingDay("2026-11-21")).toBe(false); // Saturday
    expect(isBankingDay("2026-11-22")).toBe(false); // Sunday
    expect(isBankingDay("2026-12-25")).toBe(false); // Friday, Natal
    expect(isBankingDay("2026-08-17")).toBe(false); // Monday, Hari Kemerdekaan
    expect(isBankingDay("2028-08-17")).toBe(true); // outside the table: weekdays only
  });

  it("is open from 08:00 to 16:45 WIB on a working day, the end excluded", () => {
    expect(isBankingWindowOpen(wib("2026-11-23T07:59:59"))).toBe(false);
    expect(isBankingWindowOpen(wib("2026-11-23T08:00:00"))).toBe(true);
    expect(isBankingWindowOpen(wib("2026-11-23T16:44:59"))).toBe(true);
    expect(isBankingWindowOpen(wib("2026-11-23T16:45:00"))).toBe(false);
    expect(isBankingWindowOpen(wib("2026-11-21T10:00:00"))).toBe(false);
  });

  it("pays now inside a window", () => {
    const now = wib("2026-11-24T13:15:00");
    expect(nextBankingWindow(now)).toEqual(now);
  });

  it("waits until 08:00 the same day before opening time", () => {
    expect(nextBankingWindow(wib("2026-11-24T05:30:00"))).toEqual(wib("2026-11-24T08:00:00"));
    // 23:30 UTC on Monday is already Tuesday 06:30 in Jakarta.
    expect(nextBankingWindow(new Date("2026-11-23T23:30:00Z"))).toEqual(wib("2026-11-24T08:00:00"));
  });

  it("moves to the next working day after closing time, over weekends and holidays", () => {
    expect(nextBankingWindow(wib("2026-11-24T16:45:00"))).toEqual(wib("2026-11-25T08:00:00"));
    expect(nextBankingWindow(wib("2026-11-27T17:00:00"))).toEqual(wib("2026-11-30T08:00:00")); // Friday → Monday
    expect(nextBankingWindow(wib("2026-11-28T09:00:00"))).toEqual(wib("2026-11-30T08:00:00")); // Saturday
    expect(nextBankingWindow(wib("2026-12-24T17:00:00"))).toEqual(wib("2026-12-28T08:00:00")); // Natal on Friday
    expect(nextBankingWindow(wib("2026-12-31T20:00:00"))).toEqual(wib("2027-01-04T08:00:00")); // New Year, weekend
    expect(nextBankingWindow(wib("2026-03-18T18:00:00"))).toEqual(wib("2026-03-23T08:00:00")); // Nyepi, Idul Fitri, weekend
  });

  it("always returns an open window at or after the given time", () => {
    const start = wib("2026-01-01T00:00:00").getTime();
    for (let t = start; t < start + 400 * 24 * 3600_000; t += 37 * 60_000 + 13_000) {
      const now = new Date(t);
      const next = nextBankingWindow(now);
      expect(next.getTime()).toBeGreaterThanOrEqual(t);
      expect(isBankingWindowOpen(next)).toBe(true);
      // Nothing open in between.
      if (next.getTime() > t) expect(isBankingWindowOpen(new Date(next.getTime() - 60_000))).toBe(false);
    }
  });
});
