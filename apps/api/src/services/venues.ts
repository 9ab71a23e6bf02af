// Venue use cases: public reads (served from the read cache as finished JSON), admin reads and
// writes (which invalidate the cache), and a day's availability.
import type { VenueCreate, VenueUpdate } from "@venue-booking/contract";
import {
  assertHours,
  assertWeek,
  DEFAULT_POLICY,
  DomainError,
  formatClock,
  formatTime,
  hoursOn,
  localDateTime,
  MINUTES_PER_DAY,
  normalizeMoney,
  offeredUnits,
  parseTime,
  pickTranslation,
  price,
  requestSpan,
  venueDay,
} from "@venue-booking/core";
import type { Interval, Lang } from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type { Page, TransactionOptions, UnitInput, Venue, VenueInput, VenueListQuery, VenuePatch } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import type { VenueListKey } from "../infra/read-cache.ts";
import { pageEnvelope } from "../lib/paging.ts";
import { toVenueJson } from "../mappers/venues.ts";
import { effectivePolicy, policyDefaults, rulesOf, weekOfVenue } from "./calendar.ts";
import { daySessions } from "./sessions.ts";

export function toPatch(body: VenueUpdate): VenuePatch {
  const p: VenuePatch = {};
  if (body.slug !== undefined) p.slug = body.slug;
  if (body.name !== undefined) p.name = body.name;
  if (body.address !== undefined) p.address = body.address;
  if (body.description !== undefined) p.description = body.description;
  if (body.amenities !== undefined) p.amenities = body.amenities;
  if (body.price_per_hour !== undefined) p.pricePerHour = body.price_per_hour;
  if (body.images !== undefined) p.images = [...new Set(body.images)];
  if (body.opening_time !== undefined) p.openingTime = formatTime(parseTime(body.opening_time));
  if (body.closing_time !== undefined) p.closingTime = formatTime(parseTime(body.closing_time));
  if (body.is_active !== undefined) p.isActive = body.is_active;
  if (body.weekly_hours !== undefined) {
    p.weeklyHours =
      body.weekly_hours === null
        ? null
        : body.weekly_hours.map((d) => ({
            weekday: d.weekday,
            opening_time: formatTime(parseTime(d.opening_time)),
            closing_time: formatTime(parseTime(d.closing_time)),
          }));
  }
  if (body.slot_minutes !== undefined) p.slotMinutes = body.slot_minutes;
  if (body.min_duration_minutes !== undefined) p.minDurationMinutes = body.min_duration_minutes;
  if (body.max_duration_minutes !== undefined) p.maxDurationMinutes = body.max_duration_minutes;
  if (body.price_rules !== undefined) {
    p.priceRules = body.price_rules.map((r) => ({
      weekdays: [...r.weekdays].sort((a, b) => a - b),
      start_time: formatTime(parseTime(r.start_time)),
      end_time: formatTime(parseTime(r.end_time)),
      price_per_hour: normalizeMoney(r.price_per_hour),
      ...(r.unit_id === undefined || r.unit_id === null ? {} : { unit_id: r.unit_id }),
    }));
  }
  if (body.policy !== undefined) {
    const given = body.policy;
    p.policy = {};
    if (given.min_notice_minutes !== undefined) p.policy.minNoticeMinutes = given.min_notice_minutes;
    if (given.horizon_days !== undefined) p.policy.horizonDays = given.horizon_days;
    if (given.cancel_until_minutes !== undefined) p.policy.cancelUntilMinutes = given.cancel_until_minutes;
    if (given.hold_minutes !== undefined) p.policy.holdMinutes = given.hold_minutes;
    if (given.max_live_bookings_per_user !== undefined) p.policy.maxLiveBookingsPerUser = given.max_live_bookings_per_user;
  }
  return p;
}

/** A venue's calendar as it would be after `patch`: what the checks below look at. */
type CalendarState = Pick<
  Venue,
  "openingTime" | "closingTime" | "weeklyHours" | "slotMinutes" | "minDurationMinutes" | "maxDurationMinutes" | "priceRules"
> & {
  unitIds: readonly number[];
};

/**
 * Throws unless the calendar holds together: each day (and the default hours) fits a slot and days
 * do not overlap (INVALID_HOURS), the duration bounds are whole slots with the shortest no longer
 * than the longest (INVALID_DURATION_BOUNDS), and every price rule names a unit of the venue
 * (INVALID_PRICE_RULE).
 */
export function assertCalendar(c: CalendarState): void {
  const slot = c.slotMinutes;
  assertHours({ opening: parseTime(c.openingTime), closing: parseTime(c.closingTime) }, slot);
  if (c.weeklyHours) {
    assertWeek(
      c.weeklyHours.map((d) => ({ weekday: d.weekday, opening: parseTime(d.opening_time), closing: parseTime(d.closing_time) })),
      slot,
    );
  }
  const bounds = [c.minDurationMinutes, c.maxDurationMinutes].filter((m): m is number => m !== null);
  const ordered = c.minDurationMinutes === null || c.maxDurationMinutes === null || c.minDurationMinutes <= c.maxDurationMinutes;
  if (bounds.some((m) => m % slot !== 0) || !ordered) {
    throw new DomainError("INVALID_DURATION_BOUNDS", { field: "min_duration_minutes", params: { minutes: slot } });
  }
  for (const rule of c.priceRules) {
    if (rule.unit_id !== undefined && rule.unit_id !== null && !c.unitIds.includes(rule.unit_id)) {
      throw new DomainError("INVALID_PRICE_RULE", {
        field: "price_rules",
        params: { problem: `unit ${rule.unit_id} is not one of the venue's` },
      });
    }
  }
}

export function calendarState(current: Partial<Venue> & { units?: readonly { id: number }[] }, patch: VenuePatch): CalendarState {
  return {
    openingTime: patch.openingTime ?? current.openingTime ?? "09:00",
    closingTime: patch.closingTime ?? current.closingTime ?? "22:00",
    weeklyHours: patch.weeklyHours !== undefined ? patch.weeklyHours : (current.weeklyHours ?? null),
    slotMinutes: patch.slotMinutes ?? current.slotMinutes ?? DEFAULT_POLICY.slotMinutes,
    minDurationMinutes: patch.minDurationMinutes !== undefined ? patch.minDurationMinutes : (current.minDurationMinutes ?? null),
    maxDurationMinutes: patch.maxDurationMinutes !== undefined ? patch.maxDurationMinutes : (current.maxDurationMinutes ?? null),
    priceRules: patch.priceRules ?? current.priceRules ?? [],
    unitIds: (current.units ?? []).map((u) => u.id),
  };
}

/** Admins' lists (inactive venues, all languages) are read fresh. */
export function listVenues(deps: AppDeps, query: VenueListQuery): Promise<Page<Venue>> {
  return deps.repos.venues.list(query);
}

/**
 * The public list query as the cache knows it: the known parameters only, each in one spelling
 * (search as the repository matches it, trimmed and in lower case; prices to two places), so
 * requests that mean the same share one copy and nothing else in the URL makes a new one.
 */
function publicListQuery(query: VenueListQuery & { page: number }): VenueListKey & { includeInactive: false } {
  const search = query.search?.trim().toLowerCase();
  return {
    page: query.page,
    search: search || undefined,
    minPrice: query.minPrice === undefined ? undefined : normalizeMoney(query.minPrice),
    maxPrice: query.maxPrice === undefined ? undefined : normalizeMoney(query.maxPrice),
    includeInactive: false,
  };
}

/** The query string of a public list link: the known parameters, each in its one spelling. */
function canonicalQuery(query: VenueListKey): string {
  const params = new URLSearchParams();
  if (query.search !== undefined) params.set("search", query.search);
  if (query.minPrice !== undefined) params.set("min_price", query.minPrice);
  if (query.maxPrice !== undefined) params.set("max_price", query.maxPrice);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * The public list page as finished JSON, from the cache when another request rendered it lately.
 * Its links are built from the known parameters only (never the caller's URL), so a page is the
 * same for every caller who means the same query, and is cached whole.
 */
export async function publicVenueListJson(
  deps: AppDeps,
  input: { query: VenueListQuery & { page: number }; lang: Lang; origin: string },
): Promise<string> {
  const { lang, origin } = input;
  const query = publicListQuery(input.query);
  return deps.cache.renderedVenuePage(query, lang, origin, async () => {
    const page = await deps.cache.venueList(query, () => deps.repos.venues.list(query));
    const link = `${origin}/api/venues/${canonicalQuery(query)}`;
    return JSON.stringify(pageEnvelope(link, page, (v) => toVenueJson(v, lang, policyDefaults(deps.config))));
  });
}

/** Any venue, active or not, for admins. */
export async function getVenue(deps: AppDeps, id: number): Promise<Venue> {
  const venue = await deps.repos.venues.get(id, { includeInactive: true });
  if (!venue) throw new DomainError("VENUE_NOT_FOUND");
  return venue;
}

/** An active venue in one language as finished JSON, from the cache when it can. */
export function publicVenueJson(deps: AppDeps, input: { id: number; lang: Lang }): Promise<string> {
  const { id, lang } = input;
  return deps.cache.renderedVenue(id, lang, async () => {
    const venue = await deps.cache.venue(id, () => deps.repos.venues.get(id));
    if (!venue) throw new DomainError("VENUE_NOT_FOUND");
    return JSON.stringify(toVenueJson(venue, lang, policyDefaults(deps.config)));
  });
}

const span = (i: Interval) => ({ start_time: formatClock(i.start, "start"), end_time: formatClock(i.end) });

/** A venue's day, or one unit's, in the contract's shape. */
async function renderDay(deps: AppDeps, input: { id: number; date: string; unitId?: number | undefined; lang: Lang }, now: Date) {
  const { id, date, unitId, lang } = input;
  const { repos, config, cache } = deps;
  const venue = await cache.venue(id, () => repos.venues.get(id));
  if (!venue) throw new DomainError("VENUE_NOT_FOUND");
  const active = offeredUnits(venue.units).filter((u) => unitId === undefined || u.id === unitId);
  if (unitId !== undefined && active.length === 0) throw new DomainError("UNIT_NOT_FOUND", { field: "unit_id" });
  const hours = hoursOn(weekOfVenue(venue), date);
  const policy = effectivePolicy(venue, policyDefaults(config));
  // the day's holds and its sessions are two statements: asked for together, one round trip's wait
  const [busy, daySessionList] = await Promise.all([
    cache.busy(id, date, () => repos.bookings.dayHolds(id, date)),
    daySessions(deps, id, date),
  ]);
  const day = venueDay({
    date,
    hours,
    units: active,
    allUnits: venue.units,
    holds: busy.holds,
    closures: busy.closures,
    now,
    policy: {
      timeZone: config.timeZone,
      horizonDays: policy.horizonDays,
      minNoticeMinutes: policy.minNoticeMinutes,
      slotMinutes: venue.slotMinutes,
    },
    prices: { rules: rulesOf(venue), venuePrice: venue.pricePerHour },
  });
  const pooled = day.slots.some((s) => s.placesLeft !== null);
  // a slot's price, worked out once per price per hour (most slots of a day share one)
  const slotPrices = new Map<string, string>();
  const slotPrice = (hourly: string) => {
    let p = slotPrices.get(hourly);
    if (p === undefined) slotPrices.set(hourly, (p = price(hourly, venue.slotMinutes)));
    return p;
  };
  const sessions = daySessionList.filter((s) => unitId === undefined || s.unitId === unitId);
  return {
    venue_id: id,
    date,
    opening_time: hours ? formatClock(hours.opening, "start") : null,
    closing_time: hours ? formatClock(hours.closing) : null,
    closed: hours === null,
    slot_minutes: venue.slotMinutes,
    slots: day.slots.map((s) => ({
      ...span(s),
      available: s.available,
      free_units: s.freeUnits,
      total_units: s.totalUnits,
      ...(pooled ? { places_left: s.placesLeft ?? 0 } : {}),
      ...(s.start >= MINUTES_PER_DAY ? { next_day: true } : {}),
      closed: s.closed,
      closed_reason: s.closedReason ? pickTranslation(s.closedReason, lang) : null,
      price_per_hour: s.pricePerHour,
      price: s.pricePerHour === null ? null : slotPrice(s.pricePerHour),
    })),
    free_ranges: day.freeRanges.map(span),
    units: day.units.map(({ unit, slots, freeRanges }) => ({
      id: unit.id,
      name: pickTranslation(unit.name, lang),
      kind: unit.kind,
      capacity: unit.capacity,
      slots: slots.map((s) => ({
        ...span(s),
        available: s.available,
        ...(unit.capacity > 1 ? { places_left: s.placesLeft } : {}),
        closed: s.closed,
        price_per_hour: s.pricePerHour,
        price: slotPrice(s.pricePerHour),
      })),
      free_ranges: freeRanges.map(span),
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      title: pickTranslation(s.title, lang),
      unit_id: s.unitId,
      start_time: s.startTime,
      end_time: s.endTime,
      places_left: Math.max(0, s.capacity - s.placesSold),
    })),
  };
}

export type FreeAtQuery = VenueListQuery & {
  page: number;
  date: string;
  startTime: string;
  endTime: string;
  places: number;
  unitKind?: string | undefined;
};

/**
 * The public "free at" page as finished JSON: the query in its one spelling makes the cache key and
 * the links, so callers who mean the same search share one copy for the minute.
 */
export function publicFreeAtJson(deps: AppDeps, input: { query: FreeAtQuery; lang: Lang; origin: string }): Promise<string> {
  const { lang, origin } = input;
  const list = publicListQuery(input.query);
  const q: FreeAtQuery = {
    ...list,
    date: input.query.date,
    startTime: formatTime(parseTime(input.query.startTime)),
    endTime: formatTime(parseTime(input.query.endTime)),
    places: input.query.places,
    unitKind: input.query.unitKind?.trim() || undefined,
  };
  const params = new URLSearchParams(canonicalQuery(list).slice(1));
  params.set("date", q.date);
  params.set("start_time", q.startTime);
  params.set("end_time", q.endTime);
  if (q.places !== 1) params.set("places", String(q.places));
  if (q.unitKind !== undefined) params.set("unit_kind", q.unitKind);
  const link = `${origin}/api/venues/?${params.toString()}`;
  const key = JSON.stringify([lang, origin, link, q.page]);
  return deps.cache.freeAtPage(key, deps.clock(), async () => {
    const page = await freeAtVenues(deps, q);
    const defaults = policyDefaults(deps.config);
    return JSON.stringify(pageEnvelope(link, page, (v) => ({ ...toVenueJson(v, lang, defaults), free_units: v.freeUnits })));
  });
}

/**
 * Venues that can take a booking of `startTime`-`endTime` on `date` now (see freeAt in the venues
 * repository: one statement), with how many units could take it.
 */
export function freeAtVenues(deps: AppDeps, q: FreeAtQuery): Promise<Page<Venue & { freeUnits: number }>> {
  const range = requestSpan({ date: q.date, start: parseTime(q.startTime), end: parseTime(q.endTime) });
  const local = localDateTime(deps.clock(), deps.config.timeZone);
  return deps.repos.venues.freeAt({
    ...q,
    start: range.start,
    end: range.end,
    localNow: `${local.date} ${formatTime(local.minutes)}`,
    defaults: { horizonDays: deps.config.horizonDays, minNoticeMinutes: deps.config.minNoticeMinutes },
  });
}

/**
 * A venue's day as finished JSON: per slot whether some unit is free and how many, and each unit's
 * own slots and free ranges. The whole day is cached for the minute it was rendered in (per
 * language: units have names); one unit's day is drawn from the cached venue and bookings.
 */
export function availabilityJson(
  deps: AppDeps,
  input: { id: number; date: string; unitId?: number | undefined; lang: Lang },
): Promise<string> {
  const now = deps.clock();
  if (input.unitId !== undefined) return renderDay(deps, input, now).then((d) => JSON.stringify(d));
  return deps.cache.availability(input.id, input.date, input.lang, now, async () => JSON.stringify(await renderDay(deps, input, now)));
}

export async function createVenue(deps: AppDeps, body: VenueCreate, opts: TransactionOptions = {}): Promise<Venue> {
  const input = toPatch(body) as VenueInput;
  // a new venue's units have no ids yet: its price rules may not name one
  assertCalendar(calendarState({}, input));
  const units: UnitInput[] | undefined = body.units?.map((u, i) => ({
    name: u.name,
    kind: u.kind ?? null,
    capacity: u.capacity ?? 1,
    pricePerHour: u.price_per_hour ?? null,
    sortOrder: u.sort_order ?? i,
  }));
  const venue = await withTransaction(deps.database.db, { deadline: opts.deadline }, (tx) => repositories(tx).venues.create(input, units));
  deps.cache.venueChanged(venue.id);
  return venue;
}

export async function updateVenue(deps: AppDeps, input: { id: number; body: VenueUpdate } & TransactionOptions): Promise<Venue> {
  const patch = toPatch(input.body);
  const current = await getVenue(deps, input.id);
  assertCalendar(calendarState(current, patch));
  const venue = await withTransaction(deps.database.db, { deadline: input.deadline }, (tx) =>
    repositories(tx).venues.update(input.id, patch),
  );
  if (!venue) throw new DomainError("VENUE_NOT_FOUND");
  deps.cache.venueChanged(input.id);
  return venue;
}

export async function deactivateVenue(deps: AppDeps, id: number, opts: TransactionOptions = {}): Promise<void> {
  const done = await withTransaction(deps.database.db, { deadline: opts.deadline }, (tx) => repositories(tx).venues.deactivate(id));
  if (!done) throw new DomainError("VENUE_NOT_FOUND");
  deps.cache.venueChanged(id);
}
