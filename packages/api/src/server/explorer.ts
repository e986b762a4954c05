import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import express, { Router, type Request } from "express";
import type { GraphQLSchema } from "graphql";
import type { Config } from "../config/environment.ts";
import { logger } from "../common/logger.ts";
import { explorerCsp, landingPageCsp, SANDBOX_SCRIPT_ORIGIN } from "./hardening/security-headers.ts";
import { printContract } from "./schema.ts";

/** packages/api/explorer, from src/server (tsx, vitest) and from dist/src/server (the compiled build) alike. */
const EXPLORER_ROOT = ["../../explorer", "../../../explorer"]
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((path) => existsSync(join(path, "build.mjs")));
const EXPLORER_DIST = EXPLORER_ROOT && join(EXPLORER_ROOT, "dist");

export const EXPLORER_PATH = "/explorer/";
export const SCHEMA_PATH = "/schema.graphql";

// The version Apollo Server 5's own landing page embeds.
const SANDBOX_SCRIPT = `${SANDBOX_SCRIPT_ORIGIN}/v2/embeddable-sandbox.umd.production.min.js`;
/** How long the landing page waits for Apollo's CDN before it offers the local explorer. */
const SANDBOX_TIMEOUT_MS = 8_000;

/**
 * The pages a developer opens in a browser, outside production only (config.sandbox): the landing page at
 * GET /graphql (Apollo Sandbox from Apollo's CDN, and the local explorer when that CDN cannot be reached), the local
 * explorer (GraphiQL, built into packages/api/explorer/dist) and the schema as SDL. In production none of these
 * routes exists (404, as introspection is off there).
 */
export function explorerRoutes(config: Config, schema: GraphQLSchema): Router {
  const router = Router();
  if (!config.sandbox) return router;

  // use(), not get(): a router answers OPTIONS for its get() routes itself, and CORS preflights must reach cors().
  router.use("/graphql", (req, res, next) => {
    if (req.method !== "GET" || req.path !== "/" || !prefersHtml(req)) return next();
    const nonce = randomBytes(16).toString("base64");
    res.setHeader("content-security-policy", landingPageCsp(nonce));
    res.setHeader("cache-control", "no-store");
    res.type("html").send(landingPageHtml(nonce));
  });

  let sdl: string | undefined;
  router.get(SCHEMA_PATH, (_req, res) => {
    sdl ??= printContract(schema);
    res.type("text/plain; charset=utf-8").send(sdl);
  });

  // Express matches "/explorer" with or without its slash; the bundle's relative URLs need the slash.
  router.get("/explorer", (req, res, next) => (req.originalUrl.split("?")[0] === "/explorer" ? res.redirect(301, EXPLORER_PATH) : next()));
  router.use(EXPLORER_PATH, (_req, res, next) => {
    res.setHeader("content-security-policy", explorerCsp());
    next();
  });
  router.get(EXPLORER_PATH, (_req, res, next) => {
    if (EXPLORER_DIST && existsSync(join(EXPLORER_DIST, "index.html"))) return next();
    // The first `pnpm start` builds it in the background (buildExplorerInBackground): a few seconds.
    res.status(503).setHeader("retry-after", "5");
    res.type("html").send(notBuiltHtml());
  });
  if (EXPLORER_DIST) router.use(EXPLORER_PATH, express.static(EXPLORER_DIST, { fallthrough: true, dotfiles: "ignore" }));
  return router;
}

/** A browser's navigation (Accept: text/html first), as opposed to a GraphQL client's GET. */
function prefersHtml(req: Request): boolean {
  return req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}

/**
 * Runs packages/api/explorer/build.mjs in a child process (so the build does not slow the event loop that migrates
 * and seeds) when its output is missing or older than its sources; the child returns at once when it is up to date.
 * Never rejects: without the explorer, Apollo Sandbox still works online.
 */
export function buildExplorerInBackground(): Promise<void> {
  if (!EXPLORER_ROOT) return Promise.resolve();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(EXPLORER_ROOT, "build.mjs")], { stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("explorer: building")) logger.info(`${line} (in the background)`);
      else if (line.startsWith("explorer: built")) logger.info(line);
    });
    createInterface({ input: child.stderr }).on("line", (line) => output.push(line));
    child.on("error", (err) => {
      logger.warn({ err }, "the local explorer could not be built");
      resolve();
    });
    child.on("exit", (code) => {
      if (code !== 0) {
        logger.warn(
          { code, output: output.slice(-5).join("\n") },
          "the local explorer could not be built: run `node packages/api/explorer/build.mjs` to see why",
        );
      }
      resolve();
    });
  });
}

const PAGE_STYLE = `
  body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1f2933; }
  header { display: flex; gap: 1.25rem; align-items: center; height: 36px; padding: 0 1rem; background: #0b3d2e; color: #fff; }
  header strong { margin-right: auto; }
  header a { color: #c7f0d8; }
  #sandbox { position: absolute; top: 36px; bottom: 0; left: 0; right: 0; }
  #sandbox iframe { width: 100%; height: 100%; border: 0; }
  #offline { max-width: 42rem; margin: 3rem auto; padding: 0 1rem; }
  #offline[hidden] { display: none; }
  .primary { display: inline-block; padding: .6rem 1rem; background: #0b7a4b; color: #fff; border-radius: 6px; text-decoration: none; }
  code { background: #eef2f0; padding: 0 .25rem; border-radius: 3px; }
`;

function landingPageHtml(nonce: string): string {
  // Apollo's defaults for its embedded Sandbox (ApolloServerPluginLandingPageLocalDefault), cookies off.
  const sandboxConfig = JSON.stringify({
    target: "#sandbox",
    initialState: { includeCookies: false },
    hideCookieToggle: false,
    endpointIsEditable: false,
    runTelemetry: true,
    allowDynamicStyles: false,
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>JMO member API</title>
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body>
<header>
  <strong>JMO member API</strong>
  <a href="${EXPLORER_PATH}">Local explorer (works offline)</a>
  <a href="${SCHEMA_PATH}">Schema (SDL)</a>
</header>
<div id="sandbox"></div>
<main id="offline" hidden>
  <h1>Apollo Sandbox cannot be loaded</h1>
  <p>Apollo Sandbox comes from Apollo's CDN (<code>${SANDBOX_SCRIPT_ORIGIN}</code>), which this browser cannot reach:
  you may be offline. This server has its own explorer, GraphiQL, with a headers editor for the
  <code>Authorization</code> token and subscriptions over WebSocket.</p>
  <p><a class="primary" href="${EXPLORER_PATH}">Open the local explorer</a></p>
  <p>The schema as SDL, for codegen or reading: <a href="${SCHEMA_PATH}">${SCHEMA_PATH}</a>.</p>
</main>
<script nonce="${nonce}">
  (function () {
    var started = false;
    var sandbox = document.getElementById("sandbox");
    var fallback = document.getElementById("offline");
    // The empty Sandbox container lies over the page: out of the way while the fallback shows.
    function offline() {
      if (started) return;
      sandbox.hidden = true;
      fallback.hidden = false;
    }
    var script = document.createElement("script");
    script.src = ${JSON.stringify(SANDBOX_SCRIPT)};
    script.nonce = ${JSON.stringify(nonce)};
    script.onload = function () {
      if (!window.EmbeddedSandbox) return offline();
      started = true;
      fallback.hidden = true;
      sandbox.hidden = false;
      new window.EmbeddedSandbox(Object.assign(${sandboxConfig}, { initialEndpoint: location.origin + "/graphql" }));
    };
    script.onerror = offline;
    setTimeout(offline, ${SANDBOX_TIMEOUT_MS});
    document.head.appendChild(script);
  })();
</script>
</body>
</html>
`;
}

function notBuiltHtml(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>JMO API explorer: building</title></head>
<body>
<h1>The local explorer is being built</h1>
<p>The first <code>pnpm start</code> builds it in the background in a few seconds; this page reloads by itself.
If it stays here, run <code>node packages/api/explorer/build.mjs</code> (or <code>pnpm build</code>) and look at its output.</p>
<p>Meanwhile the schema is at <a href="${SCHEMA_PATH}">${SCHEMA_PATH}</a>.</p>
</body>
</html>
`;
}
