CREATE TYPE "public"."pengaduan_attachment_type" AS ENUM('JPEG', 'PNG', 'PDF');--> statement-breakpoint
CREATE TYPE "public"."pengaduan_author" AS ENUM('PESERTA', 'PETUGAS');--> statement-breakpoint
CREATE TYPE "public"."pengaduan_kategori" AS ENUM('KOREKSI_DATA', 'PERUSAHAAN_TIDAK_MENDAFTARKAN', 'KLAIM', 'IURAN', 'AKUN', 'LAINNYA');--> statement-breakpoint
CREATE TYPE "public"."pengaduan_status" AS ENUM('DITERIMA', 'DIPROSES', 'SELESAI', 'DITOLAK');--> statement-breakpoint
CREATE TABLE "pengaduan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomor" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"card_id" uuid,
	"kategori" "pengaduan_kategori" NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"employer_name" text,
	"koreksi" jsonb,
	"status" "pengaduan_status" DEFAULT 'DITERIMA' NOT NULL,
	"status_reason" text,
	"due_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "pengaduan_nomor_unique" UNIQUE("nomor"),
	CONSTRAINT "pengaduan_participant_idempotency_unique" UNIQUE("participant_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "pengaduan_attachment_blobs" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pengaduan_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pengaduan_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"type" "pengaduan_attachment_type" NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pengaduan_daily_counters" (
	"day" date PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pengaduan_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pengaduan_id" uuid NOT NULL,
	"author" "pengaduan_author" NOT NULL,
	"author_account_id" uuid,
	"body" text,
	"status" "pengaduan_status",
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pengaduan" ADD CONSTRAINT "pengaduan_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengaduan" ADD CONSTRAINT "pengaduan_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengaduan_attachments" ADD CONSTRAINT "pengaduan_attachments_pengaduan_id_pengaduan_id_fk" FOREIGN KEY ("pengaduan_id") REFERENCES "public"."pengaduan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengaduan_attachments" ADD CONSTRAINT "pengaduan_attachments_message_id_pengaduan_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."pengaduan_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengaduan_messages" ADD CONSTRAINT "pengaduan_messages_pengaduan_id_pengaduan_id_fk" FOREIGN KEY ("pengaduan_id") REFERENCES "public"."pengaduan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengaduan_messages" ADD CONSTRAINT "pengaduan_messages_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pengaduan_participant_idx" ON "pengaduan" USING btree ("participant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pengaduan_queue_idx" ON "pengaduan" USING btree ("status","kategori","created_at","id");--> statement-breakpoint
CREATE INDEX "pengaduan_attachments_pengaduan_idx" ON "pengaduan_attachments" USING btree ("pengaduan_id");--> statement-breakpoint
CREATE INDEX "pengaduan_messages_pengaduan_idx" ON "pengaduan_messages" USING btree ("pengaduan_id","at","id");