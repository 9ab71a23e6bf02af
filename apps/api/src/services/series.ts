// Weekly standing bookings. A series is one transaction: each date is booked in a savepoint of its
// own, through the same path and the same database constraints as any booking, so a refused date is
// undone alone and reported, and `fail` rolls the whole series back.
import type { SeriesCreate } from "@venue-booking/contract";
import { MAX_SERIES_WEEKS } from "@venue-booking/contract";
import { daysBetween, DomainError, isDomainError, localDateTime, localStamp, weeklyDates } from "@venue-booking/core";
import type { DomainErrorCode, ErrorParams, IsoDate, Lang } from "@venue-booking/core";
import { repositories, withSavepoint, withTransaction } from "@venue-booking/db";
import type { Booking, Page, PageRequest, Series, TransactionOptions } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { bookHours, busyChanged, candidateUnits, closedInstead, findCustomer, hashOf, offerFreed, STAFF_HORIZON_DAYS } from "./bookings.ts";
import type { Maker } from "./bookings.ts";

/** A date the series did not book, and the rule that refused it. */
export type Skipped = { date: IsoDate; error: DomainError };

/** A refused date as clients read it, in their language. */
export function skippedJson(s: Skipped, lang: Lang): { date: IsoDate; code: DomainErrorCode; message: string } {
  return { date: s.date, code: s.error.code, message: s.error.localized(lang) };
}

export type SeriesWithBookings = { series: Series; bookings: Booking[] };

/**
 * Creates the series and books each of its dates for the customer with `phone` (made when new).
 * With `on_conflict: "fail"` (the default) one refused date is 409 SERIES_CONFLICTS listing every
 * refused date, and nothing is created; with `skip` the rest are booked and the refused ones are
 * returned. A series none of whose dates can be booked is SERIES_CONFLICTS either way.
 */
export async function createSeries(
  deps: AppDeps,
  input: { adminId: number; request: SeriesCreate; idempotencyKey?: string | undefined } & TransactionOptions,
): Promise<SeriesWithBookings & { skipped: Skipped[] }> {
  const r = input.request;
  const key = input.idempotencyKey;
  const hash = hashOf(["series", r]);
  if (key) {
    const earlier = await replay(deps, input.adminId, key, hash);
    if (earlier) return earlier;
  }
  const startTime = r.start_time.slice(0, 5);
  const endTime = r.end_time.slice(0, 5);
  const dates = weeklyDates(
    r.weekday,
    r.first_date,
    r.weeks !== undefined ? { weeks: r.weeks } : { last: r.last_date ?? r.first_date },
    MAX_SERIES_WEEKS,
  );
  const today = localDateTime(deps.clock(), deps.config.timeZone).date;
  const first = dates[0] ?? today;
  const last = dates.at(-1) ?? today;
  if (first < today) throw new DomainError("IN_THE_PAST", { field: "first_date" });
  // it starts within a year; its occurrences then run their weeks, past the horizon
  if (daysBetween(today, first) > STAFF_HORIZON_DAYS) {
    throw new DomainError("TOO_FAR_AHEAD", { field: "first_date", params: { days: STAFF_HORIZON_DAYS } });
  }
  const customer = await findCustomer(deps, r.phone, r.name, input);
  if (!customer.isActive) throw new DomainError("CUSTOMER_INACTIVE", { field: "phone" });
  const maker: Omit<Maker, "seriesId"> = {
    actor: "admin",
    actorUserId: input.adminId,
    source: "staff",
    status: "confirmed",
    note: r.note ?? null,
    horizonDays: daysBetween(today, last),
  };
  const run = () =>
    withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
      const repos = repositories(tx);
      const venue = await repos.venues.lockForBooking(r.venue_id);
      if (!venue?.isActive) throw new DomainError("VENUE_NOT_FOUND", { field: "venue_id" });
      // what is wrong with every date is said once: a unit or kind the venue does not offer
      candidateUnits(venue.units, r, 1);
      const seriesId = await repos.series.create({
        venueId: r.venue_id,
        unitId: r.unit_id ?? null,
        unitKind: r.unit_kind ?? null,
        userId: customer.id,
        weekday: r.weekday,
        startTime,
        endTime,
        firstDate: dates[0] ?? r.first_date,
        lastDate: dates.at(-1) ?? r.first_date,
        note: r.note ?? null,
        createdBy: input.adminId,
      });
      const booked: Booking[] = [];
      const skipped: Skipped[] = [];
      for (const date of dates) {
        const request = {
          venue_id: r.venue_id,
          booking_date: date,
          start_time: startTime,
          end_time: endTime,
          unit_id: r.unit_id,
          unit_kind: r.unit_kind,
          note: r.note,
        };
        try {
          booked.push(await withSavepoint(tx, (sp) => bookHours(deps, sp, customer.id, request, undefined, "", { ...maker, seriesId })));
        } catch (caught) {
          // the savepoint is undone; a closure's refusal is told apart from a booking's (read in this transaction)
          const e = await closedInstead(repos, request, caught);
          if (!isDomainError(e)) throw e;
          skipped.push({ date, error: e });
        }
      }
      if (skipped.length > 0 && (r.on_conflict !== "skip" || booked.length === 0)) {
        const members = (lang: Lang) => ({ dates: skipped.map((d) => skippedJson(d, lang)) });
        throw new DomainError("SERIES_CONFLICTS", { params: { count: skipped.length }, members });
      }
      const series = await repos.series.get(seriesId);
      if (!series) throw new Error("a series just made is missing");
      if (key) {
        const body: Stored = {
          series_id: seriesId,
          skipped: skipped.map((d) => ({ date: d.date, code: d.error.code, params: d.error.params })),
        };
        await repos.idempotency.record(input.adminId, key, { requestHash: hash, status: 201, body });
      }
      return { series, bookings: booked, skipped };
    });
  let made: SeriesWithBookings & { skipped: Skipped[] };
  try {
    made = await run();
  } catch (e) {
    // a twin request with the same key made it first (its bookings hold the dates, or its record the key)
    const winner = key ? await replay(deps, input.adminId, key, hash) : null;
    if (winner) return winner;
    throw e;
  }
  deps.metrics.bookingsCreated.inc(made.bookings.length);
  for (const b of made.bookings) busyChanged(deps, b);
  return made;
}

/** What the Idempotency-Key of a series keeps: the series, and the dates it skipped and why. */
type Stored = { series_id: number; skipped: { date: IsoDate; code: DomainErrorCode; params: ErrorParams }[] };

/** The series an earlier request with this key made, as it answered then; a different request under the key is refused. */
async function replay(
  deps: AppDeps,
  adminId: number,
  key: string,
  hash: string,
): Promise<(SeriesWithBookings & { skipped: Skipped[] }) | null> {
  const stored = await deps.repos.idempotency.find(adminId, key);
  if (!stored) return null;
  if (stored.requestHash !== hash) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
  const body = stored.body as Stored;
  const { series, bookings } = await getSeries(deps, body.series_id);
  const skipped = body.skipped.map((d) => ({ date: d.date, error: new DomainError(d.code, { params: d.params }) }));
  return { series, bookings, skipped };
}

export async function getSeries(deps: AppDeps, id: number): Promise<SeriesWithBookings> {
  const series = await deps.repos.series.get(id);
  if (!series) throw new DomainError("SERIES_NOT_FOUND");
  return { series, bookings: await deps.repos.bookings.ofSeries(id) };
}

export function listSeries(
  deps: AppDeps,
  filter: PageRequest & { phone?: string | undefined; venueId?: number | undefined },
): Promise<Page<Series>> {
  return deps.repos.series.list(filter);
}

/**
 * Cancels the series' live occurrences on `from` (default: today, venue time) and after that have
 * not started, in one statement with their audit rows (reason "series cancelled"); occurrences
 * before it, and any already under way or played, stay.
 */
export async function cancelSeries(
  deps: AppDeps,
  input: { adminId: number; id: number; from?: IsoDate | undefined } & TransactionOptions,
): Promise<SeriesWithBookings & { cancelled: number[] }> {
  const local = localDateTime(deps.clock(), deps.config.timeZone);
  const from = input.from ?? local.date;
  const now = localStamp(local.date, local.minutes);
  const known = await deps.repos.series.get(input.id);
  if (!known) throw new DomainError("SERIES_NOT_FOUND");
  const cancelled = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    // the venue first, as bookings take it: the freed dates are offered to the waitlist below
    await repos.venues.lockBookings(known.venueId);
    const ids = await repos.series.cancelFrom(input.id, from, { userId: input.adminId }, now);
    if (ids?.length) {
      const dates = (await repos.bookings.ofSeries(input.id)).filter((b) => ids.includes(b.id)).map((b) => b.bookingDate);
      await offerFreed(deps, tx, known.venueId, dates);
    }
    return ids;
  });
  if (cancelled === null) throw new DomainError("SERIES_NOT_FOUND");
  const { series, bookings } = await getSeries(deps, input.id);
  const gone = new Set(cancelled);
  for (const b of bookings) if (gone.has(b.id)) busyChanged(deps, b);
  if (cancelled.length) deps.metrics.bookingCancellations.inc({ by: "admin" }, cancelled.length);
  return { series, bookings, cancelled };
}
