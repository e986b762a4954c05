/**
 * What an error may put in a log line. Driver errors carry the statement's parameters (drizzle's
 * DrizzleQueryError: `params` and a message ending in `params: …`; postgres.js: `parameters`, `query`,
 * `detail: Key (nik)=(…)`; PGlite the same) and a JSON parse error carries the request body: logging them
 * as they are would print NIKs, addresses, passwords. Only an allowlist of fields is kept, the message is
 * scrubbed and the stack keeps its frames only (its first line repeats the message).
 */

const MAX_MESSAGE = 2000;
const MAX_FRAMES = 25;
const MAX_CAUSE_DEPTH = 3;
const SAFE = Symbol("log-safe");

/** Fields whose value is a code or a name chosen by a program (PostgreSQL, Node, body-parser), never data. */
const CODE_FIELDS = ["code", "errno", "syscall", "severity", "routine"] as const;
/** PostgreSQL names the object concerned: PGlite/pg-protocol and postgres.js spell them differently. */
const OBJECT_FIELDS: Array<[string, string[]]> = [
  ["constraint", ["constraint", "constraint_name"]],
  ["table", ["table", "table_name"]],
  ["column", ["column", "column_name"]],
  ["schema", ["schema", "schema_name"]],
  ["dataType", ["dataType", "data_type_name"]],
];
const NAME_LIKE = /^[A-Za-z0-9_.:$\- ]{1,128}$/;

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;
// NIK (16), KPJ (11), phone numbers, bank accounts, NPWP: any long run of digits.
const LONG_DIGITS = /\d[\d .\-]{4,}\d/g;

/**
 * A message with what could be data taken out: drizzle's `params: …` tail, quoted values (PostgreSQL's
 * `invalid input syntax for type uuid: "…"`, V8's `Unexpected token 'x', "{"password":…" is not valid JSON`),
 * emails and long digit runs. The SQL text of a failed drizzle query is kept: it only has `$1` placeholders.
 */
export function scrubMessage(message: string, sqlState?: string): string {
  let text = message;
  const params = text.search(/\n?\s*params: /);
  if (params >= 0) text = text.slice(0, params);
  const failedQuery = text.startsWith("Failed query: ");
  // Class 42 (syntax error or undefined object) quotes identifiers of the statement, not values: keep them.
  const keepQuotes = failedQuery || (sqlState !== undefined && sqlState.startsWith("42"));
  if (!keepQuotes) text = text.replace(/"[\s\S]*"/, '"…"');
  text = text.replace(EMAIL, "[email]").replace(LONG_DIGITS, "[digits]");
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** The frames of a stack ("    at f (file:line:col)"), without the message line(s) above them. */
function framesOnly(stack: unknown): string | undefined {
  if (typeof stack !== "string") return undefined;
  const frames = stack.split("\n").filter((line) => /^\s+at /.test(line)).slice(0, MAX_FRAMES);
  return frames.length ? frames.join("\n") : undefined;
}

/** An error (or anything thrown) as a log-safe object: see the file comment. Works on plain error-like objects too. */
export function safeError(value: unknown, depth = 0): Record<string, unknown> {
  if (value === null || typeof value !== "object") {
    return { message: scrubMessage(String(value)) };
  }
  const e = value as Record<string | symbol, unknown>;
  // Already made safe (pino's formatter runs before its serializers): as it is.
  if (e[SAFE]) return value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, SAFE, { value: true });
  const ctor = (value as object).constructor?.name;
  // The class (DrizzleQueryError, PostgresError, SyntaxError…); a plain object keeps the type it says it has.
  const ownType = typeof e.type === "string" && NAME_LIKE.test(e.type) ? e.type : undefined;
  out.type = ctor && ctor !== "Object" ? ctor : (ownType ?? "Error");
  if (typeof e.name === "string" && NAME_LIKE.test(e.name)) out.name = e.name;
  for (const field of CODE_FIELDS) {
    const v = e[field];
    if (typeof v === "number" || (typeof v === "string" && NAME_LIKE.test(v))) out[field] = v;
  }
  for (const [name, spellings] of OBJECT_FIELDS) {
    const v = spellings.map((s) => e[s]).find((x) => typeof x === "string" && NAME_LIKE.test(x));
    if (v !== undefined) out[name] = v;
  }
  // HTTP errors (body-parser: 400 entity.parse.failed, 413 entity.too.large).
  const status = e.status ?? e.statusCode;
  if (typeof status === "number") out.status = status;
  if (ownType && out.type !== ownType) out.kind = ownType;
  const sqlState = typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  if (e.message !== undefined) out.message = scrubMessage(String(e.message), sqlState);
  // GraphQL errors: where in the operation (field names and list indexes only).
  if (Array.isArray(e.path) && e.path.every((p) => typeof p === "number" || (typeof p === "string" && NAME_LIKE.test(p)))) {
    out.path = e.path;
  }
  const stack = framesOnly(e.stack);
  if (stack) out.stack = stack;
  if (e.cause !== undefined && depth < MAX_CAUSE_DEPTH) out.cause = safeError(e.cause, depth + 1);
  if (Array.isArray(e.errors) && depth < MAX_CAUSE_DEPTH) out.errors = e.errors.slice(0, 5).map((x) => safeError(x, depth + 1));
  return out;
}

/** Replaces every Error found in a log object (a few levels deep) by its safe form; other values stay as they are. */
export function withSafeErrors(obj: Record<string, unknown>, depth = 0): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(obj)) {
    const safe = safeValue(value, depth);
    if (safe !== value) (copy ??= { ...obj })[key] = safe;
  }
  return copy ?? obj;
}

function safeValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) return safeError(value);
  if (depth >= 3 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const mapped = value.map((v) => safeValue(v, depth + 1));
    return mapped.some((v, i) => v !== value[i]) ? mapped : value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return withSafeErrors(value as Record<string, unknown>, depth + 1);
}
