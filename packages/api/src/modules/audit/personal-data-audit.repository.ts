import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { personalDataAudit, type PersonalDataAuditInsert, type PersonalDataAuditRow } from "./personal-data-audit.table.ts";

/** Values must be masked by the caller (see common/mask.ts): the log records that data changed, not the data. */
export const personalDataAuditRepository = {
  async append(tx: DbOrTx, rows: PersonalDataAuditInsert[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.insert(personalDataAudit).values(rows);
  },

  async forParticipant(db: DbOrTx, participantId: string): Promise<PersonalDataAuditRow[]> {
    return db.select().from(personalDataAudit).where(eq(personalDataAudit.participantId, participantId)).orderBy(asc(personalDataAudit.at), asc(personalDataAudit.field));
  },

  async forAccount(db: DbOrTx, accountId: string): Promise<PersonalDataAuditRow[]> {
    return db.select().from(personalDataAudit).where(eq(personalDataAudit.accountId, accountId)).orderBy(asc(personalDataAudit.at));
  },
};
