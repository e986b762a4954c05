import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { PglitePreparedQuery } from "drizzle-orm/pglite/session";
import { PostgresJsPreparedQuery } from "drizzle-orm/postgres-js/session";
import { activeTracer, insideSpan } from "./tracing.ts";

/** Which client ran the statement: both speak PostgreSQL (db.system.name is postgresql for either). */
export type SqlDriver = "postgres" | "pglite";

// Attribute names of OpenTelemetry's semantic conventions (database spans), written out so that this module, which
// runs on every statement, loads nothing when tracing is off.
const DB_SYSTEM = "db.system"; // the older name, still what most back ends show
const DB_SYSTEM_NAME = "db.system.name";
const DB_QUERY_TEXT = "db.query.text";
const DB_OPERATION_NAME = "db.operation.name";
const DB_RESPONSE_STATUS_CODE = "db.response.status_code";

/**
 * The statement as a span may show it: drizzle and Database.query send parameters apart (`$1`), so the text holds
 * no values; string literals are blanked all the same, should a statement ever be written with one.
 */
export function statementText(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, "'?'");
}

function operationName(text: string): string {
  return /^\s*\(?\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? "SQL";
}

/**
 * Runs one statement in a span (kind CLIENT) under the active span: the HTTP request, the GraphQL operation or a
 * worker's step. A statement outside any traced work (the workers' polls) makes no trace of its own, and without
 * tracing this is just `run()`.
 */
export function sqlSpan<T>(driver: SqlDriver, text: string, run: () => Promise<T>): Promise<T> {
  const tracer = activeTracer();
  if (!tracer || !insideSpan()) return run();
  const operation = operationName(text);
  const attributes = {
    [DB_SYSTEM]: "postgresql",
    [DB_SYSTEM_NAME]: "postgresql",
    [DB_OPERATION_NAME]: operation,
    [DB_QUERY_TEXT]: statementText(text),
    "jmo.db.driver": driver,
  };
  return tracer.startActiveSpan(operation, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await run();
    } catch (err) {
      // The SQLSTATE only: messages and details of driver errors quote values (log-safety.ts).
      const cause = (err as { cause?: unknown }).cause ?? err;
      const code = (cause as { code?: unknown } | null)?.code;
      span.setStatus({ code: SpanStatusCode.ERROR });
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) span.setAttribute(DB_RESPONSE_STATUS_CODE, code);
      span.setAttribute("error.type", typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : "other");
      throw err;
    } finally {
      span.end();
    }
  });
}

const INSTRUMENTED = Symbol.for("jmo.sql-spans");
type Execute = ((this: { queryString: string }, ...args: unknown[]) => Promise<unknown>) & { [INSTRUMENTED]?: true };

/**
 * A span around each statement drizzle runs, on both drivers: drizzle has no hook around execution (its logger is
 * called before, never after), so the prepared-query classes of its two sessions get their `execute` and `all`
 * wrapped, once per process. Plain method wrapping of classes imported here: no module-loader hooks, so it works the
 * same under tsx, vitest and the compiled build. Harmless once tracing stops: sqlSpan then just runs the statement.
 */
export function instrumentDrizzle(): void {
  const classes: Array<[{ prototype: object }, SqlDriver]> = [
    [PostgresJsPreparedQuery, "postgres"],
    [PglitePreparedQuery, "pglite"],
  ];
  for (const [cls, driver] of classes) {
    const proto = cls.prototype as Record<"execute" | "all", Execute>;
    for (const method of ["execute", "all"] as const) {
      const original = proto[method];
      if (original[INSTRUMENTED]) continue;
      const wrapped: Execute = function (this: { queryString: string }, ...args: unknown[]) {
        return sqlSpan(driver, this.queryString, () => original.apply(this, args));
      };
      wrapped[INSTRUMENTED] = true;
      proto[method] = wrapped;
    }
  }
}
