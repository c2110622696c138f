ALTER TABLE "api_tokens" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "bootstrap" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- backfill: the bootstrap tokens made before this column existed (name "bootstrap", a city admin's, no organisation).
UPDATE "api_tokens" SET "bootstrap" = true WHERE "name" = 'bootstrap' AND "role" = 'city-admin' AND "organisation_id" IS NULL;
