// Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so a date never shifts with the machine's time zone.

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid date, null for anything else (including 2023-02-30). */
export function tryEpochDay(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 02-30 over into March; a round trip exposes it. (Years 0–99 are not used here.)
  return fromEpochDay(ms / MS_PER_DAY) === date ? ms / MS_PER_DAY : null;
}

export function isValidDate(date: string): boolean {
  return tryEpochDay(date) !== null;
}

export function toEpochDay(date: string): number {
  const day = tryEpochDay(date);
  if (day === null) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return day;
}

export function fromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar months; the day is clamped to the target month's length (03-31 minus one month is 02-28/29). */
export function addMonths(date: string, months: number): string {
  const day = new Date(toEpochDay(date) * MS_PER_DAY);
  const monthIndex = day.getUTCFullYear() * 12 + day.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromEpochDay(Date.UTC(year, month, Math.min(day.getUTCDate(), lastDay)) / MS_PER_DAY);
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
