CREATE TYPE "public"."antrean_layanan" AS ENUM('KLAIM_JHT', 'KLAIM_JKM', 'KLAIM_JKK', 'KLAIM_JP', 'KLAIM_JKP', 'PENGKINIAN', 'LAINNYA');--> statement-breakpoint
CREATE TYPE "public"."antrean_status" AS ENUM('BOOKED', 'CANCELLED', 'SERVED', 'NO_SHOW', 'EXPIRED');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'ANTREAN_BOOKED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'ANTREAN_REMINDER';--> statement-breakpoint
CREATE TABLE "antrean_booking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"status" "antrean_status" NOT NULL,
	"by_account_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "antrean_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"kanal_id" uuid NOT NULL,
	"layanan" "antrean_layanan" NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"slot_end" timestamp with time zone NOT NULL,
	"slot_date" date NOT NULL,
	"status" "antrean_status" DEFAULT 'BOOKED' NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "antrean_bookings_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "antrean_days" (
	"kanal_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "antrean_days_kanal_id_day_pk" PRIMARY KEY("kanal_id","day")
);
--> statement-breakpoint
CREATE TABLE "antrean_slots" (
	"kanal_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "antrean_slots_kanal_id_slot_start_pk" PRIMARY KEY("kanal_id","slot_start"),
	CONSTRAINT "antrean_slots_booked_range" CHECK ("antrean_slots"."booked" >= 0 and "antrean_slots"."booked" <= "antrean_slots"."capacity")
);
--> statement-breakpoint
ALTER TABLE "antrean_booking_events" ADD CONSTRAINT "antrean_booking_events_booking_id_antrean_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."antrean_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antrean_booking_events" ADD CONSTRAINT "antrean_booking_events_by_account_id_accounts_id_fk" FOREIGN KEY ("by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antrean_bookings" ADD CONSTRAINT "antrean_bookings_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antrean_bookings" ADD CONSTRAINT "antrean_bookings_kanal_id_kanal_layanan_id_fk" FOREIGN KEY ("kanal_id") REFERENCES "public"."kanal_layanan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antrean_days" ADD CONSTRAINT "antrean_days_kanal_id_kanal_layanan_id_fk" FOREIGN KEY ("kanal_id") REFERENCES "public"."kanal_layanan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antrean_slots" ADD CONSTRAINT "antrean_slots_kanal_id_kanal_layanan_id_fk" FOREIGN KEY ("kanal_id") REFERENCES "public"."kanal_layanan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "antrean_booking_events_booking_idx" ON "antrean_booking_events" USING btree ("booking_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "antrean_bookings_one_open_idx" ON "antrean_bookings" USING btree ("participant_id","layanan") WHERE "antrean_bookings"."status" = 'BOOKED';--> statement-breakpoint
CREATE INDEX "antrean_bookings_participant_idx" ON "antrean_bookings" USING btree ("participant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "antrean_bookings_kanal_day_idx" ON "antrean_bookings" USING btree ("kanal_id","slot_date","slot_start");--> statement-breakpoint
CREATE INDEX "antrean_bookings_open_start_idx" ON "antrean_bookings" USING btree ("slot_start") WHERE "antrean_bookings"."status" = 'BOOKED';