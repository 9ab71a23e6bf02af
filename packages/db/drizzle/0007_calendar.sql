CREATE TABLE "closures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "closures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"venue_id" integer NOT NULL,
	"unit_id" integer,
	"booking_date" date NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"after_midnight" boolean DEFAULT false NOT NULL,
	"whole_day" boolean DEFAULT false NOT NULL,
	"reason" jsonb,
	"created_by" integer,
	"during" "tsrange" GENERATED ALWAYS AS (tsrange(booking_date + start_time + case when after_midnight then interval '1 day' else interval '0' end, booking_date + end_time + case when after_midnight then interval '1 day' else interval '0' end + case when end_time <= start_time then interval '1 day' else interval '0' end, '[)')) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_end_after_start";--> statement-breakpoint
ALTER TABLE "venues" DROP CONSTRAINT "venues_hours_order";--> statement-breakpoint
ALTER TABLE "unit_claims" DROP CONSTRAINT "unit_claims_one_holder";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "after_midnight" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" drop column "during";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "during" "tsrange" GENERATED ALWAYS AS (tsrange(booking_date + start_time + case when after_midnight then interval '1 day' else interval '0' end, booking_date + end_time + case when after_midnight then interval '1 day' else interval '0' end + case when end_time <= start_time then interval '1 day' else interval '0' end, '[)')) STORED NOT NULL;--> statement-breakpoint
-- the lifecycle indexes of migration 0003 went with the old column
CREATE INDEX "bookings_pending_start_idx" ON "bookings" USING btree (lower("during")) WHERE "bookings"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "bookings_confirmed_end_idx" ON "bookings" USING btree (upper("during")) WHERE "bookings"."status" = 'confirmed';--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "price_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "weekly_hours" jsonb;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "slot_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "min_duration_minutes" integer;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "max_duration_minutes" integer;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "price_rules" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "min_notice_minutes" integer;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "horizon_days" integer;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "cancel_until_minutes" integer;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "hold_minutes" integer;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "max_live_bookings_per_user" integer;--> statement-breakpoint
ALTER TABLE "unit_claims" ADD COLUMN "closure_id" integer;--> statement-breakpoint
ALTER TABLE "unit_usage" ADD COLUMN "closures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_unit_fk" FOREIGN KEY ("venue_id","unit_id") REFERENCES "public"."units"("venue_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closures_venue_date_idx" ON "closures" USING btree ("venue_id","booking_date");--> statement-breakpoint
ALTER TABLE "unit_claims" ADD CONSTRAINT "unit_claims_closure_id_closures_id_fk" FOREIGN KEY ("closure_id") REFERENCES "public"."closures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_pending_created_idx" ON "bookings" USING btree ("created_at") WHERE "bookings"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "unit_claims_closure_key" ON "unit_claims" USING btree ("closure_id","unit_id");--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_slot_minutes" CHECK ("venues"."slot_minutes" in (30, 60, 90, 120));--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_duration_bounds" CHECK ("venues"."min_duration_minutes" between 1 and 2880 and "venues"."max_duration_minutes" between 1 and 2880 and "venues"."min_duration_minutes" <= "venues"."max_duration_minutes");--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_weekly_hours_array" CHECK (jsonb_typeof("venues"."weekly_hours") = 'array');--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_price_rules_array" CHECK (jsonb_typeof("venues"."price_rules") = 'array');--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_policy_range" CHECK ("venues"."min_notice_minutes" between 0 and 525600 and "venues"."horizon_days" between 0 and 3650 and "venues"."cancel_until_minutes" between 0 and 525600 and "venues"."hold_minutes" between 0 and 525600 and "venues"."max_live_bookings_per_user" between 1 and 10000);--> statement-breakpoint
ALTER TABLE "unit_claims" ADD CONSTRAINT "unit_claims_one_holder" CHECK (num_nonnulls("unit_claims"."booking_id", "unit_claims"."session_id", "unit_claims"."closure_id") = 1);--> statement-breakpoint
ALTER TABLE "unit_usage" ADD CONSTRAINT "unit_usage_closed_empty" CHECK ("unit_usage"."closures" = 0 or "unit_usage"."used" = 0);--> statement-breakpoint
ALTER TABLE "unit_usage" ADD CONSTRAINT "unit_usage_closures_counted" CHECK ("unit_usage"."closures" >= 0);--> statement-breakpoint
-- A closure holds its time as a booking does. On exclusive units it writes claims (the plain units of
-- the venue, the unit it names, or that unit's parts), which unit_claims_no_overlap keeps apart from
-- bookings' and sessions'; on pools it counts itself on their five-minute counters, where
-- unit_usage_closed_empty refuses a place sold. Over a live booking either refuses the closure;
-- over a closure either refuses the booking. Removing it lets go of both.
CREATE FUNCTION "closures_hold"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO unit_claims (closure_id, unit_id, during)
    SELECT NEW.id, u.id, NEW.during
      FROM units u
     WHERE u.venue_id = NEW.venue_id AND u.capacity = 1 AND cardinality(u.contains) = 0
       AND (NEW.unit_id IS NULL OR u.id = NEW.unit_id
            OR u.id = ANY (SELECT unnest(w.contains) FROM units w WHERE w.id = NEW.unit_id))
     ORDER BY u.id;
    INSERT INTO unit_usage AS usage (unit_id, slot_start, used, capacity, closures)
    SELECT u.id, slot, 0, u.capacity, 1
      FROM units u,
           generate_series(date_bin('5 minutes', lower(NEW.during), timestamp '2000-01-01'),
                           upper(NEW.during) - interval '1 microsecond', interval '5 minutes') AS slot
     WHERE u.venue_id = NEW.venue_id AND u.capacity > 1 AND (NEW.unit_id IS NULL OR u.id = NEW.unit_id)
     ORDER BY u.id, slot
    ON CONFLICT (unit_id, slot_start) DO UPDATE SET closures = usage.closures + 1;
  ELSE
    -- its claims go with it (on delete cascade)
    UPDATE unit_usage SET closures = closures - 1
     WHERE unit_id IN (SELECT u.id FROM units u
                        WHERE u.venue_id = OLD.venue_id AND u.capacity > 1 AND (OLD.unit_id IS NULL OR u.id = OLD.unit_id))
       AND slot_start >= date_bin('5 minutes', lower(OLD.during), timestamp '2000-01-01')
       AND slot_start < upper(OLD.during)
       AND closures > 0;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "closures_hold" AFTER INSERT OR DELETE ON "closures" FOR EACH ROW EXECUTE FUNCTION "closures_hold"();--> statement-breakpoint
-- The unit trigger learns of closures: a unit added to a venue is closed by the venue's closures
-- still to come, and a pool closed in the future is held against a switch to an exclusive unit
-- (an exclusive unit's closure claims already hold it, as claims of bookings do).
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
    IF NEW.capacity = 1 AND cardinality(NEW.contains) = 0 THEN
      INSERT INTO unit_claims (closure_id, unit_id, during)
      SELECT c.id, NEW.id, c.during FROM closures c
       WHERE c.venue_id = NEW.venue_id AND c.unit_id IS NULL AND upper(c.during) > localtimestamp
       ORDER BY c.id;
    ELSIF NEW.capacity > 1 THEN
      INSERT INTO unit_usage AS usage (unit_id, slot_start, used, capacity, closures)
      SELECT NEW.id, slot, 0, NEW.capacity, 1
        FROM closures c,
             generate_series(date_bin('5 minutes', lower(c.during), timestamp '2000-01-01'),
                             upper(c.during) - interval '1 microsecond', interval '5 minutes') AS slot
       WHERE c.venue_id = NEW.venue_id AND c.unit_id IS NULL AND upper(c.during) > localtimestamp
       ORDER BY slot
      ON CONFLICT (unit_id, slot_start) DO UPDATE SET closures = usage.closures + 1;
    END IF;
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
          OR EXISTS (SELECT 1 FROM unit_claims WHERE unit_id = NEW.id AND upper(during) > localtimestamp)
          OR EXISTS (SELECT 1 FROM unit_usage WHERE unit_id = NEW.id AND closures > 0 AND slot_start + interval '5 minutes' > localtimestamp)) THEN
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
--> statement-breakpoint
-- a booking's span also moves with after_midnight
DROP TRIGGER "bookings_hold" ON "bookings";--> statement-breakpoint
CREATE TRIGGER "bookings_hold" AFTER INSERT OR DELETE OR UPDATE OF "status", "unit_id", "places", "booking_date", "start_time", "end_time", "after_midnight", "session_id", "seats"
  ON "bookings" FOR EACH ROW EXECUTE FUNCTION "bookings_hold"();
