import { createPubSub } from "@graphql-yoga/subscription";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  Kind,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config/environment.ts";
import { formatError } from "../../common/errors.ts";
import { runInRequestScope } from "../../common/request-scope.ts";
import { buildApiSchema } from "../schema.ts";
import { FIELD_COSTS } from "./operation-costs.ts";
import { prepareOperation, type OperationLimits, type PreparedOperation } from "./operation-limits.ts";
import { trustedDocuments } from "./trusted-documents.ts";

const defaults = loadConfig({ NODE_ENV: "test" }).limits;
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema(createPubSub());
});

const SAMPLE_SCALARS: Record<string, unknown> = {
  String: "x",
  ID: "x",
  Int: 1,
  Float: 1,
  Boolean: true,
  Date: "1990-05-17",
  DateTime: "2026-01-01T00:00:00.000Z",
  Rupiah: "1000000.00",
  YearMonth: "2026-01",
};

/** A value of this input type with every required field filled. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    // @oneOf: exactly one field, the first (none of them is non-null).
    if (type.isOneOf) {
      const first = Object.values(type.getFields())[0]!;
      return { [first.name]: sample(first.type) };
    }
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  const name = getNamedType(type).name;
  if (!(name in SAMPLE_SCALARS)) throw new Error(`no sample for scalar ${name}`);
  return SAMPLE_SCALARS[name];
}

/** Variables for a document, `first` at the most a connection allows (the dearest the SDK can ask). */
function sampleVariables(document: string): Record<string, unknown> {
  const op = parse(document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  return Object.fromEntries(
    (op.variableDefinitions ?? []).map((v) => [
      v.variable.name.value,
      v.variable.name.value === "first" ? 100 : sample(typeFromAST(schema, v.type as never) as GraphQLInputType),
    ]),
  );
}

/** As graphql-ws would call it, inside a request scope (the language of the messages). */
function prepare(payload: Record<string, unknown>, limits: Partial<OperationLimits> = {}, locale: "id" | "en" = "en"): PreparedOperation {
  return runInRequestScope({ requestId: "t", locale, statements: 0 }, () => prepareOperation(schema, payload, { ...defaults, ...limits }));
}

/** The errors as the client receives them, through the central formatError. */
function refusal(prepared: PreparedOperation) {
  expect("errors" in prepared).toBe(true);
  return runInRequestScope({ requestId: "t", locale: "en", statements: 0 }, () =>
    (prepared as { errors: readonly import("graphql").GraphQLError[] }).errors.map((e) => formatError(e.toJSON(), e)),
  );
}

describe("the SDK's operations and the default limits", () => {
  it("every SDK operation passes limits of half the defaults, and its cost is printed", () => {
    const half: Partial<OperationLimits> = {
      maxDocumentBytes: defaults.maxDocumentBytes / 2,
      maxTokens: defaults.maxTokens / 2,
      maxAliases: Math.floor(defaults.maxAliases / 2),
      maxDepth: defaults.maxDepth / 2,
      maxDirectives: Math.floor(defaults.maxDirectives / 2),
      maxCost: defaults.maxCost / 2,
    };
    const documents = trustedDocuments();
    expect(documents.length).toBeGreaterThan(40);
    const costs: string[] = [];
    for (const d of documents) {
      const prepared = prepare({ query: d.document, variables: sampleVariables(d.document), operationName: d.operationName }, half);
      if ("errors" in prepared) throw new Error(`${d.operationName}: ${prepared.errors.map((e) => e.message).join("; ")}`);
      expect(prepared.cost, d.operationName).toBeTypeOf("number");
      costs.push(`${d.operationName} ${prepared.cost}`);
    }
    console.log(`cost of each SDK operation (MAX_COST ${defaults.maxCost}): ${costs.join(", ")}`);
  });

  it("every field in the cost map exists (a renamed field would silently cost the default)", () => {
    for (const key of Object.keys(FIELD_COSTS)) {
      const [type, field] = key.split(".") as [string, string];
      const t = schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined;
      expect(t?.getFields?.()[field], key).toBeDefined();
    }
  });
});

describe("prepareOperation (graphql-ws onSubscribe)", () => {
  it("refuses a document over MAX_DOCUMENT_BYTES before reading it", () => {
    const huge = `{ ${"a: banks { code } ".repeat(1_500_000)} }`; // 27 MB, as in finding 2
    const started = performance.now();
    const [error] = refusal(prepare({ query: huge }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "DOCUMENT_TOO_LARGE" });
    expect(error!.message).toContain("at most 100000 bytes");
  });

  it("refuses more than MAX_TOKENS tokens", () => {
    const [error] = refusal(prepare({ query: `{ banks { ${"code ".repeat(defaults.maxTokens)} } }` }));
    expect(error!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "TOO_MANY_TOKENS" });
  });

  it("refuses too many aliases, too deep a query and too many directives, in the caller's language", () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: jhtRates { year }`).join(" ")} }`;
    const [a] = refusal(prepare({ query: aliases }));
    expect(a).toMatchObject({ extensions: { code: "BAD_USER_INPUT", detail: "TOO_MANY_ALIASES" }, message: "Too many aliases in one operation (16 aliases); at most 15." });
    const inIndonesian = prepare({ query: aliases }, {}, "id");
    expect("errors" in inIndonesian && inIndonesian.errors[0]!.message).toBe("Terlalu banyak alias dalam satu operasi (16 alias); paling banyak 15.");

    const deep = `{ me { cards { employer { id } } } ${"node(id: \"x\") { ... on Participant { cards { employer { id } } } }"} }`;
    expect("document" in prepare({ query: deep })).toBe(true);
    const [d] = refusal(prepare({ query: deep }, { maxDepth: 3 }));
    expect(d!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "QUERY_TOO_DEEP" });

    const directives = `{ banks { ${"code @include(if: true) ".repeat(51)} } }`;
    const [r] = refusal(prepare({ query: directives }));
    expect(r!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "TOO_MANY_DIRECTIVES" });
  });

  it("counts the cost with the variables: `first` multiplies a connection", () => {
    const query = `query ($first: Int!) { klaims(first: $first) { edges { node { timeline { at } card { saldoJht { years { year } } } } } } }`;
    const small = prepare({ query, variables: { first: 5 } });
    expect("document" in small && small.cost).toBeLessThan(defaults.maxCost);
    const [error] = refusal(prepare({ query, variables: { first: 100 } }));
    expect(error!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "QUERY_TOO_COSTLY" });
    expect(error!.message).toMatch(/^The query is too costly \(cost \d+\); at most 2000\./);
  });

  it("reports parse and validation errors as BAD_USER_INPUT, and refuses introspection when it is off", () => {
    expect(refusal(prepare({ query: "{ banks { code }" }))[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "GRAPHQL_PARSE_FAILED" });
    expect(refusal(prepare({ query: "{ nope }" }))[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "GRAPHQL_VALIDATION_FAILED" });
    const introspection = runInRequestScope({ requestId: "t", locale: "en", statements: 0 }, () =>
      prepareOperation(schema, { query: "{ __schema { queryType { name } } }" }, defaults, { introspection: false }),
    );
    expect(refusal(introspection)[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "GRAPHQL_VALIDATION_FAILED" });
  });

  it("with TRUSTED_DOCUMENTS=sdk accepts the SDK's documents (also by hash alone) and nothing else", () => {
    const me = trustedDocuments().find((d) => d.operationName === "Me")!;
    expect("document" in prepare({ query: me.document }, { trustedDocuments: "sdk" })).toBe(true);
    const byHash = prepare({ extensions: { persistedQuery: { version: 1, sha256Hash: me.sha256 } } }, { trustedDocuments: "sdk" });
    expect("document" in byHash).toBe(true);
    for (const other of [`${me.document} `, "{ me { id } }"]) {
      expect(refusal(prepare({ query: other }, { trustedDocuments: "sdk" }))[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "DOCUMENT_NOT_TRUSTED" });
    }
    const unknownHash = prepare({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }, { trustedDocuments: "sdk" });
    expect(refusal(unknownHash)[0]!.extensions).toEqual({ code: "BAD_USER_INPUT", detail: "DOCUMENT_NOT_TRUSTED" });
    // Off by default: any valid document.
    expect("document" in prepare({ query: "{ me { id } }" })).toBe(true);
  });
});
