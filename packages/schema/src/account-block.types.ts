import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "./common.types.ts";
import { Participant } from "./participant.types.ts";

/**
 * Input types that take exactly one of their fields (`@oneOf`). type-graphql has no option for it: the API marks them
 * on the built schema (server/schema.ts), and graphql-js then refuses none or several with a validation error.
 */
export const ONE_OF_INPUT_TYPES = ["AccountRefInput", "NotificationsMarkReadInput"] as const;

@InputType({ description: "An account, by exactly one of: its participant, or its account id (@oneOf: giving none or both is a validation error)" })
export class AccountRefInput {
  @Field(() => ID, { nullable: true, description: "The participant whose account it is (Participant.id)" })
  participantId?: string | null;

  @Field(() => ID, { nullable: true, description: "The account id (as Viewer.accountId); for an account without a participant" })
  accountId?: string | null;
}

@InputType({ description: "The account to unblock (`account`) and why" })
export class AccountUnblockInput {
  @Field(() => AccountRefInput, {
    nullable: true,
    description: "The account to unblock. Required unless the deprecated participantId or accountId is given (never together with them)",
  })
  account?: AccountRefInput | null;

  @Field(() => ID, {
    nullable: true,
    description: "The participant whose account to unblock",
    deprecationReason: "Use account: { participantId }, which takes exactly one of the two (@oneOf); removed in the next major version",
  })
  participantId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The account id (as Viewer.accountId)",
    deprecationReason: "Use account: { accountId }, which takes exactly one of the two (@oneOf); removed in the next major version",
  })
  accountId?: string | null;

  @Field(() => String, { description: "Why the block is lifted (kept in the audit log), e.g. the branch visit that proved identity" })
  note!: string;
}

@ObjectType({ description: "The result of accountUnblock" })
export class AccountUnblockPayload {
  @Field(() => ID, { nullable: true, description: "The account unblocked; null when userErrors is not empty" })
  accountId!: string | null;

  @Field(() => Participant, { nullable: true, description: "Its participant; null when userErrors is not empty or the account has none" })
  participant!: Participant | null;

  @Field(() => [UserError], { description: "Why the mutation was refused; empty on success" })
  userErrors!: UserError[];
}
