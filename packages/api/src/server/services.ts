import type { Config } from "../config/environment.ts";
import type { Database } from "../db/database.ts";
import { accountRepository } from "../modules/accounts/account.repository.ts";
import { ACCOUNT_EVENTS_TOPIC, AuthService } from "../modules/accounts/auth.service.ts";
import { TokenService } from "../modules/accounts/tokens.ts";
import { PgEventBus } from "../modules/events/event-bus.ts";
import { ParticipantService } from "../modules/participants/participant.service.ts";

/** Every service of the API, built once per server instance. */
export function createServices(config: Config, database: Database) {
  const events = new PgEventBus(database);
  events.register(ACCOUNT_EVENTS_TOPIC, async (id) => (await accountRepository.findEvent(database.db, id)) ?? null);
  const tokens = new TokenService(config.tokenSecret, config.accessTokenTtlSeconds);
  return {
    database,
    events,
    tokens,
    auth: new AuthService(database, tokens, config.refreshTokenTtlDays),
    participants: new ParticipantService(database),
  };
}

export type Services = ReturnType<typeof createServices>;
