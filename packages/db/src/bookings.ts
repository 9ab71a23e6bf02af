// Booking data access over one connection or transaction. Double bookings are refused by the
// database's exclusion constraint (SQLSTATE 23P01), never by a read before the write; status
// changes are compare-and-set. The services compose these steps into transactions.
import { canCancel, DomainError, LIVE_STATUSES, parseTime } from "@venue-booking/core";
import type { BookingStatus, DomainErrorCode, Hold } from "@venue-booking/core";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { CHECK_VIOLATION, constraintName, EXCLUSION_VIOLATION, sqlState, UNIQUE_VIOLATION } from "./errors.ts";
import { finishPage, hhmm, pageBounds } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";
import { bookingEvents } from "./schema/booking-events.ts";
import { bookings } from "./schema/bookings.ts";
import { sessions } from "./schema/sessions.ts";
import { units } from "./schema/units.ts";
import { users } from "./schema/users.ts";
import { venues } from "./schema/venues.ts";
import type { TranslatedText } from "./schema/venues.ts";

export type Actor = "user" | "admin" | "system";

export type Booking = {
  id: number;
  userId: number;
  userPhone: string;
  venueId: number;
  venueName: TranslatedText;
  unitId: number;
  unitName: TranslatedText;
  places: number;
  session: { id: number; title: TranslatedText } | null;
  seats: string[];
  bookingDate: string;
  startTime: string;
  endTime: string;
  durationMinutes: number;
  totalPrice: string;
  status: BookingStatus;
  canCancel: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type BookingEvent = {
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus;
  actor: Actor;
  actorUserId: number | null;
  reason: string | null;
  createdAt: Date;
};

/** A priced booking the service has checked against the rules; the database still checks overlaps. */
export type BookingValues = {
  userId: number;
  venueId: number;
  unitId: number;
  places: number;
  /** A place in this session (its unit and times), with these of its seats. */
  sessionId?: number | null;
  seats?: string[];
  bookingDate: string;
  startTime: string;
  endTime: string;
  totalPrice: string;
};

export type BookingFilter = PageRequest & {
  status?: BookingStatus | undefined;
  venueId?: number | undefined;
  unitId?: number | undefined;
  sessionId?: number | undefined;
  userId?: number | undefined;
  date?: string | undefined;
  phone?: string | undefined;
};

export type NewEvent = {
  bookingId: number;
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus;
  actor: Actor;
  actorUserId?: number | null;
  reason?: string | null;
};

const selection = {
  id: bookings.id,
  userId: bookings.userId,
  userPhone: users.phone,
  venueId: bookings.venueId,
  venueName: venues.name,
  unitId: bookings.unitId,
  unitName: units.name,
  places: bookings.places,
  sessionId: bookings.sessionId,
  sessionTitle: sessions.title,
  seats: bookings.seats,
  bookingDate: bookings.bookingDate,
  startTime: bookings.startTime,
  endTime: bookings.endTime,
  totalPrice: bookings.totalPrice,
  status: bookings.status,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
};

type Selected = {
  [K in keyof typeof selection]: K extends "status"
    ? string
    : K extends "venueName" | "unitName"
      ? TranslatedText
      : K extends "sessionTitle"
        ? TranslatedText | null
        : unknown;
} & { startTime: string; endTime: string };

function toBooking(row: Selected): Booking {
  const startTime = hhmm(row.startTime);
  const endTime = hhmm(row.endTime);
  const status = row.status as BookingStatus;
  return {
    id: row.id as number,
    userId: row.userId as number,
    userPhone: row.userPhone as string,
    venueId: row.venueId as number,
    venueName: row.venueName,
    unitId: row.unitId as number,
    unitName: row.unitName,
    places: row.places as number,
    session: row.sessionId === null || row.sessionTitle === null ? null : { id: row.sessionId as number, title: row.sessionTitle },
    seats: (row.seats as string[] | null) ?? [],
    bookingDate: row.bookingDate as string,
    startTime,
    endTime,
    durationMinutes: parseTime(endTime) - parseTime(startTime),
    totalPrice: row.totalPrice as string,
    status,
    canCancel: canCancel(status),
    createdAt: row.createdAt as Date,
    updatedAt: row.updatedAt as Date,
  };
}

function filterConditions(f: BookingFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.status !== undefined) c.push(eq(bookings.status, f.status));
  if (f.venueId !== undefined) c.push(eq(bookings.venueId, f.venueId));
  if (f.unitId !== undefined) c.push(eq(bookings.unitId, f.unitId));
  if (f.sessionId !== undefined) c.push(eq(bookings.sessionId, f.sessionId));
  if (f.userId !== undefined) c.push(eq(bookings.userId, f.userId));
  if (f.date !== undefined) c.push(eq(bookings.bookingDate, f.date));
  if (f.phone !== undefined) c.push(eq(users.phone, f.phone));
  return c.length ? and(...c) : undefined;
}

// What each constraint that refuses a booking means.
const REFUSALS: Record<string, { code: DomainErrorCode; field: string }> = {
  unit_usage_within_capacity: { code: "NOT_ENOUGH_PLACES", field: "places" },
  bookings_places_exclusive: { code: "PLACES_ON_EXCLUSIVE_UNIT", field: "places" },
  sessions_places_within_capacity: { code: "SESSION_FULL", field: "places" },
  session_seats_session_id_label_pk: { code: "SEAT_TAKEN", field: "seats" },
  bookings_one_per_session_key: { code: "ALREADY_BOOKED", field: "session_id" },
  bookings_session_seats: { code: "UNKNOWN_SEAT", field: "seats" },
  bookings_session_scheduled: { code: "SESSION_NOT_FOUND", field: "session_id" },
};

/** What a failed booking insert means: a clash, too few places, a seat sold, when the database said so. */
function refusal(e: unknown): unknown {
  if (sqlState(e) === EXCLUSION_VIOLATION) return new DomainError("SLOT_TAKEN", { cause: e });
  const known = REFUSALS[constraintName(e) ?? ""];
  if (known && (sqlState(e) === CHECK_VIOLATION || sqlState(e) === UNIQUE_VIOLATION)) {
    return new DomainError(known.code, { field: known.field, cause: e });
  }
  return e;
}

export function bookingsRepository(db: Database) {
  function joined() {
    return db
      .select(selection)
      .from(bookings)
      .innerJoin(venues, eq(venues.id, bookings.venueId))
      .innerJoin(units, eq(units.id, bookings.unitId))
      .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
      .innerJoin(users, eq(users.id, bookings.userId));
  }

  /**
   * Inserts a pending booking and its first audit row in one statement (one round trip) and returns
   * it as a read would, from what the caller already holds (`shown`): the names and phone it read
   * under its locks. The booking's trigger claims its unit or adds its places to the counters: a
   * clash with a live booking is SLOT_TAKEN (the exclusion constraint on claims), too few places
   * left NOT_ENOUGH_PLACES (the CHECK on the counters), the database's own verdicts.
   */
  async function insertWithEvent(
    values: BookingValues,
    event: { actor: Actor; actorUserId: number | null },
    shown: { venueName: TranslatedText; unitName: TranslatedText; userPhone: string; sessionTitle?: TranslatedText },
  ): Promise<Booking> {
    try {
      const result: unknown = await db.execute(sql`
        with b as (
          insert into bookings (user_id, venue_id, unit_id, places, session_id, seats, booking_date, start_time, end_time, total_price, status)
          values (${values.userId}, ${values.venueId}, ${values.unitId}, ${values.places}, ${values.sessionId ?? null},
                  ${sql.param(values.seats ?? [])}::text[], ${values.bookingDate}, ${values.startTime}, ${values.endTime}, ${values.totalPrice}, 'pending')
          returning id, created_at, updated_at),
        e as (
          insert into booking_events (booking_id, from_status, to_status, actor, actor_user_id)
          select id, null, 'pending', ${event.actor}, ${event.actorUserId} from b)
        select id, created_at, updated_at from b`);
      const row = (result as { rows: { id: number; created_at: Date | string; updated_at: Date | string }[] }).rows[0];
      if (!row) throw new Error("booking insert returned no row");
      return toBooking({
        id: row.id,
        userId: values.userId,
        userPhone: shown.userPhone,
        venueId: values.venueId,
        venueName: shown.venueName,
        unitId: values.unitId,
        unitName: shown.unitName,
        places: values.places,
        sessionId: values.sessionId ?? null,
        sessionTitle: shown.sessionTitle ?? null,
        seats: values.seats ?? [],
        bookingDate: values.bookingDate,
        startTime: values.startTime,
        endTime: values.endTime,
        totalPrice: values.totalPrice,
        status: "pending",
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
      });
    } catch (e) {
      throw refusal(e);
    }
  }

  /** One row of a booking's audit trail. */
  async function addEvent(event: NewEvent): Promise<void> {
    await db.insert(bookingEvents).values({
      bookingId: event.bookingId,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actor: event.actor,
      actorUserId: event.actorUserId ?? null,
      reason: event.reason ?? null,
    });
  }

  /** The booking's status, owner and when it ends (venue-local date and HH:MM), or null. */
  async function statusOf(id: number): Promise<{ status: BookingStatus; userId: number; bookingDate: string; endTime: string } | null> {
    const [row] = await db
      .select({ status: bookings.status, userId: bookings.userId, bookingDate: bookings.bookingDate, endTime: bookings.endTime })
      .from(bookings)
      .where(eq(bookings.id, id))
      .limit(1);
    return row
      ? { status: row.status as BookingStatus, userId: row.userId, bookingDate: row.bookingDate, endTime: hhmm(row.endTime) }
      : null;
  }

  /**
   * How many live (pending or confirmed) bookings of the user have not ended by `localNow`, the
   * venue wall-clock time as "YYYY-MM-DD HH:MM". Exact only while the caller holds the user's lock.
   */
  async function countLiveUpcoming(userId: number, localNow: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(bookings)
      .where(
        and(
          eq(bookings.userId, userId),
          inArray(bookings.status, [...LIVE_STATUSES]),
          sql`upper(${bookings.during}) > ${localNow}::timestamp`,
        ),
      );
    return row?.n ?? 0;
  }

  /**
   * Compare-and-set: moves the booking to `to` only while it is still `from`. Of two callers racing
   * on one booking only one gets true.
   */
  async function setStatusIf(id: number, from: BookingStatus, to: BookingStatus): Promise<boolean> {
    const rows = await db
      .update(bookings)
      .set({ status: to, updatedAt: sql`now()` })
      .where(and(eq(bookings.id, id), eq(bookings.status, from)))
      .returning({ id: bookings.id });
    return rows.length > 0;
  }

  async function get(id: number): Promise<Booking | null> {
    const [row] = await joined().where(eq(bookings.id, id)).limit(1);
    return row ? toBooking(row) : null;
  }

  /** The booking if it belongs to `userId`; someone else's booking looks exactly like a missing one. */
  async function getForUser(id: number, userId: number): Promise<Booking | null> {
    const [row] = await joined()
      .where(and(eq(bookings.id, id), eq(bookings.userId, userId)))
      .limit(1);
    return row ? toBooking(row) : null;
  }

  /** Newest first, filtered; a user's list passes `userId`. */
  async function list(filter: BookingFilter): Promise<Page<Booking>> {
    const { page, limit, offset } = pageBounds(filter);
    const where = filterConditions(filter);
    const rows = await db
      .select({ ...selection, total: sql<number>`count(*) over()`.mapWith(Number) })
      .from(bookings)
      .innerJoin(venues, eq(venues.id, bookings.venueId))
      .innerJoin(units, eq(units.id, bookings.unitId))
      .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
      .innerJoin(users, eq(users.id, bookings.userId))
      .where(where)
      .orderBy(desc(bookings.createdAt), desc(bookings.id))
      .limit(limit)
      .offset(offset);
    return finishPage(
      rows,
      { page, limit },
      (r) => toBooking(r as unknown as Selected),
      async () => {
        const [c] = await db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(bookings)
          .innerJoin(users, eq(users.id, bookings.userId))
          .where(where);
        return c?.n ?? 0;
      },
    );
  }

  async function history(id: number): Promise<BookingEvent[]> {
    const rows = await db
      .select({
        fromStatus: bookingEvents.fromStatus,
        toStatus: bookingEvents.toStatus,
        actor: bookingEvents.actor,
        actorUserId: bookingEvents.actorUserId,
        reason: bookingEvents.reason,
        createdAt: bookingEvents.createdAt,
      })
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, id))
      .orderBy(bookingEvents.id);
    return rows as BookingEvent[];
  }

  /**
   * What holds a venue's units on a day, for availability and unit choice (one statement):
   * live hourly bookings, and scheduled sessions (a session's own places hold the session, not the unit).
   */
  async function dayHolds(venueId: number, date: string): Promise<Hold[]> {
    const booked = db
      .select({ unitId: bookings.unitId, places: bookings.places, start: bookings.startTime, end: bookings.endTime })
      .from(bookings)
      .where(
        and(
          eq(bookings.venueId, venueId),
          eq(bookings.bookingDate, date),
          inArray(bookings.status, [...LIVE_STATUSES]),
          isNull(bookings.sessionId),
        ),
      );
    const held = db
      .select({ unitId: sessions.unitId, places: sql<number>`1`.as("places"), start: sessions.startTime, end: sessions.endTime })
      .from(sessions)
      .where(and(eq(sessions.venueId, venueId), eq(sessions.bookingDate, date), eq(sessions.status, "scheduled")));
    // one round trip: this runs on every availability miss and every "any free court" booking
    const rows = await unionAll(booked, held);
    return rows.map((r) => ({ unitId: r.unitId, places: Number(r.places), start: parseTime(hhmm(r.start)), end: parseTime(hhmm(r.end)) }));
  }

  return { insertWithEvent, addEvent, statusOf, countLiveUpcoming, setStatusIf, get, getForUser, list, history, dayHolds };
}

export type BookingsRepository = ReturnType<typeof bookingsRepository>;
