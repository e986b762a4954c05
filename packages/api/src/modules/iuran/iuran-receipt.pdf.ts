import PDFDocument from "pdfkit";
import { senToRupiah } from "@jmo/schema";
import type { IuranBpuReceipt } from "@jmo/schema";

/** "96800.00" → "Rp96.800" (Indonesian grouping; sen shown only when there are any). */
function rupiah(sen: bigint): string {
  const [whole, cents] = senToRupiah(sen).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return cents === "00" ? `Rp${grouped}` : `Rp${grouped},${cents}`;
}

/**
 * The receipt as a one-page PDF (pdfkit, the built-in Helvetica: no font files). Streams are left uncompressed so the
 * receipt's text can be searched in the file (it is small either way).
 */
export function renderReceiptPdf(receipt: IuranBpuReceipt): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A5", margin: 40, compress: false, info: { Title: `Bukti Pembayaran Iuran ${receipt.number}`, Author: "JMO sandbox" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.fontSize(14).text("BPJS Ketenagakerjaan (sandbox)", { align: "left" });
  doc.fontSize(11).text("Bukti Pembayaran Iuran Bukan Penerima Upah");
  doc.moveDown();
  const line = (label: string, value: string) => doc.fontSize(10).text(`${label}: ${value}`);
  line("Nomor", receipt.number);
  line("Nama", receipt.payerName);
  line("KPJ", receipt.kpjMasked);
  line("Periode", receipt.months === 1 ? receipt.coversFrom : `${receipt.coversFrom} s.d. ${receipt.coversTo} (${receipt.months} bulan)`);
  line("Program", receipt.programs.join(", "));
  line("Kanal", receipt.channel);
  line("Dibayar", `${receipt.paidAt.toISOString().replace("T", " ").slice(0, 19)} UTC`);
  doc.moveDown();
  line("JKK", rupiah(receipt.amount.jkk));
  line("JKM", rupiah(receipt.amount.jkm));
  if (receipt.amount.jht > 0n) line("JHT", rupiah(receipt.amount.jht));
  doc.fontSize(11).text(`Total: ${rupiah(receipt.amount.total)}`);
  doc.end();
  return done;
}
