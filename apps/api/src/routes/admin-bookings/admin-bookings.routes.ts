import {
  AdminBookingCreateSchema,
  AdminBookingDetailSchema,
  AdminBookingListQuerySchema,
  AdminBookingSchema,
  AdminBookingStatusSchema,
  IdParamSchema,
  IdempotencyHeaderSchema,
  pageSchema,
} from "@venue-booking/contract";
import { adminRoute, conflictResponse, idempotencyResponse, jsonBody, jsonContent, notFoundResponse, problem } from "../../lib/openapi.ts";

const tags = ["Admin: bookings"];

export const list = adminRoute({
  method: "get",
  path: "/api/admin/bookings",
  tags,
  summary: "All bookings, newest first, with filters (reference finds one booking by its code)",
  request: { query: AdminBookingListQuerySchema },
  responses: { 200: jsonContent(pageSchema(AdminBookingSchema, "AdminBookingPage"), "A page of bookings"), ...notFoundResponse },
});

export const get = adminRoute({
  method: "get",
  path: "/api/admin/bookings/{id}",
  tags,
  summary: "One booking with its status history",
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(AdminBookingDetailSchema, "The booking"), ...notFoundResponse },
});

export const create = adminRoute({
  method: "post",
  path: "/api/admin/bookings",
  tags,
  summary: "Book for a customer by phone (a walk-in or a call)",
  description:
    "The body of a player's booking plus the customer's `phone` (a new phone makes an unverified user, with `name`), " +
    "`note` and `status` (confirmed by default, or pending). Every rule of a player's booking applies except the " +
    "venue's notice and horizon (staff book up to a year ahead) and the player's limit of live bookings. The booking " +
    "reads `source: staff`; its first history row names the admin. With an `Idempotency-Key` (kept per admin), a " +
    "retry returns the first booking.",
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(AdminBookingCreateSchema) },
  responses: {
    201: jsonContent(AdminBookingDetailSchema, "Booked"),
    ...notFoundResponse,
    409: problem(409, "SLOT_TAKEN, VENUE_CLOSED, NOT_ENOUGH_PLACES, SESSION_FULL, SEAT_TAKEN, ALREADY_BOOKED or CUSTOMER_INACTIVE"),
    ...idempotencyResponse,
  },
});

export const setStatus = adminRoute({
  method: "patch",
  path: "/api/admin/bookings/{id}",
  tags,
  summary: "Move a booking along the status machine, or to another time or unit",
  description:
    "Either `status` (with an optional `reason`): pending → confirmed | cancelled; confirmed → cancelled | completed, " +
    "and completed only once the booking has ended (venue time; BOOKING_NOT_ENDED); anything else is 409. Or a move " +
    "(`booking_date`, `start_time`, `end_time`, `unit_id`, any of them; a new start without an end keeps the length): " +
    "any time before the booking ends, to any time the venue's hours and rules allow (staff pass the notice and the " +
    "horizon). The move is one transaction: a taken time is 409 SLOT_TAKEN and leaves the booking as it was; a " +
    "successful one is repriced and writes a `rescheduled` history row with the old and new place. Only pending and " +
    "confirmed hourly bookings move (409 BOOKING_NOT_MOVABLE).",
  request: { params: IdParamSchema, body: jsonBody(AdminBookingStatusSchema) },
  responses: { 200: jsonContent(AdminBookingDetailSchema, "The booking"), ...notFoundResponse, ...conflictResponse },
});
