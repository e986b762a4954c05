// Issue 17, traces: with OTEL_EXPORTER_OTLP_ENDPOINT set, a real server exports its spans over OTLP/HTTP (JSON) to a
// receiver started here; the HTTP request (continuing the caller's traceparent), its GraphQL operation and the SQL
// statements form one parent chain, log lines carry the trace id, and no span holds what the variables carried.
// Without the variable nothing is started and nothing arrives. The same in production mode.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureLogger } from "../src/common/logger.ts";
import type { RunningServer } from "../src/server/app.ts";
import { statementText } from "../src/tracing/sql-spans.ts";
import { activeTracer, startTracing, type Tracing } from "../src/tracing/tracing.ts";
import { builders, TEST_PASSWORD } from "./support/builders.ts";
import { openTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { gql, signIn, startTestServer, testConfig } from "./support/test-server.ts";
import { collect, wsClient } from "./support/ws-client.ts";

/** One span as OTLP/JSON carries it (ids in hex), with its attributes flattened. */
interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  service: string;
}

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;

// What the variables carry: none of it may reach a span.
const NIK = "3171026108930007";
const EMAIL = "rahasia.jejak@example.com";

let receiver: Server;
let endpoint: string;
const bodies: string[] = [];
const contentTypes: string[] = [];
const lines: string[] = [];
let tdb: TestDatabase;
let tracing: Tracing | null = null;
const stops: Array<() => Promise<unknown>> = [];

function receivedSpans(): ReceivedSpan[] {
  const value = (v: Record<string, unknown>): unknown =>
    "stringValue" in v ? v.stringValue : "intValue" in v ? Number(v.intValue) : "boolValue" in v ? v.boolValue : "arrayValue" in v
      ? ((v.arrayValue as { values?: Record<string, unknown>[] }).values ?? []).map(value)
      : JSON.stringify(v);
  const attrs = (list: Array<{ key: string; value: Record<string, unknown> }> = []) => Object.fromEntries(list.map((a) => [a.key, value(a.value)]));
  return bodies.flatMap((body) =>
    (JSON.parse(body).resourceSpans ?? []).flatMap((rs: any) => {
      const service = attrs(rs.resource?.attributes)["service.name"] as string;
      return (rs.scopeSpans ?? []).flatMap((ss: any) =>
        (ss.spans ?? []).map((s: any) => ({ ...s, attributes: attrs(s.attributes), service }) as ReceivedSpan),
      );
    }),
  );
}

function traceparent(): { header: string; traceId: string; parentId: string } {
  const traceId = randomBytes(16).toString("hex");
  const parentId = randomBytes(8).toString("hex");
  return { header: `00-${traceId}-${parentId}-01`, traceId, parentId };
}

/** The spans of one trace, once the exporter has sent them. */
async function spansOf(traceId: string): Promise<ReceivedSpan[]> {
  await tracing!.flush();
  return receivedSpans().filter((s) => s.traceId === traceId);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/traces") {
        bodies.push(body);
        contentTypes.push(String(req.headers["content-type"]));
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  configureLogger("info", { destination: { write: (line: string) => void lines.push(line) } });
  tdb = await openTestDatabase();
});

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await tracing?.shutdown();
  await tdb?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  configureLogger("silent");
});

/** A staff member looks a participant up by full NIK: the NIK travels in the variables, and then as a SQL parameter. */
async function searchByNik(server: RunningServer, header: string) {
  await tdb.truncate();
  const seed = builders(tdb.database.db);
  await seed.participant({ nik: NIK }).build();
  const staff = await seed.staff(EMAIL);
  const { accessToken } = await signIn(server.url, staff.email, TEST_PASSWORD, { traceparent: header });
  return gql<{ participants: { totalCount: number } }>(
    server.url,
    `query FindParticipant($search: String) { participants(search: $search) { totalCount edges { node { fullName } } } }`,
    { search: NIK },
    { token: accessToken, headers: { traceparent: header } },
  );
}

describe("configuration", () => {
  it("turns tracing on with an OTLP endpoint, sends to its /v1/traces, and refuses what is not an http(s) URL", () => {
    expect(testConfig().tracing).toBeNull();
    expect(testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" }).tracing).toEqual({
      tracesUrl: "http://collector:4318/v1/traces",
      serviceName: undefined,
      sampler: "parentbased_always_on",
      ratio: 1,
    });
    // The signal's own endpoint is taken as it is, and is enough on its own.
    expect(testConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://otlp.example/api/traces" }).tracing?.tracesUrl).toBe("https://otlp.example/api/traces");
    expect(
      testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_SERVICE_NAME: "jmo-api-2", OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.25" })
        .tracing,
    ).toMatchObject({ serviceName: "jmo-api-2", sampler: "parentbased_traceidratio", ratio: 0.25 });
    expect(() => testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() => testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "grpc://collector:4317" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() => testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_TRACES_SAMPLER_ARG: "2" })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(() => testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_TRACES_SAMPLER: "jaeger_remote" })).toThrow(/OTEL_TRACES_SAMPLER/);
  });

  it("shows statements without string literals", () => {
    expect(statementText(`select id from participants where nik = $1 and status = 'AKTIF' and note = 'it''s'`)).toBe(
      `select id from participants where nik = $1 and status = '?' and note = '?'`,
    );
  });
});

describe("without OTEL_EXPORTER_OTLP_ENDPOINT", () => {
  it("starts no SDK and no exporter: a request with a traceparent sends nothing, and its log line has no trace id", async () => {
    const config = testConfig();
    expect(config.tracing).toBeNull();
    expect(await startTracing(config, "jmo-api")).toBeNull();
    expect(activeTracer()).toBeNull();
    // No tracer provider is registered: the API's spans are the no-op ones.
    expect(trace.getTracer("probe").startSpan("probe").isRecording()).toBe(false);

    const server = await startTestServer(tdb.database);
    stops.push(() => server.stop());
    const { header } = traceparent();
    const res = await searchByNik(server, header);
    expect(res.data?.participants.totalCount).toBe(1);

    // Nothing was started that could send: nothing arrives.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(bodies).toEqual([]);
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
    expect(requestLines.length).toBeGreaterThanOrEqual(2);
    for (const line of requestLines) expect(line.trace_id).toBeUndefined();
    await server.stop();
    stops.pop();
  });
});

describe("with OTEL_EXPORTER_OTLP_ENDPOINT", () => {
  let server: RunningServer;
  beforeAll(async () => {
    const config = testConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    expect(config.tracing).toMatchObject({ tracesUrl: `${endpoint}/v1/traces`, sampler: "parentbased_always_on" });
    tracing = await startTracing(config, "jmo-api");
    expect(tracing).not.toBeNull();
    server = await startTestServer(tdb.database, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    stops.push(() => server.stop());
  });

  it("exports HTTP → GraphQL → SQL spans of one trace that continues the caller's traceparent, over OTLP/HTTP JSON", async () => {
    const { header, traceId, parentId } = traceparent();
    lines.length = 0;
    const res = await searchByNik(server, header);
    expect(res.data?.participants.totalCount).toBe(1);

    const spans = await spansOf(traceId);
    expect(contentTypes.every((t) => t.startsWith("application/json"))).toBe(true);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(["jmo-api"]));

    // Two requests (the sign-in, then the search), each an HTTP span whose parent is the caller's span.
    const http = spans.filter((s) => s.kind === SPAN_KIND_SERVER);
    expect(http.map((s) => s.name)).toEqual(["POST /graphql", "POST /graphql"]);
    for (const s of http) {
      expect(s.parentSpanId).toBe(parentId);
      expect(s.attributes).toMatchObject({ "http.request.method": "POST", "http.route": "/graphql", "http.response.status_code": 200 });
    }

    // The search: its GraphQL span is a child of one HTTP span, named by type and name, with its outcome.
    const operation = spans.find((s) => s.name === "query FindParticipant")!;
    expect(operation).toBeDefined();
    expect(http.map((s) => s.spanId)).toContain(operation.parentSpanId);
    expect(operation.attributes).toMatchObject({ "graphql.operation.type": "query", "graphql.operation.name": "FindParticipant", "jmo.graphql.outcome": "ok" });
    const login = spans.find((s) => s.name === "mutation Login")!;
    expect(login).toBeDefined();

    // Its statements (the session read, the search) are children of the GraphQL span, PostgreSQL client spans with
    // their text and placeholders but no values.
    const statements = spans.filter((s) => s.parentSpanId === operation.spanId);
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const s of statements) {
      expect(s.kind).toBe(SPAN_KIND_CLIENT);
      expect(s.attributes["db.system"]).toBe("postgresql");
      expect(s.attributes["db.system.name"]).toBe("postgresql");
      expect(s.attributes["jmo.db.driver"]).toBe(tdb.url ? "postgres" : "pglite");
      expect(String(s.attributes["db.query.text"])).toMatch(/^\s*(select|insert|update|delete|with)\b/i);
    }
    expect(statements.some((s) => /\$1/.test(String(s.attributes["db.query.text"])) && /participants/.test(String(s.attributes["db.query.text"])))).toBe(true);
    expect(spans.filter((s) => s.parentSpanId === login.spanId).length).toBeGreaterThanOrEqual(1);

    // Nothing the variables carried (NIK, email, password), in any span of any trace, nor the caller's token.
    const everything = bodies.join("\n");
    for (const secret of [NIK, EMAIL, TEST_PASSWORD]) expect(everything, `${secret} was exported`).not.toContain(secret);

    // The request's log line carries the trace id (and the id of the GraphQL span it was written in).
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
    expect(logged.map((l) => l.trace_id)).toEqual([traceId, traceId]);
    expect(logged.map((l) => l.span_id)).toEqual([login.spanId, operation.spanId]);
  });

  it("records refusals by error code, without making them errors of the server", async () => {
    const { header, traceId } = traceparent();
    const res = await gql(server.url, `query Staff { participants { totalCount } }`, {}, { headers: { traceparent: header } });
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toBe("UNAUTHENTICATED");
    const operation = (await spansOf(traceId)).find((s) => s.name === "query Staff")!;
    expect(operation.attributes).toMatchObject({ "jmo.graphql.outcome": "error", "jmo.graphql.error_codes": ["UNAUTHENTICATED"] });
    expect((operation as unknown as { status?: { code?: number } }).status?.code ?? 0).not.toBe(2);
  });

  it("starts a trace of its own for a request without traceparent", async () => {
    const before = new Set(receivedSpans().map((s) => s.spanId));
    const res = await fetch(new URL("/healthz", server.url));
    expect(res.status).toBe(200);
    await tracing!.flush();
    const fresh = receivedSpans().filter((s) => !before.has(s.spanId) && s.name === "GET /healthz");
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.parentSpanId ?? "").toBe("");
  });

  it("traces a query sent over the WebSocket as a span of its own, with its statements under it", async () => {
    await tdb.truncate();
    const seed = builders(tdb.database.db);
    const p = await seed.participant({ nik: NIK }).withAccount({ email: EMAIL }).build();
    const { accessToken } = await signIn(server.url, p.email!);
    const before = new Set(receivedSpans().map((s) => s.spanId));
    const client = wsClient(server.url, accessToken);
    try {
      const result = await collect<{ data?: { me?: { nikMasked: string } } }>(client, `query SocketMe { me { nikMasked } }`).next();
      expect(result.data?.me?.nikMasked).toMatch(/^3171\*+07$/);
    } finally {
      await client.dispose();
    }
    await tracing!.flush();
    const fresh = receivedSpans().filter((s) => !before.has(s.spanId));
    const operation = fresh.find((s) => s.name === "query SocketMe")!;
    expect(operation).toBeDefined();
    expect(operation.kind).toBe(SPAN_KIND_SERVER);
    expect(operation.attributes).toMatchObject({ "graphql.operation.type": "query", "jmo.graphql.transport": "websocket", "jmo.graphql.outcome": "ok" });
    expect(fresh.filter((s) => s.parentSpanId === operation.spanId && s.attributes["db.system"] === "postgresql").length).toBeGreaterThanOrEqual(1);
    const everything = bodies.join("\n");
    for (const secret of [NIK, EMAIL, TEST_PASSWORD, accessToken]) expect(everything, `${secret} was exported`).not.toContain(secret);
  });

  it("in production mode too", async () => {
    const production = await startTestServer(tdb.database, { NODE_ENV: "production", CORS_ORIGINS: "https://jmo.example", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    stops.push(() => production.stop());
    const { header, traceId, parentId } = traceparent();
    const res = await searchByNik(production, header);
    expect(res.data?.participants.totalCount).toBe(1);
    const spans = await spansOf(traceId);
    const operation = spans.find((s) => s.name === "query FindParticipant")!;
    const http = spans.find((s) => s.spanId === operation.parentSpanId)!;
    expect(http.parentSpanId).toBe(parentId);
    expect(spans.filter((s) => s.parentSpanId === operation.spanId && s.attributes["db.system"] === "postgresql").length).toBeGreaterThanOrEqual(2);
    const everything = bodies.join("\n");
    for (const secret of [NIK, EMAIL, TEST_PASSWORD]) expect(everything, `${secret} was exported`).not.toContain(secret);
  });
});
