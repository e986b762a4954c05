import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  AFTER_ARG_DESCRIPTION,
  AntreanBookInput,
  AntreanBooking,
  AntreanBookingConnection,
  AntreanBookingEvent,
  AntreanBookingPayload,
  AntreanCancelInput,
  AntreanDay,
  AntreanDayClosedReason,
  AntreanInvalidReason,
  AntreanLayanan,
  AntreanQr,
  AntreanRebookInput,
  AntreanStaffMarkInput,
  AntreanStatus,
  AntreanVerification,
  DateScalar,
  FIRST_ARG_DESCRIPTION,
  KlaimChannel,
  KlaimEligibility,
  Participant,
  ZonaWaktu,
} from "@jmo/schema";
import { requireAuth, requireStaff } from "../../common/access.ts";
import { afterIdOf, forwardPageInfo, pageSize } from "../../common/connection.ts";
import { withUserErrors } from "../../common/errors.ts";
import { idOfType, toGlobalId } from "../../common/global-id.ts";
import { maskNik } from "../../common/mask.ts";
import type { Context } from "../../server/context.ts";
import { toKanalLayanan } from "../kanal/kanal.resolver.ts";
import { localSlot } from "./antrean-slots.ts";
import { AntreanService, type AntreanBookingView } from "./antrean.service.ts";
import type { AntreanLayananValue } from "./antrean.table.ts";

/** A class instance, so that `node(id:)` resolves the Node interface to this type. */
export function toAntreanBooking(view: AntreanBookingView, now: Date): AntreanBooking {
  const { row, kanal } = view;
  const local = localSlot(row.slotStart, kanal.provinceCode);
  return Object.assign(new AntreanBooking(), {
    ownerParticipantId: row.participantId,
    rowId: row.id,
    slotEndAt: row.slotEnd,
    id: toGlobalId("AntreanBooking", row.id),
    code: row.code,
    layanan: row.layanan as AntreanLayanan,
    kanal: toKanalLayanan(kanal, now),
    slotStart: row.slotStart,
    slotEnd: row.slotEnd,
    slotDate: row.slotDate,
    slotTime: local.time,
    zonaWaktu: local.zone as ZonaWaktu,
    status: row.status as AntreanStatus,
    cancellable: row.status === "BOOKED" && row.slotStart.getTime() > now.getTime(),
    participantName: view.participant.fullName,
    nikMasked: maskNik(view.participant.nik),
    createdAt: row.createdAt,
    timeline: view.events.map((e) =>
      Object.assign(new AntreanBookingEvent(), { status: e.status as AntreanStatus, at: e.at, byStaff: e.byAccountId !== null, note: e.note }),
    ),
  });
}

@Resolver(() => AntreanBooking)
export class AntreanResolver {
  @Query(() => AntreanDay, {
    nullable: true,
    description:
      "Public: an office's bookable slots on a day (its own time zone), with the places still free, or why it is closed that day; null when there is no such office",
  })
  async antreanSlots(
    @Arg("kanalId", () => ID, { description: "The office (KanalLayanan.id)" }) kanalId: string,
    @Arg("date", () => DateScalar, { description: "The day, in the office's time zone (YYYY-MM-DD)" }) date: string,
    @Ctx() ctx: Context,
  ): Promise<AntreanDay | null> {
    const antrean = ctx.services.antrean;
    const day = await antrean.day(idOfType(kanalId, "KanalLayanan"), date);
    if (!day) return null;
    const now = antrean.now();
    return Object.assign(new AntreanDay(), {
      kanal: toKanalLayanan(day.kanal, now),
      date: day.date,
      zonaWaktu: localSlot(now, day.kanal.provinceCode).zone as ZonaWaktu,
      closedReason: (day.closed?.reason ?? null) as AntreanDayClosedReason | null,
      holidayName: day.closed?.reason === "HOLIDAY" ? day.closed.holiday : null,
      lastBookableDate: day.lastBookableDate,
      slots: day.slots.map((s) => ({ start: s.start, end: s.end, time: s.time, capacity: s.capacity, available: s.available, bookable: s.bookable })),
    });
  }

  @Query(() => AntreanVerification, {
    description:
      "Public, no sign-in: is the branch booking behind this QR token genuine? Answers the code, office, slot, status and a masked name; never NIK or KPJ",
  })
  async antreanVerify(@Arg("token", () => String, { description: "The token read from the booking's QR code (AntreanQr.token)" }) token: string, @Ctx() ctx: Context): Promise<AntreanVerification> {
    const result = await ctx.services.antrean.verify(token);
    if (!result.valid) {
      return { valid: false, reason: result.reason as AntreanInvalidReason, code: null, nameMasked: null, kanalName: null, layanan: null, slotStart: null, slotLocal: null, status: null };
    }
    const { row, kanal } = result.view;
    const local = localSlot(row.slotStart, kanal.provinceCode);
    return {
      valid: true,
      reason: null,
      code: row.code,
      nameMasked: AntreanService.maskedName(result.view),
      kanalName: kanal.name,
      layanan: row.layanan as AntreanLayanan,
      slotStart: row.slotStart,
      slotLocal: `${local.date} ${local.time} ${local.zone}`,
      status: row.status as AntreanStatus,
    };
  }

  @Query(() => [AntreanBooking], {
    description: "Staff only: an office's bookings on a day (every status), by slot then code: the counter's list to call and mark",
  })
  async antreanStaffDay(
    @Arg("kanalId", () => ID, { description: "The office (KanalLayanan.id)" }) kanalId: string,
    @Arg("date", () => DateScalar, { description: "The day, in the office's time zone (YYYY-MM-DD)" }) date: string,
    @Ctx() ctx: Context,
  ): Promise<AntreanBooking[]> {
    requireStaff(ctx);
    const now = ctx.services.antrean.now();
    return (await ctx.services.antrean.staffDay(idOfType(kanalId, "KanalLayanan"), date)).map((v) => toAntreanBooking(v, now));
  }

  @FieldResolver(() => AntreanQr, { description: "The QR code for the counter: a signed token (checked by antreanVerify) and its SVG" })
  async qr(@Root() booking: AntreanBooking, @Ctx() ctx: Context): Promise<AntreanQr> {
    // AntreanBooking is owned: the owner guard lets only its member (or staff) reach this.
    return Object.assign(new AntreanQr(), await ctx.services.antrean.qr(booking.rowId, booking.slotEndAt));
  }

  @Mutation(() => AntreanBookingPayload, {
    description:
      "Book a slot at a branch office for a service (antrean kantor cabang): the slot from antreanSlots, today to 14 days ahead, the office offering the service. " +
      "One open booking per service. Answers the booking with its code and QR; a notification (ANTREAN_BOOKED) is written with it, and a reminder a day ahead",
  })
  antreanBook(@Arg("input", () => AntreanBookInput, { description: "The office, service and slot" }) input: AntreanBookInput, @Ctx() ctx: Context): Promise<AntreanBookingPayload> {
    const auth = requireAuth(ctx);
    return withUserErrors<AntreanBookingPayload>(
      async () => ({
        booking: toAntreanBooking(
          await ctx.services.antrean.book(auth, { kanalId: idOfType(input.kanalId, "KanalLayanan"), layanan: input.layanan as AntreanLayananValue, slotStart: input.slotStart }),
          ctx.services.antrean.now(),
        ),
      }),
      { booking: null },
    );
  }

  @Mutation(() => AntreanBookingPayload, { description: "Cancel one of your BOOKED bookings before its slot starts; the place goes back to the slot" })
  antreanCancel(@Arg("input", () => AntreanCancelInput, { description: "The booking" }) input: AntreanCancelInput, @Ctx() ctx: Context): Promise<AntreanBookingPayload> {
    const auth = requireAuth(ctx);
    return withUserErrors<AntreanBookingPayload>(
      async () => ({ booking: toAntreanBooking(await ctx.services.antrean.cancel(auth, idOfType(input.bookingId, "AntreanBooking")), ctx.services.antrean.now()) }),
      { booking: null },
    );
  }

  @Mutation(() => AntreanBookingPayload, {
    description:
      "Move one of your BOOKED bookings to another slot (and office) before it starts: the old booking is cancelled and a new one (new code and QR) booked in one step, or nothing changes",
  })
  antreanRebook(@Arg("input", () => AntreanRebookInput, { description: "The booking and its new slot" }) input: AntreanRebookInput, @Ctx() ctx: Context): Promise<AntreanBookingPayload> {
    const auth = requireAuth(ctx);
    return withUserErrors<AntreanBookingPayload>(
      async () => ({
        booking: toAntreanBooking(
          await ctx.services.antrean.rebook(auth, idOfType(input.bookingId, "AntreanBooking"), input.kanalId ? idOfType(input.kanalId, "KanalLayanan") : null, input.slotStart),
          ctx.services.antrean.now(),
        ),
      }),
      { booking: null },
    );
  }

  @Mutation(() => AntreanBookingPayload, {
    description:
      "Staff only: mark a booking SERVED (from the slot's day on) or NO_SHOW (once its slot started), from BOOKED or EXPIRED; the change is kept with who made it (timeline)",
  })
  antreanStaffMark(@Arg("input", () => AntreanStaffMarkInput, { description: "The booking and what happened" }) input: AntreanStaffMarkInput, @Ctx() ctx: Context): Promise<AntreanBookingPayload> {
    const staff = requireStaff(ctx);
    return withUserErrors<AntreanBookingPayload>(
      async () => ({
        booking: toAntreanBooking(
          await ctx.services.antrean.staffMark(staff, idOfType(input.bookingId, "AntreanBooking"), input.status as "SERVED" | "NO_SHOW", input.note),
          ctx.services.antrean.now(),
        ),
      }),
      { booking: null },
    );
  }
}

@Resolver(() => Participant)
export class ParticipantAntreanResolver {
  @FieldResolver(() => AntreanBookingConnection, { description: "The member's branch bookings (antrean kantor cabang), newest first" })
  async antreanBookings(
    @Root() participant: Participant,
    @Arg("open", () => Boolean, { nullable: true, description: "true: only BOOKED ones (still to come); left out: all" }) open: boolean | null,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<AntreanBookingConnection> {
    const size = pageSize(first);
    const { views, hasNextPage } = await ctx.services.antrean.listForParticipant(participant.ownerParticipantId, open === true, size, afterIdOf(after, "AntreanBooking"));
    const now = ctx.services.antrean.now();
    const edges = views.map((v) => ({ cursor: toGlobalId("AntreanBooking", v.row.id), node: toAntreanBooking(v, now) }));
    return { edges, pageInfo: forwardPageInfo(edges, hasNextPage, after) };
  }
}

@Resolver(() => KlaimEligibility)
export class KlaimEligibilityAntreanResolver {
  @FieldResolver(() => AntreanLayanan, {
    nullable: true,
    description:
      "KLAIM_JHT when this claim is made at a branch office or through Lapak Asik (channel KANTOR_CABANG or LAPAK_ASIK): book a visit with antreanBook; null when it goes through JMO or cannot be made yet",
  })
  antreanLayanan(@Root() eligibility: KlaimEligibility): AntreanLayanan | null {
    return eligibility.channel === KlaimChannel.KANTOR_CABANG || eligibility.channel === KlaimChannel.LAPAK_ASIK ? AntreanLayanan.KLAIM_JHT : null;
  }
}
