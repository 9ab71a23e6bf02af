// Messages to players: a row for each one owed (written by a trigger on the outbox in the change's
// transaction, or by the lifecycle job for reminders), sent through the SMS sender by the
// dispatcher. The unique indexes keep it to one message per event and one reminder per booking.
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bookings } from "./bookings.ts";
import { outboxEvents } from "./outbox.ts";
import { users } from "./users.ts";

export const notifications = pgTable(
  "notifications",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bookingId: integer().references(() => bookings.id, { onDelete: "cascade" }),
    eventId: uuid().references(() => outboxEvents.id, { onDelete: "set null" }),
    // confirmed, cancelled (by the venue, a closure or an expired hold), moved (by the venue), reminder
    kind: text().notNull(),
    // why, for a cancellation
    reason: text(),
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    // what was sent, in the user's language, and to which phone
    text: text(),
    phone: text(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("notifications_kind", sql`${t.kind} in ('confirmed', 'cancelled', 'moved', 'reminder', 'offered')`),
    check("notifications_status", sql`${t.status} in ('pending', 'sent', 'failed')`),
    uniqueIndex("notifications_once_per_event_key")
      .on(t.eventId)
      .where(sql`${t.eventId} is not null`),
    uniqueIndex("notifications_one_reminder_key")
      .on(t.bookingId)
      .where(sql`${t.kind} = 'reminder'`),
    index("notifications_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("notifications_created_idx").on(t.createdAt.desc(), t.id.desc()),
  ],
);
