// Units of a venue (courts, lanes, pitch halves, pooled places) and what live bookings leave free
// of them. The database decides every booking (claims and counters); these rules only choose a
// unit to try and draw the free hours.
import { daysBetween, localDateTime, MINUTES_PER_DAY } from "./calendar.ts";
import type { IsoDate } from "./calendar.ts";
import { daySlots, DEFAULT_POLICY } from "./booking-rules.ts";
import type { BookingPolicy, VenueHours } from "./booking-rules.ts";
import type { Interval } from "./intervals.ts";
import { extendMerged, overlaps, overlapsAny } from "./intervals.ts";
import { DomainError } from "./errors.ts";
import { hourlyAt, weekdayOf } from "./hours.ts";
import type { PriceRule } from "./hours.ts";
import { compareMoney } from "./money.ts";
import type { Money } from "./money.ts";

/** What the rules need of a unit. `contains` is empty unless the unit combines others. */
export type UnitSpec = { id: number; capacity: number; contains: readonly number[] };

/** A live booking's time on a unit, with the places it takes (1 on an exclusive unit). */
export type Hold = Interval & { unitId: number; places: number };

/** The most places one unit sells at a time (the database holds the same bound). */
export const MAX_UNIT_CAPACITY = 1000;

export function isPooled(unit: UnitSpec): boolean {
  return unit.capacity > 1;
}

export function isCombined(unit: UnitSpec): boolean {
  return unit.contains.length > 0;
}

/** The exclusive units a booking of `unit` claims: its parts when combined, else itself. */
export function claimedUnits(unit: UnitSpec): readonly number[] {
  return isCombined(unit) ? unit.contains : [unit.id];
}

/**
 * Places of `unit` free through the whole of `range`: 0 or 1 for an exclusive unit (taken when a
 * hold on any unit claiming one of its parts overlaps), capacity minus the busiest moment for a
 * pooled one. `units` must hold every unit a hold may be on, inactive ones too.
 */
export function placesLeft(unit: UnitSpec, range: Interval, holds: readonly Hold[], units: ReadonlyMap<number, UnitSpec>): number {
  if (!isPooled(unit)) {
    const mine = new Set(claimedUnits(unit));
    for (const h of holds) {
      if (!overlaps(h, range)) continue;
      const holder = units.get(h.unitId);
      if (holder && !isPooled(holder) && claimedUnits(holder).some((id) => mine.has(id))) return 0;
    }
    return 1;
  }
  // The busiest moment of the range: usage only rises where a hold starts (or at the range start).
  const mine = holds.filter((h) => h.unitId === unit.id && overlaps(h, range));
  let busiest = 0;
  for (const at of [range.start, ...mine.map((h) => h.start).filter((s) => s > range.start && s < range.end)]) {
    const used = mine.reduce((sum, h) => (h.start <= at && at < h.end ? sum + h.places : sum), 0);
    busiest = Math.max(busiest, used);
  }
  return Math.max(0, unit.capacity - busiest);
}

/** Whether a hold can take from `unit`: a claim on one of its parts, or places of the pool itself. */
function holdTouches(h: Hold, unit: UnitSpec, units: ReadonlyMap<number, UnitSpec>): boolean {
  if (isPooled(unit)) return h.unitId === unit.id;
  const holder = units.get(h.unitId);
  if (!holder || isPooled(holder)) return false;
  const mine = claimedUnits(unit);
  return claimedUnits(holder).some((id) => mine.includes(id));
}

/**
 * The first of `candidates` (already in the venue's order) that can take `places` for the whole of
 * `range`, or null.
 */
export function chooseUnit<U extends UnitSpec>(
  candidates: readonly U[],
  range: Interval,
  places: number,
  holds: readonly Hold[],
  units: ReadonlyMap<number, UnitSpec>,
): U | null {
  return candidates.find((u) => placesLeft(u, range, holds, units) >= places) ?? null;
}

/** A closure's time on a business day, for the venue (unitId null) or one unit, with its reason. */
export type ClosureSpan<R = unknown> = Interval & { unitId: number | null; reason: R | null };

/** Whether a closure takes `unit` out of service: the whole venue, the unit, or a part they share. */
export function closes(closure: { unitId: number | null }, unit: UnitSpec, units: ReadonlyMap<number, UnitSpec>): boolean {
  if (closure.unitId === null || closure.unitId === unit.id) return true;
  const closed = units.get(closure.unitId);
  if (!closed || isPooled(closed) || isPooled(unit)) return false;
  const mine = new Set(claimedUnits(unit));
  return claimedUnits(closed).some((id) => mine.has(id));
}

/**
 * Closures as holds, for choosing a unit: each closed unit held whole for the closure's time (a pool
 * with all its places, an exclusive unit as a booking of it would).
 */
export function closureHolds(closures: readonly ClosureSpan[], allUnits: readonly UnitSpec[]): Hold[] {
  const byId = new Map(allUnits.map((u) => [u.id, u]));
  return closures.flatMap((c) =>
    allUnits
      .filter((u) => closes(c, u, byId) && !isCombined(u))
      .map((u) => ({ unitId: u.id, places: u.capacity, start: c.start, end: c.end })),
  );
}

export type UnitSlot = Interval & { available: boolean; placesLeft: number; closed: boolean; pricePerHour: Money };

export type UnitDay<U extends UnitSpec = UnitSpec> = { unit: U; slots: UnitSlot[]; freeRanges: Interval[] };

export type VenueSlot<R = unknown> = Interval & {
  available: boolean;
  freeUnits: number;
  totalUnits: number;
  /** Free places over every pooled unit; null when the venue has none. */
  placesLeft: number | null;
  /** Every unit shown is closed then (or the whole venue is), with the first closure's reason. */
  closed: boolean;
  closedReason: R | null;
  /** The lowest price per hour of the units shown: what the slot costs from. */
  pricePerHour: Money | null;
};

export type VenueDay<U extends UnitSpec = UnitSpec, R = unknown> = { slots: VenueSlot<R>[]; freeRanges: Interval[]; units: UnitDay<U>[] };

export type VenueDayInput<U extends UnitSpec & { pricePerHour?: Money | null } = UnitSpec, R = unknown> = {
  date: IsoDate;
  /** The business day's hours, or null when the venue is closed that day. */
  hours: VenueHours | null;
  /** The units to show, in the venue's order (the active ones). */
  units: readonly U[];
  /** Every unit of the venue, inactive ones too: holds on them still claim their parts. */
  allUnits: readonly UnitSpec[];
  /** Live bookings and sessions over the day, in minutes of its business day (from the day before too). */
  holds: readonly Hold[];
  closures?: readonly ClosureSpan<R>[];
  now: Date;
  policy?: Partial<BookingPolicy>;
  /** Prices: the rules, and the venue's price for units without their own. */
  prices?: { rules: readonly PriceRule[]; venuePrice: Money };
};

/**
 * A venue's day per unit and overall. A slot that has started (venue-local), lies within the notice
 * or beyond the horizon is free nowhere; a closed slot is closed and free nowhere; otherwise a
 * unit's slot is free when it has a place left, and the venue's slot is free when some unit's is.
 */
export function venueDay<U extends UnitSpec & { pricePerHour?: Money | null }, R = unknown>(input: VenueDayInput<U, R>): VenueDay<U, R> {
  const policy = { ...DEFAULT_POLICY, ...input.policy };
  if (!input.hours) return { slots: [], freeRanges: [], units: input.units.map((unit) => ({ unit, slots: [], freeRanges: [] })) };
  const today = localDateTime(input.now, policy.timeZone);
  const ahead = daysBetween(today.date, input.date);
  const beyondHorizon = ahead > policy.horizonDays;
  const byId = new Map(input.allUnits.map((u) => [u.id, u]));
  const grid = daySlots(input.hours, policy.slotMinutes);
  const n = grid.length;
  // minutes from now to the day's midnight, once: a slot is open from the notice on
  const midnight = ahead * MINUTES_PER_DAY - today.minutes;
  const notice = Math.max(0, policy.minNoticeMinutes);
  const weekday = weekdayOf(input.date);
  const rules = input.prices?.rules ?? [];
  const fallback = input.prices?.venuePrice ?? "0.00";
  const dayRange = { start: grid[0]?.start ?? 0, end: grid[n - 1]?.end ?? 0 };
  const holds = input.holds.filter((h) => h.end > h.start && overlaps(h, dayRange));
  const closures = (input.closures ?? []).filter((c) => c.end > c.start);
  // Loops rather than a callback per slot: this runs for every availability the cache cannot answer.
  const units: UnitDay<U>[] = input.units.map((unit) => {
    const mine = closures.filter((c) => closes(c, unit, byId));
    // the holds that can touch this unit on this day, found once rather than slot by slot
    const touching = holds.filter((h) => holdTouches(h, unit, byId));
    const slots: UnitSlot[] = new Array<UnitSlot>(n);
    const freeRanges: Interval[] = [];
    for (let i = 0; i < n; i++) {
      const s = grid[i] as Interval;
      const closed = overlapsAny(s, mine);
      const open = !beyondHorizon && midnight + s.start >= notice;
      const left = open && !closed ? slotPlacesLeft(unit, s, touching) : 0;
      const pricePerHour = hourlyAt(rules, weekday, s.start, unit.id, unit.pricePerHour ?? fallback);
      slots[i] = { start: s.start, end: s.end, available: left > 0, placesLeft: left, closed, pricePerHour };
      if (left > 0) extendMerged(freeRanges, s);
    }
    return { unit, slots, freeRanges };
  });
  const pooled = input.units.some(isPooled);
  // whether each closure closes one of the units shown (the one whose reason a closed slot gives)
  const closesShown = closures.map((c) => input.units.some((u) => closes(c, u, byId)));
  const slots: VenueSlot<R>[] = new Array<VenueSlot<R>>(n);
  const freeRanges: Interval[] = [];
  for (let i = 0; i < n; i++) {
    const s = grid[i] as Interval;
    let freeUnits = 0;
    let placesLeftSum = 0;
    let allClosed = units.length > 0;
    let cheapest: Money | null = null;
    for (const u of units) {
      const us = u.slots[i] as UnitSlot;
      if (us.available) freeUnits++;
      if (isPooled(u.unit)) placesLeftSum += us.placesLeft;
      if (!us.closed) allClosed = false;
      // the first of the lowest (equal amounts are spelt alike, so only different ones are compared)
      if (cheapest === null || (us.pricePerHour !== cheapest && compareMoney(us.pricePerHour, cheapest) < 0)) cheapest = us.pricePerHour;
    }
    const venueClosure = closures.find((c) => c.unitId === null && overlaps(c, s));
    const closed = venueClosure !== undefined || allClosed;
    // the reason of a closure that closes what is shown (the venue, or one of the units shown)
    const shownClosure = closed ? (venueClosure ?? closures.find((c, k) => closesShown[k] && overlaps(c, s))) : undefined;
    slots[i] = {
      start: s.start,
      end: s.end,
      available: freeUnits > 0,
      freeUnits,
      totalUnits: input.units.length,
      placesLeft: pooled ? placesLeftSum : null,
      closed,
      closedReason: shownClosure?.reason ?? null,
      pricePerHour: cheapest,
    };
    if (freeUnits > 0) extendMerged(freeRanges, s);
  }
  return { slots, freeRanges, units };
}

/** Places of `unit` left through slot `s`, given the holds that can touch it (see placesLeft). */
function slotPlacesLeft(unit: UnitSpec, s: Interval, touching: readonly Hold[]): number {
  if (!isPooled(unit)) return overlapsAny(s, touching) ? 0 : 1;
  return placesLeft(unit, s, touching, EMPTY_UNITS);
}

const EMPTY_UNITS: ReadonlyMap<number, UnitSpec> = new Map();

export type UnitConfig = UnitSpec & { isActive: boolean };

/**
 * The units a venue offers, in its order: the active ones, but not a combined unit with a part out
 * of service (booking it would take that part).
 */
export function offeredUnits<U extends UnitConfig>(units: readonly U[]): U[] {
  const active = new Set(units.filter((u) => u.isActive).map((u) => u.id));
  return units.filter((u) => u.isActive && u.contains.every((id) => active.has(id)));
}

/**
 * Throws INVALID_CONTAINS unless every combined unit of the venue is exclusive and made of at least
 * two distinct exclusive units of the venue that combine nothing themselves (one level deep).
 */
export function assertUnitConfig(units: readonly UnitConfig[]): void {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    if (!isCombined(u)) continue;
    const parts = new Set(u.contains);
    const ok =
      !isPooled(u) &&
      parts.size === u.contains.length &&
      parts.size >= 2 &&
      u.contains.every((id) => {
        const part = byId.get(id);
        return part !== undefined && id !== u.id && !isPooled(part) && !isCombined(part);
      });
    if (!ok) throw new DomainError("INVALID_CONTAINS", { field: "contains", params: { unit: u.id } });
  }
}
