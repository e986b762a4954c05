CREATE TYPE "public"."bank_transfer_status" AS ENUM('SCHEDULED', 'PAID', 'FAILED');--> statement-breakpoint
CREATE TABLE "bank_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"bank_code" text NOT NULL,
	"account_number" text NOT NULL,
	"account_name" text NOT NULL,
	"amount_sen" bigint NOT NULL,
	"rail" "payment_rail" NOT NULL,
	"status" "bank_transfer_status" NOT NULL,
	"scheduled_for" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"transfer_reference" text NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_transfers_reference_unique" UNIQUE("reference")
);
