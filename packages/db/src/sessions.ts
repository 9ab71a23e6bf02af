// Session data access: fixed-time sessions that hold a unit and sell places (or seats) in it. What
// a session holds of its unit and what its bookings hold of it are written by the triggers of
// migration 0006; a clash, an oversold session or a seat sold twice fail the statement itself.
import { DomainError } from "@venue-booking/core";
import { eq, sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { CHECK_VIOLATION, constraintName, EXCLUSION_VIOLATION, sqlState } from "./errors.ts";
import { hhmm } from "./paging.ts";
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

export function sessionsRepository(db: Database) {
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

  /** Title, price or capacity; a capacity below the places sold is CAPACITY_BELOW_SOLD (the CHECK's verdict). */
  async function update(id: number, patch: SessionPatch): Promise<Session | null> {
    try {
      const [row] = await db
        .update(sessions)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(sessions.id, id))
        .returning();
      return row ? toSession(row) : null;
    } catch (e) {
      throw refusal(e);
    }
  }

  /**
   * Cancels a scheduled session and every live booking of it in one statement, each booking with
   * its audit row; the triggers release the unit, the places and the seats. Returns the ids of the
   * bookings cancelled, or null when the session was not scheduled.
   */
  async function cancel(id: number, actor: { userId: number | null }): Promise<number[] | null> {
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
    const row = (result as { rows: { sessions: number; bookings: number[] }[] }).rows[0];
    return row && row.sessions > 0 ? row.bookings : null;
  }

  return { create, get, update, cancel };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
