import type { DocumentNode } from "graphql";

/*
 * The same shapes as @graphql-typed-document-node/core (which Apollo Client, urql and graphql-request accept), declared
 * here so that the SDK needs no extra dependency: TypeScript compares them by structure, so a document typed with
 * these works wherever that package's TypedDocumentNode is expected.
 */

export interface DocumentTypeDecoration<TResult, TVariables> {
  /** Never set at runtime: it only carries the result and variables types. */
  __apiType?: (variables: TVariables) => TResult;
}

export interface TypedDocumentNode<TResult = { [key: string]: any }, TVariables = { [key: string]: any }>
  extends DocumentNode,
    DocumentTypeDecoration<TResult, TVariables> {}

/** The result type of a typed document, e.g. `ResultOf<typeof MeDocument>` is `MeQuery`. */
export type ResultOf<T> = T extends DocumentTypeDecoration<infer R, any> ? R : never;
/** The variables type of a typed document. */
export type VariablesOf<T> = T extends DocumentTypeDecoration<any, infer V> ? V : never;
