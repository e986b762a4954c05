// "Open now" for a service point: its province's time zone (Indonesia has three, no daylight saving), its weekly
// hours, and the national holidays (libur nasional) on which offices close.
import { SANDBOX_HOLIDAYS } from "../klaim/banking-calendar.ts";
import type { OpeningHoursRow } from "./kanal.table.ts";

export type ZonaWaktuCode = "WIB" | "WITA" | "WIT";

export const OFFSET_HOURS: Record<ZonaWaktuCode, number> = { WIB: 7, WITA: 8, WIT: 9 };

// Provinces by official code. WITA: Bali, NTB, NTT, South/East/North Kalimantan and all of Sulawesi; WIT: Maluku,
// Maluku Utara and the six Papua provinces; everything else (Sumatra, Kepulauan Riau, Java, West and Central
// Kalimantan) WIB (Keppres 41/1987).
const WITA = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);
const WIT = new Set(["81", "82", "91", "92", "93", "94", "95", "96"]);

export function zonaWaktuOf(provinceCode: string): ZonaWaktuCode {
  if (WIT.has(provinceCode)) return "WIT";
  if (WITA.has(provinceCode)) return "WITA";
  return "WIB";
}

/** The local date ("YYYY-MM-DD"), ISO day of the week and minute of the day in a zone. */
export function localTime(now: Date, zone: ZonaWaktuCode): { date: string; dayOfWeek: number; minute: number } {
  const local = new Date(now.getTime() + OFFSET_HOURS[zone] * 3600_000);
  const weekday = local.getUTCDay();
  return {
    date: local.toISOString().slice(0, 10),
    dayOfWeek: weekday === 0 ? 7 : weekday,
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Open at `now` in its own zone: a listed day, opens ≤ local time < closes, and not a national holiday. */
export function isOpenAt(hours: readonly OpeningHoursRow[], provinceCode: string, now: Date): boolean {
  const { date, dayOfWeek, minute } = localTime(now, zonaWaktuOf(provinceCode));
  if (SANDBOX_HOLIDAYS.has(date)) return false;
  return hours.some((h) => h.day === dayOfWeek && minute >= minuteOf(h.opens) && minute < minuteOf(h.closes));
}
