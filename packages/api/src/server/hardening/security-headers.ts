import helmet from "helmet";
import type { RequestHandler } from "express";
import type { Config } from "../../config/environment.ts";

/** Where Apollo Sandbox's embedding script comes from (the landing page loads it, and falls back when it cannot). */
export const SANDBOX_SCRIPT_ORIGIN = "https://embeddable-sandbox.cdn.apollographql.com";
// The frame that script opens, and where Sandbox loads its fonts.
const SANDBOX_FRAMES = ["https://sandbox.embed.apollographql.com"];

/**
 * Every response but the developer's pages: the API answers JSON, so nothing may load, frame or submit anything.
 * The pages of server/explorer.ts (development only) replace it with one of the policies below.
 */
const STRICT_CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

function serialize(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/**
 * The landing page (GET /graphql in a browser): its own inline script and style by nonce, Apollo Sandbox's script
 * and frame, nothing else; no 'unsafe-inline'.
 */
export function landingPageCsp(nonce: string): string {
  return serialize({
    "default-src": ["'self'"],
    "script-src": [`'nonce-${nonce}'`, SANDBOX_SCRIPT_ORIGIN],
    "style-src": [`'nonce-${nonce}'`],
    "img-src": ["'self'", "data:"],
    "frame-src": SANDBOX_FRAMES,
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
  });
}

/**
 * The local explorer (GraphiQL, /explorer/): every script, worker, font and connection from this server ('self'
 * covers the same-origin WebSocket in CSP 3). Inline styles stay allowed: its editor (Monaco) positions and colours
 * with style attributes and <style> elements it writes at run time.
 */
export function explorerCsp(): string {
  return serialize({
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "worker-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
  });
}

/**
 * Security headers on every HTTP response (helmet): CSP, nosniff, frame and referrer policies, cross-origin
 * isolation headers; HSTS in production only (development runs on plain http://localhost).
 */
export function securityHeaders(config: Config): RequestHandler {
  const production = config.env === "production";
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: STRICT_CSP },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
