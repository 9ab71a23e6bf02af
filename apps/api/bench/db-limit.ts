// The database's own limit for a booking: the transaction the data layer runs for one (lock the
// venue, lock the player, count their live bookings, insert the booking with its audit row, whose
// triggers claim the unit and write the outbox event), as plain SQL from `connections` connections
// with nothing in between: what the API's booking creation is measured against.
import pg from "pg";

export type Slot = { venueId: number; unitId: number; userId: number; date: string; start: string; end: string };

export type ProbeResult = { tps: number; p50_ms: number; p99_ms: number; errors: number; connections: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

export async function probeBookingTransaction(
  url: string,
  connections: number,
  seconds: number,
  slot: () => Slot,
  localNow: string,
): Promise<ProbeResult> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const s = slot();
      const started = performance.now();
      const c = await pool.connect();
      try {
        await c.query("begin");
        await c.query("select id from venues where id = $1 for no key update", [s.venueId]);
        await c.query("select is_active from users where id = $1 for no key update", [s.userId]);
        await c.query(
          "select count(*) from bookings where user_id = $1 and status in ('pending', 'confirmed') and upper(during) > $2::timestamp",
          [s.userId, localNow],
        );
        await c.query(
          `with b as (
             insert into bookings (user_id, venue_id, unit_id, places, booking_date, start_time, end_time, total_price, price_breakdown, status, source)
             values ($1, $2, $3, 1, $4, $5, $6, '150000.00', '[]', 'pending', 'app')
             returning id, reference, created_at, updated_at),
           e as (insert into booking_events (booking_id, kind, from_status, to_status, actor, actor_user_id)
                 select id, 'created', null, 'pending', 'user', $1 from b)
           select id, reference, created_at, updated_at from b`,
          [s.userId, s.venueId, s.unitId, s.date, s.start, s.end],
        );
        await c.query("commit");
        latencies.push(performance.now() - started);
      } catch {
        errors++;
        await c.query("rollback").catch(() => {});
      } finally {
        c.release();
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    tps: Math.round(latencies.length / seconds),
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    errors,
    connections,
  };
}
