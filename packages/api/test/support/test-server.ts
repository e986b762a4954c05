import { loadConfig, type Config } from "../../src/config/environment.ts";
import { configureLogger } from "../../src/common/logger.ts";
import type { Database } from "../../src/db/database.ts";
import { startServer, type RunningServer } from "../../src/server/app.ts";
import { TokenService } from "../../src/modules/accounts/tokens.ts";
import { TEST_PASSWORD } from "./builders.ts";

export const TEST_TOKEN_SECRET = "test-secret-that-is-long-enough-0123456789";

// Tests are quiet unless LOG_LEVEL asks otherwise.
configureLogger(process.env.LOG_LEVEL ?? "silent");

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", TOKEN_SECRET: TEST_TOKEN_SECRET, LOG_LEVEL: "silent", ...overrides });
}

/**
 * A real server on a free port, on the test file's database. Its idle keep-alive connections live 65 s
 * (HTTP_KEEP_ALIVE_SECONDS), longer than any pause in a test: with Node's 5 s default, a pause spent in PGlite (which
 * blocks the event loop) let the server close a socket that fetch then reused, failing the next request with ECONNRESET.
 */
export async function startTestServer(database: Database, overrides: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(testConfig(overrides), database);
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

/** POSTs one GraphQL operation over real HTTP, as a frontend would. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null; headers?: Record<string, string> } = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResponse<T>, "status" | "headers">;
  return { status: res.status, headers: res.headers, ...body };
}

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken refreshToken expiresAt role
      participant { id fullName }
      userErrors { code field message }
    }
  }
`;

export async function signIn(url: string, identifier: string, password = TEST_PASSWORD, headers: Record<string, string> = {}) {
  const res = await gql<{ login: { accessToken: string; refreshToken: string; userErrors: unknown[] } }>(
    url,
    LOGIN,
    { input: { identifier, password } },
    { headers },
  );
  const login = res.data?.login;
  if (!login?.accessToken) throw new Error(`sign-in failed: ${JSON.stringify(res)}`);
  return login;
}

/**
 * An access token of the same session as `accessToken` that expires in `secondsLeft` (as if issued 15 minutes
 * minus that ago), to see what a socket does when its token runs out.
 */
export async function expiringToken(accessToken: string, secondsLeft: number): Promise<string> {
  const tokens = new TokenService(TEST_TOKEN_SECRET, 900);
  const claims = await tokens.verifyAccessToken(accessToken);
  if (typeof claims === "string") throw new Error(`token ${claims}`);
  const { expiresAt: _, ...rest } = claims;
  return (await tokens.issueAccessToken(rest, new Date(Date.now() - (900 - secondsLeft) * 1000))).token;
}
