// Sessions as the contract shows them, in one language.
import type { SessionJson } from "@venue-booking/contract";
import { pickTranslation } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { SessionView } from "@venue-booking/db";

export function toSessionJson(s: SessionView, lang: Lang): SessionJson {
  const placesLeft = Math.max(0, s.capacity - s.placesSold);
  const taken = new Set(s.takenSeats);
  return {
    id: s.id,
    venue_id: s.venueId,
    unit: { id: s.unitId, name: pickTranslation(s.unitName, lang) },
    title: pickTranslation(s.title, lang),
    booking_date: s.bookingDate,
    start_time: s.startTime,
    end_time: s.endTime,
    capacity: s.capacity,
    price_per_place: s.pricePerPlace,
    places_left: placesLeft,
    is_full: placesLeft === 0,
    status: s.status,
    ...(s.seats.length ? { seats: s.seats.map((label) => ({ label, available: !taken.has(label) })) } : {}),
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}
