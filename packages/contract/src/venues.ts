// Venue shapes: writes take every language, reads show one (or all three for admins).
import { compareMoney, isMoney, MAX_UNIT_CAPACITY } from "@venue-booking/core";
import { calendarFields, calendarOut } from "./calendar.ts";
import { DateSchema, IdParam, MoneySchema, PageQuerySchema, PriceSchema, TextSchema, TimeSchema, TimestampSchema } from "./common.ts";

export { MAX_PRICE_PER_HOUR, PriceSchema } from "./common.ts";
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

// An absolute http(s) URL with a host. A pattern rather than `new URL()`: the contract runs in any
// JavaScript runtime and type-checks without DOM or Node types. No regex flags: the pattern goes into
// the OpenAPI document, where other clients read it without them. The port is 0-65535.
const PORT = "(6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|\\d{1,4})";
const HTTP_URL = new RegExp(`^[hH][tT][tT][pP][sS]?://[^\\s/?#@:]+(:${PORT})?([/?#]\\S*)?$`);

export const ImageUrlSchema = TextSchema.max(2000)
  .regex(HTTP_URL, { message: "http(s) URL" })
  .openapi({ example: "https://example.com/pitch.jpg" });

/** An admin-chosen key of a venue, unique among venues: what import files match venues by. */
export const SlugSchema = TextSchema.max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "lowercase latin letters and digits, words joined by single hyphens" })
  .openapi({ example: "pakhtakor-main", description: "unique among venues; lowercase a-z, 0-9 and single hyphens" });

const unitFields = {
  name: NameInput,
  kind: TextSchema.trim()
    .min(1)
    .max(50)
    .nullable()
    .optional()
    .openapi({ example: "court", description: "free text: pitch, court, lane, desk, hall..." }),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(MAX_UNIT_CAPACITY)
    .optional()
    .openapi({ example: 1, description: "1 = exclusive (the default); more = pooled places sold one by one" }),
  price_per_hour: PriceSchema.nullable()
    .optional()
    .openapi({ description: "null = the venue's price; on a pooled unit, the price of one place" }),
  sort_order: z.number().int().min(-1_000_000).max(1_000_000).optional(),
};

const containsField = z
  .array(z.number().int().positive().max(2147483647))
  .max(20)
  .optional()
  .openapi({ example: [3, 4], description: "ids of exclusive units of the same venue this one combines (a full pitch of two halves)" });

/** A unit given with a new venue (combine units afterwards, when their ids exist). */
export const NewVenueUnitSchema = z.strictObject(unitFields).openapi("NewVenueUnit");

export const UnitCreateSchema = z
  .strictObject({ ...unitFields, contains: containsField })
  .openapi("UnitCreate", { example: { name: { ru: "Корт 1", en: "Court 1" }, kind: "court" } });

export const UnitUpdateSchema = z
  .strictObject({ ...unitFields, name: NameInput.optional(), contains: containsField, is_active: z.boolean().optional() })
  .openapi("UnitUpdate");

export const UnitParamsSchema = z.object({
  id: IdParam.openapi({ param: { name: "id", in: "path" }, example: 1 }),
  unit_id: IdParam.openapi({ param: { name: "unit_id", in: "path" }, example: 1 }),
});

const unitOut = {
  id: z.number().int().openapi({ example: 1 }),
  kind: z.string().nullable().openapi({ example: "court" }),
  capacity: z.number().int().openapi({ example: 1 }),
  price_per_hour: z.string().nullable().openapi({ example: null }),
  contains: z.array(z.number().int()).openapi({ example: [] }),
  sort_order: z.number().int().openapi({ example: 0 }),
};

export const UnitSchema = z.object({ ...unitOut, name: z.string().openapi({ example: "Корт 1" }) }).openapi("Unit");

const TranslatedOut = z.object({ ru: z.string(), uz: z.string().nullable().optional(), en: z.string().nullable().optional() });

/** A unit as admin writes return it: in the caller's language, with whether it is offered. */
export const AdminUnitSchema = UnitSchema.extend({ is_active: z.boolean() }).openapi("AdminUnit");

export const UnitAllLanguagesSchema = z.object({ ...unitOut, name: TranslatedOut, is_active: z.boolean() }).openapi("UnitAllLanguages");

export const UnitOutSchema = z.union([UnitSchema, UnitAllLanguagesSchema]);

const venueFields = {
  slug: SlugSchema.nullable().optional(),
  name: NameInput,
  address: AddressInput,
  description: DescriptionInput.optional(),
  amenities: z.array(AmenityInput).max(50).optional(),
  price_per_hour: PriceSchema,
  images: z.array(ImageUrlSchema).max(50).optional(),
  opening_time: TimeSchema.optional().openapi({ example: "09:00" }),
  closing_time: TimeSchema.optional().openapi({ example: "22:00", description: "at or before opening_time: after midnight" }),
  is_active: z.boolean().optional(),
  ...calendarFields,
};

export const VenueCreateSchema = z
  .strictObject({
    ...venueFields,
    units: z
      .array(NewVenueUnitSchema)
      .min(1)
      .max(50)
      .optional()
      .openapi({ description: "the venue's units; without them it gets one exclusive unit named after it" }),
  })
  .openapi("VenueCreate");

export const VenueUpdateSchema = z
  .strictObject({ ...venueFields, name: NameInput.optional(), address: AddressInput.optional(), price_per_hour: PriceSchema.optional() })
  .openapi("VenueUpdate");

const common = {
  id: z.number().int().openapi({ example: 1 }),
  price_per_hour: z.string().openapi({ example: "150000.00" }),
  images: z.array(z.string()),
  opening_time: z.string().openapi({ example: "09:00" }),
  closing_time: z.string().openapi({ example: "22:00" }),
  is_active: z.boolean(),
  ...calendarOut,
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
    units: z.array(UnitSchema).openapi({ description: "active units, in the venue's order" }),
    free_units: z
      .number()
      .int()
      .optional()
      .openapi({ description: "in a free-at search: the units that could take the booking (without unit_id)" }),
  })
  .openapi("Venue");

export const VenueAllLanguagesSchema = z
  .object({
    ...common,
    slug: z.string().nullable(),
    name: TranslatedOut,
    address: TranslatedOut,
    description: TranslatedOut,
    amenities: z.array(TranslatedOut),
    units: z.array(UnitAllLanguagesSchema).openapi({ description: "every unit, inactive ones too" }),
    free_units: z.number().int().optional().openapi({ description: "in a free-at search: the units that could take the booking" }),
  })
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
  slug: SlugSchema.optional().openapi({ param: { name: "slug", in: "query" }, description: "admins: the venue with this slug" }),
  include_inactive: z
    .enum(["true", "false"])
    .optional()
    .openapi({ param: { name: "include_inactive", in: "query" }, description: "admins: list inactive venues too" }),
  date: DateSchema.optional().openapi({
    param: { name: "date", in: "query" },
    description: "free at: with start_time and end_time, only venues that can take such a booking now",
  }),
  start_time: TimeSchema.optional().openapi({ param: { name: "start_time", in: "query" }, example: "19:00" }),
  end_time: TimeSchema.optional().openapi({
    param: { name: "end_time", in: "query" },
    example: "21:00",
    description: "at or before start_time: past midnight",
  }),
  places: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/)
    .transform(Number)
    .pipe(z.number().int().max(MAX_UNIT_CAPACITY))
    .optional()
    .openapi({ param: { name: "places", in: "query" }, type: "integer", description: "free at: places needed (default 1)" }),
  unit_kind: TextSchema.trim()
    .min(1)
    .max(50)
    .optional()
    .openapi({ param: { name: "unit_kind", in: "query" }, example: "court", description: "free at: a unit of this kind" }),
})
  .superRefine((q, ctx) => {
    const freeAt = [q.date, q.start_time, q.end_time];
    const given = freeAt.filter((v) => v !== undefined).length;
    if (given > 0 && given < 3) {
      for (const field of ["date", "start_time", "end_time"] as const) {
        if (q[field] === undefined) ctx.addIssue({ code: "custom", path: [field], params: { code: "REQUIRED" } });
      }
    }
    if (given === 0) {
      for (const field of ["places", "unit_kind"] as const) {
        if (q[field] !== undefined) ctx.addIssue({ code: "custom", path: ["date"], params: { code: "REQUIRED" } });
      }
    }
  })
  .refine(
    (q) => !q.min_price || !q.max_price || !isMoney(q.min_price) || !isMoney(q.max_price) || compareMoney(q.min_price, q.max_price) <= 0,
    {
      path: ["min_price"],
      params: { code: "INVALID_PRICE_RANGE" },
    },
  );

export const TranslationsQuerySchema = z.object({ translations: translationsParam });

export const AvailabilityQuerySchema = z.object({
  date: DateSchema.openapi({ param: { name: "date", in: "query", required: true } }),
  unit_id: IdParam.optional().openapi({ param: { name: "unit_id", in: "query" }, description: "only this unit" }),
});

const SpanSchema = z.object({ start_time: z.string(), end_time: z.string() });

export const AvailabilitySchema = z
  .object({
    venue_id: z.number().int(),
    date: z.string().openapi({ example: "2026-12-01" }),
    opening_time: z.string().nullable().openapi({ example: "09:00", description: "null when the venue is closed that weekday" }),
    closing_time: z.string().nullable().openapi({ example: "22:00", description: "at or before opening_time: after midnight" }),
    closed: z.boolean().openapi({ description: "the venue does not open that weekday" }),
    slot_minutes: z.number().int().openapi({ example: 60 }),
    slots: z
      .array(
        SpanSchema.extend({
          available: z.boolean().openapi({ description: "some unit can take a one-place booking of this slot" }),
          free_units: z.number().int(),
          total_units: z.number().int(),
          places_left: z.number().int().optional().openapi({ description: "free places over the pooled units (only when there are any)" }),
          next_day: z.boolean().optional().openapi({ description: "true on slots after midnight (the next calendar day)" }),
          closed: z.boolean().openapi({ description: "closed (a closure of the venue, or of every unit shown)" }),
          closed_reason: z.string().nullable(),
          price_per_hour: z.string().nullable().openapi({ description: "the lowest price per hour among the units shown" }),
          price: z.string().nullable().openapi({ description: "what the slot costs at that price (one place)" }),
        }),
      )
      .openapi({
        example: [
          {
            start_time: "09:00",
            end_time: "10:00",
            available: true,
            free_units: 2,
            total_units: 2,
            closed: false,
            closed_reason: null,
            price_per_hour: "150000.00",
            price: "150000.00",
          },
        ],
      }),
    free_ranges: z.array(SpanSchema).openapi({ example: [{ start_time: "11:00", end_time: "22:00" }] }),
    units: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        kind: z.string().nullable(),
        capacity: z.number().int(),
        slots: z.array(
          SpanSchema.extend({
            available: z.boolean(),
            places_left: z.number().int().optional(),
            closed: z.boolean(),
            price_per_hour: z.string(),
            price: z.string(),
          }),
        ),
        free_ranges: z.array(SpanSchema),
      }),
    ),
    sessions: z
      .array(SpanSchema.extend({ id: z.number().int(), title: z.string(), unit_id: z.number().int(), places_left: z.number().int() }))
      .openapi({ description: "the day's scheduled sessions; each holds its unit for its time" }),
  })
  .openapi("Availability");

/**
 * One row of a bulk import: a create body, plus the venue's `id` when it exists already. A row
 * updates the venue with its `id`, else the one with its `slug`, else creates one; only the fields
 * it has are compared and written.
 */
export const VenueImportRowSchema = z
  .strictObject({ id: z.number().int().positive().max(2147483647).optional(), ...venueFields })
  .openapi("VenueImportRow");

export const VenueImportRequestSchema = z
  .strictObject({
    rows: z.array(VenueImportRowSchema).min(1).max(1000),
    atomic: z.boolean().optional().openapi({ description: "all rows in one transaction: every row is written, or none" }),
    dry_run: z.boolean().optional().openapi({ description: "say what would happen and write nothing" }),
  })
  .openapi("VenueImportRequest");

export const IMPORT_RESULTS = ["created", "updated", "unchanged", "failed"] as const;

export const VenueImportResultSchema = z
  .object({
    /** False when nothing was written: a dry run, or an atomic import with a failed row. */
    committed: z.boolean(),
    results: z.array(
      z.object({
        /** The row's position in `rows`, from 0. */
        index: z.number().int(),
        result: z.enum(IMPORT_RESULTS),
        id: z.number().int().optional(),
        code: z.string().optional(),
        message: z.string().optional(),
      }),
    ),
  })
  .openapi("VenueImportResult", {
    description: "per row: what was done (or, when not committed, what would have been done)",
  });

export type VenueCreate = z.infer<typeof VenueCreateSchema>;
export type VenueImportRow = z.infer<typeof VenueImportRowSchema>;
export type VenueImportRequest = z.infer<typeof VenueImportRequestSchema>;
export type VenueImportResult = z.infer<typeof VenueImportResultSchema>;
export type VenueUpdate = z.infer<typeof VenueUpdateSchema>;
export type Venue = z.infer<typeof VenueSchema>;
export type VenueAllLanguages = z.infer<typeof VenueAllLanguagesSchema>;
export type Availability = z.infer<typeof AvailabilitySchema>;
export type UnitCreate = z.infer<typeof UnitCreateSchema>;
export type UnitUpdate = z.infer<typeof UnitUpdateSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type UnitAllLanguages = z.infer<typeof UnitAllLanguagesSchema>;
export type AdminUnit = z.infer<typeof AdminUnitSchema>;
