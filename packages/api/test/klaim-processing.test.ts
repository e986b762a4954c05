import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { rupiahToSen } from "@jmo/schema";
import { bankTransfers, cards, jhtWithdrawals, klaimEvents, klaims } from "../src/db/schema.ts";
import { openDatabase, type Database } from "../src/db/database.ts";
import { toGlobalId } from "../src/common/global-id.ts";
import { SandboxBank, type BankTransferPort } from "../src/modules/klaim/bank.ts";
import { nextBankingWindow } from "../src/modules/klaim/banking-calendar.ts";
import { appendKlaimEvent } from "../src/modules/klaim/klaim-events.ts";
import { KlaimWorker } from "../src/modules/klaim/klaim.worker.ts";
import { totalsOf } from "../src/modules/saldo/jht-engine.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { useServerHarness } from "./support/harness.ts";
import { onPostgres } from "./support/test-database.ts";
import { makeTestSelfie } from "./support/selfies.ts";
import { gql, signIn, startTestServer, TEST_TOKEN_SECRET } from "./support/test-server.ts";
import { collect, wsClient } from "./support/ws-client.ts";

const h = useServerHarness();

const STATUS_CHANGED = /* GraphQL */ `
  subscription($klaimId: ID!, $afterSequence: Int) { klaimStatusChanged(klaimId: $klaimId, afterSequence: $afterSequence) { sequence status at note } }
`;
const TIMELINE = `query($id: ID!) { klaim(id: $id) { status paymentRail transferReference completedAt rejectionReason onHold timeline { sequence status at note } } }`;
const PAYLOAD = `{ klaim { id status onHold rejectionReason timeline { sequence status note } } userErrors { code field message } }`;
const APPROVE = `mutation($input: KlaimApproveInput!) { klaimApprove(input: $input) ${PAYLOAD} }`;
const REJECT = `mutation($input: KlaimRejectInput!) { klaimReject(input: $input) ${PAYLOAD} }`;
const HOLD = `mutation($input: KlaimHoldInput!) { klaimHold(input: $input) ${PAYLOAD} }`;
const FLOW = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { klaim { id status } userErrors { code message } } }`;

const worker = () => h.server.services.klaimWorker;
const db = () => h.tdb.database.db;
const STATUSES = ["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "SELESAI"];

/** Resolves after `ms`: only to let a WebSocket message arrive, never as an assertion on time. */
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

async function ok(token: string, query: string, input: unknown) {
  const res = await gql(h.server.url, query, { input }, { token });
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0] as { klaim: any; userErrors: any[] };
  return payload;
}

/** A budi-like participant: NONAKTIF since 2024-12-31, pengkinian TERVERIFIKASI, 24 months at Rp5 juta. */
async function budiLike(fullName = "Budi Santoso") {
  const p = await h.seed
    .participant({ fullName, pengkinianStatus: "TERVERIFIKASI" })
    .withCard({ status: "NONAKTIF", registeredAt: "2023-01-01", nonaktifSince: "2024-12-31" })
    .withAccount()
    .build();
  await h.seed.contributionsFor(p.cards[0]!.id, { from: "2023-01", months: 24, wage: 5_000_000 });
  return p;
}

/**
 * A submitted claim (AGENDA, event 1) written straight into the database, as klaimJhtSubmit leaves it: for worker
 * tests that need many claims or a bank the flow's account check would not take.
 */
async function agendaKlaim(opts: { bankCode?: string; accountNumber?: string; channel?: "JMO" | "LAPAK_ASIK" } = {}) {
  const p = await budiLike();
  const cardId = p.cards[0]!.id;
  const saldoSen = totalsOf((await h.server.services.saldo.forCards([cardId])).get(cardId)!.years).totalSen;
  const klaim = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(klaims)
      .values({
        participantId: p.participant.id,
        cardId,
        sebab: "PHK",
        channel: opts.channel ?? "JMO",
        status: "AGENDA",
        bankCode: opts.bankCode ?? "009",
        bankAccountNumber: opts.accountNumber ?? "1234567890",
        bankAccountName: "BUDI SANTOSO",
        saldoSen,
        pajakSen: 0n,
        dibayarkanSen: saldoSen,
        taxRule: "PP68_2009",
        submittedAt: new Date(),
        nextActionAt: new Date(Date.now() - 1000),
      })
      .returning();
    await appendKlaimEvent(tx, row!.id, "AGENDA", "Agenda Klaim", "participant");
    return row!;
  });
  return { ...p, klaim, cardId, saldoSen, globalId: toGlobalId("Klaim", klaim.id) };
}

async function klaimRow(id: string) {
  return (await db().select().from(klaims).where(eq(klaims.id, id)))[0]!;
}
async function eventsOf(id: string) {
  return db().select().from(klaimEvents).where(eq(klaimEvents.klaimId, id)).orderBy(asc(klaimEvents.sequence));
}

describe("klaim JHT end to end (HTTP + WebSocket)", () => {
  it("takes a budi-like claim from submit to SELESAI live; a late subscriber replays the same events; saldo shows the withdrawal", async () => {
    const p = await budiLike();
    const { accessToken: token } = await signIn(h.server.url, p.email!);
    const cardId = (await gql(h.server.url, `{ me { cards { id } } }`, {}, { token })).data!.me.cards[0].id as string;
    const eligibility = await gql(h.server.url, `query($c: ID!) { klaimJhtEligibility(cardId: $c) { eligible checks { passed } } }`, { c: cardId }, { token });
    // Seven checks since issue 11 (per person and per card), all green.
    expect(eligibility.data!.klaimJhtEligibility).toEqual({ eligible: true, checks: Array.from({ length: 7 }, () => ({ passed: true })) });

    const started = await ok(token, FLOW("klaimJhtStart", "KlaimJhtStartInput"), { cardId, sebab: "MENGUNDURKAN_DIRI" });
    const klaimId = started.klaim.id as string;
    expect((await ok(token, FLOW("klaimJhtConfirmKepesertaan", "KlaimJhtConfirmKepesertaanInput"), { klaimId, kpj: p.cards[0]!.kpj })).userErrors).toEqual([]);
    expect((await ok(token, FLOW("klaimJhtVerifyBiometric", "KlaimJhtVerifyBiometricInput"), { klaimId, selfie: makeTestSelfie() })).userErrors).toEqual([]);
    const rekening = await ok(token, FLOW("klaimJhtSetRekening", "KlaimJhtSetRekeningInput"), {
      klaimId,
      npwp: "01.312.166.0-091.000",
      bankAccount: { bankCode: "014", accountNumber: "1234567890", accountName: "Budi Santoso" },
    });
    expect(rekening.userErrors).toEqual([]);

    // The phone subscribes while the claim is still a draft (nothing stored yet), then submits.
    const phone = wsClient(h.server.url, token);
    const live = collect(phone, STATUS_CHANGED, { klaimId, afterSequence: 0 });
    await settle();
    const submitted = await ok(token, FLOW("klaimJhtSubmit", "KlaimJhtSubmitInput"), { klaimId, consent: true, idempotencyKey: "budi-e2e-0001" });
    expect(submitted).toMatchObject({ klaim: { status: "AGENDA" }, userErrors: [] });
    const first = await live.next(1);
    expect(first.data.klaimStatusChanged).toMatchObject({ sequence: 1, status: "AGENDA" });

    expect(await worker().runDue()).toBe(4);
    await live.next(5);
    await settle();
    expect(live.completed).toBe(true);
    const seen = live.results.map((r) => r.data.klaimStatusChanged);
    expect(seen.map((e) => [e.sequence, e.status])).toEqual(STATUSES.map((s, i) => [i + 1, s]));
    expect(seen.map((e) => e.note).slice(1)).toEqual(["Verifikasi Klaim", "Penetapan Klaim", "Pembayaran Klaim", "Proses Klaim Selesai"]);

    // A second device connects after the fact and replays the same events, in the same order, then completes.
    const late = collect(wsClient(h.server.url, token), STATUS_CHANGED, { klaimId, afterSequence: 0 });
    await late.next(5);
    await settle();
    expect(late.completed).toBe(true);
    expect(late.results.map((r) => r.data.klaimStatusChanged)).toEqual(seen);
    // Resuming after sequence 3 gives only what came after.
    const resumed = collect(wsClient(h.server.url, token), STATUS_CHANGED, { klaimId, afterSequence: 3 });
    await resumed.next(2);
    await settle();
    expect(resumed.results.map((r) => r.data.klaimStatusChanged.sequence)).toEqual([4, 5]);

    const klaim = (await gql(h.server.url, TIMELINE, { id: klaimId }, { token })).data!.klaim;
    expect(klaim).toMatchObject({ status: "SELESAI", paymentRail: "REALTIME", onHold: false });
    expect(klaim.transferReference).toMatch(/^SBX-RT-\d{8}-[0-9A-F]{10}$/);
    expect(klaim.timeline).toEqual(seen);

    // The card's saldo shows the payout as penarikan; the whole saldo was paid, so nothing is left.
    const rincian = (await gql(h.server.url, `query($id: ID!) { klaim(id: $id) { nomor rincian { saldo dibayarkan } } }`, { id: klaimId }, { token })).data!.klaim;
    const saldo = (await gql(h.server.url, `{ me { cards { saldoJht { total penarikan } } } }`, {}, { token })).data!.me.cards[0].saldoJht;
    expect(saldo).toEqual({ total: "0.00", penarikan: rincian.rincian.saldo });
    const withdrawals = await db().select().from(jhtWithdrawals);
    expect(withdrawals).toMatchObject([{ reference: rincian.nomor, amountSen: rupiahToSen(rincian.rincian.saldo), paidOn: todayWib() }]);
    const transfers = await db().select().from(bankTransfers);
    expect(transfers).toMatchObject([{ rail: "REALTIME", status: "PAID", amountSen: rupiahToSen(rincian.rincian.dibayarkan), bankCode: "014" }]);
  });

  it("lets only the claim's owner or staff subscribe", async () => {
    const k = await agendaKlaim();
    const other = await budiLike("Siti Rahayu");
    const { accessToken: otherToken } = await signIn(h.server.url, other.email!);
    const refused = collect(wsClient(h.server.url, otherToken), STATUS_CHANGED, { klaimId: k.globalId });
    await expect(refused.next(1)).resolves.toMatchObject({ errors: [{ extensions: { code: "FORBIDDEN" } }] });
    // An unknown claim looks the same as someone else's.
    const unknown = collect(wsClient(h.server.url, otherToken), STATUS_CHANGED, { klaimId: toGlobalId("Klaim", crypto.randomUUID()) });
    await expect(unknown.next(1)).resolves.toMatchObject({ errors: [{ extensions: { code: "FORBIDDEN" } }] });
    const anonymous = collect(wsClient(h.server.url, null), STATUS_CHANGED, { klaimId: k.globalId });
    await expect(anonymous.next(1)).resolves.toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });

    const staff = await h.seed.staff();
    const { accessToken: staffToken } = await signIn(h.server.url, staff.email);
    const watching = collect(wsClient(h.server.url, staffToken), STATUS_CHANGED, { klaimId: k.globalId });
    expect((await watching.next(1)).data.klaimStatusChanged).toMatchObject({ sequence: 1, status: "AGENDA", note: "Agenda Klaim" });
    // The other participant cannot read the timeline either.
    const read = await gql(h.server.url, TIMELINE, { id: k.globalId }, { token: otherToken });
    expect(read.data?.klaim ?? null).toBeNull();
    watching.unsubscribe();
  });
});

describe("Klaim.timeline", () => {
  it("costs the same number of statements for one claim as for three", async () => {
    const p = await h.seed
      .participant({ fullName: "Budi Santoso" })
      .withCard({ status: "NONAKTIF", nonaktifSince: "2024-12-31" })
      .withCard({ status: "NONAKTIF", nonaktifSince: "2024-12-31" })
      .withCard({ status: "NONAKTIF", nonaktifSince: "2024-12-31" })
      .withAccount()
      .build();
    const { accessToken: token } = await signIn(h.server.url, p.email!);
    const query = `{ me { klaims(first: 10) { edges { node { nomor timeline { sequence status note } } } } } }`;
    const statementsWith = async (n: number) => {
      await db().transaction(async (tx) => {
        const [row] = await tx.insert(klaims).values({ participantId: p.participant.id, cardId: p.cards[n - 1]!.id, sebab: "PHK", status: "AGENDA" }).returning();
        await appendKlaimEvent(tx, row!.id, "AGENDA", "Agenda Klaim", "participant");
        await appendKlaimEvent(tx, row!.id, "VERIFIKASI", "Verifikasi Klaim", "system");
      });
      const res = await gql(h.server.url, query, {}, { token });
      expect(res.errors).toBeUndefined();
      const edges = res.data!.me.klaims.edges;
      expect(edges).toHaveLength(n);
      for (const e of edges) expect(e.node.timeline.map((t: any) => t.status)).toEqual(["AGENDA", "VERIFIKASI"]);
      return res.extensions!.sqlStatements as number;
    };
    const one = await statementsWith(1);
    await statementsWith(2);
    expect(await statementsWith(3)).toBe(one);
  });
});

describe("the klaim worker", () => {
  it("runs inside the server when switched on, and the subscriber sees the claim finish", async () => {
    const k = await agendaKlaim();
    const server = await startTestServer(h.tdb.database, { KLAIM_WORKER_INTERVAL_MS: "50" });
    try {
      const { accessToken: token } = await signIn(server.url, k.email!);
      const sub = collect(wsClient(server.url, token), STATUS_CHANGED, { klaimId: k.globalId });
      await sub.next(5, 20_000);
      expect(sub.results.map((r) => r.data.klaimStatusChanged.status)).toEqual(STATUSES);
    } finally {
      await server.stop();
    }
    expect((await klaimRow(k.klaim.id)).status).toBe("SELESAI");
  });

  it("waits for the banking window to pay a clearing bank, then finishes the claim", async () => {
    const k = await agendaKlaim({ bankCode: "200", accountNumber: "1234567890123456" }); // BTN: kliring
    // The next Saturday (at least a day ahead), 10:00 WIB: clearing is closed.
    let saturday = new Date(Date.now() + 24 * 3600_000);
    while (new Date(saturday.getTime() + 7 * 3600_000).getUTCDay() !== 6) saturday = new Date(saturday.getTime() + 24 * 3600_000);
    const atTen = new Date(`${todayWib(saturday)}T10:00:00+07:00`);
    const window = nextBankingWindow(atTen);
    let now = atTen;
    h.server.services.klaimClock.now = () => now;
    try {
      expect(await worker().runDue()).toBe(4); // AGENDA → … → PEMBAYARAN, and the payment scheduled
      let row = await klaimRow(k.klaim.id);
      expect(row).toMatchObject({ status: "PEMBAYARAN", paymentRail: "KLIRING", nextActionAt: window, completedAt: null });
      expect(row.transferReference).toMatch(/^SBX-KL-/);
      const events = await eventsOf(k.klaim.id);
      expect(events.map((e) => e.status)).toEqual(["AGENDA", "VERIFIKASI", "PENETAPAN", "PEMBAYARAN", "PEMBAYARAN"]);
      expect(events[4]!.note).toMatch(/^Pembayaran melalui kliring dijadwalkan pada \d\d-\d\d-\d{4} 08:00 WIB$/);

      now = new Date(window.getTime() - 60_000);
      expect(await worker().runDue()).toBe(0);
      expect(await db().select().from(jhtWithdrawals)).toEqual([]);

      now = new Date(window.getTime() + 60_000);
      expect(await worker().runDue()).toBe(1);
      row = await klaimRow(k.klaim.id);
      expect(row).toMatchObject({ status: "SELESAI", paymentRail: "KLIRING" });
      expect((await eventsOf(k.klaim.id)).map((e) => e.status).at(-1)).toBe("SELESAI");
      expect(await db().select().from(jhtWithdrawals)).toMatchObject([{ cardId: k.cardId, paidOn: todayWib(window), amountSen: k.saldoSen }]);
      expect(await db().select().from(bankTransfers)).toMatchObject([{ status: "PAID", paidAt: window, transferReference: row.transferReference }]);
    } finally {
      h.server.services.klaimClock.now = () => new Date();
    }
  });

  it("pays exactly once when the payment's transaction fails after the bank call and a restarted worker resumes", async () => {
    const k = await agendaKlaim();
    let crashes = 0;
    worker().faults.afterBankCall = () => {
      crashes += 1;
      throw new Error("simulated crash before commit");
    };
    try {
      expect(await worker().runDue()).toBe(3); // the fourth step (payment) failed and was rolled back
    } finally {
      worker().faults = {};
    }
    expect(crashes).toBe(1);
    expect(await klaimRow(k.klaim.id)).toMatchObject({ status: "PEMBAYARAN", transferReference: null });
    // The bank did pay (its book is not part of our transaction), but the claim did not record it.
    const [transfer] = await db().select().from(bankTransfers);
    expect(transfer).toMatchObject({ reference: k.klaim.id, status: "PAID" });
    expect(await db().select().from(jhtWithdrawals)).toEqual([]);

    // A fresh worker with a fresh bank adapter, as after a restart.
    const restarted = new KlaimWorker(h.tdb.database, {
      bank: new SandboxBank(h.tdb.database),
      saldoOf: async (cardId) => totalsOf((await h.server.services.saldo.forCards([cardId])).get(cardId)!.years).totalSen,
      stepDelaySeconds: 0,
      clock: { now: () => new Date() },
    });
    expect(await restarted.runDue()).toBe(1);
    expect(await restarted.runDue()).toBe(0);
    expect(await db().select().from(bankTransfers)).toHaveLength(1);
    expect(await db().select().from(jhtWithdrawals)).toMatchObject([{ amountSen: k.saldoSen }]);
    const events = await eventsOf(k.klaim.id);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(events.filter((e) => e.status === "SELESAI")).toHaveLength(1);
    expect(await klaimRow(k.klaim.id)).toMatchObject({ status: "SELESAI", transferReference: transfer!.transferReference });
  });

  it("rejects at penetapan a claim whose card is active again, or whose locked saldo is more than the saldo now", async () => {
    const active = await agendaKlaim();
    await db().update(cards).set({ status: "AKTIF", nonaktifSince: null }).where(eq(cards.id, active.cardId));
    const inflated = await agendaKlaim();
    await db().update(klaims).set({ saldoSen: inflated.saldoSen + 1n }).where(eq(klaims.id, inflated.klaim.id));
    expect(await worker().runDue()).toBe(4); // two steps each: VERIFIKASI, then DITOLAK
    for (const [k, reason] of [
      [active, /aktif kembali/],
      [inflated, /lebih kecil dari saldo yang diajukan/],
    ] as const) {
      const row = await klaimRow(k.klaim.id);
      expect(row.status).toBe("DITOLAK");
      expect(row.rejectionReason).toMatch(reason);
      expect((await eventsOf(k.klaim.id)).map((e) => e.status)).toEqual(["AGENDA", "VERIFIKASI", "DITOLAK"]);
    }
    expect(await db().select().from(bankTransfers)).toEqual([]);
  });

  it("never takes a step twice with two workers on one database", async () => {
    const n = 8;
    const built = [];
    for (let i = 0; i < n; i++) built.push(await agendaKlaim({ bankCode: i % 2 ? "008" : "009", accountNumber: i % 2 ? "1234567890123" : "1234567890" }));
    // On PostgreSQL the second worker has its own connection pool, as another process would.
    const second: Database = h.tdb.url ? openDatabase({ kind: "postgres", url: h.tdb.url, max: 3 }) : h.tdb.database;
    try {
      const other = new KlaimWorker(second, {
        bank: new SandboxBank(second),
        saldoOf: async (cardId) => totalsOf((await h.server.services.saldo.forCards([cardId])).get(cardId)!.years).totalSen,
        stepDelaySeconds: 0,
        clock: { now: () => new Date() },
      });
      const [a, b] = await Promise.all([worker().runDue(), other.runDue()]);
      expect(a + b).toBe(4 * n);
    } finally {
      if (second !== h.tdb.database) await second.close();
    }
    for (const k of built) {
      expect((await eventsOf(k.klaim.id)).map((e) => [e.sequence, e.status])).toEqual(STATUSES.map((s, i) => [i + 1, s]));
    }
    expect(await db().select().from(bankTransfers)).toHaveLength(n);
    expect(await db().select().from(jhtWithdrawals)).toHaveLength(n);
  });
});

/** `pnpm worker` as its own process on this file's PostgreSQL database. */
function startWorkerProcess(databaseUrl: string): ChildProcess {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  return spawn(process.execPath, ["--import", "tsx", "--conditions=source", "packages/api/scripts/klaim-worker.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      TOKEN_SECRET: TEST_TOKEN_SECRET,
      LOG_LEVEL: "silent",
      KLAIM_STEP_DELAY_SECONDS: "1",
      KLAIM_WORKER_INTERVAL_MS: "100",
    },
    stdio: "ignore",
  });
}

/** Polls the database until `done` holds (or fails after `ms`). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value: ${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("pnpm worker (its own process)", () => {
  // The embedded database belongs to one process, so this runs on PostgreSQL only.
  it.skipIf(!onPostgres)("finishes a claim once after being killed mid-way and started again", async () => {
    const k = await agendaKlaim();
    const first = startWorkerProcess(h.tdb.url!);
    try {
      await until(() => klaimRow(k.klaim.id), (row) => row.status === "PENETAPAN" || row.status === "PEMBAYARAN" || row.status === "SELESAI");
    } finally {
      first.kill("SIGKILL");
      await new Promise((r) => (first.exitCode !== null || first.signalCode !== null ? r(null) : first.once("exit", r)));
    }
    const second = startWorkerProcess(h.tdb.url!);
    try {
      await until(() => klaimRow(k.klaim.id), (row) => row.status === "SELESAI");
    } finally {
      second.kill("SIGTERM");
      await new Promise((r) => (second.exitCode !== null || second.signalCode !== null ? r(null) : second.once("exit", r)));
    }
    expect((await eventsOf(k.klaim.id)).map((e) => [e.sequence, e.status])).toEqual(STATUSES.map((s, i) => [i + 1, s]));
    expect(await db().select().from(bankTransfers)).toHaveLength(1);
    expect(await db().select().from(jhtWithdrawals)).toMatchObject([{ amountSen: k.saldoSen }]);
  }, 90_000);
});

describe("staff actions on claims", () => {
  async function staffToken() {
    const staff = await h.seed.staff();
    return { ...staff, token: (await signIn(h.server.url, staff.email)).accessToken };
  }

  it("holds a claim (the worker skips it), then approves it to go on to SELESAI", async () => {
    const k = await agendaKlaim();
    const staff = await staffToken();
    const held = await ok(staff.token, HOLD, { klaimId: k.globalId, reason: "Cek ulang data rekening" });
    expect(held).toMatchObject({ klaim: { status: "AGENDA", onHold: true }, userErrors: [] });
    expect(held.klaim.timeline.at(-1)).toEqual({ sequence: 2, status: "AGENDA", note: "Klaim ditahan petugas: Cek ulang data rekening" });
    expect(await worker().runDue()).toBe(0);
    expect((await ok(staff.token, HOLD, { klaimId: k.globalId, reason: "lagi" })).userErrors).toMatchObject([{ code: "KLAIM_NOT_HOLDABLE" }]);

    const approved = await ok(staff.token, APPROVE, { klaimId: k.globalId, note: "Data sesuai" });
    expect(approved).toMatchObject({ klaim: { status: "AGENDA", onHold: false }, userErrors: [] });
    expect(approved.klaim.timeline.at(-1)).toMatchObject({ sequence: 3, note: "Klaim dilanjutkan oleh petugas: Data sesuai" });
    expect(await worker().runDue()).toBe(4);
    expect((await klaimRow(k.klaim.id)).status).toBe("SELESAI");
    const actors = (await eventsOf(k.klaim.id)).map((e) => e.actor);
    expect(actors).toEqual(["participant", staff.accountId, staff.accountId, "system", "system", "system", "system"]);
    // Nothing is left to approve, hold or reject once paid.
    expect((await ok(staff.token, APPROVE, { klaimId: k.globalId })).userErrors).toMatchObject([{ code: "KLAIM_NOT_WAITING" }]);
    expect((await ok(staff.token, REJECT, { klaimId: k.globalId, reason: "terlambat" })).userErrors).toMatchObject([{ code: "KLAIM_NOT_REJECTABLE" }]);
  });

  it("rejects a claim before payment, which ends its subscription", async () => {
    const k = await agendaKlaim();
    const { accessToken: token } = await signIn(h.server.url, k.email!);
    const sub = collect(wsClient(h.server.url, token), STATUS_CHANGED, { klaimId: k.globalId });
    await sub.next(1);
    const staff = await staffToken();
    expect((await ok(staff.token, REJECT, { klaimId: k.globalId, reason: "  " })).userErrors).toMatchObject([{ code: "REQUIRED", field: ["input", "reason"] }]);
    const rejected = await ok(staff.token, REJECT, { klaimId: k.globalId, reason: "Dokumen tidak sesuai" });
    expect(rejected).toMatchObject({ klaim: { status: "DITOLAK", rejectionReason: "Dokumen tidak sesuai" }, userErrors: [] });
    expect((await sub.next(2)).data.klaimStatusChanged).toMatchObject({ sequence: 2, status: "DITOLAK", note: "Klaim Ditolak: Dokumen tidak sesuai" });
    await settle();
    expect(sub.completed).toBe(true);
    expect(await worker().runDue()).toBe(0);
  });

  it("approves a claim that waits for a person's penetapan (not a JMO claim)", async () => {
    const k = await agendaKlaim({ channel: "LAPAK_ASIK" });
    expect(await worker().runDue()).toBe(2); // VERIFIKASI, then held for a person
    expect(await klaimRow(k.klaim.id)).toMatchObject({ status: "VERIFIKASI", onHold: true, holdReason: "Menunggu penetapan oleh petugas" });
    const staff = await staffToken();
    const approved = await ok(staff.token, APPROVE, { klaimId: k.globalId });
    expect(approved).toMatchObject({ klaim: { status: "PENETAPAN", onHold: false }, userErrors: [] });
    expect(await worker().runDue()).toBe(2);
    expect((await klaimRow(k.klaim.id)).status).toBe("SELESAI");
  });

  it("holds a claim whose payment failed, for staff to retry or reject", async () => {
    const k = await agendaKlaim();
    const sandbox = h.server.services.bank;
    let failures = 0;
    h.server.services.bank = {
      transfer: async () => {
        failures += 1;
        return { status: "FAILED", reason: "rekening tidak aktif" };
      },
    } satisfies BankTransferPort;
    const staff = await staffToken();
    try {
      expect(await worker().runDue()).toBe(4);
      expect(await klaimRow(k.klaim.id)).toMatchObject({ status: "PEMBAYARAN", onHold: true, holdReason: "Pembayaran gagal: rekening tidak aktif" });
      expect((await ok(staff.token, APPROVE, { klaimId: k.globalId })).userErrors).toEqual([]);
      expect(await worker().runDue()).toBe(1); // tried again, failed again
      expect(failures).toBe(2);
      expect((await ok(staff.token, HOLD, { klaimId: k.globalId, reason: "x" })).userErrors).toMatchObject([{ code: "KLAIM_NOT_HOLDABLE" }]);
      const rejected = await ok(staff.token, REJECT, { klaimId: k.globalId, reason: "Rekening tidak aktif; ajukan klaim baru" });
      expect(rejected).toMatchObject({ klaim: { status: "DITOLAK" }, userErrors: [] });
    } finally {
      h.server.services.bank = sandbox;
    }
    expect(await db().select().from(jhtWithdrawals)).toEqual([]);
  });

  it("is for staff only", async () => {
    const k = await agendaKlaim();
    const { accessToken: token } = await signIn(h.server.url, k.email!);
    const res = await gql(h.server.url, HOLD, { input: { klaimId: k.globalId, reason: "saya sendiri" } }, { token });
    expect(res.errors).toMatchObject([{ extensions: { code: "FORBIDDEN" } }]);
    expect((await klaimRow(k.klaim.id)).onHold).toBe(false);
  });
});
