// Demo data (issue 15): Siti reported a fall at work on her AKTIF card two days before `today`; staff verified it the
// next day, which sent her a notification. Written as the flow writes them: the report, its events, the notification.
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/database.ts";
import { cards } from "../cards/card.table.ts";
import { employers } from "../employers/employer.table.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import { notifications } from "../notifications/notifications.table.ts";
import { kecelakaanReportEvents, kecelakaanReports } from "./kecelakaan.table.ts";

const SITI_AKTIF_KPJ = "23098765434";

/** A WIB wall-clock time `daysAgo` days before `today`. */
function wib(today: string, daysAgo: number, time: string): Date {
  const at = new Date(`${today}T${time}:00+07:00`);
  at.setUTCDate(at.getUTCDate() - daysAgo);
  return at;
}

export async function seedDemoKecelakaan(tx: Tx, today: string): Promise<void> {
  const [card] = await tx.select().from(cards).where(eq(cards.kpj, SITI_AKTIF_KPJ)).limit(1);
  if (!card?.participantId || card.status !== "AKTIF") return;
  const [employer] = card.employerId ? await tx.select().from(employers).where(eq(employers.id, card.employerId)).limit(1) : [];
  const reportedAt = wib(today, 2, "14:00");
  const verifiedAt = wib(today, 1, "10:30");
  const [report] = await tx
    .insert(kecelakaanReports)
    .values({
      // Numbered for the day it was reported, like the flow's.
      nomor: sql`'KK-' || ${todayWib(reportedAt).replaceAll("-", "")} || '-' || lpad(nextval('kecelakaan_nomor_seq')::text, 6, '0')`,
      participantId: card.participantId,
      cardId: card.id,
      employerId: employer?.id ?? null,
      employerName: employer?.name ?? null,
      employerNpp: employer?.npp ?? null,
      occurredAt: wib(today, 2, "08:15"),
      placeType: "DI_LOKASI_KERJA",
      address: "Gudang bahan baku, Jl. Soekarno-Hatta No. 45",
      // Dago, Coblong, Kota Bandung.
      villageCode: "3273021004",
      description: "Tersandung palet kayu di lorong gudang saat mendorong troli, jatuh dengan tangan kanan menahan badan.",
      injury: "Pergelangan tangan kanan bengkak dan nyeri",
      treated: true,
      treatmentPlace: "Klinik Pratama Sehat Bersama",
      witnesses: [{ name: "Dedi Kurniawan", phone: "+6281311112222" }],
      status: "DIVERIFIKASI",
      idempotencyKey: "demo-kecelakaan-siti",
      reportedAt,
      updatedAt: verifiedAt,
    })
    .returning();
  await tx.insert(kecelakaanReportEvents).values([
    { reportId: report!.id, status: "DILAPORKAN", at: reportedAt },
    { reportId: report!.id, status: "DIVERIFIKASI", note: "Pemberi kerja sudah mengirim laporan tahap I.", at: verifiedAt },
  ]);
  await tx.insert(notifications).values({
    participantId: card.participantId,
    kind: "KECELAKAAN_STATUS",
    params: { nomor: report!.nomor, status: "DIVERIFIKASI", reason: "Pemberi kerja sudah mengirim laporan tahap I." },
    subjectType: "KecelakaanKerjaReport",
    subjectId: report!.id,
    createdAt: verifiedAt,
  });
}
