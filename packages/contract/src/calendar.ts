// A venue's calendar and rules: weekly hours, the grid, price rules, policy, and closures.
import { isValidTime, parseTime, SLOT_LENGTHS } from "@venue-booking/core";
import { DateSchema, IdParam, IdSchema, PriceSchema, TimeSchema, TimestampSchema } from "./common.ts";
import { z } from "./zod.ts";

export const WeekdaySchema = z.number().int().min(1).max(7).openapi({ example: 5, description: "1 = Monday ... 7 = Sunday" });

export const WeekdayHoursSchema = z
  .strictObject({
    weekday: WeekdaySchema,
    opening_time: TimeSchema.openapi({ example: "18:00" }),
    closing_time: TimeSchema.openapi({ example: "02:00", description: "at or before opening_time: after midnight" }),
  })
  .openapi("WeekdayHours");

export const WeeklyHoursSchema = z
  .array(WeekdayHoursSchema)
  .max(7)
  .refine((days) => new Set(days.map((d) => d.weekday)).size === days.length, { params: { code: "INVALID_HOURS" } })
  .openapi({
    description: "a weekday not listed is closed; null: every day opening_time-closing_time",
    example: [{ weekday: 5, opening_time: "18:00", closing_time: "02:00" }],
  });

const MAX_DAY = 2880;

export const SlotMinutesSchema = z
  .number()
  .int()
  .refine((m) => (SLOT_LENGTHS as readonly number[]).includes(m), { params: { code: "INVALID_HOURS" } })
  .openapi({ example: 60, description: "the booking grid: 30, 60, 90 or 120 minutes" });

export const DurationBoundSchema = z.number().int().min(1).max(MAX_DAY).nullable();

export const PriceRuleSchema = z
  .strictObject({
    weekdays: z
      .array(WeekdaySchema)
      .min(1)
      .max(7)
      .refine((d) => new Set(d).size === d.length, { params: { code: "INVALID_PRICE_RULE", problem: "a weekday twice" } }),
    start_time: TimeSchema.openapi({ example: "18:00" }),
    end_time: TimeSchema.openapi({ example: "23:00", description: "at or before start_time: past midnight" }),
    price_per_hour: PriceSchema.openapi({ example: "250000.00" }),
    unit_id: IdSchema.nullable().optional().openapi({ description: "only this unit; absent or null: every unit" }),
  })
  .refine((r) => !isValidTime(r.start_time) || parseTime(r.start_time) < 1440, {
    path: ["start_time"],
    params: { code: "INVALID_PRICE_RULE", problem: "a rule starts before 24:00" },
  })
  .openapi("PriceRule", {
    description: "prices the slots of its weekdays (of the business day) that start in its hours",
    example: { weekdays: [5, 6], start_time: "18:00", end_time: "02:00", price_per_hour: "250000.00" },
  });

export const PriceRulesSchema = z.array(PriceRuleSchema).max(50).openapi({ description: "the first matching rule prices a slot" });

const policyMinutes = z.number().int().min(0).max(525_600).nullable().optional();

export const PolicyInputSchema = z
  .strictObject({
    min_notice_minutes: policyMinutes.openapi({ description: "a booking starts at least this long after it is made" }),
    horizon_days: z.number().int().min(0).max(3650).nullable().optional(),
    cancel_until_minutes: policyMinutes.openapi({ description: "players cancel at least this long before the start" }),
    hold_minutes: policyMinutes.openapi({ description: "an unconfirmed booking is let go this long after it was made; 0: at its start" }),
    max_live_bookings_per_user: z.number().int().min(1).max(10_000).nullable().optional(),
  })
  .openapi("PolicyInput", { description: "null puts a field back to the server's default" });

export const PolicySchema = z
  .object({
    min_notice_minutes: z.number().int(),
    horizon_days: z.number().int(),
    cancel_until_minutes: z.number().int(),
    hold_minutes: z.number().int(),
    max_live_bookings_per_user: z.number().int(),
    defaults: z
      .array(z.string())
      .openapi({ description: "the fields that follow the server's default (the venue set none)", example: ["horizon_days"] }),
  })
  .openapi("Policy");

/** What the venue create, update and import bodies take of the calendar. */
export const calendarFields = {
  weekly_hours: WeeklyHoursSchema.nullable().optional(),
  slot_minutes: SlotMinutesSchema.optional(),
  min_duration_minutes: DurationBoundSchema.optional(),
  max_duration_minutes: DurationBoundSchema.optional(),
  price_rules: PriceRulesSchema.optional(),
  policy: PolicyInputSchema.optional(),
};

/** What venue reads show of it. */
export const calendarOut = {
  weekly_hours: z.array(z.object({ weekday: z.number().int(), opening_time: z.string(), closing_time: z.string() })).openapi({
    description: "the open weekdays (the same hours each day when the venue set none)",
  }),
  slot_minutes: z.number().int().openapi({ example: 60 }),
  min_duration_minutes: z.number().int().openapi({ example: 60 }),
  max_duration_minutes: z.number().int().nullable().openapi({ description: "null: the whole day" }),
  price_rules: z.array(
    z.object({
      weekdays: z.array(z.number().int()),
      start_time: z.string(),
      end_time: z.string(),
      price_per_hour: z.string(),
      unit_id: z.number().int().nullable(),
    }),
  ),
  policy: PolicySchema,
};

const TranslatedReason = z
  .strictObject({
    ru: z.string().trim().min(1).max(300),
    uz: z.string().trim().max(300).nullable().optional(),
    en: z.string().trim().max(300).nullable().optional(),
  })
  .openapi("ClosureReason", { example: { ru: "Праздник", uz: "Bayram", en: "Holiday" } });

export const ClosureCreateSchema = z
  .strictObject({
    date: DateSchema.openapi({ description: "the business day" }),
    start_time: TimeSchema.optional().openapi({ description: "with end_time: part of the day; without both: the whole day" }),
    end_time: TimeSchema.optional().openapi({ description: "at or before start_time: past midnight" }),
    unit_id: IdSchema.optional().openapi({ description: "only this unit (and the units sharing a part with it)" }),
    reason: TranslatedReason.optional(),
    cancel_bookings: z
      .boolean()
      .optional()
      .openapi({ description: "cancel the live bookings and sessions in the way, in the same transaction" }),
  })
  .superRefine((v, ctx) => {
    if ((v.start_time === undefined) !== (v.end_time === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.start_time === undefined ? "start_time" : "end_time"], params: { code: "REQUIRED" } });
    }
  })
  .openapi("ClosureCreate", { example: { date: "2026-12-31", reason: { ru: "Новый год", en: "New Year" }, cancel_bookings: false } });

export const ClosureSchema = z
  .object({
    id: z.number().int(),
    venue_id: z.number().int(),
    unit_id: z.number().int().nullable(),
    date: z.string().openapi({ example: "2026-12-31" }),
    start_time: z.string().openapi({ example: "09:00" }),
    end_time: z.string().openapi({ example: "22:00" }),
    after_midnight: z.boolean().openapi({ description: "starts after midnight of its business day" }),
    whole_day: z.boolean(),
    reason: z.object({ ru: z.string(), uz: z.string().nullable().optional(), en: z.string().nullable().optional() }).nullable(),
    created_at: TimestampSchema,
    cancelled_bookings: z.array(z.number().int()).optional().openapi({ description: "on create: the bookings it cancelled" }),
    cancelled_sessions: z.array(z.number().int()).optional().openapi({ description: "on create: the sessions it cancelled" }),
  })
  .openapi("Closure");

export const ClosureListSchema = z.object({ results: z.array(ClosureSchema) }).openapi("ClosureList");

export const ClosureListQuerySchema = z.object({
  include_past: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "include_past", in: "query" }, description: "closures that have ended too" }),
});

export const ClosureParamsSchema = z.object({
  id: IdParam.openapi({ param: { name: "id", in: "path" }, example: 1 }),
  closure_id: IdParam.openapi({ param: { name: "closure_id", in: "path" }, example: 1 }),
});

export const ClosureConflictSchema = z
  .object({
    kind: z.enum(["booking", "session", "closure"]),
    id: z.number().int(),
    unit_id: z.number().int(),
    booking_date: z.string(),
    start_time: z.string(),
    end_time: z.string(),
  })
  .openapi("ClosureConflict");

export type WeekdayHours = z.infer<typeof WeekdayHoursSchema>;
export type PriceRuleInput = z.infer<typeof PriceRuleSchema>;
export type PolicyInput = z.infer<typeof PolicyInputSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type ClosureCreate = z.infer<typeof ClosureCreateSchema>;
export type Closure = z.infer<typeof ClosureSchema>;
export type ClosureConflict = z.infer<typeof ClosureConflictSchema>;
