// The CSV columns of venue import and export: the venue's keys, every text per language, then the plain fields.
import { LANGS } from "@venue-booking/core";

export const TEXT_FIELDS = ["name", "address", "description"] as const;

export const CSV_COLUMNS = [
  "id",
  "slug",
  ...TEXT_FIELDS.flatMap((f) => LANGS.map((l) => `${f}_${l}`)),
  ...LANGS.map((l) => `amenities_${l}`),
  "price_per_hour",
  "opening_time",
  "closing_time",
  "images",
  "is_active",
];
