import { pino, type DestinationStream, type LogFn, type Logger, type LoggerOptions } from "pino";
import { safeError, withSafeErrors } from "./log-safety.ts";
import { activeTraceIds } from "../tracing/tracing.ts";

/**
 * Structured logs. Never log participant data: these paths are censored should they ever be passed in.
 * Request logs carry the request id and the operation name, never variables.
 */
const redact = {
  paths: [
    "password", "*.password", "nik", "*.nik", "kpj", "*.kpj", "email", "*.email", "phone", "*.phone",
    "accessToken", "*.accessToken", "refreshToken", "*.refreshToken", "variables", "*.variables",
    "req.headers.authorization", "headers.authorization", "authorization", "*.authorization",
  ],
  censor: "[redacted]",
};

/**
 * Errors never reach a line as they are (driver errors carry SQL parameters, parse errors the body): wherever
 * one is in the logged object it keeps only safe fields (log-safety.ts), and a line without a message of its
 * own takes the scrubbed one instead of the raw `err.message` pino would use.
 */
const errorSafety: Pick<LoggerOptions, "serializers" | "formatters" | "hooks"> = {
  serializers: { err: safeError, error: safeError },
  formatters: { log: (obj) => withSafeErrors(obj) },
  hooks: {
    logMethod(args, method) {
      const [first, second] = args as unknown[];
      if (typeof second !== "string") {
        const err = first instanceof Error ? first : (first as { err?: unknown } | null)?.err;
        if (err instanceof Error) {
          const merge = first instanceof Error ? { err: first } : (first as object);
          return (method as LogFn).call(this, merge, String(safeError(err).message ?? "error"));
        }
      }
      return method.apply(this, args);
    },
  },
};

/** A line written while a span is active carries its `trace_id` and `span_id` (tracing/), to find the trace of a log line. */
const traceIds: Pick<LoggerOptions, "mixin"> = { mixin: () => activeTraceIds() ?? {} };

export let logger: Logger = pino({ level: "info", redact, ...errorSafety, ...traceIds });

/**
 * Called at start, after the config is read. A developer's terminal gets readable lines instead of JSON;
 * tests pass a `destination` stream to read what would be logged.
 */
export function configureLogger(level: string, options: { pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  logger = options.destination
    ? pino({ level, redact, ...errorSafety, ...traceIds }, options.destination)
    : options.pretty
      ? pino({ level, redact, ...errorSafety, ...traceIds, transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } })
      : pino({ level, redact, ...errorSafety, ...traceIds });
  return logger;
}
