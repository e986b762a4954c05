import { PengkinianRejection } from "@jmo/schema";
import type { Locale } from "../../common/i18n.ts";
import { parseNik } from "../../seed/nik.ts";
import { todayUtc } from "../../seed/calendar.ts";

/** What the verifier is asked: the identity on record with the gender the participant submitted. */
export interface PengkinianSubmission {
  pengkinianId: string;
  nik: string;
  fullName: string;
  /** The birth date on record (pengkinian does not change it). */
  birthDate: string;
  /** The gender as submitted in the DATA_KEPENDUDUKAN section. */
  gender: "LAKI_LAKI" | "PEREMPUAN";
}

export type PengkinianDecision = { status: "TERVERIFIKASI" } | { status: "DITOLAK"; reason: PengkinianRejection };

/**
 * Checks a submitted pengkinian data against the population register. A real adapter (Dukcapil's NIK
 * verification) plugs in here; the server calls it from the decision worker once the submission is due.
 * It must be deterministic for one submission: the worker may call it again after a crash before commit.
 */
export interface PengkinianVerifierPort {
  decide(submission: PengkinianSubmission): Promise<PengkinianDecision>;
}

/**
 * Sandbox rule: the NIK must be readable and its date part must carry the birth date on record and the
 * submitted gender (day + 40 for women). The delay before deciding is the server's
 * (PENGKINIAN_VERIFY_DELAY_SECONDS), not the adapter's, so that it survives a restart.
 */
export class SandboxPengkinianVerifier implements PengkinianVerifierPort {
  async decide(submission: PengkinianSubmission): Promise<PengkinianDecision> {
    const parsed = parseNik(submission.nik, todayUtc());
    if (!parsed) return { status: "DITOLAK", reason: PengkinianRejection.NIK_TIDAK_VALID };
    if (parsed.birthDate !== submission.birthDate) return { status: "DITOLAK", reason: PengkinianRejection.NIK_TANGGAL_LAHIR_TIDAK_SESUAI };
    if (parsed.gender !== submission.gender) return { status: "DITOLAK", reason: PengkinianRejection.NIK_JENIS_KELAMIN_TIDAK_SESUAI };
    return { status: "TERVERIFIKASI" };
  }
}

const REJECTION_MESSAGES: Record<PengkinianRejection, Record<Locale, string>> = {
  [PengkinianRejection.NIK_TIDAK_VALID]: {
    id: "NIK Anda tidak dapat diverifikasi. Hubungi BPJS Ketenagakerjaan di 175 atau kantor cabang terdekat.",
    en: "Your NIK could not be verified. Contact BPJS Ketenagakerjaan on 175 or at the nearest branch office.",
  },
  [PengkinianRejection.NIK_TANGGAL_LAHIR_TIDAK_SESUAI]: {
    id: "Tanggal lahir tidak sesuai dengan NIK menurut data kependudukan. Perbarui data di kantor cabang dengan membawa KTP.",
    en: "The birth date does not match the NIK in the population register. Update it at a branch office with your KTP.",
  },
  [PengkinianRejection.NIK_JENIS_KELAMIN_TIDAK_SESUAI]: {
    id: "Jenis kelamin tidak sesuai dengan NIK menurut data kependudukan. Periksa kembali isian data kependudukan.",
    en: "The gender does not match the NIK in the population register. Check the population data you entered.",
  },
  // Not the verifier's: the decision refuses it when the new email/phone went to another account meanwhile.
  [PengkinianRejection.KONTAK_SUDAH_DIGUNAKAN]: {
    id: "Email atau nomor HP baru Anda sudah dipakai oleh akun JMO lain sebelum pengkinian diputuskan. Ulangi pengkinian data dengan email atau nomor HP lain.",
    en: "Your new email or mobile number was taken by another JMO account before the update was decided. Start the data update again with another one.",
  },
};

export function rejectionMessage(reason: PengkinianRejection, locale: Locale): string {
  return REJECTION_MESSAGES[reason][locale];
}
