// A venue's day as GET /api/venues/{id}/availability serves it. Most requests are for a day the cache
// has not rendered, so a miss is kept cheap: the venue comes from the read cache, the day's holds,
// closures and sessions from one prepared statement (shared by the days asked for meanwhile), and
// the body is written as UTF-8 straight from the day's figures, with what a copy of the venue fixes
// for every day (its week, price rules, offered units) worked out once per copy.
import { DomainError, formatClock, hoursOn, MINUTES_PER_DAY, offeredUnits, pickTranslation, price, venueDay } from "@venue-booking/core";
import type { Interval, Lang, Money, PriceRule, VenueDay, Week } from "@venue-booking/core";
import type { DaySession, TranslatedText, Unit, Venue } from "@venue-booking/db";
import type { Config } from "../config.ts";
import type { AppDeps } from "../deps.ts";
import { JsonBytes } from "../lib/json-bytes.ts";
import { effectivePolicy, policyDefaults, rulesOf, weekOfVenue } from "./calendar.ts";
import type { PolicyDefaults } from "./calendar.ts";

type VenuePlan = { week: Week; rules: PriceRule[]; offered: Unit[]; policy: PolicyDefaults };

// Keyed by the cached copy itself: a changed venue is a new copy, and an old one takes its plan with it.
const plans = new WeakMap<Venue, VenuePlan>();

// (a copy belongs to one process's cache, whose server defaults do not change)
function planOf(venue: Venue, config: Config): VenuePlan {
  let plan = plans.get(venue);
  if (!plan) {
    plan = {
      week: weekOfVenue(venue),
      rules: rulesOf(venue),
      offered: offeredUnits(venue.units),
      policy: effectivePolicy(venue, policyDefaults(config)),
    };
    plans.set(venue, plan);
  }
  return plan;
}

/**
 * Memoised text of small values that recur in every day (slot times, a slot's price at an hourly
 * rate), bounded: past `max` entries it starts again rather than grow with odd inputs.
 */
function memo<K, V>(max: number, make: (key: K) => V): (key: K) => V {
  let known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= max) known = new Map();
      known.set(key, (value = make(key)));
    }
    return value;
  };
}

/** `"start_time":"09:00","end_time":"10:00"`, by start * 4096 + end (minutes of a business day stay below 4096). */
const spanFields = memo(4096, (key: number) => {
  const start = Math.floor(key / 4096);
  return `"start_time":"${formatClock(start, "start")}","end_time":"${formatClock(key - start * 4096)}"`;
});
const span = (i: Interval) => spanFields(i.start * 4096 + i.end);

/** `,"price_per_hour":"…","price":"…"}`: a slot's price fields at an hourly price, per length of slot. */
const priceFields = memo(8, (minutes: number) =>
  memo(4096, (hourly: Money) => `,"price_per_hour":"${hourly}","price":"${price(hourly, minutes)}"}`),
);

// Rendering is synchronous from start to done: one writer serves every request.
const json = new JsonBytes();

function ranges(w: JsonBytes, list: readonly Interval[]): void {
  w.raw("[");
  for (let i = 0; i < list.length; i++) {
    w.raw(i ? ",{" : "{");
    w.raw(span(list[i] as Interval)).raw("}");
  }
  w.raw("]");
}

/** The response body, field by field in the contract's order (AvailabilitySchema), as UTF-8. */
function dayJson(input: {
  venueId: number;
  date: string;
  hours: { opening: number; closing: number } | null;
  slotMinutes: number;
  day: VenueDay<Unit, TranslatedText>;
  sessions: readonly DaySession[];
  lang: Lang;
}): Uint8Array<ArrayBuffer> {
  const { day, hours, lang } = input;
  const prices = priceFields(input.slotMinutes);
  const w = json.start();
  w.raw('{"venue_id":').int(input.venueId).raw(',"date":').text(input.date);
  w.raw(',"opening_time":').raw(hours ? `"${formatClock(hours.opening, "start")}"` : "null");
  w.raw(',"closing_time":').raw(hours ? `"${formatClock(hours.closing)}"` : "null");
  w.raw(hours ? ',"closed":false,"slot_minutes":' : ',"closed":true,"slot_minutes":')
    .int(input.slotMinutes)
    .raw(',"slots":[');
  const pooled = day.slots.some((s) => s.placesLeft !== null);
  for (let i = 0; i < day.slots.length; i++) {
    const s = day.slots[i] as VenueDay["slots"][number];
    w.raw(i ? ",{" : "{").raw(span(s));
    w.raw(s.available ? ',"available":true,"free_units":' : ',"available":false,"free_units":').int(s.freeUnits);
    w.raw(',"total_units":').int(s.totalUnits);
    if (pooled) w.raw(',"places_left":').int(s.placesLeft ?? 0);
    if (s.start >= MINUTES_PER_DAY) w.raw(',"next_day":true');
    w.raw(s.closed ? ',"closed":true,"closed_reason":' : ',"closed":false,"closed_reason":');
    if (s.closedReason) w.text(pickTranslation(s.closedReason as TranslatedText, lang));
    else w.raw("null");
    w.raw(s.pricePerHour === null ? ',"price_per_hour":null,"price":null}' : prices(s.pricePerHour));
  }
  w.raw('],"free_ranges":');
  ranges(w, day.freeRanges);
  w.raw(',"units":[');
  for (let k = 0; k < day.units.length; k++) {
    const { unit, slots, freeRanges } = day.units[k] as VenueDay<Unit>["units"][number];
    const places = unit.capacity > 1;
    w.raw(k ? ',{"id":' : '{"id":')
      .int(unit.id)
      .raw(',"name":')
      .text(pickTranslation(unit.name, lang))
      .raw(',"kind":');
    if (unit.kind === null) w.raw("null");
    else w.text(unit.kind);
    w.raw(',"capacity":').int(unit.capacity).raw(',"slots":[');
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i] as (typeof slots)[number];
      w.raw(i ? ",{" : "{")
        .raw(span(s))
        .raw(s.available ? ',"available":true' : ',"available":false');
      if (places) w.raw(',"places_left":').int(s.placesLeft);
      w.raw(s.closed ? ',"closed":true' : ',"closed":false').raw(prices(s.pricePerHour));
    }
    w.raw('],"free_ranges":');
    ranges(w, freeRanges);
    w.raw("}");
  }
  w.raw('],"sessions":[');
  for (let i = 0; i < input.sessions.length; i++) {
    const s = input.sessions[i] as DaySession;
    w.raw(i ? ',{"id":' : '{"id":')
      .int(s.id)
      .raw(',"title":')
      .text(pickTranslation(s.title, lang));
    w.raw(',"unit_id":').int(s.unitId).raw(',"start_time":').text(s.startTime).raw(',"end_time":').text(s.endTime);
    w.raw(',"places_left":')
      .int(Math.max(0, s.capacity - s.placesSold))
      .raw("}");
  }
  return w.raw("]}").done();
}

/** A venue's day, or one unit's, as finished JSON in UTF-8. */
async function renderDay(deps: AppDeps, input: { id: number; date: string; unitId?: number | undefined; lang: Lang }, now: Date) {
  const { id, date, unitId, lang } = input;
  const { repos, config, cache } = deps;
  const venue = await cache.venue(id, () => repos.venues.get(id));
  if (!venue) throw new DomainError("VENUE_NOT_FOUND");
  const plan = planOf(venue, config);
  const shown = unitId === undefined ? plan.offered : plan.offered.filter((u) => u.id === unitId);
  if (unitId !== undefined && shown.length === 0) throw new DomainError("UNIT_NOT_FOUND", { field: "unit_id" });
  const hours = hoursOn(plan.week, date);
  const state = await cache.busy(id, date, () => repos.availability.day(id, date));
  const day = venueDay({
    date,
    hours,
    units: shown,
    allUnits: venue.units,
    holds: state.holds,
    closures: state.closures,
    now,
    policy: {
      timeZone: config.timeZone,
      horizonDays: plan.policy.horizonDays,
      minNoticeMinutes: plan.policy.minNoticeMinutes,
      slotMinutes: venue.slotMinutes,
    },
    prices: { rules: plan.rules, venuePrice: venue.pricePerHour },
  });
  const sessions = unitId === undefined ? state.sessions : state.sessions.filter((s) => s.unitId === unitId);
  return dayJson({ venueId: id, date, hours, slotMinutes: venue.slotMinutes, day, sessions, lang });
}

/**
 * A venue's day as finished JSON, in UTF-8: per slot whether some unit is free and how many, and
 * each unit's own slots and free ranges. The whole day is cached for the minute it was rendered in
 * (per language: units have names); one unit's day is drawn from the cached venue and bookings.
 */
export function availabilityJson(
  deps: AppDeps,
  input: { id: number; date: string; unitId?: number | undefined; lang: Lang },
): Promise<Uint8Array<ArrayBuffer>> {
  const now = deps.clock();
  const render = () => renderDay(deps, input, now);
  if (input.unitId !== undefined) return render();
  return deps.cache.availability(input.id, input.date, input.lang, now, render);
}
