CREATE TABLE "berita_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"actor" uuid NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "berita_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_markdown" text NOT NULL,
	"body_html" text NOT NULL,
	"image_url" text,
	"image_content_type" text,
	"image_bytes" integer,
	"image_width" integer,
	"image_height" integer,
	"publish_at" timestamp with time zone,
	"promo_partner" text,
	"promo_discount" text,
	"promo_valid_from" date,
	"promo_valid_until" date,
	"promo_province_codes" text[],
	"promo_terms_markdown" text,
	"promo_terms_html" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "berita_audit" ADD CONSTRAINT "berita_audit_item_id_berita_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."berita_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "berita_audit_item_idx" ON "berita_audit" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "berita_items_feed_idx" ON "berita_items" USING btree ("kind","publish_at" DESC NULLS LAST,"id" DESC NULLS LAST);
--> statement-breakpoint
-- The audit log is append-only: rows can be added, never changed or removed.
CREATE FUNCTION "berita_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'berita_audit is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "berita_audit_no_update_or_delete" BEFORE UPDATE OR DELETE ON "berita_audit"
	FOR EACH ROW EXECUTE FUNCTION "berita_audit_append_only"();
