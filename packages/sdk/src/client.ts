import { print, type DocumentNode, type GraphQLFormattedError } from "graphql";
import { CloseCode, createClient, type Client as WsClient } from "graphql-ws";
import { JmoError } from "./errors.ts";
import { getSdk } from "./generated/graphql.ts";

type MaybePromise<T> = T | Promise<T>;

export interface JmoClientOptions {
  /** The GraphQL endpoint, e.g. "https://api.example.go.id/graphql"; subscriptions use the same URL over ws(s). */
  url: string;
  /** The current access token, asked for before every request and every WebSocket (re)connect. */
  getToken?: () => MaybePromise<string | null | undefined>;
  /** Defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** A WebSocket constructor for subscriptions where there is no global one (Node 20: `import WebSocket from "ws"`). */
  webSocketImpl?: unknown;
  /** Extra HTTP headers for queries and mutations (browsers cannot send headers on a WebSocket). */
  headers?: Record<string, string>;
  /** e.g. "en" for English messages; the API answers in Indonesian by default. */
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

type Sdk = ReturnType<typeof getSdk<RequestOptions>>;

/** One typed method per operation, in lowerCamelCase: `me()`, `login({ input })`, `accountEvents()`… */
export type JmoOperations = { [K in keyof Sdk as Uncapitalize<K & string>]: Sdk[K] };

export type JmoClient = JmoOperations & {
  /** Closes the WebSocket (ending every subscription); queries and mutations keep working. */
  dispose(): Promise<void>;
};

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

export function createJmoClient(options: JmoClientOptions): JmoClient {
  const { url, getToken, headers, acceptLanguage, webSocketImpl } = options;
  // Looked up at call time and called unbound: browsers throw "Illegal invocation" on a detached fetch.
  const fetchImpl: typeof globalThis.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const prepared = new WeakMap<DocumentNode, Prepared>();
  const prepare = (doc: DocumentNode) => {
    let p = prepared.get(doc);
    if (!p) prepared.set(doc, (p = { query: print(doc), ...kindOf(doc) }));
    return p;
  };

  async function request(doc: DocumentNode, variables: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    const { query } = prepare(doc);
    const token = await getToken?.();
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
      throw JmoError.network(`Cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`, error);
    }
    const headerId = response.headers.get("x-request-id") ?? undefined;
    let body: GraphQLResponse;
    try {
      body = (await response.json()) as GraphQLResponse;
    } catch (error) {
      throw JmoError.network(`HTTP ${response.status}: the response is not JSON`, error, headerId);
    }
    const requestId = typeof body.extensions?.requestId === "string" ? body.extensions.requestId : headerId;
    if (body.errors?.length) throw JmoError.fromGraphQL(body.errors, requestId);
    if (!response.ok || body.data == null) throw JmoError.network(`HTTP ${response.status}: no data in the response`, undefined, requestId);
    return body.data;
  }

  let ws: WsClient | undefined;
  // The server closes a socket when the access token it was opened with expires (4419), unless a fresh token reaches
  // it first in a graphql-ws ping. So shortly before the socket's token expires, the client asks `getToken()` for the
  // current one and, if the app has refreshed it, sends it on the open socket: subscriptions run on without a gap.
  const tokenRenewal = socketTokenRenewal(getToken);
  const socket = () =>
    (ws ??= createClient({
      url: url.replace(/^http/i, "ws"),
      webSocketImpl,
      // Called on every (re)connect, so a reconnect picks up a refreshed token.
      connectionParams: async () => {
        const token = await getToken?.();
        tokenRenewal.connecting(token ?? null);
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
      shouldRetry: (e) => !(isCloseEvent(e) && e.code === CloseCode.Forbidden),
    }));

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
    const start = () =>
      (unsubscribe ??= socket().subscribe<unknown>(payload, {
        // Counted when received, not when handed out: what waits here is still handed out after a reconnect.
        next: (result) => {
          if (!result.errors?.length && resume && !resume.accept(result.data)) return; // already received
          received.push(result);
          wake();
        },
        error: (error) => finish({ error: subscriptionError(error) }),
        complete: () => finish({}),
      }));
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

  const sdk = getSdk<RequestOptions>(<R, V>(doc: DocumentNode, variables?: V, opts?: RequestOptions) =>
    prepare(doc).kind === "subscription"
      ? (subscribe(doc, variables) as AsyncIterable<R>)
      : (request(doc, variables, opts?.signal) as Promise<R>),
  );
  // The generated methods do not use `this`, so they can be re-keyed as they are.
  const operations = Object.fromEntries(
    Object.entries(sdk).map(([name, method]) => [name.charAt(0).toLowerCase() + name.slice(1), method]),
  ) as JmoOperations;

  return {
    ...operations,
    async dispose() {
      const current = ws;
      ws = undefined;
      tokenRenewal.closed();
      await current?.dispose();
    },
  };
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

/**
 * Sends the app's current access token on the open socket (a graphql-ws ping `{ authorization }`) before the token
 * the socket holds expires. If the app has no fresher token yet, it asks again every 10 s; should the old one expire
 * first, the server closes with 4419 and graphql-ws reconnects, asking `getToken()` again.
 */
function socketTokenRenewal(getToken: JmoClientOptions["getToken"]) {
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
  async function renew() {
    timer = undefined;
    let token: string | null | undefined;
    try {
      token = await getToken?.();
    } catch {
      token = undefined;
    }
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

function kindOf(doc: DocumentNode): Omit<Prepared, "query"> {
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
function subscriptionError(error: unknown): JmoError {
  if (error instanceof JmoError) return error;
  if (Array.isArray(error)) return JmoError.fromGraphQL(error as GraphQLFormattedError[]);
  if (isCloseEvent(error)) {
    // 4403: the server refused the token at connection_init, or closed the socket because its session ended
    // (logout, password reset, a block): sign in again.
    if (error.code === CloseCode.Forbidden) {
      return new JmoError({
        code: "UNAUTHENTICATED",
        detail: "SESSION_ENDED",
        message: `The server refused the access token or the session has ended (${error.code} ${error.reason})`,
        cause: error,
      });
    }
    // 4429: this account already has as many sockets open as the server allows.
    if (error.code === 4429) {
      return new JmoError({ code: "RATE_LIMITED", message: `Too many open connections for this account (${error.code} ${error.reason})`, cause: error });
    }
    return JmoError.network(`WebSocket closed: ${error.code} ${error.reason}`.trim(), error);
  }
  const message = error instanceof Error ? error.message : typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return JmoError.network(`WebSocket error: ${message}`, error);
}
