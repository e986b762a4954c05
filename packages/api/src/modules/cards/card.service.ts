import { and, eq, isNull } from "drizzle-orm";
import { UserErrorCode } from "@jmo/schema";
import type { Database } from "../../db/database.ts";
import { DomainError } from "../../common/errors.ts";
import { sameSecret } from "../accounts/identity-gates.ts";
import { participants } from "../participants/participant.table.ts";
import { cards, type LinkedCardRow } from "./card.table.ts";

export class CardService {
  constructor(private readonly database: Database) {}

  /**
   * "Tambah kartu": links a card found by its KPJ to the participant, when the card was registered with the
   * participant's NIK and the birth date given (which must also be the participant's). Whatever does not
   * match, the answer is the same, so the mutation cannot be used to learn about other people's cards.
   */
  async add(participantId: string, kpjInput: string, birthDate: string): Promise<LinkedCardRow> {
    const kpj = kpjInput.replace(/[\s.-]/g, "");
    if (!/^\d{11}$/.test(kpj)) throw new DomainError(UserErrorCode.CARD_NOT_MATCHED, ["input", "kpj"]);
    return this.database.db.transaction(async (tx) => {
      const [me] = await tx.select().from(participants).where(eq(participants.id, participantId));
      const [card] = await tx.select().from(cards).where(eq(cards.kpj, kpj)).for("update");
      if (!me || !card) throw new DomainError(UserErrorCode.CARD_NOT_MATCHED, ["input", "kpj"]);
      if (card.participantId === participantId) throw new DomainError(UserErrorCode.CARD_ALREADY_ADDED, ["input", "kpj"]);
      const matches =
        card.participantId === null &&
        sameSecret(card.registeredNik, me.nik) &&
        card.registeredBirthDate === birthDate &&
        me.birthDate === birthDate;
      if (!matches) throw new DomainError(UserErrorCode.CARD_NOT_MATCHED, ["input", "kpj"]);
      const [linked] = await tx
        .update(cards)
        .set({ participantId })
        .where(and(eq(cards.id, card.id), isNull(cards.participantId)))
        .returning();
      if (!linked) throw new DomainError(UserErrorCode.CARD_NOT_MATCHED, ["input", "kpj"]);
      return linked as LinkedCardRow;
    });
  }
}
