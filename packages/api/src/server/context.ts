import type { AuthInfo } from "../modules/accounts/auth.service.ts";
import type { Services } from "./services.ts";
import type { Loaders } from "./loaders.ts";
import type { RequestScope } from "../common/request-scope.ts";

export interface Context {
  /** Null for anonymous callers. Set by login/refreshSession for the rest of their own request. */
  auth: AuthInfo | null;
  /** Why a bearer token that came with the request was refused; fields that need a caller report it. */
  authFailure: "TOKEN_EXPIRED" | "TOKEN_INVALID" | null;
  loaders: Loaders;
  services: Services;
  /** The caller's IP address (Express `req.ip`: X-Forwarded-For only with TRUST_PROXY), for per-address rate limits. */
  clientAddress: string | null;
  /** "Chrome on Android": what sessions record about where they were opened. */
  device: string | null;
  /** Request id, language and statement count of this request (also reachable through currentRequest()). */
  scope: RequestScope;
}
