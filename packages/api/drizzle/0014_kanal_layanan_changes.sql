CREATE TABLE "kanal_layanan_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kanal_id" uuid NOT NULL,
	"actor" uuid NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kanal_layanan_changes" ADD CONSTRAINT "kanal_layanan_changes_kanal_id_kanal_layanan_id_fk" FOREIGN KEY ("kanal_id") REFERENCES "public"."kanal_layanan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kanal_layanan_changes_kanal_idx" ON "kanal_layanan_changes" USING btree ("kanal_id","at");--> statement-breakpoint
-- The change log is append-only: rows can be added, never changed or removed.
CREATE FUNCTION "kanal_layanan_changes_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'kanal_layanan_changes is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "kanal_layanan_changes_no_update_or_delete" BEFORE UPDATE OR DELETE ON "kanal_layanan_changes"
	FOR EACH ROW EXECUTE FUNCTION "kanal_layanan_changes_append_only"();
