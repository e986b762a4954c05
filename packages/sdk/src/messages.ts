/**
 * The SDK's own messages (failures before or around a GraphQL answer), in the language of the client's
 * `acceptLanguage`: English for "en…", Indonesian otherwise, like the API's own messages.
 */
const MESSAGES = {
  unreachable: {
    id: (url: string, reason: string) => `Tidak dapat menghubungi ${url}: ${reason}`,
    en: (url: string, reason: string) => `Cannot reach ${url}: ${reason}`,
  },
  notJson: {
    id: (status: number) => `HTTP ${status}: jawaban server bukan JSON`,
    en: (status: number) => `HTTP ${status}: the response is not JSON`,
  },
  noData: {
    id: (status: number) => `HTTP ${status}: jawaban server tanpa data`,
    en: (status: number) => `HTTP ${status}: no data in the response`,
  },
  sessionEnded: {
    id: (close: string) => `Server menolak token akses atau sesi sudah berakhir; silakan masuk lagi (${close})`,
    en: (close: string) => `The server refused the access token or the session has ended; sign in again (${close})`,
  },
  tooManySockets: {
    id: (close: string) => `Terlalu banyak koneksi terbuka untuk akun ini (${close})`,
    en: (close: string) => `Too many open connections for this account (${close})`,
  },
  socketClosed: {
    id: (close: string) => `Koneksi WebSocket tertutup: ${close}`,
    en: (close: string) => `WebSocket closed: ${close}`,
  },
  socketError: {
    id: (reason: string) => `Galat WebSocket: ${reason}`,
    en: (reason: string) => `WebSocket error: ${reason}`,
  },
  noWebSocket: {
    id: () =>
      "Langganan (subscription) memerlukan WebSocket, dan runtime ini tidak punya (Node 20): pasang paket `ws` (npm install ws) lalu berikan ke klien: createJmoClient({ …, webSocketImpl: WebSocket }) dengan `import WebSocket from \"ws\"`",
    en: () =>
      "Subscriptions need a WebSocket and this runtime has none (Node 20): install the `ws` package (npm install ws) and pass it to the client: createJmoClient({ …, webSocketImpl: WebSocket }) with `import WebSocket from \"ws\"`",
  },
} as const;

export type Language = "id" | "en";

export function languageOf(acceptLanguage: string | undefined): Language {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? "en" : "id";
}

export function messages(language: Language) {
  return Object.fromEntries(Object.entries(MESSAGES).map(([key, m]) => [key, m[language]])) as {
    [K in keyof typeof MESSAGES]: (typeof MESSAGES)[K]["en"];
  };
}
