import { CONNECTION_DEFAULT_FIRST, CONNECTION_MAX_FIRST, type PageInfo } from "@jmo/schema";
import { badUserInput } from "./errors.ts";
import { idOfType, type NodeType } from "./global-id.ts";

/** The row id an `after` cursor names, when the list's cursors are its nodes' global ids; BAD_USER_INPUT for another's. */
export function afterIdOf(after: string | null | undefined, type: NodeType): string | null {
  if (!after) return null;
  const id = idOfType(after, type);
  if (!id) throw badUserInput("after: not a cursor of this list");
  return id;
}

/** A connection's `first`: the documented default when left out, BAD_USER_INPUT outside 1…max. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return CONNECTION_DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > CONNECTION_MAX_FIRST) throw badUserInput(`first: between 1 and ${CONNECTION_MAX_FIRST}`);
  return first;
}

/**
 * Relay's PageInfo of a forward page. Connections here page forward only, so items precede the page exactly when it
 * was asked for `after` a cursor (the item that cursor names comes before it).
 */
export function forwardPageInfo(edges: readonly { cursor: string }[], hasNextPage: boolean, after: string | null | undefined): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: !!after,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}
