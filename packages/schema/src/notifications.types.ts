import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node, PageInfo, UserError, type Owned } from "./common.types.ts";
import { DateTimeScalar } from "./scalars.ts";

export enum NotificationKind {
  KLAIM_STATUS = "KLAIM_STATUS",
  PENGKINIAN_RESULT = "PENGKINIAN_RESULT",
  NEW_DEVICE_SIGN_IN = "NEW_DEVICE_SIGN_IN",
  IURAN_PAYMENT = "IURAN_PAYMENT",
  IURAN_DUE = "IURAN_DUE",
  PENGADUAN_REPLY = "PENGADUAN_REPLY",
  PENGADUAN_STATUS = "PENGADUAN_STATUS",
  KECELAKAAN_STATUS = "KECELAKAAN_STATUS",
  ANTREAN_BOOKED = "ANTREAN_BOOKED",
  ANTREAN_REMINDER = "ANTREAN_REMINDER",
}
registerEnumType(NotificationKind, {
  name: "NotificationKind",
  description: "What a notification is about; apps may pick an icon by it. New kinds may be added: show title and body for any",
  valuesConfig: {
    KLAIM_STATUS: { description: "A JHT claim changed status (one per change); subjectId is the Klaim" },
    PENGKINIAN_RESULT: { description: "A pengkinian data was decided: TERVERIFIKASI or DITOLAK with the reason; subjectId is the Pengkinian" },
    NEW_DEVICE_SIGN_IN: { description: "The account signed in on a device without this account's device token" },
    IURAN_PAYMENT: { description: "A BPU contribution payment was received; subjectId is the IuranBpuPayment" },
    IURAN_DUE: { description: "A BPU card's protection ends soon: the next month is due; subjectId is the Card" },
    PENGADUAN_REPLY: { description: "Staff replied to one of your complaints (pengaduan)" },
    PENGADUAN_STATUS: { description: "One of your complaints (pengaduan) changed status" },
    KECELAKAAN_STATUS: { description: "One of your work accident reports (kecelakaan kerja) changed status" },
    ANTREAN_BOOKED: { description: "You booked a branch visit (antrean kantor cabang); subjectId is the AntreanBooking" },
    ANTREAN_REMINDER: { description: "Your branch visit is tomorrow (about 24 hours ahead); subjectId is the AntreanBooking" },
  },
});

@ObjectType({ implements: Node, description: "A message in the member's kotak masuk (inbox), written when the event it tells of happened" })
export class Notification implements Node, Owned {
  ownerParticipantId!: string;
  rowId!: string;

  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it, notificationsMarkRead takes it" })
  id!: string;

  @Field(() => NotificationKind, { description: "What it is about" })
  kind!: NotificationKind;

  @Field(() => String, { description: "A short title in the caller's language (Indonesian, or English with Accept-Language: en)" })
  title!: string;

  @Field(() => String, { description: "The message in the caller's language, with the figures filled in" })
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The object it is about (a Klaim, Pengkinian, IuranBpuPayment, Card…), to open with node(id:); null when there is none",
  })
  subjectId!: string | null;

  @Field(() => DateTimeScalar, { description: "When it was written (when the event happened)" })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the member marked it read; null while unread" })
  readAt!: Date | null;

  @Field(() => Boolean, { description: "Whether it was marked read" })
  read!: boolean;

  @Field(() => String, {
    description: "This notification's cursor: `after` for me.notifications, and for notificationReceived to replay what came after it",
  })
  cursor!: string;
}

@ObjectType({ description: "A notification in a NotificationConnection" })
export class NotificationEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to get the notifications after (older than) this one" })
  cursor!: string;

  @Field(() => Notification, { description: "The notification" })
  node!: Notification;
}

@ObjectType({ description: "A page of the kotak masuk, newest first (Relay connection)" })
export class NotificationConnection {
  @Field(() => [NotificationEdge], { description: "The notifications of this page, newest first" })
  edges!: NotificationEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more (older) pages" })
  pageInfo!: PageInfo;
}

@InputType({
  description: "Which notifications to mark read, by exactly one of: their ids, or all (@oneOf: giving none or both is a validation error)",
})
export class NotificationsMarkReadInput {
  @Field(() => [ID], { nullable: true, description: "Notification ids (Notification.id), 1 to 100; ones already read stay as they were" })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: every notification unread now (ones arriving meanwhile stay unread); false is refused" })
  all?: boolean | null;
}

@ObjectType({ description: "The result of notificationsMarkRead" })
export class NotificationsMarkReadPayload {
  @Field(() => Int, { description: "How many notifications this call marked read (not counting ones read before)" })
  marked!: number;

  @Field(() => Int, { description: "How many unread notifications are left, counted up to 1000 as notificationsUnreadCount: the new badge count" })
  unreadCount!: number;

  @Field(() => [Notification], { description: "With ids: those notifications as they are now, in the order given (unknown ids left out); with all: empty" })
  notifications!: Notification[];

  @Field(() => [UserError], { description: "Why the mutation was refused; empty on success" })
  userErrors!: UserError[];
}
