// The slots of a branch office's day, derived from its weekly opening hours in its own time zone (WIB/WITA/WIT) and
// the national holidays (docs/features/antrean.md). Pure functions: no database, no clock.
import { SANDBOX_HOLIDAYS } from "../klaim/banking-calendar.ts";
import type { OpeningHoursRow } from "../kanal/kanal.table.ts";
import { localTime, OFFSET_HOURS, zonaWaktuOf, type ZonaWaktuCode } from "../kanal/opening-hours.ts";

/**
 * The booking rules [D] (docs/features/antrean.md): 30-minute slots from opening to closing, 4 places each per office,
 * bookable for today and the next 14 days, a reminder 24 hours ahead for bookings made earlier than that.
 */
export const ANTREAN_RULES = { slotMinutes: 30, slotCapacity: 4, maxDaysAhead: 14, reminderHours: 24, qrValidHoursAfterSlot: 24 } as const;

export interface Slot {
  start: Date;
  end: Date;
  /** "HH:MM" on the office's clock. */
  time: string;
}

export type DayClosed = { reason: "WEEKEND_OR_NO_HOURS" } | { reason: "HOLIDAY"; holiday: string };

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** YYYY-MM-DD plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant of `minute` past local midnight of `date` in `zone`. */
function instant(date: string, minute: number, zone: ZonaWaktuCode): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (minute - OFFSET_HOURS[zone] * 60) * 60_000);
}

/** The office's slots on `date` (its local day), earliest first, or why it takes none. */
export function slotsOfDay(hours: readonly OpeningHoursRow[], provinceCode: string, date: string): Slot[] | DayClosed {
  const holiday = SANDBOX_HOLIDAYS.get(date);
  if (holiday) return { reason: "HOLIDAY", holiday };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const day = hours.find((h) => h.day === (weekday === 0 ? 7 : weekday));
  if (!day) return { reason: "WEEKEND_OR_NO_HOURS" };
  const zone = zonaWaktuOf(provinceCode);
  const slots: Slot[] = [];
  const step = ANTREAN_RULES.slotMinutes;
  // A slot ends by closing time: 08:00–15:00 gives 08:00 … 14:30.
  for (let m = minuteOf(day.opens); m + step <= minuteOf(day.closes); m += step) {
    slots.push({ start: instant(date, m, zone), end: instant(date, m + step, zone), time: hhmm(m) });
  }
  return slots;
}

/** The local date and "HH:MM" of an instant in the office's zone. */
export function localSlot(at: Date, provinceCode: string): { date: string; time: string; zone: ZonaWaktuCode } {
  const zone = zonaWaktuOf(provinceCode);
  const { date, minute } = localTime(at, zone);
  return { date, time: hhmm(minute), zone };
}

/** Today in the office's zone and the last bookable day. */
export function bookingWindow(now: Date, provinceCode: string): { today: string; lastDate: string } {
  const today = localTime(now, zonaWaktuOf(provinceCode)).date;
  return { today, lastDate: addDays(today, ANTREAN_RULES.maxDaysAhead) };
}
