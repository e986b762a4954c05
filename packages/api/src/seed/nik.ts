// NIK (Nomor Induk Kependudukan): 16 digits `PPKKCC DDMMYY NNNN`, i.e. the district of first registration,
// the birth date with day + 40 for women, and a serial from 0001. There is no check digit (domain.md).
import type { ParticipantRow } from "../modules/participants/participant.table.ts";
import { isValidDate, todayUtc } from "./calendar.ts";

export type Gender = ParticipantRow["gender"];

export interface ParsedNik {
  /** Six digits, without the dots idn-area-data writes ("32.73.02" → "327302"). */
  districtCode: string;
  birthDate: string;
  gender: Gender;
}

const WOMEN_DAY_OFFSET = 40;

/** Builds a NIK. districtCode may carry dots; serial is 1–9999. Throws on input that cannot form one. */
export function nikFor(districtCode: string, birthDate: string, gender: Gender, serial: number): string {
  const district = districtCode.replaceAll(".", "");
  if (!/^\d{6}$/.test(district)) throw new RangeError(`district code must have 6 digits: ${districtCode}`);
  if (!isValidDate(birthDate)) throw new RangeError(`not a date (YYYY-MM-DD): ${birthDate}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new RangeError(`serial must be 1–9999: ${serial}`);
  const [year, month, day] = birthDate.split("-") as [string, string, string];
  const nikDay = Number(day) + (gender === "PEREMPUAN" ? WOMEN_DAY_OFFSET : 0);
  return `${district}${pad2(nikDay)}${month}${year.slice(2)}${String(serial).padStart(4, "0")}`;
}

/**
 * Reads the parts of a NIK, or null when it cannot be one (length, digits, impossible date, serial 0000).
 * The year has two digits: it is taken as the latest year that does not put the birth after referenceDate
 * ('YYYY-MM-DD', default today in UTC), so "900514" is 1990 and "050514" is 2005 when read in 2026.
 */
export function parseNik(nik: string, referenceDate: string = todayUtc()): ParsedNik | null {
  const match = /^(\d{6})(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(nik);
  if (!match) return null;
  const [, districtCode, rawDay, month, yy, serial] = match as unknown as [string, string, string, string, string, string];
  if (serial === "0000") return null;
  const nikDay = Number(rawDay);
  const gender: Gender = nikDay > WOMEN_DAY_OFFSET ? "PEREMPUAN" : "LAKI_LAKI";
  const day = pad2(gender === "PEREMPUAN" ? nikDay - WOMEN_DAY_OFFSET : nikDay);
  const birthDate = resolveCentury(yy, month, day, referenceDate);
  return birthDate ? { districtCode, birthDate, gender } : null;
}

function resolveCentury(yy: string, month: string, day: string, referenceDate: string): string | null {
  const thisCentury = `20${yy}-${month}-${day}`;
  // Dates compare correctly as strings in this fixed-width form.
  if (isValidDate(thisCentury) && thisCentury <= referenceDate) return thisCentury;
  const lastCentury = `19${yy}-${month}-${day}`;
  return isValidDate(lastCentury) ? lastCentury : null;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
