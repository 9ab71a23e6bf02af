// Unit data access: a venue's courts, lanes and pooled places. Writes run with the venue row
// locked (lockVenue), the lock every booking of the venue also takes, so a unit changes between
// bookings, never under one. The database checks a unit's shape and what bookings hold follows its
// changes (migration 0005): parts that are not plain exclusive units of the venue, a capacity below
// places sold, a switch between exclusive and pooled while held, or new parts that are taken, fail
// the statement itself.
import { DomainError } from "@venue-booking/core";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { CHECK_VIOLATION, constraintName, EXCLUSION_VIOLATION, sqlState } from "./errors.ts";
import { units } from "./schema/units.ts";
import type { UnitRow } from "./schema/units.ts";
import { venues } from "./schema/venues.ts";
import type { TranslatedText } from "./schema/venues.ts";

export type Unit = {
  id: number;
  venueId: number;
  name: TranslatedText;
  kind: string | null;
  capacity: number;
  pricePerHour: string | null;
  contains: number[];
  sortOrder: number;
  isActive: boolean;
};

export type UnitInput = {
  name: TranslatedText;
  kind?: string | null;
  capacity?: number;
  pricePerHour?: string | null;
  contains?: number[];
  sortOrder?: number;
  isActive?: boolean;
};

export type UnitPatch = Partial<UnitInput>;

const columns = {
  id: units.id,
  venueId: units.venueId,
  name: units.name,
  kind: units.kind,
  capacity: units.capacity,
  pricePerHour: units.pricePerHour,
  contains: units.contains,
  sortOrder: units.sortOrder,
  isActive: units.isActive,
};

function toUnit(row: Pick<UnitRow, keyof typeof columns>): Unit {
  return { ...row, contains: [...row.contains].sort((a, b) => a - b) };
}

/**
 * A venue's units as one JSON array, in the venue's order, for reading them in the venue's own
 * statement (no second round trip). The venue's id is spelt out in full: drizzle writes a column
 * of a one-table query unqualified, and a bare "id" here would be the unit's own.
 */
export function unitsJson() {
  const venueId = sql.raw('"venues"."id"');
  return sql<UnitJsonRow[]>`(select coalesce(jsonb_agg(jsonb_build_object(
      'id', u.id, 'venueId', u.venue_id, 'name', u.name, 'kind', u.kind, 'capacity', u.capacity,
      'pricePerHour', u.price_per_hour::text, 'contains', u.contains, 'sortOrder', u.sort_order, 'isActive', u.is_active)
      order by u.sort_order, u.id), '[]'::jsonb) from units u where u.venue_id = ${venueId})`;
}

type UnitJsonRow = Unit;

/** Units read through unitsJson, parts in ascending order. */
export function toUnits(rows: UnitJsonRow[]): Unit[] {
  return rows.map(toUnit);
}

function setPart(input: UnitPatch) {
  const set: Partial<typeof units.$inferInsert> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.capacity !== undefined) set.capacity = input.capacity;
  if (input.pricePerHour !== undefined) set.pricePerHour = input.pricePerHour;
  if (input.contains !== undefined) set.contains = [...input.contains].sort((a, b) => a - b);
  if (input.sortOrder !== undefined) set.sortOrder = input.sortOrder;
  if (input.isActive !== undefined) set.isActive = input.isActive;
  return set;
}

// What each refusal of a unit write by the database means.
const REFUSALS: Record<string, { code: "CAPACITY_BELOW_SOLD" | "UNIT_IN_USE" | "INVALID_CONTAINS"; field: string }> = {
  unit_usage_within_capacity: { code: "CAPACITY_BELOW_SOLD", field: "capacity" },
  units_mode_in_use: { code: "UNIT_IN_USE", field: "unit_id" },
  units_parts_exclusive: { code: "INVALID_CONTAINS", field: "contains" },
  unit_claims_no_overlap: { code: "UNIT_IN_USE", field: "contains" },
};

/** A unit write the database refused (its shape, or its effect on live bookings), as the domain error it means. */
async function holdsChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const state = sqlState(e);
    const refusal = REFUSALS[constraintName(e) ?? ""];
    if (refusal && (state === CHECK_VIOLATION || state === EXCLUSION_VIOLATION)) {
      throw new DomainError(refusal.code, { field: refusal.field, cause: e });
    }
    throw e;
  }
}

export function unitsRepository(db: Database) {
  /** Locks the venue row against bookings and other unit writes; false when there is no such venue. */
  async function lockVenue(venueId: number): Promise<boolean> {
    const [row] = await db.select({ id: venues.id }).from(venues).where(eq(venues.id, venueId)).for("update").limit(1);
    return row !== undefined;
  }

  /** Every unit of the venue, inactive ones too, in the venue's order. */
  async function listByVenue(venueId: number): Promise<Unit[]> {
    const rows = await db.select(columns).from(units).where(eq(units.venueId, venueId)).orderBy(asc(units.sortOrder), asc(units.id));
    return rows.map(toUnit);
  }

  async function create(venueId: number, input: UnitInput): Promise<Unit> {
    const [row] = await holdsChecked(() =>
      db
        .insert(units)
        .values({ ...setPart(input), venueId } as typeof units.$inferInsert)
        .returning(columns),
    );
    if (!row) throw new Error("unit insert returned no row");
    return toUnit(row);
  }

  async function update(venueId: number, id: number, patch: UnitPatch): Promise<Unit | null> {
    const [row] = await holdsChecked(() =>
      db
        .update(units)
        .set({ ...setPart(patch), updatedAt: sql`now()` })
        .where(and(eq(units.venueId, venueId), eq(units.id, id)))
        .returning(columns),
    );
    return row ? toUnit(row) : null;
  }

  return { lockVenue, listByVenue, create, update };
}

export type UnitsRepository = ReturnType<typeof unitsRepository>;
