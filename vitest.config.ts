import { defineConfig } from "vitest/config";

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
    testTimeout: 30_000,
    // Opening a database and starting a server takes seconds, minutes on a loaded 2-core machine: fail only when stuck.
    hookTimeout: 180_000,
    env: { NODE_ENV: "test" },
  },
});
