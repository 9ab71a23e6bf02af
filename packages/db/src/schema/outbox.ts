// The transactional outbox: every change of a booking or session writes an event row in the same
// transaction (triggers on booking_events and sessions, migration 0010), and each event fans out
// to a delivery row per webhook that asked for it. Dispatchers in the API processes claim due
// deliveries with FOR UPDATE SKIP LOCKED and a lease, so a process killed mid-delivery loses
// nothing: its lease runs out and another (or the same one restarted) delivers it.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

export const outboxEvents = pgTable(
  "outbox_events",
  {
    // the stable id receivers deduplicate by (webhook-id)
    id: uuid().primaryKey().defaultRandom(),
    type: text().notNull(),
    bookingId: integer(),
    sessionId: integer(),
    data: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_events_created_idx").on(t.createdAt), index("outbox_events_booking_idx").on(t.bookingId)],
);

export const webhooks = pgTable(
  "webhooks",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    url: text().notNull(),
    // event types, or "*" for all
    events: text().array().notNull(),
    // "whsec_" and base64 of 24 random bytes (Standard Webhooks)
    secret: text().notNull(),
    isActive: boolean().notNull().default(true),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("webhooks_url_scheme", sql`${t.url} ~ '^https?://'`), check("webhooks_events_given", sql`cardinality(${t.events}) > 0`)],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    webhookId: integer()
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => outboxEvents.id, { onDelete: "cascade" }),
    // pending until delivered, or failed once retries ran out
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // the claim of a dispatcher; after it, another may take the delivery over
    lockedUntil: timestamp({ withTimezone: true }),
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("webhook_deliveries_status", sql`${t.status} in ('pending', 'delivered', 'failed')`),
    uniqueIndex("webhook_deliveries_once_key").on(t.webhookId, t.eventId),
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_webhook_idx").on(t.webhookId, t.id),
  ],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint({ mode: "number" })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    statusCode: integer(),
    error: text(),
    durationMs: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.id)],
);
