CREATE TYPE "public"."klaim_channel" AS ENUM('JMO', 'LAPAK_ASIK', 'KANTOR_CABANG');--> statement-breakpoint
CREATE TYPE "public"."klaim_status" AS ENUM('DRAFT', 'AGENDA', 'VERIFIKASI', 'PENETAPAN', 'PEMBAYARAN', 'SELESAI', 'DITOLAK', 'DIBATALKAN');--> statement-breakpoint
CREATE TYPE "public"."payment_rail" AS ENUM('REALTIME', 'KLIRING');--> statement-breakpoint
CREATE TYPE "public"."sebab_klaim" AS ENUM('MENGUNDURKAN_DIRI', 'PHK');--> statement-breakpoint
CREATE SEQUENCE "public"."klaim_nomor_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "klaim_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"klaim_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"status" "klaim_status" NOT NULL,
	"note" text,
	"actor" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "klaim_events_klaim_sequence_unique" UNIQUE("klaim_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "klaims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomor" text DEFAULT 'JHT-' || to_char(now() at time zone 'Asia/Jakarta', 'YYYYMMDD') || '-' || lpad(nextval('klaim_nomor_seq')::text, 6, '0') NOT NULL,
	"participant_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"sebab" "sebab_klaim" NOT NULL,
	"channel" "klaim_channel" DEFAULT 'JMO' NOT NULL,
	"status" "klaim_status" DEFAULT 'DRAFT' NOT NULL,
	"completed_steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"kpj_attempts" integer DEFAULT 0 NOT NULL,
	"biometric_attempts" integer DEFAULT 0 NOT NULL,
	"npwp" text,
	"bank_code" text,
	"bank_account_number" text,
	"bank_account_name" text,
	"saldo_sen" bigint,
	"pajak_sen" bigint,
	"dibayarkan_sen" bigint,
	"tax_rule" text,
	"consent_at" timestamp with time zone,
	"idempotency_key" text,
	"payment_rail" "payment_rail",
	"transfer_reference" text,
	"on_hold" boolean DEFAULT false NOT NULL,
	"hold_reason" text,
	"rejection_reason" text,
	"next_action_at" timestamp with time zone,
	"last_sequence" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "klaims_nomor_unique" UNIQUE("nomor")
);
--> statement-breakpoint
ALTER TABLE "klaim_events" ADD CONSTRAINT "klaim_events_klaim_id_klaims_id_fk" FOREIGN KEY ("klaim_id") REFERENCES "public"."klaims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "klaims" ADD CONSTRAINT "klaims_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "klaims" ADD CONSTRAINT "klaims_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "klaims_one_open_per_card" ON "klaims" USING btree ("card_id") WHERE "klaims"."status" in ('DRAFT', 'AGENDA', 'VERIFIKASI', 'PENETAPAN', 'PEMBAYARAN');--> statement-breakpoint
CREATE UNIQUE INDEX "klaims_idempotency" ON "klaims" USING btree ("participant_id","idempotency_key") WHERE "klaims"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "klaims_participant_idx" ON "klaims" USING btree ("participant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "klaims_status_next_action_idx" ON "klaims" USING btree ("status","next_action_at");