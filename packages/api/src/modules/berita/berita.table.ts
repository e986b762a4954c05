import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * News articles and member promos. `body_html` / `promo_terms_html` are rendered from the Markdown and sanitised when
 * staff save, so reads serve them as they are. Visible to readers when status is SCHEDULED or PUBLISHED and
 * `publish_at` ≤ now: a scheduled item appears at its time without a job having to run.
 */
export const beritaItems = pgTable(
  "berita_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // BERITA, PROMO
    kind: text("kind").notNull(),
    // DRAFT, SCHEDULED, PUBLISHED, ARCHIVED
    status: text("status").notNull().default("DRAFT"),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    bodyHtml: text("body_html").notNull(),
    imageUrl: text("image_url"),
    imageContentType: text("image_content_type"),
    imageBytes: integer("image_bytes"),
    imageWidth: integer("image_width"),
    imageHeight: integer("image_height"),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    promoPartner: text("promo_partner"),
    promoDiscount: text("promo_discount"),
    promoValidFrom: date("promo_valid_from", { mode: "string" }),
    promoValidUntil: date("promo_valid_until", { mode: "string" }),
    // 2-digit province codes; empty: all of Indonesia.
    promoProvinceCodes: text("promo_province_codes").array(),
    promoTermsMarkdown: text("promo_terms_markdown"),
    promoTermsHtml: text("promo_terms_html"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("berita_items_feed_idx").on(t.kind, t.publishAt.desc(), t.id.desc())],
);

/** Every staff change to an item: who, when, what (append-only; the migration refuses UPDATE and DELETE). */
export const beritaAudit = pgTable(
  "berita_audit",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id").notNull().references(() => beritaItems.id),
    // The staff account that acted.
    actor: uuid("actor").notNull(),
    // CREATE, UPDATE, PUBLISH, SCHEDULE, UNSCHEDULE, ARCHIVE
    action: text("action").notNull(),
    // The fields changed and the status before and after.
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("berita_audit_item_idx").on(t.itemId, t.at)],
);

export type BeritaRow = typeof beritaItems.$inferSelect;
export type BeritaAuditRow = typeof beritaAudit.$inferSelect;
