export * from "./availability.ts";
export * from "./bookings.ts";
export * from "./client.ts";
export * from "./closures.ts";
export * from "./errors.ts";
export * from "./idempotency.ts";
export * from "./lifecycle.ts";
export * from "./notifications.ts";
export * from "./paging.ts";
export * from "./schema/index.ts";
export * from "./series.ts";
export * from "./sessions.ts";
export * from "./transaction.ts";
export * from "./units.ts";
export * from "./users.ts";
export * from "./venues.ts";
export * from "./waitlist.ts";
export * from "./webhooks.ts";

import { availabilityRepository } from "./availability.ts";
import { bookingsRepository } from "./bookings.ts";
import type { Database } from "./client.ts";
import { closuresRepository } from "./closures.ts";
import { idempotencyRepository } from "./idempotency.ts";
import { notificationsRepository } from "./notifications.ts";
import { seriesRepository } from "./series.ts";
import { sessionsRepository } from "./sessions.ts";
import { unitsRepository } from "./units.ts";
import { usersRepository } from "./users.ts";
import { venuesRepository } from "./venues.ts";
import { waitlistRepository } from "./waitlist.ts";
import { webhooksRepository } from "./webhooks.ts";

export function repositories(db: Database) {
  return {
    users: usersRepository(db),
    venues: venuesRepository(db),
    bookings: bookingsRepository(db),
    availability: availabilityRepository(db),
    units: unitsRepository(db),
    sessions: sessionsRepository(db),
    closures: closuresRepository(db),
    series: seriesRepository(db),
    idempotency: idempotencyRepository(db),
    webhooks: webhooksRepository(db),
    notifications: notificationsRepository(db),
    waitlist: waitlistRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;

export { seed } from "./seed.ts";
export { SEED_VENUES } from "./seed-data.ts";
