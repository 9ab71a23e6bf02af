// Booking shapes for players and admins.
import { MAX_UNIT_CAPACITY } from "@venue-booking/core";
import {
  DateSchema,
  IdSchema,
  PageQuerySchema,
  PhoneSchema,
  StatusSchema,
  TextSchema,
  TimeSchema,
  TimestampSchema,
  idQuery,
} from "./common.ts";
import { z } from "./zod.ts";

const HOURLY_FIELDS = ["venue_id", "booking_date", "start_time", "end_time"] as const;

export const SeatLabelSchema = TextSchema.trim().min(1).max(20).openapi({ example: "A1" });

const bookingCreateFields = {
  venue_id: IdSchema.optional().openapi({ example: 1, description: "an hourly booking: the venue (with the date and times)" }),
  booking_date: DateSchema.optional(),
  start_time: TimeSchema.optional().openapi({
    example: "18:00",
    description: "in booking_date's business day: before the opening time of a day that closes after midnight, it is that night's",
  }),
  end_time: TimeSchema.optional().openapi({
    example: "20:00",
    description: "at or before start_time: the next calendar day (23:00-01:00)",
  }),
  unit_id: IdSchema.optional().openapi({ description: "this unit, or 409 SLOT_TAKEN; without it the first free unit is chosen" }),
  unit_kind: TextSchema.trim().min(1).max(50).optional().openapi({ example: "court", description: "choose only among units of this kind" }),
  places: z
    .number()
    .int()
    .min(1)
    .max(MAX_UNIT_CAPACITY)
    .optional()
    .openapi({ example: 1, description: "places to take (default 1); more than 1 only on a pooled unit or in a session" }),
  session_id: IdSchema.optional().openapi({ description: "a place in this session instead of an hourly booking" }),
  seats: z
    .array(SeatLabelSchema)
    .min(1)
    .max(100)
    .refine((labels) => new Set(labels).size === labels.length, { params: { code: "UNKNOWN_SEAT" } })
    .optional()
    .openapi({ example: ["A1", "A2"], description: "seats of a seated session; places is then their number" }),
  note: TextSchema.trim()
    .max(500)
    .optional()
    .openapi({ example: "We bring our own ball", description: "a note for the venue (up to 500 characters)" }),
};

type HourlyOrSession = { [K in (typeof HOURLY_FIELDS)[number] | "unit_id" | "unit_kind" | "session_id" | "seats"]?: unknown };

/** An hourly booking names its venue, date and times; a place in a session names the session only. */
function hoursOrSession(v: HourlyOrSession, ctx: z.RefinementCtx): void {
  if (v.session_id !== undefined) {
    for (const field of [...HOURLY_FIELDS, "unit_id", "unit_kind"] as const) {
      if (v[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], params: { code: "SESSION_OR_HOURS" } });
    }
    return;
  }
  if (v.seats !== undefined) ctx.addIssue({ code: "custom", path: ["seats"], params: { code: "SESSION_OR_HOURS" } });
  for (const field of HOURLY_FIELDS) {
    if (v[field] === undefined) ctx.addIssue({ code: "custom", path: [field], params: { code: "REQUIRED" } });
  }
}

export const BookingCreateSchema = z.strictObject(bookingCreateFields).superRefine(hoursOrSession).openapi("BookingCreate");

export const STAFF_BOOKING_STATUSES = ["pending", "confirmed"] as const;

export const AdminBookingCreateSchema = z
  .strictObject({
    ...bookingCreateFields,
    phone: PhoneSchema.openapi({ description: "the customer's phone: a new one makes an unverified user (signing in later verifies it)" }),
    name: TextSchema.trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ example: "Aziz", description: "the customer's name, kept when they have none yet" }),
    status: z.enum(STAFF_BOOKING_STATUSES).optional().openapi({ description: "confirmed (the default: the desk takes it) or pending" }),
  })
  .superRefine(hoursOrSession)
  .openapi("AdminBookingCreate");

const moveFields = {
  booking_date: DateSchema.optional(),
  start_time: TimeSchema.optional().openapi({ example: "19:00" }),
  end_time: TimeSchema.optional().openapi({ example: "21:00", description: "with start_time absent, the booking keeps its length" }),
  unit_id: IdSchema.optional().openapi({ description: "another unit of the same venue (default: the booking's own)" }),
};

const MOVE_KEYS = Object.keys(moveFields) as (keyof typeof moveFields)[];

export const BookingMoveSchema = z
  .strictObject(moveFields)
  .refine((v) => MOVE_KEYS.some((k) => v[k] !== undefined), { params: { code: "ONE_OF_MOVE" } })
  .openapi("BookingMove", { example: { start_time: "19:00", end_time: "20:00" } });

export const IdempotencyHeaderSchema = z.object({
  "idempotency-key": TextSchema.min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/)
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      example: "3f9c2b0e-booking-1",
      description: "Idempotency-Key: any client-made string; a retry with the same key returns the first response",
    }),
});

export const BookingSchema = z
  .object({
    id: z.number().int().openapi({ example: 1 }),
    venue_id: z.number().int().openapi({ example: 1 }),
    venue: z.object({ id: z.number().int(), name: z.string().openapi({ example: "Стадион «Пахтакор»" }) }),
    unit: z.object({ id: z.number().int(), name: z.string().openapi({ example: "Корт 1" }) }),
    places: z.number().int().openapi({ example: 1 }),
    session: z
      .object({ id: z.number().int(), title: z.string().openapi({ example: "Открытая игра" }) })
      .nullable()
      .openapi({ description: "the session this is a place in, or null for an hourly booking" }),
    seats: z.array(z.string()).openapi({ example: [] }),
    booking_date: z.string().openapi({ example: "2026-12-01" }),
    start_time: z.string().openapi({ example: "18:00" }),
    end_time: z.string().openapi({ example: "20:00" }),
    after_midnight: z.boolean().openapi({
      description: "starts after midnight of its business day: booking_date's night (01:00 of a Friday open 18:00-02:00 is Saturday 01:00)",
    }),
    duration_minutes: z.number().int().openapi({ example: 120 }),
    total_price: z.string().openapi({ example: "300000.00" }),
    price_breakdown: z
      .array(z.object({ start_time: z.string(), end_time: z.string(), price_per_hour: z.string(), amount: z.string() }))
      .openapi({
        description: "how the total was charged (kept as charged; empty for sessions and older bookings)",
        example: [{ start_time: "18:00", end_time: "20:00", price_per_hour: "150000.00", amount: "300000.00" }],
      }),
    status: StatusSchema,
    can_cancel: z.boolean(),
    source: z.enum(["app", "staff"]).openapi({ description: "app: the player booked it; staff: the venue's staff did, for a customer" }),
    note: z.string().nullable().openapi({ example: null }),
    reference: z.string().openapi({ example: "K7M2QX9A", description: "a short unique code to tell the booking by on the phone" }),
    series_id: z.number().int().nullable().openapi({ description: "the weekly series this is an occurrence of" }),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .openapi("Booking");

export const ACTORS = ["user", "admin", "system"] as const;

export const EVENT_KINDS = ["created", "status", "rescheduled"] as const;

/** Where a booking was, or went: one side of a move. */
export const MovePlaceSchema = z
  .object({
    booking_date: z.string().openapi({ example: "2026-12-04" }),
    start_time: z.string().openapi({ example: "18:00" }),
    end_time: z.string().openapi({ example: "19:00" }),
    after_midnight: z.boolean(),
    unit_id: z.number().int(),
    total_price: z.string().openapi({ example: "150000.00" }),
  })
  .openapi("MovePlace");

export const MoveDetailsSchema = z.object({ from: MovePlaceSchema, to: MovePlaceSchema }).openapi("MoveDetails");

export const BookingEventSchema = z
  .object({
    event: z.enum(EVENT_KINDS).openapi({ description: "created, a status change, or a move (rescheduled: details.from and details.to)" }),
    from_status: StatusSchema.nullable(),
    to_status: StatusSchema,
    actor: z.enum(ACTORS),
    actor_user_id: z.number().int().nullable(),
    reason: z.string().nullable().openapi({ example: "expired" }),
    details: MoveDetailsSchema.nullable().openapi({ description: "a move's old and new place (rescheduled rows); null otherwise" }),
    at: TimestampSchema,
  })
  .openapi("BookingEvent");

export const AdminBookingSchema = BookingSchema.extend({
  user: z.object({ id: z.number().int(), phone: z.string() }),
}).openapi("AdminBooking");

export const AdminBookingDetailSchema = AdminBookingSchema.extend({
  history: z.array(BookingEventSchema),
}).openapi("AdminBookingDetail");

export const BookingListQuerySchema = PageQuerySchema.extend({
  status: StatusSchema.optional().openapi({ param: { name: "status", in: "query" } }),
});

export const AdminBookingListQuerySchema = BookingListQuerySchema.extend({
  venue_id: idQuery("venue_id"),
  unit_id: idQuery("unit_id"),
  session_id: idQuery("session_id"),
  user_id: idQuery("user_id"),
  date: DateSchema.optional().openapi({ param: { name: "date", in: "query" } }),
  phone: PhoneSchema.optional().openapi({ param: { name: "phone", in: "query" } }),
  series_id: idQuery("series_id"),
  reference: TextSchema.trim()
    .min(1)
    .max(20)
    .optional()
    .openapi({ param: { name: "reference", in: "query" }, example: "K7M2QX9A", description: "the booking's reference (any case)" }),
});

export const AdminBookingStatusSchema = z
  .strictObject({ status: StatusSchema.optional(), reason: TextSchema.trim().max(500).optional(), ...moveFields })
  .superRefine((v, ctx) => {
    const moving = MOVE_KEYS.filter((k) => v[k] !== undefined);
    if (v.status === undefined && moving.length === 0)
      ctx.addIssue({ code: "custom", path: ["status"], params: { code: "STATUS_OR_MOVE" } });
    if (v.status !== undefined) {
      for (const k of moving) ctx.addIssue({ code: "custom", path: [k], params: { code: "STATUS_OR_MOVE" } });
    }
  })
  .openapi("AdminBookingStatus", {
    example: { status: "confirmed" },
    description:
      "either a status or a move (booking_date, start_time, end_time, unit_id), not both; a reason goes with either into the history",
  });

export type BookingCreate = z.infer<typeof BookingCreateSchema>;
export type Booking = z.infer<typeof BookingSchema>;
export type BookingEvent = z.infer<typeof BookingEventSchema>;
export type AdminBooking = z.infer<typeof AdminBookingSchema>;
export type AdminBookingDetail = z.infer<typeof AdminBookingDetailSchema>;
export type AdminBookingStatus = z.infer<typeof AdminBookingStatusSchema>;
export type AdminBookingCreate = z.infer<typeof AdminBookingCreateSchema>;
export type BookingMove = z.infer<typeof BookingMoveSchema>;
export type MoveDetails = z.infer<typeof MoveDetailsSchema>;
export type MovePlace = z.infer<typeof MovePlaceSchema>;
