import helmet from "helmet";
import type { RequestHandler } from "express";
import type { Config } from "../../config/environment.ts";

// Where Apollo's embedded landing page (Sandbox) loads from; its own <meta> CSP allows its inline scripts by nonce,
// which a header cannot know, so the header allows inline code and the meta policy narrows it again.
const APOLLO_CDNS = [
  "https://embeddable-sandbox.cdn.apollographql.com",
  "https://apollo-server-landing-page.cdn.apollographql.com",
  "https://embeddable-explorer.cdn.apollographql.com",
];
const SANDBOX_FRAMES = ["https://sandbox.embed.apollographql.com", "https://explorer.embed.apollographql.com"];

/** Outside production: Apollo Sandbox must work in a browser. */
const SANDBOX_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'", ...APOLLO_CDNS],
  styleSrc: ["'self'", "'unsafe-inline'", ...APOLLO_CDNS, "https://fonts.googleapis.com"],
  fontSrc: ["'self'", "https://fonts.gstatic.com"],
  imgSrc: ["'self'", "data:", "https://apollo-server-landing-page.cdn.apollographql.com"],
  manifestSrc: ["'self'", "https://apollo-server-landing-page.cdn.apollographql.com"],
  frameSrc: SANDBOX_FRAMES,
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** Production serves JSON only (no landing page): nothing may load, frame or submit anything. */
const STRICT_CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every HTTP response (helmet): CSP, nosniff, frame and referrer policies, cross-origin
 * isolation headers; HSTS in production only (development runs on plain http://localhost).
 */
export function securityHeaders(config: Config): RequestHandler {
  const production = config.env === "production";
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: config.sandbox ? SANDBOX_CSP : STRICT_CSP },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
