// Booking data access over one connection or transaction. Double bookings are refused by the
// database's exclusion constraint (SQLSTATE 23P01), never by a read before the write; status
// changes are compare-and-set. The services compose these steps into transactions.
import { canCancel, DomainError, LIVE_STATUSES, MINUTES_PER_DAY, parseTime } from "@venue-booking/core";
import type { BookingStatus, ClosureSpan, DomainErrorCode, Hold } from "@venue-booking/core";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import { availabilityRepository } from "./availability.ts";
import type { Database } from "./client.ts";
import { CHECK_VIOLATION, constraintName, EXCLUSION_VIOLATION, sqlState, UNIQUE_VIOLATION } from "./errors.ts";
import { IDEMPOTENCY_TTL_HOURS } from "./idempotency.ts";
import { finishPage, hhmm, pageBounds, rowsOf } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";
import { bookingEvents } from "./schema/booking-events.ts";
import { bookings } from "./schema/bookings.ts";
import type { PriceBreakdownRow } from "./schema/bookings.ts";
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
  /** Starts after midnight of its business day (01:00 of a Friday open 18:00-02:00 is Saturday's 01:00). */
  afterMidnight: boolean;
  durationMinutes: number;
  totalPrice: string;
  /** How the total was charged, run by run (empty for bookings made before prices had rules, and sessions). */
  priceBreakdown: PriceBreakdownRow[];
  status: BookingStatus;
  /** Made by the player in the app, or by staff for a customer. */
  source: BookingSource;
  note: string | null;
  /** A short unique code to tell the booking by on the phone. */
  reference: string;
  seriesId: number | null;
  canCancel: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** What an audit row records: the booking made, its status changed, or it moved (status unchanged). */
export type EventKind = "created" | "status" | "rescheduled";

export type BookingEvent = {
  kind: EventKind;
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus;
  actor: Actor;
  actorUserId: number | null;
  reason: string | null;
  details: Record<string, unknown> | null;
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
  afterMidnight?: boolean;
  totalPrice: string;
  priceBreakdown?: PriceBreakdownRow[];
  /** pending unless staff confirm it as they make it */
  status?: "pending" | "confirmed";
  source?: BookingSource;
  note?: string | null;
  seriesId?: number | null;
};

export type BookingSource = "app" | "staff";

/** A booking of hours for bookAtOnce: the units it may go to, in order, each priced. */
export type AtOnceBooking = {
  userId: number;
  venueId: number;
  /** The config_version of the venue copy the units were chosen and priced from. */
  venueVersion: number;
  venueName: TranslatedText;
  units: { unitId: number; unitName: TranslatedText; totalPrice: string; priceBreakdown: PriceBreakdownRow[] }[];
  places: number;
  bookingDate: string;
  startTime: string;
  endTime: string;
  afterMidnight: boolean;
  status: "pending" | "confirmed";
  source: BookingSource;
  note: string | null;
  seriesId: number | null;
  actor: Actor;
  actorUserId: number;
  /** The player's live bookings must stay below `count` (here only: this venue's); none for staff. */
  limit: { count: number; hereOnly: boolean; localNow: string } | null;
  /** The Idempotency-Key's record, written with the booking. */
  idempotency: { userId: number; key: string; hash: string } | null;
  /** Bounds each lock wait, when the call is a transaction of its own. */
  lockTimeoutMs?: number | undefined;
};

/** What bookAtOnce did: the booking, or why nothing was written. */
export type AtOnceOutcome =
  { outcome: "booked"; booking: Booking } | { outcome: "stale" | "venue_not_found" | "user_not_found" | "user_inactive" | "too_many" };

/** What holds a venue's units through a business day, in minutes of that day (see dayHolds). */
export type DayBusy = { holds: Hold[]; closures: ClosureSpan<TranslatedText>[] };

export type BookingFilter = PageRequest & {
  status?: BookingStatus | undefined;
  venueId?: number | undefined;
  unitId?: number | undefined;
  sessionId?: number | undefined;
  seriesId?: number | undefined;
  reference?: string | undefined;
  userId?: number | undefined;
  date?: string | undefined;
  phone?: string | undefined;
};

export type NewEvent = {
  bookingId: number;
  kind?: EventKind;
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus;
  actor: Actor;
  actorUserId?: number | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
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
  afterMidnight: bookings.afterMidnight,
  totalPrice: bookings.totalPrice,
  priceBreakdown: bookings.priceBreakdown,
  status: bookings.status,
  source: bookings.source,
  note: bookings.note,
  reference: bookings.reference,
  seriesId: bookings.seriesId,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
};

type Selected = {
  [K in keyof typeof selection]: K extends "status" | "source" | "reference"
    ? string
    : K extends "venueName" | "unitName"
      ? TranslatedText
      : K extends "sessionTitle"
        ? TranslatedText | null
        : K extends "priceBreakdown"
          ? PriceBreakdownRow[]
          : unknown;
} & { startTime: string; endTime: string };

/** Minutes from start to end, an end at or before the start being the next day's. */
function durationOf(startTime: string, endTime: string): number {
  const d = parseTime(endTime) - parseTime(startTime);
  return d > 0 ? d : d + MINUTES_PER_DAY;
}

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
    afterMidnight: row.afterMidnight === true,
    durationMinutes: durationOf(startTime, endTime),
    totalPrice: row.totalPrice as string,
    priceBreakdown: row.priceBreakdown,
    status,
    source: row.source as BookingSource,
    note: (row.note as string | null) ?? null,
    reference: row.reference,
    seriesId: (row.seriesId as number | null) ?? null,
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
  if (f.seriesId !== undefined) c.push(eq(bookings.seriesId, f.seriesId));
  if (f.reference !== undefined) c.push(eq(bookings.reference, f.reference.toUpperCase()));
  if (f.userId !== undefined) c.push(eq(bookings.userId, f.userId));
  if (f.date !== undefined) c.push(eq(bookings.bookingDate, f.date));
  if (f.phone !== undefined) c.push(eq(users.phone, f.phone));
  return c.length ? and(...c) : undefined;
}

// What each constraint that refuses a booking means.
/**
 * The book_hours call, a named statement: PostgreSQL parses and plans it once per connection, and
 * nothing builds it per booking. Its parameters are p0, p1, ... in this order.
 */
const BOOK_HOURS = `select * from book_hours($1::int, $2::int, $3::bigint, $4::int[], $5::numeric[], $6::jsonb,
  $7::int, $8::date, $9::time, $10::time, $11::boolean, $12::text, $13::text, $14::text, $15::int, $16::text, $17::int,
  $18::int, $19::boolean, $20::timestamp, $21::int, $22::text, $23::text, make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}), $24::int)`;
const BOOK_HOURS_PARAMS = Array.from({ length: 24 }, (_, i) => sql.placeholder(`p${i}`));

const REFUSALS: Record<string, { code: DomainErrorCode; field: string }> = {
  unit_usage_within_capacity: { code: "NOT_ENOUGH_PLACES", field: "places" },
  unit_usage_closed_empty: { code: "VENUE_CLOSED", field: "start_time" },
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
  const days = availabilityRepository(db);
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
    const status = values.status ?? "pending";
    try {
      const result: unknown = await db.execute(sql`
        with b as (
          insert into bookings (user_id, venue_id, unit_id, places, session_id, seats, booking_date, start_time, end_time, after_midnight,
                                total_price, price_breakdown, status, source, note, series_id)
          values (${values.userId}, ${values.venueId}, ${values.unitId}, ${values.places}, ${values.sessionId ?? null},
                  ${sql.param(values.seats ?? [])}::text[], ${values.bookingDate}, ${values.startTime}, ${values.endTime}, ${values.afterMidnight ?? false},
                  ${values.totalPrice}, ${JSON.stringify(values.priceBreakdown ?? [])}::jsonb, ${status}, ${values.source ?? "app"},
                  ${values.note ?? null}, ${values.seriesId ?? null})
          returning id, reference, created_at, updated_at),
        e as (
          insert into booking_events (booking_id, kind, from_status, to_status, actor, actor_user_id)
          select id, 'created', null, ${status}, ${event.actor}, ${event.actorUserId} from b)
        select id, reference, created_at, updated_at from b`);
      const row = rowsOf<{ id: number; reference: string; created_at: Date | string; updated_at: Date | string }>(result)[0];
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
        afterMidnight: values.afterMidnight ?? false,
        totalPrice: values.totalPrice,
        priceBreakdown: values.priceBreakdown ?? [],
        status,
        source: values.source ?? "app",
        note: values.note ?? null,
        reference: row.reference,
        seriesId: values.seriesId ?? null,
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
      });
    } catch (e) {
      throw refusal(e);
    }
  }

  /**
   * Books hours in one statement (book_hours, migration 0013): under the venue's lock it checks that
   * the venue is still `venueVersion` (the copy the caller priced from), locks the player, counts
   * their live bookings against `limit`, inserts the booking on the first of `units` the database
   * lets it have, with its audit row and the Idempotency-Key's record. Returns the booking, or why
   * nothing was written; a clash or a full pool is thrown as insertWithEvent throws it.
   */
  async function bookAtOnce(b: AtOnceBooking): Promise<AtOnceOutcome> {
    const status = b.status;
    const idem = b.idempotency;
    try {
      const values = [
        b.userId,
        b.venueId,
        b.venueVersion,
        b.units.map((u) => u.unitId),
        b.units.map((u) => u.totalPrice),
        JSON.stringify(b.units.map((u) => u.priceBreakdown)),
        b.places,
        b.bookingDate,
        b.startTime,
        b.endTime,
        b.afterMidnight,
        status,
        b.source,
        b.note,
        b.seriesId,
        b.actor,
        b.actorUserId,
        b.limit?.count ?? null,
        b.limit?.hereOnly ?? false,
        b.limit?.localNow ?? null,
        idem?.userId ?? null,
        idem?.key ?? null,
        idem?.hash ?? null,
        b.lockTimeoutMs === undefined ? null : Math.ceil(b.lockTimeoutMs),
      ];
      const result: unknown = await db._.session
        .prepareQuery({ sql: BOOK_HOURS, params: BOOK_HOURS_PARAMS }, undefined, "book_hours", false)
        .execute(Object.fromEntries(values.map((v, i) => [`p${i}`, v])));
      type Row = {
        outcome: string;
        booked_id: number | null;
        booked_unit: number | null;
        booked_reference: string | null;
        booked_at: Date | string | null;
        user_phone: string | null;
      };
      const row = rowsOf<Row>(result)[0];
      if (!row) throw new Error("book_hours returned no row");
      if (row.outcome !== "booked") return { outcome: row.outcome as Exclude<AtOnceOutcome["outcome"], "booked"> };
      const unit = b.units.find((u) => u.unitId === row.booked_unit);
      if (!unit || row.booked_id === null || row.booked_reference === null || row.booked_at === null || row.user_phone === null) {
        throw new Error("book_hours booked a unit it was not given");
      }
      const at = new Date(row.booked_at);
      return {
        outcome: "booked",
        booking: toBooking({
          id: row.booked_id,
          userId: b.userId,
          userPhone: row.user_phone,
          venueId: b.venueId,
          venueName: b.venueName,
          unitId: unit.unitId,
          unitName: unit.unitName,
          places: b.places,
          sessionId: null,
          sessionTitle: null,
          seats: [],
          bookingDate: b.bookingDate,
          startTime: b.startTime,
          endTime: b.endTime,
          afterMidnight: b.afterMidnight,
          totalPrice: unit.totalPrice,
          priceBreakdown: unit.priceBreakdown,
          status,
          source: b.source,
          note: b.note,
          reference: row.booked_reference,
          seriesId: b.seriesId,
          createdAt: at,
          updatedAt: at,
        }),
      };
    } catch (e) {
      throw refusal(e);
    }
  }

  /**
   * The booking's row locked for a move (after its venue's, the order every booking takes), with
   * what a move reads of it; null when there is none.
   */
  async function lockForMove(id: number): Promise<{
    status: BookingStatus;
    userId: number;
    venueId: number;
    unitId: number;
    places: number;
    sessionId: number | null;
    bookingDate: string;
    startTime: string;
    endTime: string;
    afterMidnight: boolean;
    totalPrice: string;
  } | null> {
    const [row] = await db
      .select({
        status: bookings.status,
        userId: bookings.userId,
        venueId: bookings.venueId,
        unitId: bookings.unitId,
        places: bookings.places,
        sessionId: bookings.sessionId,
        bookingDate: bookings.bookingDate,
        startTime: bookings.startTime,
        endTime: bookings.endTime,
        afterMidnight: bookings.afterMidnight,
        totalPrice: bookings.totalPrice,
      })
      .from(bookings)
      .where(eq(bookings.id, id))
      .for("update");
    return row ? { ...row, status: row.status as BookingStatus, startTime: hhmm(row.startTime), endTime: hhmm(row.endTime) } : null;
  }

  /**
   * Moves a live booking to another time or unit, repriced, in one statement: its trigger lets go of
   * the old time and claims the new one together, so a clash (SLOT_TAKEN, the exclusion constraint)
   * leaves it exactly as it was, and nobody can take the old time between the two halves.
   */
  async function move(
    id: number,
    to: {
      bookingDate: string;
      startTime: string;
      endTime: string;
      afterMidnight: boolean;
      unitId: number;
      totalPrice: string;
      priceBreakdown: PriceBreakdownRow[];
    },
  ): Promise<boolean> {
    try {
      const rows = await db
        .update(bookings)
        .set({ ...to, updatedAt: sql`now()` })
        .where(and(eq(bookings.id, id), inArray(bookings.status, [...LIVE_STATUSES])))
        .returning({ id: bookings.id });
      return rows.length > 0;
    } catch (e) {
      throw refusal(e);
    }
  }

  /** One row of a booking's audit trail. */
  async function addEvent(event: NewEvent): Promise<void> {
    await db.insert(bookingEvents).values({
      bookingId: event.bookingId,
      kind: event.kind ?? "status",
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actor: event.actor,
      actorUserId: event.actorUserId ?? null,
      reason: event.reason ?? null,
      details: event.details ?? null,
    });
  }

  /**
   * The booking's status, owner, venue and times (venue-local date and HH:MM), and how long before
   * its start the venue lets a player cancel (null: the server's default); or null.
   */
  async function statusOf(id: number): Promise<{
    status: BookingStatus;
    userId: number;
    venueId: number;
    bookingDate: string;
    startTime: string;
    endTime: string;
    afterMidnight: boolean;
    cancelUntilMinutes: number | null;
  } | null> {
    const [row] = await db
      .select({
        status: bookings.status,
        userId: bookings.userId,
        venueId: bookings.venueId,
        bookingDate: bookings.bookingDate,
        startTime: bookings.startTime,
        endTime: bookings.endTime,
        afterMidnight: bookings.afterMidnight,
        cancelUntilMinutes: venues.cancelUntilMinutes,
      })
      .from(bookings)
      .innerJoin(venues, eq(venues.id, bookings.venueId))
      .where(eq(bookings.id, id))
      .limit(1);
    return row ? { ...row, status: row.status as BookingStatus, startTime: hhmm(row.startTime), endTime: hhmm(row.endTime) } : null;
  }

  /**
   * How many live (pending or confirmed) bookings of the user have not ended by `localNow`, the
   * venue wall-clock time as "YYYY-MM-DD HH:MM". Exact only while the caller holds the user's lock.
   * (An hourly booking counts in book_hours, at the venue only when it has a limit of its own.)
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
   * Compare-and-set: moves the booking to `to` only while it is still `from` and, when `at` is given,
   * still at that date and time (a move in between changes what a cancellation window was checked
   * against). Of two callers racing on one booking only one gets true.
   */
  async function setStatusIf(
    id: number,
    from: BookingStatus,
    to: BookingStatus,
    at?: { bookingDate: string; startTime: string; endTime: string; afterMidnight: boolean },
  ): Promise<boolean> {
    const rows = await db
      .update(bookings)
      .set({ status: to, updatedAt: sql`now()` })
      .where(
        and(
          eq(bookings.id, id),
          eq(bookings.status, from),
          at === undefined
            ? undefined
            : and(
                eq(bookings.bookingDate, at.bookingDate),
                eq(bookings.startTime, at.startTime),
                eq(bookings.endTime, at.endTime),
                eq(bookings.afterMidnight, at.afterMidnight),
              ),
        ),
      )
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

  /** A weekly series' occurrences, by date. */
  async function ofSeries(seriesId: number): Promise<Booking[]> {
    const rows = await joined().where(eq(bookings.seriesId, seriesId)).orderBy(bookings.bookingDate, bookings.id);
    return rows.map(toBooking);
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
        kind: bookingEvents.kind,
        fromStatus: bookingEvents.fromStatus,
        toStatus: bookingEvents.toStatus,
        actor: bookingEvents.actor,
        actorUserId: bookingEvents.actorUserId,
        reason: bookingEvents.reason,
        details: bookingEvents.details,
        createdAt: bookingEvents.createdAt,
      })
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, id))
      .orderBy(bookingEvents.id);
    return rows as BookingEvent[];
  }

  /**
   * What holds a venue's units through the business day `date`, for unit choice: the day as its
   * availability reads it (availabilityRepository, one statement for both), without its sessions.
   */
  async function dayHolds(venueId: number, date: string): Promise<DayBusy> {
    const { holds, closures } = await days.day(venueId, date);
    return { holds, closures };
  }

  return {
    insertWithEvent,
    bookAtOnce,
    lockForMove,
    move,
    addEvent,
    statusOf,
    countLiveUpcoming,
    setStatusIf,
    get,
    getForUser,
    ofSeries,
    list,
    history,
    dayHolds,
  };
}

export type BookingsRepository = ReturnType<typeof bookingsRepository>;
