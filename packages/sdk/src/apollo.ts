import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import type { DocumentNode } from "graphql";
import { Observable } from "rxjs";
import { kindOf, type JmoCore } from "./core.ts";
import { possibleTypes } from "./generated/possible-types.ts";

/*
 * Apollo Client on the JMO transport. One terminating link sends queries and mutations over HTTP and subscriptions
 * over the core's graphql-ws socket (the split), both with the core's token, refresh, reconnect and the resume of
 * klaimStatusChanged; the cache knows the schema's possibleTypes, so fragments on `Node` match without introspection.
 */

/** The link: queries and mutations POSTed as JSON, subscriptions over the core's WebSocket. */
export function createJmoApolloLink(core: JmoCore): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        const query: DocumentNode = operation.query;
        const variables = operation.variables as Record<string, unknown>;
        if (kindOf(query).kind === "subscription") {
          const events = core.subscribe(query, variables);
          void (async () => {
            try {
              for await (const data of events) observer.next({ data: data as Record<string, unknown> });
              observer.complete();
            } catch (error) {
              observer.error(error);
            }
          })();
          return () => void events.return?.();
        }
        const controller = new AbortController();
        // The whole response, errors included: Apollo applies the query's errorPolicy to them.
        core.execute(query, variables, { signal: controller.signal }).then(
          (result) => {
            observer.next(result as ApolloLink.Result);
            observer.complete();
          },
          (error: unknown) => observer.error(error),
        );
        return () => controller.abort();
      }),
  );
}

/** An InMemoryCache that knows the schema's interfaces (`Node`) and unions. */
export function createJmoApolloCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes });
}

/** An Apollo Client on the JMO link and cache; `options` passes anything else Apollo takes (defaultOptions…). */
export function createJmoApolloClient(core: JmoCore, options: Partial<ApolloClient.Options> = {}): ApolloClient {
  return new ApolloClient({ cache: createJmoApolloCache(), ...options, link: options.link ?? createJmoApolloLink(core) });
}

export { possibleTypes };
