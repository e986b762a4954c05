import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context as OtelContext, type Span } from "@opentelemetry/api";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { RequestHandler } from "express";
import type { OperationDefinitionNode } from "graphql";
import { activeTracer } from "./tracing.ts";

/**
 * The spans of a request: the HTTP request (kind SERVER, continuing the caller's W3C `traceparent`), the GraphQL
 * operation under it, and the SQL statements under that (sql-spans.ts). Written by hand with @opentelemetry/api rather
 * than by auto-instrumentation, whose patching of `http` and `express` through module-loader hooks is fragile under
 * ESM and tsx. Attributes hold names, codes and numbers: never variables, documents, headers, addresses or ids of
 * people. Everything here is installed only when tracing is on (server/app.ts asks `activeTracer()`).
 */

// Semantic-convention attribute names (HTTP and GraphQL spans).
const HTTP_REQUEST_METHOD = "http.request.method";
const HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
const HTTP_ROUTE = "http.route";
const URL_PATH = "url.path";
const URL_SCHEME = "url.scheme";
const GRAPHQL_OPERATION_TYPE = "graphql.operation.type";
const GRAPHQL_OPERATION_NAME = "graphql.operation.name";

/** The server's routes by their first segment: the span's name and http.route stay few, whatever the path holds. */
const ROUTES: Record<string, string> = {
  graphql: "/graphql",
  healthz: "/healthz",
  readyz: "/readyz",
  metrics: "/metrics",
  explorer: "/explorer/*",
  "schema.graphql": "/schema.graphql",
  receipts: "/receipts/*",
  attachments: "/attachments/*",
  webhooks: "/webhooks/*",
};
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Operation names clients choose (as in the metrics): anything else is not recorded. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODE = /^[A-Z_]{1,40}$/;

/** The context of each request's HTTP span, to enter again where Node loses it (body parsing ends in a socket event). */
const requestContexts = new WeakMap<IncomingMessage, OtelContext>();

/**
 * Wraps the server's request listener: each request gets a SERVER span, child of the caller's `traceparent` when it
 * sends one (no header: a new trace), ended when the response is finished or the connection closes.
 */
export function traceHttpRequests(listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const tracer = activeTracer();
    if (!tracer) return listener(req, res);
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const method = METHODS.has(req.method ?? "") ? req.method! : "_OTHER";
    const path = (req.url ?? "/").split("?")[0]!;
    const route = ROUTES[path.split("/")[1] ?? ""];
    const span = tracer.startSpan(
      route ? `${method} ${route}` : method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [HTTP_REQUEST_METHOD]: method,
          // The path without the query string (a GET could carry variables there); ids in paths are random UUIDs.
          [URL_PATH]: path.slice(0, 200),
          [URL_SCHEME]: "http",
          ...(route ? { [HTTP_ROUTE]: route } : {}),
        },
      },
      parent,
    );
    const ctx = trace.setSpan(parent, span);
    requestContexts.set(req, ctx);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (!res.writableFinished) span.setAttribute("error.type", "connection_closed");
      span.end();
    };
    res.once("finish", end);
    res.once("close", end);
    context.with(ctx, () => listener(req, res));
  };
}

/**
 * Express middleware for /graphql, after the body is parsed: enters the request's context again and starts the
 * GraphQL operation's span in it, so that Apollo, the resolvers and their statements run under it. The Apollo plugin
 * below names it once the operation is known.
 */
export function graphqlSpans(): RequestHandler {
  return (req, res, next) => {
    const tracer = activeTracer();
    const parent = requestContexts.get(req);
    if (!tracer || !parent) return next();
    const span = tracer.startSpan("GraphQL Operation", { kind: SpanKind.INTERNAL }, parent);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.end();
    };
    res.once("finish", end);
    res.once("close", end);
    context.with(trace.setSpan(parent, span), next);
  };
}

/** The GraphQL span of the request Apollo is working on: the active span, entered by graphqlSpans(). */
function operationSpan(): Span | undefined {
  return trace.getSpan(context.active());
}

/**
 * Names the GraphQL span `query Me`, `mutation Login`… and records the outcome and the error codes sent (never the
 * document or its variables, which carry NIKs, emails and passwords).
 */
export function graphqlSpanPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const span = operationSpan();
      if (!span) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          const type = operation.operation;
          const name = operationName && OPERATION_NAME.test(operationName) ? operationName : undefined;
          span.updateName(name ? `${type} ${name}` : type);
          span.setAttribute(GRAPHQL_OPERATION_TYPE, type);
          if (name) span.setAttribute(GRAPHQL_OPERATION_NAME, name);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          span.setAttribute("jmo.graphql.outcome", errors?.length ? "error" : "ok");
          if (!errors?.length) return;
          const codes = [...new Set(errors.map((e) => (typeof e.extensions?.code === "string" && ERROR_CODE.test(e.extensions.code) ? e.extensions.code : "OTHER")))];
          span.setAttribute("jmo.graphql.error_codes", codes);
          // Refusals (bad input, not signed in, limits) are answers; an internal error is the server's failure.
          if (codes.includes("INTERNAL_SERVER_ERROR") || codes.includes("OTHER")) span.setStatus({ code: SpanStatusCode.ERROR });
        },
      };
    },
  };
}

/**
 * A query or mutation sent over the WebSocket: a SERVER span of its own (the socket's upgrade request is long gone),
 * named and described like the HTTP one. Subscription events are not traced.
 */
export function traceSocketOperation<T>(operation: OperationDefinitionNode | null | undefined, run: () => T | Promise<T>): T | Promise<T> {
  const tracer = activeTracer();
  if (!tracer) return run();
  const type = operation?.operation ?? "query";
  const name = operation?.name && OPERATION_NAME.test(operation.name.value) ? operation.name.value : undefined;
  const attributes = { [GRAPHQL_OPERATION_TYPE]: type, ...(name ? { [GRAPHQL_OPERATION_NAME]: name } : {}), "jmo.graphql.transport": "websocket" };
  return tracer.startActiveSpan(name ? `${type} ${name}` : type, { kind: SpanKind.SERVER, attributes }, ROOT_CONTEXT, async (span) => {
    try {
      const result = await run();
      const errors = (result as { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | null)?.errors;
      span.setAttribute("jmo.graphql.outcome", errors?.length ? "error" : "ok");
      if (errors?.length) {
        span.setAttribute("jmo.graphql.error_codes", [...new Set(errors.map((e) => (typeof e.extensions?.code === "string" && ERROR_CODE.test(e.extensions.code) ? e.extensions.code : "OTHER")))]);
      }
      return result;
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}
