import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { RequestHandler } from "express";
import {
  GraphQLError,
  Lexer,
  NoSchemaIntrospectionCustomRule,
  parse,
  Source,
  specifiedRules,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { getComplexity } from "graphql-query-complexity";
import type { Config } from "../../config/environment.ts";
import { ApiError, formatError } from "../../common/errors.ts";
import { operationLimitMessage, type OperationLimitDetail } from "../../common/i18n.ts";
import { currentRequest } from "../../common/request-scope.ts";
import { fieldCostEstimator } from "./operation-costs.ts";
import { isTrustedDocument, trustedDocumentByHash } from "./trusted-documents.ts";

/**
 * Limits on what one request may ask (issue 10, findings 2 and 3), checked before anything runs, the same way over
 * HTTP and over WebSocket: the document's size before it is parsed, then (TRUSTED_DOCUMENTS=sdk) whether it is one of
 * the SDK's, its tokens while it is lexed, its aliases, depth and directives (GraphQL Armor's rules) and its cost
 * (graphql-query-complexity with the field costs of operation-costs.ts) before execution.
 */
export type OperationLimits = Config["limits"];

/** A document over a limit: BAD_USER_INPUT with the limit's `detail`, in the request's language. */
export class OperationLimitError extends ApiError {
  constructor(
    readonly detail: OperationLimitDetail,
    params: { limit?: number; found?: number } = {},
  ) {
    super("BAD_USER_INPUT", { detail, httpStatus: 400 });
    const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, number>;
    this.message = operationLimitMessage(detail, currentRequest()?.locale ?? "id", defined);
  }
}

/** The parts of a GraphQL request the limits look at (an HTTP body, a graphql-ws `subscribe` payload). */
export interface OperationRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

type SourceCheck = { ok: true; query: string | undefined } | { ok: false; error: OperationLimitError };

function persistedQueryHash(extensions: unknown): string | undefined {
  const pq = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return typeof pq?.sha256Hash === "string" ? pq.sha256Hash : undefined;
}

/** More than `max` tokens? Counted as graphql's parser counts them (comments are not tokens); stops at max + 1. */
function exceedsTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++count > max) return true;
  } catch {
    // Not valid GraphQL: the parser says where.
  }
  return false;
}

/**
 * Everything that can be decided on the text alone, cheapest first: size (before anything reads it), trust, tokens.
 * A request that names a trusted document by its hash alone (`extensions.persistedQuery.sha256Hash`) gets its text.
 */
export function checkSource(query: unknown, extensions: unknown, limits: OperationLimits): SourceCheck {
  if (typeof query !== "string" || query === "") {
    const hash = persistedQueryHash(extensions);
    if (limits.trustedDocuments === "sdk" && hash !== undefined) {
      const trusted = trustedDocumentByHash(hash);
      return trusted ? { ok: true, query: trusted } : { ok: false, error: new OperationLimitError("DOCUMENT_NOT_TRUSTED") };
    }
    // No text: nothing to limit (Apollo answers a missing query, or looks the hash up in its own cache).
    return { ok: true, query: undefined };
  }
  // A UTF-16 unit is at least one byte, so a long string is refused without counting its bytes.
  const bytes = query.length > limits.maxDocumentBytes ? query.length : Buffer.byteLength(query, "utf8");
  if (bytes > limits.maxDocumentBytes) {
    return { ok: false, error: new OperationLimitError("DOCUMENT_TOO_LARGE", { limit: limits.maxDocumentBytes, found: bytes }) };
  }
  if (limits.trustedDocuments === "sdk" && !isTrustedDocument(query)) {
    return { ok: false, error: new OperationLimitError("DOCUMENT_NOT_TRUSTED") };
  }
  if (exceedsTokens(query, limits.maxTokens)) {
    return { ok: false, error: new OperationLimitError("TOO_MANY_TOKENS", { limit: limits.maxTokens }) };
  }
  return { ok: true, query };
}

/** GraphQL Armor reports "…limit of 15 exceeded, found 16."; the count goes into our own message. */
const foundIn = (message: string) => {
  const m = /found (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
};

/** Aliases, depth and directives per operation: validation rules that report a coded error (and never throw). */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  const reject = (detail: OperationLimitDetail, limit: number) => [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new OperationLimitError(detail, { limit, found: foundIn(error.message) })),
  ];
  return [
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: reject("TOO_MANY_ALIASES", limits.maxAliases) }),
    // Depth counts fields, not fragment spreads: an SDK document's fragments do not make it deeper.
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: reject("QUERY_TOO_DEEP", limits.maxDepth) }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: reject("TOO_MANY_DIRECTIVES", limits.maxDirectives) }),
  ] as ValidationRule[];
}

const NODES_EXCEEDED = "Query exceeds the maximum allowed number of nodes.";

/**
 * The operation's cost with these variables (operation-costs.ts), or a refusal. `cost` is undefined when the variables
 * do not fit the operation: execution refuses those before any resolver runs.
 */
export function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: unknown,
  operationName: unknown,
  limits: OperationLimits,
): { cost: number | undefined; error?: OperationLimitError } {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables && typeof variables === "object" ? (variables as Record<string, unknown>) : {},
      ...(typeof operationName === "string" && operationName ? { operationName } : {}),
      estimators: [fieldCostEstimator],
      // Fragments spread inside fragments multiply: the walk itself is bounded.
      maxQueryNodes: Math.max(10_000, limits.maxTokens),
    });
  } catch (error) {
    if (error instanceof Error && error.message === NODES_EXCEEDED) {
      return { cost: undefined, error: new OperationLimitError("QUERY_TOO_COSTLY", { limit: limits.maxCost }) };
    }
    return { cost: undefined };
  }
  return cost > limits.maxCost
    ? { cost, error: new OperationLimitError("QUERY_TOO_COSTLY", { limit: limits.maxCost, found: cost }) }
    : { cost };
}

/** Standard errors of parsing and validation get the codes Apollo gives them, so formatError reports them alike. */
const coded = (error: GraphQLError, code: string) =>
  error instanceof ApiError ? error : new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });

export type PreparedOperation = { document: DocumentNode; cost: number | undefined } | { errors: readonly GraphQLError[] };

/**
 * For graphql-ws `onSubscribe` (call it inside the operation's request scope, for the language of the messages):
 * size → trusted document → parse with maxTokens → the limit rules, then the standard rules → cost. Errors carry
 * BAD_USER_INPUT with a detail, as over HTTP.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  payload: OperationRequest,
  limits: OperationLimits,
  options: { introspection?: boolean } = {},
): PreparedOperation {
  const source = checkSource(payload.query, payload.extensions, limits);
  if (!source.ok) return { errors: [source.error] };
  if (source.query === undefined) {
    return { errors: [coded(new GraphQLError("GraphQL operations must contain a non-empty `query`."), "BAD_REQUEST")] };
  }
  const cache = validDocuments(schema, limits, options.introspection !== false);
  let document = cache.get(source.query);
  if (!document) {
    try {
      document = parse(source.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      return { errors: [coded(error as GraphQLError, "GRAPHQL_PARSE_FAILED")] };
    }
    // The limits first and alone: they are linear in the document, and a document over them is not worth the rest.
    let errors = validate(schema, document, limitValidationRules(limits));
    if (!errors.length) {
      errors = validate(schema, document, options.introspection === false ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules);
    }
    if (errors.length) return { errors: errors.map((e) => coded(e, "GRAPHQL_VALIDATION_FAILED")) };
    if (source.query.length <= VALID_DOCUMENT_MAX_LENGTH) {
      if (cache.size >= VALID_DOCUMENTS_PER_SERVER) cache.delete(cache.keys().next().value!);
      cache.set(source.query, document);
    }
  }
  // The cost depends on the variables: measured every time.
  const { cost, error } = measureCost(schema, document, payload.variables, payload.operationName, limits);
  return error ? { errors: [error] } : { document, cost };
}

/**
 * Documents that passed parse and validation, by text, per schema, limits and introspection setting. Subscriptions
 * repeat a few documents thousands of times (every open claim tracker sends the same one): one shared syntax tree
 * instead of ~6 KB of tokens and nodes per subscription, and no second parse and validation. Errors are not kept
 * (their messages are in the caller's language). Oldest out first past the bound.
 */
const validDocumentCaches = new WeakMap<GraphQLSchema, WeakMap<OperationLimits, Map<string, DocumentNode>[]>>();
const VALID_DOCUMENTS_PER_SERVER = 500;
const VALID_DOCUMENT_MAX_LENGTH = 10_000;

function validDocuments(schema: GraphQLSchema, limits: OperationLimits, introspection: boolean): Map<string, DocumentNode> {
  let byLimits = validDocumentCaches.get(schema);
  if (!byLimits) validDocumentCaches.set(schema, (byLimits = new WeakMap()));
  let pair = byLimits.get(limits);
  if (!pair) byLimits.set(limits, (pair = [new Map(), new Map()]));
  return pair[introspection ? 1 : 0]!;
}

/**
 * HTTP, before Apollo: the text checks of `checkSource` (a refused document is never parsed). Runs inside the request
 * scope, after `express.json`; a trusted document named by its hash alone gets its text here.
 */
export function operationLimitsMiddleware(limits: OperationLimits, options: { production: boolean }): RequestHandler {
  return (req, res, next) => {
    const get = req.method === "GET";
    const request = (get ? req.query : req.body) as OperationRequest | undefined;
    // Batches are refused by Apollo (batching is off); anything else that is not an object is Apollo's to answer.
    if (!request || typeof request !== "object" || Array.isArray(request)) return next();
    let extensions = request.extensions;
    if (get && typeof extensions === "string") {
      try {
        extensions = JSON.parse(extensions);
      } catch {
        extensions = undefined;
      }
    }
    const checked = checkSource(request.query, extensions, limits);
    if (!checked.ok) {
      const scope = currentRequest();
      res.status(400).json({
        errors: [formatError(checked.error.toJSON(), checked.error)],
        extensions: { ...(scope ? { requestId: scope.requestId } : {}), ...(options.production ? {} : { sqlStatements: scope?.statements ?? 0 }) },
      });
      return;
    }
    if (!get && checked.query !== undefined && request.query !== checked.query) request.query = checked.query;
    next();
  };
}

/**
 * Apollo: parse with maxTokens, the limit rules with the standard ones, and this plugin's cost check once the operation
 * is known (the variables count: `first`). Outside production the response says what the operation cost.
 */
export function operationLimitsApollo(limits: OperationLimits, options: { production: boolean }) {
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const measured = measureCost(schema, document, request.variables, operationName, limits);
          if (measured.error) throw measured.error;
          cost = measured.cost;
        },
        async willSendResponse({ response }) {
          if (options.production || cost === undefined || response.body.kind !== "single") return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
      };
    },
  };
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitValidationRules(limits),
    plugin,
  };
}
