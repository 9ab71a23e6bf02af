// Players waiting for a time that is taken. When a booking that held it is cancelled or expires, the
// earliest entry whose range is now free gets a pending booking made for it in that same
// transaction (the booking holds the time, so nobody else can take it meanwhile), offered for
// WAITLIST_HOLD_MINUTES; kept, it stays; let go or lapsed, the next entry gets the same offer.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, time, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { users } from "./users.ts";
import { venues } from "./venues.ts";

export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    venueId: integer()
      .notNull()
      .references(() => venues.id, { onDelete: "cascade" }),
    unitId: integer(),
    unitKind: text(),
    places: integer().notNull().default(1),
    bookingDate: date().notNull(),
    startTime: time().notNull(),
    endTime: time().notNull(),
    // waiting; offered (a pending booking is held for the player); kept; lapsed; cancelled (by the player)
    status: text().notNull().default("waiting"),
    bookingId: integer().references(() => bookings.id, { onDelete: "set null" }),
    offeredUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("waitlist_status", sql`${t.status} in ('waiting', 'offered', 'kept', 'lapsed', 'cancelled')`),
    check("waitlist_places", sql`${t.places} >= 1`),
    uniqueIndex("waitlist_one_live_key")
      .on(t.userId, t.venueId, t.bookingDate, t.startTime, t.endTime)
      .where(sql`${t.status} in ('waiting', 'offered')`),
    index("waitlist_waiting_idx")
      .on(t.venueId, t.bookingDate, t.id)
      .where(sql`${t.status} = 'waiting'`),
    index("waitlist_offered_idx")
      .on(t.offeredUntil)
      .where(sql`${t.status} = 'offered'`),
    uniqueIndex("waitlist_booking_key").on(t.bookingId),
  ],
);
