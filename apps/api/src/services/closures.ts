// Closures: a venue, or one unit, out of service for a day or part of it. The closure's trigger holds
// its time as a booking does; what is in the way is listed under the venue lock (bookings of the
// venue take it too, so none can slip in between) and, when asked, cancelled in the same transaction.
import type { ClosureCreate } from "@venue-booking/contract";
import {
  addDays,
  businessSpan,
  compareLocal,
  DomainError,
  formatClock,
  hoursOn,
  localDateTime,
  MINUTES_PER_DAY,
  parseTime,
} from "@venue-booking/core";
import type { Interval } from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type { Closure, TransactionOptions } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { localNow, weekOfVenue } from "./calendar.ts";

export type CreatedClosure = Closure & { cancelledBookings: number[]; cancelledSessions: number[] };

/**
 * The days a closure may show on: its own, the next (when it runs past midnight), and the one before
 * (a closure in the small hours of a day the venue does not open falls in the night before).
 */
function busyChanged(deps: AppDeps, c: Closure): void {
  for (const days of [-1, 0, 1]) deps.cache.busyChanged(c.venueId, addDays(c.date, days));
}

export async function createClosure(
  deps: AppDeps,
  input: { venueId: number; adminId: number; body: ClosureCreate } & TransactionOptions,
): Promise<CreatedClosure> {
  const { venueId, body } = input;
  const made = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    const venue = await repos.venues.lockForBooking(venueId);
    if (!venue) throw new DomainError("VENUE_NOT_FOUND");
    if (body.unit_id !== undefined && !venue.units.some((u) => u.id === body.unit_id)) {
      throw new DomainError("UNIT_NOT_FOUND", { field: "unit_id" });
    }
    // A whole day is the day's hours as they are now (a day the venue does not open has none to close);
    // part of a day is read as a booking is, in the day's hours (01:00 of a night is after midnight).
    const hours = hoursOn(weekOfVenue(venue), body.date);
    const wholeDay = body.start_time === undefined;
    let span: Interval;
    if (wholeDay) {
      if (!hours) throw new DomainError("DAY_CLOSED", { field: "date" });
      span = { start: hours.opening, end: hours.closing };
    } else {
      const start = parseTime(body.start_time ?? "", "start_time");
      const end = parseTime(body.end_time ?? "", "end_time");
      span = businessSpan({ date: body.date, start, end }, hours);
    }
    // a closure that has ended, or that misses the day's hours altogether, closes nothing
    const local = localDateTime(deps.clock(), deps.config.timeZone);
    if (compareLocal({ date: body.date, minutes: span.end }, local) <= 0) throw new DomainError("IN_THE_PAST", { field: "date" });
    if (hours && (span.end <= hours.opening || span.start >= hours.closing)) {
      throw new DomainError("OUTSIDE_HOURS", {
        field: "start_time",
        params: { opening: formatClock(hours.opening, "start"), closing: formatClock(hours.closing) },
      });
    }
    const afterMidnight = span.start >= MINUTES_PER_DAY;
    const values = {
      venueId,
      unitId: body.unit_id ?? null,
      date: body.date,
      startTime: formatClock(span.start, "start"),
      endTime: formatClock(span.end),
      afterMidnight,
    };
    const found = await repos.closures.conflicts(values);
    const members = (list: typeof found) => ({
      conflicts: list.map((c) => ({
        kind: c.kind,
        id: c.id,
        unit_id: c.unitId,
        booking_date: c.date,
        start_time: c.startTime,
        end_time: c.endTime,
      })),
    });
    const closed = found.filter((c) => c.kind === "closure");
    if (closed.length) throw new DomainError("ALREADY_CLOSED", { members: members(closed) });
    const conflicts = found.filter((c) => c.kind !== "closure");
    let cancelledBookings: number[] = [];
    const cancelledSessions: number[] = [];
    if (conflicts.length && !body.cancel_bookings) {
      throw new DomainError("CLOSURE_CONFLICTS", { params: { count: conflicts.length }, members: members(conflicts) });
    }
    if (conflicts.length) {
      const reason = `closure: ${body.reason?.ru ?? "closed"}`;
      cancelledBookings = await repos.closures.cancelBookings(
        conflicts.filter((c) => c.kind === "booking").map((c) => c.id),
        { userId: input.adminId, reason },
      );
      for (const s of conflicts.filter((c) => c.kind === "session")) {
        const cancelled = await repos.sessions.cancel(s.id, { userId: input.adminId });
        if (cancelled) {
          cancelledSessions.push(s.id);
          cancelledBookings.push(...cancelled);
        }
      }
    }
    const closure = await repos.closures.create({
      ...values,
      wholeDay,
      reason: body.reason ?? null,
      createdBy: input.adminId,
    });
    return { ...closure, cancelledBookings: cancelledBookings.sort((a, b) => a - b), cancelledSessions };
  });
  if (made.cancelledBookings.length) deps.metrics.bookingCancellations.inc({ by: "admin" }, made.cancelledBookings.length);
  busyChanged(deps, made);
  return made;
}

export async function listClosures(deps: AppDeps, input: { venueId: number; includePast: boolean }): Promise<Closure[]> {
  const venue = await deps.repos.venues.get(input.venueId, { includeInactive: true });
  if (!venue) throw new DomainError("VENUE_NOT_FOUND");
  return deps.repos.closures.list(input.venueId, { localNow: localNow(deps), includePast: input.includePast });
}

export async function removeClosure(deps: AppDeps, input: { venueId: number; id: number } & TransactionOptions): Promise<void> {
  const removed = await withTransaction(deps.database.db, { deadline: input.deadline }, (tx) =>
    repositories(tx).closures.remove(input.venueId, input.id),
  );
  if (!removed) throw new DomainError("CLOSURE_NOT_FOUND");
  busyChanged(deps, removed);
}
