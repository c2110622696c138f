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
ALTER TABLE "activities" ADD COLUMN "uitdatabank_event_id" text;--> statement-breakpoint
ALTER TABLE "registration_children" ADD COLUMN "uitpas_number" text;--> statement-breakpoint
ALTER TABLE "uitpas_sales" ADD CONSTRAINT "uitpas_sales_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitpas_sales" ADD CONSTRAINT "uitpas_sales_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitpas_sales" ADD CONSTRAINT "uitpas_sales_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uitpas_sales" ADD CONSTRAINT "uitpas_sales_child_id_registration_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."registration_children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "uitpas_sales_child_idx" ON "uitpas_sales" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "uitpas_sales_due_idx" ON "uitpas_sales" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "uitpas_sales_activity_idx" ON "uitpas_sales" USING btree ("activity_id");