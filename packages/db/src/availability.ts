// What a venue's day holds, as its availability reads it. Days asked for in the same turn of the
// event loop are read together, in one prepared statement: under load a round trip to the database
// (a write to its socket, a wake-up of its backend) costs more than the indexed lookups it carries,
// and a day the read cache cannot answer is what players ask for most.
import type { ClosureSpan, Hold } from "@venue-booking/core";
import { sql } from "drizzle-orm";
import type { DayBusy } from "./bookings.ts";
import type { Database } from "./client.ts";
import { rowsOf } from "./paging.ts";
import type { TranslatedText } from "./schema/venues.ts";

/** A scheduled session of the day, as its availability lists it. */
export type DaySession = {
  id: number;
  unitId: number;
  title: TranslatedText;
  /** HH:MM */
  startTime: string;
  endTime: string;
  capacity: number;
  placesSold: number;
};

/** A venue's business day: what holds its units (as dayHolds reads it) and the sessions of that date. */
export type VenueDayState = DayBusy & { sessions: DaySession[] };

/** The most days one statement reads. */
const MAX_BATCH = 32;

/**
 * The statement for `size` venue-days, the k-th given as parameters 2k+1 (venue) and 2k+2 (date).
 * Per day, as dayHolds: live hourly bookings and scheduled sessions of that day and the day before,
 * closures of those and the day after, in minutes from the date's midnight. Rows come by day asked,
 * then closures in the order of their own day and of making (the first over a slot gives its
 * reason), holds, and sessions in their order of time (those of the date itself are its list).
 */
function dayStatement(size: number): string {
  const days = Array.from({ length: size }, (_, k) => `($${2 * k + 1}::int, $${2 * k + 2}::date, ${k})`).join(", ");
  const minutes = (t: string) => `(extract(epoch from ${t} - q.day::timestamp) / 60)::int`;
  return `
with q (venue_id, day, n) as (values ${days})
select q.n, 'closure' as kind, c.id, c.unit_id, 0 as places, ${minutes("lower(c.during)")} as start, ${minutes("upper(c.during)")} as "end",
       c.reason as label, null::int as capacity, null::int as places_sold, null::text as start_time, null::text as end_time,
       c.booking_date - q.day as day
  from q join closures c on c.venue_id = q.venue_id and c.booking_date between q.day - 1 and q.day + 1
union all
select q.n, 'hold', null, b.unit_id, b.places, ${minutes("lower(b.during)")}, ${minutes("upper(b.during)")},
       null, null, null, null, null, b.booking_date - q.day
  from q join bookings b on b.venue_id = q.venue_id and b.booking_date between q.day - 1 and q.day
   and b.status in ('pending', 'confirmed') and b.session_id is null
union all
select q.n, 'session', s.id, s.unit_id, 1, ${minutes("lower(s.during)")}, ${minutes("upper(s.during)")},
       s.title, s.capacity, s.places_sold, s.start_time::text, s.end_time::text, s.booking_date - q.day
  from q join sessions s on s.venue_id = q.venue_id and s.booking_date between q.day - 1 and q.day and s.status = 'scheduled'
 order by n, kind, day, start_time, id`;
}

/**
 * How many days a statement is written for: exactly as many up to 8, then multiples of 8 (the rest
 * repeat the last day, whose copies are not read), so a connection prepares a handful of statements.
 */
function statementSize(days: number): number {
  return days <= 8 ? days : Math.ceil(days / 8) * 8;
}

type Row = {
  n: number;
  kind: "closure" | "hold" | "session";
  id: number | null;
  unit_id: number | null;
  places: number;
  start: number;
  end: number;
  label: TranslatedText | null;
  capacity: number | null;
  places_sold: number | null;
  start_time: string | null;
  end_time: string | null;
  day: number;
};

type Prepared = { execute(values: Record<string, unknown>): Promise<unknown> };

type Asked = { venueId: number; date: string; resolve: (state: VenueDayState) => void; reject: (e: unknown) => void };

function addRow(state: VenueDayState, r: Row): void {
  if (r.kind === "closure") {
    const closure: ClosureSpan<TranslatedText> = { start: r.start, end: r.end, unitId: r.unit_id, reason: r.label };
    state.closures.push(closure);
    return;
  }
  const hold: Hold = { start: r.start, end: r.end, unitId: r.unit_id as number, places: r.places };
  state.holds.push(hold);
  if (r.kind === "session" && r.day === 0) {
    state.sessions.push({
      id: r.id as number,
      unitId: r.unit_id as number,
      title: r.label as TranslatedText,
      startTime: (r.start_time as string).slice(0, 5),
      endTime: (r.end_time as string).slice(0, 5),
      capacity: r.capacity as number,
      placesSold: r.places_sold as number,
    });
  }
}

export function availabilityRepository(db: Database) {
  const statements = new Map<number, Prepared>();
  let asked: Asked[] = [];

  function statement(size: number): Prepared {
    let prepared = statements.get(size);
    if (!prepared) {
      const params = Array.from({ length: size }, (_, k) => [sql.placeholder(`v${k}`), sql.placeholder(`d${k}`)]).flat();
      // named, so PostgreSQL parses and plans it once per connection
      prepared = db._.session.prepareQuery({ sql: dayStatement(size), params }, undefined, `venue_days_${size}`, false);
      statements.set(size, prepared);
    }
    return prepared;
  }

  async function read(batch: Asked[]): Promise<void> {
    try {
      const size = statementSize(batch.length);
      const values: Record<string, unknown> = {};
      for (let k = 0; k < size; k++) {
        const a = batch[Math.min(k, batch.length - 1)] as Asked;
        values[`v${k}`] = a.venueId;
        values[`d${k}`] = a.date;
      }
      const states = batch.map((): VenueDayState => ({ holds: [], closures: [], sessions: [] }));
      for (const r of rowsOf<Row>(await statement(size).execute(values))) {
        const state = states[r.n];
        if (state) addRow(state, r);
      }
      batch.forEach((a, k) => a.resolve(states[k] as VenueDayState));
    } catch (e) {
      for (const a of batch) a.reject(e);
    }
  }

  function flush(): void {
    const all = asked;
    asked = [];
    for (let k = 0; k < all.length; k += MAX_BATCH) void read(all.slice(k, k + MAX_BATCH));
  }

  /** The venue's business day `date`, read with the other days asked for meanwhile. */
  function day(venueId: number, date: string): Promise<VenueDayState> {
    return new Promise((resolve, reject) => {
      // once the requests at hand have asked: the next turn of the event loop
      if (asked.length === 0) setImmediate(flush);
      asked.push({ venueId, date, resolve, reject });
    });
  }

  return { day };
}

export type AvailabilityRepository = ReturnType<typeof availabilityRepository>;
