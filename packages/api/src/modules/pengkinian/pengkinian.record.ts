// What a verified pengkinian writes to the participant's record, and how each change is written to the audit log.
import { maskAccountNumber, maskDate, maskEmail, maskName, maskNpwp, maskPassport, maskPhone, maskText } from "../../common/mask.ts";
import type { PersonalDataAuditInsert } from "../audit/personal-data-audit.table.ts";
import type { FamilyMemberRow, ParticipantRow, participants } from "../participants/participant.table.ts";
import type { FamilyMemberDraft, PengkinianRow } from "./pengkinian.table.ts";

type Columns = Partial<typeof participants.$inferInsert>;
type ProfileColumn = keyof Columns & keyof ParticipantRow;

/** How each profile column appears in the audit log. Small closed sets (gender, religion…) are kept as is. */
const AUDIT_MASK: Partial<Record<ProfileColumn, (value: string) => string>> = {
  phone: maskPhone,
  email: maskEmail,
  npwp: maskNpwp,
  passportNumber: maskPassport,
  bankAccountNumber: maskAccountNumber,
  bankAccountName: maskName,
  address: maskText,
  motherMaidenName: maskName,
  emergencyContactName: maskName,
  emergencyContactPhone: maskPhone,
  emergencyContactAddress: maskText,
};

const COLUMN_NAMES: Partial<Record<ProfileColumn, string>> = {
  phone: "phone",
  email: "email",
  npwp: "npwp",
  passportNumber: "passport_number",
  bankCode: "bank_code",
  bankAccountNumber: "bank_account_number",
  bankAccountName: "bank_account_name",
  gender: "gender",
  villageCode: "village_code",
  kodePos: "kode_pos",
  address: "address",
  motherMaidenName: "mother_maiden_name",
  maritalStatus: "marital_status",
  education: "education",
  religion: "religion",
  bloodType: "blood_type",
  emergencyContactName: "emergency_contact_name",
  emergencyContactPhone: "emergency_contact_phone",
  emergencyContactAddress: "emergency_contact_address",
  emergencyContactRelationship: "emergency_contact_relationship",
};

export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ProfileChanges {
  /** Only columns whose value changes; never a column the sections did not name. */
  columns: Columns;
  /** Set when the spouse or the children list changes (replaced as a whole). */
  spouse?: FamilyMemberDraft[];
  children?: FamilyMemberDraft[];
  audit: FieldChange[];
}

const maskMembers = (members: FamilyMemberDraft[]): string | null =>
  members.length ? members.map((m) => `${maskName(m.name)} (${maskDate(m.birthDate)})`).join("; ") : null;
const sameMembers = (a: FamilyMemberDraft[], b: FamilyMemberDraft[]) =>
  a.length === b.length && a.every((m, i) => m.name === b[i]!.name && m.birthDate === b[i]!.birthDate);

/**
 * Compares the submitted sections with the record. A key absent from a section was not named by the input and
 * is left alone; a value equal to the record's is not a change (no write, no audit row).
 */
export function profileChanges(p: ParticipantRow, family: FamilyMemberRow[], row: PengkinianRow): ProfileChanges {
  const named: Columns = {};
  const k = row.dataKontak;
  if (k.phone !== undefined) named.phone = k.phone;
  if (k.email !== undefined) named.email = k.email;
  if (k.npwp !== undefined) named.npwp = k.npwp;
  if (k.passportNumber !== undefined) named.passportNumber = k.passportNumber;
  if (k.bankAccount !== undefined) {
    named.bankCode = k.bankAccount?.bankCode ?? null;
    named.bankAccountNumber = k.bankAccount?.accountNumber ?? null;
    named.bankAccountName = k.bankAccount?.accountName ?? null;
  }
  const d = row.dataKependudukan;
  if (d.gender !== undefined) named.gender = d.gender;
  if (d.villageCode !== undefined) named.villageCode = d.villageCode;
  if (d.kodePos !== undefined) named.kodePos = d.kodePos;
  if (d.address !== undefined) named.address = d.address;
  if (d.motherMaidenName !== undefined) named.motherMaidenName = d.motherMaidenName;
  if (d.maritalStatus !== undefined) named.maritalStatus = d.maritalStatus as Columns["maritalStatus"];
  const t = row.dataTambahan;
  if (t.education !== undefined) named.education = t.education as Columns["education"];
  if (t.religion !== undefined) named.religion = t.religion as Columns["religion"];
  if (t.bloodType !== undefined) named.bloodType = t.bloodType as Columns["bloodType"];
  if (t.emergencyContact !== undefined) {
    const c = t.emergencyContact;
    named.emergencyContactName = c?.name ?? null;
    named.emergencyContactPhone = c?.phone ?? null;
    named.emergencyContactAddress = c?.address ?? null;
    named.emergencyContactRelationship = (c?.relationship ?? null) as Columns["emergencyContactRelationship"];
  }

  const columns: Columns = {};
  const audit: FieldChange[] = [];
  for (const [key, value] of Object.entries(named) as [ProfileColumn, string | null][]) {
    const old = (p[key] as string | null) ?? null;
    const next = value ?? null;
    if (old === next) continue;
    (columns as Record<string, unknown>)[key] = next;
    const mask = AUDIT_MASK[key] ?? ((v: string) => v);
    audit.push({ field: `participants.${COLUMN_NAMES[key] ?? key}`, oldValue: old === null ? null : mask(old), newValue: next === null ? null : mask(next) });
  }

  const changes: ProfileChanges = { columns, audit };
  const asDraft = (rows: FamilyMemberRow[]) => rows.map((r) => ({ name: r.name, birthDate: r.birthDate }));
  if (d.spouse !== undefined) {
    const before = asDraft(family.filter((f) => f.relation === "SPOUSE"));
    const after = d.spouse ? [d.spouse] : [];
    if (!sameMembers(before, after)) {
      changes.spouse = after;
      audit.push({ field: "family_members.spouse", oldValue: maskMembers(before), newValue: maskMembers(after) });
    }
  }
  if (d.children !== undefined) {
    const before = asDraft(family.filter((f) => f.relation === "CHILD"));
    const after = d.children ?? [];
    if (!sameMembers(before, after)) {
      changes.children = after;
      audit.push({ field: "family_members.children", oldValue: maskMembers(before), newValue: maskMembers(after) });
    }
  }
  return changes;
}

export function auditChanges(
  changes: FieldChange[],
  meta: { actor: string; participantId: string; reason: string; source: string },
): PersonalDataAuditInsert[] {
  return changes.map((c) => ({ ...meta, accountId: null, field: c.field, oldValue: c.oldValue, newValue: c.newValue }));
}
