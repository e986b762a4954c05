import { AsyncLocalStorage } from "node:async_hooks";
import type { Locale } from "./i18n.ts";

/** What every part of the server may know about the request it works for, without threading it through. */
export interface RequestScope {
  requestId: string;
  locale: Locale;
  /** SQL statements issued for this request (reported in development, asserted in tests). */
  statements: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}
