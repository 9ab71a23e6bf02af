-- Units: a venue is a set of courts, lanes or pooled places (see src/schema/units.ts).
CREATE TABLE "unit_claims" (
	"booking_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"during" "tsrange" NOT NULL,
	CONSTRAINT "unit_claims_booking_id_unit_id_pk" PRIMARY KEY("booking_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "unit_usage" (
	"unit_id" integer NOT NULL,
	"slot_start" timestamp NOT NULL,
	"used" integer NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "unit_usage_unit_id_slot_start_pk" PRIMARY KEY("unit_id","slot_start"),
	CONSTRAINT "unit_usage_within_capacity" CHECK ("unit_usage"."used" between 0 and "unit_usage"."capacity")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"venue_id" integer NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text,
	"capacity" integer DEFAULT 1 NOT NULL,
	"price_per_hour" numeric(12, 2),
	"contains" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_venue_id_key" UNIQUE("venue_id","id"),
	CONSTRAINT "units_capacity_range" CHECK ("units"."capacity" between 1 and 1000),
	CONSTRAINT "units_price_positive" CHECK ("units"."price_per_hour" > 0),
	CONSTRAINT "units_name_ru" CHECK (coalesce("units"."name"->>'ru', '') <> ''),
	CONSTRAINT "units_combined_exclusive" CHECK ("units"."capacity" = 1 or cardinality("units"."contains") = 0),
	CONSTRAINT "units_not_self_contained" CHECK (not ("units"."id" = any("units"."contains")))
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "places" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_claims" ADD CONSTRAINT "unit_claims_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_claims" ADD CONSTRAINT "unit_claims_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_usage" ADD CONSTRAINT "unit_usage_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_venue_order_idx" ON "units" USING btree ("venue_id","sort_order","id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_places_positive" CHECK ("bookings"."places" >= 1);--> statement-breakpoint
-- Claims on exclusive units: no two live bookings share a minute of one unit, whether they booked
-- it directly or through a combined unit (whose claims are on its parts). drizzle-kit cannot
-- express EXCLUDE constraints, hence this hand-written part.
ALTER TABLE "unit_claims" ADD CONSTRAINT "unit_claims_no_overlap" EXCLUDE USING gist ("unit_id" WITH =, "during" WITH &&);--> statement-breakpoint
-- Every change of a booking takes and releases what it holds, in the statement that makes the
-- change: inserting a live booking claims its unit (or the parts of a combined one) or adds its
-- places to the five-minute counters of a pooled one; leaving pending/confirmed, or changing the
-- unit, the times or the places, releases the old holding first. A clash surfaces as the
-- exclusion violation 23P01 (unit_claims_no_overlap) or the check violation 23514
-- (unit_usage_within_capacity), and the whole statement fails with it. Counters are kept per five
-- minutes on the clock: exact for every booking whose times are on five-minute boundaries (the
-- grid of any venue opening on such a minute, whatever its hours later become), and never too low
-- for others (a booking counts in every five minutes it touches).
CREATE FUNCTION "bookings_hold"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_live boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('pending', 'confirmed') AND OLD.unit_id IS NOT NULL;
  is_live boolean := TG_OP <> 'DELETE' AND NEW.status IN ('pending', 'confirmed') AND NEW.unit_id IS NOT NULL;
  unit record;
BEGIN
  IF was_live AND is_live AND OLD.unit_id = NEW.unit_id AND OLD.during = NEW.during AND OLD.places = NEW.places THEN
    RETURN NULL;
  END IF;
  IF was_live THEN
    DELETE FROM unit_claims WHERE booking_id = OLD.id;
    UPDATE unit_usage SET used = used - OLD.places
     WHERE unit_id = OLD.unit_id
       AND slot_start >= date_bin('5 minutes', lower(OLD.during), timestamp '2000-01-01')
       AND slot_start < upper(OLD.during);
  END IF;
  IF is_live THEN
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
CREATE TRIGGER "bookings_hold" AFTER INSERT OR DELETE OR UPDATE OF "status", "unit_id", "places", "booking_date", "start_time", "end_time"
  ON "bookings" FOR EACH ROW EXECUTE FUNCTION "bookings_hold"();--> statement-breakpoint
-- A unit's own shape and changes are checked against what depends on them. A combined unit is made
-- of exclusive units of its venue that combine nothing, and a unit that is such a part stays one
-- (units_parts_exclusive). A new capacity goes to the unit's counters (refused by their CHECK when
-- places already sold exceed it), and new parts of a combined unit are claimed for its live
-- bookings (refused by the exclusion constraint when taken). Switching a unit between exclusive
-- and pooled while it is held (by its own live bookings or, as a part, through a combined unit's)
-- is refused: they hold the one kind of record and would need the other; so is dropping a part of
-- a combined unit with live bookings, which would free a part of what they booked
-- (units_mode_in_use).
CREATE FUNCTION "units_hold"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  -- The unit's live bookings are locked first: a status change of one of them (which does not take
  -- the venue lock) then waits for this change, and its own trigger sees the claims written here,
  -- or this change waits for it and no longer counts it live.
  PERFORM 1 FROM bookings WHERE unit_id = NEW.id AND status IN ('pending', 'confirmed') ORDER BY id FOR UPDATE;
  -- Nor may a combined unit let go of a part its live bookings hold: they were made for the whole.
  IF ((OLD.capacity = 1) <> (NEW.capacity = 1) OR NOT (OLD.contains <@ NEW.contains))
     AND (EXISTS (SELECT 1 FROM bookings WHERE unit_id = NEW.id AND status IN ('pending', 'confirmed'))
          OR EXISTS (SELECT 1 FROM unit_claims WHERE unit_id = NEW.id)) THEN
    RAISE EXCEPTION 'unit % has live bookings', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'units_mode_in_use';
  END IF;
  IF NEW.capacity > 1 AND OLD.capacity <> NEW.capacity THEN
    UPDATE unit_usage SET capacity = NEW.capacity WHERE unit_id = NEW.id;
  END IF;
  IF OLD.contains IS DISTINCT FROM NEW.contains THEN
    DELETE FROM unit_claims c USING bookings b
     WHERE c.booking_id = b.id AND b.unit_id = NEW.id AND b.status IN ('pending', 'confirmed');
    INSERT INTO unit_claims (booking_id, unit_id, during)
    SELECT b.id, part, b.during
      FROM bookings b,
           unnest(CASE WHEN cardinality(NEW.contains) > 0 THEN NEW.contains ELSE ARRAY[NEW.id] END) AS part
     WHERE b.unit_id = NEW.id AND b.status IN ('pending', 'confirmed')
     ORDER BY b.id, part;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "units_hold" AFTER INSERT OR UPDATE OF "capacity", "contains" ON "units" FOR EACH ROW EXECUTE FUNCTION "units_hold"();--> statement-breakpoint
-- Every existing venue becomes one exclusive unit named after it, and its bookings move onto that
-- unit (the trigger claims it for the live ones); the venue-wide constraint gives way to the
-- per-unit one.
INSERT INTO "units" ("venue_id", "name") SELECT "id", "name" FROM "venues" ORDER BY "id";--> statement-breakpoint
UPDATE "bookings" b SET "unit_id" = u."id" FROM "units" u WHERE u."venue_id" = b."venue_id";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_unit_fk" FOREIGN KEY ("venue_id","unit_id") REFERENCES "public"."units"("venue_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_overlap";--> statement-breakpoint
-- What the unit trigger and unit choice look up: a unit's live bookings; and what the lifecycle
-- job drops: counters of the past that hold nothing.
CREATE INDEX "bookings_unit_live_idx" ON "bookings" ("unit_id", "booking_date") WHERE "status" IN ('pending', 'confirmed');--> statement-breakpoint
CREATE INDEX "unit_usage_empty_idx" ON "unit_usage" ("slot_start") WHERE "used" = 0;
