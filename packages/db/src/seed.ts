// Idempotent seeding: a venue whose Russian name already exists is brought back to the seed values.
import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { SEED_VENUES } from "./seed-data.ts";
import { venues } from "./schema/venues.ts";
import { withTransaction } from "./transaction.ts";
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
    for (const input of SEED_VENUES) {
      const [existing] = await tx
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
  });
}

/** True when the database has no venue at all (a brand-new embedded database). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: venues.id }).from(venues).limit(1);
  return !row;
}
