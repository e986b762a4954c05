// Issue 15, part 1: the kotak masuk. Every event a member hears about is a stored notification written in the event's
// own transaction (none for a rolled-back change, none lost for a committed one), delivered live on whichever instance
// the member is connected to, listed newest first, counted and marked read only by its owner.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../src/common/global-id.ts";
import { openDatabase } from "../src/db/database.ts";
import { bpuMemberships, contributions, klaims, notifications, pengkinian } from "../src/db/schema.ts";
import { addMonths, firstOfMonth } from "../src/modules/iuran/iuran-bill.ts";
import { appendKlaimEvent } from "../src/modules/klaim/klaim-events.ts";
import { recordNotification } from "../src/modules/notifications/notifications.service.ts";
import { contributionFor } from "../src/modules/saldo/contribution-rules.ts";
import { totalsOf } from "../src/modules/saldo/jht-engine.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn, startTestServer } from "./support/test-server.ts";
import { collect, connected, wsClient } from "./support/ws-client.ts";

const h = useServerHarness();
const db = () => h.tdb.database.db;

const NODE = `id kind title body subjectId createdAt readAt read cursor`;
const INBOX = `query($first: Int, $after: String, $unreadOnly: Boolean) { me { notificationsUnreadCount
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { ${NODE} } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
const MARK = `mutation($input: NotificationsMarkReadInput!) { notificationsMarkRead(input: $input) {
  marked unreadCount notifications { id read readAt } userErrors { code message } } }`;
const RECEIVED = `subscription($after: String) { notificationReceived(after: $after) { ${NODE} } }`;

/** Resolves after `ms`: only to let a WebSocket message arrive (or show that none does), never as an assertion on time. */
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

/** A member whose JHT claim the worker can take from AGENDA to SELESAI (as klaim-processing.test.ts's budiLike). */
async function member(fullName = "Budi Santoso") {
  const p = await h.seed
    .participant({ fullName, pengkinianStatus: "TERVERIFIKASI" })
    .withCard({ status: "NONAKTIF", registeredAt: "2023-01-01", nonaktifSince: "2024-12-31" })
    .withAccount()
    .build();
  await h.seed.contributionsFor(p.cards[0]!.id, { from: "2023-01", months: 24, wage: 5_000_000 });
  const { accessToken } = await signIn(h.server.url, p.email!);
  return { ...p, token: accessToken };
}

/** A submitted claim as klaimJhtSubmit leaves it (AGENDA, event 1), due for the worker at once. */
async function agendaKlaim(p: Awaited<ReturnType<typeof member>>) {
  const cardId = p.cards[0]!.id;
  const saldoSen = totalsOf((await h.server.services.saldo.forCards([cardId])).get(cardId)!.years).totalSen;
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(klaims)
      .values({
        participantId: p.participant.id,
        cardId,
        sebab: "PHK",
        status: "AGENDA",
        bankCode: "014",
        bankAccountNumber: "1234567890",
        bankAccountName: "BUDI SANTOSO",
        saldoSen,
        pajakSen: 0n,
        dibayarkanSen: saldoSen,
        taxRule: "PP68_2009",
        submittedAt: new Date(),
        nextActionAt: new Date(Date.now() - 1000),
      })
      .returning();
    await appendKlaimEvent(tx, row!.id, "AGENDA", "Klaim diajukan melalui JMO", "participant");
    return row!;
  });
}

async function storedOf(participantId: string, kind?: string) {
  return db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.participantId, participantId), kind ? sql`${notifications.kind} = ${kind}` : undefined));
}

/** `count` IURAN_DUE notifications for a member, one transaction each (so each has its own time and sequence). */
async function someNotifications(participantId: string, count: number) {
  for (let i = 1; i <= count; i += 1) {
    await db().transaction((tx) =>
      recordNotification(tx, { participantId, kind: "IURAN_DUE", params: { kpjMasked: "21*******78", protectedUntil: `2026-01-${String(i).padStart(2, "0")}` } }),
    );
  }
}

describe("notifications of claim status changes", () => {
  it("one per status change, exactly once, live on the other instance the member is connected to; none for a rolled-back change", async () => {
    const second = h.tdb.url ? openDatabase({ kind: "postgres", url: h.tdb.url, max: 5 }) : h.tdb.database;
    const other = await startTestServer(second);
    try {
      const budi = await member();
      const siti = await member("Siti Rahayu");
      // Budi's phone is connected to the other instance; the claim moves on this one (its worker and database pool).
      const phone = wsClient(other.url, budi.token);
      const live = collect(phone, RECEIVED);
      await connected(phone);
      const sitiPhone = wsClient(other.url, siti.token);
      const sitiLive = collect(sitiPhone, RECEIVED);
      await connected(sitiPhone);
      await settle(200);

      const klaim = await agendaKlaim(budi);
      expect(await h.server.services.klaimWorker.runDue()).toBe(4);
      await live.next(5, 10_000);
      await settle();
      const seen = live.results.map((r) => r.data.notificationReceived);
      expect(seen).toHaveLength(5);
      expect(seen.map((n) => n.kind)).toEqual(Array(5).fill("KLAIM_STATUS"));
      expect(seen.map((n) => n.title)).toEqual(["Diajukan", "Verifikasi", "Penetapan", "Pembayaran", "Selesai"].map((s) => `Klaim ${klaim.nomor}: ${s}`));
      expect(new Set(seen.map((n) => n.id)).size).toBe(5);
      expect(seen.every((n) => n.subjectId === toGlobalId("Klaim", klaim.id) && n.read === false)).toBe(true);
      expect(sitiLive.results).toEqual([]);

      // Stored once each: five rows, listed newest first on either instance (after the sign-in's own notification).
      expect(await storedOf(budi.participant.id, "KLAIM_STATUS")).toHaveLength(5);
      const listed = (await gql(other.url, INBOX, { first: 10 }, { token: budi.token })).data!.me;
      expect(listed.notificationsUnreadCount).toBe(6);
      expect(listed.notifications.edges.map((e: any) => e.node.id)).toEqual([...seen.map((n) => n.id)].reverse().concat([expect.any(String)]));
      expect(listed.notifications.edges[5].node.kind).toBe("NEW_DEVICE_SIGN_IN");

      // A change that rolls back leaves no notification and tells no one.
      await expect(
        db().transaction(async (tx) => {
          await appendKlaimEvent(tx, klaim.id, "DIBATALKAN", "uji", "participant");
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      await settle();
      expect(live.results).toHaveLength(5);
      expect(await storedOf(budi.participant.id, "KLAIM_STATUS")).toHaveLength(5);
      await phone.dispose();
      await sitiPhone.dispose();
    } finally {
      await other.stop();
      if (second !== h.tdb.database) await second.close();
    }
  });

  it("none for events that keep the status (a hold); the rejection's reason in the member's language", async () => {
    const budi = await member();
    const klaim = await agendaKlaim(budi);
    const staff = await h.seed.staff();
    const { accessToken: staffToken } = await signIn(h.server.url, staff.email);
    const klaimId = toGlobalId("Klaim", klaim.id);
    const hold = await gql(h.server.url, `mutation($input: KlaimHoldInput!) { klaimHold(input: $input) { userErrors { code } } }`, { input: { klaimId, reason: "Periksa rekening" } }, { token: staffToken });
    expect(hold.data!.klaimHold.userErrors).toEqual([]);
    expect(await storedOf(budi.participant.id, "KLAIM_STATUS")).toHaveLength(1);
    const reject = await gql(h.server.url, `mutation($input: KlaimRejectInput!) { klaimReject(input: $input) { userErrors { code } } }`, { input: { klaimId, reason: "Rekening tidak valid" } }, { token: staffToken });
    expect(reject.data!.klaimReject.userErrors).toEqual([]);
    expect(await storedOf(budi.participant.id, "KLAIM_STATUS")).toHaveLength(2);

    const en = await gql(h.server.url, INBOX, { first: 1 }, { token: budi.token, headers: { "accept-language": "en" } });
    expect(en.data!.me.notifications.edges[0].node).toMatchObject({
      kind: "KLAIM_STATUS",
      title: `Claim ${klaim.nomor}: Rejected`,
      body: "Your JHT claim was rejected. Reason: Rekening tidak valid",
    });
    const id = await gql(h.server.url, INBOX, { first: 1 }, { token: budi.token });
    expect(id.data!.me.notifications.edges[0].node).toMatchObject({ title: `Klaim ${klaim.nomor}: Ditolak`, body: "Klaim JHT Anda ditolak. Alasan: Rekening tidak valid" });
  });
});

describe("the kotak masuk", () => {
  it("pages newest first, filters unread, counts, and marks read by id or all: the owner's only", async () => {
    const budi = await member();
    const siti = await member("Siti Rahayu");
    await someNotifications(budi.participant.id, 24);
    const mine = await storedOf(budi.participant.id);
    expect(mine).toHaveLength(25);

    const first = (await gql(h.server.url, INBOX, { first: 10 }, { token: budi.token })).data!.me;
    expect(first.notificationsUnreadCount).toBe(25);
    expect(first.notifications.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.notifications.edges[0].node).toMatchObject({
      kind: "IURAN_DUE",
      title: "Iuran BPU segera jatuh tempo",
      body: "Perlindungan kartu 21*******78 berlaku sampai 24 Januari 2026. Bayar iuran bulan berikutnya agar tetap terlindungi.",
      subjectId: null,
    });
    const second = (await gql(h.server.url, INBOX, { first: 10, after: first.notifications.pageInfo.endCursor }, { token: budi.token })).data!.me;
    const third = (await gql(h.server.url, INBOX, { first: 10, after: second.notifications.pageInfo.endCursor }, { token: budi.token })).data!.me;
    const all = [first, second, third].flatMap((page) => page.notifications.edges.map((e: any) => e.node));
    expect(all).toHaveLength(25);
    expect(new Set(all.map((n: any) => n.id)).size).toBe(25);
    expect(third.notifications.pageInfo.hasNextPage).toBe(false);
    // Newest first: the dates of the IURAN_DUE bodies count down, and the sign-in (the oldest) comes last.
    expect(all.slice(0, 24).map((n: any) => /sampai (\d+) Januari/.exec(n.body)![1])).toEqual(Array.from({ length: 24 }, (_, i) => String(24 - i)));
    expect(all[24].kind).toBe("NEW_DEVICE_SIGN_IN");

    // Siti cannot mark, open or list Budi's notifications.
    const ids = all.slice(0, 3).map((n: any) => n.id);
    const intruder = await gql(h.server.url, MARK, { input: { ids } }, { token: siti.token });
    expect(intruder.data!.notificationsMarkRead).toMatchObject({ marked: 0, notifications: [], userErrors: [] });
    expect((await gql(h.server.url, `query($id: ID!) { node(id: $id) { id } }`, { id: ids[0] }, { token: siti.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const sitiInbox = (await gql(h.server.url, INBOX, { first: 100 }, { token: siti.token })).data!.me;
    expect(sitiInbox.notifications.edges.map((e: any) => e.node.kind)).toEqual(["NEW_DEVICE_SIGN_IN"]);
    // A cursor of someone else's list gives nothing of theirs.
    const foreignCursor = (await gql(h.server.url, INBOX, { first: 1, after: first.notifications.edges[0].cursor }, { token: siti.token })).data!.me;
    expect(foreignCursor.notifications.edges).toEqual([]);

    const marked = (await gql(h.server.url, MARK, { input: { ids } }, { token: budi.token })).data!.notificationsMarkRead;
    expect(marked).toMatchObject({ marked: 3, unreadCount: 22, userErrors: [] });
    expect(marked.notifications.map((n: any) => [n.id, n.read])).toEqual(ids.map((id: string) => [id, true]));
    expect((await gql(h.server.url, MARK, { input: { ids } }, { token: budi.token })).data!.notificationsMarkRead).toMatchObject({ marked: 0, unreadCount: 22 });
    const unread = (await gql(h.server.url, INBOX, { first: 100, unreadOnly: true }, { token: budi.token })).data!.me;
    expect(unread.notifications.edges).toHaveLength(22);
    expect(unread.notifications.edges.some((e: any) => ids.includes(e.node.id))).toBe(false);

    // Exactly one of ids and all (@oneOf); all: false means nothing and is refused.
    for (const input of [{ ids, all: true }, {}]) {
      const res = await gql(h.server.url, MARK, { input }, { token: budi.token });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/NotificationsMarkReadInput/), extensions: { code: "BAD_USER_INPUT" } });
    }
    expect((await gql(h.server.url, MARK, { input: { all: false } }, { token: budi.token })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await gql(h.server.url, INBOX, { first: 5, after: "not-a-cursor" }, { token: budi.token })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    expect((await gql(h.server.url, MARK, { input: { all: true } }, { token: budi.token })).data!.notificationsMarkRead).toMatchObject({ marked: 22, unreadCount: 0 });
    expect((await gql(h.server.url, INBOX, { first: 5 }, { token: siti.token })).data!.me.notificationsUnreadCount).toBe(1);

    // Staff have no kotak masuk to mark; they may read a member's for support. Anonymous callers get nothing.
    const staff = await h.seed.staff();
    const { accessToken: staffToken } = await signIn(h.server.url, staff.email);
    expect((await gql(h.server.url, MARK, { input: { all: true } }, { token: staffToken })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const staffRead = await gql(h.server.url, `query($id: ID!) { node(id: $id) { ... on Notification { kind read } } }`, { id: ids[0] }, { token: staffToken });
    expect(staffRead.data!.node).toEqual({ kind: "IURAN_DUE", read: true });
    expect((await gql(h.server.url, MARK, { input: { all: true } })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("counts the badge up to 1000", async () => {
    const budi = await member();
    const rows = Array.from({ length: 1004 }, () => ({ participantId: budi.participant.id, kind: "IURAN_DUE" as const, params: { kpjMasked: "x", protectedUntil: "2026-01-01" } }));
    await db().insert(notifications).values(rows);
    // 1005 unread with the sign-in's.
    const me = (await gql(h.server.url, INBOX, { first: 1 }, { token: budi.token })).data!.me;
    expect(me.notificationsUnreadCount).toBe(1000);
    await db().update(notifications).set({ readAt: new Date() }).where(sql`${notifications.id} in (select id from notifications limit 10)`);
    expect((await gql(h.server.url, INBOX, { first: 1 }, { token: budi.token })).data!.me.notificationsUnreadCount).toBe(995);
  });

  it("notificationReceived replays what came after a cursor, then goes on live; only to its owner", async () => {
    const budi = await member();
    const siti = await member("Siti Rahayu");
    await someNotifications(budi.participant.id, 3);
    const edges = (await gql(h.server.url, INBOX, { first: 10 }, { token: budi.token })).data!.me.notifications.edges;
    // edges: due 3, due 2, due 1, sign-in. Resume after "due 1": due 2 and due 3 come first, oldest first.
    const phone = wsClient(h.server.url, budi.token);
    const live = collect(phone, RECEIVED, { after: edges[2].cursor });
    await live.next(2);
    expect(live.results.map((r) => r.data.notificationReceived.id)).toEqual([edges[1].node.id, edges[0].node.id]);
    const sitiPhone = wsClient(h.server.url, siti.token);
    const theirs = collect(sitiPhone, RECEIVED, { after: edges[2].cursor });
    await connected(sitiPhone);
    await settle(200);
    await someNotifications(budi.participant.id, 1);
    expect((await live.next(3)).data.notificationReceived).toMatchObject({ kind: "IURAN_DUE", read: false });
    await settle();
    expect(live.results).toHaveLength(3);
    // Siti's subscription with Budi's cursor replays nothing of Budi's, and hears nothing of his.
    expect(theirs.results).toEqual([]);
    const anonymous = collect(wsClient(h.server.url, null), RECEIVED);
    await expect(anonymous.next(1)).resolves.toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
    await phone.dispose();
    await sitiPhone.dispose();
  });
});

describe("the other flows that notify", () => {
  it("a sign-in without this account's device token is a new device; with it, not", async () => {
    const p = await h.seed.participant().withCard().withAccount().build();
    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken deviceToken userErrors { code } } }`;
    const headers = { "user-agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36" };
    const first = (await gql(h.server.url, LOGIN, { input: { identifier: p.email, password: TEST_PASSWORD } }, { headers })).data!.login;
    const stored = await storedOf(p.participant.id, "NEW_DEVICE_SIGN_IN");
    expect(stored).toHaveLength(1);
    const text = (await gql(h.server.url, INBOX, { first: 1 }, { token: first.accessToken })).data!.me.notifications.edges[0].node;
    expect(text).toMatchObject({ title: "Masuk dari perangkat baru" });
    expect(text.body).toContain("Chrome on Android");
    await gql(h.server.url, LOGIN, { input: { identifier: p.email, password: TEST_PASSWORD, deviceToken: first.deviceToken } }, { headers });
    expect(await storedOf(p.participant.id, "NEW_DEVICE_SIGN_IN")).toHaveLength(1);
  });

  it("a decided pengkinian tells its outcome, with the rejection in words", async () => {
    const p = await member();
    // A submitted attempt whose gender differs from the NIK's: the sandbox verifier rejects it.
    const [row] = await db()
      .insert(pengkinian)
      .values({ participantId: p.participant.id, status: "DIAJUKAN", dataKependudukan: { gender: "PEREMPUAN" }, submittedAt: new Date(), decideAfter: new Date(Date.now() - 1000) })
      .returning();
    expect(await h.server.services.pengkinian.decideDue()).toBe(1);
    const [stored] = await storedOf(p.participant.id, "PENGKINIAN_RESULT");
    expect(stored).toMatchObject({ params: { status: "DITOLAK" }, subjectType: "Pengkinian", subjectId: row!.id });
    const node = (await gql(h.server.url, INBOX, { first: 1 }, { token: p.token })).data!.me.notifications.edges[0].node;
    expect(node).toMatchObject({ kind: "PENGKINIAN_RESULT", title: "Pengkinian data ditolak", subjectId: toGlobalId("Pengkinian", row!.id) });
    expect(node.body).toMatch(/^Pengkinian data Anda ditolak\. Alasan: \S/);
    expect(node.body).not.toContain(stored!.params.reason);
  });

  it("a BPU payment received and a BPU month due", async () => {
    const lastPaid = addMonths(firstOfMonth(todayWib()), -1);
    const p = await h.seed
      .participant({ fullName: "Rina Marlina", gender: "PEREMPUAN" })
      .withCard({ segment: "BPU", status: "AKTIF", registeredAt: addMonths(lastPaid, -2) })
      .withAccount()
      .build();
    const card = p.cards[0]!;
    await db().insert(bpuMemberships).values({ cardId: card.id, declaredIncomeSen: 300_000_000n, jht: true });
    for (let i = 0; i < 3; i += 1) {
      const period = addMonths(lastPaid, -i);
      await db().insert(contributions).values({ cardId: card.id, period, employerId: null, wageSen: 300_000_000n, paidAt: period, ...contributionFor("BPU", 300_000_000n, period, { bpuJht: true }) });
    }
    const { accessToken: token } = await signIn(h.server.url, p.email!);
    const created = await gql(
      h.server.url,
      `mutation($input: IuranBpuCreatePaymentInput!) { iuranBpuCreatePayment(input: $input) { payment { id } userErrors { code } } }`,
      { input: { cardId: toGlobalId("Card", card.id), months: 1, channel: "VA_BNI", idempotencyKey: "notif-0001" } },
      { token },
    );
    const paymentId = created.data!.iuranBpuCreatePayment.payment.id;
    const paid = await gql(
      h.server.url,
      `mutation($input: IuranBpuSandboxPayInput!) { iuranBpuSandboxPay(input: $input) { payment { status receipt { number } } userErrors { code } } }`,
      { input: { paymentId } },
      { token },
    );
    const receipt = paid.data!.iuranBpuSandboxPay.payment.receipt.number;
    const node = (await gql(h.server.url, INBOX, { first: 1 }, { token })).data!.me.notifications.edges[0].node;
    expect(node).toMatchObject({ kind: "IURAN_PAYMENT", title: "Iuran BPU diterima", subjectId: paymentId });
    expect(node.body).toBe(`Pembayaran iuran Rp96.800 untuk 1 bulan (kartu ${card.kpj.slice(0, 2)}*******${card.kpj.slice(-2)}) telah diterima. Nomor bukti: ${receipt}.`);
    expect(await storedOf(p.participant.id, "IURAN_PAYMENT")).toHaveLength(1);

    // Protected to the end of this month now: a day before, the daily job reminds once, however often it runs.
    const endOfMonth = addMonths(firstOfMonth(todayWib()), 1);
    const dayBefore = new Date(`${endOfMonth}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 2);
    const day = dayBefore.toISOString().slice(0, 10);
    expect((await h.server.services.iuran.runDaily(day)).reminded).toBe(1);
    expect((await h.server.services.iuran.runDaily(day)).reminded).toBe(0);
    const due = await storedOf(p.participant.id, "IURAN_DUE");
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ subjectType: "Card", subjectId: card.id });
  });
});

describe("retention", () => {
  it("deletes what is past a year, read ones past 90 days, and a member's beyond the cap; keeps the rest", async () => {
    const budi = await member();
    const siti = await member("Siti Rahayu");
    const days = (n: number) => new Date(Date.now() - n * 86_400_000);
    const row = (participantId: string, createdAt: Date, readAt: Date | null = null) => ({
      participantId,
      kind: "IURAN_DUE" as const,
      params: { kpjMasked: "x", protectedUntil: "2026-01-01" },
      createdAt,
      readAt,
    });
    await db().insert(notifications).values([
      row(budi.participant.id, days(400)), // past a year: goes
      row(budi.participant.id, days(100), days(99)), // read, past 90 days: goes
      row(budi.participant.id, days(100)), // unread at 100 days: stays
      row(budi.participant.id, days(10), days(9)), // read recently: stays
      ...Array.from({ length: 6 }, () => row(siti.participant.id, days(1))),
    ]);
    const deleted = await h.server.services.notifications.applyRetention({ maxAgeDays: 365, readMaxAgeDays: 90, maxPerMember: 5, batch: 2 });
    // Budi: 2 by age; Siti: 7 (six + her sign-in) over a cap of 5: her 2 oldest.
    expect(deleted).toBe(4);
    const budiLeft = await storedOf(budi.participant.id);
    expect(budiLeft).toHaveLength(3);
    expect(budiLeft.every((n) => n.createdAt > days(101))).toBe(true);
    const sitiLeft = await storedOf(siti.participant.id);
    expect(sitiLeft).toHaveLength(5);
    expect(sitiLeft.some((n) => n.kind === "NEW_DEVICE_SIGN_IN")).toBe(false);
  });
});
