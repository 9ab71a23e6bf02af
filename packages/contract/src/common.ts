// Building blocks of request and response schemas, shared by every resource.
import { BOOKING_STATUSES, isMoney, isPhone, isValidDate, isValidTime, toMinor } from "@venue-booking/core";
import { z } from "./zod.ts";

const MAX_ID = 2_147_483_647;

// PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate has no UTF-8 form: such text is
// refused here, before it reaches the database. So are the other control characters (all but tab
// and line breaks): escape sequences in a player's name would otherwise reach the staff's terminals.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function isStorableText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/** Every string a request carries (body, query or header) starts from this schema. */
export const TextSchema = z.string().refine(isStorableText, { params: { code: "INVALID_TEXT" }, abort: true });

export const PhoneSchema = TextSchema.refine(isPhone, { params: { code: "INVALID_PHONE" } }).openapi({
  example: "+998901234567",
  description: "+998 followed by 9 digits",
});

export const DateSchema = TextSchema.refine(isValidDate, { params: { code: "INVALID_DATE" } }).openapi({
  example: "2026-12-01",
  format: "date",
});

export const TimeSchema = TextSchema.refine(isValidTime, { params: { code: "INVALID_TIME" } }).openapi({
  example: "18:00",
  description: "HH:MM (HH:MM:SS with :00 seconds accepted)",
});

export const MoneySchema = TextSchema.refine(isMoney, { params: { code: "INVALID_MONEY" } }).openapi({
  example: "150000.00",
  description: "decimal string with up to 2 places",
});

/**
 * The highest price per hour. A booking's total is stored as numeric(12,2) (at most 9 999 999 999.99):
 * a whole day (24 h) at this price fits 41 times over, which leaves room for bookings of several
 * places at once.
 */
export const MAX_PRICE_PER_HOUR = "10000000.00";

export const PriceSchema = MoneySchema.refine((v) => !isMoney(v) || toMinor(v) > 0n, { params: { code: "INVALID_PRICE" } })
  .refine((v) => !isMoney(v) || toMinor(v) <= toMinor(MAX_PRICE_PER_HOUR), {
    params: { code: "PRICE_TOO_HIGH", max: MAX_PRICE_PER_HOUR },
  })
  .openapi({ description: `decimal string with up to 2 places, greater than 0 and at most ${MAX_PRICE_PER_HOUR}` });

export const TimestampSchema = z.string().openapi({ example: "2026-11-21T10:00:00.000Z", format: "date-time" });

export const StatusSchema = z.enum(BOOKING_STATUSES).openapi({ example: "pending" });

/** A row id in a JSON body. */
export const IdSchema = z.number().int().positive().max(MAX_ID);

/**
 * A positive whole number in a path or query string: decimal digits only, so "0x10", "1e0", "+1",
 * "0b1", "1." and " 1" are refused rather than read as numbers.
 */
function digitsParam(max: number) {
  const digits = String(max).length;
  return z
    .string()
    .regex(new RegExp(`^[1-9][0-9]{0,${digits - 1}}$`))
    .transform(Number)
    .pipe(z.number().int().max(max))
    .openapi({ type: "integer", minimum: 1, maximum: max });
}

/** A row id in a path or query string. */
export const IdParam = digitsParam(MAX_ID);

export const IdParamSchema = z.object({
  id: IdParam.openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

/** An optional id filter in the query string. */
export function idQuery(name: string) {
  return IdParam.optional().openapi({ param: { name, in: "query" } });
}

export const PageQuerySchema = z.object({
  page: digitsParam(1_000_000)
    .optional()
    .openapi({ param: { name: "page", in: "query" }, example: 1 }),
});

/** The page envelope: {count, next, previous, results}. */
export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      count: z.number().int().openapi({ example: 42 }),
      next: z
        .string()
        .nullable()
        .openapi({ example: "/api/venues/?page=2", description: "under PUBLIC_URL when it is set, else relative" }),
      previous: z.string().nullable().openapi({ example: null }),
      results: z.array(item),
    })
    .openapi(name);
}

export type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };
