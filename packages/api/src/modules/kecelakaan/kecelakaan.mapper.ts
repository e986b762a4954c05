import {
  KecelakaanKerjaEvent,
  KecelakaanKerjaPlaceType,
  KecelakaanKerjaReport,
  KecelakaanKerjaReportConnection,
  KecelakaanKerjaStatus,
  KecelakaanKerjaWitness,
} from "@jmo/schema";
import { forwardPageInfo } from "../../common/connection.ts";
import { toGlobalId } from "../../common/global-id.ts";
import { maskKpj } from "../../common/mask.ts";
import { EMPLOYER_REPORT_HOURS, type KecelakaanReportView } from "./kecelakaan.service.ts";

export function toReport({ row, kpj, wilayah, events }: KecelakaanReportView): KecelakaanKerjaReport {
  const employerReportDueAt = new Date(row.occurredAt.getTime() + EMPLOYER_REPORT_HOURS * 3_600_000);
  return Object.assign(new KecelakaanKerjaReport(), {
    ownerParticipantId: row.participantId,
    rowId: row.id,
    id: toGlobalId("KecelakaanKerjaReport", row.id),
    nomor: row.nomor,
    cardId: toGlobalId("Card", row.cardId),
    kpjMasked: maskKpj(kpj),
    employerName: row.employerName,
    employerNpp: row.employerNpp,
    occurredAt: row.occurredAt,
    placeType: row.placeType as KecelakaanKerjaPlaceType,
    address: row.address,
    wilayah,
    description: row.description,
    injury: row.injury,
    treated: row.treated,
    treatmentPlace: row.treatmentPlace,
    witnesses: row.witnesses.map((w) => Object.assign(new KecelakaanKerjaWitness(), { name: w.name, phone: w.phone })),
    status: row.status as KecelakaanKerjaStatus,
    reportedAt: row.reportedAt,
    employerReportDueAt,
    reportedAfterDeadline: row.reportedAt.getTime() > employerReportDueAt.getTime(),
    timeline: events.map((e) => Object.assign(new KecelakaanKerjaEvent(), { status: e.status as KecelakaanKerjaStatus, at: e.at, note: e.note })),
  });
}

export function toReportConnection(page: { views: KecelakaanReportView[]; hasNextPage: boolean }, after: string | null | undefined): KecelakaanKerjaReportConnection {
  const edges = page.views.map((view) => ({ cursor: toGlobalId("KecelakaanKerjaReport", view.row.id), node: toReport(view) }));
  return { edges, pageInfo: forwardPageInfo(edges, page.hasNextPage, after) };
}
