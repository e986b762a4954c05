import { describe, expect, it } from "vitest";
import { ConfigError, DEV_TOKEN_SECRET, loadConfig } from "../src/config/environment.ts";

function issues(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe("config", () => {
  it("starts a newcomer's server with nothing set: port 4000, embedded database, sandbox on", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: undefined, dataDir: ".data/pglite", sandbox: true, env: "development" });
  });

  it("names each bad value", () => {
    expect(issues({ PORT: "empat ribu" })).toEqual([expect.stringMatching(/^PORT:/)]);
    expect(issues({ DATABASE_URL: "mysql://localhost/jmo" })).toEqual([expect.stringMatching(/^DATABASE_URL: must be a postgres/)]);
    expect(issues({ TOKEN_SECRET: "pendek" })).toEqual([expect.stringMatching(/^TOKEN_SECRET: must be at least 32/)]);
    expect(issues({ NODE_ENV: "staging" })).toEqual([expect.stringMatching(/^NODE_ENV:/)]);
  });

  it("refuses to run production on the development secret and turns the sandbox off there", () => {
    expect(issues({ NODE_ENV: "production" })).toEqual([expect.stringMatching(/^TOKEN_SECRET: must be set/)]);
    expect(issues({ NODE_ENV: "production", TOKEN_SECRET: DEV_TOKEN_SECRET })).toHaveLength(1);
    const prod = loadConfig({ NODE_ENV: "production", TOKEN_SECRET: "x".repeat(40) });
    expect(prod.sandbox).toBe(false);
    expect(prod.corsOrigins).toEqual([]);
  });

  it("takes SELFIE_MAX_MEGAPIXELS from 1 to 24, 13 by default (every phone's front camera)", () => {
    expect(loadConfig({}).selfieMaxMegapixels).toBe(13);
    expect(loadConfig({ SELFIE_MAX_MEGAPIXELS: "8.5" }).selfieMaxMegapixels).toBe(8.5);
    expect(issues({ SELFIE_MAX_MEGAPIXELS: "25" })).toEqual([expect.stringMatching(/^SELFIE_MAX_MEGAPIXELS:/)]);
    expect(issues({ SELFIE_MAX_MEGAPIXELS: "0" })).toEqual([expect.stringMatching(/^SELFIE_MAX_MEGAPIXELS:/)]);
  });

  it("takes a direct connection for LISTEN, named statements and the pool size for PgBouncer (docs/deployment.md)", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://h/db" }).database).toEqual({ listenUrl: undefined, prepare: true, poolMax: 10 });
    const pooled = loadConfig({ DATABASE_URL: "postgres://pooler:6432/db", DATABASE_LISTEN_URL: "postgres://h:5432/db", DATABASE_PREPARE: "false", DATABASE_POOL_MAX: "4" });
    expect(pooled.database).toEqual({ listenUrl: "postgres://h:5432/db", prepare: false, poolMax: 4 });
    expect(issues({ DATABASE_URL: "postgres://h/db", DATABASE_LISTEN_URL: "mysql://h/db" })).toEqual([expect.stringMatching(/^DATABASE_LISTEN_URL: must be a postgres/)]);
    expect(issues({ DATABASE_LISTEN_URL: "postgres://h/db" })).toEqual([expect.stringMatching(/^DATABASE_LISTEN_URL: needs DATABASE_URL/)]);
    expect(issues({ DATABASE_URL: "postgres://h/db", DATABASE_PREPARE: "no" })).toEqual([expect.stringMatching(/^DATABASE_PREPARE:/)]);
    expect(issues({ DATABASE_URL: "postgres://h/db", DATABASE_POOL_MAX: "0" })).toEqual([expect.stringMatching(/^DATABASE_POOL_MAX:/)]);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 4000, databaseUrl: undefined });
  });
});
