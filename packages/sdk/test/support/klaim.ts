import { klaims } from "../../../api/src/db/schema.ts";
import { toGlobalId } from "../../../api/src/common/global-id.ts";
import { appendKlaimEvent } from "../../../api/src/modules/klaim/klaim-events.ts";
import type { Harness } from "../../../api/test/support/harness.ts";

/**
 * A budi-like participant (NONAKTIF since 2024-12-31, pengkinian TERVERIFIKASI, 24 months of contributions) and
 * their submitted claim (AGENDA, event 1), written as klaimJhtSubmit leaves it.
 */
export async function submittedKlaim(h: Pick<Harness, "seed"> & { tdb: Pick<Harness["tdb"], "database"> }) {
  const p = await h.seed
    .participant({ fullName: "Budi Santoso", pengkinianStatus: "TERVERIFIKASI" })
    .withCard({ status: "NONAKTIF", registeredAt: "2023-01-01", nonaktifSince: "2024-12-31" })
    .withAccount()
    .build();
  await h.seed.contributionsFor(p.cards[0]!.id, { from: "2023-01", months: 24, wage: 5_000_000 });
  const id = await h.tdb.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(klaims)
      .values({
        participantId: p.participant.id,
        cardId: p.cards[0]!.id,
        sebab: "PHK",
        status: "AGENDA",
        bankCode: "009",
        bankAccountNumber: "1234567890",
        bankAccountName: "BUDI SANTOSO",
        saldoSen: 100_000n,
        pajakSen: 0n,
        dibayarkanSen: 100_000n,
        submittedAt: new Date(),
        nextActionAt: new Date(Date.now() - 1000),
      })
      .returning();
    await appendKlaimEvent(tx, row!.id, "AGENDA", "Agenda Klaim", "participant");
    return row!.id;
  });
  return { email: p.email!, klaimId: toGlobalId("Klaim", id), rowId: id, accountId: p.accountId!, participantId: p.participant.id };
}
