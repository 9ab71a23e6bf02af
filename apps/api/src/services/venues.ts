// Venue use cases: public reads (served from the read cache as finished JSON), admin reads and
// writes (which invalidate the cache), and a day's availability.
import type { VenueCreate, VenueUpdate } from "@venue-booking/contract";
import {
  assertHours,
  DEFAULT_POLICY,
  DomainError,
  formatTime,
  normalizeMoney,
  offeredUnits,
  parseTime,
  pickTranslation,
  venueDay,
} from "@venue-booking/core";
import type { Interval, Lang } from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type { Page, TransactionOptions, UnitInput, Venue, VenueInput, VenueListQuery, VenuePatch } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import type { VenueListKey } from "../infra/read-cache.ts";
import { pageEnvelope } from "../lib/paging.ts";
import { toVenueJson } from "../mappers/venues.ts";
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
  return p;
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
    return JSON.stringify(pageEnvelope(link, page, (v) => toVenueJson(v, lang)));
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
    return JSON.stringify(toVenueJson(venue, lang));
  });
}

const span = (i: Interval) => ({ start_time: formatTime(i.start), end_time: formatTime(i.end) });

/** A venue's day, or one unit's, in the contract's shape. */
async function renderDay(deps: AppDeps, input: { id: number; date: string; unitId?: number | undefined; lang: Lang }, now: Date) {
  const { id, date, unitId, lang } = input;
  const { repos, config, cache } = deps;
  const venue = await cache.venue(id, () => repos.venues.get(id));
  if (!venue) throw new DomainError("VENUE_NOT_FOUND");
  const active = offeredUnits(venue.units).filter((u) => unitId === undefined || u.id === unitId);
  if (unitId !== undefined && active.length === 0) throw new DomainError("UNIT_NOT_FOUND", { field: "unit_id" });
  const hours = { opening: parseTime(venue.openingTime), closing: parseTime(venue.closingTime) };
  const holds = await cache.busy(id, date, () => repos.bookings.dayHolds(id, date));
  const day = venueDay({
    date,
    hours,
    units: active,
    allUnits: venue.units,
    holds,
    now,
    policy: { timeZone: config.timeZone, horizonDays: config.horizonDays },
  });
  const pooled = day.slots.some((s) => s.placesLeft !== null);
  const sessions = (await daySessions(deps, id, date)).filter((s) => unitId === undefined || s.unitId === unitId);
  return {
    venue_id: id,
    date,
    opening_time: venue.openingTime,
    closing_time: venue.closingTime,
    slot_minutes: DEFAULT_POLICY.slotMinutes,
    slots: day.slots.map((s) => ({
      ...span(s),
      available: s.available,
      free_units: s.freeUnits,
      total_units: s.totalUnits,
      ...(pooled ? { places_left: s.placesLeft ?? 0 } : {}),
    })),
    free_ranges: day.freeRanges.map(span),
    units: day.units.map(({ unit, slots, freeRanges }) => ({
      id: unit.id,
      name: pickTranslation(unit.name, lang),
      kind: unit.kind,
      capacity: unit.capacity,
      slots: slots.map((s) => ({ ...span(s), available: s.available, ...(unit.capacity > 1 ? { places_left: s.placesLeft } : {}) })),
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
  assertHours({ opening: parseTime(input.openingTime ?? "09:00"), closing: parseTime(input.closingTime ?? "22:00") });
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
  assertHours({
    opening: parseTime(patch.openingTime ?? current.openingTime),
    closing: parseTime(patch.closingTime ?? current.closingTime),
  });
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
