// Venue shapes: writes take every language, reads show one (or all three for admins).
import { compareMoney, isMoney, isValidTime, parseTime, toMinor } from "@venue-booking/core";
import { DateSchema, MoneySchema, PageQuerySchema, TextSchema, TimeSchema, TimestampSchema } from "./common.ts";
import { z } from "./zod.ts";

export type TranslatedText = { ru: string; uz?: string | null; en?: string | null };

export function translatedSchema(max: number, name: string, example: TranslatedText, ruMin = 1) {
  const optional = TextSchema.trim().max(max).nullable().optional();
  return z
    .strictObject({ ru: TextSchema.trim().min(ruMin).max(max), uz: optional, en: optional })
    .openapi(name, { example, description: "ru is required; uz and en fall back to ru when missing" });
}

export const NameInput = translatedSchema(200, "TranslatedName", {
  ru: "Стадион «Пахтакор»",
  uz: "«Paxtakor» stadioni",
  en: "Pakhtakor Stadium",
});
export const AddressInput = translatedSchema(300, "TranslatedAddress", { ru: "ул. Навои, 1", uz: "Navoiy ko'chasi, 1", en: "1 Navoi St" });
// A description may be empty (a venue is created without one).
export const DescriptionInput = translatedSchema(
  5000,
  "TranslatedDescription",
  { ru: "Футбольное поле 40×20", uz: "Futbol maydoni 40×20", en: "40×20 football pitch" },
  0,
);
export const AmenityInput = translatedSchema(100, "TranslatedAmenity", { ru: "Душ", uz: "Dush", en: "Shower" });

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

// An absolute http(s) URL with a host. A pattern rather than `new URL()`: the contract runs in any
// JavaScript runtime and type-checks without DOM or Node types.
const HTTP_URL = /^https?:\/\/[^\s/?#@:]+(:\d{1,5})?([/?#]\S*)?$/i;

export const ImageUrlSchema = TextSchema.max(2000)
  .regex(HTTP_URL, { message: "http(s) URL" })
  .openapi({ example: "https://example.com/pitch.jpg" });

const venueFields = {
  name: NameInput,
  address: AddressInput,
  description: DescriptionInput.optional(),
  amenities: z.array(AmenityInput).max(50).optional(),
  price_per_hour: PriceSchema,
  images: z.array(ImageUrlSchema).max(50).optional(),
  opening_time: TimeSchema.optional().openapi({ example: "09:00" }),
  closing_time: TimeSchema.optional().openapi({ example: "22:00" }),
  is_active: z.boolean().optional(),
};

/** Opening before closing, when both are given and valid. */
function hoursInOrder(v: { opening_time?: string | undefined; closing_time?: string | undefined }): boolean {
  if (!v.opening_time || !v.closing_time || !isValidTime(v.opening_time) || !isValidTime(v.closing_time)) return true;
  return parseTime(v.closing_time) > parseTime(v.opening_time);
}

export const VenueCreateSchema = z
  .strictObject(venueFields)
  .refine(hoursInOrder, { path: ["closing_time"], params: { code: "INVALID_HOURS" } })
  .openapi("VenueCreate");

export const VenueUpdateSchema = z
  .strictObject({ ...venueFields, name: NameInput.optional(), address: AddressInput.optional(), price_per_hour: PriceSchema.optional() })
  .refine(hoursInOrder, { path: ["closing_time"], params: { code: "INVALID_HOURS" } })
  .openapi("VenueUpdate");

const TranslatedOut = z.object({ ru: z.string(), uz: z.string().nullable().optional(), en: z.string().nullable().optional() });

const common = {
  id: z.number().int().openapi({ example: 1 }),
  price_per_hour: z.string().openapi({ example: "150000.00" }),
  images: z.array(z.string()),
  opening_time: z.string().openapi({ example: "09:00" }),
  closing_time: z.string().openapi({ example: "22:00" }),
  is_active: z.boolean(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
};

export const VenueSchema = z
  .object({
    ...common,
    name: z.string().openapi({ example: "Стадион «Пахтакор»" }),
    address: z.string().openapi({ example: "ул. Навои, 1" }),
    description: z.string(),
    amenities: z.array(z.string()).openapi({ example: ["Душ", "Парковка"] }),
  })
  .openapi("Venue");

export const VenueAllLanguagesSchema = z
  .object({ ...common, name: TranslatedOut, address: TranslatedOut, description: TranslatedOut, amenities: z.array(TranslatedOut) })
  .openapi("VenueAllLanguages");

export const VenueOutSchema = z.union([VenueSchema, VenueAllLanguagesSchema]);

const translationsParam = z
  .enum(["all"])
  .optional()
  .openapi({ param: { name: "translations", in: "query" }, description: "admins: all three languages as objects" });

export const VenueListQuerySchema = PageQuerySchema.extend({
  min_price: MoneySchema.optional().openapi({ param: { name: "min_price", in: "query" }, example: "100000" }),
  max_price: MoneySchema.optional().openapi({ param: { name: "max_price", in: "query" }, example: "300000" }),
  search: TextSchema.max(100)
    .optional()
    .openapi({
      param: { name: "search", in: "query" },
      example: "стадион",
      description: "part of the name in any language, case-insensitive",
    }),
  translations: translationsParam,
  include_inactive: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "include_inactive", in: "query" }, description: "admins: list inactive venues too" }),
}).refine(
  (q) => !q.min_price || !q.max_price || !isMoney(q.min_price) || !isMoney(q.max_price) || compareMoney(q.min_price, q.max_price) <= 0,
  {
    path: ["min_price"],
    params: { code: "INVALID_PRICE_RANGE" },
  },
);

export const TranslationsQuerySchema = z.object({ translations: translationsParam });

export const AvailabilityQuerySchema = z.object({ date: DateSchema.openapi({ param: { name: "date", in: "query", required: true } }) });

const SpanSchema = z.object({ start_time: z.string(), end_time: z.string() });

export const AvailabilitySchema = z
  .object({
    venue_id: z.number().int(),
    date: z.string().openapi({ example: "2026-12-01" }),
    opening_time: z.string().openapi({ example: "09:00" }),
    closing_time: z.string().openapi({ example: "22:00" }),
    slot_minutes: z.number().int().openapi({ example: 60 }),
    slots: z.array(SpanSchema.extend({ available: z.boolean() })).openapi({
      example: [
        { start_time: "09:00", end_time: "10:00", available: true },
        { start_time: "10:00", end_time: "11:00", available: false },
      ],
    }),
    free_ranges: z.array(SpanSchema).openapi({ example: [{ start_time: "11:00", end_time: "22:00" }] }),
  })
  .openapi("Availability");

export type VenueCreate = z.infer<typeof VenueCreateSchema>;
export type VenueUpdate = z.infer<typeof VenueUpdateSchema>;
export type Venue = z.infer<typeof VenueSchema>;
export type VenueAllLanguages = z.infer<typeof VenueAllLanguagesSchema>;
export type Availability = z.infer<typeof AvailabilitySchema>;
