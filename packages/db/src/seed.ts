// Idempotent seeding: a venue whose Russian name already exists is brought back to the seed values.
import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { SEED_VENUES } from "./seed-data.ts";
import type { SeedUnit } from "./seed-data.ts";
import { venues } from "./schema/venues.ts";
import type { TranslatedText } from "./schema/venues.ts";
import { withTransaction } from "./transaction.ts";
import { unitsRepository } from "./units.ts";
import type { Unit, UnitInput } from "./units.ts";
import { venuesRepository } from "./venues.ts";

// One arbitrary 64-bit key for the advisory lock under which seeding looks and writes.
const SEED_LOCK = 7_231_002_105;

/**
 * Adds the demo venues, or brings them back to their seed values; with `onlyIfEmpty`, only into a
 * database without venues. One transaction under an advisory lock, so seeds running at once (replicas
 * starting with SEED_DEMO, `node dist/seed.js` run twice) add each venue once.
 */
export async function seed(db: Database, opts: { onlyIfEmpty?: boolean } = {}): Promise<{ created: number; updated: number }> {
  return withTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (opts.onlyIfEmpty && !(await isEmpty(tx))) return { created: 0, updated: 0 };
    const repo = venuesRepository(tx);
    let created = 0;
    let updated = 0;
    for (const { units, ...input } of SEED_VENUES) {
      const [existing] = await tx
        .select({ id: venues.id })
        .from(venues)
        .where(sql`${venues.name}->>'ru' = ${input.name.ru}`)
        .orderBy(venues.id)
        .limit(1);
      const full = { isActive: true, openingTime: "09:00", closingTime: "22:00", ...input };
      let id: number;
      if (existing) {
        await repo.update(existing.id, full);
        id = existing.id;
        updated += 1;
      } else {
        // Created with its one unit named after it, which seedUnits then takes over like any older venue's.
        id = (await repo.create(full)).id;
        created += 1;
      }
      if (units) await seedUnits(tx, { id, name: input.name }, units);
    }
    return { created, updated };
  });
}

/**
 * Brings a demo venue's units back to the seed. Each is found by its Russian name, else the unit
 * named after the venue (the one every venue had before it had units) is taken over, by the
 * combined unit when there is one since it stood for the whole venue, and its bookings with it;
 * the rest are created. Parts are resolved by name once they all exist. Units are never deleted,
 * nor other units touched: bookings reference them.
 */
async function seedUnits(tx: Database, venue: { id: number; name: TranslatedText }, seedList: readonly SeedUnit[]): Promise<void> {
  const repo = unitsRepository(tx);
  await repo.lockVenue(venue.id);
  const byName = new Map<string, Unit>();
  for (const u of await repo.listByVenue(venue.id)) if (!byName.has(u.name.ru)) byName.set(u.name.ru, u);
  const names = new Set(seedList.map((u) => u.name.ru));
  const heir = seedList.find((u) => u.contains?.length) ?? seedList[0];
  const ids = new Map<string, number>();
  const combined: { id: number; parts: string[] }[] = [];
  for (const [i, { contains, ...unit }] of seedList.entries()) {
    // Parts come later; a unit that combines nothing combines nothing now either.
    const values: UnitInput = {
      kind: null,
      capacity: 1,
      pricePerHour: null,
      ...(contains ? {} : { contains: [] }),
      ...unit,
      sortOrder: i,
      isActive: true,
    };
    const found =
      byName.get(unit.name.ru) ?? (unit.name.ru === heir?.name.ru && !names.has(venue.name.ru) ? byName.get(venue.name.ru) : undefined);
    const written = found ? await repo.update(venue.id, found.id, values) : await repo.create(venue.id, values);
    if (!written) throw new Error(`unit ${found?.id} of venue ${venue.id} vanished while seeding`);
    ids.set(unit.name.ru, written.id);
    if (contains) combined.push({ id: written.id, parts: contains });
  }
  for (const { id, parts } of combined) {
    const contains = parts.map((name) => {
      const part = ids.get(name);
      if (part === undefined) throw new Error(`a seed unit of venue ${venue.id} contains "${name}", which its seed units do not name`);
      return part;
    });
    await repo.update(venue.id, id, { contains });
  }
}

/** True when the database has no venue at all (a brand-new embedded database). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: venues.id }).from(venues).limit(1);
  return !row;
}
