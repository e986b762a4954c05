CREATE TYPE "public"."blood_type" AS ENUM('A', 'B', 'AB', 'O', 'TIDAK_TAHU');--> statement-breakpoint
CREATE TYPE "public"."education" AS ENUM('TIDAK_SEKOLAH', 'SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3');--> statement-breakpoint
CREATE TYPE "public"."family_relation" AS ENUM('SPOUSE', 'CHILD');--> statement-breakpoint
CREATE TYPE "public"."marital_status" AS ENUM('BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI');--> statement-breakpoint
CREATE TYPE "public"."relationship" AS ENUM('SUAMI', 'ISTRI', 'AYAH', 'IBU', 'ANAK', 'SAUDARA_KANDUNG', 'LAINNYA');--> statement-breakpoint
CREATE TYPE "public"."religion" AS ENUM('ISLAM', 'KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA', 'KONGHUCU', 'KEPERCAYAAN');--> statement-breakpoint
CREATE TABLE "family_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"relation" "family_relation" NOT NULL,
	"name" text NOT NULL,
	"birth_date" date NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_data_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"participant_id" uuid,
	"account_id" uuid,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"reason" text NOT NULL,
	"source" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "pengkinian" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "pengkinian_status" DEFAULT 'DRAFT' NOT NULL,
	"completed_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kpj_attempts_used" integer DEFAULT 0 NOT NULL,
	"biometric_attempts_used" integer DEFAULT 0 NOT NULL,
	"data_kontak" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data_kependudukan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data_tambahan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consent_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"decide_after" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pengkinian_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pengkinian_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "pengkinian_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "village_code" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "kode_pos" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "mother_maiden_name" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "marital_status" "marital_status";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "education" "education";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "religion" "religion";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "blood_type" "blood_type";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "npwp" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "passport_number" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "bank_code" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "bank_account_number" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "bank_account_name" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "emergency_contact_name" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "emergency_contact_phone" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "emergency_contact_address" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "emergency_contact_relationship" "relationship";--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_audit" ADD CONSTRAINT "personal_data_audit_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengkinian" ADD CONSTRAINT "pengkinian_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengkinian_events" ADD CONSTRAINT "pengkinian_events_pengkinian_id_pengkinian_id_fk" FOREIGN KEY ("pengkinian_id") REFERENCES "public"."pengkinian"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengkinian_events" ADD CONSTRAINT "pengkinian_events_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_members_participant_idx" ON "family_members" USING btree ("participant_id","relation","position");--> statement-breakpoint
CREATE INDEX "personal_data_audit_participant_idx" ON "personal_data_audit" USING btree ("participant_id","at");--> statement-breakpoint
CREATE INDEX "personal_data_audit_account_idx" ON "personal_data_audit" USING btree ("account_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "pengkinian_one_open_per_participant" ON "pengkinian" USING btree ("participant_id") WHERE "pengkinian"."status" in ('DRAFT', 'DIAJUKAN');--> statement-breakpoint
CREATE INDEX "pengkinian_participant_idx" ON "pengkinian" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "pengkinian_due_idx" ON "pengkinian" USING btree ("decide_after") WHERE "pengkinian"."status" = 'DIAJUKAN';--> statement-breakpoint
CREATE INDEX "pengkinian_events_pengkinian_idx" ON "pengkinian_events" USING btree ("pengkinian_id","created_at");--> statement-breakpoint
-- The audit log is append-only: rows can be added, never changed or removed.
CREATE FUNCTION "personal_data_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'personal_data_audit is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "personal_data_audit_no_update_or_delete" BEFORE UPDATE OR DELETE ON "personal_data_audit"
	FOR EACH ROW EXECUTE FUNCTION "personal_data_audit_append_only"();
