// The waitlist's rows. Offers are made by the API inside the transaction that frees the time (see
// apps/api/src/services/waitlist.ts); here the entries, their states and the lapse of offers.
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { sqlState, UNIQUE_VIOLATION } from "./errors.ts";
import { finishPage, hhmm, isoDay, pageBounds, rowsOf } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";

export type WaitlistStatus = "waiting" | "offered" | "kept" | "lapsed" | "cancelled";

export type WaitlistEntry = {
  id: number;
  userId: number;
  userPhone: string;
  venueId: number;
  unitId: number | null;
  unitKind: string | null;
  places: number;
  bookingDate: string;
  startTime: string;
  endTime: string;
  status: WaitlistStatus;
  bookingId: number | null;
  offeredUntil: Date | null;
  createdAt: Date;
};

export type NewWaitlistEntry = Pick<
  WaitlistEntry,
  "userId" | "venueId" | "unitId" | "unitKind" | "places" | "bookingDate" | "startTime" | "endTime"
>;

type Row = {
  id: number;
  user_id: number;
  phone: string;
  venue_id: number;
  unit_id: number | null;
  unit_kind: string | null;
  places: number;
  booking_date: string | Date;
  start_time: string;
  end_time: string;
  status: WaitlistStatus;
  booking_id: number | null;
  offered_until: Date | string | null;
  created_at: Date | string;
};

const toEntry = (r: Row): WaitlistEntry => ({
  id: r.id,
  userId: r.user_id,
  userPhone: r.phone,
  venueId: r.venue_id,
  unitId: r.unit_id,
  unitKind: r.unit_kind,
  places: r.places,
  bookingDate: isoDay(r.booking_date) ?? "",
  startTime: hhmm(r.start_time),
  endTime: hhmm(r.end_time),
  status: r.status,
  bookingId: r.booking_id,
  offeredUntil: r.offered_until === null ? null : new Date(r.offered_until),
  createdAt: new Date(r.created_at),
});

/** How many waiting entries one freeing tries at most (the first come: the rest wait for the next). */
const WAITING_TRIED = 20;

const SELECT = sql`select w.*, u.phone from waitlist_entries w join users u on u.id = w.user_id`;

export function waitlistRepository(db: Database) {
  /** Adds the entry; null when the player already waits for that time. */
  async function create(e: NewWaitlistEntry): Promise<number | null> {
    try {
      const [row] = rowsOf<{ id: number }>(
        await db.execute(sql`
          insert into waitlist_entries (user_id, venue_id, unit_id, unit_kind, places, booking_date, start_time, end_time)
          values (${e.userId}, ${e.venueId}, ${e.unitId}, ${e.unitKind}, ${e.places}, ${e.bookingDate}, ${e.startTime}, ${e.endTime})
          returning id`),
      );
      return row?.id ?? null;
    } catch (err) {
      if (sqlState(err) === UNIQUE_VIOLATION) return null;
      throw err;
    }
  }

  async function get(id: number): Promise<WaitlistEntry | null> {
    const [row] = rowsOf<Row>(await db.execute(sql`${SELECT} where w.id = ${id}`));
    return row ? toEntry(row) : null;
  }

  /** Newest first; a player's own list passes `userId`. */
  async function list(
    filter: PageRequest & { userId?: number | undefined; venueId?: number | undefined; status?: WaitlistStatus | undefined },
  ): Promise<Page<WaitlistEntry>> {
    const { limit, offset, page } = pageBounds(filter);
    const c: SQL[] = [sql`true`];
    if (filter.userId !== undefined) c.push(sql`w.user_id = ${filter.userId}`);
    if (filter.venueId !== undefined) c.push(sql`w.venue_id = ${filter.venueId}`);
    if (filter.status !== undefined) c.push(sql`w.status = ${filter.status}`);
    const where = sql.join(c, sql` and `);
    const rows = rowsOf<Row & { total: number | string }>(
      await db.execute(sql`
        select w.*, u.phone, count(*) over() as total from waitlist_entries w join users u on u.id = w.user_id
         where ${where} order by w.id desc limit ${limit} offset ${offset}`),
    );
    return finishPage(
      rows.map((r) => ({ ...r, total: Number(r.total) })),
      { page, limit },
      toEntry,
      async () =>
        Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from waitlist_entries w where ${where}`))[0]?.n ?? 0),
    );
  }

  /** The entries waiting for a time on these days of the venue, first come first, locked for an offer. */
  async function waitingOn(venueId: number, dates: string[]): Promise<WaitlistEntry[]> {
    if (dates.length === 0) return [];
    const rows = rowsOf<Row>(
      await db.execute(sql`
        ${SELECT} where w.venue_id = ${venueId} and w.status = 'waiting'
          and w.booking_date in (${sql.join(
            dates.map((d) => sql`${d}::date`),
            sql`, `,
          )})
        order by w.id limit ${WAITING_TRIED}
        for update of w`),
    );
    return rows.map(toEntry);
  }

  async function markOffered(id: number, bookingId: number, holdMinutes: number): Promise<void> {
    await db.execute(sql`
      update waitlist_entries set status = 'offered', booking_id = ${bookingId}, offered_until = now() + make_interval(mins => ${holdMinutes})
       where id = ${id}`);
  }

  /** The player keeps the booking offered to them: true when it was theirs and still offered. */
  async function keep(bookingId: number, userId: number): Promise<boolean> {
    const rows = rowsOf(
      await db.execute(sql`
        update waitlist_entries set status = 'kept', offered_until = null
         where booking_id = ${bookingId} and user_id = ${userId} and status = 'offered' and offered_until > now()
        returning id`),
    );
    return rows.length > 0;
  }

  /** The player stops waiting: true when the entry was theirs and waiting or offered (its booking, if any). */
  async function cancel(id: number, userId: number): Promise<{ bookingId: number | null } | null> {
    const [row] = rowsOf<{ booking_id: number | null }>(
      await db.execute(sql`
        update waitlist_entries w set status = 'cancelled', offered_until = null
          from waitlist_entries o
         where w.id = o.id and w.id = ${id} and w.user_id = ${userId} and w.status in ('waiting', 'offered')
        returning o.booking_id, o.status`),
    );
    return row ? { bookingId: row.booking_id } : null;
  }

  /** The bookings of offers whose time to keep them has passed. */
  async function dueOffers(): Promise<number[]> {
    const rows = rowsOf<{ booking_id: number }>(
      await db.execute(sql`
        select w.booking_id from waitlist_entries w join bookings b on b.id = w.booking_id and b.status = 'pending'
         where w.status = 'offered' and w.offered_until <= now()
         order by w.offered_until limit 500`),
    );
    return rows.map((r) => r.booking_id);
  }

  /** Compare-and-set: the offer of this booking lapses only while it is still offered and due. */
  async function lapse(bookingId: number): Promise<boolean> {
    const rows = rowsOf(
      await db.execute(sql`
        update waitlist_entries set status = 'lapsed'
         where booking_id = ${bookingId} and status = 'offered' and offered_until <= now()
        returning id`),
    );
    return rows.length > 0;
  }

  /** The message telling the player of an offer (sent by the dispatcher). */
  async function notifyOffer(userId: number, bookingId: number): Promise<void> {
    await db.execute(sql`insert into notifications (user_id, booking_id, kind) values (${userId}, ${bookingId}, 'offered')`);
  }

  return { create, get, list, waitingOn, markOffered, keep, cancel, dueOffers, lapse, notifyOffer };
}

export type WaitlistRepository = ReturnType<typeof waitlistRepository>;
