import { UserErrorCode } from "@jmo/schema";

export type Locale = "id" | "en";

/** Indonesian unless the caller's most preferred language is English. */
export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return "id";
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "en" || tag.startsWith("en-")) return "en";
    if (tag === "id" || tag.startsWith("id-") || tag === "in") return "id";
  }
  return "id";
}

type Params = Record<string, string | number>;
type Message = { id: string | ((p: Params) => string); en: string | ((p: Params) => string) };

/** Top-level error codes of the contract (extensions.code). */
export type TopLevelCode = "UNAUTHENTICATED" | "FORBIDDEN" | "BAD_USER_INPUT" | "RATE_LIMITED" | "INTERNAL_SERVER_ERROR";

const topLevel: Record<TopLevelCode, Message> = {
  UNAUTHENTICATED: { id: "Silakan masuk terlebih dahulu.", en: "Please sign in first." },
  FORBIDDEN: { id: "Anda tidak memiliki akses ke data ini.", en: "You do not have access to this data." },
  BAD_USER_INPUT: { id: "Permintaan tidak valid.", en: "The request is not valid." },
  RATE_LIMITED: { id: "Terlalu banyak permintaan. Coba lagi nanti.", en: "Too many requests. Try again later." },
  INTERNAL_SERVER_ERROR: {
    id: "Terjadi kesalahan pada server. Silakan coba lagi.",
    en: "Something went wrong on our side. Please try again.",
  },
};

const userErrors: Record<UserErrorCode, Message> = {
  [UserErrorCode.INVALID_CREDENTIALS]: {
    // The same words whether or not the account exists, so sign-in cannot be used to find accounts.
    id: "Email/nomor HP atau kata sandi salah. Setelah 5 kali salah berturut-turut, akun dikunci selama 15 menit.",
    en: "Wrong email/phone number or password. After 5 wrong tries in a row the account is locked for 15 minutes.",
  },
  [UserErrorCode.ACCOUNT_LOCKED]: {
    id: ({ minutes, until }) =>
      `Akun dikunci sementara karena kata sandi salah 5 kali berturut-turut. Coba lagi dalam ${minutes} menit (pukul ${until} WIB).`,
    en: ({ minutes, until }) =>
      `The account is locked after 5 wrong passwords in a row. Try again in ${minutes} minute(s) (at ${until} WIB).`,
  },
  [UserErrorCode.ACCOUNT_BLOCKED]: {
    id: "Akun Anda diblokir demi keamanan. Hubungi BPJS Ketenagakerjaan di 175 atau kantor cabang terdekat.",
    en: "Your account is blocked for your security. Contact BPJS Ketenagakerjaan on 175 or at the nearest branch office.",
  },
  [UserErrorCode.INVALID_REFRESH_TOKEN]: {
    id: "Sesi Anda sudah berakhir. Silakan masuk kembali.",
    en: "Your session has ended. Please sign in again.",
  },
  [UserErrorCode.INVALID_INPUT]: {
    id: ({ reason }) => `Isian tidak valid${reason ? `: ${reason}` : ""}.`,
    en: ({ reason }) => `Invalid input${reason ? `: ${reason}` : ""}.`,
  },
};

function render(message: Message, locale: Locale, params: Params): string {
  const m = message[locale];
  return typeof m === "function" ? m(params) : m;
}

export function topLevelMessage(code: TopLevelCode, locale: Locale, params: Params = {}): string {
  return render(topLevel[code], locale, params);
}

export function userErrorMessage(code: UserErrorCode, locale: Locale, params: Params = {}): string {
  return render(userErrors[code]!, locale, params);
}
