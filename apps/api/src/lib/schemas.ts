// Building blocks of request and response schemas, shared by every route (and the OpenAPI document).
import { z } from "@hono/zod-openapi";
import { BOOKING_STATUSES, ERROR_CODES, isMoney, isPhone, isValidDate, isValidTime } from "@venue-booking/core";

export const PhoneSchema = z
  .string()
  .refine(isPhone, { params: { code: "INVALID_PHONE" } })
  .openapi({ example: "+998901234567", description: "+998 followed by 9 digits" });

export const DateSchema = z
  .string()
  .refine(isValidDate, { params: { code: "INVALID_DATE" } })
  .openapi({ example: "2026-12-01", format: "date" });

export const TimeSchema = z
  .string()
  .refine(isValidTime, { params: { code: "INVALID_TIME" } })
  .openapi({ example: "18:00", description: "HH:MM (HH:MM:SS with :00 seconds accepted)" });

export const MoneySchema = z
  .string()
  .refine(isMoney, { params: { code: "INVALID_MONEY" } })
  .openapi({ example: "150000.00", description: "decimal string with up to 2 places" });

export const TimestampSchema = z.string().openapi({ example: "2026-11-21T10:00:00.000Z", format: "date-time" });

export const StatusSchema = z.enum(BOOKING_STATUSES).openapi({ example: "pending" });

export const IdParamSchema = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const PageQuerySchema = z.object({
  page: z.coerce
    .number()
    .int()
    .positive()
    .max(1_000_000)
    .optional()
    .openapi({ param: { name: "page", in: "query" }, example: 1 }),
});

export function pageSchema<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      count: z.number().int().openapi({ example: 42 }),
      next: z.string().nullable().openapi({ example: "http://localhost:3000/api/venues/?page=2" }),
      previous: z.string().nullable().openapi({ example: null }),
      results: z.array(item),
    })
    .openapi(name);
}

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:venue-booking:problem:slot-taken" }),
    title: z.string().openapi({ example: "Conflict" }),
    status: z.number().int().openapi({ example: 409 }),
    detail: z.string().openapi({ example: "Это время уже забронировано." }),
    code: z.enum(ERROR_CODES as [string, ...string[]]).openapi({ example: "SLOT_TAKEN" }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ example: [{ field: "phone", message: "Неверный номер телефона: ожидается +998 и 9 цифр." }] }),
  })
  .openapi("Problem");
