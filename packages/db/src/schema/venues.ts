// Translations live in JSONB objects ({"ru", "uz", "en"}) on the venue row itself rather than in
// nine columns or a side table: a venue is always read with all its languages at once (one row,
// no join), amenities are a list of such objects that a side table would need a second level
// for, and adding a language needs no migration. What must be searched (the names) is folded
// into one generated column with a trigram index, so JSONB costs nothing there.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, numeric, pgTable, text, time, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export type TranslatedText = { ru: string; uz?: string | null; en?: string | null };

/** One weekday's hours as stored: weekday 1 = Monday ... 7 = Sunday, times "HH:MM". */
export type WeeklyHoursRow = { weekday: number; opening_time: string; closing_time: string };

/** One price rule as stored. */
export type PriceRuleRow = { weekdays: number[]; start_time: string; end_time: string; price_per_hour: string; unit_id?: number | null };

export const venues = pgTable(
  "venues",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // An admin-chosen key ("pakhtakor-main") that import files match venues by; optional.
    slug: text(),
    name: jsonb().$type<TranslatedText>().notNull(),
    address: jsonb().$type<TranslatedText>().notNull(),
    description: jsonb().$type<TranslatedText>().notNull().default({ ru: "" }),
    amenities: jsonb().$type<TranslatedText[]>().notNull().default([]),
    pricePerHour: numeric({ precision: 12, scale: 2 }).notNull(),
    images: jsonb().$type<string[]>().notNull().default([]),
    openingTime: time().notNull().default("09:00"),
    closingTime: time().notNull().default("22:00"),
    isActive: boolean().notNull().default(true),
    // Hours per weekday ([{weekday 1-7, opening_time, closing_time}], a weekday not listed is closed;
    // a closing time at or before the opening time is after midnight). Null: every day
    // opening_time-closing_time. Kept as one JSON list (read whole, written whole, at most seven).
    weeklyHours: jsonb().$type<WeeklyHoursRow[]>(),
    // the grid bookings start and end on, counted from each day's opening time
    slotMinutes: integer().notNull().default(60),
    // bounds of one booking's length (null: one slot; the whole day)
    minDurationMinutes: integer(),
    maxDurationMinutes: integer(),
    // [{weekdays, start_time, end_time, price_per_hour, unit_id?}], the first matching prices a slot
    priceRules: jsonb().$type<PriceRuleRow[]>().notNull().default([]),
    // The venue's policy; null follows the server's default.
    minNoticeMinutes: integer(),
    horizonDays: integer(),
    cancelUntilMinutes: integer(),
    holdMinutes: integer(),
    maxLiveBookingsPerUser: integer(),
    // lower-cased names in every language, for one case-insensitive substring search
    searchText: text()
      .notNull()
      .generatedAlwaysAs(sql`lower(coalesce(name->>'ru', '') || ' ' || coalesce(name->>'uz', '') || ' ' || coalesce(name->>'en', ''))`),
    // Counts every change of the row or of its units (triggers, migration 0013): a booking priced
    // from a copy of the venue is made only while this is still the copy's (book_hours compares it
    // under the venue's lock).
    configVersion: bigint({ mode: "number" }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("venues_price_positive", sql`${t.pricePerHour} > 0`),
    check("venues_slot_minutes", sql`${t.slotMinutes} in (30, 60, 90, 120)`),
    check(
      "venues_duration_bounds",
      sql`${t.minDurationMinutes} between 1 and 2880 and ${t.maxDurationMinutes} between 1 and 2880 and ${t.minDurationMinutes} <= ${t.maxDurationMinutes}`,
    ),
    check("venues_weekly_hours_array", sql`jsonb_typeof(${t.weeklyHours}) = 'array'`),
    check("venues_price_rules_array", sql`jsonb_typeof(${t.priceRules}) = 'array'`),
    check(
      "venues_policy_range",
      sql`${t.minNoticeMinutes} between 0 and 525600 and ${t.horizonDays} between 0 and 3650 and ${t.cancelUntilMinutes} between 0 and 525600 and ${t.holdMinutes} between 0 and 525600 and ${t.maxLiveBookingsPerUser} between 1 and 10000`,
    ),
    check("venues_name_ru", sql`coalesce(${t.name}->>'ru', '') <> ''`),
    check("venues_images_array", sql`jsonb_typeof(${t.images}) = 'array'`),
    check("venues_amenities_array", sql`jsonb_typeof(${t.amenities}) = 'array'`),
    check("venues_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 100`),
    // Two imports of one file at once meet here: one inserts, the other finds the row and updates it.
    uniqueIndex("venues_slug_key")
      .on(t.slug)
      .where(sql`${t.slug} is not null`),
    index("venues_price_idx")
      .on(t.pricePerHour, t.id)
      .where(sql`${t.isActive}`),
    index("venues_active_id_idx")
      .on(t.id)
      .where(sql`${t.isActive}`),
    index("venues_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export type VenueRow = typeof venues.$inferSelect;
