// Booking shapes for players and admins.
import { z } from "@hono/zod-openapi";
import { pickTranslation } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { Booking, BookingEvent } from "@venue-booking/db";
import { DateSchema, PageQuerySchema, StatusSchema, TimeSchema, TimestampSchema } from "../../lib/schemas.ts";

export const BookingCreateSchema = z
  .strictObject({
    venue_id: z.number().int().positive().max(2_147_483_647).openapi({ example: 1 }),
    booking_date: DateSchema,
    start_time: TimeSchema.openapi({ example: "18:00" }),
    end_time: TimeSchema.openapi({ example: "20:00" }),
  })
  .openapi("BookingCreate");

export const BookingSchema = z
  .object({
    id: z.number().int().openapi({ example: 1 }),
    venue_id: z.number().int().openapi({ example: 1 }),
    venue: z.object({ id: z.number().int(), name: z.string().openapi({ example: "Стадион «Пахтакор»" }) }),
    booking_date: z.string().openapi({ example: "2026-12-01" }),
    start_time: z.string().openapi({ example: "18:00" }),
    end_time: z.string().openapi({ example: "20:00" }),
    duration_minutes: z.number().int().openapi({ example: 120 }),
    total_price: z.string().openapi({ example: "300000.00" }),
    status: StatusSchema,
    can_cancel: z.boolean(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .openapi("Booking");

export const BookingEventSchema = z
  .object({
    from_status: StatusSchema.nullable(),
    to_status: StatusSchema,
    actor: z.enum(["user", "admin", "system"]),
    actor_user_id: z.number().int().nullable(),
    reason: z.string().nullable().openapi({ example: "expired" }),
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

export function toBookingJson(b: Booking, lang: Lang) {
  return {
    id: b.id,
    venue_id: b.venueId,
    venue: { id: b.venueId, name: pickTranslation(b.venueName, lang) },
    booking_date: b.bookingDate,
    start_time: b.startTime,
    end_time: b.endTime,
    duration_minutes: b.durationMinutes,
    total_price: b.totalPrice,
    status: b.status,
    can_cancel: b.canCancel,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}

export function toAdminBookingJson(b: Booking, lang: Lang) {
  return { ...toBookingJson(b, lang), user: { id: b.userId, phone: b.userPhone } };
}

export function toEventJson(e: BookingEvent) {
  return {
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor: e.actor,
    actor_user_id: e.actorUserId,
    reason: e.reason,
    at: e.createdAt.toISOString(),
  };
}
