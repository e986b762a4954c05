import { Notification, NotificationConnection, NotificationKind, PengkinianRejection } from "@jmo/schema";
import { forwardPageInfo } from "../../common/connection.ts";
import { fromGlobalId, toGlobalId, type NodeType } from "../../common/global-id.ts";
import { notificationText, type Locale } from "../../common/i18n.ts";
import { rejectionMessage } from "../pengkinian/verifier.ts";
import type { NotificationRow } from "./notifications.table.ts";

const PENGKINIAN_REJECTIONS: ReadonlySet<string> = new Set(Object.values(PengkinianRejection));

/** The subject as a global id when it is a Node type this API serves (else null: nothing to open). */
function subjectGlobalId(row: NotificationRow): string | null {
  if (!row.subjectType || !row.subjectId) return null;
  const id = toGlobalId(row.subjectType as NodeType, row.subjectId);
  return fromGlobalId(id) ? id : null;
}

/** Params as the text needs them: a pengkinian's rejection code becomes its sentence in the reader's language. */
function textParams(row: NotificationRow, locale: Locale): Record<string, string> {
  const reason = row.params.reason;
  if (row.kind === "PENGKINIAN_RESULT" && reason && PENGKINIAN_REJECTIONS.has(reason)) {
    return { ...row.params, reason: rejectionMessage(reason as PengkinianRejection, locale) };
  }
  return row.params;
}

export function notificationCursor(row: Pick<NotificationRow, "id">): string {
  return toGlobalId("Notification", row.id);
}

export function toNotification(row: NotificationRow, locale: Locale): Notification {
  const { title, body } = notificationText(row.kind, locale, textParams(row, locale));
  return Object.assign(new Notification(), {
    ownerParticipantId: row.participantId,
    rowId: row.id,
    id: toGlobalId("Notification", row.id),
    kind: row.kind as NotificationKind,
    title,
    body,
    subjectId: subjectGlobalId(row),
    createdAt: row.createdAt,
    readAt: row.readAt,
    read: row.readAt !== null,
    cursor: notificationCursor(row),
  });
}

export function toNotificationConnection(page: { rows: NotificationRow[]; hasNextPage: boolean }, after: string | null | undefined, locale: Locale): NotificationConnection {
  const edges = page.rows.map((row) => ({ cursor: notificationCursor(row), node: toNotification(row, locale) }));
  return Object.assign(new NotificationConnection(), { edges, pageInfo: forwardPageInfo(edges, page.hasNextPage, after) });
}
