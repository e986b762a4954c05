import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root, Subscription } from "type-graphql";
import {
  AFTER_ARG_DESCRIPTION,
  FIRST_ARG_DESCRIPTION,
  Notification,
  NotificationConnection,
  NotificationsMarkReadInput,
  NotificationsMarkReadPayload,
  Participant,
} from "@jmo/schema";
import { requireAuth } from "../../common/access.ts";
import { afterIdOf, pageSize } from "../../common/connection.ts";
import { badUserInput, forbidden } from "../../common/errors.ts";
import { idOfType } from "../../common/global-id.ts";
import type { Context } from "../../server/context.ts";
import type { AuthInfo } from "../accounts/auth.service.ts";
import { notificationStream } from "./notification-stream.ts";
import { toNotification, toNotificationConnection } from "./notifications.mapper.ts";
import type { NotificationRow } from "./notifications.table.ts";

/** The most ids one notificationsMarkRead takes (a page of the list). */
export const MAX_MARK_IDS = 100;

/** The kotak masuk is the member's own: staff have none, and mark or follow no one else's. */
function requireParticipant(ctx: Context): AuthInfo & { participantId: string } {
  const auth = requireAuth(ctx);
  if (!auth.participantId) throw forbidden();
  return auth as AuthInfo & { participantId: string };
}

/** A cursor of the list (a notification's id); anything else is BAD_USER_INPUT. */
const afterId = (after: string | null | undefined) => afterIdOf(after, "Notification");

@Resolver(() => Participant)
export class ParticipantNotificationsResolver {
  @FieldResolver(() => NotificationConnection, {
    description:
      "The kotak masuk (inbox), newest first: claim status changes, pengkinian results, sign-ins on a new device, BPU payments and dues, " +
      "pengaduan replies, work accident report statuses. The holder's (staff may read it for support). Kept a year at most (docs/features/notifications.md)",
  })
  async notifications(
    @Root() participant: Participant,
    @Arg("first", () => Int, { nullable: true, description: FIRST_ARG_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after: string | null,
    @Arg("unreadOnly", () => Boolean, { nullable: true, description: "true: only the ones not marked read; left out or false: all" }) unreadOnly: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<NotificationConnection> {
    const size = pageSize(first);
    const page = await ctx.services.notifications.list(participant.ownerParticipantId, size, afterId(after), unreadOnly === true);
    return toNotificationConnection(page, after, ctx.scope.locale);
  }

  @FieldResolver(() => Int, { description: "How many notifications are not marked read, counted up to 1000 (1000: that many or more): the kotak masuk's badge" })
  notificationsUnreadCount(@Root() participant: Participant, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.notifications.unreadCount(participant.ownerParticipantId);
  }
}

@Resolver(() => Notification)
export class NotificationsResolver {
  @Mutation(() => NotificationsMarkReadPayload, {
    description:
      "Mark your notifications read: some by id, or all unread now. Ids of notifications that are not yours (or unknown) mark nothing. " +
      "Answers the new unread count for the badge",
  })
  async notificationsMarkRead(
    @Arg("input", () => NotificationsMarkReadInput, { description: "Exactly one of: ids, or all: true" }) input: NotificationsMarkReadInput,
    @Ctx() ctx: Context,
  ): Promise<NotificationsMarkReadPayload> {
    const auth = requireParticipant(ctx);
    const service = ctx.services.notifications;
    if (input.all !== undefined && input.all !== null) {
      if (input.all !== true) throw badUserInput("all: only true");
      return { ...(await service.markAllRead(auth.participantId)), notifications: [], userErrors: [] };
    }
    const ids = input.ids ?? [];
    if (ids.length < 1 || ids.length > MAX_MARK_IDS) throw badUserInput(`ids: 1 to ${MAX_MARK_IDS}`);
    const rowIds = ids.map((id) => idOfType(id, "Notification")).filter((id): id is string => id !== null);
    const result = await service.markRead(auth.participantId, [...new Set(rowIds)]);
    const rows = new Map((await service.findByIds(rowIds)).filter((r) => r.participantId === auth.participantId).map((r) => [r.id, r]));
    const notifications = rowIds.flatMap((id) => {
      const row = rows.get(id);
      return row ? [toNotification(row, ctx.scope.locale)] : [];
    });
    return { ...result, notifications, userErrors: [] };
  }

  @Subscription(() => Notification, {
    description:
      "Your new notifications as they are written, on whichever instance you are connected to. With after (a Notification.cursor or the first " +
      "edge's cursor of me.notifications): the stored ones after it first (the newest 100 at most, oldest first), then new ones, each once",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const auth = requireParticipant(ctx);
      const afterRowId = afterId((args as { after?: string | null }).after);
      const service = ctx.services.notifications;
      return notificationStream(ctx.services.events, auth.participantId, afterRowId ? () => service.replayAfter(auth.participantId, afterRowId) : null);
    },
  })
  notificationReceived(
    @Root() row: NotificationRow,
    @Arg("after", () => String, { nullable: true, description: "The cursor of the newest notification you have; left out: only new ones" })
    _after: string | null,
    @Ctx() ctx: Context,
  ): Notification {
    return toNotification(row, ctx.scope.locale);
  }
}
