// Issue 13, item 5: offline, the printed URL showed only "Apollo Sandbox cannot be loaded", with no local explorer and
// no schema. Now the landing page offers the local explorer (GraphiQL served by the API) when Apollo's CDN cannot be
// reached, and the schema is at /schema.graphql in development. The browser part drives Debian's Chromium through
// playwright-core with every request to a host other than this machine refused, as on a laptop with no network.
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate } from "graphql";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUERY } from "../explorer/src/default-query.ts";
import type { RunningServer } from "../src/server/app.ts";
import { buildExplorerInBackground } from "../src/server/explorer.ts";
import { useServerHarness } from "./support/harness.ts";
import { signIn, startTestServer } from "./support/test-server.ts";

const h = useServerHarness();
const base = (server: RunningServer) => server.url.replace(/\/graphql$/, "");
const COMMITTED_SCHEMA = fileURLToPath(new URL("../../schema/schema.graphql", import.meta.url));
const EXPLORER_DIST = fileURLToPath(new URL("../explorer/dist", import.meta.url));
const FAILURE_SCREENSHOT = join(tmpdir(), "jmo-explorer-test-failure.png");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// As in examples/web's browser test: CI always runs it, a machine without Chromium skips it and says so.
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const BROWSER_REQUIRED = process.env.CI === "true";
if (!HAVE_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(`Skipping the explorer's browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
}
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

describe("the developer's pages over HTTP", () => {
  it("serves the schema as SDL in development: the committed contract, as text", async () => {
    const res = await fetch(`${base(h.server)}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe(readFileSync(COMMITTED_SCHEMA, "utf8"));
  });

  it("opens the explorer on a Login and a Me that are valid against the committed schema", () => {
    const errors = validate(buildSchema(readFileSync(COMMITTED_SCHEMA, "utf8")), parse(DEFAULT_QUERY));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it("answers a browser at /graphql with a landing page that loads Sandbox under a nonce CSP and links the offline tools", async () => {
    const res = await fetch(h.server.url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src [^;]*https:\/\/embeddable-sandbox\.cdn\.apollographql\.com/);
    expect(csp).toMatch(/frame-src [^;]*https:\/\/sandbox\.embed\.apollographql\.com/);
    expect(csp).not.toContain("unsafe-inline");
    // Every inline script and style carries this response's nonce (a second response gets another).
    expect(html.match(/<(script|style)\b[^>]*>/g)?.every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    expect(html).toContain('href="/explorer/"');
    expect(html).toContain('href="/schema.graphql"');
    const again = await fetch(h.server.url, { headers: { accept: "text/html" } });
    expect(again.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
    // A GraphQL client's request to the same URL is not the page.
    const api = await fetch(h.server.url, { method: "POST", headers: { "content-type": "application/json", accept: "text/html, application/json" }, body: '{"query":"{ banks { code } }"}' });
    expect(((await api.json()) as { data: { banks: unknown[] } }).data.banks.length).toBeGreaterThan(0);
  });

  describe("in production", () => {
    let prod: RunningServer;
    beforeAll(async () => {
      prod = await startTestServer(h.tdb.database, { NODE_ENV: "production", CORS_ORIGINS: "https://jmo.example" });
    });
    afterAll(() => prod?.stop());

    it("has no schema, explorer or landing page (introspection is off there)", async () => {
      for (const path of ["/schema.graphql", "/explorer/", "/explorer/index.html"]) {
        const res = await fetch(`${base(prod)}${path}`);
        expect(res.status, path).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      }
      const page = await fetch(prod.url, { headers: { accept: "text/html" } });
      expect(await page.text()).not.toMatch(/<html/i);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    });
  });
});

describe.skipIf(!HAVE_CHROMIUM && !BROWSER_REQUIRED)("the local explorer in a browser with no network", () => {
  let browser: Browser;
  let context: BrowserContext;
  /** Requests the browser tried to make to other hosts (all refused). */
  const refused: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    // What `pnpm start` does on a first start; returns at once when the bundle is up to date.
    await buildExplorerInBackground();
    expect(existsSync(join(EXPLORER_DIST, "index.html")), "the explorer did not build: run node packages/api/explorer/build.mjs").toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
      refused.push(url.href);
      return route.abort("internetdisconnected");
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Replaces a Monaco editor's text the way a person pastes it (typing would meet its auto-closed brackets). */
  async function setEditor(page: Page, editor: string, text: string): Promise<void> {
    await page.locator(editor).click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(text);
  }

  /** Runs the editor's operation once GraphiQL has read its name (a debounce after typing; the tab shows it). */
  async function run(page: Page, operationName: string): Promise<void> {
    await page.locator(".graphiql-tab-active", { hasText: operationName }).waitFor();
    await page.locator(".graphiql-execute-button").click();
  }

  /** The response pane's text; Monaco draws spaces as no-break spaces. */
  const response = async (page: Page) => (await page.locator(".graphiql-response").innerText()).replace(/\u00a0/g, " ");
  const QUERY_EDITOR = ".graphiql-query-editor .monaco-editor";
  const RESPONSE_EDITOR = ".graphiql-response .monaco-editor";
  const SANDBOX_CDN = "https://embeddable-sandbox.cdn.apollographql.com/";

  it("offers the explorer when Apollo's CDN is unreachable, then runs `me` and a subscription with the token", async () => {
    const p = await h.seed.participant({ fullName: "Budi Santoso" }).withAccount({ email: "budi@example.com" }).build();
    const { accessToken } = await signIn(h.server.url, p.email!);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("response", (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.url()}`);
    });

    try {
      await page.goto(h.server.url);
      await page.getByRole("heading", { name: "Apollo Sandbox cannot be loaded" }).waitFor();
      expect(refused.some((url) => url.startsWith(SANDBOX_CDN))).toBe(true);
      const introspected = page.waitForResponse((r) => (r.request().postData() ?? "").includes("IntrospectionQuery"));
      await page.getByRole("link", { name: "Open the local explorer" }).click();
      await page.waitForURL(`${base(h.server)}/explorer/`);
      problems.length = 0; // the landing page's refused CDN script is reported as a console error, rightly

      // GraphiQL reads the schema by introspection (docs and completion work from it); it runs nothing before its
      // editors exist.
      expect((await introspected).status()).toBe(200);
      await page.locator(QUERY_EDITOR).waitFor();
      await page.locator(RESPONSE_EDITOR).waitFor();
      await page.getByRole("button", { name: /headers/i }).click();
      await setEditor(page, ".monaco-editor[data-uri$='headers.json']", JSON.stringify({ Authorization: `Bearer ${accessToken}` }));
      await setEditor(page, QUERY_EDITOR, "query Me { me { fullName cards { kpjMasked } } }");
      const answered = page.waitForResponse((r) => (r.request().postData() ?? "").includes('"operationName":"Me"'));
      await run(page, "Me");
      expect((await answered).request().headers()["authorization"]).toBe(`Bearer ${accessToken}`);
      await expect.poll(() => response(page), { timeout: 20_000 }).toContain('"fullName": "Budi Santoso"');

      // A subscription over graphql-ws with the same header: a sign-in elsewhere arrives in the response pane.
      await setEditor(page, QUERY_EDITOR, "subscription Events { accountEvents { type device } }");
      const socket = page.waitForEvent("websocket");
      await run(page, "Events");
      // The token travels in connection_init; the sign-in below must come after the server has the subscription.
      const ws = await socket;
      expect(ws.url()).toBe(h.server.url.replace(/^http/, "ws"));
      await ws.waitForEvent("framesent", { predicate: (f) => String(f.payload).includes('"type":"subscribe"') });
      // The server registers the subscription a moment after the frame: sign in elsewhere until an event shows.
      const desktop = { "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36" };
      for (let attempt = 0; attempt < 5 && !(await response(page)).includes("NEW_SIGN_IN"); attempt++) {
        await signIn(h.server.url, p.email!, undefined, desktop);
        await expect.poll(() => response(page), { timeout: 3_000 }).toContain("NEW_SIGN_IN").catch(() => undefined);
      }
      expect(await response(page)).toContain('"type": "NEW_SIGN_IN"');
      expect(await response(page)).toContain('"device": "Chrome on Windows"');

      // Everything came from this server: no CSP violation, no failed request, nothing from another host.
      expect(problems).toEqual([]);
      expect(refused.filter((url) => !url.startsWith(SANDBOX_CDN))).toEqual([]);
    } catch (error) {
      // What the page showed and said, so that a CI log tells why.
      await page.screenshot({ path: FAILURE_SCREENSHOT }).catch(() => undefined);
      if (error instanceof Error) error.message += `\n--- page problems: ${JSON.stringify(problems)}\n--- screenshot: ${FAILURE_SCREENSHOT}`;
      throw error;
    } finally {
      await page.close();
    }
  }, 120_000);
});
