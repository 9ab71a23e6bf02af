// Runs the booking lifecycle (packages/db) on a timer in every API process; the SQL is idempotent,
// so replicas running it at the same moment do no harm.
import { runLifecycle, withTransaction } from "@venue-booking/db";
import type { LifecycleResult } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import type { Logger } from "../infra/logger.ts";
import { errorLogFields } from "../lib/error-log.ts";
import { offerFreed } from "./bookings.ts";
import { localNow } from "./calendar.ts";
import { lapseOffers } from "./waitlist.ts";

/** How long delivered events and their delivery logs are kept. */
const OUTBOX_KEEP_DAYS = 30;

export async function runLifecycleOnce(deps: AppDeps): Promise<LifecycleResult & { purgedKeys: number }> {
  const now = localNow(deps);
  // one transaction: the time the job frees goes to whoever waits for it before anyone else can book it
  const result = await withTransaction(deps.database.db, async (tx) => {
    const r = await runLifecycle(tx, now, deps.clock(), deps.config.holdMinutes);
    for (const { venueId, date } of r.freed) await offerFreed(deps, tx, venueId, [date]);
    return r;
  });
  // offers not kept in time lapse (each offered to the next in its own transaction)
  await lapseOffers(deps);
  const purgedKeys = await deps.repos.idempotency.purgeExpired();
  // the outbox keeps a month of events (with their delivery logs) for admins to look back on
  await deps.repos.webhooks.purgeOldEvents(OUTBOX_KEEP_DAYS);
  // a reminder for each confirmed booking starting within REMINDER_MINUTES, once
  await deps.repos.notifications.queueReminders(now, deps.config.reminderMinutes);
  deps.metrics.bookingsCompleted.inc(result.completed);
  deps.metrics.bookingsExpired.inc(result.expired + result.holdsExpired);
  if (result.completed || result.expired || result.holdsExpired) deps.cache.allBusyChanged();
  return { ...result, purgedKeys };
}

/** Starts the timer (and a first run right away); returns a stop function. */
export function startLifecycleJob(deps: AppDeps, logger: Logger): () => Promise<void> {
  const seconds = deps.config.lifecycleIntervalSeconds;
  if (seconds <= 0) return async () => {};
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runLifecycleOnce(deps)
      .then((r) => {
        if (r.completed || r.expired || r.holdsExpired) logger.info("booking lifecycle", r);
      })
      .catch((e: unknown) => logger.error("booking lifecycle failed", e instanceof Error ? errorLogFields(e) : { error: String(e) }));
  };
  tick();
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
