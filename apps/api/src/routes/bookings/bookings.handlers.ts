import { createHash } from "node:crypto";
import { DomainError, isDomainError } from "@venue-booking/core";
import type { Booking } from "@venue-booking/db";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope } from "../../lib/paging.ts";
import type { cancel, create, get, list } from "./bookings.routes.ts";
import { toBookingJson } from "./bookings.schemas.ts";

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const { page, status } = c.req.valid("query");
  const result = await c.get("deps").repos.bookings.list({ page, status, userId: c.get("user").id });
  const lang = c.get("lang");
  return c.json(pageEnvelope(c.req.url, result, (b) => toBookingJson(b, lang)), 200);
};

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const body = c.req.valid("json");
  const key = c.req.valid("header")["idempotency-key"];
  const { repos, config, clock, metrics, cache } = c.get("deps");
  const user = c.get("user");
  const lang = c.get("lang");
  const requestHash = createHash("sha256")
    .update(JSON.stringify([body.venue_id, body.booking_date, body.start_time, body.end_time]))
    .digest("hex");

  const replay = async () => {
    if (!key) return null;
    const stored = await repos.idempotency.find(user.id, key);
    if (!stored) return null;
    if (stored.requestHash !== requestHash) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
    return c.json(stored.body as ReturnType<typeof toBookingJson>, 201);
  };

  const earlier = await replay();
  if (earlier) return earlier;
  let booking: Booking;
  try {
    booking = await repos.bookings.create(
      {
        userId: user.id,
        venueId: body.venue_id,
        bookingDate: body.booking_date,
        startTime: body.start_time.slice(0, 5),
        endTime: body.end_time.slice(0, 5),
        now: clock(),
        policy: { timeZone: config.timeZone, horizonDays: config.horizonDays },
      },
      key ? (tx, b) => repos.idempotency.record(tx, user.id, key, { requestHash, status: 201, body: toBookingJson(b, lang) }) : undefined,
    );
  } catch (e) {
    if (isDomainError(e, "SLOT_TAKEN")) metrics.bookingConflicts.inc();
    // A concurrent request with the same key won: answer as it did.
    if (key && (isDomainError(e, "SLOT_TAKEN") || !isDomainError(e))) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw e;
  }
  metrics.bookingsCreated.inc();
  cache.busyChanged(booking.venueId, booking.bookingDate);
  return c.json(toBookingJson(booking, lang), 201);
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  const { id } = c.req.valid("param");
  const booking = await c.get("deps").repos.bookings.getForUser(id, c.get("user").id);
  if (!booking) throw new DomainError("BOOKING_NOT_FOUND");
  return c.json(toBookingJson(booking, c.get("lang")), 200);
};

export const cancelHandler: AppRouteHandler<typeof cancel> = async (c) => {
  const { id } = c.req.valid("param");
  const user = c.get("user");
  const { repos, metrics, cache } = c.get("deps");
  const booking = await repos.bookings.changeStatus({
    id,
    to: "cancelled",
    actor: "user",
    actorUserId: user.id,
    ownerId: user.id,
    reason: "cancelled by the player",
  });
  metrics.bookingCancellations.inc({ by: "user" });
  cache.busyChanged(booking.venueId, booking.bookingDate);
  return c.json(toBookingJson(booking, c.get("lang")), 200);
};
