import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { employers, type EmployerRow } from "./employer.table.ts";

export const employerRepository = {
  async findByIds(db: DbOrTx, ids: readonly string[]): Promise<EmployerRow[]> {
    return db.select().from(employers).where(inArray(employers.id, [...ids]));
  },
};
