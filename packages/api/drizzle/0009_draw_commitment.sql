ALTER TABLE "activities" ADD COLUMN "draw_commitment" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "draw_rule_version" integer;--> statement-breakpoint
-- backfill: a draw that already ran keeps its seed (it was public all along) and is republished under rule 1.
UPDATE "activities" SET "draw_rule_version" = 1 WHERE "drawn_at" IS NOT NULL AND "draw_seed" IS NOT NULL;--> statement-breakpoint
-- backfill: a lottery not drawn yet had its seed in public, so it can no longer be a secret: it gets a fresh
-- secret seed (three random UUIDs, 366 random bits, hashed to 64 hex characters). No commitment existed yet
-- that families could hold us to, and no family could use the old seed once the closing value is mixed in.
UPDATE "activities" SET "draw_seed" = encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex') WHERE "drawn_at" IS NULL AND "draw_seed" IS NOT NULL;--> statement-breakpoint
-- backfill: every seed gets its commitment, SHA-256 of the seed in hexadecimal, as core's commitmentOf computes it.
UPDATE "activities" SET "draw_commitment" = encode(sha256(convert_to("draw_seed", 'UTF8')), 'hex') WHERE "draw_seed" IS NOT NULL AND "draw_commitment" IS NULL;
