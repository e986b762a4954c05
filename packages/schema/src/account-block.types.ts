import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "./common.types.ts";
import { Participant } from "./participant.types.ts";

@InputType({ description: "Name the account by its participant or by its account id (exactly one of the two)" })
export class AccountUnblockInput {
  @Field(() => ID, { nullable: true, description: "The participant whose account to unblock" })
  participantId?: string | null;

  @Field(() => ID, { nullable: true, description: "The account id (as Viewer.accountId)" })
  accountId?: string | null;

  @Field(() => String, { description: "Why the block is lifted (kept in the audit log), e.g. the branch visit that proved identity" })
  note!: string;
}

@ObjectType()
export class AccountUnblockPayload {
  @Field(() => ID, { nullable: true })
  accountId!: string | null;

  @Field(() => Participant, { nullable: true })
  participant!: Participant | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
