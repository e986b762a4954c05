import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "./scalars.ts";
import { Gender, MembershipStatus, Nationality, PengkinianStatus, Segment } from "./enums.ts";
import { Node, PageInfo, UserError, type Owned } from "./common.types.ts";
import { ReportedContribution, SaldoJht } from "./saldo.types.ts";
import { Address, BankAccount, EmergencyContact, Pengkinian } from "./pengkinian.types.ts";
import { BloodType, Education, MaritalStatus, Religion } from "./enums.ts";

@ObjectType({ implements: Node, description: "An employer (pemberi kerja) registered with BPJS Ketenagakerjaan." })
export class Employer implements Node {
  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
  id!: string;

  @Field(() => String, { description: "Nomor Pendaftaran Perusahaan" })
  npp!: string;

  @Field(() => String, { description: "Registered company name" })
  name!: string;
}

@ObjectType({ implements: Node, description: "A membership card (KPJ). One participant can hold several, one per employment." })
export class Card implements Node, Owned {
  ownerParticipantId!: string;
  /** The card's row id (the global id is derived from it). */
  rowId!: string;
  employerId!: string | null;
  /** The full KPJ, kept on the object for the owner-only `kpj` field (never a field by itself). */
  kpjFull!: string;

  @Field(() => ID, { description: "Global id (opaque); pass it as cardId" })
  id!: string;

  @Field(() => String, { description: 'KPJ with the middle digits hidden, e.g. "21*******78"' })
  kpjMasked!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The full KPJ (11 digits), only for the card's holder (they need it for pengkinian and klaim, and the digital card replaces the plastic one); null for staff",
  })
  kpj?: string | null;

  @Field(() => Segment, { description: "The membership segment of this card (PU, BPU, JAKON, PMI)" })
  segment!: Segment;

  @Field(() => MembershipStatus, { description: "AKTIF, NONAKTIF or (a new BPU card) MENUNGGU_IURAN_PERTAMA" })
  status!: MembershipStatus;

  @Field(() => DateScalar, { description: "The day the card was registered (kepesertaan start)" })
  registeredAt!: string;

  @Field(() => DateScalar, { nullable: true, description: "When contributions stopped (the card became NONAKTIF)" })
  nonaktifSince!: string | null;

  @Field(() => Employer, { nullable: true, description: "Last employer; null for self-employed (BPU) cards" })
  employer?: Employer | null;

  @Field(() => SaldoJht, { description: "This card's JHT balance and yearly statement" })
  saldoJht?: SaldoJht;

  @Field(() => ReportedContribution, { nullable: true, description: '"Data yang dilaporkan": the last reported contribution' })
  lastReported?: ReportedContribution | null;
}

@ObjectType({ description: "The result of a card mutation" })
export class CardPayload {
  @Field(() => Card, { nullable: true, description: "The card after the change; null when userErrors is not empty" })
  card!: Card | null;

  @Field(() => [UserError], { description: "Why the mutation was refused; empty on success" })
  userErrors!: UserError[];
}

@ObjectType({ implements: Node, description: "A participant (peserta), identified by NIK." })
export class Participant implements Node, Owned {
  ownerParticipantId!: string;

  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
  id!: string;

  @Field(() => String, { description: 'NIK with all but the first four and last two digits hidden, e.g. "3201**********01"' })
  nikMasked!: string;

  @Field(() => String, { description: "Full name as on the KTP (or the passport for a WNA)" })
  fullName!: string;

  @Field(() => String, { nullable: true, description: "Tempat lahir; null when not on record" })
  birthPlace!: string | null;

  @Field(() => DateScalar, { description: "Tanggal lahir" })
  birthDate!: string;

  @Field(() => Gender, { description: "Jenis kelamin on record" })
  gender!: Gender;

  @Field(() => Nationality, { description: "WNI or WNA" })
  nationality!: Nationality;

  @Field(() => String, { nullable: true, description: "Email on record; null when none" })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "E.164, e.g. +6281234567890" })
  phone!: string | null;

  @Field(() => PengkinianStatus, { description: "Where the participant's data update stands; TERVERIFIKASI is needed for a JHT claim in JMO" })
  pengkinianStatus!: PengkinianStatus;

  @Field(() => Pengkinian, { nullable: true, description: "The current or last pengkinian data; null if never started" })
  pengkinian?: Pengkinian | null;

  // The profile below is what a verified pengkinian data wrote (null until then).
  @Field(() => Address, { nullable: true, description: "Alamat domisili" })
  address?: Address | null;

  @Field(() => BankAccount, { nullable: true, description: "The account JHT payments go to; the number masked" })
  bankAccount!: BankAccount | null;

  @Field(() => String, { nullable: true, description: "NPWP with all but the first two and last three digits hidden" })
  npwpMasked!: string | null;

  @Field(() => MaritalStatus, { nullable: true, description: "Status perkawinan; null until a pengkinian data is TERVERIFIKASI" })
  maritalStatus!: MaritalStatus | null;

  @Field(() => Education, { nullable: true, description: "Pendidikan terakhir; null until a pengkinian data is TERVERIFIKASI" })
  education!: Education | null;

  @Field(() => Religion, { nullable: true, description: "Agama; null until a pengkinian data is TERVERIFIKASI" })
  religion!: Religion | null;

  @Field(() => BloodType, { nullable: true, description: "Golongan darah; null until a pengkinian data is TERVERIFIKASI" })
  bloodType!: BloodType | null;

  @Field(() => EmergencyContact, { nullable: true, description: "Kontak darurat" })
  emergencyContact!: EmergencyContact | null;

  @Field(() => [Card], { description: "All cards on this participant's NIK, oldest first" })
  cards?: Card[];

  @Field(() => SaldoJht, { description: "The JHT balance of all cards merged" })
  saldoJht?: SaldoJht;
}

@ObjectType({ description: "A participant in a ParticipantConnection" })
export class ParticipantEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to get the participants after this one" })
  cursor!: string;

  @Field(() => Participant, { description: "The participant" })
  node!: Participant;
}

@ObjectType({ description: "A page of participants (Relay connection)" })
export class ParticipantConnection {
  @Field(() => [ParticipantEdge], { description: "The participants of this page, in order" })
  edges!: ParticipantEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more pages" })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Number of participants matching the search" })
  totalCount!: number;
}
