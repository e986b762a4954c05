import { context, isSpanContextValid, SpanStatusCode, trace, type Attributes, type Span, type SpanKind, type Tracer } from "@opentelemetry/api";
import type { Config } from "../config/environment.ts";

/**
 * Traces (OpenTelemetry), the light half: what the server, the database and the logger call on every request. Only
 * @opentelemetry/api is loaded here; the SDK and the exporter (sdk.ts) are imported by startTracing, and only when an
 * OTLP endpoint is configured. Until then `tracer` is null and every helper below runs its function as it is.
 */
let tracer: Tracer | null = null;

export interface Tracing {
  /** Sends the spans that have ended and are still queued (tests; shutdown does it too). */
  flush(): Promise<void>;
  /** Flushes, stops the exporter and unregisters the SDK. */
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK when the configuration names an OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT); returns
 * null, having loaded nothing of the SDK, when it does not. Call once per process, before the server starts.
 */
export async function startTracing(config: Pick<Config, "tracing" | "env">, defaultServiceName: string): Promise<Tracing | null> {
  if (!config.tracing) return null;
  const { startSdk } = await import("./sdk.ts");
  const sdk = startSdk(config.tracing, config.env, defaultServiceName);
  tracer = sdk.tracer;
  return {
    flush: sdk.flush,
    async shutdown() {
      tracer = null;
      await sdk.shutdown();
    },
  };
}

/** The tracer of this process, or null when tracing is off. */
export function activeTracer(): Tracer | null {
  return tracer;
}

/** True inside a traced piece of work (a request, a worker step): statements outside one make no trace of their own. */
export function insideSpan(): boolean {
  return trace.getSpan(context.active()) !== undefined;
}

/**
 * Runs `fn` in a span of its own, child of the active one, ended when `fn` settles (ERROR when it throws, with the
 * error's name only: messages can carry data). Without tracing, just `fn`.
 */
export function inSpan<T>(name: string, options: { kind?: SpanKind; attributes?: Attributes }, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!tracer) return fn(undefined);
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute("error.type", err instanceof Error ? err.name : "unknown");
      throw err;
    } finally {
      span.end();
    }
  });
}

/** The ids a log line carries (pino mixin) while a span is active: the trace id and the span id, hex. */
export function activeTraceIds(): { trace_id: string; span_id: string } | undefined {
  // Every log line asks: without tracing, no context lookup at all.
  if (!tracer) return undefined;
  const span = trace.getSpan(context.active());
  if (!span) return undefined;
  const c = span.spanContext();
  return isSpanContextValid(c) ? { trace_id: c.traceId, span_id: c.spanId } : undefined;
}
