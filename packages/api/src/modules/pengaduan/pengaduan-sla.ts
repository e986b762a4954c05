// Service-level targets of pengaduan, in working days (docs/domain/pengaduan.md). UU 24/2011 art. 48(3) gives BPJS five
// working days to handle a complaint [F]; the shorter targets for account and payment matters are our decision [D].
import { isBankingDay } from "../klaim/banking-calendar.ts";
import { todayWib } from "../saldo/saldo.service.ts";
import type { PengaduanKategoriValue } from "./pengaduan.table.ts";

export const SLA_WORKING_DAYS: Record<PengaduanKategoriValue, number> = {
  AKUN: 1,
  KLAIM: 3,
  IURAN: 3,
  KOREKSI_DATA: 5,
  PERUSAHAAN_TIDAK_MENDAFTARKAN: 5,
  LAINNYA: 5,
};

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * When a ticket filed at `filedAt` becomes late: the end (24:00 WIB) of the n-th working day after the day it was
 * filed (WIB). A ticket filed on Friday evening with a 1-day target is due at the end of Monday.
 */
export function dueAtFor(kategori: PengaduanKategoriValue, filedAt: Date): Date {
  let day = todayWib(filedAt);
  for (let left = SLA_WORKING_DAYS[kategori]; left > 0; ) {
    day = nextDay(day);
    if (isBankingDay(day)) left -= 1;
  }
  // 00:00 WIB of the next day is 17:00 UTC of this one.
  return new Date(`${nextDay(day)}T00:00:00+07:00`);
}

/** The ticket number's day and the number itself: ADU-20261130-0007. */
export function nomorOf(day: string, sequence: number): string {
  return `ADU-${day.replaceAll("-", "")}-${String(sequence).padStart(4, "0")}`;
}
