// Issue 14: iuran BPU. A self-employed member pays 1/3/6/12 months through a payment code; the (sandbox) provider
// calls POST /webhooks/payments/sandbox with a signed body; the months land in the ledger, the card's protection moves,
// the subscription says PAID on every instance, and a receipt PDF is there. Forged, stale, repeated and racing
// callbacks change nothing twice; a clock moved forward ends protection as the rule book says.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../src/common/global-id.ts";
import { openDatabase } from "../src/db/database.ts";
import { bpuMemberships, bpuPayments, cards, contributions, outbox, paymentWebhookDeliveries, personalDataAudit, sandboxPaymentCharges } from "../src/db/schema.ts";
import { addMonths, firstOfMonth, lastDayOf } from "../src/modules/iuran/iuran-bill.ts";
import { callbackBody, signCallback, CALLBACK_SIGNATURE_HEADER, CALLBACK_TIMESTAMP_HEADER } from "../src/modules/iuran/payment-gateway.ts";
import { contributionFor } from "../src/modules/saldo/contribution-rules.ts";
import { todayWib } from "../src/modules/saldo/saldo.service.ts";
import { TEST_PASSWORD } from "./support/builders.ts";
import { useServerHarness } from "./support/harness.ts";
import { gql, signIn, startTestServer } from "./support/test-server.ts";
import { collect, connected, wsClient } from "./support/ws-client.ts";

const h = useServerHarness();

const BILL = `query($cardId: ID!) { iuranBpu(cardId: $cardId) {
  protection monthsPaid lastPaidPeriod protectedUntil graceEndsOn nextPeriod nextDueDate
  monthsDue { period amount { total } } monthlyAmount { jkk jkm jht total }
  options { months coversFrom coversTo protectedUntil amount { jkk jkm jht total } }
  openPayment { id status } } }`;
const CREATE = `mutation($input: IuranBpuCreatePaymentInput!) { iuranBpuCreatePayment(input: $input) {
  payment { id code channel months coversFrom coversTo status expiresAt amount { jkk jkm jht total } }
  userErrors { code field message } } }`;
const SANDBOX_PAY = `mutation($input: IuranBpuSandboxPayInput!) { iuranBpuSandboxPay(input: $input) {
  payment { id status paidAt receipt { number payerName kpjMasked months programs channel amount { total } pdfUrl } }
  userErrors { code message } } }`;
const CHANGED = `subscription($paymentId: ID, $cardId: ID) { iuranBpuPaymentChanged(paymentId: $paymentId, cardId: $cardId) {
  sequence status payment { id status receipt { number } } } }`;
const LEDGER = `query($id: ID!) { node(id: $id) { ... on Card { status saldoJht { iuranPekerja }
  contributions(first: 5) { edges { node { period wage paidBy jhtWorker jkk jkm total paidAt } } pageInfo { hasNextPage } } } } }`;

/** Hand-worked: declared income Rp3,000,000 with JHT: JKK 1% = 30,000; JKM 6,800; JHT 2% = 60,000; 96,800 a month. */
const MONTH = { jkk: "30000.00", jkm: "6800.00", jht: "60000.00", total: "96800.00" };

/** Rina: a BPU card with JKK + JKM + JHT on Rp3 juta, `paid` months paid up to last month (so this month is due). */
async function rina(options: { paid?: number; lastPaid?: string; status?: "AKTIF" | "MENUNGGU_IURAN_PERTAMA" } = {}) {
  const paid = options.paid ?? 3;
  const lastPaid = options.lastPaid ?? addMonths(firstOfMonth(todayWib()), -1);
  const p = await h.seed
    .participant({ fullName: "Rina Marlina", gender: "PEREMPUAN" })
    .withCard({ segment: "BPU", status: options.status ?? "AKTIF", registeredAt: addMonths(lastPaid, -paid + 1) })
    .withAccount({ phone: "+6281299990001" })
    .build();
  const card = p.cards[0]!;
  const db = h.tdb.database.db;
  await db.insert(bpuMemberships).values({ cardId: card.id, declaredIncomeSen: 300_000_000n, jht: true });
  for (let i = 0; i < paid; i += 1) {
    const period = addMonths(lastPaid, -i);
    await db.insert(contributions).values({ cardId: card.id, period, employerId: null, wageSen: 300_000_000n, paidAt: period, ...contributionFor("BPU", 300_000_000n, period, { bpuJht: true }) });
  }
  const { accessToken } = await signIn(h.server.url, p.email!, TEST_PASSWORD);
  return { ...p, card, cardId: toGlobalId("Card", card.id), token: accessToken };
}

async function createPayment(token: string, cardId: string, months = 3, idempotencyKey = `key-${Math.random().toString(36).slice(2)}`) {
  const res = await gql(h.server.url, CREATE, { input: { cardId, months, channel: "VA_BNI", idempotencyKey } }, { token });
  expect(res.data?.iuranBpuCreatePayment.userErrors).toEqual([]);
  return res.data!.iuranBpuCreatePayment.payment as { id: string; code: string; coversFrom: string; coversTo: string; amount: { total: string } };
}

const rowId = (globalId: string) => Buffer.from(globalId, "base64url").toString("utf8").split(":")[1]!;
const webhookUrl = (base = h.server.url) => base.replace(/\/graphql$/, "/webhooks/payments/sandbox");

async function ledgerCount(cardId: string) {
  return (await h.tdb.database.db.select().from(contributions).where(eq(contributions.cardId, cardId))).length;
}

/** Posts a callback body as given (the sandbox secret unless told otherwise). */
async function post(body: string, options: { timestamp?: number; secret?: string; url?: string } = {}) {
  const gateway = h.server.services.sandboxGateway!;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(options.url ?? webhookUrl(), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [CALLBACK_TIMESTAMP_HEADER]: String(timestamp),
      [CALLBACK_SIGNATURE_HEADER]: signCallback(options.secret ?? gateway.secret, timestamp, body),
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as { outcome: string } };
}

/** The provider took the money (its book says PAID) but its callback has not been sent yet. */
async function paidAtProvider(paymentRowId: string) {
  const db = h.tdb.database.db;
  const [charge] = await db
    .update(sandboxPaymentCharges)
    .set({ status: "PAID", transactionId: `SBX-TX-${paymentRowId.slice(0, 8).toUpperCase()}`, paidAt: new Date() })
    .where(eq(sandboxPaymentCharges.externalId, paymentRowId))
    .returning();
  return charge!;
}

describe("iuran BPU end to end", () => {
  it("bill → payment → signed callback → PAID on the subscription, protection moved, ledger and saldo with JHT, receipt PDF", async () => {
    const r = await rina();
    const thisMonth = todayWib().slice(0, 7);
    const lastMonth = addMonths(firstOfMonth(todayWib()), -1);
    const bill = (await gql(h.server.url, BILL, { cardId: r.cardId }, { token: r.token })).data!.iuranBpu;
    expect(bill).toMatchObject({
      protection: "MASA_TENGGANG",
      monthsPaid: 3,
      lastPaidPeriod: lastMonth.slice(0, 7),
      protectedUntil: lastDayOf(lastMonth),
      nextPeriod: thisMonth,
      nextDueDate: `${thisMonth}-15`,
      monthsDue: [{ period: thisMonth, amount: { total: "96800.00" } }],
      monthlyAmount: MONTH,
      openPayment: null,
    });
    expect(bill.options.map((o: { months: number; amount: { total: string } }) => [o.months, o.amount.total])).toEqual([
      [1, "96800.00"],
      [3, "290400.00"],
      [6, "580800.00"],
      [12, "1161600.00"],
    ]);
    const saldoBefore = (await gql(h.server.url, LEDGER, { id: r.cardId }, { token: r.token })).data!.node.saldoJht.iuranPekerja;

    const payment = await createPayment(r.token, r.cardId, 3);
    expect(payment).toMatchObject({ coversFrom: thisMonth, coversTo: addMonths(`${thisMonth}-01`, 2).slice(0, 7), amount: { total: "290400.00" } });
    expect(payment.code).toMatch(/^98827315\d{8}$/);

    const client = wsClient(h.server.url, r.token);
    const sub = collect(client, CHANGED, { paymentId: payment.id });
    try {
      await connected(client);
      expect((await sub.next(1)).data.iuranBpuPaymentChanged).toMatchObject({ sequence: 1, status: "OPEN" });
      const paid = await gql(h.server.url, SANDBOX_PAY, { input: { paymentId: payment.id } }, { token: r.token });
      expect(paid.data?.iuranBpuSandboxPay.userErrors).toEqual([]);
      const receipt = paid.data!.iuranBpuSandboxPay.payment.receipt;
      expect(receipt).toMatchObject({ payerName: "Rina Marlina", months: 3, programs: ["JKK", "JKM", "JHT"], channel: "VA_BNI", amount: { total: "290400.00" } });
      expect(receipt.number).toMatch(/^BPU-\d{8}-\d{6}$/);
      const event = (await sub.next(2)).data.iuranBpuPaymentChanged;
      expect(event).toMatchObject({ sequence: 2, status: "PAID", payment: { id: payment.id, status: "PAID", receipt: { number: receipt.number } } });
      // Following one payment ends with its PAID.
      await expect.poll(() => sub.completed).toBe(true);

      const after = (await gql(h.server.url, BILL, { cardId: r.cardId }, { token: r.token })).data!.iuranBpu;
      expect(after).toMatchObject({ protection: "DILINDUNGI", monthsPaid: 6, protectedUntil: lastDayOf(addMonths(`${thisMonth}-01`, 2)), monthsDue: [] });
      const ledger = (await gql(h.server.url, LEDGER, { id: r.cardId }, { token: r.token })).data!.node;
      expect(ledger.contributions.edges.slice(0, 3).map((e: { node: unknown }) => e.node)).toEqual(
        [2, 1, 0].map((i) => ({
          period: addMonths(`${thisMonth}-01`, i).slice(0, 7),
          wage: "3000000.00",
          paidBy: "mandiri",
          jhtWorker: "60000.00",
          jkk: "30000.00",
          jkm: "6800.00",
          total: "96800.00",
          paidAt: todayWib(),
        })),
      );
      // The JHT share feeds the saldo: this month's Rp60,000 now; the two months paid ahead count from their month on.
      expect(Number(ledger.saldoJht.iuranPekerja) - Number(saldoBefore)).toBe(60_000);

      const pdf = await fetch(`${h.server.url.replace(/\/graphql$/, "")}${receipt.pdfUrl}`, { headers: { authorization: `Bearer ${r.token}` } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdfText(bytes)).toContain(receipt.number);
      // Nobody else reads it.
      const stranger = await h.seed.participant().withAccount().build();
      const strangerToken = (await signIn(h.server.url, stranger.email!, TEST_PASSWORD)).accessToken;
      expect((await fetch(`${h.server.url.replace(/\/graphql$/, "")}${receipt.pdfUrl}`, { headers: { authorization: `Bearer ${strangerToken}` } })).status).toBe(404);
      expect((await fetch(`${h.server.url.replace(/\/graphql$/, "")}${receipt.pdfUrl}`)).status).toBe(401);
    } finally {
      sub.unsubscribe();
      await client.dispose();
    }
  });

  it("a first payment makes a waiting card AKTIF; one open payment per card; the same idempotency key answers the same payment", async () => {
    const r = await rina({ paid: 0, status: "MENUNGGU_IURAN_PERTAMA" });
    const bill = (await gql(h.server.url, BILL, { cardId: r.cardId }, { token: r.token })).data!.iuranBpu;
    expect(bill).toMatchObject({ protection: "MENUNGGU_IURAN_PERTAMA", monthsPaid: 0, protectedUntil: null, nextPeriod: todayWib().slice(0, 7) });
    const payment = await createPayment(r.token, r.cardId, 1, "same-key-123");
    expect((await createPayment(r.token, r.cardId, 1, "same-key-123")).id).toBe(payment.id);
    const second = await gql(h.server.url, CREATE, { input: { cardId: r.cardId, months: 3, channel: "RETAIL", idempotencyKey: "other-key-456" } }, { token: r.token });
    expect(second.data!.iuranBpuCreatePayment.userErrors[0]).toMatchObject({ code: "IURAN_BPU_PAYMENT_OPEN" });
    await gql(h.server.url, SANDBOX_PAY, { input: { paymentId: payment.id } }, { token: r.token });
    const [card] = await h.tdb.database.db.select().from(cards).where(eq(cards.id, r.card.id));
    expect(card!.status).toBe("AKTIF");
    const audit = await h.tdb.database.db.select().from(personalDataAudit).where(eq(personalDataAudit.participantId, r.participant.id));
    expect(audit.map((a) => [a.oldValue, a.newValue, a.reason])).toEqual([["MENUNGGU_IURAN_PERTAMA", "AKTIF", "IURAN_BPU_PAID"]]);
  });
});

describe("a list of paid payments with their receipts", () => {
  it("costs the same number of SQL statements for one receipt as for three, each payment with its own", async () => {
    const r = await rina({ paid: 0, status: "MENUNGGU_IURAN_PERTAMA" });
    const staff = await h.seed.staff();
    const staffToken = (await signIn(h.server.url, staff.email, TEST_PASSWORD)).accessToken;
    const query = `query($cardId: ID!) { iuranBpuPayments(cardId: $cardId) { id status coversFrom receipt { number coversFrom pdfUrl } } }`;
    const statementsWith = async (n: number) => {
      const payment = await createPayment(r.token, r.cardId, 1);
      const paid = await gql(h.server.url, SANDBOX_PAY, { input: { paymentId: payment.id } }, { token: r.token });
      expect(paid.data!.iuranBpuSandboxPay.payment.status).toBe("PAID");
      const res = await gql(h.server.url, query, { cardId: r.cardId }, { token: staffToken });
      expect(res.errors).toBeUndefined();
      const list = res.data!.iuranBpuPayments as Array<{ id: string; status: string; coversFrom: string; receipt: { number: string; coversFrom: string; pdfUrl: string } }>;
      expect(list.map((p) => p.status)).toEqual(Array(n).fill("PAID"));
      for (const p of list) expect(p.receipt).toMatchObject({ coversFrom: p.coversFrom, pdfUrl: `/receipts/iuran-bpu/${p.id}.pdf` });
      expect(new Set(list.map((p) => p.receipt.number)).size).toBe(n);
      return res.extensions!.sqlStatements as number;
    };
    const one = await statementsWith(1);
    await statementsWith(2);
    expect(await statementsWith(3)).toBe(one);
  });
});

describe("only the card's holder (and staff) reach a bill and its payments", () => {
  it("refuses another member the bill, the payment, paying for the card and following its payments", async () => {
    const r = await rina();
    const payment = await createPayment(r.token, r.cardId);
    const stranger = await h.seed.participant().withCard({ segment: "BPU" }).withAccount().build();
    const token = (await signIn(h.server.url, stranger.email!, TEST_PASSWORD)).accessToken;
    // As documented: null for a card that is not yours (whether it exists is not told either).
    const bill = await gql(h.server.url, BILL, { cardId: r.cardId }, { token });
    expect(bill.data?.iuranBpu).toBeNull();
    expect((await gql(h.server.url, BILL, { cardId: r.cardId }, { token: r.token })).data?.iuranBpu?.openPayment?.id).toBe(payment.id);
    const read = await gql(h.server.url, `query($id: ID!) { iuranBpuPayment(id: $id) { id code } }`, { id: payment.id }, { token });
    expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(read.data?.iuranBpuPayment ?? null).toBeNull();
    expect(JSON.stringify(read)).not.toContain(payment.code);
    const before = await h.tdb.database.db.select().from(bpuPayments).where(eq(bpuPayments.cardId, r.card.id));
    const pay = await gql(h.server.url, CREATE, { input: { cardId: r.cardId, months: 1, channel: "VA_BRI", idempotencyKey: "stranger-1" } }, { token });
    expect(pay.errors?.[0]?.extensions?.code ?? pay.data?.iuranBpuCreatePayment?.userErrors?.[0]?.code).toBeTruthy();
    expect(pay.data?.iuranBpuCreatePayment?.payment ?? null).toBeNull();
    expect(await h.tdb.database.db.select().from(bpuPayments).where(eq(bpuPayments.cardId, r.card.id))).toEqual(before);
    const client = wsClient(h.server.url, token);
    try {
      const refused = collect(client, CHANGED, { cardId: r.cardId });
      await connected(client);
      await expect(refused.next(1)).resolves.toMatchObject({ errors: [{ extensions: { code: "FORBIDDEN" } }] });
      const byPayment = collect(client, CHANGED, { paymentId: payment.id });
      await expect(byPayment.next(1)).resolves.toMatchObject({ errors: [{ extensions: { code: "FORBIDDEN" } }] });
    } finally {
      await client.dispose();
    }
  });
});

describe("the payment webhook", () => {
  it("refuses a forged signature, an old timestamp, an unknown payment and a different amount, and changes nothing", async () => {
    const r = await rina();
    const payment = await createPayment(r.token, r.cardId, 1);
    const charge = await paidAtProvider(rowId(payment.id));
    const body = JSON.stringify(callbackBody(charge));
    const before = await ledgerCount(r.card.id);
    expect(await post(body, { secret: "not-the-secret" })).toEqual({ status: 401, body: { outcome: "BAD_SIGNATURE" } });
    // A real callback replayed ten minutes late.
    expect(await post(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })).toEqual({ status: 401, body: { outcome: "STALE_TIMESTAMP" } });
    const tampered = JSON.stringify({ ...callbackBody(charge), amount: "1.00" });
    expect(await post(tampered)).toEqual({ status: 422, body: { outcome: "AMOUNT_MISMATCH" } });
    const unknown = JSON.stringify({ ...callbackBody(charge), externalId: "00000000-0000-4000-8000-000000000000" });
    expect(await post(unknown)).toEqual({ status: 404, body: { outcome: "UNKNOWN_PAYMENT" } });
    expect(await ledgerCount(r.card.id)).toBe(before);
    const [row] = await h.tdb.database.db.select().from(bpuPayments).where(eq(bpuPayments.id, rowId(payment.id)));
    expect(row!.status).toBe("OPEN");
    // Staff see the signed ones that matched nothing.
    const staff = await h.seed.staff();
    const staffToken = (await signIn(h.server.url, staff.email, TEST_PASSWORD)).accessToken;
    const unmatched = await gql(h.server.url, `{ iuranBpuUnmatchedCallbacks { outcome httpStatus } }`, {}, { token: staffToken });
    expect(unmatched.data!.iuranBpuUnmatchedCallbacks).toEqual([
      { outcome: "UNKNOWN_PAYMENT", httpStatus: 404 },
      { outcome: "AMOUNT_MISMATCH", httpStatus: 422 },
    ]);
    const byCode = await gql(h.server.url, `query($code: String) { iuranBpuPayments(code: $code) { id status } }`, { code: payment.code }, { token: staffToken });
    expect(byCode.data!.iuranBpuPayments).toEqual([{ id: payment.id, status: "OPEN" }]);
    expect((await gql(h.server.url, `{ iuranBpuUnmatchedCallbacks { outcome } }`, {}, { token: r.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the same callback twice (and at once) pays once", async () => {
    const r = await rina();
    const payment = await createPayment(r.token, r.cardId, 3);
    const body = JSON.stringify(callbackBody(await paidAtProvider(rowId(payment.id))));
    const before = await ledgerCount(r.card.id);
    const outcomes = await Promise.all([post(body), post(body), post(body)]);
    expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200]);
    expect(outcomes.map((o) => o.body.outcome).sort()).toEqual(["APPLIED", "DUPLICATE", "DUPLICATE"]);
    expect((await post(body)).body.outcome).toBe("DUPLICATE");
    expect(await ledgerCount(r.card.id)).toBe(before + 3);
  });

  it("a callback racing the expiry job ends in one consistent state", async () => {
    for (let round = 0; round < 3; round += 1) {
      await h.tdb.truncate();
      const r = await rina();
      const payment = await createPayment(r.token, r.cardId, 1);
      const charge = await paidAtProvider(rowId(payment.id));
      const body = JSON.stringify(callbackBody(charge));
      // Past the expiry, the callback (paid in time) still in flight while the job runs.
      const clock = h.server.services.iuranClock;
      const realNow = clock.now;
      const late = new Date(Date.now() + 25 * 3600_000);
      clock.now = () => late;
      try {
        const [callback] = await Promise.all([post(body, { timestamp: Math.floor(late.getTime() / 1000) }), h.server.services.iuran.expireDue()]);
        expect(["APPLIED", "DUPLICATE"]).toContain(callback.body.outcome);
      } finally {
        clock.now = realNow;
      }
      const [row] = await h.tdb.database.db.select().from(bpuPayments).where(eq(bpuPayments.id, rowId(payment.id)));
      expect(row!.status).toBe("PAID");
      expect(await ledgerCount(r.card.id)).toBe(4);
    }
    // Not paid at the provider: the job expires it, and a late pay is refused there (no callback at all).
    await h.tdb.truncate();
    const r = await rina();
    const payment = await createPayment(r.token, r.cardId, 1);
    const clock = h.server.services.iuranClock;
    const realNow = clock.now;
    clock.now = () => new Date(Date.now() + 25 * 3600_000);
    try {
      const [paid, expired] = await Promise.all([h.server.services.sandboxGateway!.pay(rowId(payment.id)), h.server.services.iuran.expireDue()]);
      expect(paid.callbackStatus).toBeNull();
      expect(expired).toBe(1);
    } finally {
      clock.now = realNow;
    }
    const [row] = await h.tdb.database.db.select().from(bpuPayments).where(eq(bpuPayments.id, rowId(payment.id)));
    expect(row!.status).toBe("EXPIRED");
    expect(await ledgerCount(r.card.id)).toBe(3);
    expect(await post(JSON.stringify({ ...callbackBody({ ...(await paidAtProvider(row!.id)) }) }))).toMatchObject({ status: 409, body: { outcome: "PAYMENT_NOT_OPEN" } });
  });

  it("two instances receiving the same callback pay once, and a subscriber on the other instance hears PAID", async () => {
    const second = h.tdb.url ? openDatabase({ kind: "postgres", url: h.tdb.url, max: 5 }) : h.tdb.database;
    const other = await startTestServer(second);
    try {
      const r = await rina();
      const payment = await createPayment(r.token, r.cardId, 6);
      const client = wsClient(other.url, r.token);
      const sub = collect(client, CHANGED, { cardId: r.cardId });
      await connected(client);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const body = JSON.stringify(callbackBody(await paidAtProvider(rowId(payment.id))));
      const outcomes = await Promise.all([post(body), post(body, { url: webhookUrl(other.url) })]);
      expect(outcomes.map((o) => o.body.outcome).sort()).toEqual(["APPLIED", "DUPLICATE"]);
      expect(await ledgerCount(r.card.id)).toBe(9);
      expect((await sub.next(1, 10_000)).data.iuranBpuPaymentChanged).toMatchObject({ status: "PAID", payment: { id: payment.id } });
      sub.unsubscribe();
      await client.dispose();
    } finally {
      await other.stop();
      if (second !== h.tdb.database) await second.close();
    }
  });
});

describe("protection on a clock moved forward", () => {
  it("reminds a few days before protection ends, then ends the membership after the grace period", async () => {
    // Paid through January 2026: protected until 31 January; arrears payable until 30 April (3 months).
    const r = await rina({ paid: 3, lastPaid: "2026-01-01" });
    const services = h.server.services;
    const realNow = services.iuranClock.now;
    const at = (day: string) => (services.iuranClock.now = () => new Date(`${day}T03:00:00Z`));
    try {
      at("2026-01-20");
      expect(await services.iuran.runDaily()).toEqual({ ended: 0, reminded: 0 });
      at("2026-01-25");
      expect(await services.iuran.runDaily()).toEqual({ ended: 0, reminded: 1 });
      expect(await services.iuran.runDaily()).toEqual({ ended: 0, reminded: 0 });
      const sent = await h.tdb.database.db.select().from(outbox).where(eq(outbox.template, "IURAN_BPU_REMINDER"));
      expect(sent.map((m) => [m.channel, m.params.protectedUntil])).toEqual([
        ["EMAIL", "2026-01-31"],
        ["SMS", "2026-01-31"],
      ]);
      at("2026-03-10");
      expect((await gql(h.server.url, BILL, { cardId: r.cardId }, { token: r.token })).data!.iuranBpu).toMatchObject({
        protection: "MASA_TENGGANG",
        graceEndsOn: "2026-04-30",
        monthsDue: [{ period: "2026-02" }, { period: "2026-03" }],
      });
      expect(await services.iuran.runDaily()).toEqual({ ended: 0, reminded: 0 });
      at("2026-04-30");
      expect(await services.iuran.runDaily()).toEqual({ ended: 0, reminded: 0 });
      at("2026-05-01");
      expect(await services.iuran.runDaily()).toEqual({ ended: 1, reminded: 0 });
      const [card] = await h.tdb.database.db.select().from(cards).where(eq(cards.id, r.card.id));
      expect(card).toMatchObject({ status: "NONAKTIF", nonaktifSince: "2026-02-01" });
      const audit = await h.tdb.database.db
        .select()
        .from(personalDataAudit)
        .where(and(eq(personalDataAudit.participantId, r.participant.id), eq(personalDataAudit.reason, "IURAN_BPU_TERTUNGGAK")));
      expect(audit.map((a) => [a.oldValue, a.newValue])).toEqual([["AKTIF", "NONAKTIF"]]);
      expect((await gql(h.server.url, BILL, { cardId: r.cardId }, { token: r.token })).data!.iuranBpu).toMatchObject({ protection: "BERAKHIR", options: [] });
      const refused = await gql(h.server.url, CREATE, { input: { cardId: r.cardId, months: 1, channel: "EWALLET", idempotencyKey: "after-the-end" } }, { token: r.token });
      expect(refused.data!.iuranBpuCreatePayment.userErrors[0]).toMatchObject({ code: "IURAN_BPU_MEMBERSHIP_ENDED" });
    } finally {
      services.iuranClock.now = realNow;
    }
  });
});

describe("production", () => {
  it("has no sandbox pay and no sandbox provider", async () => {
    const prod = await startTestServer(h.tdb.database, { NODE_ENV: "production", TOKEN_SECRET: "production-secret-that-is-long-enough-9876543210", CORS_ORIGINS: "https://app.example" });
    try {
      const r = await rina();
      const token = (await signIn(prod.url, r.email!, TEST_PASSWORD)).accessToken;
      const res = await gql(prod.url, SANDBOX_PAY, { input: { paymentId: toGlobalId("IuranBpuPayment", "00000000-0000-4000-8000-000000000000") } }, { token });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", detail: "SANDBOX_ONLY" });
      const webhook = await fetch(webhookUrl(prod.url), { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
      expect(webhook.status).toBe(404);
      expect(prod.services.sandboxGateway).toBeNull();
      const deliveries = await h.tdb.database.db.select().from(paymentWebhookDeliveries);
      expect(deliveries.map((d) => d.outcome)).toEqual(["UNKNOWN_PROVIDER"]);
    } finally {
      await prod.stop();
    }
  });
});

/** The text-showing strings of an uncompressed PDF (pdfkit writes them as hex or literal strings). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const hex = [...raw.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => Buffer.from(m[1]!, "hex").toString("latin1"));
  const literal = [...raw.matchAll(/\(((?:\\.|[^\\)])*)\)/g)].map((m) => m[1]!);
  return [...hex, ...literal].join("");
}
