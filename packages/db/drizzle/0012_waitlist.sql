-- The waitlist (see src/schema/waitlist.ts); messages gain the offer of a freed time.
CREATE TABLE "waitlist_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waitlist_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"venue_id" integer NOT NULL,
	"unit_id" integer,
	"unit_kind" text,
	"places" integer DEFAULT 1 NOT NULL,
	"booking_date" date NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"booking_id" integer,
	"offered_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_status" CHECK ("waitlist_entries"."status" in ('waiting', 'offered', 'kept', 'lapsed', 'cancelled')),
	CONSTRAINT "waitlist_places" CHECK ("waitlist_entries"."places" >= 1)
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind";--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_one_live_key" ON "waitlist_entries" USING btree ("user_id","venue_id","booking_date","start_time","end_time") WHERE "waitlist_entries"."status" in ('waiting', 'offered');--> statement-breakpoint
CREATE INDEX "waitlist_waiting_idx" ON "waitlist_entries" USING btree ("venue_id","booking_date","id") WHERE "waitlist_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waitlist_offered_idx" ON "waitlist_entries" USING btree ("offered_until") WHERE "waitlist_entries"."status" = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_booking_key" ON "waitlist_entries" USING btree ("booking_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind" CHECK ("notifications"."kind" in ('confirmed', 'cancelled', 'moved', 'reminder', 'offered'));--> statement-breakpoint
-- An offer ends with its booking, whoever ends it: confirmed (by the venue) is kept; cancelled or
-- expired (by anyone: the player, the venue, a closure, the lifecycle job) has lapsed.
CREATE FUNCTION "bookings_end_offer"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'confirmed' THEN
    UPDATE waitlist_entries SET status = 'kept', offered_until = NULL WHERE booking_id = NEW.id AND status = 'offered';
  ELSIF NEW.status = 'cancelled' THEN
    UPDATE waitlist_entries SET status = 'lapsed', offered_until = NULL WHERE booking_id = NEW.id AND status = 'offered';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "bookings_end_offer" AFTER UPDATE OF "status" ON "bookings"
  FOR EACH ROW WHEN (OLD.status = 'pending' AND NEW.status <> 'pending') EXECUTE FUNCTION "bookings_end_offer"();
