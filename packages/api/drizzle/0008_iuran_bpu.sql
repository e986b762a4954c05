CREATE TYPE "public"."bpu_payment_channel" AS ENUM('VA_BNI', 'VA_BRI', 'VA_MANDIRI', 'VA_BCA', 'RETAIL', 'EWALLET');--> statement-breakpoint
CREATE TYPE "public"."bpu_payment_status" AS ENUM('OPEN', 'PAID', 'EXPIRED', 'CANCELLED');--> statement-breakpoint
CREATE SEQUENCE "public"."bpu_receipt_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "bpu_payment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"status" "bpu_payment_status" NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bpu_payment_events_payment_sequence_unique" UNIQUE("payment_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "bpu_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"card_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"channel" "bpu_payment_channel" NOT NULL,
	"months" integer NOT NULL,
	"first_period" date NOT NULL,
	"declared_income_sen" bigint NOT NULL,
	"jht" boolean NOT NULL,
	"jkk_sen" bigint NOT NULL,
	"jkm_sen" bigint NOT NULL,
	"jht_sen" bigint NOT NULL,
	"amount_sen" bigint NOT NULL,
	"status" "bpu_payment_status" DEFAULT 'OPEN' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"provider" text NOT NULL,
	"provider_transaction_id" text,
	"idempotency_key" text NOT NULL,
	"paid_at" timestamp with time zone,
	"last_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bpu_payments_provider_transaction_id_unique" UNIQUE("provider_transaction_id"),
	CONSTRAINT "bpu_payments_card_idempotency_unique" UNIQUE("card_id","idempotency_key"),
	CONSTRAINT "bpu_payments_provider_code_unique" UNIQUE("provider","code")
);
--> statement-breakpoint
CREATE TABLE "bpu_receipts" (
	"payment_id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"payer_name" text NOT NULL,
	"kpj" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bpu_receipts_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "bpu_reminders" (
	"card_id" uuid NOT NULL,
	"protected_until" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bpu_reminders_card_until_unique" UNIQUE("card_id","protected_until")
);
--> statement-breakpoint
CREATE TABLE "payment_webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"headers" jsonb NOT NULL,
	"body" text NOT NULL,
	"provider_transaction_id" text,
	"payment_id" uuid,
	"outcome" text NOT NULL,
	"http_status" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_payment_charges" (
	"external_id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"code" text NOT NULL,
	"amount_sen" bigint NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"transaction_id" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_payment_charges_code_unique" UNIQUE("code"),
	CONSTRAINT "sandbox_payment_charges_transaction_id_unique" UNIQUE("transaction_id")
);
--> statement-breakpoint
ALTER TABLE "bpu_payment_events" ADD CONSTRAINT "bpu_payment_events_payment_id_bpu_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."bpu_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bpu_payment_events" ADD CONSTRAINT "bpu_payment_events_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bpu_payments" ADD CONSTRAINT "bpu_payments_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bpu_payments" ADD CONSTRAINT "bpu_payments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bpu_receipts" ADD CONSTRAINT "bpu_receipts_payment_id_bpu_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."bpu_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bpu_reminders" ADD CONSTRAINT "bpu_reminders_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bpu_payment_events_card_idx" ON "bpu_payment_events" USING btree ("card_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "bpu_payments_one_open_per_card" ON "bpu_payments" USING btree ("card_id") WHERE "bpu_payments"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "bpu_payments_status_expires_idx" ON "bpu_payments" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "bpu_payments_card_idx" ON "bpu_payments" USING btree ("card_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payment_webhook_deliveries_outcome_idx" ON "payment_webhook_deliveries" USING btree ("outcome","received_at");