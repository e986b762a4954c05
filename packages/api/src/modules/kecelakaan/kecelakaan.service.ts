import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { UserErrorCode } from "@jmo/schema";
import type { Database, DbOrTx } from "../../db/database.ts";
import { checkIdempotencyKey, DomainError, DomainErrors, forbidden } from "../../common/errors.ts";
import { normalizePhone } from "../../common/phone.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { cards, isLinked, type CardRow } from "../cards/card.table.ts";
import { employers } from "../employers/employer.table.ts";
import { recordNotification } from "../notifications/notifications.service.ts";
import { findVillage, type WilayahEntry } from "../reference/wilayah.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import {
  kecelakaanReportEvents,
  kecelakaanReports,
  type KecelakaanReportEventRow,
  type KecelakaanReportRow,
  type KecelakaanStatusValue,
  type WitnessValue,
} from "./kecelakaan.table.ts";

/** The employer's deadline for its own report (laporan tahap I), from the accident: 2×24 hours (docs/domain/kecelakaan-kerja.md). */
export const EMPLOYER_REPORT_HOURS = 48;
/** Reports of accidents older than this are refused: the JKK claim right lapses after 2 years (docs/domain/kecelakaan-kerja.md, [D]). */
export const MAX_ACCIDENT_AGE_DAYS = 2 * 365;
/** A device clock a little ahead is not a future accident. */
const CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_WITNESSES = 5;
const LIMITS = { address: 300, description: 2000, injury: 500, treatmentPlace: 200, witnessName: 100, note: 500 } as const;

/** The statuses staff may move a report to from each status; DITOLAK and DITINDAKLANJUTI are final. */
export const NEXT_STATUSES: Record<KecelakaanStatusValue, readonly KecelakaanStatusValue[]> = {
  DILAPORKAN: ["DIVERIFIKASI", "DITOLAK"],
  DIVERIFIKASI: ["DITINDAKLANJUTI", "DITOLAK"],
  DITINDAKLANJUTI: [],
  DITOLAK: [],
};

export interface KecelakaanReportInput {
  cardId: string | null;
  occurredAt: Date;
  placeType: KecelakaanReportRow["placeType"];
  address: string;
  villageCode: string;
  description: string;
  injury: string;
  treated: boolean;
  treatmentPlace?: string | null;
  witnesses?: { name: string; phone?: string | null }[] | null;
  idempotencyKey: string;
}

/** A report with what its API object shows beside its row: the card's KPJ, the place's area and its timeline. */
export interface KecelakaanReportView {
  row: KecelakaanReportRow;
  kpj: string;
  wilayah: WilayahEntry | null;
  events: KecelakaanReportEventRow[];
}

export interface KecelakaanServiceOptions {
  now: () => Date;
}

/**
 * Pelaporan kecelakaan kerja (docs/features/kecelakaan-kerja.md): a member reports an accident on an AKTIF card; staff
 * verify it and follow it up or refuse it. Each staff change writes the event and the member's notification in its
 * transaction, so the member hears of exactly the changes that happened.
 */
export class KecelakaanService {
  constructor(
    private readonly database: Database,
    private readonly options: KecelakaanServiceOptions,
  ) {}

  async report(auth: AuthInfo, input: KecelakaanReportInput): Promise<KecelakaanReportView> {
    if (!auth.participantId) throw forbidden();
    const participantId = auth.participantId;
    const db = this.database.db;
    checkIdempotencyKey(input.idempotencyKey);
    const replay = await this.byIdempotencyKey(db, participantId, input.idempotencyKey);
    if (replay) return replay;

    const [card] = input.cardId ? await db.select().from(cards).where(eq(cards.id, input.cardId)).limit(1) : [];
    if (!isLinked(card) || card.participantId !== participantId) throw new DomainError(UserErrorCode.KECELAKAAN_CARD_NOT_FOUND, ["input", "cardId"]);
    if (card.status !== "AKTIF") throw new DomainError(UserErrorCode.KECELAKAAN_CARD_NOT_ACTIVE, ["input", "cardId"]);
    const fields = await this.validate(card, input);

    const [employer] = card.employerId ? await db.select().from(employers).where(eq(employers.id, card.employerId)).limit(1) : [];
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(kecelakaanReports)
        .values({
          participantId,
          cardId: card.id,
          employerId: employer?.id ?? null,
          employerName: employer?.name ?? null,
          employerNpp: employer?.npp ?? null,
          ...fields,
          idempotencyKey: input.idempotencyKey,
          reportedAt: this.options.now(),
        })
        // A double tap that raced past the lookup above: the first report stands.
        .onConflictDoNothing({ target: [kecelakaanReports.participantId, kecelakaanReports.idempotencyKey] })
        .returning();
      if (!inserted) return null;
      await tx.insert(kecelakaanReportEvents).values({ reportId: inserted.id, status: "DILAPORKAN", at: inserted.reportedAt });
      return inserted;
    });
    if (!row) return (await this.byIdempotencyKey(db, participantId, input.idempotencyKey))!;
    return (await this.views(db, [row]))[0]!;
  }

  /** Staff: DILAPORKAN → DIVERIFIKASI / DITOLAK, DIVERIFIKASI → DITINDAKLANJUTI / DITOLAK; the member is notified. */
  async updateStatus(staff: AuthInfo, reportId: string | null, status: KecelakaanStatusValue, note: string | null | undefined): Promise<KecelakaanReportView> {
    const cleanNote = note?.trim() || null;
    if (status === "DITOLAK" && !cleanNote) throw new DomainError(UserErrorCode.REQUIRED, ["input", "note"]);
    if (cleanNote && cleanNote.length > LIMITS.note) throw new DomainError(UserErrorCode.TOO_LONG, ["input", "note"], { max: LIMITS.note });
    const db = this.database.db;
    const row = await db.transaction(async (tx) => {
      // Under the row's lock: two staff moving the same report at once make one change; the other is told where it stands.
      const [current] = reportId ? await tx.select().from(kecelakaanReports).where(eq(kecelakaanReports.id, reportId)).limit(1).for("update") : [];
      if (!current) throw new DomainError(UserErrorCode.KECELAKAAN_REPORT_NOT_FOUND, ["input", "reportId"]);
      if (!NEXT_STATUSES[current.status].includes(status)) {
        throw new DomainError(UserErrorCode.KECELAKAAN_STATUS_NOT_ALLOWED, ["input", "status"], { status: current.status });
      }
      const at = this.options.now();
      const [updated] = await tx.update(kecelakaanReports).set({ status, updatedAt: at }).where(eq(kecelakaanReports.id, current.id)).returning();
      await tx.insert(kecelakaanReportEvents).values({ reportId: current.id, status, note: cleanNote, byAccountId: staff.accountId, at });
      await recordNotification(tx, {
        participantId: current.participantId,
        kind: "KECELAKAAN_STATUS",
        params: { nomor: current.nomor, status, ...(cleanNote ? { reason: cleanNote } : {}) },
        subject: { type: "KecelakaanKerjaReport", id: current.id },
      });
      return updated!;
    });
    return (await this.views(db, [row]))[0]!;
  }

  async find(id: string | null): Promise<KecelakaanReportView | null> {
    if (!id) return null;
    const rows = await this.database.db.select().from(kecelakaanReports).where(eq(kecelakaanReports.id, id)).limit(1);
    return rows[0] ? (await this.views(this.database.db, rows))[0]! : null;
  }

  /** The member's reports, newest first. */
  listForParticipant(participantId: string, first: number, afterId: string | null) {
    return this.page(eq(kecelakaanReports.participantId, participantId), first, afterId);
  }

  /** Staff's queue: by status (all when null), newest first. */
  listByStatus(status: KecelakaanStatusValue | null, first: number, afterId: string | null) {
    return this.page(status ? eq(kecelakaanReports.status, status) : undefined, first, afterId);
  }

  private async page(filter: SQL | undefined, first: number, afterId: string | null): Promise<{ views: KecelakaanReportView[]; hasNextPage: boolean }> {
    const db = this.database.db;
    const after = afterId
      ? sql`(${kecelakaanReports.reportedAt}, ${kecelakaanReports.id}) < (select r.reported_at, r.id from kecelakaan_reports r where r.id = ${afterId})`
      : undefined;
    const rows = await db
      .select()
      .from(kecelakaanReports)
      .where(and(filter, after))
      .orderBy(desc(kecelakaanReports.reportedAt), desc(kecelakaanReports.id))
      .limit(first + 1);
    return { views: await this.views(db, rows.slice(0, first)), hasNextPage: rows.length > first };
  }

  private async byIdempotencyKey(db: DbOrTx, participantId: string, key: string): Promise<KecelakaanReportView | null> {
    const rows = await db
      .select()
      .from(kecelakaanReports)
      .where(and(eq(kecelakaanReports.participantId, participantId), eq(kecelakaanReports.idempotencyKey, key)))
      .limit(1);
    return rows[0] ? (await this.views(db, rows))[0]! : null;
  }

  /** Two queries for any number of reports: their cards' KPJ and their events. */
  private async views(db: DbOrTx, rows: KecelakaanReportRow[]): Promise<KecelakaanReportView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [cardRows, eventRows] = await Promise.all([
      db.select({ id: cards.id, kpj: cards.kpj }).from(cards).where(inArray(cards.id, [...new Set(rows.map((r) => r.cardId))])),
      db.select().from(kecelakaanReportEvents).where(inArray(kecelakaanReportEvents.reportId, ids)).orderBy(asc(kecelakaanReportEvents.at), asc(kecelakaanReportEvents.id)),
    ]);
    const kpjOf = new Map(cardRows.map((c) => [c.id, c.kpj]));
    return Promise.all(
      rows.map(async (row) => ({
        row,
        kpj: kpjOf.get(row.cardId) ?? "",
        wilayah: (await findVillage(row.villageCode)) ?? null,
        events: eventRows.filter((e) => e.reportId === row.id),
      })),
    );
  }

  /** Every field's problem at once, so the form shows them together. */
  private async validate(card: CardRow, input: KecelakaanReportInput) {
    const errors: DomainError[] = [];
    const text = (name: keyof typeof LIMITS & keyof KecelakaanReportInput, value: string | null | undefined): string => {
      const clean = (value ?? "").trim();
      if (!clean) errors.push(new DomainError(UserErrorCode.REQUIRED, ["input", name]));
      else if (clean.length > LIMITS[name]) errors.push(new DomainError(UserErrorCode.TOO_LONG, ["input", name], { max: LIMITS[name] }));
      return clean;
    };
    const now = this.options.now().getTime();
    const occurred = input.occurredAt.getTime();
    if (
      Number.isNaN(occurred) ||
      occurred > now + CLOCK_SKEW_MS ||
      occurred < now - MAX_ACCIDENT_AGE_DAYS * 86_400_000 ||
      todayWib(input.occurredAt) < card.registeredAt
    ) {
      errors.push(new DomainError(UserErrorCode.KECELAKAAN_OCCURRED_AT_INVALID, ["input", "occurredAt"]));
    }
    const address = text("address", input.address);
    const description = text("description", input.description);
    const injury = text("injury", input.injury);
    const village = await findVillage(input.villageCode);
    if (!village) errors.push(new DomainError(UserErrorCode.UNKNOWN_VILLAGE, ["input", "villageCode"]));
    let treatmentPlace: string | null = null;
    if (input.treated) treatmentPlace = text("treatmentPlace", input.treatmentPlace);
    else if (input.treatmentPlace?.trim()) errors.push(new DomainError(UserErrorCode.INVALID_INPUT, ["input", "treatmentPlace"], { reason: "treated: false" }));
    const witnesses: WitnessValue[] = [];
    const given = input.witnesses ?? [];
    if (given.length > MAX_WITNESSES) errors.push(new DomainError(UserErrorCode.KECELAKAAN_TOO_MANY_WITNESSES, ["input", "witnesses"], { max: MAX_WITNESSES }));
    else {
      given.forEach((w, i) => {
        const name = w.name.trim();
        if (!name) errors.push(new DomainError(UserErrorCode.REQUIRED, ["input", "witnesses", String(i), "name"]));
        else if (name.length > LIMITS.witnessName) errors.push(new DomainError(UserErrorCode.TOO_LONG, ["input", "witnesses", String(i), "name"], { max: LIMITS.witnessName }));
        let phone: string | null = null;
        if (w.phone?.trim()) {
          phone = normalizePhone(w.phone);
          if (!phone) errors.push(new DomainError(UserErrorCode.INVALID_PHONE, ["input", "witnesses", String(i), "phone"]));
        }
        witnesses.push({ name, phone });
      });
    }
    if (errors.length) throw new DomainErrors(errors);
    return {
      occurredAt: input.occurredAt,
      placeType: input.placeType,
      address,
      villageCode: village!.villageCode,
      description,
      injury,
      treated: input.treated,
      treatmentPlace,
      witnesses,
    };
  }
}
