// Weekly series as the contract shows them to admins.
import type { Series as SeriesJson, SeriesDetail } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import type { Booking, Series } from "@venue-booking/db";
import { toAdminBookingJson } from "./bookings.ts";

export function toSeriesJson(s: Series): SeriesJson {
  return {
    id: s.id,
    venue_id: s.venueId,
    unit_id: s.unitId,
    unit_kind: s.unitKind,
    customer: { id: s.userId, phone: s.userPhone, name: s.userName },
    weekday: s.weekday,
    start_time: s.startTime,
    end_time: s.endTime,
    first_date: s.firstDate,
    last_date: s.lastDate,
    note: s.note,
    cancelled_from: s.cancelledFrom,
    live_bookings: s.liveBookings,
    created_by: s.createdBy,
    created_at: s.createdAt.toISOString(),
  };
}

export function toSeriesDetailJson(s: Series, bookings: Booking[], lang: Lang): SeriesDetail {
  return { ...toSeriesJson(s), bookings: bookings.map((b) => toAdminBookingJson(b, lang)) };
}
