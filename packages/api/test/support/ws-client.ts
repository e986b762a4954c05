import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/** A graphql-ws client as a frontend would open it: the token goes in the connection_init payload. */
export function wsClient(httpUrl: string, token: string | null, extra: { acceptLanguage?: string } = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
  });
}

/** Subscribes and collects results; `next()` waits for the next one (or fails after `ms`). */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: T[] = [];
  const waiters: Array<() => void> = [];
  let failure: unknown;
  let completed = false;
  const wake = () => waiters.splice(0).forEach((w) => w());
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        results.push(value as T);
        wake();
      },
      error: (err) => {
        failure = err;
        wake();
      },
      complete: () => {
        completed = true;
        wake();
      },
    },
  );
  return {
    results,
    get error() {
      return failure;
    },
    get completed() {
      return completed;
    },
    unsubscribe,
    async next(count = results.length + 1, ms = 5000): Promise<T> {
      const deadline = Date.now() + ms;
      while (results.length < count && !failure && !completed) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting for subscription result #${count}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      if (results.length >= count) return results[count - 1]!;
      throw failure ?? new Error("subscription completed");
    },
  };
}

/** Resolves once the server has acknowledged the connection (so the subscription is live). */
export function connected(client: Client): Promise<void> {
  return new Promise((resolve) => {
    const off = client.on("connected", () => {
      off();
      resolve();
    });
  });
}
