import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateTimeScalar } from "./scalars.ts";
import { AccountEventType, Role } from "./enums.ts";
import { UserError } from "./common.types.ts";
import { Participant } from "./participant.types.ts";
import { NewBpuCard } from "./bpu-card.types.ts";

@InputType({ description: "Sign-in credentials" })
export class LoginInput {
  @Field(() => String, { description: "Email or phone number (08…, 628… or +628…)" })
  identifier!: string;

  @Field(() => String, { description: "The account's password (8–128 characters)" })
  password!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The deviceToken this client got at its last sign-in. With it, this device's attempts count apart from the identifier's, so a lock caused by someone else's wrong passwords does not keep it out. An invalid one, or one of another account, is ignored",
  })
  deviceToken?: string | null;
}

@InputType({ description: "The refresh token to exchange" })
export class RefreshSessionInput {
  @Field(() => String, { description: "The refreshToken of the last LoginPayload; single use" })
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

  @Field(() => Role, { nullable: true, description: "PESERTA or PETUGAS; null when userErrors is not empty" })
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

  @Field(() => [UserError], { description: "Why sign-in was refused; empty on success" })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of logout" })
export class LogoutPayload {
  @Field(() => Boolean, { description: "True when a session was signed out" })
  success!: boolean;

  @Field(() => [UserError], { description: "Why the mutation was refused; empty on success" })
  userErrors!: UserError[];
}

@ObjectType({ description: "The signed-in account" })
export class Viewer {
  participantId!: string | null;

  @Field(() => ID, { description: "The account's id (as AccountUnblockInput.accountId)" })
  accountId!: string;

  @Field(() => Role, { description: "PESERTA (participant) or PETUGAS (staff)" })
  role!: Role;

  @Field(() => Participant, { nullable: true, description: "The participant the account belongs to; null for staff" })
  participant?: Participant | null;
}

@ObjectType({ description: "Something that happened to the signed-in account, e.g. a sign-in from another device" })
export class AccountEvent {
  @Field(() => ID, { description: "Unique per event; a client can drop repeats by it" })
  id!: string;

  @Field(() => AccountEventType, { description: "What happened" })
  type!: AccountEventType;

  @Field(() => DateTimeScalar, { description: "When it happened" })
  at!: Date;

  @Field(() => String, { nullable: true, description: "A short description of the device, e.g. \"Chrome on Android\"" })
  device!: string | null;
}
