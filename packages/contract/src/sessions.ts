// Session shapes: fixed-time sessions that sell places, or numbered seats, in a unit.
import { SeatLabelSchema } from "./bookings.ts";
import { DateSchema, IdParam, IdSchema, PageQuerySchema, TimeSchema, TimestampSchema, idQuery } from "./common.ts";
import { PriceSchema, translatedSchema } from "./venues.ts";
import { z } from "./zod.ts";

/** The most places (or seats) one session sells. */
export const MAX_SESSION_CAPACITY = 10_000;

const TitleInput = translatedSchema(200, "TranslatedTitle", { ru: "Открытая игра 7×7", uz: "Ochiq o'yin 7×7", en: "Open game 7-a-side" });

export const SessionCreateSchema = z
  .strictObject({
    unit_id: IdSchema.openapi({ example: 1 }),
    title: TitleInput,
    booking_date: DateSchema,
    start_time: TimeSchema.openapi({ example: "20:00" }),
    end_time: TimeSchema.openapi({ example: "21:30" }),
    capacity: z
      .number()
      .int()
      .min(1)
      .max(MAX_SESSION_CAPACITY)
      .optional()
      .openapi({ example: 14, description: "places; with seats, their number" }),
    price_per_place: PriceSchema,
    seats: z
      .array(SeatLabelSchema)
      .min(1)
      .max(MAX_SESSION_CAPACITY)
      .refine((labels) => new Set(labels).size === labels.length, { params: { code: "UNKNOWN_SEAT" } })
      .optional()
      .openapi({ example: ["A1", "A2", "B1", "B2"], description: "numbered seats; the capacity is then their number" }),
  })
  .superRefine((v, ctx) => {
    if (v.seats === undefined && v.capacity === undefined) {
      ctx.addIssue({ code: "custom", path: ["capacity"], params: { code: "REQUIRED" } });
    }
    if (v.seats !== undefined && v.capacity !== undefined && v.capacity !== v.seats.length) {
      ctx.addIssue({ code: "custom", path: ["capacity"], params: { code: "UNKNOWN_SEAT" } });
    }
  })
  .openapi("SessionCreate");

export const SessionUpdateSchema = z
  .strictObject({
    title: TitleInput.optional(),
    price_per_place: PriceSchema.optional(),
    capacity: z.number().int().min(1).max(MAX_SESSION_CAPACITY).optional(),
  })
  .openapi("SessionUpdate");

export const SessionSchema = z
  .object({
    id: z.number().int().openapi({ example: 1 }),
    venue_id: z.number().int(),
    unit: z.object({ id: z.number().int(), name: z.string() }),
    title: z.string().openapi({ example: "Открытая игра 7×7" }),
    booking_date: z.string().openapi({ example: "2026-12-04" }),
    start_time: z.string().openapi({ example: "20:00" }),
    end_time: z.string().openapi({ example: "21:30" }),
    capacity: z.number().int(),
    price_per_place: z.string().openapi({ example: "30000.00" }),
    places_left: z.number().int(),
    is_full: z.boolean(),
    status: z.enum(["scheduled", "cancelled"]),
    seats: z
      .array(z.object({ label: z.string(), available: z.boolean() }))
      .optional()
      .openapi({ description: "seated sessions only" }),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .openapi("Session");

export const SessionListQuerySchema = PageQuerySchema.extend({
  date: DateSchema.optional().openapi({ param: { name: "date", in: "query" } }),
  venue_id: idQuery("venue_id"),
  from: DateSchema.optional().openapi({ param: { name: "from", in: "query" }, description: "from this date on" }),
  to: DateSchema.optional().openapi({ param: { name: "to", in: "query" }, description: "up to this date" }),
  available: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "available", in: "query" }, description: "true: only sessions with places left" }),
  include_past: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "include_past", in: "query" }, description: "admins: sessions that have ended too" }),
  include_cancelled: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "include_cancelled", in: "query" }, description: "admins: cancelled sessions too" }),
});

export const SessionIdParamSchema = z.object({ id: IdParam.openapi({ param: { name: "id", in: "path" }, example: 1 }) });

export type SessionCreate = z.infer<typeof SessionCreateSchema>;
export type SessionUpdate = z.infer<typeof SessionUpdateSchema>;
export type SessionJson = z.infer<typeof SessionSchema>;
