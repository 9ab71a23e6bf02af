import type { WaitlistEntry as WaitlistEntryJson } from "@venue-booking/contract";
import type { WaitlistEntry } from "@venue-booking/db";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { createRouter } from "../../lib/openapi.ts";
import { pageEnvelope, requestLink } from "../../lib/paging.ts";
import { toBookingJson } from "../../mappers/bookings.ts";
import { joinWaitlist, keepOffer, leaveWaitlist, listWaitlist } from "../../services/waitlist.ts";
import { all, join, keep, leave, mine } from "./waitlist.routes.ts";

function toEntryJson(e: WaitlistEntry): WaitlistEntryJson {
  return {
    id: e.id,
    user: { id: e.userId, phone: e.userPhone },
    venue_id: e.venueId,
    unit_id: e.unitId,
    unit_kind: e.unitKind,
    places: e.places,
    booking_date: e.bookingDate,
    start_time: e.startTime,
    end_time: e.endTime,
    status: e.status,
    booking_id: e.bookingId,
    offered_until: e.offeredUntil?.toISOString() ?? null,
    created_at: e.createdAt.toISOString(),
  };
}

const joinHandler: AppRouteHandler<typeof join> = async (c) => {
  const entry = await joinWaitlist(c.var.deps, { userId: c.var.user.id, request: c.req.valid("json"), deadline: c.var.deadline });
  return c.json(toEntryJson(entry), 201);
};

const mineHandler: AppRouteHandler<typeof mine> = async (c) => {
  const q = c.req.valid("query");
  const result = await listWaitlist(c.var.deps, { page: q.page, userId: c.var.user.id, venueId: q.venue_id, status: q.status });
  return c.json(pageEnvelope(requestLink(c), result, toEntryJson), 200);
};

const leaveHandler: AppRouteHandler<typeof leave> = async (c) => {
  await leaveWaitlist(c.var.deps, { userId: c.var.user.id, id: c.req.valid("param").id, deadline: c.var.deadline });
  return c.body(null, 204);
};

const keepHandler: AppRouteHandler<typeof keep> = async (c) => {
  const booking = await keepOffer(c.var.deps, { userId: c.var.user.id, bookingId: c.req.valid("param").id });
  return c.json(toBookingJson(booking, c.var.lang), 200);
};

const allHandler: AppRouteHandler<typeof all> = async (c) => {
  const q = c.req.valid("query");
  const result = await listWaitlist(c.var.deps, { page: q.page, venueId: q.venue_id, status: q.status });
  return c.json(pageEnvelope(requestLink(c), result, toEntryJson), 200);
};

export function waitlistRouter() {
  return createRouter()
    .openapi(join, joinHandler)
    .openapi(mine, mineHandler)
    .openapi(leave, leaveHandler)
    .openapi(keep, keepHandler)
    .openapi(all, allHandler);
}
