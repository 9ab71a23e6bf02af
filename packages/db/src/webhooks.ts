// Webhooks and their deliveries. Events are written by triggers (migration 0010) in the transaction
// of the change; here the admin's registrations, and the dispatcher's claim, record and retry.
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Database } from "./client.ts";
import { finishPage, pageBounds, rowsOf } from "./paging.ts";
import type { Page, PageRequest } from "./paging.ts";

export type Webhook = {
  id: number;
  url: string;
  events: string[];
  secret: string;
  isActive: boolean;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
};

export type Delivery = {
  id: number;
  webhookId: number;
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  /** Each try: its answer's status (null: none came), error and time taken. */
  tries: { statusCode: number | null; error: string | null; durationMs: number; at: Date }[];
};

/** A delivery a dispatcher has claimed, with what it sends. */
export type ClaimedDelivery = {
  id: number;
  attempts: number;
  url: string;
  secret: string;
  event: { id: string; type: string; createdAt: Date; data: unknown };
  /** When the event was written: retries stop a day after it. */
  firstAt: Date;
};

type WebhookRow = {
  id: number;
  url: string;
  events: string[];
  secret: string;
  is_active: boolean;
  created_by: number | null;
  created_at: Date | string;
  updated_at: Date | string;
};

const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  url: r.url,
  events: r.events,
  secret: r.secret,
  isActive: r.is_active,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const stamp = (d: Date | string | null): Date | null => (d === null ? null : new Date(d));

export function webhooksRepository(db: Database) {
  async function create(input: { url: string; events: string[]; secret: string; createdBy: number | null }): Promise<Webhook> {
    const [row] = rowsOf<WebhookRow>(
      await db.execute(sql`
        insert into webhooks (url, events, secret, created_by)
        values (${input.url}, ${sql.param(input.events)}::text[], ${input.secret}, ${input.createdBy})
        returning *`),
    );
    if (!row) throw new Error("webhook insert returned no row");
    return toWebhook(row);
  }

  async function get(id: number): Promise<Webhook | null> {
    const [row] = rowsOf<WebhookRow>(await db.execute(sql`select * from webhooks where id = ${id}`));
    return row ? toWebhook(row) : null;
  }

  async function list(page: PageRequest): Promise<Page<Webhook>> {
    const { limit, offset, page: n } = pageBounds(page);
    const rows = rowsOf<WebhookRow & { total: number | string }>(
      await db.execute(sql`select *, count(*) over() as total from webhooks order by id limit ${limit} offset ${offset}`),
    );
    return finishPage(
      rows.map((r) => ({ ...r, total: Number(r.total) })),
      { page: n, limit },
      toWebhook,
      async () => Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from webhooks`))[0]?.n ?? 0),
    );
  }

  async function update(id: number, patch: { url?: string; events?: string[]; isActive?: boolean }): Promise<Webhook | null> {
    const sets: SQL[] = [sql`updated_at = now()`];
    if (patch.url !== undefined) sets.push(sql`url = ${patch.url}`);
    if (patch.events !== undefined) sets.push(sql`events = ${sql.param(patch.events)}::text[]`);
    if (patch.isActive !== undefined) sets.push(sql`is_active = ${patch.isActive}`);
    const [row] = rowsOf<WebhookRow>(await db.execute(sql`update webhooks set ${sql.join(sets, sql`, `)} where id = ${id} returning *`));
    // paused: what it had not received yet is given up (it is not sent a backlog when resumed)
    if (row && patch.isActive === false) {
      await db.execute(sql`
        update webhook_deliveries set status = 'failed', last_error = 'webhook paused', locked_until = null
         where webhook_id = ${id} and status = 'pending'`);
    }
    return row ? toWebhook(row) : null;
  }

  async function remove(id: number): Promise<boolean> {
    return rowsOf(await db.execute(sql`delete from webhooks where id = ${id} returning id`)).length > 0;
  }

  /** A ping for one webhook: an event of its own and its one delivery; returns the delivery's id. */
  async function ping(webhookId: number): Promise<number> {
    const [row] = rowsOf<{ id: number | string }>(
      await db.execute(sql`
        with e as (
          insert into outbox_events (type, data) values ('ping', jsonb_build_object('webhook_id', ${webhookId}::int)) returning id)
        insert into webhook_deliveries (webhook_id, event_id) select ${webhookId}, id from e returning id`),
    );
    if (!row) throw new Error("ping insert returned no row");
    return Number(row.id);
  }

  /** The webhook's deliveries, newest first, each with its tries. */
  async function deliveries(webhookId: number, page: PageRequest): Promise<Page<Delivery>> {
    const { limit, offset, page: n } = pageBounds(page);
    type Row = {
      id: number | string;
      webhook_id: number;
      event_id: string;
      type: string;
      status: Delivery["status"];
      attempts: number;
      next_attempt_at: Date | string;
      last_status_code: number | null;
      last_error: string | null;
      delivered_at: Date | string | null;
      created_at: Date | string;
      tries: { status_code: number | null; error: string | null; duration_ms: number; at: string }[] | null;
      total: number | string;
    };
    const rows = rowsOf<Row>(
      await db.execute(sql`
        select d.*, e.type, count(*) over() as total,
               (select json_agg(json_build_object('status_code', a.status_code, 'error', a.error, 'duration_ms', a.duration_ms, 'at', a.at)
                                order by a.id)
                  from webhook_attempts a where a.delivery_id = d.id) as tries
          from webhook_deliveries d join outbox_events e on e.id = d.event_id
         where d.webhook_id = ${webhookId}
         order by d.id desc limit ${limit} offset ${offset}`),
    );
    return finishPage(
      rows.map((r) => ({ ...r, total: Number(r.total) })),
      { page: n, limit },
      (r) => ({
        id: Number(r.id),
        webhookId: r.webhook_id,
        eventId: r.event_id,
        eventType: r.type,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: new Date(r.next_attempt_at),
        lastStatusCode: r.last_status_code,
        lastError: r.last_error,
        deliveredAt: stamp(r.delivered_at),
        createdAt: new Date(r.created_at),
        tries: (r.tries ?? []).map((t) => ({ statusCode: t.status_code, error: t.error, durationMs: t.duration_ms, at: new Date(t.at) })),
      }),
      async () =>
        Number(
          rowsOf<{ n: string }>(await db.execute(sql`select count(*) as n from webhook_deliveries where webhook_id = ${webhookId}`))[0]
            ?.n ?? 0,
        ),
    );
  }

  /**
   * Claims up to `limit` due deliveries for `leaseSeconds`: rows no other dispatcher holds (SKIP
   * LOCKED) whose lease, if any, has run out. One statement: the claim is the update.
   */
  async function claim(limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    if (limit <= 0) return [];
    type Row = {
      id: number | string;
      attempts: number;
      url: string;
      secret: string;
      event_id: string;
      type: string;
      event_at: Date | string;
      data: unknown;
    };
    const rows = rowsOf<Row>(
      await db.execute(sql`
        with due as (
          -- a paused webhook's deliveries wait for it to be resumed
          select d.id from webhook_deliveries d join webhooks w on w.id = d.webhook_id and w.is_active
           where d.status = 'pending' and d.next_attempt_at <= now() and (d.locked_until is null or d.locked_until < now())
           order by d.next_attempt_at, d.id
           limit ${limit}
           for update of d skip locked),
        claimed as (
          update webhook_deliveries d set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = d.attempts + 1
            from due where d.id = due.id
          returning d.id, d.attempts, d.webhook_id, d.event_id)
        select c.id, c.attempts, w.url, w.secret, e.id as event_id, e.type, e.created_at as event_at, e.data
          from claimed c join webhooks w on w.id = c.webhook_id join outbox_events e on e.id = c.event_id`),
    );
    return rows.map((r) => ({
      id: Number(r.id),
      attempts: r.attempts,
      url: r.url,
      secret: r.secret,
      event: { id: r.event_id, type: r.type, createdAt: new Date(r.event_at), data: r.data },
      firstAt: new Date(r.event_at),
    }));
  }

  /**
   * Records a try: delivered, or (`retryAfterSeconds` null) given up, or due again after that many
   * seconds; the lease is let go either way. With its row in webhook_attempts, in one statement.
   */
  async function recordTry(
    id: number,
    outcome: {
      ok: boolean;
      statusCode: number | null;
      error: string | null;
      durationMs: number;
      retryAfterSeconds: number | null;
      /** The claim's attempt number: a dispatcher whose lease ran out (and was overtaken) records nothing. */
      attempt: number;
    },
  ): Promise<void> {
    const status = outcome.ok ? "delivered" : outcome.retryAfterSeconds === null ? "failed" : "pending";
    await db.execute(sql`
      with d as (
        update webhook_deliveries
           set status = ${status}, locked_until = null, last_status_code = ${outcome.statusCode}, last_error = ${outcome.error},
               delivered_at = case when ${outcome.ok} then now() else delivered_at end,
               next_attempt_at = now() + make_interval(secs => ${outcome.retryAfterSeconds ?? 0})
         where id = ${id} and attempts = ${outcome.attempt} and status = 'pending'
        returning id)
      insert into webhook_attempts (delivery_id, status_code, error, duration_ms)
      select id, ${outcome.statusCode}, ${outcome.error}, ${outcome.durationMs} from d`);
  }

  /**
   * Forgets events older than `days` that nothing still waits to send (their deliveries and tries go
   * with them; messages keep their text); returns how many.
   */
  async function purgeOldEvents(days: number): Promise<number> {
    const result = await db.execute(sql`
      delete from outbox_events e
       where e.created_at < now() - make_interval(days => ${days})
         and not exists (select 1 from webhook_deliveries d where d.event_id = e.id and d.status = 'pending')
         and not exists (select 1 from notifications n where n.event_id = e.id and n.status = 'pending')
      returning e.id`);
    return rowsOf(result).length;
  }

  return { create, get, list, update, remove, ping, deliveries, claim, recordTry, purgeOldEvents };
}

export type WebhooksRepository = ReturnType<typeof webhooksRepository>;
