import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";

function invalid(scalar: string, expected: string): GraphQLError {
  return new GraphQLError(`${scalar} expects ${expected}`, { extensions: { code: "BAD_USER_INPUT" } });
}

function literalString(ast: ValueNode, scalar: string, expected: string): string {
  if (ast.kind !== Kind.STRING) throw invalid(scalar, expected);
  return ast.value;
}

const RUPIAH = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Parses "1250000.00" (or "1250000", "1250000.5") into integer sen. */
export function rupiahToSen(value: string): bigint {
  const m = RUPIAH.exec(value);
  if (!m) throw invalid("Rupiah", 'a decimal string such as "1250000.00"');
  const sen = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -sen : sen;
}

/** Formats integer sen as a Rupiah decimal string with two decimals: 125000000n -> "1250000.00". */
export function senToRupiah(sen: bigint): string {
  const negative = sen < 0n;
  const abs = negative ? -sen : sen;
  const whole = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${cents}`;
}

/** Money: integer sen inside the server, a decimal string with two decimals on the wire. Never a float. */
export const RupiahScalar = new GraphQLScalarType<bigint, string>({
  name: "Rupiah",
  description: 'Money in rupiah as a decimal string with two decimals, e.g. "1250000.00". Never a float.',
  serialize(value) {
    if (typeof value === "bigint") return senToRupiah(value);
    if (typeof value === "string") return senToRupiah(rupiahToSen(value));
    throw new TypeError("Rupiah values must be bigint sen or decimal strings");
  },
  parseValue(value) {
    if (typeof value !== "string") throw invalid("Rupiah", "a decimal string");
    return rupiahToSen(value);
  },
  parseLiteral(ast) {
    return rupiahToSen(literalString(ast, "Rupiah", "a decimal string"));
  },
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in YYYY-MM-DD form. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isCalendarDate(value)) throw invalid("Date", "a calendar date YYYY-MM-DD");
  return value;
}

/** A calendar date without time zone, kept as a "YYYY-MM-DD" string end to end. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date, YYYY-MM-DD.",
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literalString(ast, "Date", "YYYY-MM-DD")),
});

function parseDateTime(value: unknown): Date {
  if (typeof value !== "string") throw invalid("DateTime", "an ISO 8601 date-time");
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw invalid("DateTime", "an ISO 8601 date-time");
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An instant, ISO 8601 in UTC, e.g. 2026-11-22T03:15:00.000Z.",
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === "string") return parseDateTime(value).toISOString();
    throw new TypeError("DateTime values must be Date objects");
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literalString(ast, "DateTime", "an ISO 8601 date-time")),
});

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function parseYearMonth(value: unknown): string {
  if (typeof value !== "string" || !YEAR_MONTH.test(value)) throw invalid("YearMonth", "YYYY-MM");
  return value;
}

export const YearMonthScalar = new GraphQLScalarType<string, string>({
  name: "YearMonth",
  description: "A contribution period, YYYY-MM.",
  serialize: parseYearMonth,
  parseValue: parseYearMonth,
  parseLiteral: (ast) => parseYearMonth(literalString(ast, "YearMonth", "YYYY-MM")),
});
