import type { DocumentNode } from "graphql";
import { createJmoCore, kindOf, type JmoClientOptions, type JmoCore, type RequestOptions } from "./core.ts";
import { getSdk } from "./generated/graphql.ts";

type Sdk = ReturnType<typeof getSdk<RequestOptions>>;

/** One typed method per operation, in lowerCamelCase: `me()`, `login({ input })`, `accountEvents()`… */
export type JmoOperations = { [K in keyof Sdk as Uncapitalize<K & string>]: Sdk[K] };

/** The core (`request`, `subscribe`, `execute`, `dispose`) plus one typed method per SDK operation. */
export type JmoClient = JmoCore & JmoOperations;

/**
 * The client with a typed method for each of the SDK's operations. It holds every operation document (about 200 kB
 * minified): an app that needs only a few should use `createJmoCore` with the documents it needs (`MeDocument`…).
 */
export function createJmoClient(options: JmoClientOptions): JmoClient {
  return withOperations(createJmoCore(options));
}

/** Adds the SDK's operation methods to a core client (they share its socket, auth and refresh). */
export function withOperations(core: JmoCore): JmoClient {
  const sdk = getSdk<RequestOptions>(<R, V>(doc: DocumentNode, variables?: V, opts?: RequestOptions) =>
    kindOf(doc).kind === "subscription"
      ? (core.subscribe(doc, variables as never) as AsyncIterable<R>)
      : (core.request(doc, variables as never, opts) as Promise<R>),
  );
  // The generated methods do not use `this`, so they can be re-keyed as they are.
  const operations = Object.fromEntries(
    Object.entries(sdk).map(([name, method]) => [name.charAt(0).toLowerCase() + name.slice(1), method]),
  ) as JmoOperations;
  return { ...operations, request: core.request, subscribe: core.subscribe, execute: core.execute, dispose: core.dispose };
}
