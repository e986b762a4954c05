import { defineConfig } from "vitest/config";
import { DurationsReporter } from "./vitest.durations.ts";

export default defineConfig({
  resolve: {
    // graphql 16 has no exports map: without this vitest loads two copies ("another module or realm").
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
    conditions: ["source"],
  },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    // Each file opens its own database (PGlite ~0.5 GB, or a PostgreSQL database of its own).
    fileParallelism: true,
    maxWorkers: 2,
    // Files of one worker share its modules: the server's module graph is loaded once per worker rather than once per
    // file, about half the suite's CPU time. Each file still opens its own database and servers, and restores what
    // it changes (logger, mocks, environment).
    isolate: false,
    testTimeout: 30_000,
    // Opening a database and starting a server takes seconds, minutes on a loaded 2-core machine: fail only when stuck.
    hookTimeout: 180_000,
    env: { NODE_ENV: "test" },
    // Migrates one database per run, which each test file copies (packages/api/test/support/global-setup.ts).
    globalSetup: ["packages/api/test/support/global-setup.ts"],
    // The usual output, then each file's duration: the 15 slowest and the total (vitest.durations.ts).
    reporters: ["default", new DurationsReporter(15)],
  },
});
