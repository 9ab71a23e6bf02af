// The booking lifecycle job: confirmed bookings that have ended become completed; pending ones
// whose start has passed without a confirmation become cancelled ("expired"), and so do pending ones
// the venue has not confirmed within its hold time ("hold_expired"). Each run is one
// idempotent statement per rule, safe in every replica at once: a row moves only while it still
// has the old status, and its audit row is written by the same statement. What the bookings held
// (unit claims, pooled places) is released by their trigger inside that same statement; counters
// of five minutes that have passed and hold nothing are then dropped.
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { rowsOf } from "./paging.ts";
import { PgTransaction } from "drizzle-orm/pg-core";
import { retryOnConflict } from "./transaction.ts";

export type LifecycleResult = {
  completed: number;
  expired: number;
  holdsExpired: number;
  /** The venues and days whose time the cancellations freed (for the waitlist). */
  freed: { venueId: number; date: string }[];
};

/**
 * `localNow` is the venue wall-clock time as "YYYY-MM-DD HH:MM"; `now` the moment it is (pending
 * holds are timed from their creation). A venue's `hold_minutes` (else `defaultHoldMinutes`; 0 keeps
 * an unconfirmed booking until its start) lets go of a pending booking that long after it was made.
 */
export async function runLifecycle(
  db: Database,
  localNow: string,
  now: Date = new Date(),
  defaultHoldMinutes = 0,
): Promise<LifecycleResult> {
  const completed = (await move(db, "confirmed", "completed", "ended", sql`upper(during) <= ${localNow}::timestamp`)).length;
  const expired = await move(db, "pending", "cancelled", "expired", sql`lower(during) <= ${localNow}::timestamp`);
  const holds = await move(
    db,
    "pending",
    "cancelled",
    "hold_expired",
    // holds are at least a minute long: the first condition lets the index of pending bookings by age answer
    sql`bookings.created_at <= ${now.toISOString()}::timestamptz - interval '1 minute'
        and exists (select 1 from venues v
                     where v.id = bookings.venue_id and coalesce(v.hold_minutes, ${defaultHoldMinutes}) > 0
                       and bookings.created_at + make_interval(mins => coalesce(v.hold_minutes, ${defaultHoldMinutes})) <= ${now.toISOString()}::timestamptz)`,
  );
  await db.execute(sql`delete from unit_usage where used = 0 and slot_start < ${localNow}::timestamp`);
  const freed = new Map([...expired, ...holds].map((f) => [`${f.venueId} ${f.date}`, f]));
  return { completed, expired: expired.length, holdsExpired: holds.length, freed: [...freed.values()] };
}

/**
 * Moves every booking still in `from` whose time has come, with its audit row; returns how many.
 * Retried when chosen as a deadlock victim: its releases of counters can cross a player's cancel.
 */
async function move(db: Database, from: string, to: string, reason: string, due: SQL): Promise<{ venueId: number; date: string }[]> {
  const run = () =>
    db.execute(sql`
    with moved as (
      update bookings set status = ${to}, updated_at = now()
       where status = ${from} and ${due}
      returning id, venue_id, booking_date),
    e as (
      insert into booking_events (booking_id, from_status, to_status, actor, reason)
      select id, ${from}, ${to}, 'system', ${reason} from moved)
    select venue_id, booking_date::text as booking_date from moved`);
  // inside a caller's transaction a failed statement ends it: the caller's transaction is retried instead
  const result = await (db instanceof PgTransaction ? run() : retryOnConflict(run));
  const rows = rowsOf<{ venue_id: number; booking_date: string }>(result);
  return rows.map((r) => ({ venueId: r.venue_id, date: r.booking_date }));
}
