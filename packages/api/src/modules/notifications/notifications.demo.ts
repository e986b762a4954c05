// Demo data: a kotak masuk history for each demo persona (issue 15: "a notification history"), dated before `today`,
// some read, some not, written as the flows would have written them (kind + params; the text is rendered when read).
import { desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/database.ts";
import { maskKpj } from "../../common/mask.ts";
import { accounts } from "../accounts/account.table.ts";
import { cards } from "../cards/card.table.ts";
import { pengkinian } from "../pengkinian/pengkinian.table.ts";
import { notifications } from "./notifications.table.ts";
import type { NotificationKindValue } from "./notifications.table.ts";

interface DemoNotification {
  email: string;
  kind: NotificationKindValue;
  params: (ctx: { kpj: string | null }) => Record<string, string>;
  daysAgo: number;
  read: boolean;
  subject?: "pengkinian";
}

const HISTORY: DemoNotification[] = [
  { email: "budi@example.com", kind: "PENGKINIAN_RESULT", params: () => ({ status: "TERVERIFIKASI" }), daysAgo: 40, read: true, subject: "pengkinian" },
  { email: "budi@example.com", kind: "NEW_DEVICE_SIGN_IN", params: () => ({ device: "JMO on Android" }), daysAgo: 6, read: true },
  { email: "budi@example.com", kind: "NEW_DEVICE_SIGN_IN", params: () => ({ device: "Chrome on Windows" }), daysAgo: 1, read: false },
  { email: "siti@example.com", kind: "NEW_DEVICE_SIGN_IN", params: () => ({ device: "JMO on iOS" }), daysAgo: 3, read: false },
  { email: "agus@example.com", kind: "NEW_DEVICE_SIGN_IN", params: () => ({ device: "JMO on Android" }), daysAgo: 12, read: true },
  { email: "dewi@example.com", kind: "NEW_DEVICE_SIGN_IN", params: () => ({ device: "Chrome on Android" }), daysAgo: 2, read: false },
  {
    email: "rina@example.com",
    kind: "IURAN_PAYMENT",
    params: ({ kpj }) => ({ amount: "96800.00", months: "1", receiptNumber: "BPU-DEMO-000001", kpjMasked: kpj ? maskKpj(kpj) : "" }),
    daysAgo: 33,
    read: true,
  },
  { email: "rina@example.com", kind: "NEW_DEVICE_SIGN_IN", params: () => ({ device: "JMO on Android" }), daysAgo: 20, read: true },
];

export async function seedDemoNotifications(tx: Tx, today: string): Promise<void> {
  const emails = [...new Set(HISTORY.map((n) => n.email))];
  const owners = await tx.select({ email: accounts.email, participantId: accounts.participantId }).from(accounts).where(inArray(accounts.email, emails));
  const participantOf = new Map(owners.flatMap((o) => (o.participantId && o.email ? [[o.email, o.participantId] as const] : [])));
  const rows: (typeof notifications.$inferInsert)[] = [];
  // Oldest first, so that `seq` (the list's order) follows the dates.
  for (const n of [...HISTORY].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const participantId = participantOf.get(n.email);
    if (!participantId) continue;
    const [card] = await tx.select({ kpj: cards.kpj }).from(cards).where(eq(cards.participantId, participantId)).limit(1);
    const [attempt] =
      n.subject === "pengkinian"
        ? await tx.select({ id: pengkinian.id }).from(pengkinian).where(eq(pengkinian.participantId, participantId)).orderBy(desc(pengkinian.createdAt)).limit(1)
        : [];
    const createdAt = new Date(`${today}T09:00:00+07:00`);
    createdAt.setUTCDate(createdAt.getUTCDate() - n.daysAgo);
    rows.push({
      participantId,
      kind: n.kind,
      params: n.params({ kpj: card?.kpj ?? null }),
      subjectType: attempt ? "Pengkinian" : null,
      subjectId: attempt?.id ?? null,
      createdAt,
      readAt: n.read ? new Date(createdAt.getTime() + 3600_000) : null,
    });
  }
  if (rows.length) await tx.insert(notifications).values(rows);
}
