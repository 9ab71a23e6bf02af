// A venue is a set of units: courts, lanes, pitch halves, or a pool of places. Bookings hold units
// through two tables the booking's own trigger writes (migration 0005): claims on exclusive units,
// which an exclusion constraint keeps apart, and per-five-minute counters of pooled places, which a
// CHECK keeps within capacity. Neither is ever written by application code.
import { MAX_UNIT_CAPACITY } from "@venue-booking/core";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { sessions } from "./sessions.ts";
import { closures } from "./closures.ts";
import { venues } from "./venues.ts";
import type { TranslatedText } from "./venues.ts";

const tsrange = customType<{ data: string }>({ dataType: () => "tsrange" });

export const units = pgTable(
  "units",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    venueId: integer()
      .notNull()
      .references(() => venues.id, { onDelete: "restrict" }),
    name: jsonb().$type<TranslatedText>().notNull(),
    // free text: pitch, court, lane, desk, hall...
    kind: text(),
    // 1 = exclusive (one booking at a time); more = pooled places sold one by one
    capacity: integer().notNull().default(1),
    // null = the venue's price; for a pooled unit, the price of one place
    pricePerHour: numeric({ precision: 12, scale: 2 }),
    // a combined unit ("full pitch") is made of these exclusive units of the same venue
    contains: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    sortOrder: integer().notNull().default(0),
    isActive: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("units_capacity_range", sql`${t.capacity} between 1 and ${sql.raw(String(MAX_UNIT_CAPACITY))}`),
    check("units_price_positive", sql`${t.pricePerHour} > 0`),
    check("units_name_ru", sql`coalesce(${t.name}->>'ru', '') <> ''`),
    check("units_combined_exclusive", sql`${t.capacity} = 1 or cardinality(${t.contains}) = 0`),
    check("units_not_self_contained", sql`not (${t.id} = any(${t.contains}))`),
    // what bookings reference together with their venue, so a booking's unit is always its venue's
    unique("units_venue_id_key").on(t.venueId, t.id),
    index("units_venue_order_idx").on(t.venueId, t.sortOrder, t.id),
  ],
);

/**
 * What one live booking, or one scheduled session, holds of one exclusive unit (the part units of a
 * combined one).
 */
export const unitClaims = pgTable(
  "unit_claims",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    bookingId: integer().references(() => bookings.id, { onDelete: "cascade" }),
    sessionId: integer().references((): AnyPgColumn => sessions.id, { onDelete: "cascade" }),
    closureId: integer().references((): AnyPgColumn => closures.id, { onDelete: "cascade" }),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    during: tsrange().notNull(),
  },
  (t) => [
    check("unit_claims_one_holder", sql`num_nonnulls(${t.bookingId}, ${t.sessionId}, ${t.closureId}) = 1`),
    uniqueIndex("unit_claims_booking_key").on(t.bookingId, t.unitId),
    uniqueIndex("unit_claims_session_key").on(t.sessionId, t.unitId),
    uniqueIndex("unit_claims_closure_key").on(t.closureId, t.unitId),
    // Every claim at a time, whatever its unit: what "free at" search looks up (migration 0008). On
    // the span as an expression (the same range), so that only a query asking by this expression uses
    // it: asked by `during`, the planner prefers the smaller index of the exclusion constraint, led
    // by the unit, which answers a time alone some twenty times slower.
    index("unit_claims_span_idx").using("gist", sql`tsrange(lower(${t.during}), upper(${t.during}))`),
  ],
);

/** Places of a pooled unit held by live bookings in the five minutes starting at `slotStart`. */
export const unitUsage = pgTable(
  "unit_usage",
  {
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    slotStart: timestamp().notNull(),
    used: integer().notNull(),
    capacity: integer().notNull(),
    // how many closures cover these five minutes; a closed counter sells nothing
    closures: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.slotStart] }),
    check("unit_usage_within_capacity", sql`${t.used} between 0 and ${t.capacity}`),
    check("unit_usage_closed_empty", sql`${t.closures} = 0 or ${t.used} = 0`),
    check("unit_usage_closures_counted", sql`${t.closures} >= 0`),
    // full or closed moments at a time, whatever their pool: the same search's other half
    index("unit_usage_slot_idx")
      .on(t.slotStart)
      .where(sql`${t.used} > 0 or ${t.closures} > 0`),
    // counters of the past that hold nothing, which the lifecycle job drops
    index("unit_usage_empty_idx")
      .on(t.slotStart)
      .where(sql`${t.used} = 0`),
  ],
);

export type UnitRow = typeof units.$inferSelect;
