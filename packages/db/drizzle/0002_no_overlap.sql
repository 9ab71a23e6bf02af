-- The rule that stops double bookings for good: no two live (pending or confirmed) bookings of one
-- venue may share a minute. Half-open ranges, so 10:00-12:00 and 12:00-13:00 may both stand.
-- drizzle-kit cannot express EXCLUDE constraints, hence this hand-written migration.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("venue_id" WITH =, "during" WITH &&)
  WHERE ("status" IN ('pending', 'confirmed'));
