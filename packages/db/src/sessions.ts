// Session data access: fixed-time sessions that hold a unit and sell places (or seats) in it. What
// a session holds of its unit and what its bookings hold of it are written by the triggers of
// migration 0006; a clash, an oversold session or a seat sold twice fail the statement itself.
import { DomainError } from "@venue-booking/core";
import { and, asc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { CHECK_VIOLATION, constraintName, EXCLUSION_VIOLATION, sqlState } from "./errors.ts";
import { finishPage, hhmm, pageBounds, rowsOf } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";
import { sessionSeats } from "./schema/sessions.ts";
import { units } from "./schema/units.ts";
import { venues } from "./schema/venues.ts";
import { sessions } from "./schema/sessions.ts";
import type { SessionRow } from "./schema/sessions.ts";
import type { TranslatedText } from "./schema/venues.ts";

export type Session = {
  id: number;
  venueId: number;
  unitId: number;
  title: TranslatedText;
  bookingDate: string;
  startTime: string;
  endTime: string;
  capacity: number;
  pricePerPlace: string;
  seats: string[];
  placesSold: number;
  status: "scheduled" | "cancelled";
  createdAt: Date;
  updatedAt: Date;
};

/** A session as players read it: with its unit's name and the seats sold. */
export type SessionView = Session & {
  unitName: TranslatedText;
  venueName: TranslatedText;
  takenSeats: string[];
  /** Whether its venue and its unit are both active (a session elsewhere is not offered). */
  offered: boolean;
};

export type SessionListQuery = PageRequest & {
  date?: string | undefined;
  venueId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only sessions with places left. */
  available?: boolean | undefined;
  /** Venue wall-clock time "YYYY-MM-DD HH:MM": sessions that have ended by then are not listed. */
  localNow: string;
  /** Admins: ended sessions, cancelled ones, and those of inactive venues or units too. */
  includePast?: boolean | undefined;
  includeCancelled?: boolean | undefined;
};

export type SessionInput = {
  venueId: number;
  unitId: number;
  title: TranslatedText;
  bookingDate: string;
  startTime: string;
  endTime: string;
  capacity: number;
  pricePerPlace: string;
  seats?: string[];
};

export type SessionPatch = { title?: TranslatedText; pricePerPlace?: string; capacity?: number };

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    venueId: row.venueId,
    unitId: row.unitId,
    title: row.title,
    bookingDate: row.bookingDate,
    startTime: hhmm(row.startTime),
    endTime: hhmm(row.endTime),
    capacity: row.capacity,
    pricePerPlace: row.pricePerPlace,
    seats: row.seats,
    placesSold: row.placesSold,
    status: row.status as Session["status"],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A session write the database refused, as the domain error it means. */
function refusal(e: unknown): unknown {
  const state = sqlState(e);
  const constraint = constraintName(e);
  if (state === EXCLUSION_VIOLATION) return new DomainError("SLOT_TAKEN", { field: "start_time", cause: e });
  if (state === CHECK_VIOLATION && constraint === "sessions_places_within_capacity") {
    return new DomainError("CAPACITY_BELOW_SOLD", { field: "capacity", cause: e });
  }
  return e;
}

/** A session row as `views` selects it. */
type ViewRow = SessionRow & { unitName: TranslatedText; venueName: TranslatedText; offered: boolean };

const viewColumns = {
  id: sessions.id,
  venueId: sessions.venueId,
  unitId: sessions.unitId,
  title: sessions.title,
  bookingDate: sessions.bookingDate,
  startTime: sessions.startTime,
  endTime: sessions.endTime,
  capacity: sessions.capacity,
  pricePerPlace: sessions.pricePerPlace,
  seats: sessions.seats,
  placesSold: sessions.placesSold,
  status: sessions.status,
  createdAt: sessions.createdAt,
  updatedAt: sessions.updatedAt,
  unitName: units.name,
  venueName: venues.name,
  offered: sql<boolean>`(${venues.isActive} and ${units.isActive})`,
};

export function sessionsRepository(db: Database) {
  /** The seats sold of each of these sessions (none for an unseated one). */
  async function takenSeats(ids: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows = await db
      .select({ sessionId: sessionSeats.sessionId, label: sessionSeats.label })
      .from(sessionSeats)
      .where(inArray(sessionSeats.sessionId, ids));
    for (const r of rows) out.get(r.sessionId)?.push(r.label);
    return out;
  }

  async function views(where: SQL | undefined, limit: number, offset: number) {
    return db
      .select({ ...viewColumns, total: sql<number>`count(*) over()`.mapWith(Number) })
      .from(sessions)
      .innerJoin(units, eq(units.id, sessions.unitId))
      .innerJoin(venues, eq(venues.id, sessions.venueId))
      .where(where)
      .orderBy(asc(sessions.bookingDate), asc(sessions.startTime), asc(sessions.id))
      .limit(limit)
      .offset(offset);
  }

  async function withSeats(rows: ViewRow[]): Promise<SessionView[]> {
    const taken = await takenSeats(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...toSession(r),
      unitName: r.unitName,
      venueName: r.venueName,
      offered: r.offered,
      takenSeats: taken.get(r.id) ?? [],
    }));
  }

  /** One session as players read it, cancelled ones too (the caller decides what to show). */
  async function view(id: number): Promise<SessionView | null> {
    const rows = await views(eq(sessions.id, id), 1, 0);
    const [found] = await withSeats(rows as unknown as ViewRow[]);
    return found ?? null;
  }

  /** Scheduled sessions of active venues and units that have not ended (with places: not started), in time order. */
  async function list(query: SessionListQuery): Promise<Page<SessionView>> {
    const { page, limit, offset } = pageBounds(query);
    const c: SQL[] = [];
    if (!query.includeCancelled) c.push(eq(sessions.status, "scheduled"), eq(venues.isActive, true), eq(units.isActive, true));
    // past sessions are not listed by default; with places left, only those that can still be booked
    if (query.available) c.push(sql`lower(${sessions.during}) > ${query.localNow}::timestamp`);
    else if (!query.includePast) c.push(sql`upper(${sessions.during}) > ${query.localNow}::timestamp`);
    if (query.date !== undefined) c.push(eq(sessions.bookingDate, query.date));
    if (query.venueId !== undefined) c.push(eq(sessions.venueId, query.venueId));
    if (query.from !== undefined) c.push(gte(sessions.bookingDate, query.from));
    if (query.to !== undefined) c.push(lte(sessions.bookingDate, query.to));
    if (query.available) c.push(lt(sessions.placesSold, sessions.capacity));
    const where = c.length ? and(...c) : undefined;
    const rows = await views(where, limit, offset);
    const page$ = await finishPage(
      rows,
      { page, limit },
      (r) => r,
      async () => {
        const [n] = await db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(sessions)
          .innerJoin(units, eq(units.id, sessions.unitId))
          .innerJoin(venues, eq(venues.id, sessions.venueId))
          .where(where);
        return n?.n ?? 0;
      },
    );
    return {
      ...page$,
      results: await withSeats(page$.results as unknown as ViewRow[]),
    };
  }

  /** A new scheduled session; its trigger claims its unit, so a clash is SLOT_TAKEN. */
  async function create(input: SessionInput): Promise<Session> {
    try {
      const [row] = await db
        .insert(sessions)
        .values({ ...input, seats: input.seats ?? [] })
        .returning();
      if (!row) throw new Error("session insert returned no row");
      return toSession(row);
    } catch (e) {
      throw refusal(e);
    }
  }

  async function get(id: number): Promise<Session | null> {
    const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
    return row ? toSession(row) : null;
  }

  /**
   * Title, price or capacity of a scheduled session (null for another); a capacity below the places
   * sold is CAPACITY_BELOW_SOLD (the CHECK's verdict).
   */
  async function update(id: number, patch: SessionPatch): Promise<Session | null> {
    try {
      const [row] = await db
        .update(sessions)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(and(eq(sessions.id, id), eq(sessions.status, "scheduled")))
        .returning();
      return row ? toSession(row) : null;
    } catch (e) {
      throw refusal(e);
    }
  }

  /**
   * Cancels a scheduled session and every live booking of it in one statement, each booking with
   * its audit row; the triggers release the unit, the places and the seats. Returns the ids of the
   * bookings cancelled, or null when the session was not scheduled. Run it in a transaction.
   */
  async function cancel(id: number, actor: { userId: number | null }): Promise<number[] | null> {
    // The session's row first, in a statement of its own: a booking being made holds it (its trigger
    // counts the places there) until it commits, and the cancelling statement, which takes its
    // snapshot after this wait, then sees that booking and cancels it too.
    await db.execute(sql`select id from sessions where id = ${id} for update`);
    // and its live bookings, so a status changed meanwhile is read as it now is for their audit rows
    await db.execute(sql`select id from bookings where session_id = ${id} and status in ('pending', 'confirmed') order by id for update`);
    const result: unknown = await db.execute(sql`
      with s as (
        update sessions set status = 'cancelled', updated_at = now()
         where id = ${id} and status = 'scheduled'
        returning id),
      b as (
        update bookings nb set status = 'cancelled', updated_at = now()
          from bookings ob
         where ob.id = nb.id and nb.session_id in (select id from s) and nb.status in ('pending', 'confirmed')
        returning nb.id, ob.status as from_status),
      e as (
        insert into booking_events (booking_id, from_status, to_status, actor, actor_user_id, reason)
        select b.id, b.from_status, 'cancelled', 'admin', ${actor.userId}, 'session cancelled' from b)
      select (select count(*) from s)::int as sessions, coalesce(array_agg(b.id order by b.id), '{}') as bookings from b`);
    const row = rowsOf<{ sessions: number; bookings: number[] }>(result)[0];
    return row && row.sessions > 0 ? row.bookings : null;
  }

  return { create, get, view, list, update, cancel };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
