// Idempotent seeding: a venue whose Russian name already exists is brought back to the seed values.
import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { SEED_VENUES } from "./seed-data.ts";
import { venues } from "./schema/venues.ts";
import { venuesRepository } from "./venues.ts";

export async function seed(db: Database): Promise<{ created: number; updated: number }> {
  const repo = venuesRepository(db);
  let created = 0;
  let updated = 0;
  for (const input of SEED_VENUES) {
    const [existing] = await db
      .select({ id: venues.id })
      .from(venues)
      .where(sql`${venues.name}->>'ru' = ${input.name.ru}`)
      .orderBy(venues.id)
      .limit(1);
    const full = { isActive: true, openingTime: "09:00", closingTime: "22:00", ...input };
    if (existing) {
      await repo.update(existing.id, full);
      updated += 1;
    } else {
      await repo.create(full);
      created += 1;
    }
  }
  return { created, updated };
}

/** True when the database has no venue at all (a brand-new embedded database). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: venues.id }).from(venues).limit(1);
  return !row;
}
