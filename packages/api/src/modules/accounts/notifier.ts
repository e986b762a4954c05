import type { DbOrTx } from "../../db/database.ts";
import { logger } from "../../common/logger.ts";
import { outbox } from "./registration.table.ts";

export type NotifierChannel = "EMAIL" | "SMS";
export type NotifierTemplate =
  | "REGISTRATION_EMAIL_CODE"
  | "REGISTRATION_SMS_CODE"
  | "PASSWORD_RESET"
  // A new email or phone entered in pengkinian DATA_KONTAK gets a code; the old one hears when the sign-in one changed.
  | "PENGKINIAN_EMAIL_CODE"
  | "PENGKINIAN_SMS_CODE"
  | "SIGN_IN_CONTACT_CHANGED"
  // A BPU_NEW registration's new card: its full KPJ and the first contribution to pay (issue 11, finding 6).
  | "BPU_CARD_CREATED"
  // Iuran BPU: protection ends in a few days (iuran/iuran.service.ts runDaily).
  | "IURAN_BPU_REMINDER";

export interface OutgoingMessage {
  channel: NotifierChannel;
  /** Email address or E.164 phone number. */
  to: string;
  template: NotifierTemplate;
  params: Record<string, string | number>;
}

/**
 * Sends email and SMS. `send` takes the caller's transaction, so a message exists only if what it announces
 * (a code, a reset token) was committed: a real adapter writes the same outbox row and a worker delivers it.
 */
export interface NotifierPort {
  send(db: DbOrTx, message: OutgoingMessage): Promise<void>;
}

/**
 * The sandbox adapter (the contract's "nothing leaves the machine"): every message is a row in `outbox`, which tests
 * read. With `logCodes` (development only, never production: see services.ts) the log also prints each code or token
 * at info level so a developer can finish a registration from the terminal.
 */
export class SandboxNotifier implements NotifierPort {
  constructor(private readonly options: { logCodes: boolean }) {}

  async send(db: DbOrTx, message: OutgoingMessage): Promise<void> {
    await db.insert(outbox).values({ channel: message.channel, destination: message.to, template: message.template, params: message.params });
    if (this.options.logCodes) {
      const secret = message.params.code ?? message.params.token;
      // A message without a code (e.g. BPU_CARD_CREATED, which carries a full KPJ) is named, never printed.
      logger.info(
        { channel: message.channel, template: message.template },
        secret === undefined ? `sandbox outbox: ${message.template} for ${message.to}` : `sandbox outbox: code for ${message.to}: ${secret}`,
      );
    }
  }
}
