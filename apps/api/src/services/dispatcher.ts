// Delivers the outbox's events to webhooks. Every API process runs one: it claims due deliveries
// (FOR UPDATE SKIP LOCKED, with a lease), posts each as a Standard Webhooks request, and records the
// outcome; a failure is retried with exponential backoff for a day. A process killed mid-delivery
// loses nothing: its lease runs out and whoever claims next delivers it (at least once, with the
// event's stable id for receivers to deduplicate by).
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { Webhook } from "standardwebhooks";
import type { ClaimedDelivery, ClaimedNotification } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import type { Logger } from "../infra/logger.ts";
import { errorLogFields } from "../lib/error-log.ts";
import { messageText } from "./messages.ts";

/** How long a claim holds a send beyond the longest a try may take (WEBHOOK_TIMEOUT_MS), so a live dispatcher is not overtaken. */
const LEASE_MARGIN_SECONDS = 30;

const leaseSeconds = (deps: AppDeps) => Math.ceil(deps.config.webhookTimeoutMs / 1000) + LEASE_MARGIN_SECONDS;
/** Deliveries in flight per process at most: one receiver that hangs holds one of them, not the rest. */
const MAX_IN_FLIGHT = 16;
/** Retries stop this long after the event was written. */
const RETRY_FOR_MS = 24 * 60 * 60 * 1000;
const MAX_BACKOFF_SECONDS = 3600;

type TryOutcome = { ok: boolean; statusCode: number | null; error: string | null; durationMs: number };

/** The request body of an event: `{id, type, created_at, data}`. */
function webhookBody(event: ClaimedDelivery["event"]): string {
  return JSON.stringify({ id: event.id, type: event.type, created_at: event.createdAt.toISOString(), data: event.data });
}

/**
 * Whether an address may receive webhooks: only public unicast ones, unless private ones are
 * allowed (outside production, or by WEBHOOK_ALLOW_PRIVATE_ADDRESSES). ipaddr.js knows the ranges.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/**
 * Refuses a URL whose host is, or resolves to, a loopback or private address. The name is looked
 * up here and again by fetch, so a name that changes its answer in between could still pass: the
 * setting is a guard against mistakes and simple misuse, not a network boundary.
 */
async function assertDeliverable(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) throw new Error(`${host} is not a public address`);
}

/** One try: the signed request, and what came of it. */
async function attempt(deps: AppDeps, d: ClaimedDelivery): Promise<TryOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    await assertDeliverable(d.url, deps.config.webhookAllowPrivate);
    const body = webhookBody(d.event);
    const at = new Date();
    const res = await fetch(d.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "venue-booking-webhooks/1",
        "webhook-id": d.event.id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": new Webhook(d.secret).sign(d.event.id, at, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(deps.config.webhookTimeoutMs),
    });
    // the answer's body is not needed; reading a little of it lets the connection be reused
    await res.body?.cancel().catch(() => {});
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}`, durationMs: took() };
  } catch (e) {
    return { ok: false, statusCode: null, error: failureText(e).slice(0, 500), durationMs: took() };
  }
}

/** Why a try got no answer: fetch says "fetch failed" and keeps the reason (refused, not found, TLS) in its cause. */
function failureText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.name === "TimeoutError") return "no answer in time";
  const cause = e.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
  return detail ? `${e.message}: ${detail}` : e.message;
}

/** Seconds before the next try after `attempts` failed ones, or null when the day is over. */
export function retryAfter(attempts: number, baseSeconds: number, firstAt: Date, now: Date): number | null {
  const wait = Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
  return now.getTime() + wait * 1000 > firstAt.getTime() + RETRY_FOR_MS ? null : wait;
}

async function deliver(deps: AppDeps, d: ClaimedDelivery): Promise<void> {
  const outcome = await attempt(deps, d);
  const retry = outcome.ok ? 0 : retryAfter(d.attempts, deps.config.webhookRetryBaseSeconds, d.firstAt, new Date());
  await deps.repos.webhooks.recordTry(d.id, { ...outcome, retryAfterSeconds: retry, attempt: d.attempts });
  deps.metrics.webhookDeliveries.inc({ outcome: outcome.ok ? "delivered" : retry === null ? "failed" : "retry" });
}

/** Sends a player's message through the SMS sender; a failure is retried like a webhook's, for a day. */
async function sendMessage(deps: AppDeps, n: ClaimedNotification): Promise<void> {
  const text = messageText(n);
  if (text === null) {
    await deps.repos.notifications.recordSend(n.id, {
      ok: false,
      phone: n.phone,
      text: "",
      error: "the booking is gone",
      retryAfterSeconds: null,
      attempt: n.attempts,
    });
    return;
  }
  try {
    await deps.sms.send(n.phone, text);
    await deps.repos.notifications.recordSend(n.id, {
      ok: true,
      phone: n.phone,
      text,
      error: null,
      retryAfterSeconds: null,
      attempt: n.attempts,
    });
    deps.metrics.messagesSent.inc({ kind: n.kind });
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    const retry = retryAfter(n.attempts, deps.config.webhookRetryBaseSeconds, n.firstAt, new Date());
    await deps.repos.notifications.recordSend(n.id, {
      ok: false,
      phone: n.phone,
      text,
      error,
      retryAfterSeconds: retry,
      attempt: n.attempts,
    });
  }
}

/** Everything due now that there is room for: webhook deliveries and players' messages. */
async function claimDue(deps: AppDeps, room: number): Promise<Promise<void>[]> {
  const deliveries = await deps.repos.webhooks.claim(room, leaseSeconds(deps));
  const messages = await deps.repos.notifications.claim(room - deliveries.length, leaseSeconds(deps));
  return [...deliveries.map((d) => deliver(deps, d)), ...messages.map((n) => sendMessage(deps, n))];
}

/** Claims what is due (up to `room`) and sends it; resolves when those sends are recorded. */
export async function dispatchOnce(deps: AppDeps, room = MAX_IN_FLIGHT): Promise<number> {
  const sends = await claimDue(deps, room);
  await Promise.all(sends);
  return sends.length;
}

/**
 * Starts the dispatcher: every DISPATCH_INTERVAL_MS it claims as many due deliveries as it has room
 * for and sends them without waiting for the others, so a slow receiver never holds up the rest.
 * While a claim fills every place (more is due than fits), each send that ends makes room for the
 * next at once rather than at the next interval: a burst (the reminders of an evening's 19:00
 * games) drains at the speed of the sends, not 16 an interval.
 * Returns a stop function that waits for the deliveries in flight.
 */
export function startDispatcher(deps: AppDeps, logger: Logger): () => Promise<void> {
  const every = deps.config.dispatchIntervalMs;
  if (every <= 0) return async () => {};
  const inFlight = new Set<Promise<void>>();
  let claiming = false;
  let stopped = false;
  let backlog = false;
  const tick = async () => {
    if (claiming || stopped) return;
    claiming = true;
    try {
      const room = MAX_IN_FLIGHT - inFlight.size;
      const sends = await claimDue(deps, room);
      backlog = room > 0 && sends.length === room;
      for (const send of sends) {
        const p: Promise<void> = send
          .catch((e: unknown) => logger.error("dispatch failed", e instanceof Error ? errorLogFields(e) : { error: String(e) }))
          .finally(() => {
            inFlight.delete(p);
            if (backlog) void tick();
          });
        inFlight.add(p);
      }
    } catch (e) {
      backlog = false;
      logger.error("webhook dispatch failed", e instanceof Error ? errorLogFields(e) : { error: String(e) });
    } finally {
      claiming = false;
      // sends that ended while this claimed found it busy: their room is taken up now
      if (backlog && !stopped && inFlight.size < MAX_IN_FLIGHT) setImmediate(() => void tick());
    }
  };
  const timer = setInterval(() => void tick(), every);
  timer.unref();
  void tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await Promise.allSettled([...inFlight]);
  };
}
