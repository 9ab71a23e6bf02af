// Moving a booking to another time or unit: one transaction in which one UPDATE lets go of the old
// time and claims the new one (the booking's trigger), so a refused move leaves it exactly as it was.
import type { BookingMove } from "@venue-booking/contract";
import {
  assertCancellable,
  checkBooking,
  DomainError,
  formatClock,
  formatTime,
  hoursOn,
  isPooled,
  isLive,
  isMoney,
  localDateTime,
  compareLocal,
  MINUTES_PER_DAY,
  offeredUnits,
  parseTime,
  priceBooking,
  reachOf,
  requestSpan,
} from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type { Actor, Booking, TransactionOptions } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { busyChanged, closedInstead, MAX_TOTAL, offerFreed, STAFF_HORIZON_DAYS } from "./bookings.ts";
import { effectivePolicy, policyDefaults, rulesOf, weekOfVenue } from "./calendar.ts";

export type MoveInput = {
  id: number;
  to: BookingMove;
  /** why, for the history row (admins) */
  reason?: string | undefined;
  /** the player moving their own booking (within the cancellation window), or an admin (until it ends) */
  by: { actor: Extract<Actor, "user">; userId: number } | { actor: Extract<Actor, "admin">; adminId: number };
} & TransactionOptions;

type Place = { bookingDate: string; startTime: string; endTime: string; afterMidnight: boolean; unitId: number; totalPrice: string };

const json = (p: Place) => ({
  booking_date: p.bookingDate,
  start_time: p.startTime,
  end_time: p.endTime,
  after_midnight: p.afterMidnight,
  unit_id: p.unitId,
  total_price: p.totalPrice,
});

/** Where a move asks to go, from what it names and the booking's own date, times (its length) and unit. */
function target(from: Place & { durationMinutes: number }, to: BookingMove): { date: string; start: string; end: string; unitId: number } {
  const start = to.start_time?.slice(0, 5) ?? from.startTime;
  const end =
    to.end_time?.slice(0, 5) ??
    (to.start_time === undefined ? from.endTime : formatTime((parseTime(start) + from.durationMinutes) % MINUTES_PER_DAY));
  return { date: to.booking_date ?? from.bookingDate, start, end, unitId: to.unit_id ?? from.unitId };
}

/**
 * Moves a pending or confirmed hourly booking, repriced, with a `rescheduled` audit row holding the
 * old and new place. The venue's row is locked first and then the booking's (the order bookings are
 * made in), every rule of a new booking is checked again (staff pass the notice and the horizon, as
 * when they book), and the database's constraints decide the clash: SLOT_TAKEN (or VENUE_CLOSED)
 * rolls everything back. Moving to where it already is changes nothing.
 */
export async function moveBooking(deps: AppDeps, input: MoveInput): Promise<Booking> {
  const { id, to, by } = input;
  const known = await deps.repos.bookings.statusOf(id);
  if (!known || (by.actor === "user" && known.userId !== by.userId)) throw new DomainError("BOOKING_NOT_FOUND");
  const staff = by.actor === "admin";
  let moved: { from: Place; to: Place } | null = null;
  // where the move asked to go, once known: a refusal there is told apart from a closure's
  let asked: { date: string; start: string; end: string; unitId: number } | null = null;
  try {
    moved = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
      const repos = repositories(tx);
      const venue = await repos.venues.lockForBooking(known.venueId);
      const current = await repos.bookings.lockForMove(id);
      if (!venue || !current || (by.actor === "user" && current.userId !== by.userId)) throw new DomainError("BOOKING_NOT_FOUND");
      if (!venue.isActive) throw new DomainError("VENUE_NOT_FOUND");
      if (current.sessionId !== null || !isLive(current.status)) {
        throw new DomainError("BOOKING_NOT_MOVABLE", { params: { status: current.status } });
      }
      const clock = requestSpan({ date: current.bookingDate, start: parseTime(current.startTime), end: parseTime(current.endTime) });
      const shift = current.afterMidnight ? MINUTES_PER_DAY : 0;
      const now = deps.clock();
      const tz = deps.config.timeZone;
      const local = localDateTime(now, tz);
      if (compareLocal({ date: current.bookingDate, minutes: clock.end + shift }, local) <= 0) throw new DomainError("BOOKING_NOT_MOVABLE");
      if (!staff) {
        const window = venue.policy.cancelUntilMinutes ?? deps.config.cancelUntilMinutes;
        assertCancellable({ date: current.bookingDate, start: clock.start + shift }, now, window, tz, "MOVE_TOO_LATE");
      }
      const from: Place = current;
      const goal = target({ ...from, durationMinutes: clock.end - clock.start }, to);
      asked = goal;
      const unit = offeredUnits(venue.units).find((u) => u.id === goal.unitId);
      if (!unit) throw new DomainError("UNIT_NOT_FOUND", { field: "unit_id" });
      if (current.places > 1 && !isPooled(unit)) throw new DomainError("PLACES_ON_EXCLUSIVE_UNIT", { field: "unit_id" });
      if (current.places > unit.capacity) {
        throw new DomainError("PLACES_ABOVE_CAPACITY", { field: "unit_id", params: { capacity: unit.capacity } });
      }
      const week = weekOfVenue(venue);
      const hours = hoursOn(week, goal.date);
      const policy = effectivePolicy(venue, policyDefaults(deps.config));
      const range = checkBooking(
        { date: goal.date, start: parseTime(goal.start, "start_time"), end: parseTime(goal.end, "end_time") },
        {
          hours,
          reach: reachOf(week, goal.date),
          now,
          policy: {
            timeZone: tz,
            horizonDays: staff ? STAFF_HORIZON_DAYS : policy.horizonDays,
            minNoticeMinutes: staff ? 0 : policy.minNoticeMinutes,
            slotMinutes: venue.slotMinutes,
            minDurationMinutes: venue.minDurationMinutes,
            maxDurationMinutes: venue.maxDurationMinutes,
          },
        },
      );
      const afterMidnight = range.start >= MINUTES_PER_DAY;
      const same =
        goal.date === current.bookingDate &&
        goal.start === current.startTime &&
        goal.end === current.endTime &&
        afterMidnight === current.afterMidnight &&
        goal.unitId === current.unitId;
      if (same) return null;
      const priced = priceBooking({
        date: goal.date,
        range,
        slotMinutes: venue.slotMinutes,
        rules: rulesOf(venue),
        unitId: unit.id,
        fallback: unit.pricePerHour ?? venue.pricePerHour,
        places: current.places,
        dayEnd: hours?.closing,
      });
      // a valid amount is one numeric(12,2) can hold
      if (!isMoney(priced.total)) throw new DomainError("TOTAL_TOO_HIGH", { field: "end_time", params: { max: MAX_TOTAL } });
      const next: Place = {
        bookingDate: goal.date,
        startTime: goal.start,
        endTime: goal.end,
        afterMidnight,
        unitId: unit.id,
        totalPrice: priced.total,
      };
      const breakdown = priced.breakdown.map((l) => ({
        start_time: formatClock(l.start, "start"),
        end_time: formatClock(l.end),
        price_per_hour: l.pricePerHour,
        amount: l.amount,
      }));
      if (!(await repos.bookings.move(id, { ...next, priceBreakdown: breakdown }))) throw new DomainError("BOOKING_NOT_MOVABLE");
      await repos.bookings.addEvent({
        bookingId: id,
        kind: "rescheduled",
        fromStatus: current.status,
        toStatus: current.status,
        actor: by.actor,
        actorUserId: staff ? by.adminId : by.userId,
        reason: input.reason ?? (staff ? "moved by the venue" : "moved by the player"),
        details: { from: json(from), to: json(next) },
      });
      // the old time is free: whoever waits for it is offered it, in this transaction
      await offerFreed(deps, tx, known.venueId, [current.bookingDate]);
      return { from, to: next };
    });
  } catch (caught) {
    const goal = asked as { date: string; start: string; end: string; unitId: number } | null;
    const e = goal
      ? await closedInstead(
          deps.repos,
          { venue_id: known.venueId, booking_date: goal.date, start_time: goal.start, end_time: goal.end, unit_id: goal.unitId },
          caught,
        )
      : caught;
    if (e instanceof DomainError && e.code === "SLOT_TAKEN") deps.metrics.bookingConflicts.inc();
    throw e;
  }
  const booking = await deps.repos.bookings.get(id);
  if (!booking) throw new DomainError("BOOKING_NOT_FOUND");
  if (moved) {
    busyChanged(deps, { venueId: known.venueId, ...moved.from });
    busyChanged(deps, booking);
  }
  return booking;
}
