import QRCode from "qrcode";
import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { UserErrorCode } from "@jmo/schema";
import type { Database, DbOrTx } from "../../db/database.ts";
import { DomainError, forbidden, isUniqueViolation } from "../../common/errors.ts";
import { PeriodicJob } from "../../common/periodic-job.ts";
import { maskName } from "../../common/mask.ts";
import type { SignedTokens } from "../../common/signed-token.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { kanalRepository } from "../kanal/kanal.repository.ts";
import type { KanalLayananRow } from "../kanal/kanal.table.ts";
import { recordNotification } from "../notifications/notifications.service.ts";
import { participants, type ParticipantRow } from "../participants/participant.table.ts";
import { ANTREAN_RULES, bookingWindow, localSlot, slotsOfDay, type DayClosed, type Slot } from "./antrean-slots.ts";
import {
  antreanBookingEvents,
  antreanBookings,
  antreanDays,
  antreanSlots,
  type AntreanBookingEventRow,
  type AntreanBookingRow,
  type AntreanLayananValue,
} from "./antrean.table.ts";

/** The office service each booking service needs (KanalLayanan.services); LAINNYA: any office. */
const OFFICE_SERVICE: Record<AntreanLayananValue, string | null> = {
  KLAIM_JHT: "KLAIM_JHT",
  KLAIM_JKM: "KLAIM_JKK_JKM",
  KLAIM_JKK: "KLAIM_JKK_JKM",
  KLAIM_JP: "KLAIM_JP",
  KLAIM_JKP: "KLAIM_JKP",
  PENGKINIAN: "PENGKINIAN_DATA",
  LAINNYA: null,
};

const QR_AUDIENCE = "jmo-antrean";
const NOTE_MAX = 500;
/** Rows the reminder and expiry job takes per transaction. */
const JOB_BATCH = 200;

export interface AntreanBookInput {
  kanalId: string | null;
  layanan: AntreanLayananValue;
  slotStart: Date;
}

/** A booking with what its API object shows beside its row. */
export interface AntreanBookingView {
  row: AntreanBookingRow;
  kanal: KanalLayananRow;
  participant: Pick<ParticipantRow, "id" | "fullName" | "nik">;
  events: AntreanBookingEventRow[];
}

export interface AntreanDayView {
  kanal: KanalLayananRow;
  date: string;
  closed: DayClosed | null;
  lastBookableDate: string;
  slots: Array<Slot & { capacity: number; available: number; bookable: boolean }>;
}

export type AntreanVerifyResult =
  | { valid: false; reason: "EXPIRED" | "INVALID" }
  | { valid: true; view: AntreanBookingView };

/** A unique violation of `constraint` (23505), however the driver or drizzle wraps it. */

/**
 * Antrean kantor cabang (docs/features/antrean.md): a member books a 30-minute slot at an office for one service,
 * cancels or moves it until the slot starts, and shows a code and a signed QR at the counter; staff see the day's
 * bookings and mark them SERVED or NO_SHOW; a job reminds members a day ahead and expires unmarked past bookings.
 *
 * Capacity under concurrency: each slot has a counter row (antrean_slots); a booking takes a place with a conditional
 * `update … set booked = booked + 1 where booked < capacity` under that row's lock, so two members racing for the last
 * place are serialised by PostgreSQL and the second one finds the slot full (READ COMMITTED re-checks the condition on
 * the committed row). One open booking per member and service is a partial unique index.
 */
export class AntreanService {
  constructor(
    private readonly database: Database,
    private readonly deps: { now: () => Date; signer: SignedTokens },
  ) {}

  now(): Date {
    return this.deps.now();
  }

  private async office(id: string | null, db: DbOrTx = this.database.db): Promise<KanalLayananRow> {
    const kanal = id ? await kanalRepository.findById(db, id) : null;
    if (!kanal) throw new DomainError(UserErrorCode.ANTREAN_KANAL_NOT_FOUND, ["input", "kanalId"]);
    return kanal;
  }

  /** An office's day: its slots with the free places, or why it is closed. Null when there is no such office. */
  async day(kanalId: string | null, date: string): Promise<AntreanDayView | null> {
    const kanal = kanalId ? await kanalRepository.findById(this.database.db, kanalId) : null;
    if (!kanal) return null;
    const now = this.now();
    const { today, lastDate } = bookingWindow(now, kanal.provinceCode);
    const slots = slotsOfDay(kanal.openingHours, kanal.provinceCode, date);
    if (!Array.isArray(slots)) return { kanal, date, closed: slots, lastBookableDate: lastDate, slots: [] };
    const counts = slots.length
      ? await this.database.db
          .select()
          .from(antreanSlots)
          .where(and(eq(antreanSlots.kanalId, kanal.id), inArray(antreanSlots.slotStart, slots.map((s) => s.start))))
      : [];
    const byStart = new Map(counts.map((c) => [c.slotStart.getTime(), c]));
    const inWindow = date >= today && date <= lastDate;
    return {
      kanal,
      date,
      closed: null,
      lastBookableDate: lastDate,
      slots: slots.map((s) => {
        const row = byStart.get(s.start.getTime());
        const capacity = row?.capacity ?? ANTREAN_RULES.slotCapacity;
        const available = capacity - (row?.booked ?? 0);
        return { ...s, capacity, available, bookable: inWindow && available > 0 && s.start.getTime() > now.getTime() };
      }),
    };
  }

  /** The slot of `kanal` starting at `start`, checked against the day's hours, holidays and the booking window. */
  private checkSlot(kanal: KanalLayananRow, start: Date, now: Date): Slot & { date: string } {
    const field = ["input", "slotStart"];
    if (Number.isNaN(start.getTime())) throw new DomainError(UserErrorCode.ANTREAN_SLOT_INVALID, field);
    const { date } = localSlot(start, kanal.provinceCode);
    const slots = slotsOfDay(kanal.openingHours, kanal.provinceCode, date);
    if (!Array.isArray(slots)) throw new DomainError(UserErrorCode.ANTREAN_OFFICE_CLOSED, field, slots.reason === "HOLIDAY" ? { holiday: slots.holiday } : {});
    const slot = slots.find((s) => s.start.getTime() === start.getTime());
    if (!slot) throw new DomainError(UserErrorCode.ANTREAN_SLOT_INVALID, field);
    if (slot.start.getTime() <= now.getTime()) throw new DomainError(UserErrorCode.ANTREAN_SLOT_PAST, field);
    if (date > bookingWindow(now, kanal.provinceCode).lastDate) throw new DomainError(UserErrorCode.ANTREAN_TOO_FAR_AHEAD, field, { days: ANTREAN_RULES.maxDaysAhead });
    return { ...slot, date };
  }

  private checkService(kanal: KanalLayananRow, layanan: AntreanLayananValue): void {
    const needed = OFFICE_SERVICE[layanan];
    if (needed && !kanal.services.includes(needed)) throw new DomainError(UserErrorCode.ANTREAN_SERVICE_NOT_OFFERED, ["input", "layanan"]);
  }

  async book(auth: AuthInfo, input: AntreanBookInput): Promise<AntreanBookingView> {
    if (!auth.participantId) throw forbidden();
    const participantId = auth.participantId;
    const kanal = await this.office(input.kanalId);
    this.checkService(kanal, input.layanan);
    const now = this.now();
    const slot = this.checkSlot(kanal, input.slotStart, now);
    const id = await this.inTransaction((tx) => this.take(tx, { participantId, kanal, layanan: input.layanan, slot, now, replacing: null }));
    return (await this.find(id))!;
  }

  /** Cancel (the member's own, BOOKED, before its slot starts): the place goes back to the slot. */
  async cancel(auth: AuthInfo, bookingId: string | null): Promise<AntreanBookingView> {
    if (!auth.participantId) throw forbidden();
    const participantId = auth.participantId;
    const now = this.now();
    await this.database.db.transaction(async (tx) => {
      const current = await this.lockOwn(tx, participantId, bookingId, now);
      await this.release(tx, current, now);
    });
    return (await this.find(bookingId))!;
  }

  /** Rebook = cancel + book in one transaction: the new slot is taken before the old one is let go, or nothing changes. */
  async rebook(auth: AuthInfo, bookingId: string | null, kanalId: string | null, slotStart: Date): Promise<AntreanBookingView> {
    if (!auth.participantId) throw forbidden();
    const participantId = auth.participantId;
    const now = this.now();
    const id = await this.inTransaction(async (tx) => {
      const current = await this.lockOwn(tx, participantId, bookingId, now);
      // Read in the transaction: PGlite has one connection, which the transaction holds.
      const kanal = await this.office(kanalId ?? current.kanalId, tx);
      this.checkService(kanal, current.layanan);
      const slot = this.checkSlot(kanal, slotStart, now);
      return this.take(tx, { participantId, kanal, layanan: current.layanan, slot, now, replacing: current });
    });
    return (await this.find(id))!;
  }

  /** Maps the one-open-booking index's violation (a racing second booking) to its coded error. */
  private async inTransaction(run: (tx: DbOrTx) => Promise<string>): Promise<string> {
    try {
      return await this.database.db.transaction((tx) => run(tx));
    } catch (error) {
      if (isUniqueViolation(error, "antrean_bookings_one_open_idx")) throw new DomainError(UserErrorCode.ANTREAN_ALREADY_BOOKED, ["input", "layanan"]);
      throw error;
    }
  }

  /** The member's own booking, locked; it must be BOOKED and not started. */
  private async lockOwn(tx: DbOrTx, participantId: string, bookingId: string | null, now: Date): Promise<AntreanBookingRow> {
    const [current] = bookingId ? await tx.select().from(antreanBookings).where(eq(antreanBookings.id, bookingId)).for("update") : [];
    if (!current || current.participantId !== participantId) throw new DomainError(UserErrorCode.ANTREAN_NOT_FOUND, ["input", "bookingId"]);
    if (current.status !== "BOOKED" || current.slotStart.getTime() <= now.getTime()) throw new DomainError(UserErrorCode.ANTREAN_NOT_CANCELLABLE, ["input", "bookingId"]);
    return current;
  }

  /** CANCELLED, and its place back to the slot (the slot row is locked by this update). */
  private async release(tx: DbOrTx, booking: AntreanBookingRow, now: Date): Promise<void> {
    await tx.update(antreanBookings).set({ status: "CANCELLED", updatedAt: now }).where(eq(antreanBookings.id, booking.id));
    await tx.insert(antreanBookingEvents).values({ bookingId: booking.id, status: "CANCELLED", at: now });
    await tx
      .update(antreanSlots)
      .set({ booked: sql`${antreanSlots.booked} - 1` })
      .where(and(eq(antreanSlots.kanalId, booking.kanalId), eq(antreanSlots.slotStart, booking.slotStart)));
  }

  /**
   * Takes a place in `slot` for the member, in the caller's transaction: the slot counter first (row lock, conditional
   * increment), then the replaced booking let go, then the day's running number and the booking with its event and
   * notification. Locks are always taken in that order (slot rows, day row), so concurrent bookings cannot deadlock.
   */
  private async take(
    tx: DbOrTx,
    b: { participantId: string; kanal: KanalLayananRow; layanan: AntreanLayananValue; slot: Slot & { date: string }; now: Date; replacing: AntreanBookingRow | null },
  ): Promise<string> {
    const { participantId, kanal, layanan, slot, now, replacing } = b;
    // A booking whose slot has ended no longer holds the member's one open place for the service.
    await this.expire(tx, and(eq(antreanBookings.participantId, participantId), eq(antreanBookings.layanan, layanan), eq(antreanBookings.status, "BOOKED"), lte(antreanBookings.slotEnd, now))!, now);

    const sameSlot = replacing && replacing.kanalId === kanal.id && replacing.slotStart.getTime() === slot.start.getTime();
    if (!sameSlot) {
      await tx.insert(antreanSlots).values({ kanalId: kanal.id, slotStart: slot.start, capacity: ANTREAN_RULES.slotCapacity }).onConflictDoNothing();
      if (replacing) {
        // Both slot rows locked in one order (office, start): two members swapping slots wait rather than deadlock.
        await tx
          .select({ k: antreanSlots.kanalId })
          .from(antreanSlots)
          .where(
            sql`(${antreanSlots.kanalId}, ${antreanSlots.slotStart}) in ((${kanal.id}::uuid, ${slot.start.toISOString()}::timestamptz), (${replacing.kanalId}::uuid, ${replacing.slotStart.toISOString()}::timestamptz))`,
          )
          .orderBy(asc(antreanSlots.kanalId), asc(antreanSlots.slotStart))
          .for("update");
      }
      const taken = await tx
        .update(antreanSlots)
        .set({ booked: sql`${antreanSlots.booked} + 1` })
        .where(and(eq(antreanSlots.kanalId, kanal.id), eq(antreanSlots.slotStart, slot.start), sql`${antreanSlots.booked} < ${antreanSlots.capacity}`))
        .returning({ booked: antreanSlots.booked });
      if (!taken.length) throw new DomainError(UserErrorCode.ANTREAN_SLOT_FULL, ["input", "slotStart"]);
      if (replacing) await this.release(tx, replacing, now);
    } else {
      // The same slot again: the place stays taken; only the booking (code, QR) is renewed.
      await tx.update(antreanBookings).set({ status: "CANCELLED", updatedAt: now }).where(eq(antreanBookings.id, replacing.id));
      await tx.insert(antreanBookingEvents).values({ bookingId: replacing.id, status: "CANCELLED", at: now });
    }

    const [open] = await tx
      .select({ code: antreanBookings.code })
      .from(antreanBookings)
      .where(and(eq(antreanBookings.participantId, participantId), eq(antreanBookings.layanan, layanan), eq(antreanBookings.status, "BOOKED")))
      .limit(1);
    if (open) throw new DomainError(UserErrorCode.ANTREAN_ALREADY_BOOKED, ["input", "layanan"], { code: open.code });

    const [counter] = await tx
      .insert(antreanDays)
      .values({ kanalId: kanal.id, day: slot.date, lastNumber: 1 })
      .onConflictDoUpdate({ target: [antreanDays.kanalId, antreanDays.day], set: { lastNumber: sql`${antreanDays.lastNumber} + 1` } })
      .returning({ n: antreanDays.lastNumber });
    const code = `ANT-${kanal.code}-${slot.date.replaceAll("-", "")}-${String(counter!.n).padStart(3, "0")}`;
    const [row] = await tx
      .insert(antreanBookings)
      .values({ code, participantId, kanalId: kanal.id, layanan, slotStart: slot.start, slotEnd: slot.end, slotDate: slot.date, createdAt: now, updatedAt: now })
      .returning();
    await tx.insert(antreanBookingEvents).values({ bookingId: row!.id, status: "BOOKED", at: now });
    await recordNotification(tx, { participantId, kind: "ANTREAN_BOOKED", params: this.notificationParams(row!, kanal), subject: { type: "AntreanBooking", id: row!.id } });
    return row!.id;
  }

  private notificationParams(row: AntreanBookingRow, kanal: KanalLayananRow): Record<string, string> {
    const local = localSlot(row.slotStart, kanal.provinceCode);
    return { code: row.code, layanan: row.layanan, kanalName: kanal.name, slotDate: row.slotDate, slotTime: local.time, zona: local.zone };
  }

  /** BOOKED bookings matching `where` become EXPIRED (with their event); how many. */
  private async expire(tx: DbOrTx, where: SQL, now: Date): Promise<number> {
    const expired = await tx.update(antreanBookings).set({ status: "EXPIRED", updatedAt: now }).where(where).returning({ id: antreanBookings.id });
    if (expired.length) await tx.insert(antreanBookingEvents).values(expired.map((e) => ({ bookingId: e.id, status: "EXPIRED" as const, at: now })));
    return expired.length;
  }

  /** Staff: SERVED (from the slot's day on) or NO_SHOW (once the slot started), from BOOKED or EXPIRED; audited. */
  async staffMark(staff: AuthInfo, bookingId: string | null, status: "SERVED" | "NO_SHOW", note: string | null | undefined): Promise<AntreanBookingView> {
    const clean = note?.trim() || null;
    if (clean && clean.length > NOTE_MAX) throw new DomainError(UserErrorCode.TOO_LONG, ["input", "note"], { max: NOTE_MAX });
    const now = this.now();
    await this.database.db.transaction(async (tx) => {
      const [current] = bookingId ? await tx.select().from(antreanBookings).where(eq(antreanBookings.id, bookingId)).for("update") : [];
      if (!current) throw new DomainError(UserErrorCode.ANTREAN_NOT_FOUND, ["input", "bookingId"]);
      const kanal = (await kanalRepository.findById(tx, current.kanalId))!;
      const today = bookingWindow(now, kanal.provinceCode).today;
      const allowed =
        (current.status === "BOOKED" || current.status === "EXPIRED") &&
        (status === "SERVED" ? today >= current.slotDate : current.slotStart.getTime() <= now.getTime());
      if (!allowed) throw new DomainError(UserErrorCode.ANTREAN_STATUS_NOT_ALLOWED, ["input", "status"], { status: current.status });
      await tx.update(antreanBookings).set({ status, updatedAt: now }).where(eq(antreanBookings.id, current.id));
      await tx.insert(antreanBookingEvents).values({ bookingId: current.id, status, byAccountId: staff.accountId, note: clean, at: now });
    });
    return (await this.find(bookingId))!;
  }

  /** Staff: an office's bookings on a day (every status), by slot then code. */
  async staffDay(kanalId: string | null, date: string): Promise<AntreanBookingView[]> {
    if (!kanalId) return [];
    const rows = await this.database.db
      .select()
      .from(antreanBookings)
      .where(and(eq(antreanBookings.kanalId, kanalId), eq(antreanBookings.slotDate, date)))
      .orderBy(asc(antreanBookings.slotStart), asc(antreanBookings.code));
    return this.views(this.database.db, rows);
  }

  async find(id: string | null): Promise<AntreanBookingView | null> {
    if (!id) return null;
    const rows = await this.database.db.select().from(antreanBookings).where(eq(antreanBookings.id, id)).limit(1);
    return (await this.views(this.database.db, rows))[0] ?? null;
  }

  /** The member's bookings, newest first; `open`: only BOOKED ones. */
  async listForParticipant(participantId: string, open: boolean, first: number, afterId: string | null): Promise<{ views: AntreanBookingView[]; hasNextPage: boolean }> {
    const db = this.database.db;
    const after = afterId
      ? sql`(${antreanBookings.createdAt}, ${antreanBookings.id}) < (select b.created_at, b.id from antrean_bookings b where b.id = ${afterId})`
      : undefined;
    const rows = await db
      .select()
      .from(antreanBookings)
      .where(and(eq(antreanBookings.participantId, participantId), open ? eq(antreanBookings.status, "BOOKED") : undefined, after))
      .orderBy(desc(antreanBookings.createdAt), desc(antreanBookings.id))
      .limit(first + 1);
    return { views: await this.views(db, rows.slice(0, first)), hasNextPage: rows.length > first };
  }

  private async views(db: DbOrTx, rows: AntreanBookingRow[]): Promise<AntreanBookingView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [people, events, offices] = await Promise.all([
      db
        .select({ id: participants.id, fullName: participants.fullName, nik: participants.nik })
        .from(participants)
        .where(inArray(participants.id, [...new Set(rows.map((r) => r.participantId))])),
      // A booking has BOOKED and at most one later status: BOOKED first when both carry the same time.
      db
        .select()
        .from(antreanBookingEvents)
        .where(inArray(antreanBookingEvents.bookingId, ids))
        .orderBy(asc(antreanBookingEvents.at), sql`${antreanBookingEvents.status} <> 'BOOKED'`),
      Promise.all([...new Set(rows.map((r) => r.kanalId))].map((id) => kanalRepository.findById(db, id))),
    ]);
    const person = new Map(people.map((p) => [p.id, p]));
    const office = new Map(offices.filter((k) => k !== null).map((k) => [k!.id, k!]));
    return rows.map((row) => ({
      row,
      kanal: office.get(row.kanalId)!,
      participant: person.get(row.participantId)!,
      events: events.filter((e) => e.bookingId === row.id),
    }));
  }

  // ---- the QR ----

  /** The booking's QR: a token signed like the digital card's (another audience), valid until a day after the slot. */
  async qr(bookingId: string, slotEnd: Date): Promise<{ token: string; svg: string; expiresAt: Date }> {
    const until = new Date(slotEnd.getTime() + ANTREAN_RULES.qrValidHoursAfterSlot * 3_600_000);
    const { token, expiresAt } = await this.deps.signer.issue(QR_AUDIENCE, bookingId, until);
    const svg = (await QRCode.toString(token, { type: "svg", margin: 1, errorCorrectionLevel: "M" })).trim();
    return { token, svg, expiresAt };
  }

  /** Public: the booking behind a QR token, to answer with a masked name (never NIK or KPJ). */
  async verify(token: string): Promise<AntreanVerifyResult> {
    const checked = await this.deps.signer.verify(QR_AUDIENCE, token);
    if (checked === "expired") return { valid: false, reason: "EXPIRED" };
    if (checked === "invalid") return { valid: false, reason: "INVALID" };
    const view = await this.find(checked.subject);
    return view ? { valid: true, view } : { valid: false, reason: "INVALID" };
  }

  static maskedName(view: AntreanBookingView): string {
    return maskName(view.participant.fullName);
  }

  // ---- the job ----

  /**
   * One run at `now`: reminders for BOOKED bookings whose slot starts within 24 hours (made before that, once each),
   * and EXPIRED for BOOKED bookings whose slot has ended. Rows are taken `for update skip locked`, so instances running
   * it together share the rows and each reminder is written once, with its notification, in one transaction.
   */
  async runJobs(now: Date = this.now()): Promise<{ reminded: number; expired: number }> {
    let reminded = 0;
    let expired = 0;
    for (;;) {
      const batch = await this.database.db.transaction(async (tx) => {
        const due = await tx
          .select()
          .from(antreanBookings)
          .where(
            and(
              eq(antreanBookings.status, "BOOKED"),
              isNull(antreanBookings.remindedAt),
              sql`${antreanBookings.slotStart} > ${now.toISOString()}::timestamptz`,
              sql`${antreanBookings.slotStart} <= ${new Date(now.getTime() + ANTREAN_RULES.reminderHours * 3_600_000).toISOString()}::timestamptz`,
              // Made within 24 hours of the slot: the booking's own notification was the reminder.
              sql`${antreanBookings.createdAt} < ${antreanBookings.slotStart} - make_interval(hours => ${ANTREAN_RULES.reminderHours})`,
            ),
          )
          .orderBy(asc(antreanBookings.slotStart))
          .limit(JOB_BATCH)
          .for("update", { skipLocked: true });
        // One read per office, not per reminder: a batch is mostly a few offices' next day.
        const offices = new Map<string, KanalLayananRow>();
        for (const row of due) {
          let kanal = offices.get(row.kanalId);
          if (!kanal) offices.set(row.kanalId, (kanal = (await kanalRepository.findById(tx, row.kanalId))!));
          await tx.update(antreanBookings).set({ remindedAt: now }).where(eq(antreanBookings.id, row.id));
          await recordNotification(tx, { participantId: row.participantId, kind: "ANTREAN_REMINDER", params: this.notificationParams(row, kanal), subject: { type: "AntreanBooking", id: row.id } });
        }
        const ended = await tx
          .select({ id: antreanBookings.id })
          .from(antreanBookings)
          .where(and(eq(antreanBookings.status, "BOOKED"), lte(antreanBookings.slotEnd, now)))
          .limit(JOB_BATCH)
          .for("update", { skipLocked: true });
        const gone = ended.length ? await this.expire(tx, and(inArray(antreanBookings.id, ended.map((e) => e.id)), eq(antreanBookings.status, "BOOKED"))!, now) : 0;
        return { reminded: due.length, expired: gone };
      });
      reminded += batch.reminded;
      expired += batch.expired;
      if (batch.reminded < JOB_BATCH && batch.expired < JOB_BATCH) return { reminded, expired };
    }
  }

  private readonly job = new PeriodicJob("antrean jobs", () => this.runJobs());

  /** Runs the job every `intervalMs` (0: off; tests call runJobs with a moved clock). */
  startJobs(intervalMs: number): void {
    this.job.start(intervalMs);
  }

  stopJobs(): Promise<void> {
    return this.job.stop();
  }
}
