ALTER TABLE "venues" ADD COLUMN "slug" text;--> statement-breakpoint
CREATE UNIQUE INDEX "venues_slug_key" ON "venues" USING btree ("slug") WHERE "venues"."slug" is not null;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_slug_format" CHECK ("venues"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("venues"."slug") <= 100);