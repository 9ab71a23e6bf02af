// Venue use cases: public reads (served from the read cache as finished JSON), admin reads and
// writes (which invalidate the cache). A day's availability is availability.ts.
import type { VenueCreate, VenueUpdate } from "@venue-booking/contract";
import {
  assertHours,
  assertWeek,
  DEFAULT_POLICY,
  DomainError,
  formatTime,
  normalizeMoney,
  parseTime,
  requestSpan,
} from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type {
  FreeAtPage,
  FreeVenue,
  Page,
  TransactionOptions,
  UnitInput,
  Venue,
  VenueInput,
  VenueListQuery,
  VenuePatch,
} from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import type { VenueListKey } from "../infra/read-cache.ts";
import { JsonBytes } from "../lib/json-bytes.ts";
import { pageEnvelope } from "../lib/paging.ts";
import { toVenueJson } from "../mappers/venues.ts";
import { localNow, policyDefaults } from "./calendar.ts";

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
export function publicVenueJson(deps: AppDeps, input: { id: number; lang: Lang }): Promise<Uint8Array<ArrayBuffer>> {
  const { id, lang } = input;
  return deps.cache.renderedVenue(id, lang, async () => {
    const venue = await deps.cache.venue(id, () => deps.repos.venues.get(id));
    if (!venue) throw new DomainError("VENUE_NOT_FOUND");
    return utf8.encode(JSON.stringify(toVenueJson(venue, lang, policyDefaults(deps.config))));
  });
}

const utf8 = new TextEncoder();
/** Writes "free at" pages: each is written in one synchronous stretch, so one writer serves them all. */
const freeAtWriter = new JsonBytes();
const FREE_UNITS = ',"free_units":';

export type FreeAtQuery = VenueListQuery & {
  page: number;
  date: string;
  startTime: string;
  endTime: string;
  places: number;
  unitKind?: string | undefined;
};

/**
 * The public "free at" page as finished JSON. What the search found (the page's venues with their
 * free units, and the count: a few hundred bytes, the same in every language and for every origin)
 * is kept for the minute under the query in its one spelling, so callers who mean the same search
 * share it; each venue's JSON is the one its own page is served from.
 */
export async function publicFreeAtJson(
  deps: AppDeps,
  input: { query: FreeAtQuery; lang: Lang; origin: string },
): Promise<Uint8Array<ArrayBuffer>> {
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
  const key = JSON.stringify([params.toString(), q.page]);
  const now = localNow(deps);
  const found = JSON.parse(
    await deps.cache.freeAtPage(key, q.date, now, async () => {
      const { holdsThrough, ...page } = await freeAtSearch(deps, q, now);
      return { body: JSON.stringify(page), holdsThrough };
    }),
  ) as Page<FreeVenue>;
  const venues = await Promise.all(found.results.map((v) => freeVenueJson(deps, v.id, lang)));
  const envelope = JSON.stringify(pageEnvelope(`${origin}/api/venues/?${params.toString()}`, { ...found, results: [] }, (v) => v));
  // The venues go in as the bytes their own pages are served from, each with its free units after
  // its last field: no string is made of them.
  const out = freeAtWriter.start().json(envelope.slice(0, -"]}".length));
  let first = true;
  found.results.forEach((v, i) => {
    const json = venues[i];
    if (!json) return;
    if (!first) out.raw(",");
    first = false;
    out
      .bytes(json.subarray(0, json.length - 1))
      .raw(FREE_UNITS)
      .int(v.freeUnits)
      .raw("}");
  });
  return out.raw("]}").done();
}

/** A venue of a "free at" page as its public JSON; null when it has gone since the search. */
async function freeVenueJson(deps: AppDeps, id: number, lang: Lang): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return await publicVenueJson(deps, { id, lang });
  } catch (e) {
    if (e instanceof DomainError && e.code === "VENUE_NOT_FOUND") return null;
    throw e;
  }
}

/**
 * Venues that can take a booking of `startTime`-`endTime` on `date` now, with how many units could
 * take it: the search of the venues repository (freeAt: one statement), the venues from the cache.
 */
export async function freeAtVenues(deps: AppDeps, q: FreeAtQuery): Promise<Page<Venue & { freeUnits: number }>> {
  const found = await freeAtSearch(deps, q, localNow(deps));
  const venues = await Promise.all(found.results.map((v) => deps.cache.venue(v.id, () => deps.repos.venues.get(v.id))));
  const results = found.results.flatMap((v, i) => {
    const venue = venues[i];
    // gone since the search
    return venue ? [{ ...venue, freeUnits: v.freeUnits }] : [];
  });
  return { ...found, results };
}

/** The search itself, as of `localNow` ("YYYY-MM-DD HH:MM" where the venues are). */
function freeAtSearch(deps: AppDeps, q: FreeAtQuery, localNow: string): Promise<FreeAtPage> {
  const range = requestSpan({ date: q.date, start: parseTime(q.startTime), end: parseTime(q.endTime) });
  return deps.repos.venues.freeAt({
    ...q,
    start: range.start,
    end: range.end,
    localNow,
    defaults: { horizonDays: deps.config.horizonDays, minNoticeMinutes: deps.config.minNoticeMinutes },
  });
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
