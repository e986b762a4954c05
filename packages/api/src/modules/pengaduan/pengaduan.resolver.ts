import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  AFTER_ARG_DESCRIPTION,
  Card,
  FIRST_ARG_DESCRIPTION,
  Participant,
  Pengaduan,
  PengaduanConnection,
  PengaduanCreateInput,
  PengaduanKategori,
  PengaduanMessage,
  PengaduanPayload,
  PengaduanQueueCategory,
  PengaduanReplyInput,
  PengaduanSetStatusInput,
  PengaduanStatus,
  Role,
} from "@jmo/schema";
import { canSee, requireAuth, requireStaff } from "../../common/access.ts";
import { afterIdOf, forwardPageInfo, pageSize } from "../../common/connection.ts";
import { forbidden, withUserErrors } from "../../common/errors.ts";
import { idOfType, toGlobalId } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import { isLinked } from "../cards/card.table.ts";
import { toCard } from "../participants/participant.mapper.ts";
import { toMessage, toPengaduan } from "./pengaduan.mapper.ts";
import type { AttachmentUpload, CreateInput } from "./pengaduan.service.ts";
import type { PengaduanKategoriValue, PengaduanRow, PengaduanStatusValue } from "./pengaduan.table.ts";

const afterId = (after: string | null | undefined) => afterIdOf(after, "Pengaduan");

function toConnection(ctx: Context, page: { rows: PengaduanRow[]; hasNextPage: boolean }, after: string | null | undefined): PengaduanConnection {
  const now = ctx.services.pengaduan.now();
  const edges = page.rows.map((row) => ({ cursor: toGlobalId("Pengaduan", row.id), node: toPengaduan(row, now) }));
  return { edges, pageInfo: forwardPageInfo(edges, page.hasNextPage, after) };
}

function payload(ctx: Context, run: () => Promise<PengaduanRow>): Promise<PengaduanPayload> {
  return withUserErrors<PengaduanPayload>(async () => ({ pengaduan: toPengaduan(await run(), ctx.services.pengaduan.now()) }), { pengaduan: null });
}

@Resolver(() => Pengaduan)
export class PengaduanResolver {
  @Query(() => Pengaduan, {
    nullable: true,
    description: "A ticket by id, with its conversation: its owner or staff; null when there is none; FORBIDDEN when it is another member's",
  })
  async pengaduan(@Arg("id", () => ID, { description: "Pengaduan.id" }) id: string, @Ctx() ctx: Context): Promise<Pengaduan | null> {
    const auth = requireAuth(ctx);
    const row = await ctx.services.pengaduan.find(idOfType(id, "Pengaduan"));
    if (!row) return null;
    if (!canSee(auth, row.participantId)) throw forbidden();
    return toPengaduan(row, ctx.services.pengaduan.now());
  }

  @Query(() => PengaduanConnection, {
    description:
      "Staff only: the ticket queue, oldest first. Open tickets (DITERIMA, DIPROSES) unless statuses says otherwise; by category; lateOnly: open tickets past their service-level deadline",
  })
  async pengaduanQueue(
    @Arg("kategori", () => PengaduanKategori, { nullable: true, description: "One category; all when left out" }) kategori: PengaduanKategori | null,
    @Arg("statuses", () => [PengaduanStatus], { nullable: true, description: "The statuses to list; DITERIMA and DIPROSES when left out" })
    statuses: PengaduanStatus[] | null,
    @Arg("lateOnly", () => Boolean, { nullable: true, description: "Only open tickets past dueAt" }) lateOnly: boolean | null,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<PengaduanConnection> {
    requireStaff(ctx);
    const size = pageSize(first);
    const page = await ctx.services.pengaduan.queue(
      { kategori: kategori ?? null, statuses: (statuses ?? null) as PengaduanStatusValue[] | null, lateOnly: lateOnly === true },
      size,
      afterId(after),
    );
    return toConnection(ctx, page, after);
  }

  @Query(() => [PengaduanQueueCategory], { description: "Staff only: each category's service-level target, open and late tickets, and its oldest open ticket" })
  async pengaduanQueueSummary(@Ctx() ctx: Context): Promise<PengaduanQueueCategory[]> {
    requireStaff(ctx);
    return (await ctx.services.pengaduan.queueSummary()).map((c) => Object.assign(new PengaduanQueueCategory(), { ...c, kategori: c.kategori as PengaduanKategori }));
  }

  @Mutation(() => PengaduanPayload, {
    description:
      "File a ticket (members): category, subject, description, the card it concerns, attachments checked by their bytes; a KOREKSI_DATA ticket carries the corrected values and a KTP/KK. " +
      "Gets a number ADU-YYYYMMDD-NNNN; a retry with the same idempotencyKey answers the same ticket",
  })
  pengaduanCreate(@Arg("input", () => PengaduanCreateInput, { description: "The ticket" }) input: PengaduanCreateInput, @Ctx() ctx: Context): Promise<PengaduanPayload> {
    const auth = requireAuth(ctx);
    if (auth.role === Role.PETUGAS) throw forbidden();
    const cardId = input.cardId ? idOfType(input.cardId, "Card") : null;
    return payload(ctx, () =>
      ctx.services.pengaduan.create(auth, {
        kategori: input.kategori as PengaduanKategoriValue,
        subject: input.subject,
        description: input.description,
        cardId,
        cardIdUnknown: !!input.cardId && !cardId,
        employerName: input.employerName,
        koreksi: input.koreksi as CreateInput["koreksi"],
        attachments: input.attachments as AttachmentUpload[] | null | undefined,
        idempotencyKey: input.idempotencyKey,
      }),
    );
  }

  @Mutation(() => PengaduanPayload, {
    description: "A message on an open ticket, by its owner or staff, with up to 3 files; a staff message notifies the member (PENGADUAN_REPLY)",
  })
  pengaduanReply(@Arg("input", () => PengaduanReplyInput, { description: "The ticket and the message" }) input: PengaduanReplyInput, @Ctx() ctx: Context): Promise<PengaduanPayload> {
    const auth = requireAuth(ctx);
    return payload(ctx, () => ctx.services.pengaduan.reply(auth, idOfType(input.pengaduanId, "Pengaduan"), input.body, input.attachments as AttachmentUpload[] | null | undefined));
  }

  @Mutation(() => PengaduanPayload, {
    description:
      "Staff only: move a ticket on (DITERIMA → DIPROSES → SELESAI, or DITOLAK) with a reason; the member is notified (PENGADUAN_STATUS). " +
      "SELESAI on a KOREKSI_DATA ticket corrects the participant's record, audited",
  })
  pengaduanSetStatus(
    @Arg("input", () => PengaduanSetStatusInput, { description: "The ticket, its new status and the reason" }) input: PengaduanSetStatusInput,
    @Ctx() ctx: Context,
  ): Promise<PengaduanPayload> {
    const auth = requireStaff(ctx);
    return payload(ctx, () => ctx.services.pengaduan.setStatus(auth, idOfType(input.pengaduanId, "Pengaduan"), input.status as PengaduanStatusValue, input.reason));
  }

  @FieldResolver(() => [PengaduanMessage], { description: "The conversation, oldest first: the opening message, replies and status changes" })
  async messages(@Root() ticket: Pengaduan, @Ctx() ctx: Context): Promise<PengaduanMessage[]> {
    return (await ctx.loaders.pengaduanMessages.load(ticket.rowId)).map((view) => toMessage(view, ticket.ownerParticipantId));
  }

  @FieldResolver(() => Card, { nullable: true, description: "The card it concerns, if any" })
  async card(@Root() ticket: Pengaduan, @Ctx() ctx: Context): Promise<Card | null> {
    if (!ticket.cardRowId) return null;
    const row = await ctx.loaders.card.load(ticket.cardRowId);
    return isLinked(row) ? toCard(row) : null;
  }
}

@Resolver(() => Participant)
export class ParticipantPengaduanResolver {
  @FieldResolver(() => PengaduanConnection, { description: "This participant's tickets (pengaduan), newest first" })
  async pengaduan(
    @Root() participant: Participant,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<PengaduanConnection> {
    const size = pageSize(first);
    return toConnection(ctx, await ctx.services.pengaduan.listForParticipant(participant.ownerParticipantId, size, afterId(after)), after);
  }
}
