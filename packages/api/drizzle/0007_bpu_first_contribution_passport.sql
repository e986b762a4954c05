ALTER TYPE "public"."membership_status" ADD VALUE 'MENUNGGU_IURAN_PERTAMA';--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "passport_country" text;