// Demo data: Siti's open ticket (issue 15: "one open pengaduan for Siti"). An IURAN question on her AKTIF card, filed
// two days before `today`, that staff took up (DIPROSES) and answered once, so the conversation and the staff queue
// both have something to show.
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/database.ts";
import { accounts } from "../accounts/account.table.ts";
import { cards } from "../cards/card.table.ts";
import { recordNotification } from "../notifications/notifications.service.ts";
import { dueAtFor, nomorOf } from "./pengaduan-sla.ts";
import { pengaduan, pengaduanDailyCounters, pengaduanMessages } from "./pengaduan.table.ts";

const DESCRIPTION =
  "Selamat siang. Di aplikasi, iuran bulan lalu pada kartu saya yang aktif belum muncul di riwayat iuran, padahal gaji saya " +
  "sudah dipotong untuk BPJS Ketenagakerjaan. Mohon dicek apakah perusahaan sudah membayar iurannya. Terima kasih.";
const STAFF_REPLY =
  "Terima kasih, Ibu Siti. Kami sudah meminta konfirmasi pembayaran iuran kepada pemberi kerja Ibu. Iuran yang dibayarkan " +
  "perusahaan biasanya tercatat paling lambat tanggal 15 bulan berikutnya; kami kabari kembali di sini.";

function daysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

export async function seedDemoPengaduan(tx: Tx, today: string): Promise<void> {
  const [siti] = await tx.select().from(accounts).where(eq(accounts.email, "siti@example.com"));
  const [petugas] = await tx.select().from(accounts).where(eq(accounts.email, "petugas@example.com"));
  const [card] = await tx.select().from(cards).where(eq(cards.kpj, "23098765434"));
  if (!siti?.participantId || !card) return;
  const day = daysBefore(today, 2);
  const filedAt = new Date(`${day}T09:15:00+07:00`);
  const takenUpAt = new Date(`${daysBefore(today, 1)}T10:30:00+07:00`);
  await tx.insert(pengaduanDailyCounters).values({ day, last: 1 });
  const [ticket] = await tx
    .insert(pengaduan)
    .values({
      nomor: nomorOf(day, 1),
      participantId: siti.participantId,
      cardId: card.id,
      kategori: "IURAN",
      subject: "Iuran bulan lalu belum tercatat",
      description: DESCRIPTION,
      status: "DIPROSES",
      statusReason: "Sedang kami periksa bersama pemberi kerja.",
      dueAt: dueAtFor("IURAN", filedAt),
      idempotencyKey: "demo-siti-pengaduan-1",
      createdAt: filedAt,
      updatedAt: takenUpAt,
    })
    .returning();
  await tx.insert(pengaduanMessages).values([
    { pengaduanId: ticket!.id, author: "PESERTA", authorAccountId: siti.id, body: DESCRIPTION, at: filedAt },
    { pengaduanId: ticket!.id, author: "PETUGAS", authorAccountId: petugas?.id ?? null, body: "Sedang kami periksa bersama pemberi kerja.", status: "DIPROSES", at: takenUpAt },
    { pengaduanId: ticket!.id, author: "PETUGAS", authorAccountId: petugas?.id ?? null, body: STAFF_REPLY, at: new Date(takenUpAt.getTime() + 5 * 60_000) },
  ]);
  const subject = { type: "Pengaduan", id: ticket!.id };
  await recordNotification(tx, { participantId: siti.participantId, kind: "PENGADUAN_STATUS", params: { nomor: ticket!.nomor, status: "DIPROSES", reason: "Sedang kami periksa bersama pemberi kerja." }, subject });
  await recordNotification(tx, { participantId: siti.participantId, kind: "PENGADUAN_REPLY", params: { nomor: ticket!.nomor }, subject });
}
