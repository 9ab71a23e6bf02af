// The database's own limit for a booking, from `connections` connections with nothing in between:
// what the API's booking creation is measured against. Two ways: the booking transaction as its
// statements in plain SQL (lock the venue, lock the player, count their live bookings, insert the
// booking with its audit row, whose triggers claim the unit and write the outbox event), and the
// transaction the data layer runs (BEGIN, the one book_hours call that does all of that, COMMIT).
import pg from "pg";
import { cpuNow, cpuPerRequest } from "./cpu.ts";
import type { CpuShares } from "./cpu.ts";

export type Slot = { venueId: number; unitId: number; venueVersion: number; userId: number; date: string; start: string; end: string };

/** The booking transaction as its statements, or as the data layer's one call. */
export type ProbeMode = "statements" | "call";

export type ProbeResult = {
  tps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  connections: number;
  /** CPU milliseconds per transaction, by party (the probe's client is "bench"). */
  cpu_ms?: CpuShares | undefined;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

/** A warm-up of `warmup` seconds, then the measured `seconds`, on the same connections. */
export async function probeBookingTransaction(
  url: string,
  connections: number,
  time: { warmup: number; seconds: number },
  slot: () => Slot,
  localNow: string,
  mode: ProbeMode,
): Promise<ProbeResult> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  try {
    await run(pool, connections, time.warmup, slot, localNow, mode);
    const before = cpuNow(undefined);
    const result = await run(pool, connections, time.seconds, slot, localNow, mode);
    const { transactions, ...measured } = result;
    return { ...measured, cpu_ms: cpuPerRequest(before, cpuNow(undefined), transactions) };
  } finally {
    await pool.end();
  }
}

async function run(
  pool: pg.Pool,
  connections: number,
  seconds: number,
  slot: () => Slot,
  localNow: string,
  mode: ProbeMode,
): Promise<ProbeResult & { transactions: number }> {
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
        if (mode === "call") {
          const r = await c.query<{ outcome: string }>(
            `select outcome from book_hours($1, $2, $3, array[$4::int], array['150000.00'::numeric], '[[]]'::jsonb, 1, $5, $6, $7, false,
               'pending', 'app', null, null, 'user', $1, 10000, false, $8, null, null, null, interval '24 hours', null)`,
            [s.userId, s.venueId, s.venueVersion, s.unitId, s.date, s.start, s.end, localNow],
          );
          if (r.rows[0]?.outcome !== "booked") throw new Error(`book_hours: ${r.rows[0]?.outcome}`);
        } else {
          await statements(c, s, localNow);
        }
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
  latencies.sort((a, b) => a - b);
  return {
    transactions: latencies.length,
    tps: Math.round(latencies.length / seconds),
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    errors,
    connections,
  };
}

async function statements(c: pg.PoolClient, s: Slot, localNow: string): Promise<void> {
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
}
