// The SDK client and the signed-in session. Everything the app reads or changes goes through `jmo`.
import { createJmoClient, JmoError, type JmoClient } from "@jmo/sdk";

const STORAGE_KEY = "jmo.session";

/**
 * The API's GraphQL URL: `?api=http://127.0.0.1:4000/graphql` in the address (remembered for the tab), else
 * VITE_JMO_API_URL at build time, else the API's default local address.
 */
function apiUrl(): string {
  const fromQuery = new URLSearchParams(location.search).get("api");
  if (fromQuery) sessionStorage.setItem("jmo.api", fromQuery);
  return fromQuery ?? sessionStorage.getItem("jmo.api") ?? import.meta.env.VITE_JMO_API_URL ?? "http://127.0.0.1:4000/graphql";
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  fullName: string;
}

let session: Session | null = readSession();

function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const API_URL = apiUrl();

export const jmo: JmoClient = createJmoClient({
  url: API_URL,
  // Asked before every request and every WebSocket (re)connect: a refreshed token is picked up at once.
  getToken: () => session?.accessToken,
  // The UI is Indonesian (index.html's lang), so the API's messages must be too, whatever language the browser asks
  // for: sent as Accept-Language on HTTP and in connection_init on the WebSocket.
  acceptLanguage: document.documentElement.lang || "id",
});

export function currentSession(): Session | null {
  return session;
}

export function saveSession(next: Session | null): void {
  session = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
}

const DEVICE_TOKEN_KEY = "jmo.deviceToken";

/**
 * The device token of this browser's last sign-in, sent with the next login: this device then keeps signing in while
 * someone else's wrong passwords have locked the email or phone number. Kept in localStorage, across sign-outs.
 */
export function deviceToken(): string | null {
  try {
    return localStorage.getItem(DEVICE_TOKEN_KEY);
  } catch {
    return null;
  }
}

export function saveDeviceToken(token: string | null | undefined): void {
  if (!token) return;
  try {
    localStorage.setItem(DEVICE_TOKEN_KEY, token);
  } catch {
    // Storage refused (private mode): sign-in works without it.
  }
}

/** Runs a request; when the access token has expired, refreshes the session once and tries again. */
export async function withSession<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof JmoError) || error.code !== "UNAUTHENTICATED" || !session) throw error;
    const { refreshSession } = await jmo.refreshSession({ input: { refreshToken: session.refreshToken } });
    if (!refreshSession.accessToken || !refreshSession.refreshToken) {
      saveSession(null);
      location.hash = "#/masuk";
      throw error;
    }
    saveSession({ ...session, accessToken: refreshSession.accessToken, refreshToken: refreshSession.refreshToken });
    return request();
  }
}

/** A key the server uses to recognise a repeated submission (crypto.randomUUID needs a secure context). */
export function idempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
