import type { Database, Tx } from "../../db/database.ts";
import { logger } from "../../common/logger.ts";
import { inSpan } from "../../tracing/tracing.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import type { BankTransferPort, BankTransferResult } from "./bank.ts";
import { appendKlaimEvent } from "./klaim-events.ts";
import { klaimProcessingRepository as repo, type WorkerStatus } from "./klaim-processing.repository.ts";
import type { KlaimRow } from "./klaim.table.ts";

/** The time the worker and the sandbox bank go by; tests swap `now` to reach a banking window. */
export interface Clock {
  now(): Date;
}

/** What each status change says on the participant's timeline (seed 002: "dari Agenda Klaim sampai Proses Klaim Selesai"). */
export const KLAIM_NOTES = {
  AGENDA: "Agenda Klaim",
  VERIFIKASI: "Verifikasi Klaim",
  PENETAPAN: "Penetapan Klaim",
  PEMBAYARAN: "Pembayaran Klaim",
  SELESAI: "Proses Klaim Selesai",
} as const;

export const SYSTEM = "system";

export interface KlaimWorkerOptions {
  bank: BankTransferPort;
  /** A card's JHT saldo now, in sen. */
  saldoOf(cardId: string): Promise<bigint>;
  /**
   * The eligibility checks again at penetapan (KlaimService.recheck), with the card's saldo now (so it is computed
   * once): why the claim may no longer be paid, or null. createServices always sets it; a worker built without it
   * checks the card's status and saldo only (saldoOf).
   */
  recheck?(klaim: KlaimRow): Promise<{ saldoNowSen: bigint; reason: string | null }>;
  /** Seconds between two steps (KLAIM_STEP_DELAY_SECONDS), so that a demo shows the progression live. */
  stepDelaySeconds: number;
  clock: Clock;
}

/** Test hooks that make a step fail where a crash could happen. */
export interface KlaimWorkerFaults {
  /** Runs inside the payment step's transaction after the bank answered and every write was made, before commit. */
  afterBankCall?(klaimId: string): void | Promise<void>;
}

const BATCH = 20;

/**
 * Moves submitted claims `AGENDA → VERIFIKASI → PENETAPAN → PEMBAYARAN → SELESAI` (or `DITOLAK`), one step per
 * transaction: the claim's row is locked with `for update skip locked` and re-checked (still in that status, due,
 * not on hold), then the status, its event and any payment records commit together. Several workers (servers, or
 * `pnpm worker` processes) share the work and never take the same step twice.
 *
 * What a step needs from outside the database is fetched just before its transaction: the card's saldo for
 * penetapan, and the bank transfer for payment. The bank is idempotent on the reference (the klaim id), so a crash
 * or a rollback after the bank call loses nothing: the claim is still PEMBAYARAN and due, the next run asks the bank
 * again and gets the same transfer back, and only then records SELESAI and the withdrawal, once. The bank is only
 * ever called for a claim in PEMBAYARAN, which neither the participant nor staff can cancel or reject.
 */
export class KlaimWorker {
  /** Test hooks; empty in production. */
  faults: KlaimWorkerFaults = {};
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly database: Database,
    private readonly options: KlaimWorkerOptions,
  ) {}

  /** Takes every step that is due now, until none is left; returns how many steps this worker took. */
  async runDue(): Promise<number> {
    let steps = 0;
    // A claim whose step failed is left for the next run, so that one bad claim does not stop the others.
    const failed = new Set<string>();
    for (;;) {
      const batch = await repo.peekDue(this.database.db, this.options.clock.now(), BATCH, [...failed]);
      if (batch.length === 0) return steps;
      let progressed = 0;
      for (const row of batch) {
        try {
          // With tracing on, each step is a trace of its own holding its statements (the polls make none).
          if (await inSpan(`klaim step ${row.status}`, { attributes: { "jmo.klaim.status": row.status } }, () => this.step(row))) progressed += 1;
        } catch (err) {
          failed.add(row.id);
          logger.error({ err, klaimId: row.id, status: row.status }, "klaim step failed; retried on the next run");
        }
      }
      // Everything in the batch was taken by another worker: leave the rest to it and to the next poll.
      if (progressed === 0) return steps;
      steps += progressed;
    }
  }

  /** Polls every `intervalMs` (0: off; tests call runDue themselves). */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || !this.stopped) return;
    this.stopped = false;
    const tick = () => {
      this.running = this.runDue()
        .catch((err: unknown) => logger.error({ err }, "klaim worker run failed"))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One step of one claim; false when another worker or a person got to it first. */
  private async step(row: KlaimRow): Promise<boolean> {
    switch (row.status) {
      case "AGENDA":
        return this.locked(row, "AGENDA", (tx, klaim) => this.advance(tx, klaim, "VERIFIKASI"));
      case "VERIFIKASI": {
        const checked =
          row.channel === "JMO" && this.options.recheck
            ? await this.options.recheck(row)
            : { saldoNowSen: await this.options.saldoOf(row.cardId), reason: null };
        return this.locked(row, "VERIFIKASI", (tx, klaim) => this.penetapan(tx, klaim, checked.saldoNowSen, checked.reason));
      }
      case "PENETAPAN":
        return this.locked(row, "PENETAPAN", (tx, klaim) => this.advance(tx, klaim, "PEMBAYARAN"));
      case "PEMBAYARAN": {
        const result = await this.options.bank.transfer({
          reference: row.id,
          bankCode: row.bankCode!,
          accountNumber: row.bankAccountNumber!,
          accountName: row.bankAccountName!,
          amountSen: row.dibayarkanSen!,
        });
        return this.locked(row, "PEMBAYARAN", (tx, klaim) => this.payment(tx, klaim, result));
      }
      default:
        return false;
    }
  }

  private locked(row: KlaimRow, status: WorkerStatus, apply: (tx: Tx, klaim: KlaimRow) => Promise<void>): Promise<boolean> {
    return this.database.db.transaction(async (tx) => {
      const klaim = await repo.lockDue(tx, row.id, status, this.options.clock.now());
      if (!klaim) return false;
      await apply(tx, klaim);
      return true;
    });
  }

  private nextActionAt(): Date {
    return new Date(this.options.clock.now().getTime() + this.options.stepDelaySeconds * 1000);
  }

  private async advance(tx: Tx, klaim: KlaimRow, status: "VERIFIKASI" | "PENETAPAN" | "PEMBAYARAN"): Promise<void> {
    await repo.update(tx, klaim.id, { status, nextActionAt: this.nextActionAt() });
    await appendKlaimEvent(tx, klaim.id, status, KLAIM_NOTES[status], SYSTEM);
  }

  /**
   * Sandbox penetapan rules. A JMO claim is decided automatically: it is rejected when the card is no longer
   * NONAKTIF (the participant works again), when the saldo locked at submit is more than the card's saldo now
   * (something was paid out meanwhile), when it is Rp0 (nothing is ever paid for nothing: issue 11, finding 2), or
   * when the eligibility checks fail again (`recheck`: another card AKTIF, the total above the limit of the claim date,
   * another claim in progress); otherwise it is set for payment. Claims of other channels wait for staff (on hold
   * until klaimApprove).
   */
  private async penetapan(tx: Tx, klaim: KlaimRow, saldoNowSen: bigint, recheck: string | null): Promise<void> {
    if (klaim.channel !== "JMO") {
      const reason = "Menunggu penetapan oleh petugas";
      await repo.update(tx, klaim.id, { onHold: true, holdReason: reason });
      await appendKlaimEvent(tx, klaim.id, "VERIFIKASI", reason, SYSTEM);
      return;
    }
    const card = await repo.findCard(tx, klaim.cardId);
    // A partial claim is made while still working: the card's status is no reason to refuse it (recheck has its rules).
    const reason =
      klaim.jenis === "PENUH" && card?.status !== "NONAKTIF"
        ? "Status kepesertaan kartu sudah aktif kembali; klaim JHT karena mengundurkan diri atau PHK memerlukan status nonaktif."
        : (klaim.saldoSen ?? 0n) > saldoNowSen
          ? "Saldo JHT saat ini lebih kecil dari saldo yang diajukan."
          : (klaim.saldoSen ?? 0n) <= 0n || (klaim.dibayarkanSen ?? 0n) <= 0n
            ? "Saldo JHT yang diajukan Rp0: tidak ada yang dapat dibayarkan."
            : recheck;
    if (reason) {
      await repo.update(tx, klaim.id, { status: "DITOLAK", rejectionReason: reason, nextActionAt: null, completedAt: this.options.clock.now() });
      await appendKlaimEvent(tx, klaim.id, "DITOLAK", `Klaim Ditolak: ${reason}`, SYSTEM);
      return;
    }
    await this.advance(tx, klaim, "PENETAPAN");
  }

  private async payment(tx: Tx, klaim: KlaimRow, result: BankTransferResult): Promise<void> {
    if (result.status === "PAID") {
      // The gross amount claimed (the saldo, or its 10% / 30% for a partial claim) leaves the JHT account (the tax is withheld from it); the card's statement shows it as penarikan.
      await repo.insertWithdrawal(tx, { cardId: klaim.cardId, paidOn: todayWib(result.paidAt), amountSen: klaim.jumlahSen ?? klaim.saldoSen!, reference: klaim.nomor });
      await repo.update(tx, klaim.id, {
        status: "SELESAI",
        paymentRail: result.rail,
        transferReference: result.transferReference,
        nextActionAt: null,
        completedAt: this.options.clock.now(),
      });
      await appendKlaimEvent(tx, klaim.id, "SELESAI", KLAIM_NOTES.SELESAI, SYSTEM);
    } else if (result.status === "SCHEDULED") {
      await repo.update(tx, klaim.id, { paymentRail: "KLIRING", transferReference: result.transferReference, nextActionAt: result.scheduledFor });
      if (klaim.paymentRail === null) {
        await appendKlaimEvent(tx, klaim.id, "PEMBAYARAN", `Pembayaran melalui kliring dijadwalkan pada ${formatWib(result.scheduledFor)} WIB`, SYSTEM);
      }
    } else {
      // Nothing was paid: staff decide (klaimApprove retries the payment, klaimReject ends the claim).
      const reason = `Pembayaran gagal: ${result.reason}`;
      await repo.update(tx, klaim.id, { onHold: true, holdReason: reason });
      await appendKlaimEvent(tx, klaim.id, "PEMBAYARAN", `${reason}. Menunggu tindakan petugas.`, SYSTEM);
    }
    await this.faults.afterBankCall?.(klaim.id);
  }
}

/** "28-12-2026 08:00" in Jakarta time. */
function formatWib(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${wib.slice(8, 10)}-${wib.slice(5, 7)}-${wib.slice(0, 4)} ${wib.slice(11, 16)}`;
}
