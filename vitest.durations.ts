import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { loadavg } from "node:os";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints, at the end of a run, how long each test file took: the slowest ones and the total, so that a slow file is
 * seen at once (issue 17). A file's time is what it held a worker: environment, import, set-up, hooks and tests.
 * With TEST_DURATIONS_FILE set, every file's figures are also written there as JSON (to compare two runs).
 */
export class DurationsReporter implements Reporter {
  private started = 0;

  constructor(private readonly shown = 15) {}

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const files = testModules
      .map((m) => {
        const d = m.diagnostic();
        const setup = d.environmentSetupDuration + d.prepareDuration + d.setupDuration;
        return {
          file: relative(process.cwd(), m.moduleId),
          ms: Math.round(setup + d.collectDuration + d.duration),
          importMs: Math.round(d.collectDuration),
          testsMs: Math.round(d.duration),
          state: m.state(),
        };
      })
      .filter((f) => f.ms > 0)
      .sort((a, b) => b.ms - a.ms);
    if (!files.length) return;
    const wallMs = performance.now() - this.started;
    const summedMs = files.reduce((sum, f) => sum + f.ms, 0);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
    const lines = files.slice(0, this.shown).map((f) => `${s(f.ms)} ${s(f.importMs)} ${s(f.testsMs)}  ${f.file}${f.state === "failed" ? "  (failed)" : ""}`);
    const load = loadavg().map((l) => l.toFixed(2)).join(" ");
    process.stdout.write(
      `\n Slowest test files (of ${files.length}):\n` +
        `   total   import  tests+hooks\n` +
        `${lines.join("\n")}\n` +
        ` ${files.length} files: ${(summedMs / 1000).toFixed(1)} s in workers, ${(wallMs / 1000).toFixed(1)} s wall clock; load average ${load}\n\n`,
    );
    const out = process.env.TEST_DURATIONS_FILE;
    if (out) writeFileSync(out, `${JSON.stringify({ wallMs: Math.round(wallMs), load: loadavg(), files }, null, 2)}\n`);
  }
}
