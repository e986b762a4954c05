import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateTimeScalar } from "./scalars.ts";
import { AccountEventType, Role } from "./enums.ts";
import { UserError } from "./common.types.ts";
import { Participant } from "./participant.types.ts";
import { NewBpuCard } from "./bpu-card.types.ts";

@InputType()
export class LoginInput {
  @Field(() => String, { description: "Email or phone number (08…, 628… or +628…)" })
  identifier!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The deviceToken this client got at its last sign-in. With it, this device's attempts count apart from the identifier's, so a lock caused by someone else's wrong passwords does not keep it out. An invalid one, or one of another account, is ignored",
  })
  deviceToken?: string | null;
}

@InputType()
export class RefreshSessionInput {
  @Field(() => String)
  refreshToken!: string;
}

@ObjectType({ description: "The result of login or refreshSession. Tokens are null when userErrors is not empty." })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: "Send as `Authorization: Bearer <token>`; short-lived" })
  accessToken!: string | null;

  @Field(() => String, { nullable: true, description: "Single use: exchange it with refreshSession for a new pair" })
  refreshToken!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the access token expires" })
  expiresAt!: Date | null;

  @Field(() => Participant, { nullable: true, description: "The signed-in participant; null for staff" })
  participant!: Participant | null;

  @Field(() => Role, { nullable: true })
  role!: Role | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Keep it on this device (long-lived) and send it as LoginInput.deviceToken with the next login: this device then keeps signing in while the identifier is locked by wrong passwords typed elsewhere. Given by login and registrationComplete, null from refreshSession. Grants nothing by itself",
  })
  deviceToken?: string | null;

  @Field(() => NewBpuCard, {
    nullable: true,
    description:
      "registrationComplete of a BPU_NEW sign-up only: the new card with its full KPJ (also sent by email and SMS); null in every other answer",
  })
  newCard?: NewBpuCard | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class LogoutPayload {
  @Field(() => Boolean, { description: "True when a session was signed out" })
  success!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ description: "The signed-in account" })
export class Viewer {
  participantId!: string | null;

  @Field(() => ID)
  accountId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Participant, { nullable: true })
  participant?: Participant | null;
}

@ObjectType({ description: "Something that happened to the signed-in account, e.g. a sign-in from another device" })
export class AccountEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => AccountEventType)
  type!: AccountEventType;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => String, { nullable: true, description: "A short description of the device, e.g. \"Chrome on Android\"" })
  device!: string | null;
}
