import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node, PageInfo, UserError } from "./common.types.ts";
import { DateScalar, DateTimeScalar } from "./scalars.ts";

export enum BeritaKind {
  BERITA = "BERITA",
  PROMO = "PROMO",
}
registerEnumType(BeritaKind, {
  name: "BeritaKind",
  description: "A news article or a member promo",
  valuesConfig: {
    BERITA: { description: "A news article: public, read without signing in" },
    PROMO: { description: "A partner's offer to members (discount, validity, terms, region): for signed-in members" },
  },
});

export enum BeritaStatus {
  DRAFT = "DRAFT",
  SCHEDULED = "SCHEDULED",
  PUBLISHED = "PUBLISHED",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(BeritaStatus, {
  name: "BeritaStatus",
  description: "Where an article or promo stands: DRAFT → SCHEDULED → PUBLISHED → ARCHIVED",
  valuesConfig: {
    DRAFT: { description: "Being written: staff only" },
    SCHEDULED: { description: "Will be published at publishAt; members do not see it before then" },
    PUBLISHED: { description: "Visible to readers (a scheduled item reads as PUBLISHED once its time has come)" },
    ARCHIVED: { description: "Withdrawn: no longer shown; cannot be published again" },
  },
});

@ObjectType({ description: "A promo's offer: who gives it, what, when and where" })
export class PromoDetails {
  @Field(() => String, { description: "The partner giving the offer" })
  partner!: string;

  @Field(() => String, { description: 'The offer in a few words, e.g. "Diskon 20%"' })
  discount!: string;

  @Field(() => DateScalar, { description: "First day it may be used (WIB)" })
  validFrom!: string;

  @Field(() => DateScalar, { description: "Last day it may be used (WIB)" })
  validUntil!: string;

  @Field(() => [String], { description: "2-digit province codes where it applies; empty: all of Indonesia" })
  provinceCodes!: string[];

  @Field(() => String, { description: "Terms and conditions, sanitised HTML rendered from Markdown on the server" })
  termsHtml!: string;
}

@ObjectType({ description: "The item's picture, fetched and checked when staff set it" })
export class BeritaImage {
  @Field(() => String, { description: "Where the picture is (https)" })
  url!: string;

  @Field(() => Int, { description: "Width in pixels" })
  width!: number;

  @Field(() => Int, { description: "Height in pixels" })
  height!: number;

  @Field(() => String, { description: "image/jpeg, image/png or image/webp" })
  contentType!: string;

  @Field(() => Int, { description: "Size in bytes" })
  bytes!: number;
}

@ObjectType({ implements: Node, description: "A news article (berita) or a member promo, written by staff in Markdown" })
export class Berita implements Node {
  @Field(() => ID, { description: "Opaque global id; node(id:) fetches it" })
  id!: string;

  @Field(() => BeritaKind, { description: "Article or promo" })
  kind!: BeritaKind;

  @Field(() => String, { description: "Title" })
  title!: string;

  @Field(() => String, { description: "One or two sentences for lists" })
  summary!: string;

  @Field(() => String, { description: "The body as sanitised HTML, rendered from Markdown on the server: safe to insert as it is" })
  bodyHtml!: string;

  @Field(() => String, { nullable: true, description: "The Markdown source: staff only (null for everyone else)" })
  bodyMarkdown!: string | null;

  @Field(() => BeritaImage, { nullable: true, description: "The picture, when there is one" })
  image!: BeritaImage | null;

  @Field(() => BeritaStatus, { description: "Where it stands; readers see only PUBLISHED items" })
  status!: BeritaStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it is (or was) published; null for a draft" })
  publishAt!: string | null;

  @Field(() => PromoDetails, { nullable: true, description: "The offer, for a PROMO; null for news" })
  promo!: PromoDetails | null;

  @Field(() => DateTimeScalar, { description: "Last change" })
  updatedAt!: string;
}

@ObjectType({ description: "An article or promo in a BeritaConnection" })
export class BeritaEdge {
  @Field(() => String, { description: "Opaque; pass as `after` to get the items after this one" })
  cursor!: string;

  @Field(() => Berita, { description: "The item" })
  node!: Berita;
}

@ObjectType({ description: "A page of articles or promos (Relay connection), newest first" })
export class BeritaConnection {
  @Field(() => [BeritaEdge], { description: "The items of this page, in order" })
  edges!: BeritaEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether there are more pages" })
  pageInfo!: PageInfo;
}

@InputType({ description: "A promo's offer" })
export class PromoInput {
  @Field(() => String, { description: "The partner, 1–100 characters" })
  partner!: string;

  @Field(() => String, { description: 'The offer in a few words, 1–100 characters, e.g. "Diskon 20%"' })
  discount!: string;

  @Field(() => DateScalar, { description: "First day (WIB)" })
  validFrom!: string;

  @Field(() => DateScalar, { description: "Last day (WIB), not before validFrom" })
  validUntil!: string;

  @Field(() => [String], { nullable: true, description: "2-digit province codes; left out or empty: all of Indonesia" })
  provinceCodes?: string[] | null;

  @Field(() => String, { description: "Terms and conditions in Markdown, at most 20,000 characters" })
  termsMarkdown!: string;
}

@InputType({ description: "A new article or promo (created as DRAFT)" })
export class BeritaCreateInput {
  @Field(() => BeritaKind, { description: "Article or promo" })
  kind!: BeritaKind;

  @Field(() => String, { description: "Title, 1–200 characters" })
  title!: string;

  @Field(() => String, { description: "Summary, 1–500 characters" })
  summary!: string;

  @Field(() => String, { description: "Body in Markdown (CommonMark; raw HTML is not rendered), at most 50,000 characters" })
  bodyMarkdown!: string;

  @Field(() => String, {
    nullable: true,
    description: "A picture by URL (https): fetched once and checked: JPEG, PNG or WebP, at most 1 MB and 4,096 pixels a side",
  })
  imageUrl?: string | null;

  @Field(() => PromoInput, { nullable: true, description: "Required for a PROMO, refused for BERITA" })
  promo?: PromoInput | null;
}

@InputType({ description: "Changes to an article or promo that is not archived; fields left out stay as they are" })
export class BeritaUpdateInput {
  @Field(() => ID, { description: "Berita.id" })
  id!: string;

  @Field(() => String, { nullable: true, description: "Title, 1–200 characters" })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Summary, 1–500 characters" })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: "Body in Markdown, at most 50,000 characters" })
  bodyMarkdown?: string | null;

  @Field(() => String, { nullable: true, description: 'A new picture URL (checked as on create); "" removes the picture' })
  imageUrl?: string | null;

  @Field(() => PromoInput, { nullable: true, description: "The whole offer again (PROMO only)" })
  promo?: PromoInput | null;
}

@InputType({ description: "Publish now, or schedule" })
export class BeritaPublishInput {
  @Field(() => ID, { description: "Berita.id of a DRAFT or SCHEDULED item" })
  id!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When to publish; left out or not in the future: now (PUBLISHED); later: SCHEDULED" })
  publishAt?: string | null;
}

@InputType({ description: "The item to act on" })
export class BeritaIdInput {
  @Field(() => ID, { description: "Berita.id" })
  id!: string;
}

@ObjectType({ description: "The result of a staff change to an article or promo" })
export class BeritaPayload {
  @Field(() => Berita, { nullable: true, description: "The item as it is now; null when refused" })
  berita!: Berita | null;

  @Field(() => [UserError], { description: "Why the mutation was refused; empty on success" })
  userErrors!: UserError[];
}
