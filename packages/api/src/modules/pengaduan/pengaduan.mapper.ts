import {
  KoreksiField,
  Pengaduan,
  PengaduanAttachment,
  PengaduanAttachmentType,
  PengaduanAuthor,
  PengaduanKategori,
  PengaduanKoreksi,
  PengaduanMessage,
  PengaduanStatus,
} from "@jmo/schema";
import { toGlobalId } from "../../common/global-id.ts";
import type { PengaduanAttachmentRow, PengaduanRow } from "./pengaduan.table.ts";
import type { MessageView } from "./pengaduan.service.ts";

const OPEN = new Set(["DITERIMA", "DIPROSES"]);

export function attachmentPath(id: string): string {
  return `/attachments/pengaduan/${id}`;
}

const KOREKSI_FIELDS = [
  ["fullName", KoreksiField.FULL_NAME],
  ["birthPlace", KoreksiField.BIRTH_PLACE],
  ["birthDate", KoreksiField.BIRTH_DATE],
  ["gender", KoreksiField.GENDER],
] as const;

export function toPengaduan(row: PengaduanRow, now: Date): Pengaduan {
  return Object.assign(new Pengaduan(), {
    ownerParticipantId: row.participantId,
    rowId: row.id,
    cardRowId: row.cardId,
    id: toGlobalId("Pengaduan", row.id),
    nomor: row.nomor,
    kategori: row.kategori as PengaduanKategori,
    subject: row.subject,
    description: row.description,
    status: row.status as PengaduanStatus,
    statusReason: row.statusReason,
    employerName: row.employerName,
    koreksi: KOREKSI_FIELDS.flatMap(([key, field]) => {
      const change = row.koreksi?.[key];
      return change ? [Object.assign(new PengaduanKoreksi(), { ownerParticipantId: row.participantId, field, before: change.before, proposed: change.proposed })] : [];
    }),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    dueAt: row.dueAt,
    late: OPEN.has(row.status) && row.dueAt.getTime() < now.getTime(),
    closedAt: row.closedAt,
  });
}

export function toAttachment(row: PengaduanAttachmentRow, ownerParticipantId: string): PengaduanAttachment {
  return Object.assign(new PengaduanAttachment(), {
    ownerParticipantId,
    id: row.id,
    fileName: row.fileName,
    type: row.type as PengaduanAttachmentType,
    sizeBytes: row.sizeBytes,
    url: attachmentPath(row.id),
  });
}

export function toMessage(view: MessageView, ownerParticipantId: string): PengaduanMessage {
  return Object.assign(new PengaduanMessage(), {
    ownerParticipantId,
    id: view.message.id,
    author: view.message.author as PengaduanAuthor,
    body: view.message.body,
    status: (view.message.status ?? null) as PengaduanStatus | null,
    at: view.message.at,
    attachments: view.attachments.map((a) => toAttachment(a, ownerParticipantId)),
  });
}
