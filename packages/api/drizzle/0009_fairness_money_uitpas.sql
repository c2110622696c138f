CREATE TABLE "instance_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proof_uses" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_marks" (
	"registration_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mark" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "bank_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"uid" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"booking_date" text,
	"debtor_name" text,
	"debtor_iban" text,
	"reference" text,
	"remittance" text NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"registration_id" uuid,
	"booked_cents" integer DEFAULT 0 NOT NULL,
	"matched_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_hash" text NOT NULL,
	"message_id" text,
	"version" text NOT NULL,
	"account_ibans" text[] NOT NULL,
	"credits" integer NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mollie_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mollie_payment_id" text,
	"request_key" text,
	"amount_cents" integer NOT NULL,
	"status" text NOT NULL,
	"checkout_url" text,
	"mode" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"registration_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"method" text NOT NULL,
	"source" text NOT NULL,
	"external_id" text,
	"note" text,
	"recorded_by" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_entries_sign" CHECK (("payment_entries"."method" = 'refund') = ("payment_entries"."amount_cents" < 0) and "payment_entries"."amount_cents" <> 0)
);
--> statement-breakpoint
CREATE TABLE "payment_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"methods" jsonb NOT NULL,
	"iban" text,
	"bic" text,
	"beneficiary" text,
	"due_days" integer DEFAULT 14 NOT NULL,
	"desk_info" text,
	"mollie_api_key" text,
	"mollie_mode" text,
	"auto_cancel" boolean DEFAULT false NOT NULL,
	"auto_cancel_days_after_call" integer DEFAULT 14 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_payments" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"due_at" timestamp with time zone,
	"waived_at" timestamp with time zone,
	"waived_by" text,
	"waive_note" text,
	"plan" jsonb,
	"plan_base_cents" integer DEFAULT 0 NOT NULL,
	"call_message_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uitpas_sales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"status" text NOT NULL,
	"event_id" text NOT NULL,
	"regular_price_cents" integer NOT NULL,
	"tariff_id" text,
	"tariff_price_cents" integer,
	"end_user_message" text,
	"ticket_sale_id" text,
	"uncertain_since" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_id" uuid,
	"lease_until" timestamp with time zone,
	"problem_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "sealed_token" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "draw_commitment" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "draw_rule_version" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "uitdatabank_event_id" text;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "bootstrap" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_children" ADD COLUMN "uitpas_number" text;--> statement-breakpoint
ALTER TABLE "registration_marks" ADD CONSTRAINT "registration_marks_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_statement_id_bank_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."bank_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mollie_payments" ADD CONSTRAINT "mollie_payments_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mollie_payments" ADD CONSTRAINT "mollie_payments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_entries" ADD CONSTRAINT "payment_entries_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_settings" ADD CONSTRAINT "payment_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_payments" ADD CONSTRAINT "registration_payments_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_payments" ADD CONSTRAINT "registration_payments_call_message_id_messages_id_fk" FOREIGN KEY ("call_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitpas_sales" ADD CONSTRAINT "uitpas_sales_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitpas_sales" ADD CONSTRAINT "uitpas_sales_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitpas_sales" ADD CONSTRAINT "uitpas_sales_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitpas_sales" ADD CONSTRAINT "uitpas_sales_child_id_registration_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."registration_children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proof_uses_expires_idx" ON "proof_uses" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "registration_marks_lookup_idx" ON "registration_marks" USING btree ("activity_id","kind","mark");--> statement-breakpoint
CREATE INDEX "registration_marks_registration_idx" ON "registration_marks" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "rate_counters_expires_idx" ON "rate_counters" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_lines_uid_idx" ON "bank_lines" USING btree ("organisation_id","uid");--> statement-breakpoint
CREATE INDEX "bank_lines_state_idx" ON "bank_lines" USING btree ("organisation_id","state");--> statement-breakpoint
CREATE INDEX "bank_statements_organisation_idx" ON "bank_statements" USING btree ("organisation_id","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statements_file_idx" ON "bank_statements" USING btree ("organisation_id","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "mollie_payments_mollie_id_idx" ON "mollie_payments" USING btree ("mollie_payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mollie_payments_request_key_idx" ON "mollie_payments" USING btree ("registration_id","request_key");--> statement-breakpoint
CREATE INDEX "mollie_payments_registration_idx" ON "mollie_payments" USING btree ("registration_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_entries_registration_idx" ON "payment_entries" USING btree ("registration_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_entries_source_external_idx" ON "payment_entries" USING btree ("source","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_payments_reference_idx" ON "registration_payments" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "registration_payments_due_idx" ON "registration_payments" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uitpas_sales_child_idx" ON "uitpas_sales" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "uitpas_sales_due_idx" ON "uitpas_sales" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "uitpas_sales_activity_idx" ON "uitpas_sales" USING btree ("activity_id");--> statement-breakpoint
-- backfill: a draw that already ran keeps its seed (it was public all along) and is republished under rule 1.
UPDATE "activities" SET "draw_rule_version" = 1 WHERE "drawn_at" IS NOT NULL AND "draw_seed" IS NOT NULL;
--> statement-breakpoint
-- backfill: a lottery not drawn yet had its seed in public, so it can no longer be a secret: it gets a fresh
-- secret seed (three random UUIDs, 366 random bits, hashed to 64 hex characters). No commitment existed yet
-- that families could hold us to, and no family could use the old seed once the closing value is mixed in.
UPDATE "activities" SET "draw_seed" = encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex') WHERE "drawn_at" IS NULL AND "draw_seed" IS NOT NULL;
--> statement-breakpoint
-- backfill: every seed gets its commitment, SHA-256 of the seed in hexadecimal, as core's commitmentOf computes it.
UPDATE "activities" SET "draw_commitment" = encode(sha256(convert_to("draw_seed", 'UTF8')), 'hex') WHERE "draw_seed" IS NOT NULL AND "draw_commitment" IS NULL;
--> statement-breakpoint
-- backfill: the bootstrap tokens made before this column existed (name "bootstrap", a city admin's, no organisation).
UPDATE "api_tokens" SET "bootstrap" = true WHERE "name" = 'bootstrap' AND "role" = 'city-admin' AND "organisation_id" IS NULL;
