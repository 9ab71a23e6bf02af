import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { tsrange, WALL_CLOCK_SPAN } from "./ranges.ts";
import { series } from "./series.ts";
import { sessions } from "./sessions.ts";
import { units } from "./units.ts";
import { users } from "./users.ts";
import { venues } from "./venues.ts";

export type PriceBreakdownRow = { start_time: string; end_time: string; price_per_hour: string; amount: string };

export const bookings = pgTable(
  "bookings",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    venueId: integer()
      .notNull()
      .references(() => venues.id, { onDelete: "restrict" }),
    // The unit booked (one of the venue's; the composite key below says so).
    unitId: integer().notNull(),
    // Places taken: 1 on an exclusive unit, up to its capacity on a pooled one or a session.
    places: integer().notNull().default(1),
    // A place in a session (its unit and times are the session's), and the seats it holds there.
    sessionId: integer().references((): AnyPgColumn => sessions.id, { onDelete: "restrict" }),
    seats: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    bookingDate: date().notNull(),
    startTime: time().notNull(),
    endTime: time().notNull(),
    // starts after midnight of its business day (the night's hours of a day that closes then)
    afterMidnight: boolean().notNull().default(false),
    totalPrice: numeric({ precision: 12, scale: 2 }).notNull(),
    // Who made it: the player in the app, or staff for a customer (migration 0009).
    source: text().notNull().default("app"),
    note: text(),
    // A short code for phone calls and messages, unique among bookings (booking_reference()).
    reference: text()
      .notNull()
      .default(sql`booking_reference()`),
    // an occurrence of this weekly series
    seriesId: integer().references((): AnyPgColumn => series.id, { onDelete: "restrict" }),
    status: text().notNull().default("pending"),
    // How the total was charged, run by run: [{start_time, end_time, price_per_hour, amount}].
    priceBreakdown: jsonb().$type<PriceBreakdownRow[]>().notNull().default([]),
    // The booked wall-clock span, half-open; an end at or before the start is on the next calendar
    // day (23:00-01:00). The claims the trigger writes from it are what the exclusion constraint compares.
    during: tsrange().notNull().generatedAlwaysAs(WALL_CLOCK_SPAN),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("bookings_price_positive", sql`${t.totalPrice} > 0`),
    check("bookings_places_positive", sql`${t.places} >= 1`),
    foreignKey({ name: "bookings_unit_fk", columns: [t.venueId, t.unitId], foreignColumns: [units.venueId, units.id] }),
    check("bookings_status", sql`${t.status} in ('pending', 'confirmed', 'cancelled', 'completed')`),
    check("bookings_source", sql`${t.source} in ('app', 'staff')`),
    check("bookings_note_length", sql`char_length(${t.note}) <= 500`),
    uniqueIndex("bookings_reference_key").on(t.reference),
    index("bookings_series_idx")
      .on(t.seriesId, t.bookingDate)
      .where(sql`${t.seriesId} is not null`),
    index("bookings_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("bookings_venue_date_idx").on(t.venueId, t.bookingDate),
    // a unit's live bookings: what the unit trigger locks and unit choice reads (migration 0005)
    index("bookings_unit_live_idx")
      .on(t.unitId, t.bookingDate)
      .where(sql`${t.status} in ('pending', 'confirmed')`),
    index("bookings_created_idx").on(t.createdAt.desc(), t.id.desc()),
    // one live booking per player and session
    uniqueIndex("bookings_one_per_session_key")
      .on(t.sessionId, t.userId)
      .where(sql`${t.sessionId} is not null and ${t.status} in ('pending', 'confirmed')`),
    // what the lifecycle job looks for: live bookings by start and by end
    index("bookings_pending_start_idx")
      .using("btree", sql`lower(${t.during})`)
      .where(sql`${t.status} = 'pending'`),
    // pending bookings by age: the holds the lifecycle job lets go of (migration 0007)
    index("bookings_pending_created_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    index("bookings_confirmed_end_idx")
      .using("btree", sql`upper(${t.during})`)
      .where(sql`${t.status} = 'confirmed'`),
  ],
);

export type BookingRow = typeof bookings.$inferSelect;
