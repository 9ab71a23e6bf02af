// When a booking may be made: the opening window, the slot grid, the past and the horizon.
import { compareLocal, daysBetween, DEFAULT_TIME_ZONE, formatTime, localDateTime, MINUTES_PER_DAY } from "./calendar.ts";
import type { IsoDate, Minutes } from "./calendar.ts";
import { DomainError } from "./errors.ts";
import type { Interval } from "./intervals.ts";

export type VenueHours = { opening: Minutes; closing: Minutes };

export const DEFAULT_HOURS: VenueHours = { opening: 9 * 60, closing: 22 * 60 };

export type BookingPolicy = {
  /** Length of one slot; bookings start and end on this grid counted from the opening time. */
  slotMinutes: number;
  /** How many days ahead of today (venue-local) a booking may be made. */
  horizonDays: number;
  /** IANA zone the venue's wall clock runs in. */
  timeZone: string;
};

export const DEFAULT_POLICY: BookingPolicy = { slotMinutes: 60, horizonDays: 60, timeZone: DEFAULT_TIME_ZONE };

/** Throws INVALID_HOURS unless the day opens before it closes and holds at least one slot. */
export function assertHours(hours: VenueHours, slotMinutes: number = DEFAULT_POLICY.slotMinutes): void {
  const ok =
    Number.isInteger(hours.opening) &&
    Number.isInteger(hours.closing) &&
    hours.opening >= 0 &&
    hours.closing <= MINUTES_PER_DAY &&
    hours.closing - hours.opening >= slotMinutes;
  if (!ok) throw new DomainError("INVALID_HOURS", { field: "closing_time" });
}

/** Every slot of a day, in order: [opening, opening+slot), ... while a whole slot still fits. */
export function daySlots(hours: VenueHours, slotMinutes: number): Interval[] {
  const out: Interval[] = [];
  for (let start = hours.opening; start + slotMinutes <= hours.closing; start += slotMinutes) {
    out.push({ start, end: start + slotMinutes });
  }
  return out;
}

export type BookingRequest = { date: IsoDate; start: Minutes; end: Minutes };

export type BookingContext = { hours: VenueHours; now: Date; policy?: Partial<BookingPolicy> };

function resolve(policy: Partial<BookingPolicy> | undefined): BookingPolicy {
  return { ...DEFAULT_POLICY, ...policy };
}

/**
 * Checks a requested booking against every rule and returns its duration in minutes.
 * Each broken rule has its own code: INVALID_RANGE, TOO_SHORT, IN_THE_PAST, TOO_FAR_AHEAD,
 * OUTSIDE_HOURS, OFF_GRID.
 */
export function checkBooking(req: BookingRequest, ctx: BookingContext): { durationMinutes: number } {
  const policy = resolve(ctx.policy);
  const { hours } = ctx;
  const { slotMinutes } = policy;
  if (req.end <= req.start) throw new DomainError("INVALID_RANGE", { field: "end_time" });
  const durationMinutes = req.end - req.start;
  if (durationMinutes < slotMinutes) {
    throw new DomainError("TOO_SHORT", { field: "end_time", params: { minutes: slotMinutes } });
  }
  const today = localDateTime(ctx.now, policy.timeZone);
  if (compareLocal({ date: req.date, minutes: req.start }, today) < 0) {
    throw new DomainError("IN_THE_PAST", { field: "start_time" });
  }
  if (daysBetween(today.date, req.date) > policy.horizonDays) {
    throw new DomainError("TOO_FAR_AHEAD", { field: "booking_date", params: { days: policy.horizonDays } });
  }
  if (req.start < hours.opening || req.end > hours.closing) {
    throw new DomainError("OUTSIDE_HOURS", {
      field: req.start < hours.opening ? "start_time" : "end_time",
      params: { opening: formatTime(hours.opening), closing: formatTime(hours.closing) },
    });
  }
  const offStart = (req.start - hours.opening) % slotMinutes !== 0;
  if (offStart || (req.end - hours.opening) % slotMinutes !== 0) {
    throw new DomainError("OFF_GRID", {
      field: offStart ? "start_time" : "end_time",
      params: { minutes: slotMinutes, opening: formatTime(hours.opening) },
    });
  }
  return { durationMinutes };
}

/**
 * Throws BOOKING_NOT_ENDED while the booking's end (venue-local wall clock) is still ahead: a booking
 * is completed once it has been played, never before.
 */
export function assertEnded(booking: { date: IsoDate; end: Minutes }, now: Date, timeZone: string = DEFAULT_POLICY.timeZone): void {
  if (compareLocal({ date: booking.date, minutes: booking.end }, localDateTime(now, timeZone)) > 0) {
    throw new DomainError("BOOKING_NOT_ENDED", { field: "status", params: { date: booking.date, end: formatTime(booking.end) } });
  }
}
