import { pino, type Logger } from "pino";

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

export let logger: Logger = pino({ level: "info", redact });

/** Called at start, after the config is read. A developer's terminal gets readable lines instead of JSON. */
export function configureLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  logger = options.pretty
    ? pino({ level, redact, transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } })
    : pino({ level, redact });
  return logger;
}
