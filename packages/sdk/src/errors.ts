import type { GraphQLFormattedError } from "graphql";

/** The top-level error codes of the API contract, plus NETWORK_ERROR for failures before a GraphQL answer. */
export type JmoErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR"
  | "NETWORK_ERROR";

const CODES = new Set<string>(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "RATE_LIMITED", "INTERNAL_SERVER_ERROR"]);

export interface JmoErrorInit {
  code: JmoErrorCode;
  message: string;
  detail?: string | undefined;
  path?: ReadonlyArray<string | number> | undefined;
  requestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
  errors?: readonly GraphQLFormattedError[];
  cause?: unknown;
}

/**
 * A request that got no data: the API answered with top-level `errors`, or never answered (NETWORK_ERROR).
 * Business-rule failures are not JmoErrors: they come back as `userErrors` in the mutation's payload.
 */
export class JmoError extends Error {
  override readonly name = "JmoError";
  readonly code: JmoErrorCode;
  /** A finer reason, e.g. "TOKEN_EXPIRED" or "TOKEN_INVALID" with UNAUTHENTICATED. */
  readonly detail: string | undefined;
  /** The field the first error is about, e.g. ["participants"]. */
  readonly path: ReadonlyArray<string | number> | undefined;
  /** Quote it to support: it finds the request in the server logs. */
  readonly requestId: string | undefined;
  /** With RATE_LIMITED: when to try again. */
  readonly retryAfterSeconds: number | undefined;
  /** Every error of the response, as sent. */
  readonly errors: readonly GraphQLFormattedError[];

  constructor(init: JmoErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.detail = init.detail;
    this.path = init.path;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.errors = init.errors ?? [];
  }

  /** Builds the error of a GraphQL response from its `errors` (the first one decides the code). */
  static fromGraphQL(errors: readonly GraphQLFormattedError[], requestId?: string): JmoError {
    const [first] = errors;
    const ext = first?.extensions ?? {};
    const code = typeof ext.code === "string" && CODES.has(ext.code) ? (ext.code as JmoErrorCode) : "INTERNAL_SERVER_ERROR";
    return new JmoError({
      code,
      message: first?.message ?? code,
      detail: typeof ext.detail === "string" ? ext.detail : undefined,
      path: first?.path,
      // A masked internal error carries its request id on the error itself.
      requestId: requestId ?? (typeof ext.requestId === "string" ? ext.requestId : undefined),
      retryAfterSeconds: typeof ext.retryAfterSeconds === "number" ? ext.retryAfterSeconds : undefined,
      errors,
    });
  }

  static network(message: string, cause?: unknown, requestId?: string): JmoError {
    return new JmoError({ code: "NETWORK_ERROR", message, cause, requestId });
  }
}
