// Messages to players: the rows the outbox trigger and the reminder rule write, claimed and sent by
// the dispatcher like webhook deliveries (SKIP LOCKED, with a lease).
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { finishPage, hhmm, pageBounds, rowsOf } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";
import type { TranslatedText } from "./schema/venues.ts";

export type NotificationKind = "confirmed" | "cancelled" | "moved" | "reminder" | "offered";

/** A message a dispatcher has claimed, with what its text is made of. */
export type ClaimedNotification = {
  id: number;
  attempts: number;
  kind: NotificationKind;
  reason: string | null;
  phone: string;
  language: string | null;
  firstAt: Date;
  booking: { id: number; reference: string; venueName: TranslatedText; date: string; start: string; end: string } | null;
};

export type Notification = {
  id: number;
  userId: number;
  bookingId: number | null;
  kind: NotificationKind;
  status: "pending" | "sent" | "failed";
  attempts: number;
  phone: string | null;
  text: string | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

export function notificationsRepository(db: Database) {
  async function claim(limit: number, leaseSeconds: number): Promise<ClaimedNotification[]> {
    if (limit <= 0) return [];
    type Row = {
      id: number | string;
      attempts: number;
      kind: NotificationKind;
      reason: string | null;
      phone: string;
      language: string | null;
      created_at: Date | string;
      booking_id: number | null;
      reference: string | null;
      venue_name: TranslatedText | null;
      booking_date: string | null;
      start_time: string | null;
      end_time: string | null;
    };
    const rows = rowsOf<Row>(
      await db.execute(sql`
        with due as (
          select id from notifications
           where status = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
           order by next_attempt_at, id
           limit ${limit}
           for update skip locked),
        claimed as (
          update notifications n set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = n.attempts + 1
            from due where n.id = due.id
          returning n.*)
        select c.id, c.attempts, c.kind, c.reason, c.created_at, u.phone, u.language,
               b.id as booking_id, b.reference, v.name as venue_name,
               -- the booking as the event saw it (a confirmation sent after a move tells the confirmed time)
               coalesce(e.data->'booking'->>'booking_date', b.booking_date::text) as booking_date,
               coalesce(e.data->'booking'->>'start_time', b.start_time::text) as start_time,
               coalesce(e.data->'booking'->>'end_time', b.end_time::text) as end_time
          from claimed c join users u on u.id = c.user_id
          left join outbox_events e on e.id = c.event_id
          left join bookings b on b.id = c.booking_id left join venues v on v.id = b.venue_id`),
    );
    return rows.map((r) => ({
      id: Number(r.id),
      attempts: r.attempts,
      kind: r.kind,
      reason: r.reason,
      phone: r.phone,
      language: r.language,
      firstAt: new Date(r.created_at),
      booking:
        r.booking_id === null || r.reference === null || r.venue_name === null || r.booking_date === null
          ? null
          : {
              id: r.booking_id,
              reference: r.reference,
              venueName: r.venue_name,
              date: r.booking_date,
              start: hhmm(r.start_time ?? ""),
              end: hhmm(r.end_time ?? ""),
            },
    }));
  }

  /** Records a send: sent (with its text), or given up (`retryAfterSeconds` null), or due again later. */
  async function recordSend(
    id: number,
    outcome: { ok: boolean; phone: string; text: string; error: string | null; retryAfterSeconds: number | null; attempt: number },
  ): Promise<void> {
    const status = outcome.ok ? "sent" : outcome.retryAfterSeconds === null ? "failed" : "pending";
    await db.execute(sql`
      update notifications
         set status = ${status}, locked_until = null, phone = ${outcome.phone}, text = ${outcome.text}, last_error = ${outcome.error},
             sent_at = case when ${outcome.ok} then now() else sent_at end,
             next_attempt_at = now() + make_interval(secs => ${outcome.retryAfterSeconds ?? 0})
       where id = ${id} and attempts = ${outcome.attempt} and status = 'pending'`);
  }

  /**
   * Owes a reminder for each confirmed booking starting within `minutes` after `localNow` (the venue
   * wall clock, "YYYY-MM-DD HH:MM"); a booking gets one at most (its unique index). Returns how many.
   */
  async function queueReminders(localNow: string, minutes: number): Promise<number> {
    if (minutes <= 0) return 0;
    const result = await db.execute(sql`
      insert into notifications (user_id, booking_id, kind)
      select user_id, id, 'reminder' from bookings
       where status = 'confirmed' and lower(during) > ${localNow}::timestamp
         and lower(during) <= ${localNow}::timestamp + make_interval(mins => ${minutes})
      on conflict (booking_id) where kind = 'reminder' do nothing
      returning id`);
    return rowsOf(result).length;
  }

  /** Messages newest first, for admins. */
  async function list(filter: PageRequest & { userId?: number | undefined; bookingId?: number | undefined }): Promise<Page<Notification>> {
    const { limit, offset, page } = pageBounds(filter);
    const c: SQL[] = [sql`true`];
    if (filter.userId !== undefined) c.push(sql`user_id = ${filter.userId}`);
    if (filter.bookingId !== undefined) c.push(sql`booking_id = ${filter.bookingId}`);
    const where = sql.join(c, sql` and `);
    type Row = {
      id: number | string;
      user_id: number;
      booking_id: number | null;
      kind: NotificationKind;
      status: Notification["status"];
      attempts: number;
      phone: string | null;
      text: string | null;
      last_error: string | null;
      sent_at: Date | string | null;
      created_at: Date | string;
      total: number | string;
    };
    const rows = rowsOf<Row>(
      await db.execute(sql`
        select *, count(*) over() as total from notifications where ${where}
         order by created_at desc, id desc limit ${limit} offset ${offset}`),
    );
    return finishPage(
      rows.map((r) => ({ ...r, total: Number(r.total) })),
      { page, limit },
      (r) => ({
        id: Number(r.id),
        userId: r.user_id,
        bookingId: r.booking_id,
        kind: r.kind,
        status: r.status,
        attempts: r.attempts,
        phone: r.phone,
        text: r.text,
        lastError: r.last_error,
        sentAt: r.sent_at === null ? null : new Date(r.sent_at),
        createdAt: new Date(r.created_at),
      }),
      async () => Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from notifications where ${where}`))[0]?.n ?? 0),
    );
  }

  return { claim, recordSend, queueReminders, list };
}

export type NotificationsRepository = ReturnType<typeof notificationsRepository>;
