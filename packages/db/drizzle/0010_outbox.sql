-- The transactional outbox and webhooks (see src/schema/outbox.ts).
CREATE TABLE "outbox_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"booking_id" integer,
	"session_id" integer,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"delivery_id" bigint NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"webhook_id" integer NOT NULL,
	"event_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_status" CHECK ("webhook_deliveries"."status" in ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhooks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhooks_url_scheme" CHECK ("webhooks"."url" ~ '^https?://'),
	CONSTRAINT "webhooks_events_given" CHECK (cardinality("webhooks"."events") > 0)
);
--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_outbox_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outbox_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_events_created_idx" ON "outbox_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "outbox_events_booking_idx" ON "outbox_events" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_once_key" ON "webhook_deliveries" USING btree ("webhook_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","id");--> statement-breakpoint
-- Each event goes to every active webhook that asked for its type (or for "*"), in the
-- transaction that wrote it; a ping goes only where the test endpoint sends it.
CREATE FUNCTION "outbox_fan_out"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_deliveries (webhook_id, event_id)
  SELECT w.id, NEW.id FROM webhooks w
   WHERE w.is_active AND NEW.type <> 'ping' AND (NEW.type = ANY (w.events) OR '*' = ANY (w.events));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "outbox_fan_out" AFTER INSERT ON "outbox_events" FOR EACH ROW EXECUTE FUNCTION "outbox_fan_out"();--> statement-breakpoint
-- Every audit row of a booking (made, a status changed, moved) is an event of the outbox, written
-- by the statement that wrote the row: no change without its event, no event without its change.
CREATE FUNCTION "booking_events_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outbox_events (type, booking_id, session_id, data)
  SELECT CASE
           WHEN NEW.kind = 'created' THEN 'booking.created'
           WHEN NEW.kind = 'rescheduled' THEN 'booking.rescheduled'
           WHEN NEW.to_status = 'cancelled' AND NEW.reason IN ('expired', 'hold_expired') THEN 'booking.expired'
           ELSE 'booking.' || NEW.to_status
         END,
         b.id, b.session_id,
         jsonb_build_object(
           'booking', jsonb_build_object(
             'id', b.id, 'reference', b.reference, 'venue_id', b.venue_id, 'unit_id', b.unit_id, 'user_id', b.user_id,
             'session_id', b.session_id, 'series_id', b.series_id, 'places', b.places, 'seats', to_jsonb(b.seats),
             'booking_date', b.booking_date, 'start_time', left(b.start_time::text, 5), 'end_time', left(b.end_time::text, 5),
             'after_midnight', b.after_midnight, 'status', b.status, 'total_price', b.total_price::text, 'source', b.source),
           'from_status', NEW.from_status, 'to_status', NEW.to_status, 'actor', NEW.actor,
           'actor_user_id', NEW.actor_user_id, 'reason', NEW.reason, 'details', NEW.details)
    FROM bookings b WHERE b.id = NEW.booking_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "booking_events_outbox" AFTER INSERT ON "booking_events" FOR EACH ROW EXECUTE FUNCTION "booking_events_outbox"();--> statement-breakpoint
CREATE FUNCTION "sessions_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'cancelled' AND OLD.status <> 'cancelled' THEN
    INSERT INTO outbox_events (type, session_id, data)
    VALUES ('session.cancelled', NEW.id, jsonb_build_object('session', jsonb_build_object(
      'id', NEW.id, 'venue_id', NEW.venue_id, 'unit_id', NEW.unit_id, 'title', NEW.title, 'booking_date', NEW.booking_date,
      'start_time', left(NEW.start_time::text, 5), 'end_time', left(NEW.end_time::text, 5))));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "sessions_outbox" AFTER UPDATE OF "status" ON "sessions" FOR EACH ROW EXECUTE FUNCTION "sessions_outbox"();
