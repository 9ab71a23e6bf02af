import {
  BookingCreateSchema,
  BookingListQuerySchema,
  BookingMoveSchema,
  BookingSchema,
  IdParamSchema,
  IdempotencyHeaderSchema,
  pageSchema,
} from "@venue-booking/contract";
import { conflictResponse, idempotencyResponse, jsonBody, jsonContent, notFoundResponse, problem, userRoute } from "../../lib/openapi.ts";

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
  summary: "Book a slot (any free unit of the venue, one of a kind, or a chosen one), or places or seats in a session",
  description:
    "With `session_id` (and `places`, or `seats` of a seated session) the booking is a place in that session: the total " +
    "is places x its price per place; 409 SESSION_FULL, SEAT_TAKEN or ALREADY_BOOKED (one booking per player and " +
    "session), 400 UNKNOWN_SEAT or SESSION_STARTED, 404 SESSION_NOT_FOUND for a cancelled or unknown one. Otherwise " +
    "it is an hourly booking of `venue_id` on `booking_date` from `start_time` to `end_time`. The booking starts `pending`. Without `unit_id` the first unit by `sort_order, id` that can take the whole range is " +
    "booked (`unit_kind` narrows the choice; combined units only by id); with it, that unit or 409 SLOT_TAKEN. `places` " +
    "(default 1) is for pooled units: above the pool's capacity 400 PLACES_ABOVE_CAPACITY, on an exclusive unit 400 " +
    "PLACES_ON_EXCLUSIVE_UNIT, too few left 409 NOT_ENOUGH_PLACES. The total is the unit's hourly price (the venue's when " +
    "it has none) times the duration times the places. Start and end lie on the hour grid inside the venue's hours, not in " +
    "the past (venue time) and at most the horizon ahead. An unknown unit or kind is 404 UNIT_NOT_FOUND; a booking past " +
    "`MAX_LIVE_BOOKINGS_PER_USER` (10) upcoming pending or confirmed ones is 409 TOO_MANY_LIVE_BOOKINGS. With an " +
    "`Idempotency-Key`, a retry returns the booking the first request made instead of booking twice (kept 24 hours).",
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(BookingCreateSchema) },
  responses: {
    201: jsonContent(BookingSchema, "Booked"),
    ...notFoundResponse,
    409: problem(409, "SLOT_TAKEN, NOT_ENOUGH_PLACES, SESSION_FULL, SEAT_TAKEN, ALREADY_BOOKED or TOO_MANY_LIVE_BOOKINGS"),
    ...idempotencyResponse,
  },
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

export const move = userRoute({
  method: "patch",
  path: "/api/bookings/{id}",
  tags,
  summary: "Move your booking to another time or unit of its venue",
  description:
    "Any of `booking_date`, `start_time`, `end_time`, `unit_id` (a new start without an end keeps the length). Allowed " +
    "while the venue's cancellation window still lets you cancel (409 MOVE_TOO_LATE), to a time any new booking could " +
    "take. The new time is claimed and the old one freed together: a taken time is 409 SLOT_TAKEN and the booking stays " +
    "as it was. The price is computed again; the history gets a `rescheduled` row. Only pending and confirmed hourly " +
    "bookings move (409 BOOKING_NOT_MOVABLE).",
  request: { params: IdParamSchema, body: jsonBody(BookingMoveSchema) },
  responses: {
    200: jsonContent(BookingSchema, "Moved"),
    ...notFoundResponse,
    409: problem(409, "SLOT_TAKEN, VENUE_CLOSED, MOVE_TOO_LATE or BOOKING_NOT_MOVABLE"),
  },
});
