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
  RATE_LIMITED: {
    id: ({ seconds }) => (seconds ? `Terlalu banyak permintaan. Coba lagi dalam ${seconds} detik.` : "Terlalu banyak permintaan. Coba lagi nanti."),
    en: ({ seconds }) => (seconds ? `Too many requests. Try again in ${seconds} second(s).` : "Too many requests. Try again later."),
  },
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
  // Klaim JHT (KEPESERTAAN, BIOMETRIK and KONFIRMASI are shared with pengkinian)
  REKENING: { id: "NPWP & Rekening", en: "tax number and bank account" },
};

/** The registration steps (REGISTRATION_STEP_OUT_OF_ORDER names the step to do first). */
const REGISTRATION_STEP_LABELS: Record<string, { id: string; en: string }> = {
  EMAIL: { id: "Email", en: "email" },
  VERIFY_EMAIL: { id: "Kode Verifikasi email", en: "email verification code" },
  PHONE: { id: "Nomor Handphone", en: "mobile number" },
  VERIFY_PHONE: { id: "Kode Verifikasi SMS", en: "SMS verification code" },
  PASSWORD: { id: "Kata Sandi", en: "password" },
};

const SEGMENT_LABELS: Record<string, { id: string; en: string }> = {
  PU: { id: "Penerima Upah (PU)", en: "wage earner (PU)" },
  BPU: { id: "Bukan Penerima Upah (BPU)", en: "self-employed (BPU)" },
  JAKON: { id: "Jasa Konstruksi (JAKON)", en: "construction (JAKON)" },
  PMI: { id: "Pekerja Migran Indonesia (PMI)", en: "Indonesian migrant worker (PMI)" },
};

const userErrors: Record<UserErrorCode, Message> = {
  [UserErrorCode.INVALID_CREDENTIALS]: {
    // The same words whether or not the account exists, so sign-in cannot be used to find accounts.
    id: "Email/nomor HP atau kata sandi salah. Setelah 5 kali salah berturut-turut, akun dikunci selama 15 menit.",
    en: "Wrong email/phone number or password. After 5 wrong tries in a row the account is locked for 15 minutes.",
  },
  [UserErrorCode.ACCOUNT_LOCKED]: {
    id: ({ minutes, until }) =>
      `Akun dikunci sementara karena kata sandi salah 5 kali berturut-turut. Coba lagi dalam ${minutes} menit (pukul ${until} WIB), atau atur ulang kata sandi dengan Lupa Kata Sandi.`,
    en: ({ minutes, until }) =>
      `The account is locked after 5 wrong passwords in a row. Try again in ${minutes} minute(s) (at ${until} WIB), or reset your password with Forgot Password.`,
  },
  [UserErrorCode.ACCOUNT_BLOCKED]: {
    // Permanent until staff lift it (accountUnblock); the reason says which check failed three times.
    id: ({ reason }) =>
      `Akun Anda diblokir demi keamanan${reason === "KPJ_STRIKES" ? " karena nomor KPJ salah dimasukkan 3 kali" : reason === "BIOMETRIC_STRIKES" ? " karena verifikasi wajah (swafoto) gagal 3 kali" : ""}. Hubungi BPJS Ketenagakerjaan di 175 atau datang ke kantor cabang terdekat dengan membawa KTP untuk membuka blokir.`,
    en: ({ reason }) =>
      `Your account is blocked for your security${reason === "KPJ_STRIKES" ? " after 3 wrong KPJ numbers" : reason === "BIOMETRIC_STRIKES" ? " after 3 failed face (selfie) checks" : ""}. Contact BPJS Ketenagakerjaan on 175 or visit the nearest branch office with your KTP to have it lifted.`,
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
  [UserErrorCode.REGISTRATION_NOT_MATCHED]: {
    // One answer for a wrong NIK, KPJ, birth date or name and for a participant who already has an account, so
    // registration cannot be used to probe NIKs or accounts.
    id: "Data tidak cocok dengan data kepesertaan, atau peserta ini sudah memiliki akun JMO. Periksa NIK, nomor KPJ, nama lengkap dan tanggal lahir sesuai kartu Anda. Jika sudah punya akun, masuk atau gunakan Lupa Kata Sandi.",
    en: "The data does not match a participant record, or this participant already has a JMO account. Check the NIK, KPJ number, full name and birth date on your card. If you already have an account, sign in or use Forgot Password.",
  },
  [UserErrorCode.REGISTRATION_NOT_FOUND]: {
    id: "Pendaftaran tidak ditemukan atau sudah kedaluwarsa. Silakan mulai pendaftaran dari awal.",
    en: "The registration was not found or has expired. Please start again.",
  },
  [UserErrorCode.REGISTRATION_STEP_OUT_OF_ORDER]: {
    id: ({ step }) => `Langkah ini belum dapat dilakukan. Selesaikan dahulu langkah ${REGISTRATION_STEP_LABELS[String(step)]?.id ?? step}.`,
    en: ({ step }) => `This step is not available yet. Complete the ${REGISTRATION_STEP_LABELS[String(step)]?.en ?? step} step first.`,
  },
  [UserErrorCode.REGISTRATION_BPU_ONLY]: {
    id: "Pendaftaran peserta baru melalui JMO hanya untuk Bukan Penerima Upah (BPU) warga negara Indonesia. Pekerja penerima upah didaftarkan oleh pemberi kerja.",
    en: "New participants can only register through JMO as self-employed (BPU) Indonesian citizens. Wage earners are registered by their employer.",
  },
  // Told only after NIK (or passport), KPJ, name and birth date all matched: the person proved who they are.
  [UserErrorCode.REGISTRATION_MEMBERSHIP_TYPE_MISMATCH]: {
    id: ({ segment }) => `Kartu dengan nomor KPJ ini terdaftar sebagai ${SEGMENT_LABELS[String(segment)]?.id ?? segment}. Pilih jenis kepesertaan tersebut.`,
    en: ({ segment }) => `The card with this KPJ number is registered as ${SEGMENT_LABELS[String(segment)]?.en ?? segment}. Choose that membership type.`,
  },
  [UserErrorCode.REGISTRATION_CITIZENSHIP_MISMATCH]: {
    id: ({ citizenship }) =>
      citizenship === "WNA"
        ? "Data kepesertaan Anda tercatat sebagai Warga Negara Asing (WNA). Pilih kewarganegaraan WNA dan isi nomor paspor Anda."
        : "Data kepesertaan Anda tercatat sebagai Warga Negara Indonesia (WNI). Pilih kewarganegaraan WNI dan isi NIK Anda.",
    en: ({ citizenship }) =>
      citizenship === "WNA"
        ? "Your membership record says you are a foreign national (WNA). Choose WNA and enter your passport number."
        : "Your membership record says you are an Indonesian citizen (WNI). Choose WNI and enter your NIK.",
  },
  [UserErrorCode.INVALID_COUNTRY]: {
    id: "Negara paspor tidak valid: pilih negara penerbit paspor Anda (kode 2 huruf ISO 3166-1, contoh JP). Warga negara Indonesia memilih WNI.",
    en: "The passport country is not valid: choose the country that issued your passport (ISO 3166-1 two-letter code, e.g. JP). Indonesian citizens choose WNI.",
  },
  [UserErrorCode.CARD_NOT_FOUND]: {
    id: "Kartu tidak ditemukan.",
    en: "The card was not found.",
  },
  [UserErrorCode.CARD_NOT_AWAITING_FIRST_CONTRIBUTION]: {
    id: "Kartu ini tidak sedang menunggu iuran pertama: iuran pertamanya sudah tercatat, atau kartu ini bukan kartu BPU baru.",
    en: "This card is not waiting for its first contribution: it is already recorded, or this is not a new BPU card.",
  },
  [UserErrorCode.INVALID_NIK]: {
    id: "NIK tidak valid: harus 16 digit angka dengan kode wilayah dan tanggal lahir yang benar, sesuai KTP Anda.",
    en: "The NIK is not valid: it has 16 digits with a real area code and birth date, as on your KTP.",
  },
  [UserErrorCode.NIK_ALREADY_REGISTERED]: {
    id: "NIK ini sudah terdaftar sebagai peserta. Pilih \"Ya, Saya Sudah Daftar\" dan isi nomor KPJ Anda, atau hubungi 175.",
    en: "This NIK is already registered as a participant. Choose \"Yes, I am already registered\" and enter your KPJ number, or call 175.",
  },
  [UserErrorCode.INVALID_DECLARED_INCOME]: {
    id: ({ min, max }) => `Penghasilan per bulan harus antara Rp${min} dan Rp${max}.`,
    en: ({ min, max }) => `The monthly income must be between Rp${min} and Rp${max}.`,
  },
  [UserErrorCode.CODE_INVALID]: {
    id: ({ attemptsLeft }) =>
      Number(attemptsLeft) > 0
        ? `Kode verifikasi salah. Sisa percobaan: ${attemptsLeft}.`
        : "Kode verifikasi salah. Kesempatan habis: minta kode baru.",
    en: ({ attemptsLeft }) =>
      Number(attemptsLeft) > 0 ? `Wrong verification code. Attempts left: ${attemptsLeft}.` : "Wrong verification code. No attempts left: ask for a new code.",
  },
  [UserErrorCode.CODE_EXPIRED]: {
    id: "Kode verifikasi sudah kedaluwarsa (berlaku 5 menit). Minta kode baru.",
    en: "The verification code has expired (codes are valid for 5 minutes). Ask for a new code.",
  },
  [UserErrorCode.CODE_ATTEMPTS_EXCEEDED]: {
    id: "Kode verifikasi salah 5 kali dan tidak berlaku lagi. Minta kode baru.",
    en: "The verification code was entered wrongly 5 times and no longer works. Ask for a new code.",
  },
  [UserErrorCode.CODE_RESEND_TOO_SOON]: {
    id: ({ seconds }) => `Kode baru dapat diminta lagi dalam ${seconds} detik.`,
    en: ({ seconds }) => `You can ask for a new code in ${seconds} second(s).`,
  },
  [UserErrorCode.EMAIL_ALREADY_USED]: {
    // flow "pengkinian": a signed-in member changing their email, for whom "register with another" makes no sense.
    id: ({ flow }) =>
      flow === "pengkinian"
        ? "Email ini sudah dipakai oleh akun JMO lain. Isi Data Kontak dengan email lain."
        : "Email ini sudah dipakai oleh akun JMO lain. Masuk dengan email ini (gunakan Lupa Kata Sandi bila perlu) atau daftar dengan email lain.",
    en: ({ flow }) =>
      flow === "pengkinian"
        ? "This email is already used by another JMO account. Enter another email in the contact data."
        : "This email is already used by another JMO account. Sign in with it (use Forgot Password if needed) or register with another email.",
  },
  [UserErrorCode.PHONE_ALREADY_USED]: {
    id: "Nomor HP ini sudah dipakai oleh akun JMO lain. Gunakan nomor HP lain.",
    en: "This mobile number is already used by another JMO account. Use another number.",
  },
  [UserErrorCode.PASSWORD_TOO_SHORT]: {
    id: ({ min }) => `Kata sandi minimal ${min} karakter.`,
    en: ({ min }) => `The password needs at least ${min} characters.`,
  },
  [UserErrorCode.PASSWORD_TOO_LONG]: {
    id: ({ max }) => `Kata sandi maksimal ${max} karakter.`,
    en: ({ max }) => `The password can have at most ${max} characters.`,
  },
  [UserErrorCode.PASSWORD_CONTAINS_PERSONAL_DATA]: {
    id: ({ what }) =>
      `Kata sandi tidak boleh memuat ${what === "NIK" ? "NIK Anda" : what === "PHONE" ? "nomor HP Anda" : "nama email Anda"}.`,
    en: ({ what }) => `The password must not contain ${what === "NIK" ? "your NIK" : what === "PHONE" ? "your mobile number" : "your email name"}.`,
  },
  [UserErrorCode.PASSWORD_TOO_COMMON]: {
    id: "Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain.",
    en: "This password is too common and easy to guess. Choose another one.",
  },
  [UserErrorCode.TERMS_NOT_ACCEPTED]: {
    id: "Pilih Setuju pada syarat dan ketentuan untuk menyelesaikan pendaftaran.",
    en: "Accept the terms and conditions to complete the registration.",
  },
  [UserErrorCode.RESET_TOKEN_INVALID]: {
    id: "Tautan atau kode atur ulang kata sandi tidak berlaku (sudah dipakai atau kedaluwarsa setelah 30 menit). Minta yang baru.",
    en: "The password reset link or code is not valid (already used, or expired after 30 minutes). Ask for a new one.",
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
  [UserErrorCode.CONTACT_NOT_VERIFIED]: {
    id: ({ channel }) =>
      channel === "SMS"
        ? "Nomor HP baru belum diverifikasi. Masukkan kode yang dikirim lewat SMS ke nomor tersebut, atau minta kode baru."
        : "Email baru belum diverifikasi. Masukkan kode yang dikirim ke email tersebut, atau minta kode baru.",
    en: ({ channel }) =>
      channel === "SMS"
        ? "The new mobile number is not verified yet. Enter the code sent to it by SMS, or ask for a new one."
        : "The new email is not verified yet. Enter the code sent to it, or ask for a new one.",
  },
  [UserErrorCode.NO_CODE_PENDING]: {
    id: ({ channel }) =>
      channel === "SMS"
        ? "Tidak ada nomor HP baru yang menunggu kode verifikasi. Nomor yang tidak berubah tidak perlu diverifikasi."
        : "Tidak ada email baru yang menunggu kode verifikasi. Email yang tidak berubah tidak perlu diverifikasi.",
    en: ({ channel }) =>
      channel === "SMS"
        ? "No new mobile number is waiting for a verification code. An unchanged number needs none."
        : "No new email is waiting for a verification code. An unchanged email needs none.",
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
  // The failed checks in words, both languages made by the klaim module (klaim.messages.ts), never their codes.
  [UserErrorCode.KLAIM_NOT_ELIGIBLE]: {
    id: ({ reasonsId }) => `Klaim JHT belum dapat diajukan lewat JMO: ${reasonsId}.`,
    en: ({ reasonsEn }) => `A JHT claim cannot be made in JMO yet: ${reasonsEn}.`,
  },
  [UserErrorCode.KLAIM_NOT_FOUND]: {
    id: "Klaim tidak ditemukan.",
    en: "No such claim.",
  },
  [UserErrorCode.KLAIM_IN_PROGRESS]: {
    id: ({ nomor }) => `Kartu ini sudah memiliki klaim JHT yang sedang diproses (${nomor}). Pantau atau batalkan klaim tersebut.`,
    en: ({ nomor }) => `This card already has a JHT claim in progress (${nomor}). Track or cancel that claim.`,
  },
  [UserErrorCode.KLAIM_NOT_DRAFT]: {
    id: "Klaim ini sudah diajukan dan tidak dapat diubah lagi.",
    en: "This claim has been submitted and can no longer be changed.",
  },
  [UserErrorCode.KLAIM_NOT_CANCELLABLE]: {
    id: "Klaim ini tidak dapat dibatalkan: pembayaran sudah dimulai atau klaim sudah selesai.",
    en: "This claim cannot be cancelled: payment has started or the claim is finished.",
  },
  [UserErrorCode.KLAIM_CONSENT_REQUIRED]: {
    id: "Centang pernyataan bahwa Anda sudah membaca dan menyetujui pernyataan klaim untuk mengajukan klaim JHT.",
    en: "Tick the statement that you have read and agree to the claim statement to submit the JHT claim.",
  },
  [UserErrorCode.KLAIM_CARD_NOT_FOUND]: {
    id: "Kartu tidak ditemukan di profil Anda.",
    en: "No such card on your profile.",
  },
  [UserErrorCode.IDEMPOTENCY_KEY_INVALID]: {
    id: "Kunci idempotensi harus 8 sampai 100 karakter (huruf, angka, - atau _).",
    en: "The idempotency key must be 8 to 100 characters (letters, digits, - or _).",
  },
  [UserErrorCode.IDEMPOTENCY_KEY_REUSED]: {
    id: "Kunci idempotensi ini sudah dipakai untuk klaim lain. Gunakan kunci baru untuk setiap pengajuan.",
    en: "This idempotency key was already used for another claim. Use a new key for each submission.",
  },
  // Klaim JHT sebagian (klaim/klaim-sebagian.service.ts).
  [UserErrorCode.KLAIM_JENIS_INVALID]: {
    id: "Jenis klaim ini diajukan lewat menu lain: klaim JHT sebagian lewat Klaim JHT Sebagian, klaim JHT penuh (mengundurkan diri atau PHK) lewat Klaim JHT.",
    en: "This kind of claim is made elsewhere: a partial JHT claim through Klaim JHT Sebagian, a full claim (resignation or dismissal) through Klaim JHT.",
  },
  [UserErrorCode.KLAIM_SEBAGIAN_SUDAH_PERNAH]: {
    id: ({ nomor }) => `Klaim JHT sebagian hanya dapat diambil satu kali selama kepesertaan; Anda sudah mengajukannya (${nomor}).`,
    en: ({ nomor }) => `A partial JHT claim can be taken only once per membership; you already made one (${nomor}).`,
  },
  [UserErrorCode.KLAIM_DOKUMEN_REQUIRED]: {
    id: "Klaim JHT sebagian 30% untuk kepemilikan rumah memerlukan dokumen perumahan dari bank (surat keterangan atau perjanjian kredit). Unggah dokumennya terlebih dahulu.",
    en: "A 30% partial JHT claim for housing needs the bank's housing document (a statement or the credit agreement). Upload it first.",
  },
  [UserErrorCode.KLAIM_DOKUMEN_NOT_ALLOWED]: {
    id: "Klaim ini tidak memerlukan dokumen: hanya klaim JHT sebagian 30% untuk kepemilikan rumah yang dilengkapi dokumen perumahan.",
    en: "This claim takes no documents: only the 30% partial JHT claim for housing comes with a housing document.",
  },
  [UserErrorCode.KLAIM_DOKUMEN_TOO_LARGE]: {
    id: ({ maxMb }) => `Ukuran dokumen melebihi ${maxMb} MB. Kirim pindaian atau foto yang lebih kecil.`,
    en: ({ maxMb }) => `The document is larger than ${maxMb} MB. Send a smaller scan or photo.`,
  },
  [UserErrorCode.KLAIM_DOKUMEN_TYPE_MISMATCH]: {
    id: ({ type }) => `Isi berkas bukan ${type} yang valid. Kirim berkas JPEG, PNG atau PDF yang sebenarnya.`,
    en: ({ type }) => `The file's content is not a valid ${type}. Send a real JPEG, PNG or PDF file.`,
  },
  [UserErrorCode.KLAIM_DOKUMEN_TOO_MANY]: {
    id: ({ max }) => `Satu klaim dapat dilengkapi paling banyak ${max} dokumen.`,
    en: ({ max }) => `A claim takes at most ${max} documents.`,
  },
  [UserErrorCode.KLAIM_NOT_HOLDABLE]: {
    id: "Klaim ini tidak dapat ditahan: klaim sudah ditahan, pembayaran sudah dimulai, atau klaim sudah selesai.",
    en: "This claim cannot be held: it is already on hold, its payment has started, or it is finished.",
  },
  [UserErrorCode.KLAIM_NOT_REJECTABLE]: {
    id: "Klaim ini tidak dapat ditolak: pembayaran sudah dimulai atau klaim sudah selesai.",
    en: "This claim cannot be rejected: its payment has started or it is finished.",
  },
  [UserErrorCode.IURAN_BPU_NOT_BPU_CARD]: {
    id: "Kartu ini bukan kartu peserta Bukan Penerima Upah (BPU): iurannya dibayarkan oleh pemberi kerja.",
    en: "This is not a self-employed (BPU) card: its contributions are paid by the employer.",
  },
  [UserErrorCode.IURAN_BPU_MONTHS_INVALID]: {
    id: "Pilih 1, 3, 6 atau 12 bulan, sesuai pilihan yang tersedia untuk kartu ini.",
    en: "Choose 1, 3, 6 or 12 months, among the options offered for this card.",
  },
  [UserErrorCode.IURAN_BPU_PAYMENT_OPEN]: {
    id: ({ code }) => `Masih ada kode pembayaran yang belum dibayar${code ? ` (${code})` : ""}: bayar kode itu atau tunggu sampai kedaluwarsa.`,
    en: ({ code }) => `A payment code is still open${code ? ` (${code})` : ""}: pay it or wait until it expires.`,
  },
  [UserErrorCode.IURAN_BPU_MEMBERSHIP_ENDED]: {
    id: "Kepesertaan berakhir karena iuran tertunggak melewati masa tenggang. Silakan daftar kembali.",
    en: "The membership ended: contributions were unpaid past the grace period. Please register again.",
  },
  [UserErrorCode.IURAN_BPU_PAYMENT_NOT_FOUND]: {
    id: "Pembayaran tidak ditemukan.",
    en: "The payment was not found.",
  },
  [UserErrorCode.IURAN_BPU_PAYMENT_NOT_OPEN]: {
    id: "Pembayaran ini sudah tidak terbuka (sudah dibayar, kedaluwarsa atau dibatalkan).",
    en: "This payment is no longer open (paid, expired or cancelled).",
  },
  [UserErrorCode.KECELAKAAN_CARD_NOT_FOUND]: {
    id: "Kartu ini tidak ada di profil Anda.",
    en: "This card is not on your profile.",
  },
  [UserErrorCode.KECELAKAAN_CARD_NOT_ACTIVE]: {
    id: "Kartu ini tidak aktif, sehingga tidak melindungi kecelakaan kerja saat ini. Laporkan dengan kartu yang aktif, atau datang ke kantor cabang bila kecelakaan terjadi saat kartu masih aktif.",
    en: "This card is not active, so it does not cover work accidents today. Report with an active card, or visit a branch office if the accident happened while the card was still active.",
  },
  [UserErrorCode.KECELAKAAN_OCCURRED_AT_INVALID]: {
    id: "Tanggal dan jam kejadian tidak valid: tidak boleh di masa depan, sebelum kartu terdaftar, atau lebih dari 2 tahun yang lalu.",
    en: "The date and time of the accident are not valid: not in the future, not before the card was registered, and not more than 2 years ago.",
  },
  [UserErrorCode.KECELAKAAN_TOO_MANY_WITNESSES]: {
    id: ({ max }) => `Paling banyak ${max ?? 5} saksi.`,
    en: ({ max }) => `At most ${max ?? 5} witnesses.`,
  },
  [UserErrorCode.KECELAKAAN_REPORT_NOT_FOUND]: {
    id: "Laporan kecelakaan kerja tidak ditemukan.",
    en: "The work-accident report was not found.",
  },
  [UserErrorCode.KECELAKAAN_STATUS_NOT_ALLOWED]: {
    id: ({ status }) => `Status laporan tidak dapat diubah ke status itu dari ${status ?? "status saat ini"}. Muat ulang laporan.`,
    en: ({ status }) => `The report cannot move to that status from ${status ?? "its current status"}. Reload the report.`,
  },
  [UserErrorCode.PENGADUAN_NOT_FOUND]: { id: "Pengaduan tidak ditemukan.", en: "No such ticket." },
  [UserErrorCode.PENGADUAN_CLOSED]: {
    id: "Pengaduan ini sudah ditutup (selesai atau ditolak). Buat pengaduan baru bila masih ada yang perlu disampaikan.",
    en: "This ticket is closed (done or refused). File a new ticket if there is more to say.",
  },
  [UserErrorCode.PENGADUAN_STATUS_NOT_ALLOWED]: {
    id: ({ from, to }) => `Status pengaduan tidak dapat diubah dari ${from} menjadi ${to}.`,
    en: ({ from, to }) => `The ticket's status cannot change from ${from} to ${to}.`,
  },
  [UserErrorCode.PENGADUAN_KOREKSI_EMPTY]: {
    id: "Isi data yang benar sesuai KTP/KK: setidaknya satu isian yang berbeda dari data kepesertaan saat ini.",
    en: "Enter the correct data as on the KTP/KK: at least one value that differs from the current membership record.",
  },
  [UserErrorCode.PENGADUAN_TOO_MANY_OPEN]: {
    id: ({ max }) => `Kamu sudah memiliki ${max} pengaduan yang masih diproses. Tunggu hingga salah satunya selesai.`,
    en: ({ max }) => `You already have ${max} open tickets. Wait until one of them is finished.`,
  },
  [UserErrorCode.PENGADUAN_ATTACHMENT_TOO_LARGE]: {
    id: ({ maxMb }) => `Ukuran lampiran melebihi ${maxMb} MB. Kirim foto atau pindaian yang lebih kecil.`,
    en: ({ maxMb }) => `The attachment is larger than ${maxMb} MB. Send a smaller photo or scan.`,
  },
  [UserErrorCode.PENGADUAN_ATTACHMENT_TYPE_MISMATCH]: {
    id: ({ type }) => `Isi lampiran bukan berkas ${type} yang utuh. Kirim berkas aslinya dalam format JPEG, PNG atau PDF.`,
    en: ({ type }) => `The attachment is not a complete ${type} file. Send the original file as JPEG, PNG or PDF.`,
  },
  [UserErrorCode.PENGADUAN_ATTACHMENT_TOO_MANY]: {
    id: ({ max }) => `Terlalu banyak lampiran: paling banyak ${max}.`,
    en: ({ max }) => `Too many attachments: at most ${max}.`,
  },
  [UserErrorCode.PENGADUAN_ATTACHMENT_REQUIRED]: {
    id: "Lampirkan foto atau pindaian KTP atau KK sebagai bukti koreksi data.",
    en: "Attach a photo or scan of the KTP or KK as proof for the data correction.",
  },
  [UserErrorCode.KLAIM_NOT_WAITING]: {
    id: "Klaim ini tidak sedang menunggu persetujuan petugas.",
    en: "This claim is not waiting for staff approval.",
  },
  [UserErrorCode.ANTREAN_KANAL_NOT_FOUND]: { id: "Kantor tidak ditemukan. Pilih kantor dari daftar.", en: "The office was not found. Pick one from the list." },
  [UserErrorCode.ANTREAN_SERVICE_NOT_OFFERED]: {
    id: "Kantor ini tidak melayani layanan tersebut. Pilih kantor lain.",
    en: "This office does not offer that service. Pick another office.",
  },
  [UserErrorCode.ANTREAN_OFFICE_CLOSED]: {
    id: ({ holiday }) => `Kantor tutup pada hari itu${holiday ? ` (${holiday})` : " (akhir pekan atau tidak ada jam layanan)"}. Pilih hari lain.`,
    en: ({ holiday }) => `The office is closed that day${holiday ? ` (${holiday})` : " (a weekend or no opening hours)"}. Pick another day.`,
  },
  [UserErrorCode.ANTREAN_SLOT_INVALID]: {
    id: "Jam itu bukan slot antrean kantor ini (di luar jam layanan). Pilih slot dari daftar.",
    en: "That time is not one of this office's slots (outside its opening hours). Pick a slot from the list.",
  },
  [UserErrorCode.ANTREAN_SLOT_PAST]: { id: "Slot ini sudah lewat. Pilih slot berikutnya.", en: "This slot has already started. Pick a later one." },
  [UserErrorCode.ANTREAN_TOO_FAR_AHEAD]: {
    id: ({ days }) => `Antrean hanya dapat diambil untuk hari ini sampai ${days ?? 14} hari ke depan.`,
    en: ({ days }) => `Bookings are open for today and the next ${days ?? 14} days only.`,
  },
  [UserErrorCode.ANTREAN_SLOT_FULL]: {
    id: "Slot ini sudah penuh. Pilih slot lain.",
    en: "This slot is full. Pick another slot.",
  },
  [UserErrorCode.ANTREAN_ALREADY_BOOKED]: {
    id: ({ code }) => `Anda sudah memiliki antrean aktif untuk layanan ini${code ? ` (${code})` : ""}. Gunakan, batalkan, atau ubah jadwalnya.`,
    en: ({ code }) => `You already hold an open booking for this service${code ? ` (${code})` : ""}. Use it, cancel it or move it.`,
  },
  [UserErrorCode.ANTREAN_NOT_FOUND]: { id: "Antrean tidak ditemukan.", en: "The booking was not found." },
  [UserErrorCode.ANTREAN_NOT_CANCELLABLE]: {
    id: "Antrean ini tidak dapat dibatalkan atau diubah lagi (sudah dibatalkan, dilayani, atau jamnya sudah mulai).",
    en: "This booking can no longer be cancelled or moved (cancelled, served, or its slot has started).",
  },
  [UserErrorCode.ANTREAN_STATUS_NOT_ALLOWED]: {
    id: ({ status }) => `Antrean tidak dapat ditandai demikian${status ? ` (status: ${status})` : ""}.`,
    en: ({ status }) => `The booking cannot be marked so${status ? ` (status: ${status})` : ""}.`,
  },
  [UserErrorCode.KANAL_NOT_FOUND]: {
    id: "Kantor layanan tidak ditemukan.",
    en: "The service point was not found.",
  },
  [UserErrorCode.KANAL_HOURS_INVALID]: {
    id: ({ reason }) => `Jam layanan tidak valid${reason ? `: ${reason}` : ""}.`,
    en: ({ reason }) => `The opening hours are not valid${reason ? `: ${reason}` : ""}.`,
  },
  [UserErrorCode.BERITA_NOT_FOUND]: {
    id: "Berita atau promo tidak ditemukan.",
    en: "The article or promo was not found.",
  },
  [UserErrorCode.BERITA_STATUS_INVALID]: {
    id: ({ status }) => `Status${status ? ` ${status}` : ""} tidak mengizinkan perubahan ini. Muat ulang lalu coba lagi.`,
    en: ({ status }) => `The status${status ? ` ${status}` : ""} does not allow this change. Reload and try again.`,
  },
  [UserErrorCode.BERITA_IMAGE_INVALID]: {
    id: ({ reason }) => `Gambar ditolak${reason ? ` (${reason})` : ""}: gunakan URL https berisi JPEG, PNG atau WebP maksimal 1 MB dan 4.096 piksel per sisi.`,
    en: ({ reason }) => `The picture was refused${reason ? ` (${reason})` : ""}: use an https URL of a JPEG, PNG or WebP of at most 1 MB and 4,096 pixels a side.`,
  },
  [UserErrorCode.BERITA_PROMO_INVALID]: {
    id: ({ reason }) => `Data promo tidak valid${reason ? `: ${reason}` : ""}.`,
    en: ({ reason }) => `The promo's offer is not valid${reason ? `: ${reason}` : ""}.`,
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

/** The `detail` of a BAD_USER_INPUT that refuses a document over a limit (server/limits/operation-limits.ts). */
export type OperationLimitDetail =
  | "DOCUMENT_TOO_LARGE"
  | "TOO_MANY_TOKENS"
  | "TOO_MANY_ALIASES"
  | "QUERY_TOO_DEEP"
  | "TOO_MANY_DIRECTIVES"
  | "QUERY_TOO_COSTLY"
  | "DOCUMENT_NOT_TRUSTED";

const found = (p: Params, id: string, en: string) => (p.found !== undefined ? { id: ` (${p.found} ${id})`, en: ` (${p.found} ${en})` } : { id: "", en: "" });

const operationLimits: Record<OperationLimitDetail, Message> = {
  DOCUMENT_TOO_LARGE: {
    id: (p) => `Dokumen GraphQL terlalu besar${found(p, "byte", "bytes").id}; paling banyak ${p.limit} byte.`,
    en: (p) => `The GraphQL document is too large${found(p, "byte", "bytes").en}; at most ${p.limit} bytes.`,
  },
  TOO_MANY_TOKENS: {
    id: (p) => `Dokumen GraphQL terlalu panjang: lebih dari ${p.limit} token.`,
    en: (p) => `The GraphQL document is too long: more than ${p.limit} tokens.`,
  },
  TOO_MANY_ALIASES: {
    id: (p) => `Terlalu banyak alias dalam satu operasi${found(p, "alias", "aliases").id}; paling banyak ${p.limit}.`,
    en: (p) => `Too many aliases in one operation${found(p, "alias", "aliases").en}; at most ${p.limit}.`,
  },
  QUERY_TOO_DEEP: {
    id: (p) => `Kueri bersarang terlalu dalam${found(p, "tingkat", "levels").id}; paling banyak ${p.limit} tingkat.`,
    en: (p) => `The query is nested too deeply${found(p, "tingkat", "levels").en}; at most ${p.limit} levels.`,
  },
  TOO_MANY_DIRECTIVES: {
    id: (p) => `Terlalu banyak direktif dalam satu operasi${found(p, "direktif", "directives").id}; paling banyak ${p.limit}.`,
    en: (p) => `Too many directives in one operation${found(p, "direktif", "directives").en}; at most ${p.limit}.`,
  },
  QUERY_TOO_COSTLY: {
    id: (p) =>
      `Kueri terlalu berat${p.found !== undefined ? ` (biaya ${p.found})` : ""}; paling banyak ${p.limit}. Pecah menjadi beberapa permintaan.`,
    en: (p) => `The query is too costly${p.found !== undefined ? ` (cost ${p.found})` : ""}; at most ${p.limit}. Split it into several requests.`,
  },
  DOCUMENT_NOT_TRUSTED: {
    id: "Server ini hanya menerima operasi dari SDK JMO.",
    en: "This server accepts only the operations of the JMO SDK.",
  },
};

export function operationLimitMessage(detail: OperationLimitDetail, locale: Locale, params: Params = {}): string {
  return render(operationLimits[detail], locale, params);
}

/** Notification kinds (modules/notifications): the kotak masuk's texts, rendered when read from a kind and its params. */
export type NotificationTextKind =
  | "KLAIM_STATUS"
  | "PENGKINIAN_RESULT"
  | "NEW_DEVICE_SIGN_IN"
  | "IURAN_PAYMENT"
  | "IURAN_DUE"
  | "PENGADUAN_REPLY"
  | "PENGADUAN_STATUS"
  | "KECELAKAAN_STATUS"
  | "ANTREAN_BOOKED"
  | "ANTREAN_REMINDER";

/** Statuses named in notifications (klaim, pengkinian, pengaduan, kecelakaan kerja); an unknown one shows as sent. */
const NOTIFIED_STATUS_LABELS: Record<string, { id: string; en: string }> = {
  AGENDA: { id: "Diajukan", en: "Submitted" },
  VERIFIKASI: { id: "Verifikasi", en: "Being verified" },
  PENETAPAN: { id: "Penetapan", en: "Approved" },
  PEMBAYARAN: { id: "Pembayaran", en: "Being paid" },
  SELESAI: { id: "Selesai", en: "Completed" },
  DITOLAK: { id: "Ditolak", en: "Rejected" },
  DIBATALKAN: { id: "Dibatalkan", en: "Cancelled" },
  TERVERIFIKASI: { id: "Terverifikasi", en: "Verified" },
  DITERIMA: { id: "Diterima", en: "Received" },
  DIPROSES: { id: "Diproses", en: "In progress" },
  DILAPORKAN: { id: "Dilaporkan", en: "Reported" },
  DIVERIFIKASI: { id: "Diverifikasi", en: "Verified" },
  DITINDAKLANJUTI: { id: "Ditindaklanjuti", en: "Followed up" },
};

const statusLabel = (p: Params, locale: Locale) => NOTIFIED_STATUS_LABELS[String(p.status)]?.[locale] ?? String(p.status ?? "");
const reasonSuffix = (p: Params, prefix: string) => (p.reason ? ` ${prefix}: ${p.reason}` : "");

/** "1250000.00" → "Rp1.250.000" (id) or "Rp1,250,000" (en); sen shown only when there are any. */
function rupiahWords(amount: string | number | undefined, locale: Locale): string {
  const [whole = "0", fraction = "00"] = String(amount ?? "0").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "id" ? "." : ",");
  return `Rp${grouped}${fraction !== "00" ? (locale === "id" ? "," : ".") + fraction : ""}`;
}

/** "2026-12-31" → "31 Desember 2026" / "31 December 2026"; anything else as given. */
function dateWords(date: string | number | undefined, locale: Locale): string {
  const text = String(date ?? "");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${text}T00:00:00Z`));
}

/** The branch booking's service in words (antrean notifications). */
const ANTREAN_LAYANAN_LABELS: Record<string, { id: string; en: string }> = {
  KLAIM_JHT: { id: "klaim JHT", en: "JHT claim" },
  KLAIM_JKM: { id: "klaim JKM", en: "JKM claim" },
  KLAIM_JKK: { id: "klaim JKK", en: "JKK claim" },
  KLAIM_JP: { id: "klaim JP", en: "JP claim" },
  KLAIM_JKP: { id: "klaim JKP", en: "JKP claim" },
  PENGKINIAN: { id: "pengkinian data", en: "data update" },
  LAINNYA: { id: "layanan", en: "service" },
};
const layananWords = (layanan: string | number | undefined, locale: Locale) => ANTREAN_LAYANAN_LABELS[String(layanan)]?.[locale] ?? (locale === "id" ? "layanan" : "service");

type NotificationMessage = { title: Message; body: Message };

const KLAIM_STATUS_BODIES: Record<string, { id: string; en: string }> = {
  AGENDA: { id: "Klaim JHT Anda telah diajukan dan masuk agenda. Setiap perubahan statusnya akan diberitahukan di sini.", en: "Your JHT claim was submitted and is on the agenda. Every change of its status will be announced here." },
  VERIFIKASI: { id: "Klaim JHT Anda sedang diverifikasi.", en: "Your JHT claim is being verified." },
  PENETAPAN: { id: "Klaim JHT Anda telah ditetapkan dan akan dibayarkan ke rekening Anda.", en: "Your JHT claim was approved and will be paid to your bank account." },
  PEMBAYARAN: { id: "Pembayaran klaim JHT Anda sedang diproses ke rekening Anda.", en: "The payment of your JHT claim to your bank account is being processed." },
  SELESAI: { id: "Klaim JHT Anda telah dibayarkan ke rekening Anda.", en: "Your JHT claim was paid to your bank account." },
  DITOLAK: { id: "Klaim JHT Anda ditolak.", en: "Your JHT claim was rejected." },
  DIBATALKAN: { id: "Klaim JHT Anda telah dibatalkan.", en: "Your JHT claim was cancelled." },
};

const notificationMessages: Record<NotificationTextKind, NotificationMessage> = {
  KLAIM_STATUS: {
    title: { id: (p) => `Klaim ${p.nomor}: ${statusLabel(p, "id")}`, en: (p) => `Claim ${p.nomor}: ${statusLabel(p, "en")}` },
    body: {
      id: (p) => (KLAIM_STATUS_BODIES[String(p.status)]?.id ?? `Status klaim JHT Anda sekarang ${statusLabel(p, "id")}.`) + reasonSuffix(p, "Alasan"),
      en: (p) => (KLAIM_STATUS_BODIES[String(p.status)]?.en ?? `Your JHT claim is now ${statusLabel(p, "en")}.`) + reasonSuffix(p, "Reason"),
    },
  },
  PENGKINIAN_RESULT: {
    title: {
      id: (p) => (p.status === "TERVERIFIKASI" ? "Pengkinian data berhasil" : "Pengkinian data ditolak"),
      en: (p) => (p.status === "TERVERIFIKASI" ? "Data update verified" : "Data update rejected"),
    },
    body: {
      id: (p) => (p.status === "TERVERIFIKASI" ? "Data Anda telah terverifikasi dan diperbarui." : `Pengkinian data Anda ditolak.${reasonSuffix(p, "Alasan")}`),
      en: (p) => (p.status === "TERVERIFIKASI" ? "Your data was verified and updated." : `Your data update was rejected.${reasonSuffix(p, "Reason")}`),
    },
  },
  NEW_DEVICE_SIGN_IN: {
    title: { id: "Masuk dari perangkat baru", en: "Sign-in from a new device" },
    body: {
      id: (p) => `Akun JMO Anda baru saja masuk dari ${p.device ? p.device : "perangkat baru"}. Jika ini bukan Anda, segera ganti kata sandi dan hubungi BPJS Ketenagakerjaan di 175.`,
      en: (p) => `Your JMO account was just signed in from ${p.device ? p.device : "a new device"}. If this was not you, change your password at once and call BPJS Ketenagakerjaan on 175.`,
    },
  },
  IURAN_PAYMENT: {
    title: { id: "Iuran BPU diterima", en: "BPU contribution received" },
    body: {
      id: (p) => `Pembayaran iuran ${rupiahWords(p.amount, "id")} untuk ${p.months} bulan (kartu ${p.kpjMasked}) telah diterima. Nomor bukti: ${p.receiptNumber}.`,
      en: (p) => `Your contribution payment of ${rupiahWords(p.amount, "en")} for ${p.months} month(s) (card ${p.kpjMasked}) was received. Receipt number: ${p.receiptNumber}.`,
    },
  },
  IURAN_DUE: {
    title: { id: "Iuran BPU segera jatuh tempo", en: "BPU contribution due soon" },
    body: {
      id: (p) => `Perlindungan kartu ${p.kpjMasked} berlaku sampai ${dateWords(p.protectedUntil, "id")}. Bayar iuran bulan berikutnya agar tetap terlindungi.`,
      en: (p) => `Card ${p.kpjMasked} is protected until ${dateWords(p.protectedUntil, "en")}. Pay the next month's contribution to stay protected.`,
    },
  },
  PENGADUAN_REPLY: {
    title: { id: (p) => `Balasan pengaduan ${p.nomor ?? ""}`.trim(), en: (p) => `Reply to complaint ${p.nomor ?? ""}`.trim() },
    body: {
      id: (p) => `Petugas membalas pengaduan Anda${p.nomor ? ` ${p.nomor}` : ""}. Buka pengaduan untuk membaca balasannya.`,
      en: (p) => `Staff replied to your complaint${p.nomor ? ` ${p.nomor}` : ""}. Open it to read the reply.`,
    },
  },
  PENGADUAN_STATUS: {
    title: { id: (p) => `Pengaduan ${p.nomor ?? ""}: ${statusLabel(p, "id")}`, en: (p) => `Complaint ${p.nomor ?? ""}: ${statusLabel(p, "en")}` },
    body: {
      id: (p) => `Status pengaduan Anda sekarang ${statusLabel(p, "id")}.${reasonSuffix(p, "Alasan")}`,
      en: (p) => `Your complaint is now ${statusLabel(p, "en")}.${reasonSuffix(p, "Reason")}`,
    },
  },
  KECELAKAAN_STATUS: {
    title: {
      id: (p) => `Laporan kecelakaan kerja ${p.nomor ?? ""}: ${statusLabel(p, "id")}`,
      en: (p) => `Work accident report ${p.nomor ?? ""}: ${statusLabel(p, "en")}`,
    },
    body: {
      id: (p) => `Status laporan kecelakaan kerja Anda sekarang ${statusLabel(p, "id")}.${reasonSuffix(p, "Alasan")}`,
      en: (p) => `Your work accident report is now ${statusLabel(p, "en")}.${reasonSuffix(p, "Reason")}`,
    },
  },
  ANTREAN_BOOKED: {
    title: { id: (p) => `Antrean ${p.code ?? ""} terdaftar`, en: (p) => `Booking ${p.code ?? ""} confirmed` },
    body: {
      id: (p) => `Antrean ${layananWords(p.layanan, "id")} di ${p.kanalName} pada ${dateWords(p.slotDate, "id")} pukul ${p.slotTime} ${p.zona}. Tunjukkan kode atau QR di loket.`,
      en: (p) => `Your ${layananWords(p.layanan, "en")} visit to ${p.kanalName} is on ${dateWords(p.slotDate, "en")} at ${p.slotTime} ${p.zona}. Show the code or QR at the counter.`,
    },
  },
  ANTREAN_REMINDER: {
    title: { id: (p) => `Besok: antrean ${p.code ?? ""}`, en: (p) => `Tomorrow: booking ${p.code ?? ""}` },
    body: {
      id: (p) => `Pengingat: antrean ${layananWords(p.layanan, "id")} di ${p.kanalName} pada ${dateWords(p.slotDate, "id")} pukul ${p.slotTime} ${p.zona}. Bawa KTP dan dokumen yang diperlukan.`,
      en: (p) => `Reminder: your ${layananWords(p.layanan, "en")} visit to ${p.kanalName} is on ${dateWords(p.slotDate, "en")} at ${p.slotTime} ${p.zona}. Bring your KTP and the documents needed.`,
    },
  },
};

/** A notification's title and body in the reader's language. */
export function notificationText(kind: NotificationTextKind, locale: Locale, params: Params): { title: string; body: string } {
  const message = notificationMessages[kind];
  return { title: render(message.title, locale, params), body: render(message.body, locale, params) };
}
