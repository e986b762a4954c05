import { describe, expect, it } from "vitest";
import { isOpenAt, localTime, zonaWaktuOf } from "./opening-hours.ts";

const WEEKDAYS = [1, 2, 3, 4, 5].map((day) => ({ day, opens: "08:00", closes: "15:00" }));

describe("opening hours by province", () => {
  it("puts every province in its zone", () => {
    expect(["11", "21", "31", "32", "36", "61", "62"].map(zonaWaktuOf)).toEqual(Array(7).fill("WIB"));
    expect(["51", "52", "53", "63", "64", "65", "71", "73", "76"].map(zonaWaktuOf)).toEqual(Array(9).fill("WITA"));
    expect(["81", "82", "91", "92", "93", "94", "95", "96"].map(zonaWaktuOf)).toEqual(Array(8).fill("WIT"));
  });

  it("reads the local day and minute, across midnight", () => {
    expect(localTime(new Date("2026-11-30T16:59:00Z"), "WIB")).toEqual({ date: "2026-11-30", dayOfWeek: 1, minute: 23 * 60 + 59 });
    expect(localTime(new Date("2026-11-30T16:59:00Z"), "WIT")).toEqual({ date: "2026-12-01", dayOfWeek: 2, minute: 60 + 59 });
  });

  it("opens at the opening minute and closes at the closing minute, in the office's own zone", () => {
    // 08:00 WITA = 00:00 UTC; 15:00 WITA = 07:00 UTC (Tuesday 1 December 2026).
    expect(isOpenAt(WEEKDAYS, "73", new Date("2026-11-30T23:59:00Z"))).toBe(false);
    expect(isOpenAt(WEEKDAYS, "73", new Date("2026-12-01T00:00:00Z"))).toBe(true);
    expect(isOpenAt(WEEKDAYS, "73", new Date("2026-12-01T06:59:00Z"))).toBe(true);
    expect(isOpenAt(WEEKDAYS, "73", new Date("2026-12-01T07:00:00Z"))).toBe(false);
    // The same instant: open in Jakarta (14:00 WIB), closed in Jayapura (16:00 WIT).
    expect(isOpenAt(WEEKDAYS, "31", new Date("2026-12-01T07:00:00Z"))).toBe(true);
    expect(isOpenAt(WEEKDAYS, "91", new Date("2026-12-01T07:00:00Z"))).toBe(false);
    // Hari Raya Natal (a Friday): closed.
    expect(isOpenAt(WEEKDAYS, "31", new Date("2026-12-25T03:00:00Z"))).toBe(false);
  });
});
