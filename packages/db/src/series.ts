// Weekly standing bookings. The series row remembers what was asked; its occurrences are ordinary
// bookings (with series_id) that the database claims and checks like any other.
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { finishPage, hhmm, isoDay, pageBounds, rowsOf } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";

export type Series = {
  id: number;
  venueId: number;
  unitId: number | null;
  unitKind: string | null;
  userId: number;
  userPhone: string;
  userName: string;
  weekday: number;
  startTime: string;
  endTime: string;
  firstDate: string;
  lastDate: string;
  note: string | null;
  createdBy: number | null;
  cancelledFrom: string | null;
  /** Its occurrences still live. */
  liveBookings: number;
  createdAt: Date;
};

export type SeriesInput = Pick<
  Series,
  "venueId" | "unitId" | "unitKind" | "userId" | "weekday" | "startTime" | "endTime" | "firstDate" | "lastDate" | "note" | "createdBy"
>;

type Row = {
  id: number;
  venue_id: number;
  unit_id: number | null;
  unit_kind: string | null;
  user_id: number;
  phone: string;
  name: string;
  weekday: number;
  start_time: string;
  end_time: string;
  first_date: string;
  last_date: string;
  note: string | null;
  created_by: number | null;
  cancelled_from: string | null;
  live: number | string;
  created_at: Date | string;
};

function toSeries(r: Row): Series {
  return {
    id: r.id,
    venueId: r.venue_id,
    unitId: r.unit_id,
    unitKind: r.unit_kind,
    userId: r.user_id,
    userPhone: r.phone,
    userName: r.name,
    weekday: r.weekday,
    startTime: hhmm(r.start_time),
    endTime: hhmm(r.end_time),
    firstDate: isoDay(r.first_date) ?? "",
    lastDate: isoDay(r.last_date) ?? "",
    note: r.note,
    createdBy: r.created_by,
    cancelledFrom: isoDay(r.cancelled_from),
    liveBookings: Number(r.live),
    createdAt: new Date(r.created_at),
  };
}

const SELECT = sql`
  select s.*, u.phone, u.name,
         (select count(*) from bookings b where b.series_id = s.id and b.status in ('pending', 'confirmed')) as live
    from series s join users u on u.id = s.user_id`;

export function seriesRepository(db: Database) {
  async function create(input: SeriesInput): Promise<number> {
    const result = await db.execute(sql`
      insert into series (venue_id, unit_id, unit_kind, user_id, weekday, start_time, end_time, first_date, last_date, note, created_by)
      values (${input.venueId}, ${input.unitId}, ${input.unitKind}, ${input.userId}, ${input.weekday}, ${input.startTime}, ${input.endTime},
              ${input.firstDate}, ${input.lastDate}, ${input.note}, ${input.createdBy})
      returning id`);
    const [row] = rowsOf<{ id: number }>(result);
    if (!row) throw new Error("series insert returned no row");
    return row.id;
  }

  async function get(id: number): Promise<Series | null> {
    const [row] = rowsOf<Row>(await db.execute(sql`${SELECT} where s.id = ${id}`));
    return row ? toSeries(row) : null;
  }

  /** Newest first, by the customer's phone and the venue. */
  async function list(filter: PageRequest & { phone?: string | undefined; venueId?: number | undefined }): Promise<Page<Series>> {
    const { page, limit, offset } = pageBounds(filter);
    const c: SQL[] = [sql`true`];
    if (filter.phone !== undefined) c.push(sql`u.phone = ${filter.phone}`);
    if (filter.venueId !== undefined) c.push(sql`s.venue_id = ${filter.venueId}`);
    const where = sql.join(c, sql` and `);
    const rows = rowsOf<Row & { total: number | string }>(
      await db.execute(sql`
        select x.*, count(*) over() as total from (${SELECT} where ${where}) x
         order by x.id desc limit ${limit} offset ${offset}`),
    );
    return finishPage(
      rows.map((r) => ({ ...r, total: Number(r.total) })),
      { page, limit },
      toSeries,
      async () => {
        const [n] = rowsOf<{ n: number | string }>(
          await db.execute(sql`select count(*) as n from series s join users u on u.id = s.user_id where ${where}`),
        );
        return Number(n?.n ?? 0);
      },
    );
  }

  /**
   * Cancels the series' live occurrences on `from` and after that have not started by `localNow`
   * (the venue wall clock, "YYYY-MM-DD HH:MM": one played stays as it was), with their audit rows, in one
   * statement (their trigger lets go of their times), and notes the date on the series. Returns the
   * bookings cancelled, or null when there is no such series.
   */
  async function cancelFrom(id: number, from: string, actor: { userId: number }, localNow: string): Promise<number[] | null> {
    // its live occurrences first, so a status changed meanwhile is read as it now is for their audit rows
    await db.execute(sql`
      select id from bookings where series_id = ${id} and booking_date >= ${from}::date and status in ('pending', 'confirmed')
         and lower(during) > ${localNow}::timestamp
       order by id for update`);
    const result = await db.execute(sql`
      with s as (
        update series set cancelled_from = least(coalesce(cancelled_from, ${from}::date), ${from}::date)
         where id = ${id}
        returning id),
      b as (
        update bookings nb set status = 'cancelled', updated_at = now()
          from bookings ob
         where ob.id = nb.id and nb.series_id in (select id from s) and nb.booking_date >= ${from}::date
           and nb.status in ('pending', 'confirmed') and lower(nb.during) > ${localNow}::timestamp
        returning nb.id, ob.status as from_status),
      e as (
        insert into booking_events (booking_id, from_status, to_status, actor, actor_user_id, reason)
        select b.id, b.from_status, 'cancelled', 'admin', ${actor.userId}, 'series cancelled' from b)
      select (select count(*) from s)::int as found, coalesce(array_agg(b.id order by b.id), '{}') as bookings from b`);
    const [row] = rowsOf<{ found: number; bookings: number[] }>(result);
    return row && row.found > 0 ? row.bookings : null;
  }

  return { create, get, list, cancelFrom };
}

export type SeriesRepository = ReturnType<typeof seriesRepository>;
