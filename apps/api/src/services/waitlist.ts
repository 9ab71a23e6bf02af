// The waitlist: players queue for a time that is taken; when it frees, the first whose range is now
// free gets a pending booking made for them in the transaction that freed it, held for
// WAITLIST_HOLD_MINUTES for them to keep. The booking itself holds the time (the same claims and
// constraint as any booking), so nobody else can take it while it is offered.
import type { WaitlistCreate } from "@venue-booking/contract";
import { checkBooking, chooseUnit, closureHolds, DomainError, hoursOn, parseTime, reachOf } from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type { Booking, Page, PageRequest, TransactionOptions, WaitlistEntry, WaitlistStatus } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { candidateUnits, offerFreed } from "./bookings.ts";
import { effectivePolicy, policyDefaults, weekOfVenue } from "./calendar.ts";

/**
 * Puts the player on the waitlist for a range that cannot be booked now (409 SLOT_AVAILABLE when it
 * can: book it instead). The range must be one a booking could take: the venue's hours, grid and
 * policies as for a booking.
 */
export async function joinWaitlist(
  deps: AppDeps,
  input: { userId: number; request: WaitlistCreate } & TransactionOptions,
): Promise<WaitlistEntry> {
  const r = input.request;
  const startTime = r.start_time.slice(0, 5);
  const endTime = r.end_time.slice(0, 5);
  const places = r.places ?? 1;
  const id = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    const venue = await repos.venues.lockForBooking(r.venue_id);
    if (!venue?.isActive) throw new DomainError("VENUE_NOT_FOUND", { field: "venue_id" });
    const week = weekOfVenue(venue);
    const policy = effectivePolicy(venue, policyDefaults(deps.config));
    const range = checkBooking(
      { date: r.booking_date, start: parseTime(startTime, "start_time"), end: parseTime(endTime, "end_time") },
      {
        hours: hoursOn(week, r.booking_date),
        reach: reachOf(week, r.booking_date),
        now: deps.clock(),
        policy: {
          timeZone: deps.config.timeZone,
          horizonDays: policy.horizonDays,
          minNoticeMinutes: policy.minNoticeMinutes,
          slotMinutes: venue.slotMinutes,
          minDurationMinutes: venue.minDurationMinutes,
          maxDurationMinutes: venue.maxDurationMinutes,
        },
      },
    );
    const candidates = candidateUnits(venue.units, r, places);
    // read under the venue's lock: what the database holds now
    const busy = await repos.bookings.dayHolds(venue.id, r.booking_date);
    const holds = [...busy.holds, ...closureHolds(busy.closures, venue.units)];
    if (chooseUnit(candidates, range, places, holds, new Map(venue.units.map((u) => [u.id, u])))) {
      throw new DomainError("SLOT_AVAILABLE", { field: "start_time" });
    }
    const made = await repos.waitlist.create({
      userId: input.userId,
      venueId: venue.id,
      unitId: r.unit_id ?? null,
      unitKind: r.unit_kind ?? null,
      places,
      bookingDate: r.booking_date,
      startTime,
      endTime,
    });
    if (made === null) throw new DomainError("ALREADY_WAITING");
    return made;
  });
  const entry = await deps.repos.waitlist.get(id);
  if (!entry) throw new Error("a waitlist entry just made is missing");
  return entry;
}

/** The player keeps the booking the waitlist offered them (it stays pending for the venue to confirm). */
export async function keepOffer(deps: AppDeps, input: { userId: number; bookingId: number }): Promise<Booking> {
  if (!(await deps.repos.waitlist.keep(input.bookingId, input.userId))) throw new DomainError("NOT_OFFERED");
  const booking = await deps.repos.bookings.get(input.bookingId);
  if (!booking) throw new DomainError("BOOKING_NOT_FOUND");
  return booking;
}

/**
 * The player stops waiting. An offer they hold is let go in the same transaction: its booking is
 * cancelled (the cancellation window does not apply: the player never asked for it) and the time
 * goes to the next waiting player.
 */
export async function leaveWaitlist(deps: AppDeps, input: { userId: number; id: number } & TransactionOptions): Promise<void> {
  const entry = await deps.repos.waitlist.get(input.id);
  if (entry?.userId !== input.userId) throw new DomainError("WAITLIST_NOT_FOUND");
  const freed = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    await repos.venues.lockBookings(entry.venueId);
    const left = await repos.waitlist.cancel(input.id, input.userId);
    if (!left) throw new DomainError("WAITLIST_NOT_FOUND");
    if (left.bookingId === null) return false;
    const current = await repos.bookings.lockForMove(left.bookingId);
    if (current?.status !== "pending" || !(await repos.bookings.setStatusIf(left.bookingId, "pending", "cancelled"))) return false;
    await repos.bookings.addEvent({
      bookingId: left.bookingId,
      fromStatus: "pending",
      toStatus: "cancelled",
      actor: "user",
      actorUserId: input.userId,
      reason: "offer let go",
    });
    await offerFreed(deps, tx, entry.venueId, [entry.bookingDate]);
    return true;
  });
  if (freed) deps.cache.allBusyChanged();
}

export function listWaitlist(
  deps: AppDeps,
  filter: PageRequest & { userId?: number | undefined; venueId?: number | undefined; status?: WaitlistStatus | undefined },
): Promise<Page<WaitlistEntry>> {
  return deps.repos.waitlist.list(filter);
}

/**
 * Lets go of offers not kept in time: each in one transaction, the entry marked lapsed (only while
 * it is still offered and its booking still pending), its booking cancelled ("offer lapsed") with its
 * audit row, and the time offered to the next waiting player. Returns how many lapsed.
 */
export async function lapseOffers(deps: AppDeps): Promise<number> {
  let n = 0;
  for (const bookingId of await deps.repos.waitlist.dueOffers()) {
    const lapsed = await withTransaction(deps.database.db, async (tx) => {
      const repos = repositories(tx);
      const known = await repos.bookings.statusOf(bookingId);
      if (!known) return false;
      await repos.venues.lockBookings(known.venueId);
      const current = await repos.bookings.lockForMove(bookingId);
      if (current?.status !== "pending" || !(await repos.waitlist.lapse(bookingId))) return false;
      if (!(await repos.bookings.setStatusIf(bookingId, "pending", "cancelled"))) return false;
      await repos.bookings.addEvent({ bookingId, fromStatus: "pending", toStatus: "cancelled", actor: "system", reason: "offer lapsed" });
      await offerFreed(deps, tx, known.venueId, [known.bookingDate]);
      return true;
    });
    if (lapsed) {
      n++;
      deps.cache.allBusyChanged();
    }
  }
  return n;
}
