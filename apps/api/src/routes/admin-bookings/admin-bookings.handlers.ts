import { DomainError } from "@venue-booking/core";
import type { Booking } from "@venue-booking/db";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/env.ts";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope } from "../../lib/paging.ts";
import { toAdminBookingJson, toEventJson } from "../bookings/bookings.schemas.ts";
import type { get, list, setStatus } from "./admin-bookings.routes.ts";

async function detail(c: Context<AppEnv>, booking: Booking) {
  const history = await c.get("deps").repos.bookings.history(booking.id);
  return { ...toAdminBookingJson(booking, c.get("lang")), history: history.map(toEventJson) };
}

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const q = c.req.valid("query");
  const result = await c.get("deps").repos.bookings.list({
    page: q.page,
    status: q.status,
    venueId: q.venue_id,
    userId: q.user_id,
    date: q.date,
    phone: q.phone,
  });
  const lang = c.get("lang");
  return c.json(pageEnvelope(c.req.url, result, (b) => toAdminBookingJson(b, lang)), 200);
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  const booking = await c.get("deps").repos.bookings.get(c.req.valid("param").id);
  if (!booking) throw new DomainError("BOOKING_NOT_FOUND");
  return c.json(await detail(c, booking), 200);
};

export const setStatusHandler: AppRouteHandler<typeof setStatus> = async (c) => {
  const { status, reason } = c.req.valid("json");
  const { repos, metrics, cache } = c.get("deps");
  const booking = await repos.bookings.changeStatus({
    id: c.req.valid("param").id,
    to: status,
    actor: "admin",
    actorUserId: c.get("user").id,
    reason: reason ?? null,
  });
  if (status === "cancelled") metrics.bookingCancellations.inc({ by: "admin" });
  cache.busyChanged(booking.venueId, booking.bookingDate);
  return c.json(await detail(c, booking), 200);
};
