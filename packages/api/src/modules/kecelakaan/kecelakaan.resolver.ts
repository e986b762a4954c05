import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  AFTER_ARG_DESCRIPTION,
  FIRST_ARG_DESCRIPTION,
  KecelakaanKerjaReport,
  KecelakaanKerjaReportConnection,
  KecelakaanKerjaReportInput,
  KecelakaanKerjaReportPayload,
  KecelakaanKerjaStatus,
  KecelakaanKerjaUpdateStatusInput,
  Participant,
} from "@jmo/schema";
import { canSee, requireAuth, requireStaff } from "../../common/access.ts";
import { afterIdOf, pageSize } from "../../common/connection.ts";
import { forbidden, withUserErrors } from "../../common/errors.ts";
import { idOfType } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import { toReport, toReportConnection } from "./kecelakaan.mapper.ts";
import type { KecelakaanReportRow, KecelakaanStatusValue } from "./kecelakaan.table.ts";

const afterId = (after: string | null | undefined) => afterIdOf(after, "KecelakaanKerjaReport");

@Resolver(() => KecelakaanKerjaReport)
export class KecelakaanKerjaResolver {
  @Query(() => KecelakaanKerjaReport, {
    nullable: true,
    description: "A work-accident report by id: its reporter or staff (FORBIDDEN for another member's); null when there is none",
  })
  async kecelakaanKerja(
    @Arg("id", () => ID, { description: "KecelakaanKerjaReport.id" }) id: string,
    @Ctx() ctx: Context,
  ): Promise<KecelakaanKerjaReport | null> {
    const auth = requireAuth(ctx);
    const view = await ctx.services.kecelakaan.find(idOfType(id, "KecelakaanKerjaReport"));
    if (!view) return null;
    if (!canSee(auth, view.row.participantId)) throw forbidden();
    return toReport(view);
  }

  @Query(() => KecelakaanKerjaReportConnection, {
    description: "Staff only: the work-accident reports, newest first, optionally in one status (the queue: status DILAPORKAN)",
  })
  async kecelakaanKerjaQueue(
    @Arg("status", () => KecelakaanKerjaStatus, { nullable: true, description: "Only reports in this status; left out: all" }) status: KecelakaanKerjaStatus | null,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<KecelakaanKerjaReportConnection> {
    requireStaff(ctx);
    const size = pageSize(first);
    return toReportConnection(await ctx.services.kecelakaan.listByStatus((status ?? null) as KecelakaanStatusValue | null, size, afterId(after)), after);
  }

  @Mutation(() => KecelakaanKerjaReportPayload, {
    name: "kecelakaanKerjaReport",
    description:
      "Report a work accident on one of your AKTIF cards (JKK laporan tahap I): when, where, what happened, the injury, treatment and witnesses. " +
      "The report gets a number and names the card's employer; staff then verify and follow it up (kecelakaanKerjaUpdateStatus), and you are notified. " +
      "Your employer must still make its own report within 2×24 hours",
  })
  report(
    @Arg("input", () => KecelakaanKerjaReportInput, { description: "The accident" }) input: KecelakaanKerjaReportInput,
    @Ctx() ctx: Context,
  ): Promise<KecelakaanKerjaReportPayload> {
    const auth = requireAuth(ctx);
    return withUserErrors<KecelakaanKerjaReportPayload>(
      async () => ({
        report: toReport(
          await ctx.services.kecelakaan.report(auth, {
            ...input,
            placeType: input.placeType as KecelakaanReportRow["placeType"],
            cardId: idOfType(input.cardId, "Card"),
          }),
        ),
      }),
      { report: null },
    );
  }

  @Mutation(() => KecelakaanKerjaReportPayload, {
    description:
      "Staff only: move a report on (DILAPORKAN → DIVERIFIKASI or DITOLAK, DIVERIFIKASI → DITINDAKLANJUTI or DITOLAK; a note is required to refuse). " +
      "The member gets a notification (KECELAKAAN_STATUS) in the same transaction",
  })
  kecelakaanKerjaUpdateStatus(
    @Arg("input", () => KecelakaanKerjaUpdateStatusInput, { description: "The report, its new status and a note" }) input: KecelakaanKerjaUpdateStatusInput,
    @Ctx() ctx: Context,
  ): Promise<KecelakaanKerjaReportPayload> {
    const staff = requireStaff(ctx);
    return withUserErrors<KecelakaanKerjaReportPayload>(
      async () => ({
        report: toReport(
          await ctx.services.kecelakaan.updateStatus(staff, idOfType(input.reportId, "KecelakaanKerjaReport"), input.status as KecelakaanStatusValue, input.note),
        ),
      }),
      { report: null },
    );
  }
}

@Resolver(() => Participant)
export class ParticipantKecelakaanResolver {
  @FieldResolver(() => KecelakaanKerjaReportConnection, { description: "The member's work-accident reports, newest first" })
  async kecelakaanKerjaReports(
    @Root() participant: Participant,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<KecelakaanKerjaReportConnection> {
    const size = pageSize(first);
    return toReportConnection(await ctx.services.kecelakaan.listForParticipant(participant.ownerParticipantId, size, afterId(after)), after);
  }
}
