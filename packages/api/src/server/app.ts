import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type Request, type RequestHandler } from "express";
import { execute, getOperationAST, type ExecutionArgs } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Config } from "../config/environment.ts";
import type { Database } from "../db/database.ts";
import { badUserInput, formatError, unauthenticated } from "../common/errors.ts";
import { pickLocale } from "../common/i18n.ts";
import { logger } from "../common/logger.ts";
import { flatString } from "../common/flat-string.ts";
import { currentRequest, runInRequestScope, type RequestScope } from "../common/request-scope.ts";
import { describeDevice } from "../modules/accounts/device.ts";
import type { AuthInfo } from "../modules/accounts/auth.service.ts";
import type { Context } from "./context.ts";
import { liveSessionIds } from "../modules/accounts/session-events.ts";
import { SocketSessions, WS_CLOSE, type LiveSocket } from "./socket-sessions.ts";
import { createLoaders } from "./loaders.ts";
import { SocketOperationContext } from "./socket-context.ts";
import { subscribeShared } from "./subscribe-shared.ts";
import { buildApiSchema } from "./schema.ts";
import { createServices, type Services } from "./services.ts";
import { controlCharactersError, controlCharactersPlugin } from "./hardening/control-characters.ts";
import { jsonErrorHandler, jsonNotFound } from "./hardening/http-errors.ts";
import { hideSchemaSuggestionsPlugin, withoutSchemaSuggestions } from "./hardening/schema-suggestions.ts";
import { securityHeaders } from "./hardening/security-headers.ts";
import { explorerRoutes } from "./explorer.ts";
import { iuranRoutes } from "../modules/iuran/iuran.http.ts";
import { pengaduanRoutes } from "../modules/pengaduan/pengaduan.http.ts";
import { operationLimitsApollo, operationLimitsMiddleware, prepareOperation } from "./limits/operation-limits.ts";
import { ApiMetrics, metricsRoute, startMetricsServer } from "./metrics.ts";
import { HousekeepingService } from "../modules/housekeeping/housekeeping.service.ts";
import { KLAIM_EVENTS_TOPIC } from "../modules/klaim/klaim-events.ts";
import { ACCOUNT_EVENTS_TOPIC } from "../modules/accounts/auth.service.ts";
import { activeTracer, activeTraceIds } from "../tracing/tracing.ts";
import { graphqlSpanPlugin, graphqlSpans, traceHttpRequests, traceSocketOperation } from "../tracing/http-spans.ts";

export interface RunningServer {
  /** http://host:port/graphql */
  url: string;
  port: number;
  services: Services;
  httpServer: Server;
  /** Stops taking requests, lets running ones finish, closes WebSockets and the event listener. */
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;


function bearer(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return m ? m[1]! : null;
}

/**
 * The caller behind a bearer token. A refused token does not fail the request by itself: fields that need
 * a caller answer UNAUTHENTICATED with the reason (HTTP 401), while login and refreshSession still work.
 */
async function authenticate(services: Services, token: string | null): Promise<Pick<Context, "auth" | "authFailure">> {
  if (!token) return { auth: null, authFailure: null };
  const result = await services.auth.authenticate(token);
  if (result === "expired") return { auth: null, authFailure: "TOKEN_EXPIRED" };
  if (result === "invalid") return { auth: null, authFailure: "TOKEN_INVALID" };
  return { auth: result, authFailure: null };
}

export async function startServer(config: Config, database: Database): Promise<RunningServer> {
  const services = createServices(config, database);
  await services.events.start();
  // Decides submitted pengkinian data once due; several instances share the work (skip locked).
  services.pengkinian.startWorker(config.pengkinianWorkerIntervalMs);
  // Moves submitted claims step by step (AGENDA → … → SELESAI); instances share the work (skip locked).
  services.klaimWorker.start(config.klaimWorkerIntervalMs);
  const schema = await buildApiSchema(services.events);

  const app = express();
  app.disable("x-powered-by");
  // CSP, HSTS (production), nosniff and friends on every response, Apollo's and errors included.
  app.use(securityHeaders(config));
  // Off by default: req.ip is the socket's address and X-Forwarded-For is ignored (it could be forged).
  app.set("trust proxy", config.trustProxy);
  // Traces (tracing/, on with OTEL_EXPORTER_OTLP_ENDPOINT): a span per HTTP request, one per GraphQL operation under it.
  const tracing = activeTracer() !== null;
  const httpServer = createServer(tracing ? traceHttpRequests(app) : app);
  // Idle keep-alive connections outlive the clients' and balancers' own (config: HTTP_KEEP_ALIVE_SECONDS).
  httpServer.keepAliveTimeout = config.httpKeepAliveSeconds * 1000;
  httpServer.headersTimeout = httpServer.keepAliveTimeout + 1000;

  // graphql-ws on the same path; the token comes in the connection_init payload. A message may be as large as an
  // HTTP body (selfies travel base64 in variables); `ws` would otherwise buffer up to 100 MiB.
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: config.limits.maxRequestBytes });
  const sockets = new SocketSessions(
    {
      maxPerAccount: config.ws.maxSocketsPerAccount,
      maxAnonymousPerAddress: config.ws.maxAnonymousSocketsPerAddress,
      sweepIntervalMs: config.ws.sessionSweepSeconds * 1000,
    },
    (ids) => liveSessionIds(database.db, ids),
  );
  sockets.start(services.events);
  const metrics = new ApiMetrics(database, { openSockets: () => wsServer.clients.size });
  // Event-bus lag, for the topics whose rows carry the time of their transaction.
  for (const topic of [KLAIM_EVENTS_TOPIC, ACCOUNT_EVENTS_TOPIC]) services.events.onEvent(topic, (_key, payload) => metrics.eventDelivered(topic, payload));
  type WsExtra = { conn?: LiveSocket; locale?: RequestScope["locale"]; device?: string | null; request: Request; socket: WebSocket };
  // Production shows no schema details over WebSockets either ("Did you mean …?").
  const wsErrorShape = config.env === "production" ? withoutSchemaSuggestions : <E>(e: E) => e;
  // A subscription keeps its scope while it is open: its id flattened (~65 bytes instead of ~490).
  const wsScope = (extra: WsExtra): RequestScope => ({ requestId: flatString(randomUUID()), locale: extra.locale ?? "id", statements: 0 });
  const wsCleanup = useServer<Record<string, unknown> | undefined, WsExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const extra = ctx.extra;
        const request = extra.request;
        // The upgrade request (its headers and raw headers) would otherwise stay in memory as long as the socket.
        (extra as { request?: Request }).request = undefined;
        extra.locale = pickLocale((params.acceptLanguage as string | undefined) ?? request.headers["accept-language"]);
        extra.device = describeDevice(request.headers["user-agent"]);
        const token = bearer(params.authorization ?? params.Authorization);
        const conn: LiveSocket = { socket: extra.socket, address: request.socket.remoteAddress ?? null, token: null, auth: null, inFlight: new Set() };
        if (token) {
          const { auth, authFailure } = await authenticate(services, token);
          // A refused token closes the connection with 4403 Forbidden: the client refreshes it and reconnects.
          if (authFailure || !auth) return false;
          conn.token = token;
          conn.auth = auth;
        }
        if (!sockets.admit(conn)) {
          extra.socket.close(WS_CLOSE.TOO_MANY_CONNECTIONS.code, WS_CLOSE.TOO_MANY_CONNECTIONS.reason);
          return false;
        }
        extra.conn = conn;
        return true;
      },
      // A fresh access token without reconnecting: a graphql-ws ping whose payload is `{ authorization: "Bearer …" }`.
      // It must belong to the same account (the socket's subscriptions were authorised for it); a refused one closes.
      onPing: async (ctx, payload) => {
        const conn = ctx.extra.conn;
        const token = bearer(payload?.authorization);
        if (!conn || !token) return;
        const result = await runInRequestScope(wsScope(ctx.extra), () => services.auth.authenticate(token));
        if (typeof result === "string" || (conn.auth && conn.auth.accountId !== result.accountId)) {
          sockets.close(conn, result === "expired" ? WS_CLOSE.TOKEN_EXPIRED : WS_CLOSE.SESSION_ENDED);
          return;
        }
        sockets.update(conn, token, result);
      },
      onSubscribe: async (ctx, id, payload) => {
        const conn = ctx.extra.conn!;
        const scope = wsScope(ctx.extra);
        return runInRequestScope(scope, async () => {
          // The session has ended: the socket closes as soon as what already runs has answered.
          if (conn.ending) return [unauthenticated("TOKEN_INVALID")];
          // graphql-ws has already registered this operation: more than the limit in flight is refused.
          if (Object.keys(ctx.subscriptions).length > config.ws.maxOperationsPerSocket) {
            return [badUserInput("TOO_MANY_OPERATIONS")];
          }
          // The session is read again for every operation, as for every HTTP request (one statement): an operation
          // after a logout, a password reset, a block or the token's expiry is refused and the socket closed.
          let auth: AuthInfo | null = null;
          const token = conn.token;
          if (token) {
            const result = await services.auth.authenticate(token);
            if (typeof result === "string") {
              const close = result === "expired" ? WS_CLOSE.TOKEN_EXPIRED : WS_CLOSE.SESSION_ENDED;
              // After the error has been sent (graphql-ws sends it once this returns).
              setImmediate(() => sockets.close(conn, close));
              return [unauthenticated(result === "expired" ? "TOKEN_EXPIRED" : "TOKEN_INVALID")];
            }
            auth = result;
            // Unless a ping brought a fresher token meanwhile.
            if (conn.token === token) sockets.update(conn, token, result);
          }
          // Size, trust, tokens, aliases, depth, directives and cost: the same checks and codes as over HTTP.
          const prepared = prepareOperation(schema, payload, config.limits, { introspection: config.sandbox });
          if ("errors" in prepared) return prepared.errors;
          // The same refusal as over HTTP: no C0 control characters in any string the operation carries.
          const refused = controlCharactersError(prepared.document, payload.variables);
          if (refused) return [refused];
          if (getOperationAST(prepared.document, payload.operationName)?.operation !== "subscription") conn.inFlight.add(id);
          else metrics.subscriptionOpened(conn, id);
          const contextValue = new SocketOperationContext(auth, services, ctx.extra.device ?? null, conn.address, scope);
          return {
            schema,
            document: prepared.document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue,
          };
        });
      },
      onComplete: (ctx, id) => {
        if (ctx.extra.conn) sockets.answered(ctx.extra.conn, id);
        if (ctx.extra.conn) metrics.subscriptionClosed(ctx.extra.conn, id);
      },
      onClose: (ctx) => {
        if (ctx.extra.conn) sockets.remove(ctx.extra.conn);
        if (ctx.extra.conn) metrics.socketClosed(ctx.extra.conn);
      },
      execute: (args: ExecutionArgs) =>
        runInRequestScope((args.contextValue as Context).scope, () =>
          tracing ? traceSocketOperation(getOperationAST(args.document, args.operationName), () => execute(args)) : execute(args),
        ),
      // An event that every subscriber of a claim gets alike is executed once per instance, not once per subscriber.
      subscribe: (args: ExecutionArgs) => {
        const { auth, scope } = args.contextValue as Context;
        return runInRequestScope(scope, () => subscribeShared(args, `${auth?.role ?? ""}:${auth?.participantId ?? ""}:${scope.locale}`));
      },
      // Errors leave through the same central mapping as over HTTP: coded, masked, in the caller's language.
      onNext: (_ctx, _id, payload, args, result) => {
        if (!result.errors?.length) return result;
        const scope = (args.contextValue as Context).scope;
        const errors = runInRequestScope(scope, () => result.errors!.map((e) => wsErrorShape(formatError(e.toJSON(), e))));
        metrics.countErrors(errors, payload.operationName);
        return { ...result, errors } as unknown as typeof result;
      },
      onError: (ctx, _id, payload, errors) => {
        const shaped = runInRequestScope(wsScope(ctx.extra), () => errors.map((e) => wsErrorShape(formatError(e.toJSON(), e))));
        metrics.countErrors(shaped, payload.operationName);
        return shaped as unknown as typeof errors;
      },
    },
    wsServer,
  );

  // A socket error (a message over maxPayload: ws closes with 1009) would make graphql-ws print a stack trace to
  // stderr for every such message: one quiet log line instead. Registered after useServer's own listener.
  wsServer.on("connection", (socket) => {
    socket.removeAllListeners("error");
    socket.on("error", (err: Error & { code?: string }) => {
      logger.info({ code: err.code, reason: err.name }, "websocket refused a message");
    });
  });

  const disposeWebSockets: ApolloServerPlugin<Context> = {
    async serverWillStart() {
      return {
        async drainServer() {
          await wsCleanup.dispose();
        },
      };
    },
  };
  const reportStatements: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              requestId: contextValue.scope.requestId,
              ...(config.env !== "production" ? { sqlStatements: contextValue.scope.statements } : {}),
            };
          }
        },
      };
    },
  };

  // Size, tokens, aliases, depth, directives and cost, before execution (limits/operation-limits.ts).
  const limits = operationLimitsApollo(config.limits, { production: config.env === "production" });
  const apollo = new ApolloServer<Context>({
    schema,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    introspection: config.sandbox,
    csrfPrevention: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Production hides the schema: no "Did you mean …?" in validation errors (the plugin below does the rest).
    hideSchemaDetailsFromClientErrors: config.env === "production",
    stopOnTerminationSignals: false,
    plugins: [
      // No HTTP caching of personal data, and its per-field hook wrapped every resolver (a few % of a home query).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
      disposeWebSockets,
      reportStatements,
      metrics.apolloPlugin(),
      controlCharactersPlugin,
      limits.plugin,
      ...(tracing ? [graphqlSpanPlugin<Context>()] : []),
      ...(config.env === "production" ? [hideSchemaSuggestionsPlugin] : []),
      // A browser's GET /graphql gets the landing page of server/explorer.ts (Sandbox, with an offline fallback).
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await database.ping();
      res.json({ status: "ready", database: database.kind });
    } catch (err) {
      logger.warn({ err }, "readiness check failed");
      res.status(503).json({ status: "unavailable", database: database.kind });
    }
  });

  // Prometheus metrics: with METRICS_TOKEN only, or on METRICS_PORT (server/metrics.ts).
  app.use(metricsRoute(metrics, config.metrics));
  // Outside production: the landing page, the local explorer (/explorer/) and the SDL (/schema.graphql).
  app.use(explorerRoutes(config, schema));

  const requestScope: RequestHandler = (req, res, next) => {
    const header = req.headers["x-request-id"];
    const requestId = typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
    const scope: RequestScope = { requestId, locale: pickLocale(req.headers["accept-language"]), statements: 0 };
    res.setHeader("x-request-id", requestId);
    // Answers carry personal data: no browser, proxy or CDN may keep them.
    res.setHeader("cache-control", "no-store");
    const started = process.hrtime.bigint();
    // Taken now: the response's "finish" event does not run in the request's trace context.
    const traceIds = activeTraceIds();
    res.on("finish", () => {
      const body = req.body as { operationName?: unknown } | undefined;
      logger.info(
        {
          ...traceIds,
          requestId,
          method: req.method,
          path: req.originalUrl.split("?")[0],
          status: res.statusCode,
          operation: typeof body?.operationName === "string" ? body.operationName.slice(0, 100) : undefined,
          statements: scope.statements,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        "request",
      );
    });
    // Entered after the body is parsed, so that everything downstream runs inside this request's scope.
    runInRequestScope(scope, next);
  };

  const corsOptions = {
    origin: config.corsOrigins === "*" ? true : config.corsOrigins,
    allowedHeaders: ["content-type", "authorization", "accept-language", "apollo-require-preflight", "x-apollo-operation-name", "x-request-id"],
    exposedHeaders: ["x-request-id"],
    maxAge: 600,
  };
  app.use(
    "/graphql",
    cors(corsOptions),
    express.json({ limit: config.limits.maxRequestBytes }),
    ...(tracing ? [graphqlSpans()] : []),
    requestScope,
    metrics.httpMiddleware(),
    operationLimitsMiddleware(config.limits, { production: config.env === "production" }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const scope = currentRequest()!;
        return {
          ...(await authenticate(services, bearer(req.headers.authorization))),
          loaders: createLoaders(database, services.saldo),
          services,
          device: describeDevice(req.headers["user-agent"]),
          clientAddress: req.ip ?? null,
          scope,
        };
      },
    }),
  );
  // Iuran BPU: the payment providers' signed callbacks and the receipts' PDF. A web app on another origin fetches the
  // PDF with its bearer token, so the receipts answer the same CORS as /graphql (the webhooks come from servers: none).
  app.use("/receipts", cors(corsOptions));
  app.use(iuranRoutes({ iuran: services.iuran, authenticate: async (token) => (await authenticate(services, token)).auth }));
  // Pengaduan attachments: for the ticket's owner and staff, fetched with the bearer token (same CORS as /graphql).
  app.use("/attachments", cors(corsOptions));
  app.use(pengaduanRoutes({ pengaduan: services.pengaduan, authenticate: async (token) => (await authenticate(services, token)).auth }));
  // JSON, never Express's HTML pages: unknown paths, malformed or oversized bodies, anything thrown.
  app.use(jsonNotFound);
  app.use(jsonErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const metricsServer = config.metrics.port !== null ? await startMetricsServer(metrics, config.host, config.metrics.port, config.metrics.token) : null;
  if (services.sandboxGateway) services.sandboxGateway.callbackUrl = `http://127.0.0.1:${port}/webhooks/payments/sandbox`;
  // Expires unpaid payment codes (asking the provider) and runs the daily protection job; instances share the work.
  services.iuran.startJobs(config.klaimWorkerIntervalMs > 0 ? 60_000 : 0);
  // Deletes notifications past the retention rule, hourly; off in tests (they call applyRetention).
  services.notifications.startJobs(config.klaimWorkerIntervalMs > 0 ? 3_600_000 : 0);
  // Branch bookings: day-ahead reminders and expiry of unmarked past bookings, every 5 minutes; off in tests (runJobs).
  services.antrean.startJobs(config.klaimWorkerIntervalMs > 0 ? 300_000 : 0);
  // Deletes what the retention has let go (docs/configuration.md, Housekeeping); one instance at a time (advisory lock).
  const housekeeping = new HousekeepingService(database, config.housekeeping);
  housekeeping.start(config.housekeeping.intervalMinutes);
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    services,
    httpServer,
    stop() {
      stopping ??= (async () => {
        await apollo.stop();
        await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
        await services.pengkinian.stopWorker();
        await services.klaimWorker.stop();
        await services.iuran.stopJobs();
        await services.notifications.stopJobs();
        await services.antrean.stopJobs();
        await housekeeping.stop();
        await services.selfieDecoder.close();
        sockets.stop();
        wsServer.close();
        await services.events.stop();
      })();
      return stopping;
    },
  };
}
