// Closures of a venue or a unit. A closure's trigger holds its time on the units it closes (migration
// 0007), so the database refuses a booking in it and refuses it over a live booking; this module
// writes closures, lists them and finds what stands in their way.
import { DomainError } from "@venue-booking/core";
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { CHECK_VIOLATION, constraintName, EXCLUSION_VIOLATION, sqlState } from "./errors.ts";
import { hhmm, rowsOf } from "./paging.ts";
import type { TranslatedText } from "./schema/venues.ts";

export type Closure = {
  id: number;
  venueId: number;
  unitId: number | null;
  date: string;
  startTime: string;
  endTime: string;
  /** Starts after midnight of its business day. */
  afterMidnight: boolean;
  wholeDay: boolean;
  reason: TranslatedText | null;
  createdBy: number | null;
  createdAt: Date;
};

export type ClosureInput = Omit<Closure, "id" | "createdAt">;

/** A live booking or a scheduled session a closure would fall on. */
export type ClosureConflict = {
  kind: "booking" | "session" | "closure";
  id: number;
  unitId: number;
  date: string;
  startTime: string;
  endTime: string;
};

type Row = {
  id: number;
  venue_id: number;
  unit_id: number | null;
  booking_date: string;
  start_time: string;
  end_time: string;
  after_midnight: boolean;
  whole_day: boolean;
  reason: TranslatedText | null;
  created_by: number | null;
  created_at: Date | string;
};

function toClosure(r: Row): Closure {
  return {
    id: r.id,
    venueId: r.venue_id,
    unitId: r.unit_id,
    date: String(r.booking_date).slice(0, 10),
    startTime: hhmm(r.start_time),
    endTime: hhmm(r.end_time),
    afterMidnight: r.after_midnight,
    wholeDay: r.whole_day,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
  };
}

/** The wall-clock span of a date and clock times, as the tables compute it (WALL_CLOCK_SPAN). */
function span(date: string, start: string, end: string, afterMidnight: boolean): SQL {
  const day = afterMidnight ? sql`${date}::date + 1` : sql`${date}::date`;
  return sql`tsrange(${day} + ${start}::time, ${day} + ${end}::time + case when ${end}::time <= ${start}::time then interval '1 day' else interval '0' end, '[)')`;
}

/**
 * The units of `venueId` a closure of `unitId` (null: the whole venue) takes out of service: every
 * unit, or the unit, and the exclusive units that share a part with it (its parts, the combined
 * units made of it).
 */
function closedUnits(venueId: number, unitId: number | null): SQL {
  if (unitId === null) return sql`select id from units where venue_id = ${venueId}`;
  return sql`
    select u.id from units u, units w
     where w.id = ${unitId} and w.venue_id = ${venueId} and u.venue_id = ${venueId}
       and (u.id = w.id
            or (u.capacity = 1 and w.capacity = 1
                and (case when cardinality(u.contains) > 0 then u.contains else array[u.id] end)
                 && (case when cardinality(w.contains) > 0 then w.contains else array[w.id] end)))`;
}

/** The exclusive units a closure of `unitId` (null: the venue) claims, as its trigger does (migration 0007). */
function claimedBy(venueId: number, unitId: number | null): SQL {
  return sql`
    select u.id from units u
     where u.venue_id = ${venueId} and u.capacity = 1 and cardinality(u.contains) = 0
       and (${unitId}::int is null or u.id = ${unitId}::int
            or u.id = any (select unnest(w.contains) from units w where w.id = ${unitId}::int))`;
}

export function closuresRepository(db: Database) {
  /** Live hourly bookings and scheduled sessions on the units the closure would close, in its time. */
  async function conflicts(
    input: Pick<ClosureInput, "venueId" | "unitId" | "date" | "startTime" | "endTime" | "afterMidnight">,
  ): Promise<ClosureConflict[]> {
    const during = span(input.date, input.startTime, input.endTime, input.afterMidnight);
    const units = closedUnits(input.venueId, input.unitId);
    const result = await db.execute(sql`
      select 'booking' as kind, id, unit_id, booking_date, start_time, end_time from bookings
       where unit_id in (${units}) and status in ('pending', 'confirmed') and session_id is null and during && ${during}
      union all
      select 'session', id, unit_id, booking_date, start_time, end_time from sessions
       where unit_id in (${units}) and status = 'scheduled' and during && ${during}
      union all
      -- closures already claiming an exclusive unit this one would claim (a pool's closures stack)
      select 'closure', c.id, coalesce(c.unit_id, 0), c.booking_date, c.start_time, c.end_time from closures c
       where c.venue_id = ${input.venueId} and c.during && ${during}
         and exists (select 1 from unit_claims k where k.closure_id = c.id and k.during && ${during} and k.unit_id in (${claimedBy(input.venueId, input.unitId)}))
      order by booking_date, start_time, kind, id`);
    return rowsOf<{
      kind: ClosureConflict["kind"];
      id: number;
      unit_id: number;
      booking_date: string;
      start_time: string;
      end_time: string;
    }>(result).map((r) => ({
      kind: r.kind,
      id: r.id,
      unitId: r.unit_id,
      date: String(r.booking_date).slice(0, 10),
      startTime: hhmm(r.start_time),
      endTime: hhmm(r.end_time),
    }));
  }

  /**
   * Cancels these live bookings with their audit rows (one statement); returns the ids cancelled.
   * Their trigger lets go of what they held in the same statement.
   */
  async function cancelBookings(ids: number[], actor: { userId: number | null; reason: string }): Promise<number[]> {
    if (!ids.length) return [];
    const result = await db.execute(sql`
      with b as (
        update bookings nb set status = 'cancelled', updated_at = now()
          from bookings ob
         where ob.id = nb.id and nb.id = any(${sql.param(ids)}::int[]) and nb.status in ('pending', 'confirmed')
        returning nb.id, ob.status as from_status),
      e as (
        insert into booking_events (booking_id, from_status, to_status, actor, actor_user_id, reason)
        select b.id, b.from_status, 'cancelled', 'admin', ${actor.userId}, ${actor.reason} from b)
      select id from b order by id`);
    return rowsOf<{ id: number }>(result).map((r) => r.id);
  }

  /**
   * Writes the closure; its trigger holds its time. A live booking or session in the way (the
   * exclusion constraint, or a pool's place sold) is CLOSURE_CONFLICTS.
   */
  async function create(input: ClosureInput): Promise<Closure> {
    try {
      const result = await db.execute(sql`
        insert into closures (venue_id, unit_id, booking_date, start_time, end_time, after_midnight, whole_day, reason, created_by)
        values (${input.venueId}, ${input.unitId}, ${input.date}, ${input.startTime}, ${input.endTime}, ${input.afterMidnight}, ${input.wholeDay},
                ${input.reason === null ? null : JSON.stringify(input.reason)}::jsonb, ${input.createdBy})
        returning *`);
      const [row] = rowsOf<Row>(result);
      if (!row) throw new Error("closure insert returned no row");
      return toClosure(row);
    } catch (e) {
      const inTheWay =
        sqlState(e) === EXCLUSION_VIOLATION || (sqlState(e) === CHECK_VIOLATION && constraintName(e) === "unit_usage_closed_empty");
      if (inTheWay) throw new DomainError("CLOSURE_CONFLICTS", { params: { count: 1 }, cause: e });
      throw e;
    }
  }

  /** A venue's closures, by date; those that ended before `localNow` ("YYYY-MM-DD HH:MM") only when asked. */
  async function list(venueId: number, opts: { localNow: string; includePast?: boolean }): Promise<Closure[]> {
    const result = await db.execute(sql`
      select * from closures
       where venue_id = ${venueId} ${opts.includePast ? sql`` : sql`and upper(during) > ${opts.localNow}::timestamp`}
       order by booking_date, start_time, id`);
    return rowsOf<Row>(result).map(toClosure);
  }

  /** Removes the closure (its claims and counts go with it); false when the venue has no such closure. */
  async function remove(venueId: number, id: number): Promise<Closure | null> {
    const result = await db.execute(sql`delete from closures where id = ${id} and venue_id = ${venueId} returning *`);
    const [row] = rowsOf<Row>(result);
    return row ? toClosure(row) : null;
  }

  /** The first closure of the venue over `unitId` (or the venue) that meets the span: why a booking was refused. */
  async function covering(venueId: number, unitId: number | null, during: { from: string; to: string }): Promise<Closure | null> {
    const result = await db.execute(sql`
      select c.* from closures c
       where c.venue_id = ${venueId} and c.during && tsrange(${during.from}::timestamp, ${during.to}::timestamp, '[)')
         and (c.unit_id is null ${unitId === null ? sql`` : sql`or c.unit_id in (${closedUnits(venueId, unitId)})`})
       order by lower(c.during), c.id limit 1`);
    const [row] = rowsOf<Row>(result);
    return row ? toClosure(row) : null;
  }

  return { conflicts, cancelBookings, create, list, remove, covering };
}

export type ClosuresRepository = ReturnType<typeof closuresRepository>;
