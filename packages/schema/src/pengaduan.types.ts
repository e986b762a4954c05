import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node, PageInfo, UserError, type Owned } from "./common.types.ts";
import { Gender } from "./enums.ts";
import { Card } from "./participant.types.ts";
import { DateScalar, DateTimeScalar } from "./scalars.ts";

export enum PengaduanKategori {
  KOREKSI_DATA = "KOREKSI_DATA",
  PERUSAHAAN_TIDAK_MENDAFTARKAN = "PERUSAHAAN_TIDAK_MENDAFTARKAN",
  KLAIM = "KLAIM",
  IURAN = "IURAN",
  AKUN = "AKUN",
  LAINNYA = "LAINNYA",
}
registerEnumType(PengaduanKategori, {
  name: "PengaduanKategori",
  description: "What a ticket (pengaduan) is about; each category has its service-level target (PengaduanQueueCategory.targetWorkingDays)",
  valuesConfig: {
    KOREKSI_DATA: {
      description: "Koreksi data: the membership record differs from the KTP/KK (name spelling, birth place or date, gender). Needs `koreksi` and a document; accepted (SELESAI), it corrects the record",
    },
    PERUSAHAAN_TIDAK_MENDAFTARKAN: { description: "The employer did not register the member (or stopped paying): needs employerName" },
    KLAIM: { description: "A benefit claim: needs the card it concerns" },
    IURAN: { description: "Contributions (missing months, wrong wage reported): needs the card it concerns" },
    AKUN: { description: "The JMO account: sign-in, blocked account, email or phone" },
    LAINNYA: { description: "Anything else" },
  },
});

export enum PengaduanStatus {
  DITERIMA = "DITERIMA",
  DIPROSES = "DIPROSES",
  SELESAI = "SELESAI",
  DITOLAK = "DITOLAK",
}
registerEnumType(PengaduanStatus, {
  name: "PengaduanStatus",
  description: "Where a ticket stands: DITERIMA → DIPROSES → SELESAI, or DITOLAK (from DITERIMA or DIPROSES), each change with a reason",
  valuesConfig: {
    DITERIMA: { description: "Received, waiting for staff" },
    DIPROSES: { description: "Staff are working on it" },
    SELESAI: { description: "Done (a KOREKSI_DATA ticket: the record was corrected)" },
    DITOLAK: { description: "Refused; statusReason says why. File a new ticket with what was missing" },
  },
});

export enum PengaduanAuthor {
  PESERTA = "PESERTA",
  PETUGAS = "PETUGAS",
}
registerEnumType(PengaduanAuthor, {
  name: "PengaduanAuthor",
  description: "Who wrote a message of a ticket",
  valuesConfig: { PESERTA: { description: "The member" }, PETUGAS: { description: "BPJS Ketenagakerjaan staff" } },
});

export enum PengaduanAttachmentType {
  JPEG = "JPEG",
  PNG = "PNG",
  PDF = "PDF",
}
registerEnumType(PengaduanAttachmentType, {
  name: "PengaduanAttachmentType",
  description: "The file types a ticket takes (KTP, KK, payslip): checked against the file's bytes, not its name",
  valuesConfig: {
    JPEG: { description: "A JPEG photo (image/jpeg)" },
    PNG: { description: "A PNG image (image/png)" },
    PDF: { description: "A PDF document (application/pdf)" },
  },
});

export enum KoreksiField {
  FULL_NAME = "FULL_NAME",
  BIRTH_PLACE = "BIRTH_PLACE",
  BIRTH_DATE = "BIRTH_DATE",
  GENDER = "GENDER",
}
registerEnumType(KoreksiField, {
  name: "KoreksiField",
  description: "A field of the membership record a KOREKSI_DATA ticket may correct",
  valuesConfig: {
    FULL_NAME: { description: "Nama lengkap, as on the KTP" },
    BIRTH_PLACE: { description: "Tempat lahir" },
    BIRTH_DATE: { description: "Tanggal lahir (YYYY-MM-DD)" },
    GENDER: { description: "Jenis kelamin (LAKI_LAKI or PEREMPUAN)" },
  },
});

@ObjectType({ description: "A file attached to a ticket's message; its bytes are served only to the ticket's owner and staff" })
export class PengaduanAttachment implements Owned {
  ownerParticipantId!: string;

  @Field(() => ID, { description: "The attachment's id" })
  id!: string;

  @Field(() => String, { description: "The file name as sent (without any path), with its type's extension" })
  fileName!: string;

  @Field(() => PengaduanAttachmentType, { description: "JPEG, PNG or PDF, as its bytes are" })
  type!: PengaduanAttachmentType;

  @Field(() => Int, { description: "Size in bytes" })
  sizeBytes!: number;

  @Field(() => String, {
    description: "Path of the file on this API: GET it with the same Authorization header (/attachments/pengaduan/{id}); 404 for anyone but the owner and staff",
  })
  url!: string;
}

@ObjectType({ description: "One message of a ticket's conversation: the member's, staff's reply, or a status change with its reason" })
export class PengaduanMessage implements Owned {
  ownerParticipantId!: string;

  @Field(() => ID, { description: "The message's id" })
  id!: string;

  @Field(() => PengaduanAuthor, { description: "Who wrote it" })
  author!: PengaduanAuthor;

  @Field(() => String, { nullable: true, description: "The text (for a status change: its reason)" })
  body!: string | null;

  @Field(() => PengaduanStatus, { nullable: true, description: "The status this message set; null for a plain message" })
  status!: PengaduanStatus | null;

  @Field(() => DateTimeScalar, { description: "When" })
  at!: Date;

  @Field(() => [PengaduanAttachment], { description: "Files sent with it" })
  attachments!: PengaduanAttachment[];
}

@ObjectType({ description: "A correction a KOREKSI_DATA ticket asks for" })
export class PengaduanKoreksi implements Owned {
  ownerParticipantId!: string;

  @Field(() => KoreksiField, { description: "The field" })
  field!: KoreksiField;

  @Field(() => String, { nullable: true, description: "The record's value when the ticket was filed" })
  before!: string | null;

  @Field(() => String, { description: "The value asked for (written to the record when staff accept the ticket)" })
  proposed!: string;
}

@ObjectType({ implements: Node, description: "A member's ticket (pengaduan): a complaint or a data correction, with its conversation" })
export class Pengaduan implements Node, Owned {
  ownerParticipantId!: string;
  rowId!: string;
  cardRowId!: string | null;

  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
  id!: string;

  @Field(() => String, { description: "The ticket number to quote: ADU-YYYYMMDD-NNNN, sequential per day (WIB)" })
  nomor!: string;

  @Field(() => PengaduanKategori, { description: "What it is about" })
  kategori!: PengaduanKategori;

  @Field(() => String, { description: "The subject, one line" })
  subject!: string;

  @Field(() => String, { description: "The member's description" })
  description!: string;

  @Field(() => PengaduanStatus, { description: "Where it stands" })
  status!: PengaduanStatus;

  @Field(() => String, { nullable: true, description: "The reason given with the last status change" })
  statusReason!: string | null;

  @Field(() => Card, { nullable: true, description: "The card it concerns, if any" })
  card?: Card | null;

  @Field(() => String, { nullable: true, description: "PERUSAHAAN_TIDAK_MENDAFTARKAN: the employer named" })
  employerName!: string | null;

  @Field(() => [PengaduanKoreksi], { description: "KOREKSI_DATA: the corrections asked for; empty for other categories" })
  koreksi!: PengaduanKoreksi[];

  @Field(() => DateTimeScalar, { description: "When it was filed" })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: "When it last changed (a message or a status)" })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { description: "The service-level deadline: the end of the category's n-th working day after filing (WIB)" })
  dueAt!: Date;

  @Field(() => Boolean, { description: "Still open (DITERIMA or DIPROSES) after dueAt" })
  late!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it became SELESAI or DITOLAK" })
  closedAt!: Date | null;

  @Field(() => [PengaduanMessage], { description: "The conversation, oldest first: the opening message, replies and status changes" })
  messages?: PengaduanMessage[];
}

@ObjectType({ description: "An edge of a ticket list" })
export class PengaduanEdge {
  @Field(() => String, { description: "Opaque; pass as `after` for the tickets after this one" })
  cursor!: string;

  @Field(() => Pengaduan, { description: "The ticket" })
  node!: Pengaduan;
}

@ObjectType({ description: "A page of tickets (Relay connection)" })
export class PengaduanConnection {
  @Field(() => [PengaduanEdge], { description: "The tickets of this page" })
  edges!: PengaduanEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more pages" })
  pageInfo!: PageInfo;
}

@ObjectType({ description: "Staff: the open tickets of one category" })
export class PengaduanQueueCategory {
  @Field(() => PengaduanKategori, { description: "The category" })
  kategori!: PengaduanKategori;

  @Field(() => Int, { description: "Its service-level target in working days" })
  targetWorkingDays!: number;

  @Field(() => Int, { description: "Open tickets (DITERIMA or DIPROSES)" })
  open!: number;

  @Field(() => Int, { description: "Open tickets past their dueAt" })
  late!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the oldest open ticket was filed; null when none is open" })
  oldestCreatedAt!: Date | null;
}

@InputType({ description: "KOREKSI_DATA: the values as they should be (as on the KTP/KK); at least one that differs from the record" })
export class PengaduanKoreksiInput {
  @Field(() => String, { nullable: true, description: "The full name" })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: "The birth place" })
  birthPlace?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The birth date" })
  birthDate?: string | null;

  @Field(() => Gender, { nullable: true, description: "The gender" })
  gender?: Gender | null;
}

@InputType({ description: "A file to attach: JPEG, PNG or PDF of at most 2 MB, base64" })
export class PengaduanAttachmentInput {
  @Field(() => String, { description: "The file's name (any path is dropped)" })
  fileName!: string;

  @Field(() => PengaduanAttachmentType, { description: "What the file is; its bytes must be that (PENGADUAN_ATTACHMENT_TYPE_MISMATCH otherwise)" })
  type!: PengaduanAttachmentType;

  @Field(() => String, { description: "The file's bytes, base64 (at most 2 MB decoded; a request carries at most MAX_REQUEST_BYTES)" })
  contentBase64!: string;
}

@InputType({ description: "File a ticket" })
export class PengaduanCreateInput {
  @Field(() => PengaduanKategori, { description: "What it is about" })
  kategori!: PengaduanKategori;

  @Field(() => String, { description: "One line, at most 120 characters" })
  subject!: string;

  @Field(() => String, { description: "What happened and what you ask for, at most 4000 characters" })
  description!: string;

  @Field(() => ID, { nullable: true, description: "The card it concerns (Card.id); required for KLAIM and IURAN" })
  cardId?: string | null;

  @Field(() => String, { nullable: true, description: "PERUSAHAAN_TIDAK_MENDAFTARKAN (required): the employer's name" })
  employerName?: string | null;

  @Field(() => PengaduanKoreksiInput, { nullable: true, description: "KOREKSI_DATA (required): the corrected values" })
  koreksi?: PengaduanKoreksiInput | null;

  @Field(() => [PengaduanAttachmentInput], { nullable: true, description: "Up to 3 files (KTP, KK, payslip); KOREKSI_DATA needs at least one" })
  attachments?: PengaduanAttachmentInput[] | null;

  @Field(() => String, { description: "8–100 of A–Z a–z 0–9 - _ (a UUID): a retry with the same key answers the same ticket" })
  idempotencyKey!: string;
}

@InputType({ description: "A message on a ticket, from its owner or staff" })
export class PengaduanReplyInput {
  @Field(() => ID, { description: "The ticket (Pengaduan.id)" })
  pengaduanId!: string;

  @Field(() => String, { description: "The message, 1–4000 characters" })
  body!: string;

  @Field(() => [PengaduanAttachmentInput], { nullable: true, description: "Up to 3 files" })
  attachments?: PengaduanAttachmentInput[] | null;
}

@InputType({ description: "Staff: move a ticket on, with the reason the member reads" })
export class PengaduanSetStatusInput {
  @Field(() => ID, { description: "The ticket (Pengaduan.id)" })
  pengaduanId!: string;

  @Field(() => PengaduanStatus, { description: "DIPROSES (from DITERIMA), SELESAI (from DIPROSES) or DITOLAK (from either)" })
  status!: PengaduanStatus;

  @Field(() => String, { description: "Why, 1–1000 characters: shown to the member in the conversation and the notification" })
  reason!: string;
}

@ObjectType({ description: "The ticket filed or changed, or why not" })
export class PengaduanPayload {
  @Field(() => Pengaduan, { nullable: true, description: "The ticket; null when refused" })
  pengaduan!: Pengaduan | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success" })
  userErrors!: UserError[];
}
