import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Database, type DbOrTx } from "../../db/database.ts";
import { logger } from "../../common/logger.ts";
import { PeriodicJob } from "../../common/periodic-job.ts";

/** Retention in days (config: SESSION_RETENTION_DAYS, OUTBOX_RETENTION_DAYS, EPHEMERAL_RETENTION_DAYS). */
export interface RetentionDays {
  sessionRetentionDays: number;
  outboxRetentionDays: number;
  ephemeralRetentionDays: number;
}

/** Rows deleted per table by one run; null when another instance held the lock and this one did nothing. */
export type HousekeepingReport = Record<string, number> | null;

/** Any number of its own: only the API's housekeeping takes it (migrations use 727165). */
export const HOUSEKEEPING_LOCK_KEY = 727166;

const DAY_MS = 86_400_000;

/**
 * What each table keeps, as `where` conditions on rows to delete, given the cutoffs. Each row is kept while it
 * can still matter to a member or to a check, plus the retention (docs/configuration.md, Housekeeping).
 */
function rules(now: Date, days: RetentionDays): Array<[table: string, where: SQL]> {
  const before = (days: number) => sql`${new Date(now.getTime() - days * DAY_MS).toISOString()}::timestamptz`;
  const session = before(days.sessionRetentionDays);
  const outbox = before(days.outboxRetentionDays);
  const ephemeral = before(days.ephemeralRetentionDays);
  return [
    // Expired or revoked: refresh and reuse detection need the row only while its refresh token could be presented.
    ["sessions", sql`expires_at < ${session} or revoked_at < ${session}`],
    // Completed (the account exists) or abandoned (expired unfinished).
    ["registrations", sql`completed_at < ${ephemeral} or (completed_at is null and expires_at < ${ephemeral})`],
    ["verification_codes", sql`consumed_at < ${ephemeral} or expires_at < ${ephemeral}`],
    ["password_reset_tokens", sql`used_at < ${ephemeral} or expires_at < ${ephemeral}`],
    // A window that ended counts nothing: the next call opens a new one.
    ["rate_limits", sql`expires_at < ${ephemeral}`],
    // No attempt for long and no lock in force: the count would start afresh anyway.
    ["login_attempts", sql`last_attempt_at < ${ephemeral} and coalesce(locked_until < ${ephemeral}, true)`],
    // The sandbox notifier's messages are delivered when written; kept a while for support and tests.
    ["outbox", sql`created_at < ${outbox}`],
  ];
}

async function deleteWhere(db: DbOrTx, table: string, where: SQL): Promise<number> {
  const result = await db.execute(sql`with gone as (delete from ${sql.identifier(table)} where ${where} returning 1) select count(*)::int as n from gone`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

// PGlite serves one process: a run already going in this process is the only one to wait for.
const runningOnPglite = new WeakSet<Database>();

/**
 * Scheduled cleanup of tables that would otherwise only grow. One instance at a time: on PostgreSQL the run is one
 * transaction holding `pg_try_advisory_xact_lock` (a session lock would stay on whichever pooled connection took it);
 * an instance that does not get the lock does nothing. On PGlite (one process) a run in progress is the lock.
 */
export class HousekeepingService {
  constructor(
    private readonly database: Database,
    private readonly days: RetentionDays,
  ) {}

  /** One run at `now` (tests move the clock); the rows deleted per table, or null when another instance runs. */
  async run(now: Date = new Date()): Promise<HousekeepingReport> {
    if (this.database.kind === "pglite") {
      if (runningOnPglite.has(this.database)) return null;
      runningOnPglite.add(this.database);
      try {
        return await this.database.db.transaction((tx) => this.deleteAll(tx, now));
      } finally {
        runningOnPglite.delete(this.database);
      }
    }
    return this.database.db.transaction(async (tx) => {
      const [row] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${HOUSEKEEPING_LOCK_KEY}) as locked`));
      if (!row?.locked) return null;
      return this.deleteAll(tx, now);
    });
  }

  private async deleteAll(tx: DbOrTx, now: Date): Promise<Record<string, number>> {
    const report: Record<string, number> = {};
    for (const [table, where] of rules(now, this.days)) report[table] = await deleteWhere(tx, table, where);
    return report;
  }

  private readonly job = new PeriodicJob("housekeeping", async () => {
    const report = await this.run();
    logger.info({ deleted: report, skipped: report === null }, "housekeeping");
  });

  /** Runs every `intervalMinutes` (0: off; tests call run()). */
  start(intervalMinutes: number): void {
    this.job.start(intervalMinutes * 60_000);
  }

  stop(): Promise<void> {
    return this.job.stop();
  }
}
