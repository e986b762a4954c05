import type { Config } from "../config/environment.ts";
import type { Database } from "../db/database.ts";
import { accountRepository } from "../modules/accounts/account.repository.ts";
import { ACCOUNT_EVENTS_TOPIC, AuthService } from "../modules/accounts/auth.service.ts";
import { TokenService } from "../modules/accounts/tokens.ts";
import { PgEventBus } from "../modules/events/event-bus.ts";
import { SandboxFaceMatch, type FaceMatchPort } from "../modules/reference/selfie.ts";
import { ParticipantService } from "../modules/participants/participant.service.ts";
import { PENGKINIAN_STATUS_TOPIC, PengkinianService } from "../modules/pengkinian/pengkinian.service.ts";
import { pengkinianRepository } from "../modules/pengkinian/pengkinian.repository.ts";
import { SandboxPengkinianVerifier } from "../modules/pengkinian/verifier.ts";
import { AccountBlockService } from "../modules/accounts/account-block.service.ts";
import { SaldoService } from "../modules/saldo/saldo.service.ts";
import { CardService } from "../modules/cards/card.service.ts";
import { DigitalCardService } from "../modules/cards/digital-card.service.ts";
import { SimulasiService } from "../modules/simulasi/simulasi.service.ts";

/** Every service of the API, built once per server instance. */
export function createServices(config: Config, database: Database) {
  const events = new PgEventBus(database);
  events.register(ACCOUNT_EVENTS_TOPIC, async (id) => (await accountRepository.findEvent(database.db, id)) ?? null);
  // A status event delivers the pengkinian as it is when the event arrives.
  events.register(PENGKINIAN_STATUS_TOPIC, async (id) => {
    const event = await pengkinianRepository.findEvent(database.db, id);
    return (event && (await pengkinianRepository.findById(database.db, event.pengkinianId))) ?? null;
  });
  const tokens = new TokenService(config.tokenSecret, config.accessTokenTtlSeconds);
  const saldo = new SaldoService(database);
  const services = {
    database,
    events,
    tokens,
    auth: new AuthService(database, tokens, config.refreshTokenTtlDays),
    participants: new ParticipantService(database),
    /** Selfie vs. participant: the contract's sandbox rule until a real provider is configured; tests may swap it. */
    faceMatch: new SandboxFaceMatch() as FaceMatchPort,
    // Reads services.faceMatch at each call, so a swapped port is the one used.
    pengkinian: new PengkinianService(database, {
      verifier: new SandboxPengkinianVerifier(),
      faceMatch: { verify: (image, participant): ReturnType<FaceMatchPort["verify"]> => services.faceMatch.verify(image, participant) },
      verifyDelaySeconds: config.pengkinianVerifyDelaySeconds,
    }),
    accountBlocks: new AccountBlockService(database),
    saldo,
    cards: new CardService(database),
    digitalCards: new DigitalCardService(database, config.tokenSecret, config.digitalCardTtlHours),
    simulasi: new SimulasiService(saldo),
  };
  return services;
}

export type Services = ReturnType<typeof createServices>;
