// Weekly standing bookings: a team's game every Tuesday at 20:00, made by staff as one request.
import { AdminBookingSchema } from "./bookings.ts";
import { DateSchema, IdSchema, PageQuerySchema, PhoneSchema, TextSchema, TimeSchema, TimestampSchema, idQuery } from "./common.ts";
import { ERROR_CODES } from "./errors.ts";
import type { ErrorCode } from "./errors.ts";
import { z } from "./zod.ts";

/** The most weeks one series runs. */
export const MAX_SERIES_WEEKS = 52;

export const ON_CONFLICT = ["fail", "skip"] as const;

export const SeriesCreateSchema = z
  .strictObject({
    venue_id: IdSchema.openapi({ example: 1 }),
    unit_id: IdSchema.optional().openapi({ description: "this unit every week; without it each week takes the first free one" }),
    unit_kind: TextSchema.trim()
      .min(1)
      .max(50)
      .optional()
      .openapi({ example: "court", description: "choose only among units of this kind" }),
    phone: PhoneSchema.openapi({ description: "the customer's phone: a new one makes an unverified user" }),
    name: TextSchema.trim().min(1).max(100).optional().openapi({ example: "FC Chilonzor" }),
    weekday: z.number().int().min(1).max(7).openapi({ example: 2, description: "1 = Monday ... 7 = Sunday" }),
    start_time: TimeSchema.openapi({ example: "20:00" }),
    end_time: TimeSchema.openapi({ example: "22:00", description: "at or before start_time: past midnight" }),
    first_date: DateSchema.openapi({ description: "the first occurrence is the first `weekday` on or after it" }),
    weeks: z.number().int().min(1).max(MAX_SERIES_WEEKS).optional().openapi({ example: 12 }),
    last_date: DateSchema.optional().openapi({ description: "instead of weeks: the last day an occurrence may fall on" }),
    on_conflict: z
      .enum(ON_CONFLICT)
      .optional()
      .openapi({ description: "fail (the default): one date that cannot be booked and nothing is created; skip: book the rest" }),
    note: TextSchema.trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.weeks === undefined) === (v.last_date === undefined)) {
      ctx.addIssue({ code: "custom", path: ["weeks"], params: { code: "WEEKS_OR_LAST_DATE" } });
    }
  })
  .openapi("SeriesCreate", {
    example: {
      venue_id: 1,
      phone: "+998901112233",
      name: "FC Chilonzor",
      weekday: 2,
      start_time: "20:00",
      end_time: "22:00",
      first_date: "2026-12-01",
      weeks: 12,
      on_conflict: "skip",
    },
  });

/** A date the series could not book, and the rule that refused it (SLOT_TAKEN, VENUE_CLOSED, OUTSIDE_HOURS, ...). */
export const SkippedDateSchema = z
  .object({
    date: z.string().openapi({ example: "2026-12-15" }),
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).openapi({ example: "SLOT_TAKEN" }),
    message: z.string().openapi({ example: "This time is already booked." }),
  })
  .openapi("SkippedDate");

export const SeriesSchema = z
  .object({
    id: z.number().int().openapi({ example: 1 }),
    venue_id: z.number().int(),
    unit_id: z.number().int().nullable(),
    unit_kind: z.string().nullable().openapi({ description: "with no unit_id, the kind each date took the first free unit of" }),
    customer: z.object({ id: z.number().int(), phone: z.string(), name: z.string() }),
    weekday: z.number().int().openapi({ example: 2 }),
    start_time: z.string().openapi({ example: "20:00" }),
    end_time: z.string().openapi({ example: "22:00" }),
    first_date: z.string().openapi({ example: "2026-12-01" }),
    last_date: z.string().openapi({ example: "2027-02-16" }),
    note: z.string().nullable(),
    cancelled_from: z.string().nullable().openapi({ description: "the date its occurrences were cancelled from, or null" }),
    live_bookings: z.number().int().openapi({ description: "its occurrences still pending or confirmed" }),
    created_by: z.number().int().nullable(),
    created_at: TimestampSchema,
  })
  .openapi("Series");

export const SeriesDetailSchema = SeriesSchema.extend({
  bookings: z.array(AdminBookingSchema).openapi({ description: "its occurrences, by date" }),
}).openapi("SeriesDetail");

export const SeriesCreatedSchema = SeriesDetailSchema.extend({
  skipped: z.array(SkippedDateSchema).openapi({ description: "with on_conflict: skip, the dates not booked and why" }),
}).openapi("SeriesCreated");

export const SeriesListQuerySchema = PageQuerySchema.extend({
  phone: PhoneSchema.optional().openapi({ param: { name: "phone", in: "query" } }),
  venue_id: idQuery("venue_id"),
});

export const SeriesCancelQuerySchema = z.object({
  from: DateSchema.optional().openapi({
    param: { name: "from", in: "query" },
    example: "2027-01-05",
    description: "cancel occurrences on and after this date that have not started (default: today, venue time)",
  }),
});

export const SeriesCancelledSchema = SeriesDetailSchema.extend({
  cancelled: z.array(z.number().int()).openapi({ description: "the bookings this request cancelled" }),
}).openapi("SeriesCancelled");

export type SeriesCreate = z.infer<typeof SeriesCreateSchema>;
export type Series = z.infer<typeof SeriesSchema>;
export type SeriesDetail = z.infer<typeof SeriesDetailSchema>;
export type SeriesCreated = z.infer<typeof SeriesCreatedSchema>;
export type SeriesCancelled = z.infer<typeof SeriesCancelledSchema>;
export type SkippedDate = z.infer<typeof SkippedDateSchema>;
