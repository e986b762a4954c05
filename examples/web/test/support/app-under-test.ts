// What every browser test of the reference web app needs: a real API server on a test database of its own, the app
// built by Vite and served by `vite preview` on a free port, and Debian's Chromium driven by playwright-core (which never
// downloads a browser). On a machine without Chromium the file is skipped with a message, except in CI (CI=true).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RunningServer } from "../../../../packages/api/src/server/app.ts";
import { TEST_PASSWORD } from "../../../../packages/api/test/support/builders.ts";
import { openTestDatabase, type TestDatabase } from "../../../../packages/api/test/support/test-database.ts";
import { startTestServer } from "../../../../packages/api/test/support/test-server.ts";

export const WEB_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
const BROWSER_REQUIRED = process.env.CI === "true";
// The flags this machine's closed network needs (no background connections, no QUIC) and a root-safe sandbox off.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface AppUnderTest {
  tdb: TestDatabase;
  api: RunningServer;
  webUrl: string;
  browser: Browser;
  /** Where the app was built (its assets can be read). */
  outDir: string;
}

/**
 * Registers the hooks of one test file: API server (with `apiEnv` on top of the tests' configuration), the app built
 * with `buildEnv` in the process environment (Vite's loadEnv reads VITE_ variables from it), Chromium, and every table
 * emptied before each test (unless `truncate: false`). Read the fields inside tests.
 */
export function useAppUnderTest(
  name: string,
  options: { apiEnv?: Record<string, string>; buildEnv?: Record<string, string>; truncate?: boolean } = {},
): AppUnderTest {
  if (!HAVE_CHROMIUM && !BROWSER_REQUIRED) {
    console.warn(`Skipping the ${name} browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
  }
  const app = {} as AppUnderTest;
  let web: PreviewServer | undefined;
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      if (BROWSER_REQUIRED) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
      return;
    }
    app.tdb = await openTestDatabase();
    app.api = await startTestServer(app.tdb.database, options.apiEnv ?? {});
    app.outDir = await mkdtemp(join(tmpdir(), "jmo-web-"));
    await buildApp(app.outDir, options.buildEnv ?? {});
    const configFile = join(WEB_ROOT, "vite.config.ts");
    web = await preview({ root: WEB_ROOT, configFile, logLevel: "silent", build: { outDir: app.outDir }, preview: { host: "127.0.0.1", port: 0, strictPort: false } });
    app.webUrl = `http://127.0.0.1:${(web.httpServer.address() as AddressInfo).port}/`;
    app.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await app.browser?.close();
    await web?.close();
    await app.api?.stop();
    await app.tdb?.close();
    if (app.outDir) await rm(app.outDir, { recursive: true, force: true });
  });
  if (options.truncate !== false) beforeEach(() => app.tdb?.truncate());
  return app;
}

/** A production build of the app into `outDir`, with `env` (VITE_ variables) set while Vite reads it. */
export async function buildApp(outDir: string, env: Record<string, string> = {}): Promise<void> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await build({ root: WEB_ROOT, configFile: join(WEB_ROOT, "vite.config.ts"), logLevel: "silent", build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * A new page in an English-language browser (`context` adds or overrides options), collecting page errors, console
 * errors and HTTP errors in `problems`.
 */
export async function openPage(browser: Browser, context: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 820, height: 1000 }, locale: "en-US", ...context })).newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { page, problems };
}

/** The error, with what the page's main element showed when it happened (for a failing browser test's report). */
export async function withPageText(page: Page, error: unknown): Promise<unknown> {
  const text = await page.locator("main").innerText({ timeout: 1000 }).catch(() => "(no page)");
  if (error instanceof Error) error.message += `\n--- the page showed:\n${text}`;
  return error;
}

/** Signs in through the app's Masuk page (the tests' password) and waits for Beranda's greeting. */
export async function signInOnPage(app: AppUnderTest, page: Page, email: string, fullName: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${app.webUrl}?api=${encodeURIComponent(app.api.url)}#/masuk`);
  await page.fill("input[name=identifier]", email);
  await page.fill("input[name=password]", password);
  await page.click("button:has-text('Masuk')");
  await page.getByRole("heading", { name: `Halo, ${fullName}` }).waitFor();
}
