import { pageEnvelope, requestLink } from "../../lib/paging.ts";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { toBookingJson } from "../../mappers/bookings.ts";
import { cancelBooking, createBooking, getOwnBooking, listBookings } from "../../services/bookings.ts";
import { moveBooking } from "../../services/moves.ts";
import type { cancel, create, get, list, move } from "./bookings.routes.ts";

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const { page, status } = c.req.valid("query");
  const result = await listBookings(c.var.deps, { page, status, userId: c.var.user.id });
  const lang = c.var.lang;
  return c.json(
    pageEnvelope(requestLink(c), result, (b) => toBookingJson(b, lang)),
    200,
  );
};

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const { booking } = await createBooking(c.var.deps, {
    userId: c.var.user.id,
    request: c.req.valid("json"),
    idempotencyKey: c.req.valid("header")["idempotency-key"],
    deadline: c.var.deadline,
  });
  return c.json(toBookingJson(booking, c.var.lang), 201);
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  const booking = await getOwnBooking(c.var.deps, { userId: c.var.user.id, id: c.req.valid("param").id });
  return c.json(toBookingJson(booking, c.var.lang), 200);
};

export const cancelHandler: AppRouteHandler<typeof cancel> = async (c) => {
  const booking = await cancelBooking(c.var.deps, { userId: c.var.user.id, id: c.req.valid("param").id, deadline: c.var.deadline });
  return c.json(toBookingJson(booking, c.var.lang), 200);
};

export const moveHandler: AppRouteHandler<typeof move> = async (c) => {
  const booking = await moveBooking(c.var.deps, {
    id: c.req.valid("param").id,
    to: c.req.valid("json"),
    by: { actor: "user", userId: c.var.user.id },
    deadline: c.var.deadline,
  });
  return c.json(toBookingJson(booking, c.var.lang), 200);
};
