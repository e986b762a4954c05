import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "./scalars.ts";
import { Gender, MembershipStatus, Nationality, PengkinianStatus, Segment } from "./enums.ts";
import { Node, PageInfo, type Owned } from "./common.types.ts";

@ObjectType({ implements: Node, description: "An employer (pemberi kerja) registered with BPJS Ketenagakerjaan." })
export class Employer implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Nomor Pendaftaran Perusahaan" })
  npp!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ implements: Node, description: "A membership card (KPJ). One participant can hold several, one per employment." })
export class Card implements Node, Owned {
  ownerParticipantId!: string;
  employerId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'KPJ with the middle digits hidden, e.g. "21*******78"' })
  kpjMasked!: string;

  @Field(() => Segment)
  segment!: Segment;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => DateScalar)
  registeredAt!: string;

  @Field(() => DateScalar, { nullable: true, description: "When contributions stopped (the card became NONAKTIF)" })
  nonaktifSince!: string | null;

  @Field(() => Employer, { nullable: true, description: "Last employer; null for self-employed (BPU) cards" })
  employer?: Employer | null;
}

@ObjectType({ implements: Node, description: "A participant (peserta), identified by NIK." })
export class Participant implements Node, Owned {
  ownerParticipantId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'NIK with all but the first four and last two digits hidden, e.g. "3201**********01"' })
  nikMasked!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => String, { nullable: true })
  birthPlace!: string | null;

  @Field(() => DateScalar)
  birthDate!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => Nationality)
  nationality!: Nationality;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "E.164, e.g. +6281234567890" })
  phone!: string | null;

  @Field(() => PengkinianStatus)
  pengkinianStatus!: PengkinianStatus;

  @Field(() => [Card], { description: "All cards on this participant's NIK, oldest first" })
  cards?: Card[];
}

@ObjectType()
export class ParticipantEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Participant)
  node!: Participant;
}

@ObjectType()
export class ParticipantConnection {
  @Field(() => [ParticipantEdge])
  edges!: ParticipantEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Number of participants matching the search" })
  totalCount!: number;
}
