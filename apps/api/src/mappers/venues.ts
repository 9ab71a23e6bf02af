// Venues and their units as the contract shows them: one language, or all three for admins.
import type { AdminUnit, Unit as UnitJson, UnitAllLanguages, Venue as VenueJson, VenueAllLanguages } from "@venue-booking/contract";
import { offeredUnits, pickTranslation } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import type { Unit, Venue } from "@venue-booking/db";
import { effectivePolicy, weeklyHoursOut } from "../services/calendar.ts";
import type { PolicyDefaults } from "../services/calendar.ts";

const POLICY_JSON = {
  minNoticeMinutes: "min_notice_minutes",
  horizonDays: "horizon_days",
  cancelUntilMinutes: "cancel_until_minutes",
  holdMinutes: "hold_minutes",
  maxLiveBookingsPerUser: "max_live_bookings_per_user",
} as const;

function calendar(v: Venue, defaults: PolicyDefaults) {
  const p = effectivePolicy(v, defaults);
  return {
    weekly_hours: weeklyHoursOut(v),
    slot_minutes: v.slotMinutes,
    min_duration_minutes: v.minDurationMinutes ?? v.slotMinutes,
    max_duration_minutes: v.maxDurationMinutes,
    price_rules: v.priceRules.map((r) => ({ ...r, unit_id: r.unit_id ?? null })),
    policy: {
      min_notice_minutes: p.minNoticeMinutes,
      horizon_days: p.horizonDays,
      cancel_until_minutes: p.cancelUntilMinutes,
      hold_minutes: p.holdMinutes,
      max_live_bookings_per_user: p.maxLiveBookingsPerUser,
      defaults: p.defaulted.map((k) => POLICY_JSON[k]),
    },
  };
}

function base(v: Venue, defaults: PolicyDefaults) {
  return {
    ...calendar(v, defaults),
    id: v.id,
    price_per_hour: v.pricePerHour,
    images: v.images,
    opening_time: v.openingTime,
    closing_time: v.closingTime,
    is_active: v.isActive,
    created_at: v.createdAt.toISOString(),
    updated_at: v.updatedAt.toISOString(),
  };
}

function unitBase(u: Unit) {
  return { id: u.id, kind: u.kind, capacity: u.capacity, price_per_hour: u.pricePerHour, contains: u.contains, sort_order: u.sortOrder };
}

function toUnitJson(u: Unit, lang: Lang): UnitJson {
  return { ...unitBase(u), name: pickTranslation(u.name, lang) };
}

export function toAdminUnitJson(u: Unit, lang: Lang): AdminUnit {
  return { ...toUnitJson(u, lang), is_active: u.isActive };
}

function toUnitAllJson(u: Unit): UnitAllLanguages {
  return { ...unitBase(u), name: u.name, is_active: u.isActive };
}

export function toVenueJson(v: Venue, lang: Lang, defaults: PolicyDefaults): VenueJson {
  return {
    ...base(v, defaults),
    name: pickTranslation(v.name, lang),
    address: pickTranslation(v.address, lang),
    description: pickTranslation(v.description, lang),
    amenities: v.amenities.map((a) => pickTranslation(a, lang)),
    units: offeredUnits(v.units).map((u) => toUnitJson(u, lang)),
  };
}

export function toVenueAllJson(v: Venue, defaults: PolicyDefaults): VenueAllLanguages {
  return {
    ...base(v, defaults),
    slug: v.slug,
    name: v.name,
    address: v.address,
    description: v.description,
    amenities: v.amenities,
    units: v.units.map(toUnitAllJson),
  };
}
