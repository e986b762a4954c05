import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node, PageInfo, UserError, type Owned } from "./common.types.ts";
import { KanalLayanan, ZonaWaktu } from "./kanal.types.ts";
import { DateScalar, DateTimeScalar } from "./scalars.ts";

export enum AntreanLayanan {
  KLAIM_JHT = "KLAIM_JHT",
  KLAIM_JKM = "KLAIM_JKM",
  KLAIM_JKK = "KLAIM_JKK",
  KLAIM_JP = "KLAIM_JP",
  KLAIM_JKP = "KLAIM_JKP",
  PENGKINIAN = "PENGKINIAN",
  LAINNYA = "LAINNYA",
}
registerEnumType(AntreanLayanan, {
  name: "AntreanLayanan",
  description: "The service a branch visit is booked for; a member holds at most one open (BOOKED) booking per service",
  valuesConfig: {
    KLAIM_JHT: { description: "A JHT claim at the counter: an AKTIF card (other grounds, e.g. age 56), saldo above the JMO limit, or help with a JMO claim" },
    KLAIM_JKM: { description: "A death (JKM) claim by the heirs" },
    KLAIM_JKK: { description: "A work-accident (JKK) claim" },
    KLAIM_JP: { description: "A pension (JP) claim" },
    KLAIM_JKP: { description: "A job-loss (JKP) claim" },
    PENGKINIAN: { description: "Correcting or updating membership data" },
    LAINNYA: { description: "Anything else (information, complaints, registration)" },
  },
});

export enum AntreanStatus {
  BOOKED = "BOOKED",
  CANCELLED = "CANCELLED",
  SERVED = "SERVED",
  NO_SHOW = "NO_SHOW",
  EXPIRED = "EXPIRED",
}
registerEnumType(AntreanStatus, {
  name: "AntreanStatus",
  description: "Where a branch booking stands",
  valuesConfig: {
    BOOKED: { description: "Booked and open: come at the slot with the code or QR; it can be cancelled or rebooked until the slot starts" },
    CANCELLED: { description: "Cancelled by the member (or replaced by a rebooking); the place went back to the slot" },
    SERVED: { description: "Staff served the member at the counter" },
    NO_SHOW: { description: "Staff marked that the member did not come" },
    EXPIRED: { description: "The slot ended without staff marking it; staff may still mark it SERVED or NO_SHOW" },
  },
});

export enum AntreanStaffMark {
  SERVED = "SERVED",
  NO_SHOW = "NO_SHOW",
}
registerEnumType(AntreanStaffMark, {
  name: "AntreanStaffMark",
  description: "What staff record about a booking at the counter",
  valuesConfig: {
    SERVED: { description: "The member came and was served (from the slot's day on)" },
    NO_SHOW: { description: "The member did not come (once the slot has started)" },
  },
});

export enum AntreanDayClosedReason {
  WEEKEND_OR_NO_HOURS = "WEEKEND_OR_NO_HOURS",
  HOLIDAY = "HOLIDAY",
}
registerEnumType(AntreanDayClosedReason, {
  name: "AntreanDayClosedReason",
  description: "Why an office takes no bookings on a day",
  valuesConfig: {
    WEEKEND_OR_NO_HOURS: { description: "The office has no opening hours on that day of the week (weekends, or a temporary closure)" },
    HOLIDAY: { description: "A national holiday (libur nasional): offices are closed" },
  },
});

export enum AntreanInvalidReason {
  EXPIRED = "EXPIRED",
  INVALID = "INVALID",
}
registerEnumType(AntreanInvalidReason, {
  name: "AntreanInvalidReason",
  description: "Why antreanVerify found a booking token not valid",
  valuesConfig: {
    EXPIRED: { description: "A genuine token whose time has passed (a day after the slot)" },
    INVALID: { description: "Not a token we issued, altered, or for a booking that does not exist" },
  },
});

@ObjectType({ description: "A bookable time at an office: 30 minutes, a few places" })
export class AntreanSlot {
  @Field(() => DateTimeScalar, { description: "When the slot starts (pass it as AntreanBookInput.slotStart)" })
  start!: Date;

  @Field(() => DateTimeScalar, { description: "When the slot ends" })
  end!: Date;

  @Field(() => String, { description: 'The start as the office\'s clock shows it, "09:30" (in AntreanDay.zonaWaktu)' })
  time!: string;

  @Field(() => Int, { description: "Places in the slot" })
  capacity!: number;

  @Field(() => Int, { description: "Places still free" })
  available!: number;

  @Field(() => Boolean, { description: "Bookable now: free places, not started, and the day within the booking window" })
  bookable!: boolean;
}

@ObjectType({ description: "An office's bookable slots on one of its days" })
export class AntreanDay {
  @Field(() => KanalLayanan, { description: "The office" })
  kanal!: KanalLayanan;

  @Field(() => DateScalar, { description: "The day, in the office's own time zone" })
  date!: string;

  @Field(() => ZonaWaktu, { description: "The office's time zone: slot times are in it" })
  zonaWaktu!: ZonaWaktu;

  @Field(() => AntreanDayClosedReason, { nullable: true, description: "Why the office takes no bookings that day; null when it is open" })
  closedReason!: AntreanDayClosedReason | null;

  @Field(() => String, { nullable: true, description: 'The holiday\'s name when closedReason is HOLIDAY, e.g. "Hari Raya Natal"' })
  holidayName!: string | null;

  @Field(() => DateScalar, { description: "The last day that can be booked today (the booking window: today and the next 14 days)" })
  lastBookableDate!: string;

  @Field(() => [AntreanSlot], { description: "The day's slots from opening to closing, earliest first; empty when closed" })
  slots!: AntreanSlot[];
}

@ObjectType({ description: "A status a booking reached" })
export class AntreanBookingEvent {
  @Field(() => AntreanStatus, { description: "The status" })
  status!: AntreanStatus;

  @Field(() => DateTimeScalar, { description: "When" })
  at!: Date;

  @Field(() => Boolean, { description: "Staff made the change (SERVED, NO_SHOW); false: the member or the system" })
  byStaff!: boolean;

  @Field(() => String, { nullable: true, description: "Staff's note, when given" })
  note!: string | null;
}

@ObjectType({ implements: Node, description: "A booked visit to a branch office (antrean kantor cabang): one slot, one service, a code and a QR for the counter" })
export class AntreanBooking implements Node, Owned {
  ownerParticipantId!: string;
  rowId!: string;
  /** The row's slot end, for the QR token's expiry. */
  slotEndAt!: Date;

  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
  id!: string;

  @Field(() => String, { description: "The booking code to show at the counter, ANT-<office code>-YYYYMMDD-NNN (the slot's day, a running number)" })
  code!: string;

  @Field(() => AntreanLayanan, { description: "The service booked" })
  layanan!: AntreanLayanan;

  @Field(() => KanalLayanan, { description: "The office" })
  kanal!: KanalLayanan;

  @Field(() => DateTimeScalar, { description: "When the slot starts" })
  slotStart!: Date;

  @Field(() => DateTimeScalar, { description: "When the slot ends" })
  slotEnd!: Date;

  @Field(() => DateScalar, { description: "The slot's day in the office's time zone" })
  slotDate!: string;

  @Field(() => String, { description: 'The slot\'s start on the office\'s clock, "09:30"' })
  slotTime!: string;

  @Field(() => ZonaWaktu, { description: "The office's time zone" })
  zonaWaktu!: ZonaWaktu;

  @Field(() => AntreanStatus, { description: "Where it stands" })
  status!: AntreanStatus;

  @Field(() => Boolean, { description: "It can still be cancelled or rebooked: BOOKED and the slot has not started" })
  cancellable!: boolean;

  @Field(() => String, { description: 'The member\'s name, as on the membership record (the member and staff only)' })
  participantName!: string;

  @Field(() => String, { description: 'The member\'s NIK, masked, for staff to match the KTP at the counter, e.g. "3174**********07"' })
  nikMasked!: string;

  @Field(() => DateTimeScalar, { description: "When it was booked" })
  createdAt!: Date;

  @Field(() => [AntreanBookingEvent], { description: "Every status it reached, oldest first (BOOKED first)" })
  timeline!: AntreanBookingEvent[];
}

@ObjectType({ description: "The QR code of a booking: a signed token that antreanVerify checks, and its picture" })
export class AntreanQr {
  @Field(() => String, { description: "The token in the QR code; anyone can check it with antreanVerify" })
  token!: string;

  @Field(() => String, { description: "The QR code as a standalone SVG image" })
  svg!: string;

  @Field(() => DateTimeScalar, { description: "When the token stops verifying (a day after the slot ends)" })
  expiresAt!: Date;
}

@ObjectType({ description: "A booking in an AntreanBookingConnection" })
export class AntreanBookingEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to get the bookings after this one" })
  cursor!: string;

  @Field(() => AntreanBooking, { description: "The booking" })
  node!: AntreanBooking;
}

@ObjectType({ description: "A page of branch bookings, newest first (Relay connection)" })
export class AntreanBookingConnection {
  @Field(() => [AntreanBookingEdge], { description: "The bookings of this page, in order" })
  edges!: AntreanBookingEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more pages" })
  pageInfo!: PageInfo;
}

@ObjectType({ description: "What anyone may learn from a booking's QR token: genuine or not, and the booking with a masked name (never NIK or KPJ)" })
export class AntreanVerification {
  @Field(() => Boolean, { description: "The token is ours, unaltered, unexpired, and its booking exists" })
  valid!: boolean;

  @Field(() => AntreanInvalidReason, { nullable: true, description: "Why it is not valid; null when valid" })
  reason!: AntreanInvalidReason | null;

  @Field(() => String, { nullable: true, description: "The booking code; null when not valid" })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'The member\'s name with all but each word\'s first letter hidden, e.g. "B*** S******"' })
  nameMasked!: string | null;

  @Field(() => String, { nullable: true, description: "The office's name" })
  kanalName!: string | null;

  @Field(() => AntreanLayanan, { nullable: true, description: "The service booked" })
  layanan!: AntreanLayanan | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the slot starts" })
  slotStart!: Date | null;

  @Field(() => String, { nullable: true, description: 'The slot\'s day and time on the office\'s clock, "2026-12-03 09:30 WIB"' })
  slotLocal!: string | null;

  @Field(() => AntreanStatus, { nullable: true, description: "Where the booking stands now (a cancelled booking's QR says CANCELLED)" })
  status!: AntreanStatus | null;
}

@InputType({ description: "A slot to book" })
export class AntreanBookInput {
  @Field(() => ID, { description: "The office (KanalLayanan.id)" })
  kanalId!: string;

  @Field(() => AntreanLayanan, { description: "The service; the office must offer it" })
  layanan!: AntreanLayanan;

  @Field(() => DateTimeScalar, { description: "The slot's start, as antreanSlots gave it (AntreanSlot.start)" })
  slotStart!: Date;
}

@InputType({ description: "A booking to cancel" })
export class AntreanCancelInput {
  @Field(() => ID, { description: "The booking (AntreanBooking.id)" })
  bookingId!: string;
}

@InputType({ description: "Move a booking to another slot (and office): the old one is cancelled and the new one booked together, or neither" })
export class AntreanRebookInput {
  @Field(() => ID, { description: "The booking to replace (AntreanBooking.id), BOOKED and not yet started" })
  bookingId!: string;

  @Field(() => ID, { nullable: true, description: "The new office (KanalLayanan.id); left out: the same office" })
  kanalId?: string | null;

  @Field(() => DateTimeScalar, { description: "The new slot's start (AntreanSlot.start)" })
  slotStart!: Date;
}

@InputType({ description: "Staff: record what happened at the counter" })
export class AntreanStaffMarkInput {
  @Field(() => ID, { description: "The booking (AntreanBooking.id)" })
  bookingId!: string;

  @Field(() => AntreanStaffMark, { description: "SERVED or NO_SHOW" })
  status!: AntreanStaffMark;

  @Field(() => String, { nullable: true, description: "A note (at most 500 characters)" })
  note?: string | null;
}

@ObjectType({ description: "The result of a booking mutation" })
export class AntreanBookingPayload {
  @Field(() => AntreanBooking, { nullable: true, description: "The booking (for antreanRebook: the new one); null when refused" })
  booking!: AntreanBooking | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success" })
  userErrors!: UserError[];
}
