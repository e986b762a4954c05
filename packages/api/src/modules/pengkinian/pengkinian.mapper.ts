import {
  ContactVerification,
  DataKependudukan,
  DataKontak,
  DataTambahan,
  Pengkinian,
  type BloodType,
  type Education,
  type Gender,
  type MaritalStatus,
  type PengkinianRejection,
  type PengkinianStatus,
  type PengkinianStep,
  type Religion,
} from "@jmo/schema";
import type { Locale } from "../../common/i18n.ts";
import { toGlobalId } from "../../common/global-id.ts";
import { maskName, maskNpwp, maskPassport } from "../../common/mask.ts";
import { orNull, toAddress, toBankAccount, toEmergencyContact } from "./profile.mapper.ts";
import { MAX_BIOMETRIC_ATTEMPTS, MAX_KPJ_ATTEMPTS, nextStepOf } from "./pengkinian.service.ts";
import type { ContactVerificationDraft, PengkinianRow } from "./pengkinian.table.ts";
import { resendAvailableAt } from "./pengkinian-contacts.ts";
import { rejectionMessage } from "./verifier.ts";

/** A pengkinian as the API shows it: what was entered so far, with every identifying number masked. */
export function toPengkinian(row: PengkinianRow, locale: Locale): Pengkinian {
  const k = row.dataKontak;
  const d = row.dataKependudukan;
  const t = row.dataTambahan;
  const rejection = row.rejectionReason as PengkinianRejection | null;
  return Object.assign(new Pengkinian(), {
    ownerParticipantId: row.participantId,
    id: toGlobalId("Pengkinian", row.id),
    status: row.status as PengkinianStatus,
    completedSteps: row.completedSteps as PengkinianStep[],
    nextStep: nextStepOf(row) as PengkinianStep | null,
    kpjAttemptsLeft: Math.max(0, MAX_KPJ_ATTEMPTS - row.kpjAttemptsUsed),
    biometricAttemptsLeft: Math.max(0, MAX_BIOMETRIC_ATTEMPTS - row.biometricAttemptsUsed),
    dataKontak: Object.assign(new DataKontak(), {
      phone: k.phone ?? null,
      email: k.email ?? null,
      npwpMasked: orNull(k.npwp, maskNpwp),
      passportNumberMasked: orNull(k.passportNumber, maskPassport),
      bankAccount: orNull(k.bankAccount, toBankAccount),
      emailVerification: orNull(k.emailVerification, toContactVerification),
      phoneVerification: orNull(k.phoneVerification, toContactVerification),
    }),
    dataKependudukan: Object.assign(new DataKependudukan(), {
      gender: (d.gender ?? null) as Gender | null,
      address: d.villageCode
        ? toAddress({ street: d.address ?? null, villageCode: d.villageCode, kodePos: d.kodePos ?? null, names: d.wilayah ?? null })
        : null,
      motherMaidenNameMasked: orNull(d.motherMaidenName, maskName),
      maritalStatus: (d.maritalStatus ?? null) as MaritalStatus | null,
      spouse: d.spouse ?? null,
      children: d.children ?? null,
    }),
    dataTambahan: Object.assign(new DataTambahan(), {
      education: (t.education ?? null) as Education | null,
      religion: (t.religion ?? null) as Religion | null,
      bloodType: (t.bloodType ?? null) as BloodType | null,
      emergencyContact: orNull(t.emergencyContact, toEmergencyContact),
    }),
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    rejectionCode: rejection,
    rejectionReason: rejection ? rejectionMessage(rejection, locale) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

/** A new contact's code state; once verified, the code's timing no longer matters. */
function toContactVerification(v: ContactVerificationDraft): ContactVerification {
  const verified = !!v.verifiedAt;
  return Object.assign(new ContactVerification(), {
    verified,
    verifiedAt: v.verifiedAt ? new Date(v.verifiedAt) : null,
    codeExpiresAt: verified ? null : new Date(v.expiresAt),
    resendAvailableAt: verified ? null : resendAvailableAt(v),
  });
}
