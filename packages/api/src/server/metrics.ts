import { timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { sql, type SQL } from "drizzle-orm";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Database } from "../db/database.ts";
import { rowsOf } from "../db/database.ts";
import { currentRequest, type RequestScope } from "../common/request-scope.ts";
import { logger } from "../common/logger.ts";
import { WORKER_STATUSES } from "../modules/klaim/klaim-processing.repository.ts";

/** Operation names clients choose: anything else, and names past the cap, count as "other" (bounded series). */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_NAMES = 300;

/** Prometheus metrics of one API instance. Labels carry operation names and codes only, never personal data. */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly seenOperations = new Set<string>();
  private readonly scopeErrors = new WeakMap<RequestScope, boolean>();
  // The operation's name as Apollo resolved it (from the document when the body names none).
  private readonly scopeOperations = new WeakMap<RequestScope, string | null>();
  private readonly subscriptions = new Map<object, Set<string>>();

  private readonly requests = new Counter({
    name: "jmo_graphql_requests_total",
    help: "GraphQL HTTP requests by operation name and outcome (ok, error).",
    labelNames: ["operation", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: "jmo_graphql_request_duration_seconds",
    help: "Duration of GraphQL HTTP requests, from the parsed body to the last byte.",
    labelNames: ["operation", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly statements = new Histogram({
    name: "jmo_graphql_sql_statements",
    help: "SQL statements issued by one GraphQL HTTP request, by operation name.",
    labelNames: ["operation"] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: "jmo_graphql_errors_total",
    help: "GraphQL errors sent (HTTP and WebSocket) by extensions.code.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: "jmo_rate_limit_refusals_total",
    help: "Operations refused with RATE_LIMITED, by operation name.",
    labelNames: ["operation"] as const,
    registers: [this.registry],
  });
  private readonly eventLag = new Histogram({
    name: "jmo_event_delivery_lag_seconds",
    help: "From an event row's timestamp (set in its transaction) to its delivery on this instance, by topic.",
    labelNames: ["topic"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor(
    private readonly database: Database,
    options: { openSockets: () => number },
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: "jmo_" });
    const registry = this.registry;
    new Gauge({ name: "jmo_websocket_open", help: "Open WebSocket connections on this instance.", registers: [registry], collect() {
      this.set(options.openSockets());
    } });
    const subscriptions = this.subscriptions;
    new Gauge({ name: "jmo_graphql_subscriptions_open", help: "GraphQL subscriptions open on this instance.", registers: [registry], collect() {
      let n = 0;
      for (const ids of subscriptions.values()) n += ids.size;
      this.set(n);
    } });
    // Sampled on scrape, one statement each (outside any request scope: not counted as a request's statement). The
    // registry reads its metrics concurrently: each gauge awaits the scrape's one sample in its own collect, since a
    // value set from another metric's collect would only show at the next scrape.
    const queues = oncePerScrape(async () => {
      try {
        return rowsOf<Record<string, unknown>>(await database.db.execute(QUEUES))[0] ?? {};
      } catch (err) {
        logger.warn({ err }, "metrics: work queues could not be read");
        return null;
      }
    });
    const QUEUE_NAMES = ["klaim", "pengkinian", "bpu_payment_expired"] as const;
    const perQueue = (column: "due" | "oldest") =>
      async function (this: Gauge<"queue">) {
        const row = await queues();
        this.reset();
        if (row) for (const name of QUEUE_NAMES) this.set({ queue: name }, Number(row[`${name}_${column}`] ?? 0));
      };
    new Gauge({ name: "jmo_work_queue_due", help: "Work due now, by queue (klaim steps, pengkinian decisions, BPU payments open past expiry).", labelNames: ["queue"] as const, registers: [registry], collect: perQueue("due") });
    new Gauge({ name: "jmo_work_queue_oldest_due_seconds", help: "How long the oldest due item of a queue has waited.", labelNames: ["queue"] as const, registers: [registry], collect: perQueue("oldest") });
    new Gauge({ name: "jmo_metrics_queue_sample_ok", help: "1 when the last scrape could read the work queues.", registers: [registry], collect: async function (this: Gauge) {
      this.set((await queues()) ? 1 : 0);
    } });
    // The pool as PostgreSQL sees it (db/database.ts poolUse); nothing on the embedded database.
    const pool = oncePerScrape(async () => {
      try {
        return await database.poolUse();
      } catch (err) {
        logger.warn({ err }, "metrics: the pool's connections could not be read");
        return null;
      }
    });
    new Gauge({ name: "jmo_db_pool_max", help: "Connections this process's PostgreSQL pool may open (DATABASE_POOL_MAX).", registers: [registry], collect: async function (this: Gauge) {
      const use = await pool();
      this.reset();
      if (use) this.set(use.max);
    } });
    new Gauge({ name: "jmo_db_pool_connections", help: "This process's pool connections open on PostgreSQL, by state (active, idle, idle in transaction…), from pg_stat_activity.", labelNames: ["state"] as const, registers: [registry], collect: async function (this: Gauge<"state">) {
      const use = await pool();
      this.reset();
      if (!use) return;
      for (const state of ["active", "idle", "idle in transaction"]) this.set({ state }, use.connections[state] ?? 0);
      for (const [state, n] of Object.entries(use.connections)) this.set({ state }, n);
    } });
  }

  /** The label of an operation name: itself when it looks like an identifier and the cap is not reached, else "other". */
  operationLabel(name: unknown): string {
    if (typeof name !== "string" || !OPERATION_NAME.test(name)) return "other";
    if (this.seenOperations.has(name)) return name;
    if (this.seenOperations.size >= MAX_OPERATION_NAMES) return "other";
    this.seenOperations.add(name);
    return name;
  }

  /** Express middleware inside the request scope of /graphql: requests, duration and statements per operation. */
  httpMiddleware(): RequestHandler {
    return (req, res, next) => {
      const scope = currentRequest();
      const started = process.hrtime.bigint();
      res.on("finish", () => {
        const resolved = scope ? this.scopeOperations.get(scope) : undefined;
        const operation = this.operationLabel(resolved ?? (req.body as { operationName?: unknown } | undefined)?.operationName);
        const failed = res.statusCode >= 400 || (scope ? this.scopeErrors.get(scope) === true : false);
        const outcome = failed ? "error" : "ok";
        this.requests.inc({ operation, outcome });
        this.duration.observe({ operation, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
        if (scope) this.statements.observe({ operation }, scope.statements);
      });
      next();
    };
  }

  /** Apollo plugin: errors by code and rate-limit refusals (the HTTP outcome is set from it). */
  apolloPlugin<C extends { scope: RequestScope }>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ operationName, contextValue }) => {
          if (contextValue?.scope) this.scopeOperations.set(contextValue.scope, operationName);
        },
        willSendResponse: async ({ response, contextValue, request, operationName }) => {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length) return;
          if (contextValue?.scope) this.scopeErrors.set(contextValue.scope, true);
          this.countErrors(errors, operationName ?? request.operationName);
        },
      }),
    };
  }

  countErrors(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }>, operationName: unknown): void {
    for (const e of errors) {
      const code = typeof e.extensions?.code === "string" && /^[A-Z_]{1,40}$/.test(e.extensions.code) ? e.extensions.code : "OTHER";
      this.errors.inc({ code });
      if (code === "RATE_LIMITED") this.rateLimited.inc({ operation: this.operationLabel(operationName) });
    }
  }

  subscriptionOpened(socket: object, id: string): void {
    let ids = this.subscriptions.get(socket);
    if (!ids) this.subscriptions.set(socket, (ids = new Set()));
    ids.add(id);
  }

  subscriptionClosed(socket: object, id: string): void {
    this.subscriptions.get(socket)?.delete(id);
  }

  socketClosed(socket: object): void {
    this.subscriptions.delete(socket);
  }

  /** An event reached this instance: its lag from the row's `at` / `createdAt`, when it carries one. */
  eventDelivered(topic: string, payload: unknown): void {
    const p = payload as { at?: unknown; createdAt?: unknown } | null;
    const stamp = p?.at ?? p?.createdAt;
    const at = stamp instanceof Date ? stamp.getTime() : typeof stamp === "string" ? Date.parse(stamp) : NaN;
    if (Number.isFinite(at)) this.eventLag.observe({ topic }, Math.max(0, (Date.now() - at) / 1000));
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }
}

/** One call of `sample` shared by every caller until it settles: the metrics of one scrape read one sample. */
function oncePerScrape<T>(sample: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= sample().finally(() => (pending = undefined)));
}

/** Due items and the oldest one's wait, per queue: one aggregate (one index scan) per table. */
const dueAndOldest = (prefix: string, table: string, column: string, where: SQL) =>
  sql`(select count(*) as ${sql.identifier(`${prefix}_due`)}, coalesce(extract(epoch from now() - min(${sql.identifier(column)})), 0) as ${sql.identifier(`${prefix}_oldest`)}
    from ${sql.identifier(table)} where ${where} and ${sql.identifier(column)} <= now())`;
const QUEUES = sql`select * from
  ${dueAndOldest("klaim", "klaims", "next_action_at", sql`status in (${sql.join(WORKER_STATUSES.map((s) => sql`${s}`), sql`, `)}) and not on_hold`)} k,
  ${dueAndOldest("pengkinian", "pengkinian", "decide_after", sql`status = 'DIAJUKAN'`)} p,
  ${dueAndOldest("bpu_payment_expired", "bpu_payments", "expires_at", sql`status = 'OPEN'`)} b`;

/** `Authorization: Bearer <token>` compared in constant time. */
function hasToken(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? "");
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/metrics` on the main port: only with METRICS_TOKEN as a bearer token (401 otherwise); 404 when no token is
 * configured or when the metrics have a port of their own, so the path tells nothing.
 */
export function metricsRoute(metrics: ApiMetrics, options: { token: string | null; port: number | null }): RequestHandler {
  return (req, res, next) => {
    if (req.path !== "/metrics" || req.method !== "GET") return next();
    if (options.port !== null || !options.token) return next();
    if (!hasToken(req.headers.authorization, options.token)) {
      res.status(401).setHeader("www-authenticate", "Bearer").json({ error: "unauthorized" });
      return;
    }
    void metrics.render().then(
      (text) => res.type(metrics.registry.contentType).send(text),
      (err: unknown) => next(err),
    );
  };
}

/** A server of its own for the metrics (METRICS_PORT), reachable only where the operator exposes that port. */
export async function startMetricsServer(metrics: ApiMetrics, host: string, port: number, token: string | null): Promise<Server> {
  const server = createServer((req, res) => {
    if ((req.url ?? "").split("?")[0] !== "/metrics" || req.method !== "GET") {
      res.writeHead(404).end();
      return;
    }
    if (token && !hasToken(req.headers.authorization, token)) {
      res.writeHead(401, { "www-authenticate": "Bearer" }).end();
      return;
    }
    metrics.render().then(
      (text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  logger.info({ port: (server.address() as AddressInfo).port }, "metrics served on their own port");
  return server;
}
