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
ALTER TABLE "payment_entries" ADD CONSTRAINT "payment_entries_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_settings" ADD CONSTRAINT "payment_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_payments" ADD CONSTRAINT "registration_payments_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_payments" ADD CONSTRAINT "registration_payments_call_message_id_messages_id_fk" FOREIGN KEY ("call_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_entries_registration_idx" ON "payment_entries" USING btree ("registration_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_entries_source_external_idx" ON "payment_entries" USING btree ("source","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_payments_reference_idx" ON "registration_payments" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "registration_payments_due_idx" ON "registration_payments" USING btree ("due_at");