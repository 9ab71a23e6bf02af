-- Messages to players (see src/schema/notifications.ts) and the language they are written in.
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"booking_id" integer,
	"event_id" uuid,
	"kind" text NOT NULL,
	"reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"text" text,
	"phone" text,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_kind" CHECK ("notifications"."kind" in ('confirmed', 'cancelled', 'moved', 'reminder')),
	CONSTRAINT "notifications_status" CHECK ("notifications"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" varchar(2);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_id_outbox_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outbox_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_per_event_key" ON "notifications" USING btree ("event_id") WHERE "notifications"."event_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_one_reminder_key" ON "notifications" USING btree ("booking_id") WHERE "notifications"."kind" = 'reminder';--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE "notifications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_created_idx" ON "notifications" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_language" CHECK ("users"."language" in ('uz', 'ru', 'en'));--> statement-breakpoint
-- The events a player hears of, in the transaction that wrote the event: confirmed (or made
-- confirmed by staff), cancelled by anyone but the player (the venue, a closure, a cancelled
-- session) or by an expired hold, moved by the venue.
CREATE FUNCTION "outbox_messages"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  message_kind text;
BEGIN
  message_kind := CASE
    WHEN NEW.type = 'booking.confirmed' THEN 'confirmed'
    WHEN NEW.type = 'booking.created' AND NEW.data->>'to_status' = 'confirmed' THEN 'confirmed'
    WHEN NEW.type = 'booking.cancelled' AND NEW.data->>'actor' <> 'user' THEN 'cancelled'
    WHEN NEW.type = 'booking.expired' AND NEW.data->>'reason' = 'hold_expired' THEN 'cancelled'
    WHEN NEW.type = 'booking.rescheduled' AND NEW.data->>'actor' <> 'user' THEN 'moved'
  END;
  IF message_kind IS NOT NULL AND NEW.booking_id IS NOT NULL THEN
    INSERT INTO notifications (user_id, booking_id, event_id, kind, reason)
    VALUES ((NEW.data->'booking'->>'user_id')::int, NEW.booking_id, NEW.id, message_kind, NEW.data->>'reason');
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "outbox_messages" AFTER INSERT ON "outbox_events" FOR EACH ROW EXECUTE FUNCTION "outbox_messages"();
