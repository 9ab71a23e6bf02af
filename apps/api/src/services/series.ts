// Weekly standing bookings. A series is one transaction: each date is booked in a savepoint of its
// own, through the same path and the same database constraints as any booking, so a refused date is
// undone alone and reported, and `fail` rolls the whole series back.
import type { SeriesCreate } from "@venue-booking/contract";
import { MAX_SERIES_WEEKS } from "@venue-booking/contract";
import { DomainError, isDomainError, localDateTime, weeklyDates } from "@venue-booking/core";
import type { DomainErrorCode, IsoDate, Lang } from "@venue-booking/core";
import { repositories, withSavepoint, withTransaction } from "@venue-booking/db";
import type { Booking, Page, PageRequest, Series, TransactionOptions } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { bookHours, busyChanged, closedInstead, findCustomer } from "./bookings.ts";
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
  input: { adminId: number; request: SeriesCreate } & TransactionOptions,
): Promise<SeriesWithBookings & { skipped: Skipped[] }> {
  const r = input.request;
  const startTime = r.start_time.slice(0, 5);
  const endTime = r.end_time.slice(0, 5);
  const dates = weeklyDates(
    r.weekday,
    r.first_date,
    r.weeks !== undefined ? { weeks: r.weeks } : { last: r.last_date ?? r.first_date },
    MAX_SERIES_WEEKS,
  );
  const today = localDateTime(deps.clock(), deps.config.timeZone).date;
  if ((dates[0] ?? today) < today) throw new DomainError("IN_THE_PAST", { field: "first_date" });
  const customer = await findCustomer(deps, r.phone, r.name, input);
  const maker: Omit<Maker, "seriesId"> = {
    actor: "admin",
    actorUserId: input.adminId,
    source: "staff",
    status: r.status ?? "confirmed",
    note: r.note ?? null,
  };
  const made = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    const venue = await repos.venues.lockForBooking(r.venue_id);
    if (!venue?.isActive) throw new DomainError("VENUE_NOT_FOUND", { field: "venue_id" });
    const seriesId = await repos.series.create({
      venueId: r.venue_id,
      unitId: r.unit_id ?? null,
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
    return { series, bookings: booked, skipped };
  });
  deps.metrics.bookingsCreated.inc(made.bookings.length);
  for (const b of made.bookings) busyChanged(deps, b);
  return made;
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
 * Cancels the series' live occurrences on `from` (default: today, venue time) and after, in one
 * statement with their audit rows (reason "series cancelled"); occurrences before it stay.
 */
export async function cancelSeries(
  deps: AppDeps,
  input: { adminId: number; id: number; from?: IsoDate | undefined } & TransactionOptions,
): Promise<SeriesWithBookings & { cancelled: number[] }> {
  const from = input.from ?? localDateTime(deps.clock(), deps.config.timeZone).date;
  const cancelled = await withTransaction(deps.database.db, { deadline: input.deadline }, (tx) =>
    repositories(tx).series.cancelFrom(input.id, from, { userId: input.adminId }),
  );
  if (cancelled === null) throw new DomainError("SERIES_NOT_FOUND");
  const { series, bookings } = await getSeries(deps, input.id);
  const gone = new Set(cancelled);
  for (const b of bookings) if (gone.has(b.id)) busyChanged(deps, b);
  if (cancelled.length) deps.metrics.bookingCancellations.inc({ by: "admin" }, cancelled.length);
  return { series, bookings, cancelled };
}
