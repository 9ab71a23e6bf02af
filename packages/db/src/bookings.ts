// Booking data access. Double bookings are refused by the database's exclusion constraint
// (SQLSTATE 23P01), never by a read before the write; status changes are compare-and-set.
import {
  assertTransition,
  canCancel,
  checkBooking,
  DomainError,
  LIVE_STATUSES,
  parseTime,
  price,
} from "@venue-booking/core";
import type { BookingPolicy, BookingStatus, Interval } from "@venue-booking/core";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { DEADLOCK_DETECTED, EXCLUSION_VIOLATION, SERIALIZATION_FAILURE, sqlState } from "./errors.ts";
import { finishPage, hhmm, pageBounds } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";
import { bookingEvents } from "./schema/booking-events.ts";
import { bookings } from "./schema/bookings.ts";
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

export type NewBooking = {
  userId: number;
  venueId: number;
  bookingDate: string;
  startTime: string;
  endTime: string;
  now: Date;
  policy?: Partial<BookingPolicy>;
};

export type BookingFilter = PageRequest & {
  status?: BookingStatus | undefined;
  venueId?: number | undefined;
  userId?: number | undefined;
  date?: string | undefined;
  phone?: string | undefined;
};

export type StatusChange = {
  id: number;
  to: BookingStatus;
  actor: Actor;
  actorUserId?: number | null;
  reason?: string | null;
  /** When set, only this user's booking may change (others look absent). */
  ownerId?: number;
};

/** What runs inside the booking's transaction once it is inserted (idempotency records). */
export type AfterInsert = (tx: Database, booking: Booking) => Promise<void>;

const selection = {
  id: bookings.id,
  userId: bookings.userId,
  userPhone: users.phone,
  venueId: bookings.venueId,
  venueName: venues.name,
  bookingDate: bookings.bookingDate,
  startTime: bookings.startTime,
  endTime: bookings.endTime,
  totalPrice: bookings.totalPrice,
  status: bookings.status,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
};

type Selected = {
  [K in keyof typeof selection]: K extends "status" ? string : K extends "venueName" ? TranslatedText : unknown;
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
  if (f.userId !== undefined) c.push(eq(bookings.userId, f.userId));
  if (f.date !== undefined) c.push(eq(bookings.bookingDate, f.date));
  if (f.phone !== undefined) c.push(eq(users.phone, f.phone));
  return c.length ? and(...c) : undefined;
}

export function bookingsRepository(db: Database) {
  function joined(conn: Database = db) {
    return conn
      .select(selection)
      .from(bookings)
      .innerJoin(venues, eq(venues.id, bookings.venueId))
      .innerJoin(users, eq(users.id, bookings.userId));
  }

  async function getIn(conn: Database, id: number): Promise<Booking | null> {
    const [row] = await joined(conn).where(eq(bookings.id, id)).limit(1);
    return row ? toBooking(row as Selected) : null;
  }

  /**
   * Checks the request against the venue and the core rules, prices it and inserts it, all in one
   * transaction. A clash with a live booking surfaces as SLOT_TAKEN from the database itself.
   */
  async function create(input: NewBooking, afterInsert?: AfterInsert): Promise<Booking> {
    // A deadlock or serialization failure is retried: the retry meets the committed winner.
    for (let attempt = 1; ; attempt++) {
      try {
        return await insertOnce(input, afterInsert);
      } catch (e) {
        const state = sqlState(e);
        if ((state === DEADLOCK_DETECTED || state === SERIALIZATION_FAILURE) && attempt < 5) continue;
        if (state === EXCLUSION_VIOLATION) throw new DomainError("SLOT_TAKEN", { cause: e });
        throw e;
      }
    }
  }

  async function insertOnce(input: NewBooking, afterInsert?: AfterInsert): Promise<Booking> {
    return db.transaction(async (tx) => {
      const [venue] = await tx
        .select({
          price: venues.pricePerHour,
          opening: venues.openingTime,
          closing: venues.closingTime,
          active: venues.isActive,
        })
        .from(venues)
        .where(eq(venues.id, input.venueId))
        // Queues bookings of one venue behind each other. Without it, two clashing inserts can
        // each wait for the other inside the exclusion check and one dies as a deadlock; with it
        // the later one meets the committed earlier one and gets 23P01 at once. The constraint
        // still decides; this only orders the contenders.
        .for("no key update")
        .limit(1);
      if (!venue || !venue.active) throw new DomainError("VENUE_NOT_FOUND", { field: "venue_id" });
      const start = parseTime(input.startTime, "start_time");
      const end = parseTime(input.endTime, "end_time");
      const hours = { opening: parseTime(hhmm(venue.opening)), closing: parseTime(hhmm(venue.closing)) };
      const { durationMinutes } = checkBooking(
        { date: input.bookingDate, start, end },
        { hours, now: input.now, ...(input.policy ? { policy: input.policy } : {}) },
      );
      const [inserted] = await tx
        .insert(bookings)
        .values({
          userId: input.userId,
          venueId: input.venueId,
          bookingDate: input.bookingDate,
          startTime: input.startTime,
          endTime: input.endTime,
          totalPrice: price(venue.price, durationMinutes),
          status: "pending",
        })
        .returning({ id: bookings.id });
      const id = inserted!.id;
      await tx.insert(bookingEvents).values({ bookingId: id, toStatus: "pending", actor: "user", actorUserId: input.userId });
      const booking = (await getIn(tx as Database, id))!;
      if (afterInsert) await afterInsert(tx as Database, booking);
      return booking;
    });
  }

  async function get(id: number): Promise<Booking | null> {
    return getIn(db, id);
  }

  /** The booking if it belongs to `userId`; someone else's booking looks exactly like a missing one. */
  async function getForUser(id: number, userId: number): Promise<Booking | null> {
    const [row] = await joined()
      .where(and(eq(bookings.id, id), eq(bookings.userId, userId)))
      .limit(1);
    return row ? toBooking(row as Selected) : null;
  }

  /** Newest first, filtered; a user's list passes `userId`. */
  async function list(filter: BookingFilter): Promise<Page<Booking>> {
    const { page, limit, offset } = pageBounds(filter);
    const where = filterConditions(filter);
    const rows = await db
      .select({ ...selection, total: sql<number>`count(*) over()`.mapWith(Number) })
      .from(bookings)
      .innerJoin(venues, eq(venues.id, bookings.venueId))
      .innerJoin(users, eq(users.id, bookings.userId))
      .where(where)
      .orderBy(desc(bookings.createdAt), desc(bookings.id))
      .limit(limit)
      .offset(offset);
    return finishPage(rows, { page, limit }, (r) => toBooking(r as unknown as Selected), async () => {
      const [c] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(bookings)
        .innerJoin(users, eq(users.id, bookings.userId))
        .where(where);
      return c?.n ?? 0;
    });
  }

  /**
   * Moves a booking along the status machine as a compare-and-set on its current status, so two
   * admins (or an admin and the owner) racing on one booking cannot both win: the loser re-reads
   * and gets BAD_TRANSITION when its move is no longer allowed.
   */
  async function changeStatus(change: StatusChange): Promise<Booking> {
    for (;;) {
      const [current] = await db
        .select({ status: bookings.status, userId: bookings.userId })
        .from(bookings)
        .where(eq(bookings.id, change.id))
        .limit(1);
      if (!current || (change.ownerId !== undefined && current.userId !== change.ownerId)) {
        throw new DomainError("BOOKING_NOT_FOUND");
      }
      const from = current.status as BookingStatus;
      assertTransition(from, change.to);
      const moved = await db.transaction(async (tx) => {
        const rows = await tx
          .update(bookings)
          .set({ status: change.to, updatedAt: sql`now()` })
          .where(and(eq(bookings.id, change.id), eq(bookings.status, from)))
          .returning({ id: bookings.id });
        if (rows.length === 0) return false;
        await tx.insert(bookingEvents).values({
          bookingId: change.id,
          fromStatus: from,
          toStatus: change.to,
          actor: change.actor,
          actorUserId: change.actorUserId ?? null,
          reason: change.reason ?? null,
        });
        return true;
      });
      if (moved) return (await get(change.id))!;
    }
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

  /** The intervals live bookings hold on a venue's day, for availability (one indexed query). */
  async function busyIntervals(venueId: number, date: string): Promise<Interval[]> {
    const rows = await db
      .select({ start: bookings.startTime, end: bookings.endTime })
      .from(bookings)
      .where(
        and(eq(bookings.venueId, venueId), eq(bookings.bookingDate, date), inArray(bookings.status, [...LIVE_STATUSES])),
      );
    return rows.map((r) => ({ start: parseTime(hhmm(r.start)), end: parseTime(hhmm(r.end)) }));
  }

  return { create, get, getForUser, list, changeStatus, history, busyIntervals };
}

export type BookingsRepository = ReturnType<typeof bookingsRepository>;
