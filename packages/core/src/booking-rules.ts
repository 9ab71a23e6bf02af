// When a booking may be made: the opening window, the slot grid, the past and the horizon.
import { compareLocal, daysBetween, DEFAULT_TIME_ZONE, localDateTime, MINUTES_PER_DAY } from "./calendar.ts";
import { assertWeek, formatClock } from "./hours.ts";
import type { DayHours } from "./hours.ts";
import type { IsoDate, Minutes } from "./calendar.ts";
import { DomainError } from "./errors.ts";
import type { Interval } from "./intervals.ts";

/** A business day's hours: minutes from its midnight, closing past 1440 when it closes after midnight. */
export type VenueHours = DayHours;

export const DEFAULT_HOURS: VenueHours = { opening: 9 * 60, closing: 22 * 60 };

export const SLOT_LENGTHS = [30, 60, 90, 120] as const;

export type BookingPolicy = {
  /** Length of one slot; bookings start and end on this grid counted from the opening time. */
  slotMinutes: number;
  /** How many days ahead of today (venue-local) a booking may be made. */
  horizonDays: number;
  /** IANA zone the venue's wall clock runs in. */
  timeZone: string;
  /** A booking starts at least this long after now. */
  minNoticeMinutes: number;
  /** Bounds of a booking's length; null: one slot, the whole day. */
  minDurationMinutes: number | null;
  maxDurationMinutes: number | null;
};

export const DEFAULT_POLICY: BookingPolicy = {
  slotMinutes: 60,
  horizonDays: 60,
  timeZone: DEFAULT_TIME_ZONE,
  minNoticeMinutes: 0,
  minDurationMinutes: null,
  maxDurationMinutes: null,
};

/**
 * Throws INVALID_HOURS unless opening and closing are clock times (a closing at or before the
 * opening is after midnight) whose day holds at least one slot.
 */
export function assertHours(hours: { opening: Minutes; closing: Minutes }, slotMinutes: number = DEFAULT_POLICY.slotMinutes): void {
  assertWeek([{ weekday: 1, ...hours }], slotMinutes, "closing_time");
}

/** Every slot of a day, in order: [opening, opening+slot), ... while a whole slot still fits. */
export function daySlots(hours: VenueHours, slotMinutes: number): Interval[] {
  const out: Interval[] = [];
  for (let start = hours.opening; start + slotMinutes <= hours.closing; start += slotMinutes) {
    out.push({ start, end: start + slotMinutes });
  }
  return out;
}

/** A requested booking: its business day and clock times (an end at or before the start is the next day's). */
export type BookingRequest = { date: IsoDate; start: Minutes; end: Minutes };

export type BookingContext = {
  /** The business day's hours, or null when the venue is closed that day. */
  hours: VenueHours | null;
  now: Date;
  policy?: Partial<BookingPolicy>;
  /** How far the day reaches when the next one opens as it closes (see reachOf); else its closing. */
  reach?: Minutes | null;
};

function resolve(policy: Partial<BookingPolicy> | undefined): BookingPolicy {
  return { ...DEFAULT_POLICY, ...policy };
}

/** A request's span in minutes of its business day: an end at or before the start is the next day's. */
export function requestSpan(req: BookingRequest): Interval {
  return { start: req.start, end: req.end <= req.start ? req.end + MINUTES_PER_DAY : req.end };
}

/**
 * A request's span in its business day: as requestSpan, and a start before the opening that falls
 * in the hours after midnight (01:00 on a day open 18:00-02:00) is that night's, a calendar day on.
 */
export function businessSpan(req: BookingRequest, hours: VenueHours | null): Interval {
  const span = requestSpan(req);
  if (hours && span.start < hours.opening && span.start + MINUTES_PER_DAY < hours.closing) {
    return { start: span.start + MINUTES_PER_DAY, end: span.end + MINUTES_PER_DAY };
  }
  return span;
}

/**
 * Checks a requested booking against every rule and returns its span (minutes of its business day)
 * and duration. Each broken rule has its own code: TOO_SHORT, TOO_LONG, IN_THE_PAST, TOO_SOON,
 * TOO_FAR_AHEAD, DAY_CLOSED, OUTSIDE_HOURS, OFF_GRID.
 */
export function checkBooking(req: BookingRequest, ctx: BookingContext): Interval & { durationMinutes: number } {
  const policy = resolve(ctx.policy);
  const { hours } = ctx;
  const { slotMinutes } = policy;
  const span = businessSpan(req, hours);
  const durationMinutes = span.end - span.start;
  const shortest = policy.minDurationMinutes ?? slotMinutes;
  if (durationMinutes < shortest) {
    throw new DomainError("TOO_SHORT", { field: "end_time", params: { minutes: shortest } });
  }
  const today = localDateTime(ctx.now, policy.timeZone);
  const ahead = compareLocal({ date: req.date, minutes: span.start }, today);
  if (ahead < 0) throw new DomainError("IN_THE_PAST", { field: "start_time" });
  if (ahead < policy.minNoticeMinutes) {
    throw new DomainError("TOO_SOON", { field: "start_time", params: { minutes: policy.minNoticeMinutes } });
  }
  if (daysBetween(today.date, req.date) > policy.horizonDays) {
    throw new DomainError("TOO_FAR_AHEAD", { field: "booking_date", params: { days: policy.horizonDays } });
  }
  if (!hours) throw new DomainError("DAY_CLOSED", { field: "booking_date" });
  // Into the next day only when this day's grid meets it: a day of whole slots (else the next day's
  // grid, from its own opening, would not be this one's).
  const reach = (hours.closing - hours.opening) % slotMinutes === 0 ? (ctx.reach ?? hours.closing) : hours.closing;
  if (span.start < hours.opening || span.start >= hours.closing || span.end > reach) {
    throw new DomainError("OUTSIDE_HOURS", {
      field: span.start < hours.opening || span.start >= hours.closing ? "start_time" : "end_time",
      params: { opening: formatClock(hours.opening), closing: formatClock(hours.closing) },
    });
  }
  const offStart = (span.start - hours.opening) % slotMinutes !== 0;
  if (offStart || (span.end - hours.opening) % slotMinutes !== 0) {
    throw new DomainError("OFF_GRID", {
      field: offStart ? "start_time" : "end_time",
      params: { minutes: slotMinutes, opening: formatClock(hours.opening) },
    });
  }
  const longest = policy.maxDurationMinutes ?? hours.closing - hours.opening;
  if (durationMinutes > longest) {
    throw new DomainError("TOO_LONG", { field: "end_time", params: { minutes: longest } });
  }
  return { ...span, durationMinutes };
}

/**
 * Throws BOOKING_NOT_ENDED while the booking's end (venue-local wall clock) is still ahead: a booking
 * is completed once it has been played, never before.
 */
export function assertEnded(booking: { date: IsoDate; end: Minutes }, now: Date, timeZone: string = DEFAULT_POLICY.timeZone): void {
  if (compareLocal({ date: booking.date, minutes: booking.end }, localDateTime(now, timeZone)) > 0) {
    throw new DomainError("BOOKING_NOT_ENDED", { field: "status", params: { date: booking.date, end: formatClock(booking.end) } });
  }
}

/**
 * Throws CANCEL_TOO_LATE (or MOVE_TOO_LATE) when less than `minutes` are left before the booking
 * starts (venue-local): a player cancels or moves at least that long ahead; admins are not asked.
 */
export function assertCancellable(
  booking: { date: IsoDate; start: Minutes },
  now: Date,
  minutes: number,
  timeZone: string = DEFAULT_POLICY.timeZone,
  code: "CANCEL_TOO_LATE" | "MOVE_TOO_LATE" = "CANCEL_TOO_LATE",
): void {
  if (minutes > 0 && compareLocal({ date: booking.date, minutes: booking.start }, localDateTime(now, timeZone)) < minutes) {
    throw new DomainError(code, { params: { minutes } });
  }
}
