import { logger } from "./logger.ts";

/**
 * A job run every `intervalMs` in the background of an instance: never two runs at once (a tick during a run is
 * skipped), a failure logged and retried on the next tick, the timer unref'd (it never keeps the process alive), and
 * `stop()` waits for the run in progress. The jobs themselves stay safe when several instances run them together.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    /** Named in the log line of a failure. */
    private readonly name: string,
    private readonly run: () => Promise<unknown>,
  ) {}

  /** Starts ticking (0 or less: stays off; tests call the job's own method with a moved clock). */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.run()
        .catch((err: unknown) => logger.error({ err, job: this.name }, `${this.name} failed; retried on the next run`))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
