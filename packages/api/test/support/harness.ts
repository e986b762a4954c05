import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RunningServer } from "../../src/server/app.ts";
import { builders } from "./builders.ts";
import { openTestDatabase, type TestDatabase } from "./test-database.ts";
import { startTestServer } from "./test-server.ts";

export interface Harness {
  tdb: TestDatabase;
  server: RunningServer;
  seed: ReturnType<typeof builders>;
}

/**
 * The usual test file: its own database, a real server on it, fixture builders, and every table emptied
 * before each test. Read the fields inside tests (they are set in beforeAll).
 */
export function useServerHarness(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.tdb = await openTestDatabase();
    h.server = await startTestServer(h.tdb.database);
    h.seed = builders(h.tdb.database.db);
  });
  afterAll(async () => {
    await h.server?.stop();
    await h.tdb?.close();
  });
  beforeEach(() => h.tdb.truncate());
  return h;
}
