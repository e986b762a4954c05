// Demo data (issue 15): published news and member promos for the demo personas to read, one article scheduled for
// tomorrow (visible to staff only until then) and one draft. Written as staff would leave them: Markdown and its
// rendered, sanitised HTML, by the demo staff account. Service points need no demo rows: the migration loads them.
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/database.ts";
import { accounts } from "../accounts/account.table.ts";
import { renderMarkdown } from "./berita.markdown.ts";
import { beritaItems } from "./berita.table.ts";

const STAFF_EMAIL = "petugas@example.com";

/** 09:00 WIB `days` days from `today` (negative: before). */
function at(today: string, days: number): Date {
  const d = new Date(`${today}T09:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}
const day = (today: string, days: number) => at(today, days).toISOString().slice(0, 10);

export async function seedDemoBerita(tx: Tx, today: string): Promise<void> {
  const [staff] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, STAFF_EMAIL)).limit(1);
  if (!staff) return;
  const article = (title: string, summary: string, body: string, status: string, publishAt: Date | null) => ({
    kind: "BERITA",
    status,
    title,
    summary,
    bodyMarkdown: body,
    bodyHtml: renderMarkdown(body),
    publishAt,
    createdBy: staff.id,
  });
  const promo = (title: string, partner: string, discount: string, provinceCodes: string[], from: number, until: number, terms: string) => ({
    kind: "PROMO",
    status: "PUBLISHED",
    title,
    summary: `${discount} dari ${partner} untuk peserta BPJS Ketenagakerjaan.`,
    bodyMarkdown: `Tunjukkan **kartu digital** di aplikasi saat bertransaksi di ${partner}.`,
    bodyHtml: renderMarkdown(`Tunjukkan **kartu digital** di aplikasi saat bertransaksi di ${partner}.`),
    publishAt: at(today, from),
    promoPartner: partner,
    promoDiscount: discount,
    promoValidFrom: day(today, from),
    promoValidUntil: day(today, until),
    promoProvinceCodes: provinceCodes,
    promoTermsMarkdown: terms,
    promoTermsHtml: renderMarkdown(terms),
    createdBy: staff.id,
  });
  await tx.insert(beritaItems).values([
    article(
      "Klaim JHT lewat JMO kini sampai Rp15 juta",
      "Sejak Mei 2025 saldo JHT hingga Rp15 juta dapat diklaim langsung di aplikasi.",
      "Peserta yang memenuhi syarat dapat mengajukan **klaim JHT** lewat aplikasi bila saldonya tidak lebih dari Rp15 juta.\n\n" +
        "Syaratnya:\n\n1. Kepesertaan nonaktif sekurangnya satu bulan\n2. Pengkinian data selesai\n3. Rekening atas nama sendiri\n\n" +
        "Saldo di atas batas itu diklaim lewat Lapak Asik atau kantor cabang.",
      "PUBLISHED",
      at(today, -20),
    ),
    article(
      "Cari kantor cabang terdekat di aplikasi",
      "Kantor cabang terdekat, jam layanan dan status buka kini tampil di aplikasi.",
      "Buka menu **Kantor Cabang Terdekat** untuk melihat kantor terdekat beserta jam layanannya menurut zona waktu setempat (WIB, WITA, WIT).",
      "PUBLISHED",
      at(today, -3),
    ),
    article("Iuran BPU bisa dibayar 12 bulan sekaligus", "Pekerja mandiri dapat membayar iuran 1, 3, 6 atau 12 bulan.", "Pilih jumlah bulan dan kanal pembayaran di menu **Iuran BPU**.", "PUBLISHED", at(today, -1)),
    article("Jadwal layanan akhir tahun", "Jadwal layanan kantor cabang menjelang akhir tahun.", "Diumumkan besok.", "SCHEDULED", at(today, 1)),
    article("Draf: program pelatihan kerja", "Belum terbit.", "Masih ditulis.", "DRAFT", null),
    promo("Diskon kacamata untuk peserta", "Optik Sehat Nusantara", "Diskon 20%", [], -10, 60, "Berlaku satu kali per peserta. Tunjukkan **kartu digital** yang aktif."),
    promo("Cek kesehatan gratis di Bandung", "Klinik Pratama Sehat Bandung", "Gratis cek gula darah", ["32"], -5, 30, "Khusus peserta dengan alamat di Jawa Barat."),
    promo("Potongan ongkos servis motor di Jakarta", "Bengkel Mitra Jaya", "Potongan 15%", ["31"], -2, 45, "Untuk pengemudi ojek peserta BPU."),
  ]);
}
