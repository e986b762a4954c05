import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { Node, PageInfo, UserError, type Owned } from "./common.types.ts";
import { Wilayah } from "./reference.types.ts";
import { DateTimeScalar } from "./scalars.ts";

export enum KecelakaanKerjaStatus {
  DILAPORKAN = "DILAPORKAN",
  DIVERIFIKASI = "DIVERIFIKASI",
  DITINDAKLANJUTI = "DITINDAKLANJUTI",
  DITOLAK = "DITOLAK",
}
registerEnumType(KecelakaanKerjaStatus, {
  name: "KecelakaanKerjaStatus",
  description: "Where a work-accident report stands (docs/features/kecelakaan-kerja.md)",
  valuesConfig: {
    DILAPORKAN: { description: "Reported by the member; staff have not looked at it yet" },
    DIVERIFIKASI: { description: "Staff checked the membership, the employer and the facts: it is taken as a work accident case" },
    DITINDAKLANJUTI: {
      description: "Followed up: the case went on to the employer's laporan tahap I / the JKK claim (benefits are paid through the JKK claim, not here)",
    },
    DITOLAK: { description: "Refused (for example not work-related, or a duplicate); the note says why" },
  },
});

export enum KecelakaanKerjaPlaceType {
  DI_LOKASI_KERJA = "DI_LOKASI_KERJA",
  DI_LUAR_LOKASI_KERJA = "DI_LUAR_LOKASI_KERJA",
  LALU_LINTAS = "LALU_LINTAS",
}
registerEnumType(KecelakaanKerjaPlaceType, {
  name: "KecelakaanKerjaPlaceType",
  description: "Where the accident happened, as the JKK laporan tahap I form (3 KK 1) asks it",
  valuesConfig: {
    DI_LOKASI_KERJA: { description: "At the workplace" },
    DI_LUAR_LOKASI_KERJA: { description: "Outside the workplace while working (an errand, a business trip)" },
    LALU_LINTAS: { description: "A traffic accident, including on the way between home and work" },
  },
});

@ObjectType({ description: "Someone who saw the accident" })
export class KecelakaanKerjaWitness {
  @Field(() => String, { description: "Full name" })
  name!: string;

  @Field(() => String, { nullable: true, description: "Phone number (E.164, +62…), when given" })
  phone!: string | null;
}

@ObjectType({ description: "One status of a report, with when and why" })
export class KecelakaanKerjaEvent {
  @Field(() => KecelakaanKerjaStatus, { description: "The status the report reached" })
  status!: KecelakaanKerjaStatus;

  @Field(() => DateTimeScalar, { description: "When" })
  at!: Date;

  @Field(() => String, { nullable: true, description: "Staff's note (always there for DITOLAK)" })
  note!: string | null;
}

@ObjectType({
  implements: Node,
  description:
    "A work-accident report (JKK laporan tahap I as the member gives it): when, where, what happened, the injury, treatment, witnesses and the employer on the card",
})
export class KecelakaanKerjaReport implements Node, Owned {
  ownerParticipantId!: string;
  rowId!: string;

  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
  id!: string;

  @Field(() => String, { description: "The report number, KK-YYYYMMDD-000123 (the reporting day in WIB)" })
  nomor!: string;

  @Field(() => ID, { description: "The card the member was working under (Card.id)" })
  cardId!: string;

  @Field(() => String, { description: "That card's KPJ, masked" })
  kpjMasked!: string;

  @Field(() => String, { nullable: true, description: "The employer on the card when reported (null for a self-employed BPU card)" })
  employerName!: string | null;

  @Field(() => String, { nullable: true, description: "The employer's registration number (NPP), when there is an employer" })
  employerNpp!: string | null;

  @Field(() => DateTimeScalar, { description: "When the accident happened" })
  occurredAt!: Date;

  @Field(() => KecelakaanKerjaPlaceType, { description: "Workplace, outside it while working, or traffic" })
  placeType!: KecelakaanKerjaPlaceType;

  @Field(() => String, { description: "The place's address (street, building, landmark)" })
  address!: string;

  @Field(() => Wilayah, { nullable: true, description: "The place's village, district, regency and province; null if the code left the official list" })
  wilayah!: Wilayah | null;

  @Field(() => String, { description: "What happened (kronologi), in the member's words" })
  description!: string;

  @Field(() => String, { description: "The injury: which part of the body and how" })
  injury!: string;

  @Field(() => Boolean, { description: "Whether the member was treated" })
  treated!: boolean;

  @Field(() => String, { nullable: true, description: "Where the member was treated (clinic, hospital); null when not treated" })
  treatmentPlace!: string | null;

  @Field(() => [KecelakaanKerjaWitness], { description: "Witnesses, possibly none" })
  witnesses!: KecelakaanKerjaWitness[];

  @Field(() => KecelakaanKerjaStatus, { description: "Where the report stands" })
  status!: KecelakaanKerjaStatus;

  @Field(() => DateTimeScalar, { description: "When the member reported it" })
  reportedAt!: Date;

  @Field(() => DateTimeScalar, {
    description: "occurredAt + 48 hours: the employer's deadline for its own report to BPJS Ketenagakerjaan and the labour office (2×24 jam)",
  })
  employerReportDueAt!: Date;

  @Field(() => Boolean, { description: "The member reported after employerReportDueAt: staff chase the employer's report first" })
  reportedAfterDeadline!: boolean;

  @Field(() => [KecelakaanKerjaEvent], { description: "Every status the report went through, oldest first (DILAPORKAN first)" })
  timeline!: KecelakaanKerjaEvent[];
}

@ObjectType({ description: "A report in a KecelakaanKerjaReportConnection" })
export class KecelakaanKerjaReportEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to get the reports after this one" })
  cursor!: string;

  @Field(() => KecelakaanKerjaReport, { description: "The report" })
  node!: KecelakaanKerjaReport;
}

@ObjectType({ description: "A page of work-accident reports, newest first (Relay connection)" })
export class KecelakaanKerjaReportConnection {
  @Field(() => [KecelakaanKerjaReportEdge], { description: "The reports of this page, in order" })
  edges!: KecelakaanKerjaReportEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more pages" })
  pageInfo!: PageInfo;
}

@InputType({ description: "A witness of the accident" })
export class KecelakaanKerjaWitnessInput {
  @Field(() => String, { description: "Full name (1–100 characters)" })
  name!: string;

  @Field(() => String, { nullable: true, description: "Phone number (08…, 628… or +628…), optional" })
  phone?: string | null;
}

@InputType({ description: "A work accident as the member reports it (laporan tahap I)" })
export class KecelakaanKerjaReportInput {
  @Field(() => ID, { description: "The AKTIF card the member was working under (Card.id)" })
  cardId!: string;

  @Field(() => DateTimeScalar, { description: "When it happened (date and time); not in the future, not before the card was registered, at most 2 years ago" })
  occurredAt!: Date;

  @Field(() => KecelakaanKerjaPlaceType, { description: "Workplace, outside it while working, or traffic" })
  placeType!: KecelakaanKerjaPlaceType;

  @Field(() => String, { description: "The place's address (1–300 characters)" })
  address!: string;

  @Field(() => String, { description: "The place's village code (Wilayah.villageCode, from the wilayah search)" })
  villageCode!: string;

  @Field(() => String, { description: "What happened (1–2000 characters)" })
  description!: string;

  @Field(() => String, { description: "The injury (1–500 characters)" })
  injury!: string;

  @Field(() => Boolean, { description: "Whether the member was treated" })
  treated!: boolean;

  @Field(() => String, { nullable: true, description: "Where (1–200 characters): required when treated, refused when not" })
  treatmentPlace?: string | null;

  @Field(() => [KecelakaanKerjaWitnessInput], { nullable: true, description: "Witnesses, 0 to 5" })
  witnesses?: KecelakaanKerjaWitnessInput[] | null;

  @Field(() => String, {
    description: "8–100 of A–Z a–z 0–9 - _ (a UUID): a retry with the same key answers the report already made instead of a second one",
  })
  idempotencyKey!: string;
}

@InputType({ description: "Staff: move a report to its next status" })
export class KecelakaanKerjaUpdateStatusInput {
  @Field(() => ID, { description: "The report (KecelakaanKerjaReport.id)" })
  reportId!: string;

  @Field(() => KecelakaanKerjaStatus, {
    description: "DIVERIFIKASI or DITOLAK from DILAPORKAN; DITINDAKLANJUTI or DITOLAK from DIVERIFIKASI",
  })
  status!: KecelakaanKerjaStatus;

  @Field(() => String, { nullable: true, description: "A note for the member (1–500 characters); required for DITOLAK" })
  note?: string | null;
}

@ObjectType({ description: "The result of a work-accident report mutation" })
export class KecelakaanKerjaReportPayload {
  @Field(() => KecelakaanKerjaReport, { nullable: true, description: "The report; null when refused" })
  report!: KecelakaanKerjaReport | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success" })
  userErrors!: UserError[];
}
