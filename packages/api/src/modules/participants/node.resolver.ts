import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Node, Role } from "@jmo/schema";
import { assertCanSee, canSee, requireAuth } from "../../common/access.ts";
import { badUserInput } from "../../common/errors.ts";
import { fromGlobalId } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import { isLinked } from "../cards/card.table.ts";
import { toCard, toEmployer, toParticipant } from "./participant.mapper.ts";
import { toPengkinian } from "../pengkinian/pengkinian.mapper.ts";
import { toKlaim } from "../klaim/klaim.mapper.ts";
import { toPayment } from "../iuran/iuran.mapper.ts";
import { toPengaduan } from "../pengaduan/pengaduan.mapper.ts";
import { toNotification } from "../notifications/notifications.mapper.ts";
import { toReport } from "../kecelakaan/kecelakaan.mapper.ts";
import { toKanalLayanan } from "../kanal/kanal.resolver.ts";
import { toBerita } from "../berita/berita.resolver.ts";
import { toAntreanBooking } from "../antrean/antrean.resolver.ts";

/** The most ids one `nodes` call takes: a page of a connection, so a client can refetch what it shows. */
export const MAX_NODES = 100;

/** An object found by its global id, with the participant it belongs to (null: visible to every signed-in caller). */
interface Found {
  node: Node;
  ownerParticipantId: string | null;
}

/** Loads through the request's DataLoaders, so that `nodes` fetches each type in one query. */
async function find(ctx: Context, id: string): Promise<Found | null> {
  const ref = fromGlobalId(id);
  if (!ref) return null;
  switch (ref.type) {
    case "Participant": {
      const row = await ctx.loaders.participant.load(ref.id);
      return row ? { node: toParticipant(row), ownerParticipantId: row.id } : null;
    }
    case "Card": {
      const row = await ctx.loaders.card.load(ref.id);
      // A card not yet linked to anyone's profile is not reachable through the API.
      return isLinked(row) ? { node: toCard(row), ownerParticipantId: row.participantId } : null;
    }
    case "Employer": {
      const row = await ctx.loaders.employer.load(ref.id);
      return row ? { node: toEmployer(row), ownerParticipantId: null } : null;
    }
    case "Pengkinian": {
      const row = await ctx.loaders.pengkinian.load(ref.id);
      return row ? { node: toPengkinian(row, ctx.scope.locale), ownerParticipantId: row.participantId } : null;
    }
    case "Klaim": {
      const row = await ctx.loaders.klaim.load(ref.id);
      return row ? { node: toKlaim(row), ownerParticipantId: row.participantId } : null;
    }
    case "IuranBpuPayment": {
      const row = await ctx.services.iuran.findPayment(ref.id);
      return row ? { node: toPayment(row), ownerParticipantId: row.participantId } : null;
    }
    case "Pengaduan": {
      const row = await ctx.services.pengaduan.find(ref.id);
      return row ? { node: toPengaduan(row, ctx.services.pengaduan.now()), ownerParticipantId: row.participantId } : null;
    }
    case "Notification": {
      const row = await ctx.services.notifications.findById(ref.id);
      return row ? { node: toNotification(row, ctx.scope.locale), ownerParticipantId: row.participantId } : null;
    }
    case "KecelakaanKerjaReport": {
      const view = await ctx.services.kecelakaan.find(ref.id);
      return view ? { node: toReport(view), ownerParticipantId: view.row.participantId } : null;
    }
    case "KanalLayanan": {
      const row = await ctx.services.kanal.find(ref.id);
      return row ? { node: toKanalLayanan(row, ctx.services.kanal.now()), ownerParticipantId: null } : null;
    }
    case "AntreanBooking": {
      const view = await ctx.services.antrean.find(ref.id);
      return view ? { node: toAntreanBooking(view, ctx.services.antrean.now()), ownerParticipantId: view.row.participantId } : null;
    }
    case "Berita": {
      // Drafts, scheduled and archived items exist only for staff.
      const row = await ctx.services.berita.find(ref.id);
      const staff = ctx.auth?.role === Role.PETUGAS;
      return row && (staff || ctx.services.berita.isVisible(row)) ? { node: toBerita(row, ctx.services.berita.now(), staff), ownerParticipantId: null } : null;
    }
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Any object by its global id, if the caller may see it: null when there is none; FORBIDDEN when it is another participant's",
  })
  async node(@Arg("id", () => ID, { description: "A global id (the `id` of any Node)" }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    requireAuth(ctx);
    const found = await find(ctx, id);
    if (!found) return null;
    if (found.ownerParticipantId) assertCanSee(ctx, found.ownerParticipantId);
    return found.node;
  }

  @Query(() => [Node], {
    nullable: "items",
    description:
      `Several objects by their global ids, in the order given (repeats included): each is the object, or null when there is none or it is another participant's (one list cannot fail for one id). At most ${MAX_NODES} ids`,
  })
  async nodes(
    @Arg("ids", () => [ID], { description: `Global ids; 0 to ${MAX_NODES} (BAD_USER_INPUT above)` }) ids: string[],
    @Ctx() ctx: Context,
  ): Promise<(Node | null)[]> {
    const auth = requireAuth(ctx);
    if (ids.length > MAX_NODES) throw badUserInput(`ids: at most ${MAX_NODES}`);
    const found = await Promise.all(ids.map((id) => find(ctx, id)));
    return found.map((f) => (f && (!f.ownerParticipantId || canSee(auth, f.ownerParticipantId)) ? f.node : null));
  }
}
