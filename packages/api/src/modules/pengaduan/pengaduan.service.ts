import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, inArray, lt, min, sql, type SQL } from "drizzle-orm";
import { Role, UserErrorCode } from "@jmo/schema";
import type { Database, DbOrTx, Tx } from "../../db/database.ts";
import { canSee } from "../../common/access.ts";
import { checkIdempotencyKey, DomainError, DomainErrors, sqlStateOf } from "../../common/errors.ts";
import { maskDate, maskName, maskText } from "../../common/mask.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { personalDataAuditRepository } from "../audit/personal-data-audit.repository.ts";
import { cards } from "../cards/card.table.ts";
import { recordNotification } from "../notifications/notifications.service.ts";
import { pengkinianRepository } from "../pengkinian/pengkinian.repository.ts";
import { auditChanges, type FieldChange } from "../pengkinian/pengkinian.record.ts";
import type { ParticipantRow } from "../participants/participant.table.ts";
import { validatePastDate, validatePersonName, validateText, type FieldProblem } from "../reference/validators.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import {
  checkAttachment,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_ATTACHMENTS_PER_TICKET,
  type AttachmentStorePort,
} from "./pengaduan-attachments.ts";
import { dueAtFor, nomorOf, SLA_WORKING_DAYS } from "./pengaduan-sla.ts";
import {
  PENGADUAN_KATEGORI,
  pengaduan,
  pengaduanAttachments,
  pengaduanDailyCounters,
  pengaduanMessages,
  type AttachmentType,
  type KoreksiDraft,
  type PengaduanAttachmentRow,
  type PengaduanKategoriValue,
  type PengaduanMessageRow,
  type PengaduanRow,
  type PengaduanStatusValue,
} from "./pengaduan.table.ts";

/** Open tickets a member may have at once (a bound on what one account can pile on the staff queue). */
export const MAX_OPEN_PER_MEMBER = 10;
const SUBJECT_MAX = 120;
const BODY_MAX = 4000;
const REASON_MAX = 1000;
const EMPLOYER_MAX = 200;
const BIRTH_PLACE_MAX = 100;
const OPEN: PengaduanStatusValue[] = ["DITERIMA", "DIPROSES"];

/** The steps staff may take: DITERIMA → DIPROSES → SELESAI, DITOLAK from either open status. */
const NEXT: Record<PengaduanStatusValue, readonly PengaduanStatusValue[]> = {
  DITERIMA: ["DIPROSES", "DITOLAK"],
  DIPROSES: ["SELESAI", "DITOLAK"],
  SELESAI: [],
  DITOLAK: [],
};

/** Audit reason of a record corrected by an accepted KOREKSI_DATA ticket. */
export const KOREKSI_AUDIT_REASON = "PENGADUAN_KOREKSI_DATA";

export interface AttachmentUpload {
  fileName: string;
  type: AttachmentType;
  contentBase64: string;
}

export interface CreateInput {
  kategori: PengaduanKategoriValue;
  subject: string;
  description: string;
  cardId: string | null | undefined;
  /** True when a cardId was sent but is not one of our ids (answered like another's card). */
  cardIdUnknown?: boolean;
  employerName?: string | null;
  koreksi?: { fullName?: string | null; birthPlace?: string | null; birthDate?: string | null; gender?: "LAKI_LAKI" | "PEREMPUAN" | null } | null;
  attachments?: AttachmentUpload[] | null;
  idempotencyKey: string;
}

export interface QueueFilter {
  kategori: PengaduanKategoriValue | null;
  statuses: PengaduanStatusValue[] | null;
  lateOnly: boolean;
}

export interface MessageView {
  message: PengaduanMessageRow;
  attachments: PengaduanAttachmentRow[];
}

/** Collects field problems, so the member sees every wrong field at once. */
class Problems {
  readonly list: DomainError[] = [];
  add(field: (string | number)[], problem: FieldProblem | null | undefined): void {
    if (problem) this.list.push(new DomainError(problem.code, field.map(String), (problem as { params?: Record<string, string | number> }).params ?? {}));
  }
  code(field: (string | number)[], code: UserErrorCode, params: Record<string, string | number> = {}): void {
    this.list.push(new DomainError(code, field.map(String), params));
  }
  throwIfAny(): void {
    if (this.list.length) throw new DomainErrors(this.list);
  }
}

interface CheckedFile {
  id: string;
  fileName: string;
  type: AttachmentType;
  bytes: Buffer;
  sha256: string;
}

/** Every upload checked by its bytes; problems are reported under input.attachments.i. */
function checkFiles(problems: Problems, uploads: AttachmentUpload[] | null | undefined): CheckedFile[] {
  const list = uploads ?? [];
  if (list.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    problems.code(["input", "attachments"], UserErrorCode.PENGADUAN_ATTACHMENT_TOO_MANY, { max: MAX_ATTACHMENTS_PER_MESSAGE });
    return [];
  }
  const files: CheckedFile[] = [];
  list.forEach((upload, i) => {
    const checked = checkAttachment(upload);
    if (checked.ok) files.push({ id: randomUUID(), fileName: checked.fileName, type: upload.type, bytes: checked.bytes, sha256: checked.sha256 });
    else if (checked.problem === "TOO_LARGE") problems.code(["input", "attachments", i], UserErrorCode.PENGADUAN_ATTACHMENT_TOO_LARGE, { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
    else problems.code(["input", "attachments", i], UserErrorCode.PENGADUAN_ATTACHMENT_TYPE_MISMATCH, { type: upload.type });
  });
  return files;
}

/** A message's text: required, trimmed, at most `max` characters. */
function text(problems: Problems, field: string[], value: string | null | undefined, max: number): string {
  problems.add(field, validateText(value ?? "", { required: true, max }));
  return (value ?? "").trim();
}

/**
 * Pengaduan: members file tickets (complaints and data corrections) with attachments, staff work a queue by category
 * and age, reply and move them on; every staff message notifies the member in the same transaction. An accepted
 * KOREKSI_DATA ticket corrects the record and writes the audit rows, as a verified pengkinian does.
 */
export class PengaduanService {
  constructor(
    private readonly database: Database,
    private readonly options: { attachments: AttachmentStorePort; now: () => Date },
  ) {}

  now(): Date {
    return this.options.now();
  }

  // ---- member ----

  async create(auth: AuthInfo, input: CreateInput): Promise<PengaduanRow> {
    const participantId = participantOf(auth);
    checkIdempotencyKey(input.idempotencyKey);
    const db = this.database.db;
    // A retry with the same key answers the ticket it filed.
    const replay = await this.byKey(db, participantId, input.idempotencyKey);
    if (replay) return replay;

    const problems = new Problems();
    const kategori = input.kategori;
    if (!PENGADUAN_KATEGORI.includes(kategori)) problems.code(["input", "kategori"], UserErrorCode.INVALID_INPUT);
    const subject = text(problems, ["input", "subject"], input.subject, SUBJECT_MAX).replace(/\s+/g, " ");
    const description = text(problems, ["input", "description"], input.description, BODY_MAX);
    let cardId: string | null = null;
    if (input.cardId || input.cardIdUnknown) {
      const [card] = input.cardId ? await db.select().from(cards).where(eq(cards.id, input.cardId)) : [];
      // Another participant's card answers as an unknown one.
      if (!card || card.participantId !== participantId) problems.code(["input", "cardId"], UserErrorCode.CARD_NOT_FOUND);
      else cardId = card.id;
    } else if (kategori === "KLAIM" || kategori === "IURAN") {
      problems.code(["input", "cardId"], UserErrorCode.REQUIRED);
    }
    let employerName: string | null = null;
    if (kategori === "PERUSAHAAN_TIDAK_MENDAFTARKAN") employerName = text(problems, ["input", "employerName"], input.employerName, EMPLOYER_MAX).replace(/\s+/g, " ");
    const participant = (await pengkinianRepository.findParticipant(db, participantId))!;
    const koreksi = kategori === "KOREKSI_DATA" ? this.checkKoreksi(problems, participant, input.koreksi) : null;
    const files = checkFiles(problems, input.attachments);
    if (kategori === "KOREKSI_DATA" && (input.attachments ?? []).length === 0) problems.code(["input", "attachments"], UserErrorCode.PENGADUAN_ATTACHMENT_REQUIRED);
    problems.throwIfAny();

    try {
      return await db.transaction(async (tx) => {
        const [open] = await tx
          .select({ n: count() })
          .from(pengaduan)
          .where(and(eq(pengaduan.participantId, participantId), inArray(pengaduan.status, OPEN)));
        if (Number(open?.n ?? 0) >= MAX_OPEN_PER_MEMBER) throw new DomainError(UserErrorCode.PENGADUAN_TOO_MANY_OPEN, null, { max: MAX_OPEN_PER_MEMBER });
        const now = this.options.now();
        const day = todayWib(now);
        // The day's counter row is locked until commit: numbers are sequential, and a rolled-back filing gives its number back.
        const [counter] = await tx
          .insert(pengaduanDailyCounters)
          .values({ day, last: 1 })
          .onConflictDoUpdate({ target: pengaduanDailyCounters.day, set: { last: sql`${pengaduanDailyCounters.last} + 1` } })
          .returning();
        const [row] = await tx
          .insert(pengaduan)
          .values({
            nomor: nomorOf(day, counter!.last),
            participantId,
            cardId,
            kategori,
            subject,
            description,
            employerName,
            koreksi,
            dueAt: dueAtFor(kategori, now),
            idempotencyKey: input.idempotencyKey,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        const [message] = await tx.insert(pengaduanMessages).values({ pengaduanId: row!.id, author: "PESERTA", authorAccountId: auth.accountId, body: description, at: now }).returning();
        await this.storeFiles(tx, row!.id, message!.id, files);
        return row!;
      });
    } catch (error) {
      // The same key twice at once: the unique constraint lets one ticket in; the other answers it.
      if (sqlStateOf(error) === "23505") {
        const again = await this.byKey(db, participantId, input.idempotencyKey);
        if (again) return again;
      }
      throw error;
    }
  }

  /** The corrections that differ from the record, validated; PENGADUAN_KOREKSI_EMPTY when none does. */
  private checkKoreksi(problems: Problems, p: ParticipantRow, input: CreateInput["koreksi"]): KoreksiDraft | null {
    const draft: KoreksiDraft = {};
    const k = input ?? {};
    if (k.fullName != null && k.fullName.trim() !== "") {
      const checked = validatePersonName(k.fullName);
      if ("error" in checked) problems.add(["input", "koreksi", "fullName"], checked.error);
      else if (checked.value !== p.fullName) draft.fullName = { before: p.fullName, proposed: checked.value };
    }
    if (k.birthPlace != null && k.birthPlace.trim() !== "") {
      const problem = validateText(k.birthPlace, { required: true, max: BIRTH_PLACE_MAX });
      const value = k.birthPlace.trim().replace(/\s+/g, " ");
      if (problem) problems.add(["input", "koreksi", "birthPlace"], problem);
      else if (value !== p.birthPlace) draft.birthPlace = { before: p.birthPlace, proposed: value };
    }
    if (k.birthDate != null) {
      const problem = validatePastDate(k.birthDate, todayWib(this.options.now()));
      if (problem) problems.add(["input", "koreksi", "birthDate"], problem);
      else if (k.birthDate !== p.birthDate) draft.birthDate = { before: p.birthDate, proposed: k.birthDate };
    }
    if (k.gender != null && k.gender !== p.gender) draft.gender = { before: p.gender, proposed: k.gender };
    if (Object.keys(draft).length === 0 && problems.list.length === 0) problems.code(["input", "koreksi"], UserErrorCode.PENGADUAN_KOREKSI_EMPTY);
    return draft;
  }

  private async storeFiles(tx: Tx, pengaduanId: string, messageId: string, files: CheckedFile[]): Promise<void> {
    for (const file of files) {
      const storageKey = `pengaduan/${pengaduanId}/${file.id}`;
      await this.options.attachments.put(tx, storageKey, file.bytes);
      await tx.insert(pengaduanAttachments).values({
        id: file.id,
        pengaduanId,
        messageId,
        fileName: file.fileName,
        type: file.type,
        sizeBytes: file.bytes.length,
        sha256: file.sha256,
        storageKey,
      });
    }
  }

  private async byKey(db: DbOrTx, participantId: string, key: string): Promise<PengaduanRow | null> {
    const [row] = await db.select().from(pengaduan).where(and(eq(pengaduan.participantId, participantId), eq(pengaduan.idempotencyKey, key)));
    return row ?? null;
  }

  /**
   * A message on a ticket from its owner or staff. A staff message becomes a PENGADUAN_REPLY notification in the same
   * transaction: none for a reply that was refused, exactly one for each that was written.
   */
  async reply(auth: AuthInfo, pengaduanId: string | null, body: string, uploads: AttachmentUpload[] | null | undefined): Promise<PengaduanRow> {
    const problems = new Problems();
    const message = text(problems, ["input", "body"], body, BODY_MAX);
    const files = checkFiles(problems, uploads);
    problems.throwIfAny();
    const staff = auth.role === Role.PETUGAS;
    return this.database.db.transaction(async (tx) => {
      const row = await this.lockVisible(tx, auth, pengaduanId);
      if (!OPEN.includes(row.status)) throw new DomainError(UserErrorCode.PENGADUAN_CLOSED);
      await this.checkTicketFiles(tx, row.id, files.length);
      const now = this.options.now();
      const [written] = await tx
        .insert(pengaduanMessages)
        .values({ pengaduanId: row.id, author: staff ? "PETUGAS" : "PESERTA", authorAccountId: auth.accountId, body: message, at: now })
        .returning();
      await this.storeFiles(tx, row.id, written!.id, files);
      const [updated] = await tx.update(pengaduan).set({ updatedAt: now }).where(eq(pengaduan.id, row.id)).returning();
      if (staff) {
        await recordNotification(tx, { participantId: row.participantId, kind: "PENGADUAN_REPLY", params: { nomor: row.nomor }, subject: { type: "Pengaduan", id: row.id } });
      }
      return updated!;
    });
  }

  // ---- staff ----

  /**
   * Staff move a ticket on with a reason (a message in the conversation and a PENGADUAN_STATUS notification, in one
   * transaction). Accepting a KOREKSI_DATA ticket (SELESAI) writes the corrected fields to the participant's record with
   * one audit row per changed field, in that same transaction.
   */
  async setStatus(auth: AuthInfo, pengaduanId: string | null, status: PengaduanStatusValue, reason: string): Promise<PengaduanRow> {
    const problems = new Problems();
    const why = text(problems, ["input", "reason"], reason, REASON_MAX);
    problems.throwIfAny();
    return this.database.db.transaction(async (tx) => {
      const row = await this.lockVisible(tx, auth, pengaduanId);
      if (!OPEN.includes(row.status)) throw new DomainError(UserErrorCode.PENGADUAN_CLOSED);
      if (!NEXT[row.status].includes(status)) throw new DomainError(UserErrorCode.PENGADUAN_STATUS_NOT_ALLOWED, ["input", "status"], { from: row.status, to: status });
      if (status === "SELESAI" && row.kategori === "KOREKSI_DATA" && row.koreksi) await applyKoreksi(tx, row, auth.accountId);
      const now = this.options.now();
      const closed = status === "SELESAI" || status === "DITOLAK";
      const [updated] = await tx
        .update(pengaduan)
        .set({ status, statusReason: why, updatedAt: now, closedAt: closed ? now : null })
        .where(eq(pengaduan.id, row.id))
        .returning();
      await tx.insert(pengaduanMessages).values({ pengaduanId: row.id, author: "PETUGAS", authorAccountId: auth.accountId, body: why, status, at: now });
      await recordNotification(tx, {
        participantId: row.participantId,
        kind: "PENGADUAN_STATUS",
        params: { nomor: row.nomor, status, reason: why },
        subject: { type: "Pengaduan", id: row.id },
      });
      return updated!;
    });
  }

  /** Open tickets (or those of `statuses`), oldest first: the staff queue. */
  async queue(filter: QueueFilter, first: number, afterId: string | null): Promise<{ rows: PengaduanRow[]; hasNextPage: boolean }> {
    const statuses = filter.statuses?.length ? filter.statuses : OPEN;
    const where: (SQL | undefined)[] = [inArray(pengaduan.status, statuses)];
    if (filter.kategori) where.push(eq(pengaduan.kategori, filter.kategori));
    if (filter.lateOnly) where.push(and(inArray(pengaduan.status, OPEN), lt(pengaduan.dueAt, this.options.now())));
    if (afterId) where.push(sql`(${pengaduan.createdAt}, ${pengaduan.id}) > (select p.created_at, p.id from pengaduan p where p.id = ${afterId})`);
    const rows = await this.database.db
      .select()
      .from(pengaduan)
      .where(and(...where))
      .orderBy(asc(pengaduan.createdAt), asc(pengaduan.id))
      .limit(first + 1);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** Every category with its target, open and late counts and the oldest open ticket's filing time. */
  async queueSummary(): Promise<Array<{ kategori: PengaduanKategoriValue; targetWorkingDays: number; open: number; late: number; oldestCreatedAt: Date | null }>> {
    const now = this.options.now();
    const rows = await this.database.db
      .select({
        kategori: pengaduan.kategori,
        open: count(),
        late: sql<number>`count(*) filter (where ${pengaduan.dueAt} < ${now.toISOString()}::timestamptz)`,
        oldest: min(pengaduan.createdAt),
      })
      .from(pengaduan)
      .where(inArray(pengaduan.status, OPEN))
      .groupBy(pengaduan.kategori);
    const by = new Map(rows.map((r) => [r.kategori, r]));
    return PENGADUAN_KATEGORI.map((kategori) => {
      const r = by.get(kategori);
      return {
        kategori,
        targetWorkingDays: SLA_WORKING_DAYS[kategori],
        open: Number(r?.open ?? 0),
        late: Number(r?.late ?? 0),
        oldestCreatedAt: r?.oldest ? new Date(r.oldest as unknown as string | Date) : null,
      };
    });
  }

  // ---- reads ----

  async find(id: string | null): Promise<PengaduanRow | null> {
    if (!id) return null;
    const [row] = await this.database.db.select().from(pengaduan).where(eq(pengaduan.id, id));
    return row ?? null;
  }

  async listForParticipant(participantId: string, first: number, afterId: string | null): Promise<{ rows: PengaduanRow[]; hasNextPage: boolean }> {
    const after = afterId ? sql`(${pengaduan.createdAt}, ${pengaduan.id}) < (select p.created_at, p.id from pengaduan p where p.id = ${afterId})` : undefined;
    const rows = await this.database.db
      .select()
      .from(pengaduan)
      .where(and(eq(pengaduan.participantId, participantId), after))
      .orderBy(desc(pengaduan.createdAt), desc(pengaduan.id))
      .limit(first + 1);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** An attachment with its ticket's owner, for the download route (which checks who asks). */
  async attachment(id: string): Promise<{ row: PengaduanAttachmentRow; participantId: string } | null> {
    const [found] = await this.database.db
      .select({ row: pengaduanAttachments, participantId: pengaduan.participantId })
      .from(pengaduanAttachments)
      .innerJoin(pengaduan, eq(pengaduan.id, pengaduanAttachments.pengaduanId))
      .where(eq(pengaduanAttachments.id, id));
    return found ?? null;
  }

  attachmentBytes(row: PengaduanAttachmentRow): Promise<Buffer | null> {
    return this.options.attachments.get(row.storageKey);
  }

  /** The ticket, locked; another participant's answers as none. */
  private async lockVisible(tx: Tx, auth: AuthInfo, pengaduanId: string | null): Promise<PengaduanRow> {
    const [row] = pengaduanId ? await tx.select().from(pengaduan).where(eq(pengaduan.id, pengaduanId)).for("update") : [];
    if (!row || !canSee(auth, row.participantId)) {
      throw new DomainError(UserErrorCode.PENGADUAN_NOT_FOUND, ["input", "pengaduanId"]);
    }
    return row;
  }

  private async checkTicketFiles(tx: Tx, pengaduanId: string, adding: number): Promise<void> {
    if (adding === 0) return;
    const [existing] = await tx.select({ n: count() }).from(pengaduanAttachments).where(eq(pengaduanAttachments.pengaduanId, pengaduanId));
    if (Number(existing?.n ?? 0) + adding > MAX_ATTACHMENTS_PER_TICKET) {
      throw new DomainError(UserErrorCode.PENGADUAN_ATTACHMENT_TOO_MANY, ["input", "attachments"], { max: MAX_ATTACHMENTS_PER_TICKET });
    }
  }
}

const KOREKSI_COLUMNS = {
  fullName: { column: "full_name", mask: maskName },
  birthPlace: { column: "birth_place", mask: maskText },
  birthDate: { column: "birth_date", mask: maskDate },
  gender: { column: "gender", mask: (v: string) => v },
} as const;

/**
 * The accepted corrections written to the record through pengkinian's path: the participant row locked, only the
 * columns that still differ updated, and one masked audit row per changed field (actor: the staff account).
 */
async function applyKoreksi(tx: Tx, row: PengaduanRow, staffAccountId: string): Promise<void> {
  const participant = (await pengkinianRepository.lockParticipant(tx, row.participantId))!;
  const columns: Partial<Pick<ParticipantRow, "fullName" | "birthPlace" | "birthDate" | "gender">> = {};
  const audit: FieldChange[] = [];
  for (const [key, spec] of Object.entries(KOREKSI_COLUMNS) as [keyof typeof KOREKSI_COLUMNS, (typeof KOREKSI_COLUMNS)[keyof typeof KOREKSI_COLUMNS]][]) {
    const change = row.koreksi?.[key];
    if (!change) continue;
    const old = (participant[key] as string | null) ?? null;
    if (old === change.proposed) continue;
    (columns as Record<string, string>)[key] = change.proposed;
    audit.push({ field: `participants.${spec.column}`, oldValue: old === null ? null : spec.mask(old), newValue: spec.mask(change.proposed) });
  }
  await pengkinianRepository.updateParticipant(tx, participant.id, columns);
  await personalDataAuditRepository.append(
    tx,
    auditChanges(audit, { actor: staffAccountId, participantId: participant.id, reason: KOREKSI_AUDIT_REASON, source: `pengaduan:${row.id}` }),
  );
}

/**
 * Each ticket's conversation, oldest first, each message with its attachments: two statements for any number of
 * tickets (the `messages` loader batches a page of tickets through it).
 */
export async function messagesOf(db: DbOrTx, pengaduanIds: readonly string[]): Promise<MessageView[][]> {
  if (pengaduanIds.length === 0) return [];
  const ids = [...pengaduanIds];
  const [messages, files] = await Promise.all([
    db.select().from(pengaduanMessages).where(inArray(pengaduanMessages.pengaduanId, ids)).orderBy(asc(pengaduanMessages.at), asc(pengaduanMessages.id)),
    db.select().from(pengaduanAttachments).where(inArray(pengaduanAttachments.pengaduanId, ids)).orderBy(asc(pengaduanAttachments.createdAt)),
  ]);
  const filesOf = new Map<string, PengaduanAttachmentRow[]>();
  for (const f of files) filesOf.set(f.messageId, [...(filesOf.get(f.messageId) ?? []), f]);
  const byTicket = new Map<string, MessageView[]>(ids.map((id) => [id, []]));
  for (const message of messages) byTicket.get(message.pengaduanId)?.push({ message, attachments: filesOf.get(message.id) ?? [] });
  return ids.map((id) => byTicket.get(id)!);
}

function participantOf(auth: AuthInfo): string {
  // Staff have no tickets of their own: the resolver lets only participants file.
  if (!auth.participantId) throw new DomainError(UserErrorCode.PENGADUAN_NOT_FOUND);
  return auth.participantId;
}
