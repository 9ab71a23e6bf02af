-- A booking of hours in one round trip: book_hours() does in one statement what the data layer did
-- in six (lock the venue, lock the player, count their live bookings, insert the booking, its audit
-- row, the Idempotency-Key's record). The caller prices the booking from a copy of the venue (its
-- in-process cache); venues.config_version, which every change of the venue or of its units moves
-- on, tells under the venue's lock whether that copy is still the venue: when it is not, nothing is
-- written and the caller prices again from a fresh read.
ALTER TABLE "venues" ADD COLUMN "config_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE FUNCTION "venues_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- moved on by a change of what the row says (a write of the same values, as a second seed run
  -- makes, leaves copies valid), or already by the caller (a unit's change, below)
  IF NEW.config_version = OLD.config_version
     AND (to_jsonb(NEW) - 'updated_at' - 'search_text') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at' - 'search_text') THEN
    NEW.config_version := OLD.config_version + 1;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "venues_config_version" BEFORE UPDATE ON "venues" FOR EACH ROW EXECUTE FUNCTION "venues_config_version"();--> statement-breakpoint
-- A unit written is a change of its venue (its name, price, capacity or parts are what a booking
-- reads). Unit writes lock the venue row first (units.lockVenue), so this update waits for nobody.
CREATE FUNCTION "units_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'updated_at') = (to_jsonb(OLD) - 'updated_at') THEN
    RETURN NULL;
  END IF;
  UPDATE venues SET config_version = config_version + 1
   WHERE id IN (NEW.venue_id, OLD.venue_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "units_config_version" AFTER INSERT OR UPDATE OR DELETE ON "units" FOR EACH ROW EXECUTE FUNCTION "units_config_version"();--> statement-breakpoint
-- The outcome is 'booked' (with the booking), or why nothing was written: 'stale' (the venue
-- changed since the caller's copy), 'venue_not_found' (gone or inactive), 'user_not_found',
-- 'user_inactive', 'too_many' (the player's live bookings reach p_limit). A clash or a full pool
-- is the database's own error, as for any insert: the exclusion constraint on unit_claims
-- (23P01) or the CHECKs on unit_usage (23514), raised by the last unit tried.
--
-- p_units are the units the booking may go to, in the order to try them, each with its total and
-- price breakdown (p_totals, p_breakdowns: a JSON array of arrays). All but the last are tried in
-- a subtransaction, so a unit taken (or a pool full) passes to the next; the last one's refusal is
-- the answer. p_limit null skips the count (staff); p_limit_here counts this venue's bookings only.
-- With p_idempotency_key, the key's record (what idempotency.record writes) is written too.
-- p_lock_timeout_ms bounds each lock wait (the request's time left) when the call is a transaction
-- of its own.
CREATE FUNCTION "book_hours"(
  p_user integer, p_venue integer, p_version bigint,
  p_units integer[], p_totals numeric[], p_breakdowns jsonb,
  p_places integer, p_date date, p_start time, p_end time, p_after_midnight boolean,
  p_status text, p_source text, p_note text, p_series integer,
  p_actor text, p_actor_user integer,
  p_limit integer, p_limit_here boolean, p_local_now timestamp,
  p_idempotency_user integer, p_idempotency_key text, p_request_hash text, p_idempotency_ttl interval,
  p_lock_timeout_ms integer
) RETURNS TABLE (outcome text, booked_id integer, booked_unit integer, booked_reference text, booked_at timestamptz, user_phone text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_active boolean;
  v_version bigint;
  u_active boolean;
  u_phone text;
  live integer;
  n_units integer := cardinality(p_units);
  refused_by text;
  b_id integer;
  b_unit integer;
  b_reference text;
  b_at timestamptz;
BEGIN
  IF p_lock_timeout_ms IS NOT NULL THEN
    PERFORM set_config('lock_timeout', greatest(p_lock_timeout_ms, 1)::text, true);
  END IF;
  -- Bookings of one venue queue here (as moves, cancels and unit writes do), then on the player.
  SELECT v.is_active, v.config_version INTO v_active, v_version FROM venues v WHERE v.id = p_venue FOR NO KEY UPDATE;
  IF NOT FOUND OR NOT v_active THEN
    RETURN QUERY SELECT 'venue_not_found', NULL::integer, NULL::integer, NULL::text, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  IF v_version <> p_version THEN
    RETURN QUERY SELECT 'stale', NULL::integer, NULL::integer, NULL::text, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  SELECT u.is_active, u.phone INTO u_active, u_phone FROM users u WHERE u.id = p_user FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'user_not_found', NULL::integer, NULL::integer, NULL::text, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  IF NOT u_active THEN
    RETURN QUERY SELECT 'user_inactive', NULL::integer, NULL::integer, NULL::text, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  -- A statement of its own after the lock: it sees the bookings of whoever held the lock before.
  IF p_limit IS NOT NULL THEN
    SELECT count(*) INTO live FROM bookings b
     WHERE b.user_id = p_user AND (NOT p_limit_here OR b.venue_id = p_venue)
       AND b.status IN ('pending', 'confirmed') AND upper(b.during) > p_local_now;
    IF live >= p_limit THEN
      RETURN QUERY SELECT 'too_many', NULL::integer, NULL::integer, NULL::text, NULL::timestamptz, NULL::text;
      RETURN;
    END IF;
  END IF;
  -- Every unit but the last in a subtransaction of its own: taken (or full), it passes to the next.
  FOR i IN 1 .. n_units - 1 LOOP
    BEGIN
      INSERT INTO bookings (user_id, venue_id, unit_id, places, booking_date, start_time, end_time, after_midnight,
                            total_price, price_breakdown, status, source, note, series_id)
      VALUES (p_user, p_venue, p_units[i], p_places, p_date, p_start, p_end, p_after_midnight,
              p_totals[i], p_breakdowns -> (i - 1), p_status, p_source, p_note, p_series)
      RETURNING id, unit_id, reference, created_at INTO b_id, b_unit, b_reference, b_at;
      EXIT;
    EXCEPTION WHEN exclusion_violation OR check_violation THEN
      GET STACKED DIAGNOSTICS refused_by = CONSTRAINT_NAME;
      IF SQLSTATE = '23514' AND refused_by NOT IN ('unit_usage_within_capacity', 'unit_usage_closed_empty') THEN
        RAISE;
      END IF;
    END;
  END LOOP;
  -- The last (or only) unit: its refusal is the answer.
  IF b_id IS NULL THEN
    INSERT INTO bookings (user_id, venue_id, unit_id, places, booking_date, start_time, end_time, after_midnight,
                          total_price, price_breakdown, status, source, note, series_id)
    VALUES (p_user, p_venue, p_units[n_units], p_places, p_date, p_start, p_end, p_after_midnight,
            p_totals[n_units], p_breakdowns -> (n_units - 1), p_status, p_source, p_note, p_series)
    RETURNING id, unit_id, reference, created_at INTO b_id, b_unit, b_reference, b_at;
  END IF;
  INSERT INTO booking_events (booking_id, kind, from_status, to_status, actor, actor_user_id)
  VALUES (b_id, 'created', NULL, p_status, p_actor, p_actor_user);
  IF p_idempotency_key IS NOT NULL THEN
    DELETE FROM idempotency_keys k
     WHERE k.user_id = p_idempotency_user AND k.key = p_idempotency_key AND k.created_at <= now() - p_idempotency_ttl;
    INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body)
    VALUES (p_idempotency_user, p_idempotency_key, p_request_hash, 201, jsonb_build_object('id', b_id));
  END IF;
  RETURN QUERY SELECT 'booked', b_id, b_unit, b_reference, b_at, u_phone;
END $$;
