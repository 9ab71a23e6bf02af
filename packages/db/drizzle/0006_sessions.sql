CREATE TABLE "session_seats" (
	"session_id" integer NOT NULL,
	"label" text NOT NULL,
	"booking_id" integer NOT NULL,
	CONSTRAINT "session_seats_session_id_label_pk" PRIMARY KEY("session_id","label")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"venue_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"title" jsonb NOT NULL,
	"booking_date" date NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"capacity" integer NOT NULL,
	"price_per_place" numeric(12, 2) NOT NULL,
	"seats" text[] DEFAULT '{}'::text[] NOT NULL,
	"places_sold" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"during" "tsrange" GENERATED ALWAYS AS (tsrange(booking_date + start_time, booking_date + end_time, '[)')) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_end_after_start" CHECK ("sessions"."end_time" > "sessions"."start_time"),
	CONSTRAINT "sessions_capacity_range" CHECK ("sessions"."capacity" between 1 and 10000),
	CONSTRAINT "sessions_price_positive" CHECK ("sessions"."price_per_place" > 0),
	CONSTRAINT "sessions_places_within_capacity" CHECK ("sessions"."places_sold" between 0 and "sessions"."capacity"),
	CONSTRAINT "sessions_seats_capacity" CHECK (cardinality("sessions"."seats") = 0 or cardinality("sessions"."seats") = "sessions"."capacity"),
	CONSTRAINT "sessions_status" CHECK ("sessions"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "sessions_title_ru" CHECK (coalesce("sessions"."title"->>'ru', '') <> '')
);
--> statement-breakpoint
ALTER TABLE "unit_claims" DROP CONSTRAINT "unit_claims_booking_id_unit_id_pk";--> statement-breakpoint
ALTER TABLE "unit_claims" ALTER COLUMN "booking_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "session_id" integer;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "seats" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_claims" ADD COLUMN "id" integer PRIMARY KEY NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "unit_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "unit_claims" ADD COLUMN "session_id" integer;--> statement-breakpoint
ALTER TABLE "session_seats" ADD CONSTRAINT "session_seats_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_unit_fk" FOREIGN KEY ("venue_id","unit_id") REFERENCES "public"."units"("venue_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_seats_booking_idx" ON "session_seats" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "sessions_date_idx" ON "sessions" USING btree ("booking_date","start_time");--> statement-breakpoint
CREATE INDEX "sessions_venue_date_idx" ON "sessions" USING btree ("venue_id","booking_date");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_claims" ADD CONSTRAINT "unit_claims_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_one_per_session_key" ON "bookings" USING btree ("session_id","user_id") WHERE "bookings"."session_id" is not null and "bookings"."status" in ('pending', 'confirmed');--> statement-breakpoint
CREATE UNIQUE INDEX "unit_claims_booking_key" ON "unit_claims" USING btree ("booking_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_claims_session_key" ON "unit_claims" USING btree ("session_id","unit_id");--> statement-breakpoint
ALTER TABLE "unit_claims" ADD CONSTRAINT "unit_claims_one_holder" CHECK (num_nonnulls("unit_claims"."booking_id", "unit_claims"."session_id") = 1);--> statement-breakpoint
-- A place in a session holds the session's places and seats, not its unit (the session holds the
-- unit): a live session booking adds its places to the session's `places_sold`, kept within
-- capacity by sessions_places_within_capacity, and writes one session_seats row per seat, which
-- the primary key keeps to one live booking. Its seats must be the session's own, and a seated
-- session sells a place per seat (bookings_session_seats); its venue, unit and times are the
-- session's (bookings_session_place). Leaving pending/confirmed releases
-- both in the same statement. Hourly bookings keep their claims and counters as before.
CREATE OR REPLACE FUNCTION "bookings_hold"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_live boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('pending', 'confirmed') AND OLD.unit_id IS NOT NULL;
  is_live boolean := TG_OP <> 'DELETE' AND NEW.status IN ('pending', 'confirmed') AND NEW.unit_id IS NOT NULL;
  unit record;
  session record;
BEGIN
  IF was_live AND is_live AND OLD.unit_id = NEW.unit_id AND OLD.during = NEW.during AND OLD.places = NEW.places
     AND OLD.session_id IS NOT DISTINCT FROM NEW.session_id AND OLD.seats = NEW.seats THEN
    RETURN NULL;
  END IF;
  IF was_live THEN
    IF OLD.session_id IS NOT NULL THEN
      UPDATE sessions SET places_sold = places_sold - OLD.places WHERE id = OLD.session_id;
      DELETE FROM session_seats WHERE booking_id = OLD.id;
    ELSE
      DELETE FROM unit_claims WHERE booking_id = OLD.id;
      UPDATE unit_usage SET used = used - OLD.places
       WHERE unit_id = OLD.unit_id
         AND slot_start >= date_bin('5 minutes', lower(OLD.during), timestamp '2000-01-01')
         AND slot_start < upper(OLD.during);
    END IF;
  END IF;
  IF is_live AND NEW.session_id IS NOT NULL THEN
    -- the seats first: a seat sold is SEAT_TAKEN even when it was the last place
    INSERT INTO session_seats (session_id, label, booking_id)
    SELECT NEW.session_id, label, NEW.id FROM unnest(NEW.seats) AS label ORDER BY label;
    UPDATE sessions SET places_sold = places_sold + NEW.places
     WHERE id = NEW.session_id AND status = 'scheduled'
    RETURNING seats, venue_id, unit_id, during INTO session;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'session % is not scheduled', NEW.session_id USING ERRCODE = '23514', CONSTRAINT = 'bookings_session_scheduled';
    END IF;
    IF (NEW.venue_id, NEW.unit_id, NEW.during) IS DISTINCT FROM (session.venue_id, session.unit_id, session.during) THEN
      RAISE EXCEPTION 'booking % is not at its session''s place and time', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'bookings_session_place';
    END IF;
    IF NOT (NEW.seats <@ session.seats)
       OR (cardinality(session.seats) > 0 AND cardinality(NEW.seats) <> NEW.places)
       OR (cardinality(session.seats) = 0 AND cardinality(NEW.seats) > 0) THEN
      RAISE EXCEPTION 'seats % are not the session''s', NEW.seats USING ERRCODE = '23514', CONSTRAINT = 'bookings_session_seats';
    END IF;
  ELSIF is_live THEN
    SELECT u.capacity, u.contains INTO unit FROM units u WHERE u.id = NEW.unit_id;
    IF unit.capacity = 1 THEN
      IF NEW.places <> 1 THEN
        RAISE EXCEPTION 'an exclusive unit takes one place' USING ERRCODE = '23514', CONSTRAINT = 'bookings_places_exclusive';
      END IF;
      INSERT INTO unit_claims (booking_id, unit_id, during)
      SELECT NEW.id, part, NEW.during
        FROM unnest(CASE WHEN cardinality(unit.contains) > 0 THEN unit.contains ELSE ARRAY[NEW.unit_id] END) AS part
       ORDER BY part;
    ELSE
      INSERT INTO unit_usage AS usage (unit_id, slot_start, used, capacity)
      SELECT NEW.unit_id, slot, NEW.places, unit.capacity
        FROM generate_series(date_bin('5 minutes', lower(NEW.during), timestamp '2000-01-01'),
                             upper(NEW.during) - interval '1 microsecond', interval '5 minutes') AS slot
      ON CONFLICT (unit_id, slot_start) DO UPDATE SET used = usage.used + excluded.used;
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER "bookings_hold" ON "bookings";--> statement-breakpoint
CREATE TRIGGER "bookings_hold" AFTER INSERT OR DELETE OR UPDATE OF "status", "unit_id", "places", "booking_date", "start_time", "end_time", "session_id", "seats"
  ON "bookings" FOR EACH ROW EXECUTE FUNCTION "bookings_hold"();--> statement-breakpoint
-- A scheduled session holds its unit exactly as a booking does: claims on the unit (the parts of a
-- combined one), kept apart from bookings' and other sessions' by unit_claims_no_overlap.
-- Cancelling it releases them in the same statement. Sessions take exclusive units only
-- (sessions_unit_exclusive): a pool sells places of its own.
CREATE FUNCTION "sessions_hold"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_on boolean := TG_OP = 'UPDATE' AND OLD.status = 'scheduled';
  is_on boolean := NEW.status = 'scheduled';
  unit record;
BEGIN
  IF was_on AND is_on AND OLD.unit_id = NEW.unit_id AND OLD.during = NEW.during THEN
    RETURN NULL;
  END IF;
  IF was_on THEN
    DELETE FROM unit_claims WHERE session_id = OLD.id;
  END IF;
  IF is_on THEN
    SELECT u.capacity, u.contains INTO unit FROM units u WHERE u.id = NEW.unit_id;
    IF unit.capacity <> 1 THEN
      RAISE EXCEPTION 'unit % is a pool', NEW.unit_id USING ERRCODE = '23514', CONSTRAINT = 'sessions_unit_exclusive';
    END IF;
    INSERT INTO unit_claims (session_id, unit_id, during)
    SELECT NEW.id, part, NEW.during
      FROM unnest(CASE WHEN cardinality(unit.contains) > 0 THEN unit.contains ELSE ARRAY[NEW.unit_id] END) AS part
     ORDER BY part;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "sessions_hold" AFTER INSERT OR UPDATE OF "status", "unit_id", "booking_date", "start_time", "end_time"
  ON "sessions" FOR EACH ROW EXECUTE FUNCTION "sessions_hold"();
--> statement-breakpoint
-- The unit trigger learns of sessions: their claims follow a combined unit's new parts like those
-- of its hourly bookings (a session booking holds the session, not the unit, and claims nothing),
-- and a session still to come holds its unit against a switch to a pool or the loss of a part.
-- Claims of times already past (read on the database's clock, which is never ahead of a venue's
-- east of UTC) no longer stand in the way.
CREATE OR REPLACE FUNCTION "units_hold"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(NEW.contains) > 0
     AND (SELECT count(*) FROM units p
           WHERE p.id = ANY (NEW.contains) AND p.venue_id = NEW.venue_id AND p.capacity = 1
             AND cardinality(p.contains) = 0) <> cardinality(NEW.contains) THEN
    RAISE EXCEPTION 'unit % combines units that are not plain exclusive units of its venue', NEW.id
      USING ERRCODE = '23514', CONSTRAINT = 'units_parts_exclusive';
  END IF;
  IF (NEW.capacity > 1 OR cardinality(NEW.contains) > 0) AND EXISTS (SELECT 1 FROM units c WHERE NEW.id = ANY (c.contains)) THEN
    RAISE EXCEPTION 'unit % is part of a combined unit', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'units_parts_exclusive';
  END IF;
  IF TG_OP = 'INSERT' THEN
    RETURN NULL;
  END IF;
  -- The unit's live bookings and scheduled sessions are locked first: a status change of one of
  -- them (which does not take the venue lock) then waits for this change, and its own trigger sees
  -- the claims written here, or this change waits for it and no longer counts it.
  PERFORM 1 FROM bookings WHERE unit_id = NEW.id AND status IN ('pending', 'confirmed') ORDER BY id FOR UPDATE;
  PERFORM 1 FROM sessions WHERE unit_id = NEW.id AND status = 'scheduled' ORDER BY id FOR UPDATE;
  -- Nor may a combined unit let go of a part its live bookings or sessions hold: they were made for the whole.
  IF ((OLD.capacity = 1) <> (NEW.capacity = 1) OR NOT (OLD.contains <@ NEW.contains))
     AND (EXISTS (SELECT 1 FROM bookings WHERE unit_id = NEW.id AND status IN ('pending', 'confirmed'))
          OR EXISTS (SELECT 1 FROM sessions WHERE unit_id = NEW.id AND status = 'scheduled' AND upper(during) > localtimestamp)
          OR EXISTS (SELECT 1 FROM unit_claims WHERE unit_id = NEW.id AND upper(during) > localtimestamp)) THEN
    RAISE EXCEPTION 'unit % has live bookings', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'units_mode_in_use';
  END IF;
  IF NEW.capacity > 1 AND OLD.capacity <> NEW.capacity THEN
    UPDATE unit_usage SET capacity = NEW.capacity WHERE unit_id = NEW.id;
  END IF;
  IF OLD.contains IS DISTINCT FROM NEW.contains THEN
    DELETE FROM unit_claims c USING bookings b
     WHERE c.booking_id = b.id AND b.unit_id = NEW.id AND b.status IN ('pending', 'confirmed');
    DELETE FROM unit_claims c USING sessions s
     WHERE c.session_id = s.id AND s.unit_id = NEW.id AND s.status = 'scheduled';
    INSERT INTO unit_claims (booking_id, unit_id, during)
    SELECT b.id, part, b.during
      FROM bookings b,
           unnest(CASE WHEN cardinality(NEW.contains) > 0 THEN NEW.contains ELSE ARRAY[NEW.id] END) AS part
     WHERE b.unit_id = NEW.id AND b.session_id IS NULL AND b.status IN ('pending', 'confirmed')
     ORDER BY b.id, part;
    INSERT INTO unit_claims (session_id, unit_id, during)
    SELECT s.id, part, s.during
      FROM sessions s,
           unnest(CASE WHEN cardinality(NEW.contains) > 0 THEN NEW.contains ELSE ARRAY[NEW.id] END) AS part
     WHERE s.unit_id = NEW.id AND s.status = 'scheduled'
     ORDER BY s.id, part;
  END IF;
  RETURN NULL;
END $$;
