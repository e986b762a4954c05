import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { Owned } from "./common.types.ts";
import { Card } from "./participant.types.ts";
import { BpuContribution } from "./registration.types.ts";
import { DateScalar } from "./scalars.ts";

@ObjectType({
  description:
    "The card a BPU_NEW registration created, told once in registrationComplete's answer (and sent by email and SMS): its full KPJ and the first contribution that makes it AKTIF",
})
export class NewBpuCard implements Owned {
  ownerParticipantId!: string;

  @Field(() => String, { description: "The full KPJ (11 digits): the new member needs it for pengkinian data and klaim" })
  kpj!: string;

  @Field(() => Card, { description: "The card, MENUNGGU_IURAN_PERTAMA until the first contribution is paid" })
  card!: Card;

  @Field(() => BpuContribution, { description: "The first month's contribution to pay (as registration.bpu.monthlyContribution)" })
  firstContribution!: BpuContribution;
}

@InputType({ description: "Staff: the first contribution of a new BPU card was paid (e.g. seen at a branch or a payment channel)" })
export class CardMarkFirstContributionPaidInput {
  @Field(() => ID, { description: "The card (MENUNGGU_IURAN_PERTAMA)" })
  cardId!: string;

  @Field(() => DateScalar, { description: "When it was paid (WIB date): not before the card's registration, not after today" })
  paidAt!: string;

  @Field(() => String, { description: "Where the payment was seen (kept in the audit log), e.g. a receipt number" })
  note!: string;
}

@InputType({ description: "Sandbox only (refused in production): pay a new BPU card's first contribution as a demo" })
export class CardSandboxPayFirstContributionInput {
  @Field(() => ID, { description: "One of the signed-in participant's own cards (MENUNGGU_IURAN_PERTAMA)" })
  cardId!: string;
}
