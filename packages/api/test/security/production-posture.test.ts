// Issue 10, finding 6 (production posture): with NODE_ENV=production and no DATABASE_URL the embedded database was
// seeded with the demo accounts on its first start, whose password is public (README): anyone could sign in as
// budi@example.com. Production now starts on an empty, migrated database, and `pnpm db:seed` refuses it too, unless
// SEED_DEMO_ACCOUNTS=true says so explicitly.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../src/bootstrap.ts";
import { accounts, participants } from "../../src/db/schema.ts";
import type { RunningServer } from "../../src/server/app.ts";
import { onPostgres, openTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { gql, LOGIN, startTestServer, TEST_TOKEN_SECRET, testConfig } from "../support/test-server.ts";

const DEMO = { identifier: "budi@example.com", password: "JmoDemo#2026" };
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const PRODUCTION = { NODE_ENV: "production", SEED_PARTICIPANTS: "0" };

let tdb: TestDatabase;
let server: RunningServer;
beforeAll(async () => {
  tdb = await openTestDatabase();
  server = await startTestServer(tdb.database, { NODE_ENV: "production", CORS_ORIGINS: "https://jmo.example" });
});
afterAll(async () => {
  await server?.stop();
  await tdb?.close();
});
beforeEach(() => tdb.truncate());

async function demoLogin() {
  const res = await gql<{ login: { accessToken: string | null; userErrors: Array<{ code: string }> } }>(server.url, LOGIN, { input: DEMO });
  return res.data!.login;
}
const countOf = async (table: typeof participants | typeof accounts) => (await tdb.database.db.select({ n: count() }).from(table))[0]!.n;

/** `pnpm db:seed --participants 0` as an operator runs it, in its own process (slow on a busy machine: long timeouts). */
function runSeedScript(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "jmo-seed-"));
  const target = tdb.url ? { DATABASE_URL: tdb.url, DATA_DIR: "" } : { DATABASE_URL: "", DATA_DIR: dataDir };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=source", "--import", "tsx", "packages/api/scripts/seed.ts", "--participants", "0"],
      { cwd: ROOT, env: { ...process.env, TOKEN_SECRET: TEST_TOKEN_SECRET, LOG_LEVEL: "silent", ...target, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe("the embedded database's first start in production", () => {
  it("migrates but seeds no demo account: the public demo password signs nobody in", async () => {
    await prepareDatabase(testConfig(PRODUCTION), tdb.database);
    expect(await countOf(participants)).toBe(0);
    expect(await countOf(accounts)).toBe(0);
    const login = await demoLogin();
    expect(login.accessToken).toBeNull();
    expect(login.userErrors.map((e) => e.code)).toEqual(["INVALID_CREDENTIALS"]);
    // Migrated: the reference data the migrations load is there.
    expect((await gql<{ jhtRates: unknown[] }>(server.url, "{ jhtRates { year } }")).data?.jhtRates.length).toBeGreaterThan(0);
  });

  // PostgreSQL is never seeded at start (only by `pnpm db:seed`, below).
  it.skipIf(onPostgres)("seeds them when SEED_DEMO_ACCOUNTS=true says so explicitly", async () => {
    await prepareDatabase(testConfig({ ...PRODUCTION, SEED_DEMO_ACCOUNTS: "true" }), tdb.database);
    expect((await demoLogin()).accessToken).toEqual(expect.any(String));
  });
});

describe("pnpm db:seed in production", () => {
  it("refuses without SEED_DEMO_ACCOUNTS=true and leaves the database empty", async () => {
    const run = await runSeedScript({ NODE_ENV: "production" });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("SEED_DEMO_ACCOUNTS");
    expect(await countOf(participants)).toBe(0);
    expect((await demoLogin()).accessToken).toBeNull();
  }, 180_000);

  it("seeds the demo accounts with SEED_DEMO_ACCOUNTS=true", async () => {
    const run = await runSeedScript({ NODE_ENV: "production", SEED_DEMO_ACCOUNTS: "true" });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/seeded the (pglite|postgres) database/);
    // On PostgreSQL the script seeded this file's database: the demo account signs in.
    if (onPostgres) expect((await demoLogin()).accessToken).toEqual(expect.any(String));
  }, 180_000);
});
