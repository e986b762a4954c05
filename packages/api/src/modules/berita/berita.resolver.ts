import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  AFTER_ARG_DESCRIPTION,
  Berita,
  BeritaConnection,
  BeritaCreateInput,
  BeritaIdInput,
  BeritaKind,
  BeritaPayload,
  BeritaPublishInput,
  BeritaStatus,
  BeritaUpdateInput,
  FIRST_ARG_DESCRIPTION,
  Role,
} from "@jmo/schema";
import { optionalAuth, requireAuth, requireStaff } from "../../common/access.ts";
import { forwardPageInfo, pageSize } from "../../common/connection.ts";
import { badUserInput, withUserErrors } from "../../common/errors.ts";
import { idOfType, toGlobalId } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import { effectiveStatus, type BeritaKindCode, type FeedCursor } from "./berita.service.ts";
import type { BeritaRow } from "./berita.table.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A class instance, so that `node(id:)` resolves the Node interface to this type. */
export function toBerita(row: BeritaRow, now: Date, staff: boolean): Berita {
  return Object.assign(new Berita(), {
    id: toGlobalId("Berita", row.id),
    kind: row.kind as BeritaKind,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.bodyHtml,
    bodyMarkdown: staff ? row.bodyMarkdown : null,
    image:
      row.imageUrl && row.imageContentType
        ? { url: row.imageUrl, contentType: row.imageContentType, bytes: row.imageBytes ?? 0, width: row.imageWidth ?? 0, height: row.imageHeight ?? 0 }
        : null,
    status: effectiveStatus(row, now) as BeritaStatus,
    publishAt: row.publishAt?.toISOString() ?? null,
    promo:
      row.kind === "PROMO" && row.promoPartner !== null
        ? {
            partner: row.promoPartner,
            discount: row.promoDiscount ?? "",
            validFrom: row.promoValidFrom ?? "",
            validUntil: row.promoValidUntil ?? "",
            provinceCodes: row.promoProvinceCodes ?? [],
            termsHtml: row.promoTermsHtml ?? "",
          }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  });
}

const encodeFeedCursor = (row: BeritaRow) => Buffer.from(`${row.publishAt!.toISOString()}|${row.id}`, "utf8").toString("base64url");
function decodeFeedCursor(after: string | null): FeedCursor | null {
  if (after === null) return null;
  const [at, id] = Buffer.from(after, "base64url").toString("utf8").split("|");
  const publishAt = new Date(at ?? "");
  if (!id || !UUID.test(id) || Number.isNaN(publishAt.getTime())) throw badUserInput("after: not a cursor of this list");
  return { publishAt, id };
}

async function feed(ctx: Context, kind: BeritaKindCode, first: number | null, after: string | null, province: string | null | undefined, staff: boolean): Promise<BeritaConnection> {
  const size = pageSize(first);
  const rows = await ctx.services.berita.feed(kind, { limit: size + 1, cursor: decodeFeedCursor(after ?? null), province, promoFilter: kind === "PROMO" });
  const now = ctx.services.berita.now();
  const edges = rows.slice(0, size).map((row) => ({ cursor: encodeFeedCursor(row), node: toBerita(row, now, staff) }));
  return { edges, pageInfo: forwardPageInfo(edges, rows.length > size, after ?? null) };
}

@Resolver(() => Berita)
export class BeritaResolver {
  @Query(() => BeritaConnection, { description: "Published news articles, newest first. Public: no sign-in needed" })
  async berita(
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<BeritaConnection> {
    const auth = optionalAuth(ctx);
    return feed(ctx, "BERITA", first, after, null, auth?.role === Role.PETUGAS);
  }

  @Query(() => BeritaConnection, {
    description:
      "Promos for the signed-in member, newest first: published, valid today (WIB), and for the member's province (their address's, else their NIK's) " +
      "or all of Indonesia. Staff see every valid promo",
  })
  async promos(
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<BeritaConnection> {
    const auth = requireAuth(ctx);
    const staff = auth.role === Role.PETUGAS;
    // A member without a participant record has no province: only nationwide promos (an impossible code matches none).
    const province = staff ? null : auth.participantId ? ((await ctx.services.berita.memberProvince(auth.participantId)) ?? "--") : "--";
    return feed(ctx, "PROMO", first, after, province, staff);
  }

  @Query(() => Berita, {
    nullable: true,
    description: "One article or promo by id: published news for anyone, published promos for signed-in members, anything for staff; null otherwise",
  })
  async beritaItem(@Arg("id", () => ID, { description: "Berita.id" }) id: string, @Ctx() ctx: Context): Promise<Berita | null> {
    const auth = optionalAuth(ctx);
    const row = await ctx.services.berita.find(idOfType(id, "Berita"));
    if (!row) return null;
    const staff = auth?.role === Role.PETUGAS;
    if (!staff && (!ctx.services.berita.isVisible(row) || (row.kind === "PROMO" && !auth))) return null;
    return toBerita(row, ctx.services.berita.now(), staff);
  }

  @Query(() => [Berita], { description: "Staff only: every article and promo (drafts, scheduled, archived too), most recently changed first" })
  async beritaStaff(
    @Arg("kind", () => BeritaKind, { nullable: true, description: "Only this kind" }) kind: BeritaKind | null,
    @Arg("status", () => BeritaStatus, { nullable: true, description: "Only items stored with this status" }) status: BeritaStatus | null,
    @Arg("first", () => Int, { nullable: true, description: "How many, 20 when left out; 1 to 100" }) first: number | null,
    @Arg("offset", () => Int, { nullable: true, description: "How many to skip, 0 when left out" }) offset: number | null,
    @Ctx() ctx: Context,
  ): Promise<Berita[]> {
    requireStaff(ctx);
    if (offset != null && (offset < 0 || offset > 100_000)) throw badUserInput("offset: 0 to 100000");
    const rows = await ctx.services.berita.staffList({ kind: kind ?? null, status: status ?? null, limit: pageSize(first), offset: offset ?? 0 });
    const now = ctx.services.berita.now();
    return rows.map((row) => toBerita(row, now, true));
  }

  @Mutation(() => BeritaPayload, { description: "Staff only: write a new article or promo, as a DRAFT (Markdown rendered and sanitised; the picture fetched and checked). Audited" })
  beritaCreate(@Arg("input", () => BeritaCreateInput, { description: "The item" }) input: BeritaCreateInput, @Ctx() ctx: Context): Promise<BeritaPayload> {
    const auth = requireStaff(ctx);
    return withUserErrors<BeritaPayload>(async () => ({ berita: toBerita(await ctx.services.berita.create(auth, input), ctx.services.berita.now(), true) }), { berita: null });
  }

  @Mutation(() => BeritaPayload, { description: "Staff only: change an article or promo that is not archived. Audited" })
  beritaUpdate(@Arg("input", () => BeritaUpdateInput, { description: "The item and its changes" }) input: BeritaUpdateInput, @Ctx() ctx: Context): Promise<BeritaPayload> {
    const auth = requireStaff(ctx);
    return withUserErrors<BeritaPayload>(
      async () => ({ berita: toBerita(await ctx.services.berita.update(auth, { ...input, id: idOfType(input.id, "Berita") }), ctx.services.berita.now(), true) }),
      { berita: null },
    );
  }

  @Mutation(() => BeritaPayload, { description: "Staff only: publish a DRAFT or SCHEDULED item now, or schedule it for a later publishAt. Audited" })
  beritaPublish(@Arg("input", () => BeritaPublishInput, { description: "The item and when" }) input: BeritaPublishInput, @Ctx() ctx: Context): Promise<BeritaPayload> {
    const auth = requireStaff(ctx);
    const publishAt = input.publishAt ? new Date(input.publishAt) : null;
    return withUserErrors<BeritaPayload>(
      async () => ({ berita: toBerita(await ctx.services.berita.publish(auth, idOfType(input.id, "Berita"), publishAt), ctx.services.berita.now(), true) }),
      { berita: null },
    );
  }

  @Mutation(() => BeritaPayload, { description: "Staff only: take a SCHEDULED item back to DRAFT before its time. Audited" })
  beritaUnschedule(@Arg("input", () => BeritaIdInput, { description: "The item" }) input: BeritaIdInput, @Ctx() ctx: Context): Promise<BeritaPayload> {
    const auth = requireStaff(ctx);
    return withUserErrors<BeritaPayload>(
      async () => ({ berita: toBerita(await ctx.services.berita.unschedule(auth, idOfType(input.id, "Berita")), ctx.services.berita.now(), true) }),
      { berita: null },
    );
  }

  @Mutation(() => BeritaPayload, { description: "Staff only: withdraw an item from readers for good (ARCHIVED). Audited" })
  beritaArchive(@Arg("input", () => BeritaIdInput, { description: "The item" }) input: BeritaIdInput, @Ctx() ctx: Context): Promise<BeritaPayload> {
    const auth = requireStaff(ctx);
    return withUserErrors<BeritaPayload>(
      async () => ({ berita: toBerita(await ctx.services.berita.archive(auth, idOfType(input.id, "Berita")), ctx.services.berita.now(), true) }),
      { berita: null },
    );
  }
}
