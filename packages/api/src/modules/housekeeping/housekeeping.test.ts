import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { builders } from "../../../test/support/builders.ts";
import { onPostgres, openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { loginAttempts, outbox, passwordResetTokens, rateLimits, registrations, sessions, verificationCodes } from "../../db/schema.ts";
import { HOUSEKEEPING_LOCK_KEY, HousekeepingService } from "./housekeeping.service.ts";

const NOW = new Date("2027-03-01T00:00:00Z");
const DAYS = { sessionRetentionDays: 30, outboxRetentionDays: 14, ephemeralRetentionDays: 7 };
/** `days` before the moved clock's now (negative: after); a minute inside or outside each boundary. */
const ago = (days: number, minutes = 0) => new Date(NOW.getTime() - days * 86_400_000 - minutes * 60_000);

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb?.close();
});
beforeEach(() => tdb.truncate());

/** One row per side of every rule: `gone` must be deleted, `kept` must stay. Returns the tags to look for. */
async function seedRows() {
  const db = tdb.database.db;
  const { accountId } = await builders(db).participant().withAccount().build();
  const session = (tag: string, expiresAt: Date, revokedAt: Date | null = null) =>
    db.insert(sessions).values({ accountId: accountId!, refreshHash: tag, expiresAt, revokedAt });
  await session("gone:expired", ago(30, 1));
  await session("kept:expired", ago(30, -1));
  await session("gone:revoked", ago(-10), ago(30, 1));
  await session("kept:revoked", ago(-10), ago(30, -1));
  await session("kept:live", ago(-10));

  const registration = (tag: string, expiresAt: Date, completedAt: Date | null) =>
    db.insert(registrations).values({ tokenHash: tag, kind: "BPU_NEW", membershipType: "BPU", citizenship: "WNI", expiresAt, completedAt });
  await registration("gone:completed", ago(-1), ago(7, 1));
  await registration("kept:completed", ago(-1), ago(7, -1));
  await registration("gone:abandoned", ago(7, 1), null);
  await registration("kept:abandoned", ago(7, -1), null);

  const code = (tag: string, expiresAt: Date, consumedAt: Date | null) =>
    db.insert(verificationCodes).values({ purpose: "REGISTRATION", subjectId: randomUUID(), channel: "EMAIL", destination: "x", codeHash: tag, maxAttempts: 5, expiresAt, consumedAt });
  await code("gone:consumed", ago(-1), ago(7, 1));
  await code("gone:expired", ago(7, 1), null);
  await code("kept:expired", ago(7, -1), null);

  const reset = (tag: string, expiresAt: Date, usedAt: Date | null) => db.insert(passwordResetTokens).values({ accountId: accountId!, tokenHash: tag, expiresAt, usedAt });
  await reset("gone:used", ago(-1), ago(7, 1));
  await reset("gone:expired", ago(7, 1), null);
  await reset("kept:used", ago(-1), ago(7, -1));

  await db.insert(rateLimits).values([
    { key: "gone:window", windowStart: ago(8), count: 3, expiresAt: ago(7, 1) },
    { key: "kept:window", windowStart: ago(8), count: 3, expiresAt: ago(7, -1) },
  ]);
  await db.insert(loginAttempts).values([
    { subject: "gone:quiet", count: 2, lastAttemptAt: ago(7, 1) },
    { subject: "kept:recent", count: 2, lastAttemptAt: ago(7, -1) },
    { subject: "kept:locked", count: 9, lastAttemptAt: ago(7, 1), lockedUntil: ago(-1) },
  ]);
  await db.insert(outbox).values([
    { channel: "EMAIL", destination: "x", template: "gone", createdAt: ago(14, 1) },
    { channel: "EMAIL", destination: "x", template: "kept", createdAt: ago(14, -1) },
  ]);
}

async function remaining(): Promise<string[]> {
  const db = tdb.database.db;
  const tags = [
    ...(await db.select({ t: sessions.refreshHash }).from(sessions)).map((r) => `sessions ${r.t}`),
    ...(await db.select({ t: registrations.tokenHash }).from(registrations)).map((r) => `registrations ${r.t}`),
    ...(await db.select({ t: verificationCodes.codeHash }).from(verificationCodes)).map((r) => `verification_codes ${r.t}`),
    ...(await db.select({ t: passwordResetTokens.tokenHash }).from(passwordResetTokens)).map((r) => `password_reset_tokens ${r.t}`),
    ...(await db.select({ t: rateLimits.key }).from(rateLimits)).map((r) => `rate_limits ${r.t}`),
    ...(await db.select({ t: loginAttempts.subject }).from(loginAttempts)).map((r) => `login_attempts ${r.t}`),
    ...(await db.select({ t: outbox.template }).from(outbox)).map((r) => `outbox ${r.t}`),
  ];
  return tags.sort();
}

const KEPT = [
  "login_attempts kept:locked",
  "login_attempts kept:recent",
  "outbox kept",
  "password_reset_tokens kept:used",
  "rate_limits kept:window",
  "registrations kept:abandoned",
  "registrations kept:completed",
  "sessions kept:expired",
  "sessions kept:live",
  "sessions kept:revoked",
  "verification_codes kept:expired",
];

describe("housekeeping", () => {
  it("deletes only what the retention says: rows a minute inside each window stay", async () => {
    await seedRows();
    const report = await new HousekeepingService(tdb.database, DAYS).run(NOW);
    expect(report).toEqual({
      sessions: 2,
      registrations: 2,
      verification_codes: 2,
      password_reset_tokens: 2,
      rate_limits: 1,
      login_attempts: 1,
      outbox: 1,
    });
    expect(await remaining()).toEqual(KEPT);
    // A second run at the same moment finds nothing more.
    expect(Object.values((await new HousekeepingService(tdb.database, DAYS).run(NOW))!).every((n) => n === 0)).toBe(true);
  });

  it("follows its clock: 30 days earlier it keeps every session and every row kept at the later time", async () => {
    await seedRows();
    const before = await remaining();
    await new HousekeepingService(tdb.database, DAYS).run(ago(30));
    const after = await remaining();
    // The cutoffs move with `now`: 30 days earlier no session is old enough yet.
    expect(after.filter((t) => t.startsWith("sessions"))).toEqual(before.filter((t) => t.startsWith("sessions")));
    expect(after).toEqual(expect.arrayContaining(KEPT));
  });

  it.runIf(onPostgres)("does nothing while another instance holds the lock (PostgreSQL advisory lock)", async () => {
    await seedRows();
    const other = postgres(tdb.url!, { max: 1, onnotice: () => {} });
    try {
      await other.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(${HOUSEKEEPING_LOCK_KEY})`;
        expect(await new HousekeepingService(tdb.database, DAYS).run(NOW)).toBeNull();
        expect(await remaining()).toHaveLength(KEPT.length + 11);
      });
    } finally {
      await other.end();
    }
    expect(await new HousekeepingService(tdb.database, DAYS).run(NOW)).not.toBeNull();
    expect(await remaining()).toEqual(KEPT);
  });

  it.skipIf(onPostgres)("runs once at a time on PGlite: a second run while one is going does nothing", async () => {
    await seedRows();
    const [a, b] = await Promise.all([new HousekeepingService(tdb.database, DAYS).run(NOW), new HousekeepingService(tdb.database, DAYS).run(NOW)]);
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    expect(await remaining()).toEqual(KEPT);
  });
});
