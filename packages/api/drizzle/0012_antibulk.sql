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
ALTER TABLE "registration_marks" ADD CONSTRAINT "registration_marks_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proof_uses_expires_idx" ON "proof_uses" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "registration_marks_lookup_idx" ON "registration_marks" USING btree ("activity_id","kind","mark");--> statement-breakpoint
CREATE INDEX "registration_marks_registration_idx" ON "registration_marks" USING btree ("registration_id");