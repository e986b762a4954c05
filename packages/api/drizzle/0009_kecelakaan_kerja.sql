CREATE TYPE "public"."kecelakaan_place_type" AS ENUM('DI_LOKASI_KERJA', 'DI_LUAR_LOKASI_KERJA', 'LALU_LINTAS');--> statement-breakpoint
CREATE TYPE "public"."kecelakaan_status" AS ENUM('DILAPORKAN', 'DIVERIFIKASI', 'DITINDAKLANJUTI', 'DITOLAK');--> statement-breakpoint
CREATE SEQUENCE "public"."kecelakaan_nomor_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "kecelakaan_report_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"status" "kecelakaan_status" NOT NULL,
	"note" text,
	"by_account_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kecelakaan_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomor" text DEFAULT 'KK-' || to_char(now() at time zone 'Asia/Jakarta', 'YYYYMMDD') || '-' || lpad(nextval('kecelakaan_nomor_seq')::text, 6, '0') NOT NULL,
	"participant_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"employer_id" uuid,
	"employer_name" text,
	"employer_npp" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"place_type" "kecelakaan_place_type" NOT NULL,
	"address" text NOT NULL,
	"village_code" text NOT NULL,
	"description" text NOT NULL,
	"injury" text NOT NULL,
	"treated" boolean NOT NULL,
	"treatment_place" text,
	"witnesses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "kecelakaan_status" DEFAULT 'DILAPORKAN' NOT NULL,
	"idempotency_key" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kecelakaan_reports_nomor_unique" UNIQUE("nomor"),
	CONSTRAINT "kecelakaan_reports_participant_idempotency_unique" UNIQUE("participant_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "kecelakaan_report_events" ADD CONSTRAINT "kecelakaan_report_events_report_id_kecelakaan_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."kecelakaan_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kecelakaan_report_events" ADD CONSTRAINT "kecelakaan_report_events_by_account_id_accounts_id_fk" FOREIGN KEY ("by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kecelakaan_reports" ADD CONSTRAINT "kecelakaan_reports_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kecelakaan_reports" ADD CONSTRAINT "kecelakaan_reports_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kecelakaan_reports" ADD CONSTRAINT "kecelakaan_reports_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kecelakaan_report_events_report_idx" ON "kecelakaan_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "kecelakaan_reports_participant_idx" ON "kecelakaan_reports" USING btree ("participant_id","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "kecelakaan_reports_status_idx" ON "kecelakaan_reports" USING btree ("status","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);