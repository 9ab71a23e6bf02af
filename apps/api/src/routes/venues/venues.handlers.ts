import { assertHours, availability as dayAvailability, DEFAULT_POLICY, DomainError, formatTime, parseTime } from "@venue-booking/core";
import type { VenueInput, VenuePatch } from "@venue-booking/db";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/env.ts";
import { assertAdmin } from "../../lib/middleware.ts";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope } from "../../lib/paging.ts";
import type { availability, create, get, list, remove, update } from "./venues.routes.ts";
import { toVenueAllJson, toVenueJson } from "./venues.schemas.ts";
import type { VenueUpdateBody } from "./venues.schemas.ts";

function wantsAll(c: Context<AppEnv>, translations: "all" | undefined): boolean {
  if (translations !== "all") return false;
  assertAdmin(c.get("user"));
  return true;
}

function toPatch(body: VenueUpdateBody): VenuePatch {
  const p: VenuePatch = {};
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

const JSON_TYPE = { "content-type": "application/json" };

/** A pre-rendered JSON body of the route's own response schema (typed handlers only know c.json). */
function renderedJson(c: Context<AppEnv>, body: string): never {
  return c.body(body, 200, JSON_TYPE) as never;
}

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const q = c.req.valid("query");
  const all = wantsAll(c, q.translations);
  const includeInactive = q.include_inactive === "true";
  if (includeInactive) assertAdmin(c.get("user"));
  const { repos, cache } = c.get("deps");
  const lang = c.get("lang");
  const query = { page: q.page ?? 1, search: q.search?.trim() || undefined, minPrice: q.min_price, maxPrice: q.max_price, includeInactive };
  // Admins' lists (inactive venues, all languages) are read fresh; the public one may come from the cache.
  if (includeInactive || all) {
    const page = await repos.venues.list(query);
    return c.json(pageEnvelope(c.req.url, page, (v) => (all ? toVenueAllJson(v) : toVenueJson(v, lang))), 200);
  }
  const body = await cache.renderedVenues(`list:${lang}:${c.req.url}`, async () => {
    const page = await cache.venueList(query, () => repos.venues.list(query));
    return JSON.stringify(pageEnvelope(c.req.url, page, (v) => toVenueJson(v, lang)));
  });
  return renderedJson(c, body);
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  const { id } = c.req.valid("param");
  const all = wantsAll(c, c.req.valid("query").translations);
  const { repos, cache } = c.get("deps");
  const lang = c.get("lang");
  if (c.get("user")?.isAdmin === true) {
    const venue = await repos.venues.get(id, { includeInactive: true });
    if (!venue) throw new DomainError("VENUE_NOT_FOUND");
    return c.json(all ? toVenueAllJson(venue) : toVenueJson(venue, lang), 200);
  }
  const body = await cache.renderedVenues(`venue:${lang}:${id}`, async () => {
    const venue = await cache.venue(id, () => repos.venues.get(id));
    if (!venue) throw new DomainError("VENUE_NOT_FOUND");
    return JSON.stringify(toVenueJson(venue, lang));
  });
  return renderedJson(c, body);
};

export const availabilityHandler: AppRouteHandler<typeof availability> = async (c) => {
  const { id } = c.req.valid("param");
  const { date } = c.req.valid("query");
  const { repos, config, clock, cache } = c.get("deps");
  const now = clock();
  const body = await cache.availability(id, date, now, async () => {
    const venue = await cache.venue(id, () => repos.venues.get(id));
    if (!venue) throw new DomainError("VENUE_NOT_FOUND");
    const hours = { opening: parseTime(venue.openingTime), closing: parseTime(venue.closingTime) };
    const busy = await cache.busy(id, date, () => repos.bookings.busyIntervals(id, date));
    const policy = { timeZone: config.timeZone, horizonDays: config.horizonDays };
    const day = dayAvailability({ date, hours, busy, now, policy });
    const span = (i: { start: number; end: number }) => ({ start_time: formatTime(i.start), end_time: formatTime(i.end) });
    return JSON.stringify({
      venue_id: id,
      date,
      opening_time: venue.openingTime,
      closing_time: venue.closingTime,
      slot_minutes: DEFAULT_POLICY.slotMinutes,
      slots: day.slots.map((s) => ({ ...span(s), available: s.available })),
      free_ranges: day.freeRanges.map(span),
    });
  });
  return renderedJson(c, body);
};

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const patch = toPatch(c.req.valid("json"));
  const input = patch as VenueInput;
  assertHours({ opening: parseTime(input.openingTime ?? "09:00"), closing: parseTime(input.closingTime ?? "22:00") });
  const { repos, cache } = c.get("deps");
  const venue = await repos.venues.create(input);
  cache.venueChanged(venue.id);
  return c.json(toVenueJson(venue, c.get("lang")), 201);
};

export const updateHandler: AppRouteHandler<typeof update> = async (c) => {
  const { id } = c.req.valid("param");
  const patch = toPatch(c.req.valid("json"));
  const { repos, cache } = c.get("deps");
  const current = await repos.venues.get(id, { includeInactive: true });
  if (!current) throw new DomainError("VENUE_NOT_FOUND");
  assertHours({
    opening: parseTime(patch.openingTime ?? current.openingTime),
    closing: parseTime(patch.closingTime ?? current.closingTime),
  });
  const venue = await repos.venues.update(id, patch);
  if (!venue) throw new DomainError("VENUE_NOT_FOUND");
  cache.venueChanged(id);
  return c.json(toVenueJson(venue, c.get("lang")), 200);
};

export const removeHandler: AppRouteHandler<typeof remove> = async (c) => {
  const { id } = c.req.valid("param");
  const { repos, cache } = c.get("deps");
  if (!(await repos.venues.deactivate(id))) throw new DomainError("VENUE_NOT_FOUND");
  cache.venueChanged(id);
  return c.body(null, 204);
};
