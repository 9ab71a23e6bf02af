import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { users } from "./users.ts";

/** The audit trail: one row for every status a booking takes, creation included, and for every move. */
export const bookingEvents = pgTable(
  "booking_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    bookingId: integer()
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    fromStatus: text(),
    toStatus: text().notNull(),
    actor: text().notNull(),
    actorUserId: integer().references(() => users.id, { onDelete: "set null" }),
    reason: text(),
    // created, a status change, or a move (rescheduled: same status, new time; migration 0009)
    kind: text().notNull().default("status"),
    // what else changed: a move's old and new date, times and unit (migration 0009)
    details: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("booking_events_actor", sql`${t.actor} in ('user', 'admin', 'system')`),
    check("booking_events_kind", sql`${t.kind} in ('created', 'status', 'rescheduled')`),
    index("booking_events_booking_idx").on(t.bookingId, t.id),
  ],
);

export type BookingEventRow = typeof bookingEvents.$inferSelect;
