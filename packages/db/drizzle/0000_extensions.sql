-- btree_gist lets the bookings exclusion constraint compare venue_id with "=" inside a GiST index;
-- pg_trgm backs the case-insensitive substring search of venue names.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
