import type { Config } from "../config/environment.ts";
import type { Database } from "../db/database.ts";
import { accountRepository } from "../modules/accounts/account.repository.ts";
import { ACCOUNT_EVENTS_TOPIC, AuthService } from "../modules/accounts/auth.service.ts";
import { TokenService } from "../modules/accounts/tokens.ts";
import { RateLimiter } from "../modules/accounts/rate-limit.ts";
import { DeviceTokenService } from "../modules/accounts/device-token.ts";
import { LoginLockout } from "../modules/accounts/login-lockout.service.ts";
import { SandboxNotifier, type NotifierPort } from "../modules/accounts/notifier.ts";
import { VerificationCodes } from "../modules/accounts/verification-codes.ts";
import { RegistrationService } from "../modules/accounts/registration.service.ts";
import { PasswordResetService } from "../modules/accounts/password-reset.service.ts";
import { PgEventBus } from "../modules/events/event-bus.ts";
import { EVERY_SESSION, SESSION_ENDED_TOPIC } from "../modules/accounts/session-events.ts";
import { SandboxFaceMatch, type FaceMatchPort } from "../modules/reference/selfie.ts";
import { SelfieDecodePool } from "../modules/reference/selfie-decode.pool.ts";
import { ParticipantService } from "../modules/participants/participant.service.ts";
import { PENGKINIAN_STATUS_TOPIC, PengkinianService } from "../modules/pengkinian/pengkinian.service.ts";
import { pengkinianRepository } from "../modules/pengkinian/pengkinian.repository.ts";
import { SandboxPengkinianVerifier } from "../modules/pengkinian/verifier.ts";
import { PengkinianContacts } from "../modules/pengkinian/pengkinian-contacts.ts";
import { AccountBlockService } from "../modules/accounts/account-block.service.ts";
import { SaldoService } from "../modules/saldo/saldo.service.ts";
import { CardService } from "../modules/cards/card.service.ts";
import { DigitalCardService } from "../modules/cards/digital-card.service.ts";
import { BpuCardService } from "../modules/cards/bpu-card.service.ts";
import { SimulasiService } from "../modules/simulasi/simulasi.service.ts";
import { SandboxBank, type BankTransferPort } from "../modules/klaim/bank.ts";
import { KlaimWorker, type Clock } from "../modules/klaim/klaim.worker.ts";
import { KlaimStaffService } from "../modules/klaim/klaim-staff.service.ts";
import { KLAIM_EVENTS_TOPIC } from "../modules/klaim/klaim-events.ts";
import { klaimProcessingRepository } from "../modules/klaim/klaim-processing.repository.ts";
import { totalsOf } from "../modules/saldo/jht-engine.ts";
import { KlaimService } from "../modules/klaim/klaim.service.ts";
import { RulesService } from "../modules/rules/rules.service.ts";
import { todayWib } from "../modules/saldo/saldo.service.ts";
import { createHmac } from "node:crypto";
import { IURAN_BPU_EVENTS_TOPIC, IuranService } from "../modules/iuran/iuran.service.ts";
import { SandboxPaymentGateway, type PaymentGatewayPort } from "../modules/iuran/payment-gateway.ts";
import { PengaduanService } from "../modules/pengaduan/pengaduan.service.ts";
import { DatabaseAttachmentStore } from "../modules/pengaduan/pengaduan-attachments.ts";
import { NOTIFICATIONS_TOPIC, NotificationService } from "../modules/notifications/notifications.service.ts";
import { KecelakaanService } from "../modules/kecelakaan/kecelakaan.service.ts";
import { ManfaatService } from "../modules/manfaat/manfaat.service.ts";
import { KlaimProgramService } from "../modules/klaim-program/klaim-program.service.ts";

import { KanalService } from "../modules/kanal/kanal.service.ts";
import { AntreanService } from "../modules/antrean/antrean.service.ts";
import { SignedTokens } from "../common/signed-token.ts";
import { BeritaService } from "../modules/berita/berita.service.ts";
import { HttpImageProbe, type ImageProbePort } from "../modules/berita/berita.image.ts";
/** Every service of the API, built once per server instance. */
export function createServices(config: Config, database: Database) {
  const events = new PgEventBus(database);
  // The session row is the stored event; the NOTIFY names the session (or "*": all of the account's).
  events.register(SESSION_ENDED_TOPIC, async (id) => ({ sessionId: id === EVERY_SESSION ? null : id }));
  events.register(ACCOUNT_EVENTS_TOPIC, async (id) => (await accountRepository.findEvent(database.db, id)) ?? null);
  // A status event delivers the pengkinian as it is when the event arrives.
  events.register(PENGKINIAN_STATUS_TOPIC, async (id) => {
    const event = await pengkinianRepository.findEvent(database.db, id);
    return (event && (await pengkinianRepository.findById(database.db, event.pengkinianId))) ?? null;
  });
  // A claim's status event is delivered as stored (KlaimEvent), routed by the claim's id.
  events.register(KLAIM_EVENTS_TOPIC, async (id) => (await klaimProcessingRepository.findEvent(database.db, id)) ?? null);
  const tokens = new TokenService(config.tokenSecret, config.accessTokenTtlSeconds);
  const saldo = new SaldoService(database);
  /** Informasi manfaat is stateless: one instance serves its resolver and klaimProgram. */
  const manfaat = new ManfaatService();
  const rateLimiter = new RateLimiter(database, config.tokenSecret);
  // Email and SMS go to the outbox table; codes are also logged in development only (never in production or tests).
  const notifier: NotifierPort = new SandboxNotifier({ logCodes: config.env === "development" });
  // Selfie pixels are decoded in worker threads, never on the event loop; stop() closes the pool.
  const selfieDecoder = new SelfieDecodePool();
  // Sign-in attempts counted per identifier, or per verified device (device tokens), before the password check.
  const lockout = new LoginLockout(database, config.tokenSecret, new DeviceTokenService(config.tokenSecret, config.deviceTokenTtlDays));
  const auth = new AuthService(database, tokens, config.refreshTokenTtlDays, rateLimiter, lockout);
  // Iuran BPU: the sandbox payment provider outside production (none in production until a real one is configured);
  // its callback secret is derived from the token secret, so nothing else needs configuring.
  const sandboxGateway: SandboxPaymentGateway | null = config.sandbox
    ? new SandboxPaymentGateway(database, createHmac("sha256", config.tokenSecret).update("iuran-bpu-sandbox-callbacks").digest("hex"), (): Date => services.iuranClock.now())
    : null;
  const gateways = new Map<string, PaymentGatewayPort>(sandboxGateway ? [[sandboxGateway.provider, sandboxGateway]] : []);
  const services = {
    database,
    events,
    tokens,
    auth,
    rateLimiter,
    notifier,
    registrations: new RegistrationService(database, { codes: new VerificationCodes(config.tokenSecret, notifier), auth, rateLimiter, notifier }),
    passwordResets: new PasswordResetService(database, { notifier, rateLimiter, lockout }),
    participants: new ParticipantService(database),
    /** Selfie vs. participant: the contract's sandbox rule until a real provider is configured; tests may swap it. */
    selfieDecoder,
    faceMatch: new SandboxFaceMatch(selfieDecoder) as FaceMatchPort,
    // Reads services.faceMatch at each call, so a swapped port is the one used.
    pengkinian: new PengkinianService(database, {
      verifier: new SandboxPengkinianVerifier(),
      faceMatch: { verify: (image, participant): ReturnType<FaceMatchPort["verify"]> => services.faceMatch.verify(image, participant) },
      verifyDelaySeconds: config.pengkinianVerifyDelaySeconds,
      selfie: { maxMegapixels: config.selfieMaxMegapixels },
      // A new email or phone in DATA_KONTAK: the registration's codes, rate limits and outbox.
      contacts: new PengkinianContacts({ codes: new VerificationCodes(config.tokenSecret, notifier), rateLimiter, notifier }),
    }),
    accountBlocks: new AccountBlockService(database, lockout),
    saldo,
    cards: new CardService(database),
    digitalCards: new DigitalCardService(database, config.tokenSecret, config.digitalCardTtlHours),
    /** A new BPU card's first contribution: staff record it; the sandbox path is refused in production. */
    bpuCards: new BpuCardService(database, { sandbox: config.sandbox, today: () => todayWib() }),
    simulasi: new SimulasiService(saldo),
    /** The time the klaim worker and the sandbox bank go by; tests swap `now` to reach a banking window. */
    klaimClock: { now: () => new Date() } as Clock,
    /** JHT payments: the sandbox bank until a real one is configured; tests may swap it. */
    bank: new SandboxBank(database, (): Date => services.klaimClock.now()) as BankTransferPort,
    // Reads services.bank and services.klaimClock at each call, so swapped ones are used.
    klaimWorker: new KlaimWorker(database, {
      bank: { transfer: (req): ReturnType<BankTransferPort["transfer"]> => services.bank.transfer(req) },
      saldoOf: async (cardId) => totalsOf((await saldo.forCards([cardId])).get(cardId)!.years).totalSen,
      stepDelaySeconds: config.klaimStepDelaySeconds,
      clock: { now: (): Date => services.klaimClock.now() },
      // Penetapan checks the participant-level rules again (another card AKTIF, the limit, another open claim).
      recheck: (klaim): ReturnType<KlaimService["recheck"]> => services.klaim.recheck(klaim),
    }),
    klaimStaff: new KlaimStaffService(database, { now: (): Date => services.klaimClock.now() }),
    klaim: new KlaimService(database, saldo, {
      faceMatch: { verify: (image, participant): ReturnType<FaceMatchPort["verify"]> => services.faceMatch.verify(image, participant) },
      // The claim date follows the klaim clock, so tests can evaluate a claim on a past day (the dated JMO limit).
      today: (): string => todayWib(services.klaimClock.now()),
      selfie: { maxMegapixels: config.selfieMaxMegapixels },
    }),
    rules: new RulesService(database),
    /** The time iuran payments and their jobs go by; tests move it forward. */
    iuranClock: { now: () => new Date() } as Clock,
    /** The kotak masuk's reads and retention job (writes: recordNotification, in each event's transaction). */
    notifications: new NotificationService(database),
    sandboxGateway,
    iuran: new IuranService(database, {
      gateways,
      notifier,
      now: (): Date => services.iuranClock.now(),
      today: (): string => todayWib(services.iuranClock.now()),
      sandbox: config.sandbox,
    }),
    /** The time "open now" of service points goes by; tests move it. */
    kanalClock: { now: () => new Date() } as Clock,
    kanal: new KanalService(database, { now: (): Date => services.kanalClock.now() }),
    /** The time branch bookings go by (slots past, the booking window, reminders); tests move it. */
    antreanClock: { now: () => new Date() } as Clock,
    /** Antrean kantor cabang: slots, bookings, the QR (signed like the digital card), staff marks, reminders. */
    antrean: new AntreanService(database, { now: (): Date => services.antreanClock.now(), signer: new SignedTokens(config.tokenSecret) }),
    /** The time publication goes by (a scheduled item appears when it passes publishAt); tests move it. */
    beritaClock: { now: () => new Date() } as Clock,
    /** News and promos; pictures checked over HTTP (loopback allowed only in the sandbox, for tests). */
    berita: new BeritaService(database, { images: new HttpImageProbe({ allowLoopback: config.sandbox }) as ImageProbePort, now: (): Date => services.beritaClock.now() }),
    /** Pelaporan kecelakaan kerja: member reports, staff statuses, notifications. */
    kecelakaan: new KecelakaanService(database, { now: () => new Date() }),
    /** Informasi manfaat: the programs' dated benefits and what a card covers. */
    manfaat,
    /** Klaim program lain: JKM, JKK, JP and JKP claim guidance and the member's candidate answer (BPU protection from iuran). */
    klaimProgram: new KlaimProgramService(database, {
      manfaat,
      bpuProtection: async (auth, cardId): Promise<{ protected: boolean; jht: boolean }> => {
        const view: Awaited<ReturnType<IuranService["bill"]>> = await services.iuran.bill(auth, cardId);
        return { protected: view.bill.protection === "DILINDUNGI", jht: view.jht };
      },
    }),
    /** Tickets; attachments in the database behind AttachmentStorePort (swap it for a file or object store). */
    pengaduan: new PengaduanService(database, { attachments: new DatabaseAttachmentStore(database), now: () => new Date() }),
  };
  // A payment's status event is delivered with the payment as it is then, routed by the card's id.
  events.register(IURAN_BPU_EVENTS_TOPIC, (id): Promise<unknown> => services.iuran.findEvent(id));
  // A new notification is delivered as stored, routed by the participant's id.
  events.register(NOTIFICATIONS_TOPIC, (id): Promise<unknown> => services.notifications.findById(id));
  return services;
}

export type Services = ReturnType<typeof createServices>;
