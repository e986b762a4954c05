import { Card, Employer, Gender, MembershipStatus, Nationality, Participant, PengkinianStatus, Segment } from "@jmo/schema";
import { toGlobalId } from "../../common/global-id.ts";
import { maskKpj, maskNik } from "../../common/mask.ts";
import type { LinkedCardRow } from "../cards/card.table.ts";
import type { EmployerRow } from "../employers/employer.table.ts";
import type { ParticipantRow } from "./participant.table.ts";
import { profileFields } from "../pengkinian/profile.mapper.ts";

/** API objects are built from rows here, with identifiers masked; a full KPJ goes only to its holder (Card.kpj). */
export function toParticipant(row: ParticipantRow): Participant {
  return Object.assign(new Participant(), {
    ownerParticipantId: row.id,
    id: toGlobalId("Participant", row.id),
    nikMasked: maskNik(row.nik),
    fullName: row.fullName,
    birthPlace: row.birthPlace,
    birthDate: row.birthDate,
    gender: row.gender as Gender,
    nationality: row.nationality as Nationality,
    email: row.email,
    phone: row.phone,
    pengkinianStatus: row.pengkinianStatus as PengkinianStatus,
    ...profileFields(row),
  });
}

/** Only cards linked to a participant become API objects. */
export function toCard(row: LinkedCardRow): Card {
  return Object.assign(new Card(), {
    ownerParticipantId: row.participantId,
    rowId: row.id,
    employerId: row.employerId,
    id: toGlobalId("Card", row.id),
    // Not a field: only the owner-only `kpj` field (cards/card-owner.resolver.ts) reads it.
    kpjFull: row.kpj,
    kpjMasked: maskKpj(row.kpj),
    segment: row.segment as Segment,
    status: row.status as MembershipStatus,
    registeredAt: row.registeredAt,
    nonaktifSince: row.nonaktifSince,
  });
}

export function toEmployer(row: EmployerRow): Employer {
  return Object.assign(new Employer(), { id: toGlobalId("Employer", row.id), npp: row.npp, name: row.name });
}
