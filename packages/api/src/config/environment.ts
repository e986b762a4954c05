import { z } from "zod";

/** A development-only secret; production refuses to start with it. */
export const DEV_TOKEN_SECRET = "jmo-dev-only-secret-change-me-0123456789abcdef";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    // Behind a pooler in transaction mode (docs/deployment.md, PgBouncer): a direct connection for LISTEN and the
    // migrations (unset: DATABASE_URL), no named prepared statements, and the pool size of each process.
    DATABASE_LISTEN_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    DATABASE_PREPARE: z.enum(["true", "false"]).default("true"),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
    DATA_DIR: z.string().min(1).default(".data/pglite"),
    TOKEN_SECRET: z.string().min(32, "must be at least 32 characters").default(DEV_TOKEN_SECRET),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    // Lifetime of the device token given at sign-in (a verified device keeps signing in while its identifier is locked).
    DEVICE_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(730).default(180),
    DIGITAL_CARD_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    // Unset: 10 s (0 in tests, which then decide at once with decideDue()).
    PENGKINIAN_VERIFY_DELAY_SECONDS: z.coerce.number().int().min(0).max(7 * 24 * 3600).optional(),
    // How often the decision worker looks for due submissions; 0 turns it off. Unset: 1000 (0 in tests).
    PENGKINIAN_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
    // Seconds between two steps of a submitted klaim (AGENDA → … → SELESAI). Unset: 5 (0 in tests).
    KLAIM_STEP_DELAY_SECONDS: z.coerce.number().int().min(0).max(7 * 24 * 3600).optional(),
    // How often the klaim worker looks for due claims; 0 turns the in-server worker off. Unset: 1000 (0 in tests).
    KLAIM_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
    // WebSockets (README, Security): sockets per account and per anonymous address on one instance, operations in
    // flight per socket, and how often the sessions of open sockets are checked again (0: only by events).
    WS_MAX_SOCKETS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
    WS_MAX_ANONYMOUS_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
    WS_MAX_OPERATIONS_PER_SOCKET: z.coerce.number().int().min(1).max(1000).default(20),
    WS_SESSION_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    // How long an idle HTTP keep-alive connection stays open. Longer than any client or load balancer keeps one (undici
    // 4 s, browsers ~60 s, cloud balancers 60 s): otherwise a client can send a request on a connection the server is
    // closing at that moment and get ECONNRESET (seen in the test suite under load with Node's 5 s default).
    HTTP_KEEP_ALIVE_SECONDS: z.coerce.number().int().min(1).max(3600).default(65),
    // Selfies over this many million pixels are refused (SELFIE_TOO_LARGE) before decoding: 13 takes every phone's
    // front camera (≤ 12.53 MP); each megapixel costs up to ~35 MB in a decode thread, hence at most 24.
    SELFIE_MAX_MEGAPIXELS: z.coerce.number().min(1).max(24).default(13),
    // Operation limits (README, Security; server/limits/): refused before execution with BAD_USER_INPUT and a detail.
    // Largest request: an HTTP JSON body and a WebSocket message alike (selfies travel base64 in variables).
    MAX_REQUEST_BYTES: z.coerce.number().int().min(65_536).max(104_857_600).default(4_194_304),
    // Largest GraphQL document (the query text, not its variables), checked before parsing.
    MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1_000).max(104_857_600).default(100_000),
    // Most tokens in a document (graphql's parse option maxTokens; it also bounds graphql's validation, whose check of
    // repeated fields grows with the square of their number), most aliases, nesting depth and directives in one
    // operation, and the most an operation may cost (server/limits/operation-costs.ts). The SDK's largest operations use
    // 147 tokens, no alias, depth 6, no directive and cost 606 (Klaims with first: 100).
    MAX_TOKENS: z.coerce.number().int().min(100).max(100_000_000).default(1_000),
    MAX_ALIASES: z.coerce.number().int().min(0).max(100_000_000).default(15),
    MAX_DEPTH: z.coerce.number().int().min(3).max(100_000).default(12),
    MAX_DIRECTIVES: z.coerce.number().int().min(0).max(100_000_000).default(50),
    MAX_COST: z.coerce.number().int().min(10).max(1_000_000_000).default(2_000),
    // sdk: accept only the documents of the SDK (by their sha256), for deployments whose only clients use the SDK.
    TRUSTED_DOCUMENTS: z.enum(["off", "sdk"]).default("off"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    CORS_ORIGINS: z.string().optional(),
    SEED_PARTICIPANTS: z.coerce.number().int().min(0).max(1_000_000).default(300),
    // Whether the demo accounts (public password) may be seeded: the embedded database's first start, `pnpm db:seed`.
    // Unset: yes outside production, no in production (unsafe there: anyone can sign in with them).
    SEED_DEMO_ACCOUNTS: z.enum(["true", "false"]).optional(),
    // Prometheus metrics: a port of their own (unset: none), or /metrics on the main port with this bearer token
    // (unset: /metrics answers 404 there). On METRICS_PORT the token, when set, is asked as well.
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    // Housekeeping (modules/housekeeping/): minutes between runs, 0 off (unset: 60, 0 in tests), and retention days.
    HOUSEKEEPING_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).optional(),
    SESSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
    EPHEMERAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    // Express "trust proxy": false (default), true, a hop count, or comma-separated addresses/subnets of the proxies.
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/,\s]+|loopback|linklocal|uniquelocal)$/, "must be true, false, a hop count or proxy addresses")
      .optional(),
    // Traces (tracing/): OpenTelemetry over OTLP/HTTP (JSON) to this collector, off when unset (the SDK is then never
    // loaded). The traces go to <endpoint>/v1/traces, or to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it is.
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().regex(/^https?:\/\//, "must be an http:// or https:// URL").optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().regex(/^https?:\/\//, "must be an http:// or https:// URL").optional(),
    OTEL_SERVICE_NAME: z.string().min(1).max(100).optional(),
    OTEL_TRACES_SAMPLER: z
      .enum(["parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio", "always_on", "always_off", "traceidratio"])
      .default("parentbased_always_on"),
    OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_LISTEN_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_LISTEN_URL"], message: "needs DATABASE_URL (the embedded database has no pooler)" });
    }
    if (env.NODE_ENV === "production" && env.TOKEN_SECRET === DEV_TOKEN_SECRET) {
      ctx.addIssue({ code: "custom", path: ["TOKEN_SECRET"], message: "must be set to a secret of your own in production" });
    }
  });

export interface Config {
  env: "development" | "test" | "production";
  host: string;
  port: number;
  /** PostgreSQL when set; otherwise the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  /** PostgreSQL: a direct connection for LISTEN and migrations (DATABASE_URL may go through a pooler), named prepared statements, pool size. */
  database: { listenUrl: string | undefined; prepare: boolean; poolMax: number };
  dataDir: string;
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Lifetime of device tokens (login's deviceToken): how long a device stays verified without signing in. */
  deviceTokenTtlDays: number;
  /** Lifetime of the verification token in a digital card's QR code. */
  digitalCardTtlHours: number;
  /** Seconds between a pengkinian submission and the verifier's decision. */
  pengkinianVerifyDelaySeconds: number;
  /** Poll interval of the in-server worker that decides due pengkinian submissions; 0: off. */
  pengkinianWorkerIntervalMs: number;
  /** Seconds between two processing steps of a submitted klaim. */
  klaimStepDelaySeconds: number;
  /** Poll interval of the klaim worker (in the server and in `pnpm worker`); 0: off in the server. */
  klaimWorkerIntervalMs: number;
  logLevel: string;
  /** Largest selfie in megapixels (width × height / 10⁶), checked from its header before any decoding. */
  selfieMaxMegapixels: number;
  /** Limits on requests and operations, checked before execution (server/limits/operation-limits.ts). */
  limits: {
    maxRequestBytes: number;
    maxDocumentBytes: number;
    maxTokens: number;
    maxAliases: number;
    maxDepth: number;
    maxDirectives: number;
    maxCost: number;
    trustedDocuments: "off" | "sdk";
  };
  /** Idle keep-alive connections are closed after this long (seconds); headers must arrive within it + 1 s. */
  httpKeepAliveSeconds: number;
  /** Limits and session checks of WebSockets (socket-sessions.ts). */
  ws: { maxSocketsPerAccount: number; maxAnonymousSocketsPerAddress: number; maxOperationsPerSocket: number; sessionSweepSeconds: number };
  /** Origins browsers may call from; `*` allows any (the default outside production). */
  corsOrigins: string[] | "*";
  seedParticipants: number;
  /** Demo accounts (public password) may be seeded: first start of the embedded database, `pnpm db:seed`. */
  seedDemoAccounts: boolean;
  /** Apollo Sandbox landing page and introspection. */
  sandbox: boolean;
  /** Prometheus metrics: their own port (null: none) and the bearer token /metrics asks for (null: 404 on the main port). */
  metrics: { port: number | null; token: string | null };
  /** Scheduled cleanup (modules/housekeeping/): interval in minutes (0 off) and retention in days. */
  housekeeping: { intervalMinutes: number; sessionRetentionDays: number; outboxRetentionDays: number; ephemeralRetentionDays: number };
  /** Express "trust proxy": whether (and which) X-Forwarded-For hops give the client address for rate limits. */
  trustProxy: boolean | number | string;
  /** OpenTelemetry traces (tracing/): null when no OTLP endpoint is set, and then nothing of the SDK is loaded. */
  tracing: TracingConfig | null;
}

export interface TracingConfig {
  /** Where spans are POSTed (OTLP/HTTP, JSON): OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
  tracesUrl: string;
  /** OTEL_SERVICE_NAME; unset: the process's own default (jmo-api, jmo-worker). */
  serviceName: string | undefined;
  sampler: "parentbased_always_on" | "parentbased_always_off" | "parentbased_traceidratio" | "always_on" | "always_off" | "traceidratio";
  /** The ratio of the *traceidratio samplers (OTEL_TRACES_SAMPLER_ARG, default 1). */
  ratio: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The one place that reads the environment. Throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(blankAsUnset);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    database: { listenUrl: e.DATABASE_LISTEN_URL, prepare: e.DATABASE_PREPARE === "true", poolMax: e.DATABASE_POOL_MAX },
    dataDir: e.DATA_DIR,
    tokenSecret: e.TOKEN_SECRET,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    deviceTokenTtlDays: e.DEVICE_TOKEN_TTL_DAYS,
    digitalCardTtlHours: e.DIGITAL_CARD_TTL_HOURS,
    pengkinianVerifyDelaySeconds: e.PENGKINIAN_VERIFY_DELAY_SECONDS ?? (e.NODE_ENV === "test" ? 0 : 10),
    pengkinianWorkerIntervalMs: e.PENGKINIAN_WORKER_INTERVAL_MS ?? (e.NODE_ENV === "test" ? 0 : 1000),
    klaimStepDelaySeconds: e.KLAIM_STEP_DELAY_SECONDS ?? (e.NODE_ENV === "test" ? 0 : 5),
    klaimWorkerIntervalMs: e.KLAIM_WORKER_INTERVAL_MS ?? (e.NODE_ENV === "test" ? 0 : 1000),
    ws: {
      maxSocketsPerAccount: e.WS_MAX_SOCKETS_PER_ACCOUNT,
      maxAnonymousSocketsPerAddress: e.WS_MAX_ANONYMOUS_SOCKETS_PER_ADDRESS,
      maxOperationsPerSocket: e.WS_MAX_OPERATIONS_PER_SOCKET,
      sessionSweepSeconds: e.WS_SESSION_SWEEP_SECONDS,
    },
    httpKeepAliveSeconds: e.HTTP_KEEP_ALIVE_SECONDS,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    selfieMaxMegapixels: e.SELFIE_MAX_MEGAPIXELS,
    limits: {
      maxRequestBytes: e.MAX_REQUEST_BYTES,
      maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
      maxTokens: e.MAX_TOKENS,
      maxAliases: e.MAX_ALIASES,
      maxDepth: e.MAX_DEPTH,
      maxDirectives: e.MAX_DIRECTIVES,
      maxCost: e.MAX_COST,
      trustedDocuments: e.TRUSTED_DOCUMENTS,
    },
    corsOrigins: e.CORS_ORIGINS
      ? e.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean)
      : production
        ? []
        : "*",
    seedParticipants: e.SEED_PARTICIPANTS,
    seedDemoAccounts: e.SEED_DEMO_ACCOUNTS ? e.SEED_DEMO_ACCOUNTS === "true" : !production,
    sandbox: !production,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    metrics: { port: e.METRICS_PORT ?? null, token: e.METRICS_TOKEN ?? null },
    housekeeping: {
      intervalMinutes: e.HOUSEKEEPING_INTERVAL_MINUTES ?? (e.NODE_ENV === "test" ? 0 : 60),
      sessionRetentionDays: e.SESSION_RETENTION_DAYS,
      outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
      ephemeralRetentionDays: e.EPHEMERAL_RETENTION_DAYS,
    },
    tracing: tracingConfig(e),
  };
}

function tracingConfig(e: z.infer<typeof schema>): TracingConfig | null {
  const base = e.OTEL_EXPORTER_OTLP_ENDPOINT;
  const tracesUrl = e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base.replace(/\/+$/, "")}/v1/traces` : undefined);
  if (!tracesUrl) return null;
  return { tracesUrl, serviceName: e.OTEL_SERVICE_NAME, sampler: e.OTEL_TRACES_SAMPLER, ratio: e.OTEL_TRACES_SAMPLER_ARG ?? 1 };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** For entry points (server, worker, scripts): the config, or a message naming every bad variable and exit 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
