// Issue 10, finding 5 (logs): a malformed JSON body made Express print the raw body (email and password) and a
// stack trace, and database errors were logged with their SQL parameters (full NIK, address, mother's maiden name).
// Every line the server would write is captured here: the logger's stream and the console (Express's default
// error handler prints with console.error when NODE_ENV is not "test", so the server starts as in production).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { configureLogger, logger } from "../../src/common/logger.ts";
import { participants } from "../../src/db/schema.ts";
import type { RunningServer } from "../../src/server/app.ts";
import { builders } from "../support/builders.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { gql, signIn, startTestServer } from "../support/test-server.ts";

let tdb: TestDatabase;
let server: RunningServer;
const lines: string[] = [];
const captured = () => lines.join("\n");

beforeAll(async () => {
  configureLogger("debug", { destination: { write: (line: string) => void lines.push(line) } });
  for (const method of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  }
  tdb = await openTestDatabase();
  // Express reads NODE_ENV when the app is made: as in production, so that its default error output would show.
  vi.stubEnv("NODE_ENV", "production");
  try {
    server = await startTestServer(tdb.database, { NODE_ENV: "production", CORS_ORIGINS: "https://jmo.example" });
  } finally {
    vi.unstubAllEnvs();
  }
});
afterAll(async () => {
  await server?.stop();
  await tdb?.close();
  vi.restoreAllMocks();
  configureLogger("silent");
});
beforeEach(async () => {
  lines.length = 0;
  await tdb.truncate();
});

const EMAIL = "korban.bocor@example.com";
const PASSWORD = "Bocor#Rahasia2026";
const NIK = "3273026108930002";
const ADDRESS = "Jl. Cempaka Rahasia No. 77";
const MOTHER = "Sumiati Rahasiawati";

function expectNoneOf(values: string[]) {
  const text = captured();
  for (const value of values) expect(text, `"${value}" was logged`).not.toContain(value);
}

describe("request bodies", () => {
  it("a malformed or oversized body is answered in JSON and logs neither the body nor a stack trace", async () => {
    const malformed = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"query":"mutation { login(input: { identifier: \\"${EMAIL}\\", password: \\"${PASSWORD}\\" }) { accessToken } }", }`,
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", detail: "MALFORMED_JSON" });

    const oversized = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ banks { code } }", variables: { email: EMAIL, password: PASSWORD, pad: "x".repeat(5 * 1024 * 1024) } }),
    });
    expect(oversized.status).toBe(413);

    // A sign-in that works: its password and tokens stay out of the logs too.
    const p = await builders(tdb.database.db).participant({ email: EMAIL }).withAccount({ email: EMAIL }).build();
    const { accessToken, refreshToken } = await signIn(server.url, p.email!);

    expect(lines.some((l) => l.includes('"request refused"') && l.includes("MALFORMED_JSON"))).toBe(true);
    expectNoneOf([EMAIL, PASSWORD, accessToken, refreshToken]);
    expect(captured()).not.toMatch(/^\s+at /m);
    expect(captured()).not.toContain("at JSON.parse");
  });
});

describe("driver errors", () => {
  it("a database failure inside a request is logged with its SQLSTATE and constraint, not its parameters", async () => {
    const seed = builders(tdb.database.db);
    await seed.participant({ nik: NIK }).build();
    const staff = await seed.staff();
    const { accessToken } = await signIn(server.url, staff.email);
    const original = server.services.participants.search;
    // A real driver error carrying personal data in its parameters: a second participant with the same NIK.
    server.services.participants.search = async () => {
      await tdb.database.db.insert(participants).values({
        nik: NIK, fullName: "Peserta Rahasia", birthPlace: "Bandung", birthDate: "1993-08-21", gender: "PEREMPUAN",
        address: ADDRESS, motherMaidenName: MOTHER, email: EMAIL,
      });
      throw new Error("unreachable");
    };
    try {
      const res = await gql(server.url, `{ participants(first: 5) { totalCount } }`, {}, { token: accessToken });
      expect(res.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      server.services.participants.search = original;
    }
    const line = lines.find((l) => l.includes('"unexpected error"'));
    expect(line).toBeDefined();
    expect(line).toContain("23505");
    expect(line).toMatch(/participants_nik/);
    expectNoneOf([NIK, ADDRESS, MOTHER, EMAIL, "Peserta Rahasia", "1993-08-21", "params"]);
  });

  it("any error logged anywhere keeps only safe fields: driver errors, nested errors, JSON parse errors", async () => {
    let driverError: unknown;
    try {
      // PostgreSQL text cannot hold NUL: the driver refuses the statement, its parameters attached to the error.
      await tdb.database.db.insert(participants).values({
        nik: NIK, fullName: `Nama\u0000Rahasia`, birthPlace: "Bandung", birthDate: "1993-08-21", gender: "PEREMPUAN",
        address: ADDRESS, motherMaidenName: MOTHER,
      });
    } catch (error) {
      driverError = error;
    }
    expect(driverError).toBeInstanceOf(Error);
    let parseError: unknown;
    try {
      JSON.parse(`password=${PASSWORD}&email=${EMAIL}`);
    } catch (error) {
      parseError = error;
    }

    logger.error(driverError as Error);
    logger.error({ err: driverError }, "insert failed");
    logger.warn({ context: { error: driverError }, errors: [driverError] }, "nested");
    logger.error(parseError as Error);
    logger.error({ err: { message: `failed for ${EMAIL}`, params: [NIK], detail: `Key (nik)=(${NIK}) already exists.` } }, "plain");

    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/"code":"22021"|"code":"22P05"/);
    expect(lines[0]).toContain("Failed query: insert into");
    expectNoneOf([NIK, ADDRESS, MOTHER, EMAIL, PASSWORD, "Rahasia", "1993-08-21", "params"]);
  });
});
