import { Field, ID, InterfaceType, ObjectType } from "type-graphql";
import { UserErrorCode } from "./enums.ts";

@InterfaceType({ description: "An object with an opaque, unguessable global id; `node(id:)` fetches it." })
export abstract class Node {
  @Field(() => ID, { description: "Opaque global id: cache by it, and fetch the object again with node(id:) or nodes(ids:)" })
  id!: string;
}

@ObjectType({ description: "A business-rule failure of a mutation, in the caller's language." })
export class UserError {
  @Field(() => UserErrorCode, { description: "What went wrong; stable, for code to branch on" })
  code!: UserErrorCode;

  @Field(() => [String], { nullable: true, description: "Path of the input field at fault, e.g. [\"input\", \"password\"]" })
  field?: string[] | null;

  @Field(() => String, { description: "What went wrong and what to do, for the member: Indonesian, or English with `Accept-Language: en`" })
  message!: string;
}

/** How many items a connection returns when `first` is left out, and the most it returns. */
export const CONNECTION_DEFAULT_FIRST = 20;
export const CONNECTION_MAX_FIRST = 100;
/** The descriptions of every connection's paging arguments, so that they read (and stay) the same. */
export const FIRST_ARG_DESCRIPTION = `How many items, ${CONNECTION_DEFAULT_FIRST} when left out; 1 to ${CONNECTION_MAX_FIRST} (BAD_USER_INPUT otherwise)`;
export const AFTER_ARG_DESCRIPTION = "pageInfo.endCursor of the previous page; left out: from the start (an unknown cursor: BAD_USER_INPUT)";

@ObjectType({
  description:
    "Where a page of a connection lies (Relay cursor connections). Pages go forward only: ask for the next with `first` and `after: endCursor` while hasNextPage",
})
export class PageInfo {
  @Field(() => Boolean, { description: "More items follow: ask again with `after: endCursor`" })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: "Items come before this page: true when the page was asked for with `after` (connections page forward only)",
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the first edge of this page; null when the page is empty" })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The cursor of the last edge of this page; null when the page is empty" })
  endCursor!: string | null;
}

/** Objects that carry the id of the participant who owns them; the API guards every field of such a type. */
export interface Owned {
  readonly ownerParticipantId: string;
}
