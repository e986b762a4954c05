import {
  Klaim,
  KlaimDokumen,
  KlaimSebagianEligibility,
  MasaKepesertaan,
  type JenisKlaim,
  KlaimEligibility,
  KlaimEligibilityCheck,
  KlaimRincian,
  type KlaimChannel,
  type KlaimStatus,
  type KlaimStep,
  type PaymentRail,
  type SebabKlaim,
} from "@jmo/schema";
import { toGlobalId } from "../../common/global-id.ts";
import type { Locale } from "../../common/i18n.ts";
import { toBankAccount } from "../pengkinian/profile.mapper.ts";
import { checkParams, eligibilityMessage, eligibilityTitle, sebagianParams } from "./klaim.messages.ts";
import type { SebagianResult } from "./klaim-sebagian.service.ts";
import { MAX_BIOMETRIC_ATTEMPTS, MAX_KPJ_ATTEMPTS, nextStepOf, type EligibilityResult } from "./klaim.service.ts";
import type { KlaimDokumenRow, KlaimRow } from "./klaim.table.ts";

/** A claim as the API shows it: the account number masked, NPWP never shown (only whether one was given). */
export function toKlaim(row: KlaimRow): Klaim {
  const rincian =
    row.saldoSen !== null && row.pajakSen !== null && row.dibayarkanSen !== null
      ? Object.assign(new KlaimRincian(), {
          saldo: row.saldoSen,
          persentase: row.persentase,
          // Claims made before partial claims existed have no jumlah: they paid the saldo.
          jumlah: row.jumlahSen ?? row.saldoSen,
          pajak: row.pajakSen,
          dibayarkan: row.dibayarkanSen,
          npwpProvided: row.npwp !== null,
          taxRule: row.taxRule ?? "",
        })
      : null;
  return Object.assign(new Klaim(), {
    ownerParticipantId: row.participantId,
    rowId: row.id,
    cardRowId: row.cardId,
    id: toGlobalId("Klaim", row.id),
    nomor: row.nomor,
    sebab: row.sebab as SebabKlaim,
    jenis: row.jenis as JenisKlaim,
    channel: row.channel as KlaimChannel,
    status: row.status as KlaimStatus,
    rincian,
    bankAccount:
      row.bankCode && row.bankAccountNumber
        ? toBankAccount({ bankCode: row.bankCode, accountNumber: row.bankAccountNumber, accountName: row.bankAccountName ?? "" })
        : null,
    paymentRail: row.paymentRail as PaymentRail | null,
    transferReference: row.transferReference,
    submittedAt: row.submittedAt,
    completedAt: row.completedAt,
    rejectionReason: row.rejectionReason,
    onHold: row.onHold,
    completedSteps: row.completedSteps as KlaimStep[],
    nextStep: nextStepOf(row) as KlaimStep | null,
    kpjAttemptsLeft: Math.max(0, MAX_KPJ_ATTEMPTS - row.kpjAttempts),
    biometricAttemptsLeft: Math.max(0, MAX_BIOMETRIC_ATTEMPTS - row.biometricAttempts),
    createdAt: row.createdAt,
  });
}

export function toKlaimEligibility(result: EligibilityResult, locale: Locale): KlaimEligibility {
  const params = checkParams(result, locale);
  return Object.assign(new KlaimEligibility(), {
    eligible: result.eligible,
    checks: result.checks.map((c) =>
      Object.assign(new KlaimEligibilityCheck(), {
        code: c.code,
        passed: c.passed,
        title: eligibilityTitle(c.code, locale, params),
        message: eligibilityMessage(c.code, c.passed, locale, params),
      }),
    ),
    channel: result.channel,
    saldo: result.saldoSen,
    totalSaldo: result.totalSaldoSen,
    jmoSaldoLimit: result.limitSen,
    asOf: result.asOf,
    openKlaim: result.openKlaim ? toKlaim(result.openKlaim) : null,
  });
}

export function toKlaimDokumen(row: KlaimDokumenRow): KlaimDokumen {
  return Object.assign(new KlaimDokumen(), {
    id: row.id,
    fileName: row.fileName,
    type: row.type,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt,
  });
}

export function toKlaimSebagianEligibility(result: SebagianResult, locale: Locale): KlaimSebagianEligibility {
  const params = sebagianParams(result, locale);
  return Object.assign(new KlaimSebagianEligibility(), {
    jenis: result.jenis as JenisKlaim,
    eligible: result.eligible,
    checks: result.checks.map((c) =>
      Object.assign(new KlaimEligibilityCheck(), {
        code: c.code,
        passed: c.passed,
        title: eligibilityTitle(c.code, locale, params),
        message: eligibilityMessage(c.code, c.passed, locale, params),
      }),
    ),
    masaKepesertaan: Object.assign(new MasaKepesertaan(), result.masa),
    persentase: result.persentase,
    saldo: result.saldoSen,
    jumlah: result.jumlahSen,
    jmoLimit: result.limitSen,
    asOf: result.asOf,
    dokumenRequired: result.jenis === "SEBAGIAN_30",
    openKlaim: result.openKlaim ? toKlaim(result.openKlaim) : null,
  });
}
