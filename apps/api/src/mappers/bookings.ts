// Bookings as the contract shows them, to players and to admins.
import type { AdminBooking, Booking as BookingJson, BookingEvent as BookingEventJson, MoveDetails } from "@venue-booking/contract";
import { pickTranslation } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { Booking, BookingEvent } from "@venue-booking/db";

export function toBookingJson(b: Booking, lang: Lang): BookingJson {
  return {
    id: b.id,
    venue_id: b.venueId,
    venue: { id: b.venueId, name: pickTranslation(b.venueName, lang) },
    unit: { id: b.unitId, name: pickTranslation(b.unitName, lang) },
    places: b.places,
    session: b.session ? { id: b.session.id, title: pickTranslation(b.session.title, lang) } : null,
    seats: b.seats,
    booking_date: b.bookingDate,
    start_time: b.startTime,
    end_time: b.endTime,
    after_midnight: b.afterMidnight,
    duration_minutes: b.durationMinutes,
    total_price: b.totalPrice,
    price_breakdown: b.priceBreakdown,
    status: b.status,
    can_cancel: b.canCancel,
    source: b.source,
    note: b.note,
    reference: b.reference,
    series_id: b.seriesId,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}

export function toAdminBookingJson(b: Booking, lang: Lang): AdminBooking {
  return { ...toBookingJson(b, lang), user: { id: b.userId, phone: b.userPhone } };
}

export function toEventJson(e: BookingEvent): BookingEventJson {
  return {
    event: e.kind,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor: e.actor,
    actor_user_id: e.actorUserId,
    reason: e.reason,
    // only moves write details (services/moves.ts), in this shape
    details: e.details as MoveDetails | null,
    at: e.createdAt.toISOString(),
  };
}
