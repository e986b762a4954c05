import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type Request, type RequestHandler } from "express";
import { execute, subscribe, type ExecutionArgs } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Config } from "../config/environment.ts";
import type { Database } from "../db/database.ts";
import { formatError } from "../common/errors.ts";
import { pickLocale } from "../common/i18n.ts";
import { logger } from "../common/logger.ts";
import { currentRequest, runInRequestScope, type RequestScope } from "../common/request-scope.ts";
import { describeDevice } from "../modules/accounts/device.ts";
import type { AuthInfo } from "../modules/accounts/auth.service.ts";
import { loadWilayah } from "../modules/reference/wilayah.ts";
import type { Context } from "./context.ts";
import { createLoaders } from "./loaders.ts";
import { buildApiSchema } from "./schema.ts";
import { createServices, type Services } from "./services.ts";

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
  // Warm the location index (~0.4 s of CSV parsing) in the background; the first `wilayah` query waits for it.
  loadWilayah().catch((err: unknown) => logger.error({ err }, "wilayah data could not be loaded"));
  await services.events.start();
  // Decides submitted pengkinian data once due; several instances share the work (skip locked).
  services.pengkinian.startWorker(config.pengkinianWorkerIntervalMs);
  // Moves submitted claims step by step (AGENDA → … → SELESAI); instances share the work (skip locked).
  services.klaimWorker.start(config.klaimWorkerIntervalMs);
  const schema = await buildApiSchema(services.events);

  const app = express();
  app.disable("x-powered-by");
  // Off by default: req.ip is the socket's address and X-Forwarded-For is ignored (it could be forged).
  app.set("trust proxy", config.trustProxy);
  const httpServer = createServer(app);

  // graphql-ws on the same path; the token comes in the connection_init payload.
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  type WsExtra = { auth?: AuthInfo | null; locale?: RequestScope["locale"]; device?: string | null; request: Request };
  const wsCleanup = useServer<Record<string, unknown> | undefined, WsExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const extra = ctx.extra;
        extra.locale = pickLocale((params.acceptLanguage as string | undefined) ?? extra.request.headers["accept-language"]);
        extra.device = describeDevice(extra.request.headers["user-agent"]);
        const { auth, authFailure } = await authenticate(services, bearer(params.authorization ?? params.Authorization));
        // A refused token closes the connection with 4403 Forbidden: the client refreshes it and reconnects.
        if (authFailure) return false;
        extra.auth = auth;
        return true;
      },
      context: (ctx): Context => ({
        auth: ctx.extra.auth ?? null,
        authFailure: null,
        // Subscription contexts live as long as the subscription: loaders must not cache across events.
        loaders: createLoaders(database.db, services.saldo, { cache: false }),
        services,
        device: ctx.extra.device ?? null,
        clientAddress: ctx.extra.request.socket.remoteAddress ?? null,
        scope: { requestId: randomUUID(), locale: ctx.extra.locale ?? "id", statements: 0 },
      }),
      execute: (args: ExecutionArgs) => runInRequestScope((args.contextValue as Context).scope, () => execute(args)),
      subscribe: (args: ExecutionArgs) => runInRequestScope((args.contextValue as Context).scope, () => subscribe(args)),
      // Errors leave through the same central mapping as over HTTP: coded, masked, in the caller's language.
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return result;
        const scope = (args.contextValue as Context).scope;
        return runInRequestScope(scope, () => ({
          ...result,
          errors: result.errors!.map((e) => formatError(e.toJSON(), e)),
        })) as unknown as typeof result;
      },
      onError: (ctx, _id, _payload, errors) =>
        runInRequestScope({ requestId: randomUUID(), locale: ctx.extra.locale ?? "id", statements: 0 }, () =>
          errors.map((e) => formatError(e.toJSON(), e)),
        ) as unknown as typeof errors,
    },
    wsServer,
  );

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

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.sandbox,
    csrfPrevention: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
      disposeWebSockets,
      reportStatements,
      config.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
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

  const requestScope: RequestHandler = (req, res, next) => {
    const header = req.headers["x-request-id"];
    const requestId = typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
    const scope: RequestScope = { requestId, locale: pickLocale(req.headers["accept-language"]), statements: 0 };
    res.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const body = req.body as { operationName?: unknown } | undefined;
      logger.info(
        {
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

  app.use(
    "/graphql",
    cors({
      origin: config.corsOrigins === "*" ? true : config.corsOrigins,
      allowedHeaders: ["content-type", "authorization", "accept-language", "apollo-require-preflight", "x-apollo-operation-name", "x-request-id"],
      exposedHeaders: ["x-request-id"],
      maxAge: 600,
    }),
    express.json({ limit: "4mb" }),
    requestScope,
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const scope = currentRequest()!;
        return {
          ...(await authenticate(services, bearer(req.headers.authorization))),
          loaders: createLoaders(database.db, services.saldo),
          services,
          device: describeDevice(req.headers["user-agent"]),
          clientAddress: req.ip ?? null,
          scope,
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
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
        await services.pengkinian.stopWorker();
        await services.klaimWorker.stop();
        wsServer.close();
        await services.events.stop();
      })();
      return stopping;
    },
  };
}
