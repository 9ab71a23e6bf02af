// Webhooks: where the outbox's events go, signed by the Standard Webhooks convention.
import { MAX_UNIT_CAPACITY } from "@venue-booking/core";
import { DateSchema, IdSchema, idQuery, PageQuerySchema, TextSchema, TimeSchema, TimestampSchema } from "./common.ts";
import { z } from "./zod.ts";

export const WEBHOOK_EVENTS = [
  "booking.created",
  "booking.confirmed",
  "booking.cancelled",
  "booking.completed",
  "booking.expired",
  "booking.rescheduled",
  "session.cancelled",
] as const;

const EventName = z.enum([...WEBHOOK_EVENTS, "*"]).openapi({ example: "booking.confirmed" });

const Events = z
  .array(EventName)
  .min(1)
  .max(WEBHOOK_EVENTS.length + 1)
  .refine((events) => new Set(events).size === events.length, { message: "each event once" })
  .openapi({ example: ["booking.created", "booking.cancelled"], description: 'event types, or ["*"] for all of them' });

const Url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .openapi({ example: "https://bot.example.uz/venue-booking", description: "http(s); in production not a loopback or private address" });

export const WebhookCreateSchema = z.strictObject({ url: Url, events: Events }).openapi("WebhookCreate");

export const WebhookUpdateSchema = z
  .strictObject({ url: Url.optional(), events: Events.optional(), is_active: z.boolean().optional() })
  .openapi("WebhookUpdate");

export const WebhookSchema = z
  .object({
    id: z.number().int().openapi({ example: 1 }),
    url: z.string(),
    events: z.array(z.string()),
    is_active: z.boolean(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .openapi("Webhook");

export const WebhookCreatedSchema = WebhookSchema.extend({
  secret: z.string().openapi({
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    description: "the signing secret, shown only here: verify webhook-signature with it",
  }),
}).openapi("WebhookCreated");

export const WebhookDeliverySchema = z
  .object({
    id: z.number().int(),
    event_id: z.string().openapi({ description: "the event's id, as sent in webhook-id: the same on every try" }),
    event_type: z.string().openapi({ example: "booking.confirmed" }),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    next_attempt_at: TimestampSchema.nullable().openapi({ description: "when it is tried again (pending only)" }),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    delivered_at: TimestampSchema.nullable(),
    created_at: TimestampSchema,
    tries: z.array(
      z.object({
        status_code: z.number().int().nullable(),
        error: z.string().nullable(),
        duration_ms: z.number().int(),
        at: TimestampSchema,
      }),
    ),
  })
  .openapi("WebhookDelivery");

export const WebhookPingSchema = z
  .object({ delivery_id: z.number().int().openapi({ description: "see it under deliveries" }) })
  .openapi("WebhookPing");

export const WebhookListQuerySchema = PageQuerySchema;

export type WebhookCreate = z.infer<typeof WebhookCreateSchema>;
export type WebhookUpdate = z.infer<typeof WebhookUpdateSchema>;
export type Webhook = z.infer<typeof WebhookSchema>;
export type WebhookCreated = z.infer<typeof WebhookCreatedSchema>;
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** A message sent (or owed) to a player. */
export const NotificationSchema = z
  .object({
    id: z.number().int(),
    user_id: z.number().int(),
    booking_id: z.number().int().nullable(),
    kind: z.enum(["confirmed", "cancelled", "moved", "reminder", "offered"]),
    status: z.enum(["pending", "sent", "failed"]),
    attempts: z.number().int(),
    phone: z.string().nullable(),
    text: z.string().nullable().openapi({ description: "as sent, in the player's language" }),
    last_error: z.string().nullable(),
    sent_at: TimestampSchema.nullable(),
    created_at: TimestampSchema,
  })
  .openapi("Notification");

export const NotificationListQuerySchema = PageQuerySchema.extend({
  user_id: idQuery("user_id"),
  booking_id: idQuery("booking_id"),
});

export type Notification = z.infer<typeof NotificationSchema>;

export const WaitlistCreateSchema = z
  .strictObject({
    venue_id: IdSchema.openapi({ example: 1 }),
    unit_id: IdSchema.optional(),
    unit_kind: TextSchema.trim().min(1).max(50).optional(),
    places: z.number().int().min(1).max(MAX_UNIT_CAPACITY).optional(),
    booking_date: DateSchema,
    start_time: TimeSchema.openapi({ example: "19:00" }),
    end_time: TimeSchema.openapi({ example: "21:00" }),
  })
  .openapi("WaitlistCreate");

export const WaitlistEntrySchema = z
  .object({
    id: z.number().int(),
    user: z.object({ id: z.number().int(), phone: z.string() }),
    venue_id: z.number().int(),
    unit_id: z.number().int().nullable(),
    unit_kind: z.string().nullable(),
    places: z.number().int(),
    booking_date: z.string(),
    start_time: z.string(),
    end_time: z.string(),
    status: z.enum(["waiting", "offered", "kept", "lapsed", "cancelled"]),
    booking_id: z.number().int().nullable().openapi({ description: "the booking offered (pending, held until offered_until)" }),
    offered_until: TimestampSchema.nullable(),
    created_at: TimestampSchema,
  })
  .openapi("WaitlistEntry");

export const WaitlistListQuerySchema = PageQuerySchema.extend({
  venue_id: idQuery("venue_id"),
  status: z
    .enum(["waiting", "offered", "kept", "lapsed", "cancelled"])
    .optional()
    .openapi({ param: { name: "status", in: "query" } }),
});

export type WaitlistCreate = z.infer<typeof WaitlistCreateSchema>;
export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;
