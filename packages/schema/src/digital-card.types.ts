import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "./scalars.ts";
import type { Owned } from "./common.types.ts";

export enum DigitalCardInvalidReason {
  EXPIRED = "EXPIRED",
  INVALID = "INVALID",
}
registerEnumType(DigitalCardInvalidReason, {
  name: "DigitalCardInvalidReason",
  description: "Why digitalCardVerify found a token not valid",
  valuesConfig: {
    EXPIRED: { description: "The token was genuine but its time has passed: ask for a fresh card" },
    INVALID: { description: "Not a token we issued, altered, or for a card that is no longer on anyone's profile" },
  },
});

@ObjectType({ description: "The membership card to show or save, with a QR code carrying a signed, expiring verification token" })
export class DigitalCard implements Owned {
  ownerParticipantId!: string;

  @Field(() => String, {
    description:
      "A standalone SVG image of the card: the card's holder sees the full NIK and KPJ on it (the card replaces the plastic one); staff see them masked",
  })
  svg!: string;

  @Field(() => String, { nullable: true, description: "The full NIK (16 digits), only for the card's holder; null for staff" })
  nik!: string | null;

  @Field(() => String, { nullable: true, description: "The full KPJ (11 digits), only for the card's holder; null for staff" })
  kpj!: string | null;

  @Field(() => String, { description: 'NIK masked as everywhere else, e.g. "3174**********07"' })
  nikMasked!: string;

  @Field(() => String, { description: 'KPJ masked as everywhere else, e.g. "21*******78"' })
  kpjMasked!: string;

  @Field(() => String, { description: "The token in the QR code; anyone can check it with digitalCardVerify" })
  verificationToken!: string;

  @Field(() => DateTimeScalar, { description: "When verificationToken stops verifying; fetch the card again for a fresh one" })
  expiresAt!: Date;
}

@ObjectType({ description: "What anyone may learn from a digital card's token: genuine or not, active or not, and a masked name" })
export class DigitalCardVerification {
  @Field(() => Boolean, { description: "The token is ours, unaltered, unexpired, and its card exists" })
  valid!: boolean;

  @Field(() => Boolean, { nullable: true, description: "The card is AKTIF; null when not valid" })
  active!: boolean | null;

  @Field(() => String, { nullable: true, description: 'The holder\'s name with all but each word\'s first letter hidden, e.g. "B*** S******"' })
  nameMasked!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the token expires; null when not valid" })
  expiresAt!: Date | null;

  @Field(() => DigitalCardInvalidReason, { nullable: true, description: "Why it is not valid" })
  reason!: DigitalCardInvalidReason | null;
}
