import { Field, ID, InterfaceType, ObjectType } from "type-graphql";
import { UserErrorCode } from "./enums.ts";

@InterfaceType({ description: "An object with an opaque, unguessable global id; `node(id:)` fetches it." })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A business-rule failure of a mutation, in the caller's language." })
export class UserError {
  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field(() => [String], { nullable: true, description: "Path of the input field at fault, e.g. [\"input\", \"password\"]" })
  field?: string[] | null;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Objects that carry the id of the participant who owns them; the API guards every field of such a type. */
export interface Owned {
  readonly ownerParticipantId: string;
}
