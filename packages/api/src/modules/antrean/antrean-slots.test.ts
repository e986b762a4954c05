import { describe, expect, it } from "vitest";
import { bookingWindow, localSlot, slotsOfDay } from "./antrean-slots.ts";

const WEEKDAYS = [1, 2, 3, 4, 5].map((day) => ({ day, opens: "08:00", closes: "15:00" }));

describe("antrean slots", () => {
  it("cuts a day into 30-minute slots in the office's own zone, the last ending at closing time", () => {
    // Tuesday 8 December 2026: Jakarta (WIB, UTC+7), Makassar (WITA, UTC+8), Jayapura (WIT, UTC+9).
    const jakarta = slotsOfDay(WEEKDAYS, "31", "2026-12-08");
    const makassar = slotsOfDay(WEEKDAYS, "73", "2026-12-08");
    const jayapura = slotsOfDay(WEEKDAYS, "91", "2026-12-08");
    if (!Array.isArray(jakarta) || !Array.isArray(makassar) || !Array.isArray(jayapura)) throw new Error("expected open days");
    expect(jakarta).toHaveLength(14);
    expect(jakarta[0]).toEqual({ start: new Date("2026-12-08T01:00:00Z"), end: new Date("2026-12-08T01:30:00Z"), time: "08:00" });
    expect(jakarta.at(-1)).toEqual({ start: new Date("2026-12-08T07:30:00Z"), end: new Date("2026-12-08T08:00:00Z"), time: "14:30" });
    expect(makassar[0]!.start).toEqual(new Date("2026-12-08T00:00:00Z"));
    expect(jayapura[0]!.start).toEqual(new Date("2026-12-07T23:00:00Z"));
    expect(localSlot(jayapura[0]!.start, "91")).toEqual({ date: "2026-12-08", time: "08:00", zone: "WIT" });
    // Hours that do not fill a last half hour leave it out.
    const short = slotsOfDay([{ day: 2, opens: "08:00", closes: "09:45" }], "31", "2026-12-08");
    expect(Array.isArray(short) && short.map((s) => s.time)).toEqual(["08:00", "08:30", "09:00"]);
  });

  it("takes no bookings at weekends, on days without hours or on national holidays", () => {
    expect(slotsOfDay(WEEKDAYS, "31", "2026-12-12")).toEqual({ reason: "WEEKEND_OR_NO_HOURS" });
    expect(slotsOfDay(WEEKDAYS, "31", "2026-12-25")).toEqual({ reason: "HOLIDAY", holiday: "Hari Raya Natal" });
  });

  it("opens the window from the office's today to 14 days on, by its own clock", () => {
    // 23:30 WIB on Monday is already Tuesday in Jayapura.
    expect(bookingWindow(new Date("2026-12-07T16:30:00Z"), "31")).toEqual({ today: "2026-12-07", lastDate: "2026-12-21" });
    expect(bookingWindow(new Date("2026-12-07T16:30:00Z"), "91")).toEqual({ today: "2026-12-08", lastDate: "2026-12-22" });
  });
});
