// Units of a venue (courts, lanes, pitch halves, pooled places) and what live bookings leave free
// of them. The database decides every booking (claims and counters); these rules only choose a
// unit to try and draw the free hours.
import { compareLocal, daysBetween, localDateTime } from "./calendar.ts";
import type { IsoDate } from "./calendar.ts";
import { daySlots, DEFAULT_POLICY } from "./booking-rules.ts";
import type { BookingPolicy, VenueHours } from "./booking-rules.ts";
import type { Interval } from "./intervals.ts";
import { mergeIntervals, overlaps } from "./intervals.ts";
import { DomainError } from "./errors.ts";

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

export type UnitSlot = Interval & { available: boolean; placesLeft: number };

export type UnitDay<U extends UnitSpec = UnitSpec> = { unit: U; slots: UnitSlot[]; freeRanges: Interval[] };

export type VenueSlot = Interval & {
  available: boolean;
  freeUnits: number;
  totalUnits: number;
  /** Free places over every pooled unit; null when the venue has none. */
  placesLeft: number | null;
};

export type VenueDay<U extends UnitSpec = UnitSpec> = { slots: VenueSlot[]; freeRanges: Interval[]; units: UnitDay<U>[] };

export type VenueDayInput<U extends UnitSpec = UnitSpec> = {
  date: IsoDate;
  hours: VenueHours;
  /** The units to show, in the venue's order (the active ones). */
  units: readonly U[];
  /** Every unit of the venue, inactive ones too: holds on them still claim their parts. */
  allUnits: readonly UnitSpec[];
  holds: readonly Hold[];
  now: Date;
  policy?: Partial<BookingPolicy>;
};

/**
 * A venue's day per unit and overall. A slot that has started (venue-local) or lies beyond the
 * horizon is free nowhere; otherwise a unit's slot is free when it has a place left, and the
 * venue's slot is free when some unit's is.
 */
export function venueDay<U extends UnitSpec>(input: VenueDayInput<U>): VenueDay<U> {
  const policy = { ...DEFAULT_POLICY, ...input.policy };
  const today = localDateTime(input.now, policy.timeZone);
  const beyondHorizon = daysBetween(today.date, input.date) > policy.horizonDays;
  const byId = new Map(input.allUnits.map((u) => [u.id, u]));
  const holds = input.holds.filter((h) => h.end > h.start);
  const grid = daySlots(input.hours, policy.slotMinutes);
  const open = grid.map((s) => !beyondHorizon && compareLocal({ date: input.date, minutes: s.start }, today) >= 0);
  const units: UnitDay<U>[] = input.units.map((unit) => {
    const slots = grid.map((s, i) => {
      const left = open[i] ? placesLeft(unit, s, holds, byId) : 0;
      return { ...s, available: left > 0, placesLeft: left };
    });
    return { unit, slots, freeRanges: mergeIntervals(slots.filter((s) => s.available)) };
  });
  const pooled = input.units.some(isPooled);
  const slots = grid.map((s, i) => {
    const freeUnits = units.filter((u) => u.slots[i]?.available).length;
    const placesLeftSum = units.reduce((sum, u) => (isPooled(u.unit) ? sum + (u.slots[i]?.placesLeft ?? 0) : sum), 0);
    return { ...s, available: freeUnits > 0, freeUnits, totalUnits: input.units.length, placesLeft: pooled ? placesLeftSum : null };
  });
  return { slots, freeRanges: mergeIntervals(slots.filter((s) => s.available)), units };
}

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
