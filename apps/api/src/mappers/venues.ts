// Venues as the contract shows them: one language, or all three for admins.
import type { Venue as VenueJson, VenueAllLanguages } from "@venue-booking/contract";
import { pickTranslation } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { Venue } from "@venue-booking/db";

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

export function toVenueJson(v: Venue, lang: Lang): VenueJson {
  return {
    ...base(v),
    name: pickTranslation(v.name, lang),
    address: pickTranslation(v.address, lang),
    description: pickTranslation(v.description, lang),
    amenities: v.amenities.map((a) => pickTranslation(a, lang)),
  };
}

export function toVenueAllJson(v: Venue): VenueAllLanguages {
  return { ...base(v), slug: v.slug, name: v.name, address: v.address, description: v.description, amenities: v.amenities };
}
