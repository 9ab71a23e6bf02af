// The booking lifecycle job: confirmed bookings that have ended become completed; pending ones
// whose start has passed without a confirmation become cancelled ("expired"). Each run is one
// idempotent statement per rule, safe in every replica at once: a row moves only while it still
// has the old status, and its audit row is written by the same statement.
import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";

export type LifecycleResult = { completed: number; expired: number };

/** `localNow` is the venue wall-clock time as "YYYY-MM-DD HH:MM". */
export async function runLifecycle(db: Database, localNow: string): Promise<LifecycleResult> {
  const completed = await db.execute(sql`
    with moved as (
      update bookings set status = 'completed', updated_at = now()
       where status = 'confirmed' and upper(during) <= ${localNow}::timestamp
      returning id)
    insert into booking_events (booking_id, from_status, to_status, actor, reason)
    select id, 'confirmed', 'completed', 'system', 'ended' from moved
    returning booking_id`);
  const expired = await db.execute(sql`
    with moved as (
      update bookings set status = 'cancelled', updated_at = now()
       where status = 'pending' and lower(during) <= ${localNow}::timestamp
      returning id)
    insert into booking_events (booking_id, from_status, to_status, actor, reason)
    select id, 'pending', 'cancelled', 'system', 'expired' from moved
    returning booking_id`);
  return { completed: rowCount(completed), expired: rowCount(expired) };
}

function rowCount(result: unknown): number {
  const r = result as { rows?: unknown[]; rowCount?: number | null };
  return r.rows?.length ?? r.rowCount ?? 0;
}
