CREATE TYPE "public"."gender" AS ENUM('LAKI_LAKI', 'PEREMPUAN');--> statement-breakpoint
CREATE TYPE "public"."nationality" AS ENUM('WNI', 'WNA');--> statement-breakpoint
CREATE TYPE "public"."pengkinian_status" AS ENUM('BELUM', 'DRAFT', 'DIAJUKAN', 'TERVERIFIKASI', 'DITOLAK');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('AKTIF', 'NONAKTIF');--> statement-breakpoint
CREATE TYPE "public"."segment" AS ENUM('PU', 'BPU', 'JAKON', 'PMI');--> statement-breakpoint
CREATE TYPE "public"."account_event_type" AS ENUM('NEW_SIGN_IN', 'SIGNED_OUT');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('PESERTA', 'PETUGAS');--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"npp" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employers_npp_unique" UNIQUE("npp")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nik" text NOT NULL,
	"full_name" text NOT NULL,
	"birth_place" text,
	"birth_date" date NOT NULL,
	"gender" "gender" NOT NULL,
	"nationality" "nationality" DEFAULT 'WNI' NOT NULL,
	"email" text,
	"phone" text,
	"pengkinian_status" "pengkinian_status" DEFAULT 'BELUM' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_nik_unique" UNIQUE("nik")
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"kpj" text NOT NULL,
	"segment" "segment" NOT NULL,
	"status" "membership_status" NOT NULL,
	"employer_id" uuid,
	"registered_at" date NOT NULL,
	"nonaktif_since" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cards_kpj_unique" UNIQUE("kpj")
);
--> statement-breakpoint
CREATE TABLE "account_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"type" "account_event_type" NOT NULL,
	"session_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid,
	"role" "role" DEFAULT 'PESERTA' NOT NULL,
	"email" text,
	"phone" text,
	"password_hash" text NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"blocked_at" timestamp with time zone,
	"blocked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_participant_id_unique" UNIQUE("participant_id"),
	CONSTRAINT "accounts_email_unique" UNIQUE("email"),
	CONSTRAINT "accounts_phone_unique" UNIQUE("phone")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"refresh_hash" text NOT NULL,
	"previous_refresh_hash" text,
	"device" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_full_name_idx" ON "participants" USING btree ("full_name","id");--> statement-breakpoint
CREATE INDEX "cards_participant_idx" ON "cards" USING btree ("participant_id","registered_at");--> statement-breakpoint
CREATE INDEX "account_events_account_idx" ON "account_events" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");