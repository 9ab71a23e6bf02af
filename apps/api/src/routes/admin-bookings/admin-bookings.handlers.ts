import type { AdminBookingDetail } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import type { Booking, BookingEvent } from "@venue-booking/db";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope, requestLink } from "../../lib/paging.ts";
import { toAdminBookingJson, toEventJson } from "../../mappers/bookings.ts";
import { createStaffBooking, getBookingWithHistory, listBookings, setBookingStatus } from "../../services/bookings.ts";
import { moveBooking } from "../../services/moves.ts";
import type { create, get, list, setStatus } from "./admin-bookings.routes.ts";

function detail(booking: Booking, history: BookingEvent[], lang: Lang): AdminBookingDetail {
  return { ...toAdminBookingJson(booking, lang), history: history.map(toEventJson) };
}

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const q = c.req.valid("query");
  const result = await listBookings(c.var.deps, {
    page: q.page,
    status: q.status,
    venueId: q.venue_id,
    unitId: q.unit_id,
    sessionId: q.session_id,
    userId: q.user_id,
    date: q.date,
    phone: q.phone,
    seriesId: q.series_id,
    reference: q.reference,
  });
  const lang = c.var.lang;
  return c.json(
    pageEnvelope(requestLink(c), result, (b) => toAdminBookingJson(b, lang)),
    200,
  );
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  const { booking, history } = await getBookingWithHistory(c.var.deps, c.req.valid("param").id);
  return c.json(detail(booking, history, c.var.lang), 200);
};

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const { booking } = await createStaffBooking(c.var.deps, {
    adminId: c.var.user.id,
    request: c.req.valid("json"),
    idempotencyKey: c.req.valid("header")["idempotency-key"],
    deadline: c.var.deadline,
  });
  const history = await c.var.deps.repos.bookings.history(booking.id);
  return c.json(detail(booking, history, c.var.lang), 201);
};

export const setStatusHandler: AppRouteHandler<typeof setStatus> = async (c) => {
  const { status, reason, ...move } = c.req.valid("json");
  const id = c.req.valid("param").id;
  const deps = c.var.deps;
  if (status === undefined) {
    const booking = await moveBooking(deps, {
      id,
      to: move,
      reason,
      by: { actor: "admin", adminId: c.var.user.id },
      deadline: c.var.deadline,
    });
    return c.json(detail(booking, await deps.repos.bookings.history(id), c.var.lang), 200);
  }
  const { booking, history } = await setBookingStatus(deps, { adminId: c.var.user.id, id, to: status, reason, deadline: c.var.deadline });
  return c.json(detail(booking, history, c.var.lang), 200);
};
