// Fixed-time sessions (an open game, a class, a screening) that hold a unit for their time and sell
// places in it, optionally as numbered seats. What a session holds of its unit, and what bookings
// hold of a session (places sold, seats), is written by triggers (migration 0006), never by
// application code.
import { sql } from "drizzle-orm";
import {
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
} from "drizzle-orm/pg-core";
import { units } from "./units.ts";
import { venues } from "./venues.ts";
import type { TranslatedText } from "./venues.ts";

const tsrange = customType<{ data: string }>({ dataType: () => "tsrange" });

export const sessions = pgTable(
  "sessions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    venueId: integer()
      .notNull()
      .references(() => venues.id, { onDelete: "restrict" }),
    unitId: integer().notNull(),
    title: jsonb().$type<TranslatedText>().notNull(),
    bookingDate: date().notNull(),
    startTime: time().notNull(),
    endTime: time().notNull(),
    capacity: integer().notNull(),
    pricePerPlace: numeric({ precision: 12, scale: 2 }).notNull(),
    // seat labels ("A1"); empty for a session sold by places only
    seats: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // places held by live bookings, kept by the bookings' trigger
    placesSold: integer().notNull().default(0),
    status: text().notNull().default("scheduled"),
    during: tsrange()
      .notNull()
      .generatedAlwaysAs(sql`tsrange(booking_date + start_time, booking_date + end_time, '[)')`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("sessions_end_after_start", sql`${t.endTime} > ${t.startTime}`),
    check("sessions_capacity_range", sql`${t.capacity} between 1 and 10000`),
    check("sessions_price_positive", sql`${t.pricePerPlace} > 0`),
    check("sessions_places_within_capacity", sql`${t.placesSold} between 0 and ${t.capacity}`),
    check("sessions_seats_capacity", sql`cardinality(${t.seats}) = 0 or cardinality(${t.seats}) = ${t.capacity}`),
    check("sessions_status", sql`${t.status} in ('scheduled', 'cancelled')`),
    check("sessions_title_ru", sql`coalesce(${t.title}->>'ru', '') <> ''`),
    foreignKey({ name: "sessions_unit_fk", columns: [t.venueId, t.unitId], foreignColumns: [units.venueId, units.id] }),
    index("sessions_date_idx").on(t.bookingDate, t.startTime),
    index("sessions_venue_date_idx").on(t.venueId, t.bookingDate),
  ],
);

/** A seat of a session held by a live booking: one row per seat, so a seat is sold once. */
export const sessionSeats = pgTable(
  "session_seats",
  {
    sessionId: integer()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    label: text().notNull(),
    bookingId: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.label] }), index("session_seats_booking_idx").on(t.bookingId)],
);

export type SessionRow = typeof sessions.$inferSelect;
