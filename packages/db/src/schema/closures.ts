// A closure takes a venue (or one of its units) out of service for a day or part of it. It holds
// its time as a booking does: its trigger writes claims on the exclusive units it closes (the same
// exclusion constraint keeps them apart from bookings and sessions) and marks the five-minute
// counters of the pools it closes (a closed counter sells nothing: unit_usage_closed_empty).
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, time, timestamp } from "drizzle-orm/pg-core";
import { tsrange, WALL_CLOCK_SPAN } from "./ranges.ts";
import { units } from "./units.ts";
import { users } from "./users.ts";
import { venues } from "./venues.ts";
import type { TranslatedText } from "./venues.ts";

export const closures = pgTable(
  "closures",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    venueId: integer()
      .notNull()
      .references(() => venues.id, { onDelete: "cascade" }),
    // null: the whole venue
    unitId: integer(),
    // the business day it falls on, and its times (an end at or before the start is the next day's)
    bookingDate: date().notNull(),
    startTime: time().notNull(),
    endTime: time().notNull(),
    // starts after midnight of its business day (the night's hours of a day that closes then)
    afterMidnight: boolean().notNull().default(false),
    // made for the whole day: the times are that day's hours when it was made
    wholeDay: boolean().notNull().default(false),
    reason: jsonb().$type<TranslatedText>(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    during: tsrange().notNull().generatedAlwaysAs(WALL_CLOCK_SPAN),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "closures_unit_fk", columns: [t.venueId, t.unitId], foreignColumns: [units.venueId, units.id] }).onDelete("cascade"),
    index("closures_venue_date_idx").on(t.venueId, t.bookingDate),
  ],
);

export type ClosureRow = typeof closures.$inferSelect;
