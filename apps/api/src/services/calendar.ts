// A venue's calendar as the rules read it: its week, price rules and policy, with the server's
// defaults where the venue set none. Pure functions of the venue row and the config.
import type { Config } from "../config.ts";
import type { AppDeps } from "../deps.ts";
import { localStampOf, parseTime, uniformWeek, weekOf } from "@venue-booking/core";
import type { PriceRule, Week } from "@venue-booking/core";
import type { Venue, VenuePolicy } from "@venue-booking/db";

/** The server-wide policy every venue starts from. */
export type PolicyDefaults = { [K in keyof VenuePolicy]: number };

export function policyDefaults(config: Config): PolicyDefaults {
  return {
    minNoticeMinutes: config.minNoticeMinutes,
    horizonDays: config.horizonDays,
    cancelUntilMinutes: config.cancelUntilMinutes,
    holdMinutes: config.holdMinutes,
    maxLiveBookingsPerUser: config.maxLiveBookingsPerUser,
  };
}

/** The venue's policy in force: its own values, the defaults for the rest, and which those are. */
export function effectivePolicy(
  venue: Pick<Venue, "policy">,
  defaults: PolicyDefaults,
): PolicyDefaults & { defaulted: (keyof VenuePolicy)[] } {
  const keys = Object.keys(defaults) as (keyof VenuePolicy)[];
  const out = { ...defaults, defaulted: [] as (keyof VenuePolicy)[] };
  for (const k of keys) {
    const own = venue.policy[k];
    if (own === null) out.defaulted.push(k);
    else out[k] = own;
  }
  return out;
}

export function weekOfVenue(venue: Pick<Venue, "weeklyHours" | "openingTime" | "closingTime">): Week {
  if (!venue.weeklyHours) return uniformWeek(parseTime(venue.openingTime), parseTime(venue.closingTime));
  return weekOf(
    venue.weeklyHours.map((d) => ({ weekday: d.weekday, opening: parseTime(d.opening_time), closing: parseTime(d.closing_time) })),
  );
}

export function rulesOf(venue: Pick<Venue, "priceRules">): PriceRule[] {
  return venue.priceRules.map((r) => ({
    weekdays: r.weekdays,
    start: parseTime(r.start_time),
    end: parseTime(r.end_time),
    pricePerHour: r.price_per_hour,
    unitId: r.unit_id ?? null,
  }));
}

/** The open weekdays as the venue's reads list them (every day alike when it set no week). */
export function weeklyHoursOut(venue: Pick<Venue, "weeklyHours" | "openingTime" | "closingTime">) {
  if (venue.weeklyHours) return [...venue.weeklyHours].sort((a, b) => a.weekday - b.weekday);
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opening_time: venue.openingTime, closing_time: venue.closingTime }));
}

/** Now on the venues' wall clock, "YYYY-MM-DD HH:MM": what notices, limits and the lifecycle compare with. */
export function localNow(deps: AppDeps): string {
  return localStampOf(deps.clock(), deps.config.timeZone);
}
