CREATE TABLE "login_attempts" (
	"subject" text PRIMARY KEY NOT NULL,
	"account_id" uuid,
	"count" integer NOT NULL,
	"locked_until" timestamp with time zone,
	"last_attempt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_account_idx" ON "login_attempts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "login_attempts_last_attempt_idx" ON "login_attempts" USING btree ("last_attempt_at");