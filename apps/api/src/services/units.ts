// Unit use cases for admins: add, change and deactivate a venue's courts, lanes and pooled places.
// Each runs in one transaction with the venue row locked (the lock bookings of the venue take too),
// checks the venue's whole set of units as it would be after the change, and lets the database
// refuse what would break a live booking (capacity below places sold, parts that are taken).
import type { UnitCreate, UnitUpdate } from "@venue-booking/contract";
import { assertUnitConfig, DomainError, isCombined } from "@venue-booking/core";
import { repositories, withTransaction } from "@venue-booking/db";
import type { Repositories, TransactionOptions, Unit, UnitPatch } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";

function toUnitPatch(body: UnitUpdate): UnitPatch {
  const p: UnitPatch = {};
  if (body.name !== undefined) p.name = body.name;
  if (body.kind !== undefined) p.kind = body.kind;
  if (body.capacity !== undefined) p.capacity = body.capacity;
  if (body.price_per_hour !== undefined) p.pricePerHour = body.price_per_hour;
  if (body.contains !== undefined) p.contains = body.contains;
  if (body.sort_order !== undefined) p.sortOrder = body.sort_order;
  if (body.is_active !== undefined) p.isActive = body.is_active;
  return p;
}

/** The venue's units, read with the venue locked; VENUE_NOT_FOUND when there is no such venue. */
async function lockedUnits(repos: Repositories, venueId: number): Promise<Unit[]> {
  if (!(await repos.units.lockVenue(venueId))) throw new DomainError("VENUE_NOT_FOUND");
  return repos.units.listByVenue(venueId);
}

/** Parts a change names anew must be active units of the venue (existing combinations may keep deactivated ones). */
function assertPartsActive(units: readonly Unit[], contains: readonly number[] | undefined): void {
  if (!contains) return;
  const active = new Set(units.filter((u) => u.isActive).map((u) => u.id));
  if (!contains.every((id) => active.has(id))) throw new DomainError("INVALID_CONTAINS", { field: "contains" });
}

export async function addUnit(deps: AppDeps, input: { venueId: number; body: UnitCreate } & TransactionOptions): Promise<Unit> {
  const patch = toUnitPatch(input.body);
  const unit = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    const units = await lockedUnits(repos, input.venueId);
    assertPartsActive(units, patch.contains);
    // The new unit's id is not known yet; 0 stands for it in the check.
    assertUnitConfig([...units, { id: 0, capacity: patch.capacity ?? 1, contains: patch.contains ?? [], isActive: true }]);
    return repos.units.create(input.venueId, { sortOrder: units.length, ...patch, name: input.body.name });
  });
  deps.cache.venueChanged(input.venueId);
  return unit;
}

export async function updateUnit(
  deps: AppDeps,
  input: { venueId: number; unitId: number; body: UnitUpdate } & TransactionOptions,
): Promise<Unit> {
  const patch = toUnitPatch(input.body);
  const unit = await withTransaction(deps.database.db, { deadline: input.deadline }, async (tx) => {
    const repos = repositories(tx);
    const units = await lockedUnits(repos, input.venueId);
    const current = units.find((u) => u.id === input.unitId);
    if (!current) throw new DomainError("UNIT_NOT_FOUND");
    const next = { ...current, ...patch };
    // Some plain unit stays: a combined unit alone (or one with a part out of service) takes no booking.
    const after = units.map((u) => (u.id === next.id ? next : u));
    if (current.isActive && !next.isActive && !after.some((u) => u.isActive && !isCombined(u))) throw new DomainError("LAST_UNIT");
    assertPartsActive(units, patch.contains);
    assertUnitConfig(after);
    const updated = await repos.units.update(input.venueId, input.unitId, patch);
    if (!updated) throw new DomainError("UNIT_NOT_FOUND");
    return updated;
  });
  deps.cache.venueChanged(input.venueId);
  return unit;
}

/** Deactivates a unit: it is no longer offered; its bookings stand. */
export async function removeUnit(deps: AppDeps, input: { venueId: number; unitId: number } & TransactionOptions): Promise<void> {
  await updateUnit(deps, { ...input, body: { is_active: false } });
}
