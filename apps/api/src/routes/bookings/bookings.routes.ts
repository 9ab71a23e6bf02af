import {
  BookingCreateSchema,
  BookingListQuerySchema,
  BookingSchema,
  IdParamSchema,
  IdempotencyHeaderSchema,
  pageSchema,
} from "@venue-booking/contract";
import { conflictResponse, idempotencyResponse, jsonBody, jsonContent, notFoundResponse, userRoute } from "../../lib/openapi.ts";

const tags = ["Bookings"];

export const list = userRoute({
  method: "get",
  path: "/api/bookings",
  tags,
  summary: "Your bookings, newest first",
  request: { query: BookingListQuerySchema },
  responses: { 200: jsonContent(pageSchema(BookingSchema, "BookingPage"), "A page of your bookings"), ...notFoundResponse },
});

export const create = userRoute({
  method: "post",
  path: "/api/bookings",
  tags,
  summary: "Book a slot",
  description:
    "The booking starts `pending`; the total is the venue's hourly price times the duration. Start and end lie on the " +
    "hour grid inside the venue's hours, not in the past (venue time) and at most the horizon ahead. A taken slot is 409, and so " +
    "is a booking past `MAX_LIVE_BOOKINGS_PER_USER` (10) upcoming pending or confirmed ones (TOO_MANY_LIVE_BOOKINGS). " +
    "With an `Idempotency-Key`, a retry returns the booking the first request made instead of booking twice (kept 24 hours).",
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(BookingCreateSchema) },
  responses: { 201: jsonContent(BookingSchema, "Booked"), ...notFoundResponse, ...conflictResponse, ...idempotencyResponse },
});

export const get = userRoute({
  method: "get",
  path: "/api/bookings/{id}",
  tags,
  summary: "One of your bookings (anyone else's is 404)",
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(BookingSchema, "The booking"), ...notFoundResponse },
});

export const cancel = userRoute({
  method: "patch",
  path: "/api/bookings/{id}/cancel",
  tags,
  summary: "Cancel your pending or confirmed booking",
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(BookingSchema, "Cancelled"), ...notFoundResponse, ...conflictResponse },
});
