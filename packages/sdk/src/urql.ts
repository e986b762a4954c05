import { cacheExchange, Client, subscriptionExchange, type ClientOptions, type Exchange } from "@urql/core";
import type { DocumentNode, ExecutionResult } from "graphql";
import { kindOf, type JmoCore } from "./core.ts";

/*
 * urql on the JMO transport. urql's own fetchExchange sends queries as GET, which the API's CSRF prevention refuses
 * (400): this exchange sends every operation through the core instead: queries and mutations POSTed as JSON with the
 * token (and a refresh on UNAUTHENTICATED), subscriptions over the core's graphql-ws socket, reconnected and, for
 * klaimStatusChanged, resumed after the last `sequence` received, so no event is delivered twice.
 */

/** The exchange that carries every operation (put it last, in place of fetchExchange). */
export function jmoExchange(core: JmoCore): Exchange {
  return subscriptionExchange({
    enableAllOperations: true,
    forwardSubscription: (_request, operation) => ({
      subscribe(sink) {
        const query = operation.query as unknown as DocumentNode;
        const variables = operation.variables as Record<string, unknown> | undefined;
        if (kindOf(query).kind === "subscription") {
          const events = core.subscribe(query, variables);
          void (async () => {
            try {
              for await (const data of events) sink.next({ data } as ExecutionResult);
              sink.complete();
            } catch (error) {
              sink.error(error);
            }
          })();
          return { unsubscribe: () => void events.return?.() };
        }
        const controller = new AbortController();
        core.execute(query, variables, { signal: controller.signal }).then(
          (result) => {
            sink.next(result as ExecutionResult);
            sink.complete();
          },
          (error: unknown) => sink.error(error),
        );
        return { unsubscribe: () => controller.abort() };
      },
    }),
  });
}

/** An urql Client with the document cache and the JMO exchange; `options` passes anything else urql takes. */
export function createJmoUrqlClient(core: JmoCore, options: Partial<ClientOptions> = {}): Client {
  // The url is required by urql but unused: the core knows the endpoint.
  return new Client({ url: "jmo:", exchanges: [cacheExchange, jmoExchange(core)], ...options });
}
