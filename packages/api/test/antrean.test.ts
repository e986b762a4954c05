// Issue 16, part 3: antrean kantor cabang. A member books a 30-minute slot at a branch office for a service, over a
// real HTTP server: the last place of a day goes to one of two members racing for it (the other gets a coded error),
// one open booking per service, cancel and rebook (atomic), the office's hours, weekends and holidays, a QR that
// verifies publicly with a masked name, staff marking SERVED / NO_SHOW, reminders a day ahead with a moved clock.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/common/global-id.ts";
import { SignedTokens } from "../src/common/signed-token.ts";
import { antreanBookingEvents, antreanBookings, antreanSlots, kanalLayanan, notifications } from "../src/db/schema.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn, TEST_TOKEN_SECRET } from "./support/test-server.ts";

const h = useServerHarness();

const FIELDS = `id code layanan slotStart slotEnd slotDate slotTime zonaWaktu status cancellable participantName nikMasked
  kanal { id code name } timeline { status byStaff note } qr { token svg expiresAt }`;
const PAYLOAD = `{ booking { ${FIELDS} } userErrors { code field message } }`;
const BOOK = `mutation($input: AntreanBookInput!) { antreanBook(input: $input) ${PAYLOAD} }`;
const CANCEL = `mutation($input: AntreanCancelInput!) { antreanCancel(input: $input) ${PAYLOAD} }`;
const REBOOK = `mutation($input: AntreanRebookInput!) { antreanRebook(input: $input) ${PAYLOAD} }`;
const MARK = `mutation($input: AntreanStaffMarkInput!) { antreanStaffMark(input: $input) { booking { id status timeline { status byStaff note } } userErrors { code field message } } }`;
const SLOTS = `query($kanalId: ID!, $date: Date!) { antreanSlots(kanalId: $kanalId, date: $date) {
  date zonaWaktu closedReason holidayName lastBookableDate slots { start end time capacity available bookable } } }`;
const VERIFY = `query($token: String!) { antreanVerify(token: $token) { valid reason code nameMasked kanalName layanan slotStart slotLocal status } }`;
const STAFF_DAY = `query($kanalId: ID!, $date: Date!) { antreanStaffDay(kanalId: $kanalId, date: $date) { id code status participantName nikMasked slotTime } }`;
const MINE = `query($open: Boolean) { me { antreanBookings(open: $open, first: 10) { edges { node { id code status } } pageInfo { hasNextPage } } } }`;

type UserErrors = Array<{ code: string; field: string[] | null; message: string }>;
type Payload = { booking: Record<string, any> | null; userErrors: UserErrors };

// Monday 7 December 2026, 08:00 WIB. Kantor Cabang Jakarta Salemba: Mon–Fri 08:00–15:00 WIB, every service.
const MONDAY_0800 = new Date("2026-12-07T01:00:00Z");
/** An instant at `hhmm` WIB on `date`. */
const wib = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`);

afterEach(() => {
  h.server.services.antreanClock.now = () => new Date();
});

function setNow(at: Date) {
  h.server.services.antreanClock.now = () => at;
}

async function office(code = "KC-JAKARTA-SALEMBA") {
  const [row] = await h.tdb.database.db.select().from(kanalLayanan).where(eq(kanalLayanan.code, code));
  return { row: row!, id: toGlobalId("KanalLayanan", row!.id) };
}

async function member(fullName = "Budi Santoso") {
  const p = await h.seed.participant({ fullName }).withCard({ status: "NONAKTIF", nonaktifSince: "2025-01-31" }).withAccount().build();
  const { accessToken } = await signIn(h.server.url, p.email!, TEST_PASSWORD);
  return { ...p, token: accessToken };
}

async function staffToken() {
  const s = await h.seed.staff();
  return (await signIn(h.server.url, s.email, TEST_PASSWORD)).accessToken;
}

async function call(token: string | null, query: string, input: unknown): Promise<Payload> {
  const res = await gql(h.server.url, query, { input }, { token });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as Payload;
}

const book = (token: string, kanalId: string, slotStart: Date, layanan = "KLAIM_JHT") => call(token, BOOK, { kanalId, layanan, slotStart: slotStart.toISOString() });

async function slotRow(kanalId: string, start: Date) {
  const [row] = await h.tdb.database.db.select().from(antreanSlots).where(and(eq(antreanSlots.kanalId, kanalId), eq(antreanSlots.slotStart, start)));
  return row;
}

describe("antrean kantor cabang: booking", () => {
  it("lists a day's slots in the office's zone, books one with a code, a QR and a notification", async () => {
    setNow(MONDAY_0800);
    const { row, id } = await office();
    const day = (await gql(h.server.url, SLOTS, { kanalId: id, date: "2026-12-08" })).data!.antreanSlots;
    expect(day).toMatchObject({ date: "2026-12-08", zonaWaktu: "WIB", closedReason: null, lastBookableDate: "2026-12-21" });
    // 08:00 … 14:30: fourteen 30-minute slots, 4 places each, all free.
    expect(day.slots.map((s: { time: string }) => s.time)).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30"]);
    expect(day.slots[0]).toMatchObject({ start: "2026-12-08T01:00:00.000Z", end: "2026-12-08T01:30:00.000Z", capacity: 4, available: 4, bookable: true });

    const m = await member("Budi Santoso");
    const res = await book(m.token, id, wib("2026-12-08", "09:30"));
    expect(res.userErrors).toEqual([]);
    const b = res.booking!;
    expect(b).toMatchObject({
      code: "ANT-KC-JAKARTA-SALEMBA-20261208-001",
      layanan: "KLAIM_JHT",
      slotDate: "2026-12-08",
      slotTime: "09:30",
      zonaWaktu: "WIB",
      status: "BOOKED",
      cancellable: true,
      participantName: "Budi Santoso",
      kanal: { id, code: "KC-JAKARTA-SALEMBA" },
      timeline: [{ status: "BOOKED", byStaff: false, note: null }],
    });
    expect(b.qr.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(new Date(b.qr.expiresAt).getTime()).toBe(new Date(b.slotEnd).getTime() + 24 * 3_600_000);
    // The next booking that day at that office gets the next number; the slot shows one place fewer.
    const other = await member("Siti Rahayu");
    expect((await book(other.token, id, wib("2026-12-08", "09:30"), "PENGKINIAN")).booking!.code).toBe("ANT-KC-JAKARTA-SALEMBA-20261208-002");
    const after = (await gql(h.server.url, SLOTS, { kanalId: id, date: "2026-12-08" })).data!.antreanSlots;
    expect(after.slots.find((s: { time: string }) => s.time === "09:30")).toMatchObject({ available: 2, bookable: true });
    expect((await slotRow(row.id, wib("2026-12-08", "09:30")))!.booked).toBe(2);

    const [n] = await h.tdb.database.db.select().from(notifications).where(and(eq(notifications.participantId, m.participant.id), eq(notifications.kind, "ANTREAN_BOOKED")));
    expect(n!.params).toMatchObject({ code: b.code, kanalName: "Kantor Cabang Jakarta Salemba", slotDate: "2026-12-08", slotTime: "09:30", zona: "WIB" });
    const inbox = await gql(h.server.url, `query { me { notifications(first: 5) { edges { node { kind title body subjectId } } } } }`, {}, { token: m.token });
    const booked = inbox.data!.me.notifications.edges.map((e: { node: Record<string, string> }) => e.node).find((x: { kind: string }) => x.kind === "ANTREAN_BOOKED");
    expect(booked).toMatchObject({ subjectId: b.id });
    expect(booked.body).toContain("09:30 WIB");

    const mine = (await gql(h.server.url, MINE, { open: true }, { token: m.token })).data!.me.antreanBookings;
    expect(mine.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual([b.code]);
    expect((await gql(h.server.url, `query($id: ID!) { node(id: $id) { id ... on AntreanBooking { code } } }`, { id: b.id }, { token: m.token })).data!.node).toEqual({ id: b.id, code: b.code });
  });

  it("gives the last place of a day to one of two members racing for it; the other gets ANTREAN_SLOT_FULL", async () => {
    setNow(MONDAY_0800);
    const { row, id } = await office();
    const last = wib("2026-12-08", "14:30");
    for (const name of ["Satu", "Dua", "Tiga"]) expect((await book((await member(name)).token, id, last)).userErrors).toEqual([]);
    const [a, b] = [await member("Agus Wijaya"), await member("Dewi Lestari")];
    const results = await Promise.all([book(a.token, id, last), book(b.token, id, last)]);
    expect(results.filter((r) => r.booking !== null)).toHaveLength(1);
    const loser = results.find((r) => r.booking === null)!;
    expect(loser.userErrors).toMatchObject([{ code: "ANTREAN_SLOT_FULL", field: ["input", "slotStart"] }]);
    expect((await slotRow(row.id, last))!.booked).toBe(4);
    expect(await h.tdb.database.db.select().from(antreanBookings).where(eq(antreanBookings.slotStart, last))).toHaveLength(4);

    // A stampede on a fresh slot: eight at once, exactly four places given, the counter and the rows agree.
    const crowd = await Promise.all(Array.from({ length: 8 }, (_, i) => member(`Peserta ${i}`)));
    const slot = wib("2026-12-09", "14:30");
    const outcomes = await Promise.all(crowd.map((m) => book(m.token, id, slot)));
    expect(outcomes.filter((r) => r.booking).length).toBe(4);
    expect(outcomes.filter((r) => !r.booking).every((r) => r.userErrors[0]!.code === "ANTREAN_SLOT_FULL")).toBe(true);
    expect((await slotRow(row.id, slot))!.booked).toBe(4);
    const codes = outcomes.filter((r) => r.booking).map((r) => r.booking!.code as string);
    expect(new Set(codes).size).toBe(4);
    const day = (await gql(h.server.url, SLOTS, { kanalId: id, date: "2026-12-09" })).data!.antreanSlots;
    expect(day.slots.at(-1)).toMatchObject({ time: "14:30", available: 0, bookable: false });
  });

  it("holds one open booking per member and service, also when the same member books twice at once", async () => {
    setNow(MONDAY_0800);
    const { id } = await office();
    const m = await member();
    const first = await book(m.token, id, wib("2026-12-08", "10:00"));
    const again = await book(m.token, id, wib("2026-12-09", "10:00"));
    expect(again.userErrors).toMatchObject([{ code: "ANTREAN_ALREADY_BOOKED", field: ["input", "layanan"] }]);
    expect(again.userErrors[0]!.message).toContain(first.booking!.code);
    // Another service is another queue.
    expect((await book(m.token, id, wib("2026-12-09", "10:00"), "PENGKINIAN")).userErrors).toEqual([]);

    const n = await member("Dua Kali");
    const both = await Promise.all([book(n.token, id, wib("2026-12-10", "08:00")), book(n.token, id, wib("2026-12-10", "09:00"))]);
    expect(both.filter((r) => r.booking)).toHaveLength(1);
    expect(both.find((r) => !r.booking)!.userErrors).toMatchObject([{ code: "ANTREAN_ALREADY_BOOKED" }]);
    // The refused one gave its place back (nothing changed): one place taken in total over the two slots.
    const taken = (await gql(h.server.url, SLOTS, { kanalId: id, date: "2026-12-10" })).data!.antreanSlots.slots.filter((s: { available: number }) => s.available < 4);
    expect(taken).toHaveLength(1);
    expect(taken[0].available).toBe(3);
  });

  it("cancels and rebooks atomically, and refuses once the slot has started", async () => {
    setNow(MONDAY_0800);
    const { row, id } = await office();
    const m = await member();
    const b = (await book(m.token, id, wib("2026-12-08", "10:00"))).booking!;
    const moved = await call(m.token, REBOOK, { bookingId: b.id, slotStart: wib("2026-12-09", "11:00").toISOString() });
    expect(moved.userErrors).toEqual([]);
    expect(moved.booking).toMatchObject({ status: "BOOKED", slotDate: "2026-12-09", slotTime: "11:00", code: "ANT-KC-JAKARTA-SALEMBA-20261209-001" });
    expect((await slotRow(row.id, wib("2026-12-08", "10:00")))!.booked).toBe(0);
    expect((await slotRow(row.id, wib("2026-12-09", "11:00")))!.booked).toBe(1);
    const old = await h.tdb.database.db.select().from(antreanBookings).where(eq(antreanBookings.code, b.code));
    expect(old[0]!.status).toBe("CANCELLED");

    // Rebooking into a full slot changes nothing: the booking stays where it was.
    const full = wib("2026-12-10", "08:00");
    for (const name of ["A", "B", "C", "D"]) await book((await member(name)).token, id, full);
    const refused = await call(m.token, REBOOK, { bookingId: moved.booking!.id, slotStart: full.toISOString() });
    expect(refused).toMatchObject({ booking: null, userErrors: [{ code: "ANTREAN_SLOT_FULL" }] });
    const still = (await gql(h.server.url, MINE, { open: true }, { token: m.token })).data!.me.antreanBookings.edges;
    expect(still.map((e: { node: { id: string } }) => e.node.id)).toEqual([moved.booking!.id]);
    expect((await slotRow(row.id, wib("2026-12-09", "11:00")))!.booked).toBe(1);
    expect((await slotRow(row.id, full))!.booked).toBe(4);

    const cancelled = await call(m.token, CANCEL, { bookingId: moved.booking!.id });
    expect(cancelled.booking).toMatchObject({ status: "CANCELLED", cancellable: false });
    expect(cancelled.booking!.timeline.map((e: { status: string }) => e.status)).toEqual(["BOOKED", "CANCELLED"]);
    expect((await slotRow(row.id, wib("2026-12-09", "11:00")))!.booked).toBe(0);
    expect((await call(m.token, CANCEL, { bookingId: moved.booking!.id })).userErrors).toMatchObject([{ code: "ANTREAN_NOT_CANCELLABLE" }]);

    // Once the slot has started it can be neither cancelled nor moved.
    const c = (await book(m.token, id, wib("2026-12-08", "13:00"))).booking!;
    setNow(wib("2026-12-08", "13:05"));
    expect((await call(m.token, CANCEL, { bookingId: c.id })).userErrors).toMatchObject([{ code: "ANTREAN_NOT_CANCELLABLE" }]);
    expect((await call(m.token, REBOOK, { bookingId: c.id, slotStart: wib("2026-12-09", "09:00").toISOString() })).userErrors).toMatchObject([{ code: "ANTREAN_NOT_CANCELLABLE" }]);
  });

  it("refuses the past, closing time, odd times, weekends, holidays, beyond 14 days and a service the office lacks", async () => {
    setNow(MONDAY_0800);
    const { id } = await office();
    const m = await member();
    const codeOf = async (at: Date, layanan = "KLAIM_JHT", kanalId = id) => (await book(m.token, kanalId, at, layanan)).userErrors.map((e) => e.code);
    expect(await codeOf(wib("2026-12-07", "08:00"))).toEqual(["ANTREAN_SLOT_PAST"]);
    expect(await codeOf(wib("2026-12-08", "15:00"))).toEqual(["ANTREAN_SLOT_INVALID"]);
    expect(await codeOf(wib("2026-12-08", "07:30"))).toEqual(["ANTREAN_SLOT_INVALID"]);
    expect(await codeOf(wib("2026-12-08", "09:15"))).toEqual(["ANTREAN_SLOT_INVALID"]);
    expect(await codeOf(wib("2026-12-12", "09:00"))).toEqual(["ANTREAN_OFFICE_CLOSED"]);
    expect(await codeOf(wib("2026-12-22", "09:00"))).toEqual(["ANTREAN_TOO_FAR_AHEAD"]);
    setNow(wib("2026-12-18", "08:00"));
    const natal = await book(m.token, id, wib("2026-12-25", "09:00"));
    expect(natal.userErrors).toMatchObject([{ code: "ANTREAN_OFFICE_CLOSED", field: ["input", "slotStart"] }]);
    expect(natal.userErrors[0]!.message).toContain("Hari Raya Natal");
    const holiday = (await gql(h.server.url, SLOTS, { kanalId: id, date: "2026-12-25" })).data!.antreanSlots;
    expect(holiday).toMatchObject({ closedReason: "HOLIDAY", holidayName: "Hari Raya Natal", slots: [] });
    expect((await gql(h.server.url, SLOTS, { kanalId: id, date: "2026-12-19" })).data!.antreanSlots).toMatchObject({ closedReason: "WEEKEND_OR_NO_HOURS", slots: [] });

    const [lacking] = (await h.tdb.database.db.select().from(kanalLayanan)).filter((k) => !k.services.includes("KLAIM_JP") && k.openingHours.some((o) => o.day === 1));
    // The seeded offices include one without KLAIM_JP; without it this check would silently not run.
    expect(lacking, "a seeded office open on Mondays without KLAIM_JP").toBeDefined();
    const monday = wib("2026-12-21", lacking!.openingHours.find((o) => o.day === 1)!.opens);
    const offset = { WIB: 0, WITA: -1, WIT: -2 }[(await import("../src/modules/kanal/opening-hours.ts")).zonaWaktuOf(lacking!.provinceCode)];
    expect(await codeOf(new Date(monday.getTime() + offset * 3_600_000), "KLAIM_JP", toGlobalId("KanalLayanan", lacking!.id))).toEqual(["ANTREAN_SERVICE_NOT_OFFERED"]);
    expect(await codeOf(wib("2026-12-21", "09:00"), "KLAIM_JHT", toGlobalId("KanalLayanan", "00000000-0000-4000-8000-000000000000"))).toEqual(["ANTREAN_KANAL_NOT_FOUND"]);
    // Nothing was booked by any of it.
    expect(await h.tdb.database.db.select().from(antreanBookings)).toEqual([]);
  });
});

describe("antrean kantor cabang: the QR, staff and reminders", () => {
  it("verifies a booking's QR publicly with a masked name, never NIK or KPJ; refuses altered, foreign and expired tokens", async () => {
    setNow(MONDAY_0800);
    const { id } = await office();
    const m = await member("Budi Santoso");
    const b = (await book(m.token, id, wib("2026-12-08", "09:30"))).booking!;
    const res = await gql(h.server.url, VERIFY, { token: b.qr.token });
    expect(res.data!.antreanVerify).toEqual({
      valid: true,
      reason: null,
      code: b.code,
      nameMasked: "B*** S******",
      kanalName: "Kantor Cabang Jakarta Salemba",
      layanan: "KLAIM_JHT",
      slotStart: "2026-12-08T02:30:00.000Z",
      slotLocal: "2026-12-08 09:30 WIB",
      status: "BOOKED",
    });
    const raw = JSON.stringify(res);
    expect(raw).not.toContain(m.participant.nik);
    expect(raw).not.toContain(m.cards[0]!.kpj);
    expect(raw).not.toContain("Budi");
    // The QR follows the booking: a cancelled booking's QR says so.
    await call(m.token, CANCEL, { bookingId: b.id });
    expect((await gql(h.server.url, VERIFY, { token: b.qr.token })).data!.antreanVerify).toMatchObject({ valid: true, status: "CANCELLED" });

    const tampered = b.qr.token.slice(0, -3) + (b.qr.token.endsWith("AAA") ? "BBB" : "AAA");
    expect((await gql(h.server.url, VERIFY, { token: tampered })).data!.antreanVerify).toMatchObject({ valid: false, reason: "INVALID", code: null, nameMasked: null });
    const signer = new SignedTokens(TEST_TOKEN_SECRET);
    const rowId = (await h.tdb.database.db.select().from(antreanBookings))[0]!.id;
    // A digital card's token (same key, another audience) is not a booking's.
    const card = await signer.issue("jmo-digital-card", rowId, new Date(Date.now() + 3_600_000));
    expect((await gql(h.server.url, VERIFY, { token: card.token })).data!.antreanVerify).toMatchObject({ valid: false, reason: "INVALID" });
    const expired = await signer.issue("jmo-antrean", rowId, new Date(Date.now() - 60_000));
    expect((await gql(h.server.url, VERIFY, { token: expired.token })).data!.antreanVerify).toMatchObject({ valid: false, reason: "EXPIRED" });
    // And a booking QR is not a digital card.
    expect((await gql(h.server.url, `query($t: String!) { digitalCardVerify(token: $t) { valid reason } }`, { t: b.qr.token })).data!.digitalCardVerify).toEqual({ valid: false, reason: "INVALID" });
  });

  it("staff list the office's day and mark SERVED / NO_SHOW (audited); members and other members are refused", async () => {
    setNow(MONDAY_0800);
    const { id } = await office();
    const owner = await member("Budi Santoso");
    const other = await member("Agus Wijaya");
    const b = (await book(owner.token, id, wib("2026-12-08", "09:30"))).booking!;
    const c = (await book(other.token, id, wib("2026-12-08", "10:00"))).booking!;
    const staff = await staffToken();

    const day = (await gql(h.server.url, STAFF_DAY, { kanalId: id, date: "2026-12-08" }, { token: staff })).data!.antreanStaffDay;
    expect(day.map((x: { code: string; participantName: string; slotTime: string }) => [x.code, x.participantName, x.slotTime])).toEqual([
      [b.code, "Budi Santoso", "09:30"],
      [c.code, "Agus Wijaya", "10:00"],
    ]);
    expect(day[0].nikMasked).toMatch(/^\d{4}\*{10}\d{2}$/);

    // Another member: not theirs to cancel, read or mark; no staff list.
    expect((await call(other.token, CANCEL, { bookingId: b.id })).userErrors).toMatchObject([{ code: "ANTREAN_NOT_FOUND" }]);
    expect((await gql(h.server.url, `query($id: ID!) { node(id: $id) { id } }`, { id: b.id }, { token: other.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(h.server.url, STAFF_DAY, { kanalId: id, date: "2026-12-08" }, { token: other.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(h.server.url, MARK, { input: { bookingId: b.id, status: "SERVED" } }, { token: owner.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(h.server.url, STAFF_DAY, { kanalId: id, date: "2026-12-08" })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    // Not before the day; NO_SHOW not before the slot starts.
    expect((await call(staff, MARK, { bookingId: b.id, status: "SERVED" })).userErrors).toMatchObject([{ code: "ANTREAN_STATUS_NOT_ALLOWED" }]);
    setNow(wib("2026-12-08", "09:20"));
    expect((await call(staff, MARK, { bookingId: c.id, status: "NO_SHOW" })).userErrors).toMatchObject([{ code: "ANTREAN_STATUS_NOT_ALLOWED" }]);
    const served = await call(staff, MARK, { bookingId: b.id, status: "SERVED", note: "Berkas klaim lengkap" });
    expect(served.userErrors).toEqual([]);
    expect(served.booking!.timeline).toEqual([
      { status: "BOOKED", byStaff: false, note: null },
      { status: "SERVED", byStaff: true, note: "Berkas klaim lengkap" },
    ]);
    setNow(wib("2026-12-08", "10:45"));
    expect((await call(staff, MARK, { bookingId: c.id, status: "NO_SHOW" })).booking).toMatchObject({ status: "NO_SHOW" });
    // Final: no second mark.
    expect((await call(staff, MARK, { bookingId: b.id, status: "NO_SHOW" })).userErrors).toMatchObject([{ code: "ANTREAN_STATUS_NOT_ALLOWED" }]);
    const audit = await h.tdb.database.db.select().from(antreanBookingEvents).where(eq(antreanBookingEvents.status, "SERVED"));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.byAccountId).not.toBeNull();
    // The member's own list shows the outcome.
    expect((await gql(h.server.url, MINE, {}, { token: owner.token })).data!.me.antreanBookings.edges[0].node).toMatchObject({ code: b.code, status: "SERVED" });
  });

  it("reminds a day ahead, once, with a moved clock; expires unmarked past bookings; a late booking gets no reminder", async () => {
    setNow(MONDAY_0800);
    const { id } = await office();
    const m = await member();
    const b = (await book(m.token, id, wib("2026-12-09", "10:00"))).booking!;
    const jobs = h.server.services.antrean;
    const reminders = () =>
      h.tdb.database.db.select().from(notifications).where(and(eq(notifications.participantId, m.participant.id), eq(notifications.kind, "ANTREAN_REMINDER")));

    expect(await jobs.runJobs(wib("2026-12-08", "09:59"))).toEqual({ reminded: 0, expired: 0 });
    expect(await reminders()).toEqual([]);
    expect(await jobs.runJobs(wib("2026-12-08", "10:00"))).toEqual({ reminded: 1, expired: 0 });
    // Two runs (two instances, or the next tick) write it once.
    const [again, alongside] = await Promise.all([jobs.runJobs(wib("2026-12-08", "10:05")), jobs.runJobs(wib("2026-12-08", "10:05"))]);
    expect(again.reminded + alongside.reminded).toBe(0);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params).toMatchObject({ code: b.code, slotDate: "2026-12-09", slotTime: "10:00" });

    // Booked 21 hours ahead: the booking's own notification is enough.
    setNow(wib("2026-12-08", "13:00"));
    const late = (await book(m.token, id, wib("2026-12-09", "10:00"), "PENGKINIAN")).booking!;
    expect(await jobs.runJobs(wib("2026-12-08", "14:00"))).toEqual({ reminded: 0, expired: 0 });

    // After the slot: both expire (nobody marked them), and the member may book the service again.
    expect(await jobs.runJobs(wib("2026-12-09", "10:30"))).toEqual({ reminded: 0, expired: 2 });
    const rows = await h.tdb.database.db.select().from(antreanBookings);
    expect(rows.map((r) => [r.code, r.status]).sort()).toEqual([[b.code, "EXPIRED"], [late.code, "EXPIRED"]].sort());
    setNow(wib("2026-12-09", "10:30"));
    expect((await book(m.token, id, wib("2026-12-10", "10:00"))).userErrors).toEqual([]);
  });

  it("points a claim that needs a branch to booking (klaimJhtEligibility.antreanLayanan)", async () => {
    const p = await h.seed.participant({ pengkinianStatus: "TERVERIFIKASI" }).withCard({ status: "AKTIF", registeredAt: "2015-01-01" }).withAccount().build();
    await h.seed.contributionsFor(p.cards[0]!.id, { from: "2015-01", months: 24, wage: 5_000_000 });
    const { accessToken } = await signIn(h.server.url, p.email!, TEST_PASSWORD);
    const res = await gql(h.server.url, `query($c: ID!) { klaimJhtEligibility(cardId: $c) { channel antreanLayanan } }`, { c: toGlobalId("Card", p.cards[0]!.id) }, { token: accessToken });
    expect(res.data!.klaimJhtEligibility).toEqual({ channel: "KANTOR_CABANG", antreanLayanan: "KLAIM_JHT" });
  });
});
