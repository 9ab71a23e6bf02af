import { sql } from "drizzle-orm";
import {
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { sessions } from "./sessions.ts";
import { units } from "./units.ts";
import { users } from "./users.ts";
import { venues } from "./venues.ts";

const tsrange = customType<{ data: string }>({ dataType: () => "tsrange" });

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
    totalPrice: numeric({ precision: 12, scale: 2 }).notNull(),
    status: text().notNull().default("pending"),
    // The booked wall-clock span, half-open; the exclusion constraint (migration 0002) compares it.
    during: tsrange()
      .notNull()
      .generatedAlwaysAs(sql`tsrange(booking_date + start_time, booking_date + end_time, '[)')`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("bookings_end_after_start", sql`${t.endTime} > ${t.startTime}`),
    check("bookings_price_positive", sql`${t.totalPrice} > 0`),
    check("bookings_places_positive", sql`${t.places} >= 1`),
    foreignKey({ name: "bookings_unit_fk", columns: [t.venueId, t.unitId], foreignColumns: [units.venueId, units.id] }),
    check("bookings_status", sql`${t.status} in ('pending', 'confirmed', 'cancelled', 'completed')`),
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
    index("bookings_confirmed_end_idx")
      .using("btree", sql`upper(${t.during})`)
      .where(sql`${t.status} = 'confirmed'`),
  ],
);

export type BookingRow = typeof bookings.$inferSelect;
