-- A booking's reference: 8 characters from an alphabet without 0/O and 1/I, read out over the phone.
-- 32^8 (about 10^12) codes; the unique index bookings_reference_key decides, and the rare insert
-- that draws a code in use fails with it and is retried by the application.
CREATE FUNCTION "booking_reference"() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1), '')
    FROM generate_series(1, 8)
$$;--> statement-breakpoint
CREATE TABLE "series" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "series_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"venue_id" integer NOT NULL,
	"unit_id" integer,
	"unit_kind" text,
	"user_id" integer NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"note" text,
	"created_by" integer,
	"cancelled_from" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "series_weekday" CHECK ("series"."weekday" between 1 and 7),
	CONSTRAINT "series_dates" CHECK ("series"."last_date" >= "series"."first_date" and "series"."last_date" < "series"."first_date" + 366),
	CONSTRAINT "series_note_length" CHECK (char_length("series"."note") <= 500)
);
--> statement-breakpoint
ALTER TABLE "booking_events" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "source" text DEFAULT 'app' NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "reference" text DEFAULT booking_reference() NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "series_id" integer;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_unit_fk" FOREIGN KEY ("venue_id","unit_id") REFERENCES "public"."units"("venue_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "series_user_idx" ON "series" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "series_venue_idx" ON "series" USING btree ("venue_id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_reference_key" ON "bookings" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "bookings_series_idx" ON "bookings" USING btree ("series_id","booking_date") WHERE "bookings"."series_id" is not null;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_source" CHECK ("bookings"."source" in ('app', 'staff'));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_note_length" CHECK (char_length("bookings"."note") <= 500);--> statement-breakpoint
ALTER TABLE "booking_events" ADD COLUMN "kind" text DEFAULT 'status' NOT NULL;--> statement-breakpoint
UPDATE "booking_events" SET "kind" = 'created' WHERE "from_status" IS NULL;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_kind" CHECK ("booking_events"."kind" in ('created', 'status', 'rescheduled'));
