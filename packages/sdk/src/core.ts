import { print, type DocumentNode, type GraphQLFormattedError } from "graphql";
import { createClient, type Client as WsClient } from "graphql-ws";
import { JmoError } from "./errors.ts";
import { languageOf, messages } from "./messages.ts";
import type { DocumentTypeDecoration } from "./typed-document-node.ts";

type MaybePromise<T> = T | Promise<T>;

export interface JmoClientOptions {
  /** The GraphQL endpoint, e.g. "https://api.example.go.id/graphql"; subscriptions use the same URL over ws(s). */
  url: string;
  /** The current access token, asked for before every request and every WebSocket (re)connect. */
  getToken?: () => MaybePromise<string | null | undefined>;
  /**
   * Renews the session when the access token no longer works: called when the API answers UNAUTHENTICATED to a
   * request that carried a token, before a WebSocket (re)connect with an expired token, and a minute before the token
   * of an open socket expires if `getToken` has nothing newer. Exchange the refresh token (with the `request` given
   * here, or the client's own), store the new pair so that `getToken` returns the new access token, and return true:
   * the failed request is sent once more. Return false (or throw) when the session is over. Concurrent failures share
   * one call, since a refresh token works only once.
   */
  refresh?: (helpers: { request: JmoCore["request"] }) => MaybePromise<boolean>;
  /** Defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** A WebSocket constructor for subscriptions where there is no global one (Node 20: `import WebSocket from "ws"`). */
  webSocketImpl?: unknown;
  /** Extra HTTP headers for queries and mutations (browsers cannot send headers on a WebSocket). */
  headers?: Record<string, string>;
  /** "en" for English messages, from the API and from the SDK itself; Indonesian by default. */
  acceptLanguage?: string;
  /**
   * How many times in a row to reconnect a dropped WebSocket before subscriptions fail with NETWORK_ERROR
   * (default 5; the count starts again after every successful connect). A refused token (4403) is never retried.
   */
  retryAttempts?: number;
  /** Waits before reconnect number `retries` (from 0); default: exponential backoff, 1 s, 2 s, 4 s… plus 0.3–3 s jitter. */
  retryWait?: (retries: number) => Promise<void>;
}

/** Per-call options, the last argument of every operation method. */
export interface RequestOptions {
  /** Aborts a query or mutation (the fetch rejects with the AbortError as is). */
  signal?: AbortSignal;
}

/** Variables are optional exactly when the operation has no required variable. */
export type OperationArgs<V, O = never> = {} extends V
  ? [O] extends [never]
    ? [variables?: V]
    : [variables?: V, options?: O]
  : [O] extends [never]
    ? [variables: V]
    : [variables: V, options?: O];

/** A GraphQL response as sent, for clients (Apollo, urql) that handle `errors` themselves. */
export interface JmoResponse {
  data?: unknown;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/**
 * The transport every JMO client shares: auth, refresh, JmoError, one WebSocket with reconnect, token renewal and the
 * resume of `afterSequence` subscriptions. It knows no operation: pass any document, the SDK's (`MeDocument`…) or
 * your own (e.g. from graphql-codegen's client preset), so a bundler keeps only the documents the app uses.
 */
export interface JmoCore {
  /** Runs a query or mutation; resolves with `data`, throws a JmoError for any top-level error or network failure. */
  request<R, V>(document: DocumentNode & DocumentTypeDecoration<R, V>, ...args: OperationArgs<V, RequestOptions>): Promise<R>;
  /**
   * Starts a subscription on the client's WebSocket (opened with the first one): an async iterable of `data` that
   * reconnects by itself, resumes `afterSequence` subscriptions after the last event received and throws a JmoError
   * when it cannot go on. `break` ends it.
   */
  subscribe<R, V>(document: DocumentNode & DocumentTypeDecoration<R, V>, ...args: OperationArgs<V>): AsyncIterableIterator<R>;
  /** Like request, with the same auth and refresh, but resolves with the whole response, `errors` included. */
  execute(document: DocumentNode, variables?: Record<string, unknown>, options?: RequestOptions): Promise<JmoResponse>;
  /** Closes the WebSocket (ending every subscription); queries and mutations keep working. */
  dispose(): Promise<void>;
}

/** Graph-ws' close code for a refused connection (`CloseCode.Forbidden`), without importing its enum. */
const FORBIDDEN = 4403;

export function createJmoCore(options: JmoClientOptions): JmoCore {
  const { url, getToken, headers, acceptLanguage } = options;
  const msg = messages(languageOf(acceptLanguage));
  // Looked up at call time and called unbound: browsers throw "Illegal invocation" on a detached fetch.
  const fetchImpl: typeof globalThis.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const prepared = new WeakMap<DocumentNode, Prepared>();
  const prepare = (doc: DocumentNode) => {
    let p = prepared.get(doc);
    if (!p) prepared.set(doc, (p = { query: print(doc), ...kindOf(doc) }));
    return p;
  };

  let refreshing: Promise<boolean> | undefined;
  /** One refresh at a time, shared by everything that needs it. */
  const refreshOnce = (): Promise<boolean> => {
    const refresh = options.refresh;
    if (!refresh) return Promise.resolve(false);
    return (refreshing ??= (async () => {
      try {
        return (await refresh({ request: core.request })) === true;
      } catch {
        return false;
      } finally {
        refreshing = undefined;
      }
    })());
  };

  async function post(doc: DocumentNode, variables: unknown, token: string | null, signal: AbortSignal | undefined) {
    const { query } = prepare(doc);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: "POST",
        headers: {
          ...headers,
          // JSON (not text/plain or GET) also satisfies Apollo's CSRF prevention without a preflight header.
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(acceptLanguage ? { "accept-language": acceptLanguage } : {}),
        },
        body: JSON.stringify({ query, variables: variables ?? {} }),
        signal: signal ?? null,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw JmoError.network(msg.unreachable(url, error instanceof Error ? error.message : String(error)), error);
    }
    const headerId = response.headers.get("x-request-id") ?? undefined;
    let body: JmoResponse;
    try {
      body = (await response.json()) as JmoResponse;
    } catch (error) {
      throw JmoError.network(msg.notJson(response.status), error, headerId);
    }
    return { response, body, headerId };
  }

  async function send(doc: DocumentNode, variables: unknown, signal: AbortSignal | undefined) {
    const token = (await getToken?.()) ?? null;
    const first = await post(doc, variables, token, signal);
    if (!token || !options.refresh || !isUnauthenticated(first.body)) return first;
    // The token was refused (expired, most often): renew it once, unless the app already has, and send again.
    let renewed = (await getToken?.()) ?? null;
    if (renewed === token) renewed = (await refreshOnce()) ? ((await getToken?.()) ?? null) : null;
    return renewed && renewed !== token ? post(doc, variables, renewed, signal) : first;
  }

  const core: JmoCore = {
    async request(doc: DocumentNode, variables?: unknown, opts?: RequestOptions) {
      const { response, body, headerId } = await send(doc, variables, opts?.signal);
      const requestId = typeof body.extensions?.requestId === "string" ? body.extensions.requestId : headerId;
      if (body.errors?.length) throw JmoError.fromGraphQL(body.errors, requestId);
      if (!response.ok || body.data == null) throw JmoError.network(msg.noData(response.status), undefined, requestId);
      return body.data as never;
    },
    subscribe: (doc: DocumentNode, variables?: unknown) => subscribe(doc, variables) as never,
    async execute(doc, variables, opts) {
      return (await send(doc, variables, opts?.signal)).body;
    },
    async dispose() {
      const current = ws;
      ws = undefined;
      tokenRenewal.closed();
      await current?.dispose();
    },
  };

  let ws: WsClient | undefined;
  // The server closes a socket when the access token it was opened with expires (4419), unless a fresh token reaches
  // it first in a graphql-ws ping. So shortly before the socket's token expires, the client asks `getToken()` for the
  // current one (refreshing the session if the app has not) and sends it on the open socket: no gap.
  const tokenRenewal = socketTokenRenewal(getToken, options.refresh ? refreshOnce : undefined);
  const socket = () => {
    if (ws) return ws;
    const webSocketImpl = options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    // graphql-ws's own error here names its createClient, which the app never called.
    if (!webSocketImpl) throw new JmoError({ code: "NETWORK_ERROR", detail: "NO_WEBSOCKET", message: msg.noWebSocket() });
    return (ws = createClient({
      url: url.replace(/^http/i, "ws"),
      webSocketImpl,
      // Called on every (re)connect, so a reconnect picks up a refreshed token.
      connectionParams: async () => {
        let token = (await getToken?.()) ?? null;
        if (token && isExpired(token) && (await refreshOnce())) token = (await getToken?.()) ?? null;
        tokenRenewal.connecting(token);
        return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(acceptLanguage ? { acceptLanguage } : {}) };
      },
      on: {
        opened: (s) => tokenRenewal.opened(s as RawSocket),
        connected: () => tokenRenewal.connected(),
        closed: () => tokenRenewal.closed(),
      },
      ...(options.retryAttempts !== undefined ? { retryAttempts: options.retryAttempts } : {}),
      ...(options.retryWait ? { retryWait: options.retryWait } : {}),
      // A dropped connection (any close code, a network error) is retried and every running subscription is sent
      // again. graphql-ws also retries 4403, hoping for new credentials; retrying the token that was just refused only
      // delays the error: fail at once, so that the app refreshes its session and subscribes again.
      shouldRetry: (e) => !(isCloseEvent(e) && e.code === FORBIDDEN),
    }));
  };

  // A hand-written iterator rather than an async generator: a generator's return() waits for the pending
  // next() (the next event, maybe never), while this one ends the subscription at once.
  function subscribe(doc: DocumentNode, variables: unknown): AsyncIterableIterator<unknown> {
    const { query, resumable } = prepare(doc);
    const resume = resumable ? sequenceResume(variables) : undefined;
    // graphql-ws sends this same payload again after every reconnect and serialises it each time: the getter
    // makes a resumable subscription ask only for what came after the last event it received.
    const payload = {
      query,
      get variables() {
        return (resume ? resume.variables() : (variables ?? {})) as Record<string, unknown>;
      },
    };
    type Result = { data?: unknown; errors?: readonly GraphQLFormattedError[] };
    const received: Result[] = [];
    let ended: { error?: JmoError } | undefined;
    // Whoever waits in next(); a list, should an app call next() again before the last one settled.
    const waiting: (() => void)[] = [];
    const wake = () => {
      for (const resolve of waiting.splice(0)) resolve();
    };
    let unsubscribe: (() => void) | undefined;
    const finish = (state: { error?: JmoError }) => {
      ended ??= state;
      wake();
    };
    // Subscribes on the first next(), so an iterable that is never iterated costs nothing.
    const start = () => {
      if (unsubscribe || ended) return;
      let client: WsClient;
      try {
        client = socket();
      } catch (error) {
        return finish({ error: error instanceof JmoError ? error : subscriptionError(error, msg) });
      }
      unsubscribe = client.subscribe<unknown>(payload, {
        // Counted when received, not when handed out: what waits here is still handed out after a reconnect.
        next: (result) => {
          if (!result.errors?.length && resume && !resume.accept(result.data)) return; // already received
          received.push(result);
          wake();
        },
        error: (error) => finish({ error: subscriptionError(error, msg) }),
        complete: () => finish({}),
      });
    };
    const end = async () => {
      unsubscribe?.();
      received.length = 0;
      finish({});
      return { done: true as const, value: undefined };
    };
    const iterator: AsyncIterableIterator<unknown> = {
      async next() {
        start();
        while (received.length === 0 && !ended) await new Promise<void>((resolve) => waiting.push(resolve));
        const result = received.shift();
        if (result) {
          if (result.errors?.length) {
            await end();
            throw JmoError.fromGraphQL(result.errors);
          }
          return { done: false, value: result.data };
        }
        const error = ended?.error;
        if (error) {
          ended = {}; // thrown once, then done
          throw error;
        }
        return { done: true, value: undefined };
      },
      return: end,
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  return core;
}

function isUnauthenticated(body: JmoResponse): boolean {
  return !!body.errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED");
}

/** The part of a WebSocket (browser or `ws`) the token renewal uses. */
interface RawSocket {
  readonly readyState: number;
  send(data: string): void;
}

/** Milliseconds since the epoch at which a JWT expires (its `exp`, read without verifying: the server verifies). */
function tokenExpiry(token: string | null): number | undefined {
  const payload = token?.split(".")[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown };
    return typeof json.exp === "number" ? json.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function isExpired(token: string): boolean {
  const expiry = tokenExpiry(token);
  return expiry !== undefined && expiry <= Date.now();
}

/**
 * Sends the app's current access token on the open socket (a graphql-ws ping `{ authorization }`) before the token
 * the socket holds expires. If the app has no fresher token yet, it refreshes the session (with the `refresh` option)
 * or asks again every 10 s; should the old one expire first, the server closes with 4419 and graphql-ws reconnects,
 * asking `getToken()` again.
 */
function socketTokenRenewal(getToken: JmoClientOptions["getToken"], refresh: (() => Promise<boolean>) | undefined) {
  let raw: RawSocket | undefined;
  let current: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const schedule = (ms: number) => {
    stop();
    timer = setTimeout(renew, Math.max(1000, ms));
    (timer as { unref?: () => void }).unref?.();
  };
  const plan = () => {
    const expiry = tokenExpiry(current);
    if (expiry === undefined || !getToken) return;
    const left = expiry - Date.now();
    // A minute before expiry, or halfway through a shorter life.
    schedule(left - Math.min(60_000, left / 2));
  };
  const ask = async () => {
    try {
      return (await getToken?.()) ?? null;
    } catch {
      return null;
    }
  };
  async function renew() {
    timer = undefined;
    let token = await ask();
    if (token === current && refresh && (await refresh())) token = await ask();
    if (token && token !== current && raw?.readyState === 1) {
      raw.send(JSON.stringify({ type: "ping", payload: { authorization: `Bearer ${token}` } }));
      current = token;
      plan();
    } else if ((tokenExpiry(current) ?? 0) > Date.now()) {
      schedule(10_000);
    }
  }
  return {
    connecting(token: string | null) {
      current = token;
    },
    opened(socket: RawSocket) {
      raw = socket;
    },
    connected: plan,
    closed() {
      raw = undefined;
      stop();
    },
  };
}

interface Prepared {
  query: string;
  kind: "subscription" | "request";
  /** A subscription with an `afterSequence` variable: see sequenceResume. */
  resumable: boolean;
}

export function kindOf(doc: DocumentNode): Omit<Prepared, "query"> {
  const operation = doc.definitions.find((d) => d.kind === "OperationDefinition");
  const subscription = operation?.operation === "subscription";
  return {
    kind: subscription ? "subscription" : "request",
    resumable: subscription && !!operation.variableDefinitions?.some((v) => v.variable.name.value === "afterSequence"),
  };
}

/**
 * The API's resumable subscriptions (klaimStatusChanged) take `afterSequence` and send events that carry a
 * `sequence`, replaying the stored ones after it. This remembers the last sequence received, so that a reconnect
 * asks for what came after it (nothing lost), and drops any event at or before it (nothing twice).
 */
function sequenceResume(variables: unknown) {
  const given = (variables ?? {}) as Record<string, unknown>;
  let last = typeof given.afterSequence === "number" ? given.afterSequence : undefined;
  return {
    variables: () => (last === undefined ? given : { ...given, afterSequence: last }),
    /** False for an event already received. */
    accept(data: unknown): boolean {
      const root = typeof data === "object" && data !== null ? Object.values(data)[0] : undefined;
      const sequence = typeof root === "object" && root !== null ? (root as { sequence?: unknown }).sequence : undefined;
      if (typeof sequence !== "number") return true;
      if (last !== undefined && sequence <= last) return false;
      last = sequence;
      return true;
    },
  };
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === "object" && value !== null && "code" in value && "reason" in value;
}

/** What graphql-ws throws (a close event, the errors of an `error` message, a socket error) as a JmoError. */
function subscriptionError(error: unknown, msg: ReturnType<typeof messages>): JmoError {
  if (error instanceof JmoError) return error;
  if (Array.isArray(error)) return JmoError.fromGraphQL(error as GraphQLFormattedError[]);
  if (isCloseEvent(error)) {
    const close = `${error.code} ${error.reason}`.trim();
    // 4403: the server refused the token at connection_init, or closed the socket because its session ended
    // (logout, password reset, a block): sign in again.
    if (error.code === FORBIDDEN) {
      return new JmoError({ code: "UNAUTHENTICATED", detail: "SESSION_ENDED", message: msg.sessionEnded(close), cause: error });
    }
    // 4429: this account already has as many sockets open as the server allows.
    if (error.code === 4429) return new JmoError({ code: "RATE_LIMITED", message: msg.tooManySockets(close), cause: error });
    return JmoError.network(msg.socketClosed(close), error);
  }
  const message = error instanceof Error ? error.message : typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return JmoError.network(msg.socketError(message), error);
}
