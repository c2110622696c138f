CREATE TABLE "uitpas_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"client_secret" text NOT NULL,
	"environment" text NOT NULL,
	"api_base" text,
	"token_url" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "uitpas_number" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "uitpas_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "uitpas_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "uitpas_settings" ADD CONSTRAINT "uitpas_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;