import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { bankTransfers } from "./bank-transfer.table.ts";
import { SandboxBank, type BankTransferRequest } from "./bank.ts";

const wib = (s: string) => new Date(`${s}+07:00`);

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(() => tdb?.close());
beforeEach(() => tdb.truncate());

function request(overrides: Partial<BankTransferRequest> = {}): BankTransferRequest {
  return {
    reference: crypto.randomUUID(),
    bankCode: "009",
    accountNumber: "1234567890",
    accountName: "BUDI SANTOSO",
    amountSen: 739_012_345n,
    ...overrides,
  };
}

describe("the sandbox bank", () => {
  it("pays a partner bank at once, on a Sunday night too", async () => {
    const now = wib("2026-11-22T23:10:00");
    const bank = new SandboxBank(tdb.database, () => now);
    const result = await bank.transfer(request());
    expect(result).toMatchObject({ status: "PAID", rail: "REALTIME", paidAt: now });
    expect(result.status === "PAID" && result.transferReference).toMatch(/^SBX-RT-20261122-[0-9A-F]{10}$/);
  });

  it("never pays the same reference twice, even from a new instance (a restart) or two callers at once", async () => {
    const now = wib("2026-11-23T10:00:00");
    const req = request({ bankCode: "008", accountNumber: "1234567890123" });
    const [a, b] = await Promise.all([new SandboxBank(tdb.database, () => now).transfer(req), new SandboxBank(tdb.database, () => now).transfer(req)]);
    const again = await new SandboxBank(tdb.database, () => new Date(now.getTime() + 3600_000)).transfer(req);
    expect(a).toEqual(b);
    expect(again).toEqual(a);
    expect(await tdb.database.db.select().from(bankTransfers)).toHaveLength(1);
  });

  it("refuses a reference reused for another amount or account", async () => {
    const bank = new SandboxBank(tdb.database, () => wib("2026-11-23T10:00:00"));
    const req = request();
    await bank.transfer(req);
    expect(await bank.transfer({ ...req, amountSen: req.amountSen + 1n })).toMatchObject({ status: "FAILED" });
    expect(await bank.transfer({ ...req, accountNumber: "0987654321" })).toMatchObject({ status: "FAILED" });
  });

  it("pays a clearing bank at once inside a banking window", async () => {
    const now = wib("2026-11-23T09:30:00");
    const result = await new SandboxBank(tdb.database, () => now).transfer(request({ bankCode: "200", accountNumber: "1234567890123456" }));
    expect(result).toMatchObject({ status: "PAID", rail: "KLIRING", paidAt: now });
  });

  it("schedules a clearing bank outside banking hours and pays it from the next window on", async () => {
    let now = wib("2026-12-24T17:30:00"); // Thursday evening; Friday is Natal
    const bank = new SandboxBank(tdb.database, () => now);
    const req = request({ bankCode: "451" });
    const scheduled = await bank.transfer(req);
    expect(scheduled).toMatchObject({ status: "SCHEDULED", rail: "KLIRING", scheduledFor: wib("2026-12-28T08:00:00") });
    now = wib("2026-12-28T07:59:00");
    expect(await bank.transfer(req)).toEqual(scheduled);
    now = wib("2026-12-28T11:00:00");
    const paid = await bank.transfer(req);
    expect(paid).toMatchObject({ status: "PAID", rail: "KLIRING", paidAt: wib("2026-12-28T08:00:00") });
    expect(paid.status === "PAID" && paid.transferReference).toBe(scheduled.status === "SCHEDULED" && scheduled.transferReference);
  });

  it("fails an unknown bank code, and keeps failing it for that reference", async () => {
    const bank = new SandboxBank(tdb.database, () => wib("2026-11-23T10:00:00"));
    const req = request({ bankCode: "999" });
    expect(await bank.transfer(req)).toMatchObject({ status: "FAILED", reason: expect.stringContaining("999") });
    expect(await bank.transfer(req)).toMatchObject({ status: "FAILED" });
  });
});
