import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "./scalars.ts";
import { KlaimStatus } from "./enums.ts";
import type { Owned } from "./common.types.ts";

@ObjectType({
  description:
    "One step on a claim's timeline, numbered per claim from 1 (AGENDA at submit). Status changes, and staff actions or payment " +
    "notices that keep the status, each add one.",
})
export class KlaimEvent implements Owned {
  ownerParticipantId!: string;

  @Field(() => Int, { description: "1, 2, 3, … per claim, without gaps: resume a subscription with afterSequence = the last one seen" })
  sequence!: number;

  @Field(() => KlaimStatus, { description: "The claim's status after this event" })
  status!: KlaimStatus;

  @Field(() => DateTimeScalar, { description: "When it happened" })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'What happened, in Indonesian, e.g. "Agenda Klaim", "Proses Klaim Selesai"' })
  note!: string | null;
}

@InputType({ description: "Staff: go ahead with a claim in VERIFIKASI or on hold" })
export class KlaimApproveInput {
  @Field(() => ID, { description: "The claim (Klaim.id)" })
  klaimId!: string;

  @Field(() => String, { nullable: true, description: "Shown on the claim's timeline (at most 500 characters)" })
  note?: string | null;
}

@InputType({ description: "Staff: reject a claim" })
export class KlaimRejectInput {
  @Field(() => ID, { description: "The claim (Klaim.id)" })
  klaimId!: string;

  @Field(() => String, { description: "Why, for the participant (at most 500 characters)" })
  reason!: string;
}

@InputType({ description: "Staff: hold a claim before its payment starts" })
export class KlaimHoldInput {
  @Field(() => ID, { description: "The claim (Klaim.id)" })
  klaimId!: string;

  @Field(() => String, { description: "Why, for the timeline (at most 500 characters)" })
  reason!: string;
}
