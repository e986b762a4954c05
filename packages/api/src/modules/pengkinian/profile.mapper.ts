import { Address, BankAccount, EmergencyContact, type BloodType, type Education, type MaritalStatus, type Relationship, type Religion } from "@jmo/schema";
import { maskAccountNumber, maskNpwp } from "../../common/mask.ts";
import type { ParticipantRow } from "../participants/participant.table.ts";
import { findBank } from "../reference/banks.ts";

export const orNull = <T, R>(value: T | null | undefined, map: (v: T) => R): R | null => (value == null ? null : map(value));

export function toBankAccount(account: { bankCode: string; accountNumber: string; accountName: string }): BankAccount {
  return Object.assign(new BankAccount(), {
    bankCode: account.bankCode,
    bankName: findBank(account.bankCode)?.name ?? null,
    accountNumberMasked: maskAccountNumber(account.accountNumber),
    accountName: account.accountName,
  });
}

export function toEmergencyContact(c: { name: string; phone: string; address: string; relationship: string }): EmergencyContact {
  return Object.assign(new EmergencyContact(), { name: c.name, phone: c.phone, address: c.address, relationship: c.relationship as Relationship });
}

/** An address; the area names, when not given, are looked up from the village code by AddressResolver. */
export function toAddress(a: {
  street: string | null;
  villageCode: string;
  kodePos: string | null;
  names?: { kelurahan: string; kecamatan: string; kabupaten: string; provinsi: string } | null;
}): Address {
  return Object.assign(new Address(), { street: a.street, villageCode: a.villageCode, kodePos: a.kodePos, ...(a.names ?? {}) });
}

/** The profile a verified pengkinian wrote, as Participant fields; numbers masked. */
export function profileFields(row: ParticipantRow) {
  return {
    address: row.villageCode ? toAddress({ street: row.address, villageCode: row.villageCode, kodePos: row.kodePos }) : null,
    bankAccount:
      row.bankCode && row.bankAccountNumber
        ? toBankAccount({ bankCode: row.bankCode, accountNumber: row.bankAccountNumber, accountName: row.bankAccountName ?? "" })
        : null,
    npwpMasked: orNull(row.npwp, maskNpwp),
    maritalStatus: row.maritalStatus as MaritalStatus | null,
    education: row.education as Education | null,
    religion: row.religion as Religion | null,
    bloodType: row.bloodType as BloodType | null,
    emergencyContact:
      row.emergencyContactName && row.emergencyContactPhone && row.emergencyContactRelationship
        ? toEmergencyContact({
            name: row.emergencyContactName,
            phone: row.emergencyContactPhone,
            address: row.emergencyContactAddress ?? "",
            relationship: row.emergencyContactRelationship,
          })
        : null,
  };
}
