CREATE TYPE "public"."klaim_jenis" AS ENUM('PENUH', 'SEBAGIAN_10', 'SEBAGIAN_30');--> statement-breakpoint
ALTER TYPE "public"."sebab_klaim" ADD VALUE 'PEMILIKAN_RUMAH';--> statement-breakpoint
ALTER TYPE "public"."sebab_klaim" ADD VALUE 'KEPERLUAN_LAIN';--> statement-breakpoint
CREATE TABLE "klaim_dokumen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"klaim_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"type" "pengaduan_attachment_type" NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "klaim_dokumen_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "klaims" ADD COLUMN "jenis" "klaim_jenis" DEFAULT 'PENUH' NOT NULL;--> statement-breakpoint
ALTER TABLE "klaims" ADD COLUMN "persentase" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "klaims" ADD COLUMN "jumlah_sen" bigint;--> statement-breakpoint
ALTER TABLE "klaim_dokumen" ADD CONSTRAINT "klaim_dokumen_klaim_id_klaims_id_fk" FOREIGN KEY ("klaim_id") REFERENCES "public"."klaims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "klaim_dokumen_klaim_idx" ON "klaim_dokumen" USING btree ("klaim_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "klaims_one_sebagian_per_participant" ON "klaims" USING btree ("participant_id") WHERE "klaims"."jenis" <> 'PENUH' and "klaims"."status" not in ('DITOLAK', 'DIBATALKAN');