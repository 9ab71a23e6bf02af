// Venue shapes: writes take every language, reads show one (or all three for admins).
import { z } from "@hono/zod-openapi";
import { compareMoney, isMoney, isValidTime, parseTime, pickTranslation, toMinor } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { TranslatedText, Venue } from "@venue-booking/db";
import { MoneySchema, TimeSchema, TimestampSchema } from "../../lib/schemas.ts";

export function translatedSchema(max: number, name: string, example: TranslatedText, ruMin = 1) {
  const optional = z.string().trim().max(max).nullable().optional();
  return z
    .strictObject({ ru: z.string().trim().min(ruMin).max(max), uz: optional, en: optional })
    .openapi(name, { example, description: "ru is required; uz and en fall back to ru when missing" });
}

export const NameInput = translatedSchema(200, "TranslatedName", { ru: "Стадион «Пахтакор»", uz: "«Paxtakor» stadioni", en: "Pakhtakor Stadium" });
export const AddressInput = translatedSchema(300, "TranslatedAddress", { ru: "ул. Навои, 1", uz: "Navoiy ko'chasi, 1", en: "1 Navoi St" });
// A description may be empty (a venue is created without one).
export const DescriptionInput = translatedSchema(5000, "TranslatedDescription", { ru: "Футбольное поле 40×20", uz: "Futbol maydoni 40×20", en: "40×20 football pitch" }, 0);
export const AmenityInput = translatedSchema(100, "TranslatedAmenity", { ru: "Душ", uz: "Dush", en: "Shower" });

export const PriceSchema = MoneySchema.refine((v) => !isMoney(v) || toMinor(v) > 0n, { params: { code: "INVALID_PRICE" } });

export const ImageUrlSchema = z
  .string()
  .max(2000)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "http(s) URL" },
  )
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

export type VenueCreateBody = z.infer<typeof VenueCreateSchema>;
export type VenueUpdateBody = z.infer<typeof VenueUpdateSchema>;

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

function base(v: Venue) {
  return {
    id: v.id,
    price_per_hour: v.pricePerHour,
    images: v.images,
    opening_time: v.openingTime,
    closing_time: v.closingTime,
    is_active: v.isActive,
    created_at: v.createdAt.toISOString(),
    updated_at: v.updatedAt.toISOString(),
  };
}

export function toVenueJson(v: Venue, lang: Lang) {
  return {
    ...base(v),
    name: pickTranslation(v.name, lang),
    address: pickTranslation(v.address, lang),
    description: pickTranslation(v.description, lang),
    amenities: v.amenities.map((a) => pickTranslation(a, lang)),
  };
}

export function toVenueAllJson(v: Venue) {
  return { ...base(v), name: v.name, address: v.address, description: v.description, amenities: v.amenities };
}

export const VenueListQuerySchema = z
  .object({
    page: z.coerce.number().int().positive().max(1_000_000).optional().openapi({ param: { name: "page", in: "query" }, example: 1 }),
    min_price: MoneySchema.optional().openapi({ param: { name: "min_price", in: "query" }, example: "100000" }),
    max_price: MoneySchema.optional().openapi({ param: { name: "max_price", in: "query" }, example: "300000" }),
    search: z.string().max(100).optional().openapi({ param: { name: "search", in: "query" }, example: "стадион", description: "part of the name in any language, case-insensitive" }),
    translations: z.enum(["all"]).optional().openapi({ param: { name: "translations", in: "query" }, description: "admins: all three languages as objects" }),
    include_inactive: z.enum(["true", "false"]).optional().openapi({ param: { name: "include_inactive", in: "query" }, description: "admins: list inactive venues too" }),
  })
  .refine((q) => !q.min_price || !q.max_price || !isMoney(q.min_price) || !isMoney(q.max_price) || compareMoney(q.min_price, q.max_price) <= 0, {
    path: ["min_price"],
    params: { code: "INVALID_PRICE_RANGE" },
  });

export const TranslationsQuerySchema = z.object({
  translations: z.enum(["all"]).optional().openapi({ param: { name: "translations", in: "query" }, description: "admins: all three languages as objects" }),
});

export const AvailabilitySchema = z
  .object({
    venue_id: z.number().int(),
    date: z.string().openapi({ example: "2026-12-01" }),
    opening_time: z.string().openapi({ example: "09:00" }),
    closing_time: z.string().openapi({ example: "22:00" }),
    slot_minutes: z.number().int().openapi({ example: 60 }),
    slots: z.array(z.object({ start_time: z.string(), end_time: z.string(), available: z.boolean() })).openapi({
      example: [
        { start_time: "09:00", end_time: "10:00", available: true },
        { start_time: "10:00", end_time: "11:00", available: false },
      ],
    }),
    free_ranges: z.array(z.object({ start_time: z.string(), end_time: z.string() })).openapi({ example: [{ start_time: "11:00", end_time: "22:00" }] }),
  })
  .openapi("Availability");
