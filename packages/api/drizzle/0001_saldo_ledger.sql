CREATE TYPE "public"."rate_source" AS ENUM('OFFICIAL', 'ASSUMED');--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"card_id" uuid NOT NULL,
	"period" date NOT NULL,
	"employer_id" uuid,
	"wage_sen" bigint NOT NULL,
	"jht_employer_sen" bigint NOT NULL,
	"jht_worker_sen" bigint NOT NULL,
	"jp_employer_sen" bigint DEFAULT 0 NOT NULL,
	"jp_worker_sen" bigint DEFAULT 0 NOT NULL,
	"jkk_sen" bigint DEFAULT 0 NOT NULL,
	"jkm_sen" bigint DEFAULT 0 NOT NULL,
	"paid_at" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contributions_card_period_unique" UNIQUE("card_id","period")
);
--> statement-breakpoint
CREATE TABLE "jht_rates" (
	"year" integer PRIMARY KEY NOT NULL,
	"rate_bp" integer NOT NULL,
	"source" "rate_source" NOT NULL,
	"note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jht_withdrawals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"card_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_sen" bigint NOT NULL,
	"reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saldo_jht_years" (
	"card_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"saldo_awal_sen" bigint NOT NULL,
	"iuran_pemberi_kerja_sen" bigint NOT NULL,
	"iuran_pekerja_sen" bigint NOT NULL,
	"pengembangan_sen" bigint NOT NULL,
	"penarikan_sen" bigint NOT NULL,
	"saldo_akhir_sen" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"rate_source" "rate_source" NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saldo_jht_years_card_id_year_pk" PRIMARY KEY("card_id","year")
);
--> statement-breakpoint
ALTER TABLE "cards" ALTER COLUMN "participant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "registered_nik" text;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "registered_birth_date" date;--> statement-breakpoint
-- Cards from before this migration were registered with their participant's identity.
UPDATE "cards" SET "registered_nik" = p."nik", "registered_birth_date" = p."birth_date" FROM "participants" p WHERE p."id" = "cards"."participant_id";--> statement-breakpoint
ALTER TABLE "cards" ALTER COLUMN "registered_nik" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cards" ALTER COLUMN "registered_birth_date" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jht_withdrawals" ADD CONSTRAINT "jht_withdrawals_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saldo_jht_years" ADD CONSTRAINT "saldo_jht_years_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jht_withdrawals_card_idx" ON "jht_withdrawals" USING btree ("card_id","paid_on");--> statement-breakpoint
-- Credited JHT development rates (hundredths of a percent). OFFICIAL: published by BPJS Ketenagakerjaan
-- (see README, "JHT development"). ASSUMED: no published figure found; a marked placeholder.
INSERT INTO "jht_rates" ("year", "rate_bp", "source", "note") VALUES
  (2010, 700, 'ASSUMED', 'no published figure found'),
  (2011, 700, 'ASSUMED', 'no published figure found'),
  (2012, 700, 'ASSUMED', 'no published figure found'),
  (2013, 700, 'ASSUMED', 'no published figure found'),
  (2014, 700, 'ASSUMED', 'no published figure found'),
  (2015, 700, 'ASSUMED', 'no published figure found'),
  (2016, 719, 'OFFICIAL', 'BPJS Ketenagakerjaan: 7.19% credited for 2016'),
  (2017, 782, 'OFFICIAL', 'BPJS Ketenagakerjaan: 7.82% credited for 2017'),
  (2018, 626, 'OFFICIAL', 'BPJS Ketenagakerjaan: 6.26% credited for 2018'),
  (2019, 606, 'OFFICIAL', 'BPJS Ketenagakerjaan: 6.06% credited for 2019'),
  (2020, 563, 'OFFICIAL', 'BPJS Ketenagakerjaan: 5.63% credited for 2020 (one source says 5.59%)'),
  (2021, 550, 'ASSUMED', 'no published figure found'),
  (2022, 550, 'ASSUMED', 'no published figure found'),
  (2023, 550, 'ASSUMED', 'no published figure found'),
  (2024, 550, 'ASSUMED', 'no published figure found'),
  (2025, 550, 'ASSUMED', 'no published figure found'),
  (2026, 550, 'ASSUMED', 'no published figure found'),
  (2027, 550, 'ASSUMED', 'no published figure found');
