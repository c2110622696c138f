CREATE TABLE "interest" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"kind" text,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"language" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	"notified_for" uuid
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "offers_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "draw_seed" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "draw_entries" jsonb;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "interest" ADD CONSTRAINT "interest_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest" ADD CONSTRAINT "interest_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interest_organisation_idx" ON "interest" USING btree ("organisation_id","notified_at");--> statement-breakpoint
CREATE INDEX "offers_registration_idx" ON "offers" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "offers_open_idx" ON "offers" USING btree ("expires_at");