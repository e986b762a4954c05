import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { UserErrorCode, type UserError } from "@jmo/schema";
import { topLevelMessage, userErrorMessage, type TopLevelCode } from "./i18n.ts";
import { currentRequest } from "./request-scope.ts";
import { logger } from "./logger.ts";

/**
 * A business-rule failure. Services throw it (so their transaction rolls back and nothing changes);
 * `withUserErrors` turns it into the payload's `userErrors`. It never reaches the top-level `errors`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly field: string[] | null = null,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** Several business-rule failures at once: a form with more than one wrong field reports them all. */
export class DomainErrors extends Error {
  constructor(readonly errors: DomainError[]) {
    super(errors.map((e) => e.code).join(", "));
    this.name = "DomainErrors";
  }
}

/** A top-level error of the contract, its message in the request's language. */
export class ApiError extends GraphQLError {
  constructor(code: TopLevelCode, extra: { detail?: string; retryAfterSeconds?: number; httpStatus?: number } = {}) {
    const locale = currentRequest()?.locale ?? "id";
    super(topLevelMessage(code, locale, extra.retryAfterSeconds !== undefined ? { seconds: extra.retryAfterSeconds } : {}), {
      extensions: {
        code,
        ...(extra.detail ? { detail: extra.detail } : {}),
        ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
        ...(extra.httpStatus ? { http: { status: extra.httpStatus } } : {}),
      },
    });
  }
}

/** With a detail (a refused token) the HTTP status is 401, so clients know to refresh or sign in again. */
export const unauthenticated = (detail?: string | null) =>
  new ApiError("UNAUTHENTICATED", detail ? { detail, httpStatus: 401 } : {});
export const forbidden = () => new ApiError("FORBIDDEN");
export const badUserInput = (detail: string) => new ApiError("BAD_USER_INPUT", { detail });

export function toUserError(error: DomainError): UserError {
  const locale = currentRequest()?.locale ?? "id";
  return { code: error.code, field: error.field, message: userErrorMessage(error.code, locale, error.params) };
}

/**
 * Runs a mutation's service call; a DomainError becomes `{ ...empty, userErrors: [...] }`.
 * Every mutation resolver goes through here, so business failures are reported one way only.
 */
export async function withUserErrors<T extends { userErrors: UserError[] }>(
  run: () => Promise<Omit<T, "userErrors">>,
  empty: Omit<T, "userErrors">,
): Promise<T> {
  try {
    return { ...(await run()), userErrors: [] } as unknown as T;
  } catch (error) {
    if (error instanceof DomainError) return { ...empty, userErrors: [toUserError(error)] } as unknown as T;
    if (error instanceof DomainErrors) return { ...empty, userErrors: error.errors.map(toUserError) } as unknown as T;
    throw error;
  }
}

/** Errors about the request document itself: the caller's mistake, reported as BAD_USER_INPUT. */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);
const CONTRACT_CODES = new Set<string>(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "RATE_LIMITED", "INTERNAL_SERVER_ERROR"]);

/**
 * The one place that decides what an error looks like on the wire: contract codes pass through,
 * request errors become BAD_USER_INPUT, and anything unexpected is logged and masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo wraps what a validation rule reports (ValidationError, no path): a coded ApiError inside (a limit) keeps its code.
  const original =
    error instanceof GraphQLError && !error.path && error.originalError instanceof ApiError ? error.originalError : unwrapResolverError(error);
  const scope = currentRequest();
  if (original instanceof ApiError) {
    const { http: _http, ...extensions } = original.extensions;
    return { ...formatted, message: original.message, extensions };
  }
  const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : undefined;
  if (code && REQUEST_ERROR_CODES.has(code) && !(original instanceof DomainError)) {
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: "BAD_USER_INPUT", ...(code !== "BAD_USER_INPUT" ? { detail: code } : {}) },
    };
  }
  if (code && CONTRACT_CODES.has(code) && code !== "INTERNAL_SERVER_ERROR" && original instanceof GraphQLError) {
    return { ...formatted, extensions: { code } };
  }
  // A NUL byte that reached PostgreSQL by a path the request check does not cover (text cannot hold it: 22021,
  // nor jsonb: 22P05): the caller's input, not our failure.
  const sqlState = sqlStateOf(original);
  if (sqlState === "22021" || sqlState === "22P05") {
    return {
      message: topLevelMessage("BAD_USER_INPUT", scope?.locale ?? "id"),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: "BAD_USER_INPUT", detail: "CONTROL_CHARACTERS" },
    };
  }
  logger.error({ err: original, requestId: scope?.requestId, path: formatted.path }, "unexpected error");
  return {
    message: topLevelMessage("INTERNAL_SERVER_ERROR", scope?.locale ?? "id"),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL_SERVER_ERROR", ...(scope ? { requestId: scope.requestId } : {}) },
  };
}

/** The SQLSTATE of a driver error, also when drizzle wraps it (DrizzleQueryError's cause). */
/**
 * True when `error` (or a cause) is a unique violation (23505) of `constraint`: postgres.js names the constraint in
 * `constraint_name`, PGlite in `constraint`, and drizzle wraps both (the message names it either way).
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown };
    if (x.code === "23505") return x.constraint === constraint || x.constraint_name === constraint || String(x.message ?? "").includes(constraint);
  }
  return false;
}

/** A client's idempotency key (8–100 letters, digits, `_`, `-`), or IDEMPOTENCY_KEY_INVALID at `input.idempotencyKey`. */
export function checkIdempotencyKey(key: string): void {
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(key)) throw new DomainError(UserErrorCode.IDEMPOTENCY_KEY_INVALID, ["input", "idempotencyKey"]);
}

export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
