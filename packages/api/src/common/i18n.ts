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

/** The pengkinian steps as the app names them (STEP_OUT_OF_ORDER names the step to do first). */
const PENGKINIAN_STEP_LABELS: Record<string, { id: string; en: string }> = {
  KEPESERTAAN: { id: "Data Kepesertaan (nomor KPJ)", en: "membership data (KPJ number)" },
  BIOMETRIK: { id: "Verifikasi Biometrik (swafoto)", en: "biometric verification (selfie)" },
  DATA_KONTAK: { id: "Data Kontak", en: "contact data" },
  DATA_KEPENDUDUKAN: { id: "Data Kependudukan", en: "population data" },
  DATA_TAMBAHAN: { id: "Data Tambahan & Kontak Darurat", en: "additional data and emergency contact" },
  KONFIRMASI: { id: "Konfirmasi", en: "confirmation" },
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
  [UserErrorCode.CARD_NOT_MATCHED]: {
    // One answer for an unknown KPJ and for a wrong birth date or NIK, so it cannot be used to probe cards.
    id: "Kartu tidak ditemukan atau data tidak cocok. Periksa nomor KPJ dan tanggal lahir sesuai kartu Anda.",
    en: "No matching card was found. Check the KPJ number and the birth date on your card.",
  },
  [UserErrorCode.CARD_ALREADY_ADDED]: {
    id: "Kartu ini sudah ada di akun Anda.",
    en: "This card is already on your account.",
  },
  [UserErrorCode.PENGKINIAN_NOT_STARTED]: {
    id: "Belum ada pengkinian data yang berjalan. Mulai pengkinian data terlebih dahulu.",
    en: "No data update is in progress. Start one first.",
  },
  [UserErrorCode.PENGKINIAN_SUBMITTED]: {
    id: "Pengkinian data Anda sudah diajukan dan sedang diverifikasi. Notifikasi akan dikirimkan setelah selesai.",
    en: "Your data update has been submitted and is being verified. You will be notified when it is done.",
  },
  [UserErrorCode.STEP_OUT_OF_ORDER]: {
    id: ({ step }) => `Langkah ini belum dapat dilakukan. Selesaikan dahulu langkah ${PENGKINIAN_STEP_LABELS[String(step)]?.id ?? step}.`,
    en: ({ step }) => `This step is not available yet. Complete the ${PENGKINIAN_STEP_LABELS[String(step)]?.en ?? step} step first.`,
  },
  [UserErrorCode.KPJ_CARDS_MISMATCH]: {
    id: "Isi nomor KPJ untuk setiap kartu Anda, masing-masing satu kali.",
    en: "Enter the KPJ number of each of your cards, once each.",
  },
  [UserErrorCode.KPJ_FORMAT]: {
    id: "Nomor KPJ terdiri dari 11 angka.",
    en: "A KPJ number has 11 digits.",
  },
  [UserErrorCode.KPJ_MISMATCH]: {
    id: ({ attemptsLeft }) =>
      `Nomor KPJ tidak sesuai. Sisa percobaan: ${attemptsLeft}. Setelah 3 kali salah, akun Anda akan diblokir.`,
    en: ({ attemptsLeft }) => `The KPJ number does not match. Attempts left: ${attemptsLeft}. After 3 wrong entries your account is blocked.`,
  },
  [UserErrorCode.BIOMETRIC_FAILED]: {
    id: ({ attemptsLeft }) =>
      `Verifikasi wajah gagal. Pastikan wajah terlihat jelas dengan cahaya cukup. Sisa percobaan: ${attemptsLeft}.`,
    en: ({ attemptsLeft }) => `Face verification failed. Make sure your face is clearly visible in good light. Attempts left: ${attemptsLeft}.`,
  },
  [UserErrorCode.SPOUSE_REQUIRED]: {
    id: "Isi nama dan tanggal lahir pasangan untuk status kawin.",
    en: "Enter your spouse's name and birth date for the married status.",
  },
  [UserErrorCode.SPOUSE_NOT_ALLOWED]: {
    id: "Data pasangan hanya diisi untuk status kawin.",
    en: "Spouse details are only entered for the married status.",
  },
  [UserErrorCode.TOO_MANY_CHILDREN]: {
    id: ({ max }) => `Paling banyak ${max} anak dapat diisi.`,
    en: ({ max }) => `At most ${max} children can be entered.`,
  },
  [UserErrorCode.CONSENT_REQUIRED]: {
    id: "Centang pernyataan persetujuan untuk mengirim pengkinian data.",
    en: "Tick the consent statement to submit the data update.",
  },
  [UserErrorCode.ACCOUNT_NOT_FOUND]: {
    id: "Akun tidak ditemukan.",
    en: "No such account.",
  },
  [UserErrorCode.ACCOUNT_NOT_BLOCKED]: {
    id: "Akun ini tidak sedang diblokir.",
    en: "This account is not blocked.",
  },
  [UserErrorCode.REQUIRED]: {
    id: "Isian ini wajib diisi.",
    en: "This field is required.",
  },
  [UserErrorCode.TOO_LONG]: {
    id: ({ max }) => `Isian ini terlalu panjang: maksimal ${max} karakter.`,
    en: ({ max }) => `This field is too long: at most ${max} characters.`,
  },
  [UserErrorCode.INVALID_NAME]: {
    id: "Nama harus diawali huruf dan hanya boleh berisi huruf, spasi, titik, koma, tanda hubung (-) dan apostrof (').",
    en: "A name must start with a letter and may contain only letters, spaces, full stops, commas, hyphens (-) and apostrophes (').",
  },
  [UserErrorCode.INVALID_PHONE]: {
    id: "Nomor HP harus diawali 08, 628 atau +628 dan terdiri dari 10–13 digit (contoh: 081234567890).",
    en: "The mobile number must start with 08, 628 or +628 and have 10–13 digits (e.g. 081234567890).",
  },
  [UserErrorCode.INVALID_EMAIL]: {
    id: "Alamat email tidak valid. Tulis seperti nama@contoh.com, tanpa spasi, maksimal 254 karakter.",
    en: "The email address is not valid. Write it like name@example.com, without spaces, at most 254 characters.",
  },
  [UserErrorCode.INVALID_NPWP]: {
    id: ({ reason }) =>
      reason === "CHECK_DIGIT"
        ? "NPWP tidak valid: digit ke-9 (digit kontrol) tidak cocok dengan 8 digit sebelumnya. Periksa kembali nomor pada kartu NPWP Anda."
        : reason === "NIK"
          ? "NPWP 16 digit yang tidak diawali 0 adalah NIK, tetapi nomor ini bukan NIK yang valid. Periksa kembali NIK pada KTP Anda."
          : "NPWP harus terdiri dari 15 digit (format lama, contoh: 01.234.567.8-901.000) atau 16 digit (NIK atau NPWP format baru).",
    en: ({ reason }) =>
      reason === "CHECK_DIGIT"
        ? "The NPWP is not valid: its 9th digit (the check digit) does not match the 8 digits before it. Check the number on your NPWP card."
        : reason === "NIK"
          ? "A 16-digit NPWP that does not start with 0 is a NIK, but this number is not a valid NIK. Check the NIK on your KTP."
          : "An NPWP has 15 digits (old format, e.g. 01.234.567.8-901.000) or 16 digits (a NIK or the new NPWP format).",
  },
  [UserErrorCode.INVALID_PASSPORT]: {
    id: "Nomor paspor harus terdiri dari 6–9 huruf dan angka, tanpa spasi (contoh: X1234567).",
    en: "A passport number has 6–9 letters and digits, without spaces (e.g. X1234567).",
  },
  [UserErrorCode.UNKNOWN_BANK]: {
    id: "Bank tidak dikenal. Pilih bank dari daftar bank yang tersedia.",
    en: "Unknown bank. Choose a bank from the list of banks.",
  },
  [UserErrorCode.INVALID_ACCOUNT_NUMBER]: {
    id: ({ bank, min, max }) =>
      `Nomor rekening ${bank} harus terdiri dari ${min === max ? min : `${min}–${max}`} digit angka, tanpa huruf atau tanda lain.`,
    en: ({ bank, min, max }) =>
      `A ${bank} account number has ${min === max ? min : `${min}–${max}`} digits, with no letters or other characters.`,
  },
  [UserErrorCode.ACCOUNT_NAME_MISMATCH]: {
    id: "Nama pemilik rekening harus sama dengan nama Anda sebagai peserta. Gunakan rekening atas nama sendiri (huruf besar/kecil dan spasi tidak berpengaruh).",
    en: "The account holder's name must be the same as your name as a participant. Use an account in your own name (case and spaces do not matter).",
  },
  [UserErrorCode.UNKNOWN_VILLAGE]: {
    id: "Kelurahan/desa tidak ditemukan. Pilih lokasi dari hasil pencarian wilayah.",
    en: "Unknown kelurahan/desa (village). Choose the location from the area search results.",
  },
  [UserErrorCode.INVALID_KODE_POS]: {
    id: "Kode pos harus terdiri dari 5 digit angka dan tidak diawali 0 (contoh: 40132).",
    en: "A postal code (kode pos) has 5 digits and does not start with 0 (e.g. 40132).",
  },
  [UserErrorCode.KODE_POS_MISMATCH]: {
    id: ({ provinsi, digits }) =>
      `Kode pos tidak sesuai dengan lokasi: kode pos di ${provinsi} diawali angka ${String(digits).split("").join(" atau ")}. Periksa kembali kode pos atau kelurahan yang dipilih.`,
    en: ({ provinsi, digits }) =>
      `The postal code does not match the location: postal codes in ${provinsi} start with ${String(digits).split("").join(" or ")}. Check the postal code or the chosen village.`,
  },
  [UserErrorCode.INVALID_DATE]: {
    id: ({ reason, today, after, earliest }) =>
      reason === "FUTURE"
        ? `Tanggal tidak boleh setelah hari ini (${today}).`
        : reason === "NOT_AFTER"
          ? `Tanggal harus setelah ${after}. Periksa kembali tanggalnya.`
          : reason === "TOO_EARLY"
            ? `Tanggal tidak boleh sebelum ${earliest}.`
            : "Tanggal tidak valid. Gunakan format TTTT-BB-HH (contoh: 1990-05-17).",
    en: ({ reason, today, after, earliest }) =>
      reason === "FUTURE"
        ? `The date cannot be after today (${today}).`
        : reason === "NOT_AFTER"
          ? `The date must be after ${after}. Check the date.`
          : reason === "TOO_EARLY"
            ? `The date cannot be before ${earliest}.`
            : "The date is not valid. Use the format YYYY-MM-DD (e.g. 1990-05-17).",
  },
  [UserErrorCode.SELFIE_TOO_LARGE]: {
    id: ({ reason, maxMb, maxMegapixels }) =>
      reason === "PIXELS"
        ? `Resolusi swafoto melebihi ${maxMegapixels} megapiksel. Ambil ulang foto dengan resolusi kamera yang lebih rendah.`
        : `Ukuran swafoto melebihi ${maxMb} MB. Ambil ulang foto dengan resolusi kamera yang lebih rendah.`,
    en: ({ reason, maxMb, maxMegapixels }) =>
      reason === "PIXELS"
        ? `The selfie has more than ${maxMegapixels} megapixels. Take it again at a lower camera resolution.`
        : `The selfie is larger than ${maxMb} MB. Take it again at a lower camera resolution.`,
  },
  [UserErrorCode.SELFIE_NOT_AN_IMAGE]: {
    id: "Swafoto harus berupa foto JPEG atau PNG yang utuh, dikirim dalam base64. Ambil ulang fotonya.",
    en: "The selfie must be a complete JPEG or PNG photo, sent as base64. Take the photo again.",
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
