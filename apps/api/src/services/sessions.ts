// Session use cases: admins schedule, change and cancel sessions; anyone lists and reads them.
// Each write is one transaction with the venue row locked (the order bookings take it in); the
// database decides clashes with the unit's bookings, overselling and seats sold twice.
import type { SessionCreate, SessionUpdate } from "@venue-booking/contract";
import { compareLocal, DomainError, formatClock, formatTime, hoursOn, localDateTime, offeredUnits, parseTime } from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type { Page, SessionListQuery, SessionPatch, SessionView, TransactionOptions } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { offerFreed } from "./bookings.ts";
import { localNow, weekOfVenue } from "./calendar.ts";

export async function createSession(
  deps: AppDeps,
  input: { venueId: number; body: SessionCreate } & TransactionOptions,
): Promise<SessionView> {
  const b = input.body;
  const start = parseTime(b.start_time, "start_time");
  const end = parseTime(b.end_time, "end_time");
  if (end <= start) throw new DomainError("INVALID_RANGE", { field: "end_time" });
  const local = localDateTime(deps.clock(), deps.config.timeZone);
  if (compareLocal({ date: b.booking_date, minutes: start }, local) < 0) throw new DomainError("IN_THE_PAST", { field: "start_time" });
  const session = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    const venue = await repos.venues.lockBy({ id: input.venueId });
    if (!venue?.isActive) throw new DomainError("VENUE_NOT_FOUND");
    const unit = offeredUnits(venue.units).find((u) => u.id === b.unit_id);
    if (!unit) throw new DomainError("UNIT_NOT_FOUND", { field: "unit_id" });
    // a session sells places of its own: it takes an exclusive unit (a court, a hall), not a pool
    if (unit.capacity > 1) throw new DomainError("SESSION_UNIT_POOLED", { field: "unit_id" });
    // within the day's hours (a session ends on its own calendar day; the night after midnight is not for sessions)
    const hours = hoursOn(weekOfVenue(venue), b.booking_date);
    if (!hours) throw new DomainError("DAY_CLOSED", { field: "booking_date" });
    if (start < hours.opening || end > hours.closing) {
      throw new DomainError("OUTSIDE_HOURS", {
        field: start < hours.opening ? "start_time" : "end_time",
        params: { opening: formatClock(hours.opening, "start"), closing: formatClock(hours.closing) },
      });
    }
    const created = await repos.sessions.create({
      venueId: input.venueId,
      unitId: unit.id,
      title: b.title,
      bookingDate: b.booking_date,
      startTime: formatTime(start),
      endTime: formatTime(end),
      capacity: b.seats?.length ?? b.capacity ?? 1,
      pricePerPlace: b.price_per_place,
      seats: b.seats ?? [],
    });
    return created.id;
  });
  deps.cache.busyChanged(input.venueId, b.booking_date);
  return getSession(deps, session);
}

export async function updateSession(deps: AppDeps, input: { id: number; body: SessionUpdate } & TransactionOptions): Promise<SessionView> {
  const { body } = input;
  const current = await deps.repos.sessions.get(input.id);
  if (!current) throw new DomainError("SESSION_NOT_FOUND");
  // a seated session sells exactly its seats
  if (body.capacity !== undefined && current.seats.length > 0 && body.capacity !== current.seats.length) {
    throw new DomainError("SEATED_CAPACITY", { field: "capacity", params: { seats: current.seats.length } });
  }
  const patch: SessionPatch = {};
  if (body.title !== undefined) patch.title = body.title;
  if (body.price_per_place !== undefined) patch.pricePerPlace = body.price_per_place;
  if (body.capacity !== undefined) patch.capacity = body.capacity;
  const updated = await withTransaction(deps.database.db, { deadline: input.deadline }, (tx) =>
    repositories(tx).sessions.update(input.id, patch),
  );
  if (!updated) throw new DomainError("SESSION_NOT_FOUND");
  deps.cache.busyChanged(current.venueId, current.bookingDate);
  return getSession(deps, input.id);
}

/** Cancels the session and every live booking of it, in one transaction with their audit rows. */
export async function cancelSession(deps: AppDeps, input: { id: number; adminId: number } & TransactionOptions): Promise<void> {
  const current = await deps.repos.sessions.get(input.id);
  if (!current || current.status !== "scheduled") throw new DomainError("SESSION_NOT_FOUND");
  // a session that has been played stays as it was (its bookings are completed, not cancelled)
  const local = localDateTime(deps.clock(), deps.config.timeZone);
  if (compareLocal({ date: current.bookingDate, minutes: parseTime(current.endTime) }, local) <= 0) {
    throw new DomainError("SESSION_STARTED");
  }
  const cancelled = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    // the venue first, as bookings take it: the unit's freed time is offered to the waitlist below
    await repos.venues.lockBookings(current.venueId);
    const done = await repos.sessions.cancel(input.id, { userId: input.adminId });
    if (done) await offerFreed(deps, tx, current.venueId, [current.bookingDate]);
    return done;
  });
  if (!cancelled) throw new DomainError("SESSION_NOT_FOUND");
  deps.metrics.bookingCancellations.inc({ by: "admin" }, cancelled.length);
  deps.cache.busyChanged(current.venueId, current.bookingDate);
}

/** A session as anyone reads it (a cancelled one, or one not offered, is not found); admins read every one. */
export async function getSession(deps: AppDeps, id: number, opts: { admin?: boolean } = {}): Promise<SessionView> {
  const session = await deps.repos.sessions.view(id);
  if (!session) throw new DomainError("SESSION_NOT_FOUND");
  if (!opts.admin && (session.status !== "scheduled" || !session.offered)) throw new DomainError("SESSION_NOT_FOUND");
  return session;
}

export function listSessions(deps: AppDeps, query: Omit<SessionListQuery, "localNow">): Promise<Page<SessionView>> {
  return deps.repos.sessions.list({ ...query, localNow: localNow(deps) });
}
