// A weekly standing booking: a customer's game every Tuesday at 20:00. Each occurrence is an
// ordinary booking carrying the series' id, claimed and checked by the database like any other;
// the series row only remembers what was asked for.
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, pgTable, text, time, timestamp } from "drizzle-orm/pg-core";
import { units } from "./units.ts";
import { users } from "./users.ts";
import { venues } from "./venues.ts";

export const series = pgTable(
  "series",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    venueId: integer()
      .notNull()
      .references(() => venues.id, { onDelete: "restrict" }),
    // the unit asked for; null: any free one, chosen date by date
    unitId: integer(),
    // with no unit, the kind asked for (each date takes the first free unit of it)
    unitKind: text(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    weekday: integer().notNull(),
    startTime: time().notNull(),
    endTime: time().notNull(),
    firstDate: date().notNull(),
    lastDate: date().notNull(),
    note: text(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    // cancelled from this date on (its occurrences before it stand)
    cancelledFrom: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "series_unit_fk", columns: [t.venueId, t.unitId], foreignColumns: [units.venueId, units.id] }),
    check("series_weekday", sql`${t.weekday} between 1 and 7`),
    check("series_dates", sql`${t.lastDate} >= ${t.firstDate} and ${t.lastDate} < ${t.firstDate} + 366`),
    check("series_note_length", sql`char_length(${t.note}) <= 500`),
    index("series_user_idx").on(t.userId),
    index("series_venue_idx").on(t.venueId),
  ],
);

export type SeriesRow = typeof series.$inferSelect;
