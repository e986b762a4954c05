// The OpenTelemetry SDK and its OTLP exporter: imported by startTracing (tracing.ts) only when an endpoint is
// configured, so that a server without OTEL_EXPORTER_OTLP_ENDPOINT never loads any of it.
import { context, propagation, trace, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from "@opentelemetry/sdk-trace-node";
import { ATTR_DEPLOYMENT_ENVIRONMENT_NAME, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import type { TracingConfig } from "../config/environment.ts";
import { instrumentDrizzle } from "./sql-spans.ts";

const SERVICE_VERSION = "0.1.0";

function sampler(config: TracingConfig): Sampler {
  switch (config.sampler) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "traceidratio":
      return new TraceIdRatioBasedSampler(config.ratio);
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.ratio) });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

export function startSdk(config: TracingConfig, environment: string, defaultServiceName: string): { tracer: Tracer; flush(): Promise<void>; shutdown(): Promise<void> } {
  // OTLP/HTTP with JSON bodies; the exporter itself reads OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT and _COMPRESSION.
  const exporter = new OTLPTraceExporter({ url: config.tracesUrl });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: config.serviceName ?? defaultServiceName,
      [ATTR_SERVICE_VERSION]: SERVICE_VERSION,
      [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: environment,
    }),
    sampler: sampler(config),
    // Statements can be long (the home query): whole, but not without bound.
    spanLimits: { attributeValueLengthLimit: 4096 },
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  // AsyncLocalStorage context and the W3C traceparent/tracestate propagator (and baggage, which nothing here reads).
  provider.register();
  // Statements run through drizzle get a span each (sql-spans.ts); Database.query calls sqlSpan itself.
  instrumentDrizzle();
  return {
    tracer: trace.getTracer("jmo-api", SERVICE_VERSION),
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
