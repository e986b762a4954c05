// When clearing (SKN) moves money: working days, 08:00–16:45 WIB (domain.md; seed 002 FAQ 14–17: "pembayaran klaim
// menyesuaikan dengan jam operasional perbankan"). WIB is UTC+7 all year (no daylight saving).
//
// SANDBOX TABLE. The national holidays below are the public holidays (libur nasional) of 2026–2027 as announced or
// expected; dates of the lunar and Islamic holidays are approximate (the government fixes them by SKB and
// observation), and collective leave (cuti bersama) is left out. A real bank adapter uses the bank's own calendar.
// A day outside 2026–2027 counts only weekends.

const WIB_OFFSET_MS = 7 * 3600 * 1000;
const OPENS_AT_MINUTE = 8 * 60; // 08:00 WIB
const CLOSES_AT_MINUTE = 16 * 60 + 45; // 16:45 WIB (exclusive)

export const SANDBOX_HOLIDAYS: ReadonlyMap<string, string> = new Map([
  ["2026-01-01", "Tahun Baru Masehi"],
  ["2026-01-16", "Isra Mikraj Nabi Muhammad SAW"],
  ["2026-02-17", "Tahun Baru Imlek 2577"],
  ["2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)"],
  ["2026-03-20", "Idul Fitri 1447 H"],
  ["2026-03-21", "Idul Fitri 1447 H"],
  ["2026-04-03", "Wafat Yesus Kristus"],
  ["2026-05-01", "Hari Buruh Internasional"],
  ["2026-05-14", "Kenaikan Yesus Kristus"],
  ["2026-05-27", "Idul Adha 1447 H"],
  ["2026-05-31", "Hari Raya Waisak 2570 BE"],
  ["2026-06-01", "Hari Lahir Pancasila"],
  ["2026-06-16", "Tahun Baru Islam 1448 H"],
  ["2026-08-17", "Hari Kemerdekaan Republik Indonesia"],
  ["2026-08-25", "Maulid Nabi Muhammad SAW"],
  ["2026-12-25", "Hari Raya Natal"],
  ["2027-01-01", "Tahun Baru Masehi"],
  ["2027-01-05", "Isra Mikraj Nabi Muhammad SAW"],
  ["2027-02-06", "Tahun Baru Imlek 2578"],
  ["2027-03-09", "Hari Suci Nyepi (Tahun Baru Saka 1949)"],
  ["2027-03-10", "Idul Fitri 1448 H"],
  ["2027-03-11", "Idul Fitri 1448 H"],
  ["2027-03-26", "Wafat Yesus Kristus"],
  ["2027-05-01", "Hari Buruh Internasional"],
  ["2027-05-06", "Kenaikan Yesus Kristus"],
  ["2027-05-17", "Idul Adha 1448 H"],
  ["2027-05-20", "Hari Raya Waisak 2571 BE"],
  ["2027-06-01", "Hari Lahir Pancasila"],
  ["2027-06-06", "Tahun Baru Islam 1449 H"],
  ["2027-08-15", "Maulid Nabi Muhammad SAW"],
  ["2027-08-17", "Hari Kemerdekaan Republik Indonesia"],
  ["2027-12-25", "Hari Raya Natal"],
]);

/** YYYY-MM-DD of a "WIB wall clock" date (a Date shifted by +7 h, read with the UTC getters). */
function dayOf(wib: Date): string {
  return wib.toISOString().slice(0, 10);
}

/** A working day in WIB: Monday to Friday and not a national holiday of the sandbox table. */
export function isBankingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !SANDBOX_HOLIDAYS.has(day);
}

/** True while a clearing window is open: a banking day, 08:00 ≤ WIB time < 16:45. */
export function isBankingWindowOpen(now: Date): boolean {
  const wib = new Date(now.getTime() + WIB_OFFSET_MS);
  const minute = wib.getUTCHours() * 60 + wib.getUTCMinutes();
  return isBankingDay(dayOf(wib)) && minute >= OPENS_AT_MINUTE && minute < CLOSES_AT_MINUTE;
}

/**
 * When clearing can pay: `now` itself while a window is open, otherwise 08:00 WIB of the next banking day (today's
 * 08:00 when it is a banking day before opening time).
 */
export function nextBankingWindow(now: Date): Date {
  if (isBankingWindowOpen(now)) return now;
  const wib = new Date(now.getTime() + WIB_OFFSET_MS);
  const minute = wib.getUTCHours() * 60 + wib.getUTCMinutes();
  let day = dayOf(wib);
  if (!(isBankingDay(day) && minute < OPENS_AT_MINUTE)) {
    do day = nextDay(day);
    while (!isBankingDay(day));
  }
  // 08:00 WIB is 01:00 UTC of the same day.
  return new Date(`${day}T01:00:00.000Z`);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
