import { randomUUID } from "node:crypto";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { pickLocale, topLevelMessage, type TopLevelCode } from "../../common/i18n.ts";
import { logger } from "../../common/logger.ts";

// body-parser's error types (err.type) as the contract's `detail`.
const BODY_ERRORS: Record<string, string> = {
  "entity.parse.failed": "MALFORMED_JSON",
  "entity.too.large": "BODY_TOO_LARGE",
  "encoding.unsupported": "UNSUPPORTED_ENCODING",
  "charset.unsupported": "UNSUPPORTED_CHARSET",
  "request.aborted": "REQUEST_ABORTED",
  "request.size.invalid": "REQUEST_SIZE_INVALID",
};

function sendError(res: Response, status: number, code: TopLevelCode, locale: "id" | "en", extensions: Record<string, string>): void {
  res.status(status).json({ errors: [{ message: topLevelMessage(code, locale), extensions: { code, ...extensions } }] });
}

/** Unknown paths and methods: a JSON 404 in the contract's shape, never Express's HTML page. */
export const jsonNotFound: RequestHandler = (req, res) => {
  sendError(res, 404, "BAD_USER_INPUT", pickLocale(req.headers["accept-language"]), { detail: "NOT_FOUND" });
};

/**
 * Replaces Express's default error handler, which answers HTML and prints the error (for a malformed body: the
 * body itself, passwords included, and a stack trace). A refused body is the caller's mistake (400/413, logged
 * without the body); anything else is masked as INTERNAL_SERVER_ERROR and logged through the safe serializer.
 */
export const jsonErrorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const e = (err ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown; expose?: unknown };
  const status = typeof e.status === "number" ? e.status : typeof e.statusCode === "number" ? e.statusCode : 500;
  const locale = pickLocale(req.headers["accept-language"]);
  const path = req.originalUrl.split("?")[0];
  if (res.headersSent) {
    logger.error({ err, path }, "request failed after its response started");
    req.socket.destroy();
    return;
  }
  if (status >= 400 && status < 500) {
    const detail = (typeof e.type === "string" && BODY_ERRORS[e.type]) || "BAD_REQUEST";
    logger.info({ method: req.method, path, status, detail }, "request refused");
    sendError(res, status, "BAD_USER_INPUT", locale, { detail });
    return;
  }
  const requestId = randomUUID();
  logger.error({ err, requestId, method: req.method, path }, "unexpected HTTP error");
  sendError(res, 500, "INTERNAL_SERVER_ERROR", locale, { requestId });
};
