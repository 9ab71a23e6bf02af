import { createRoute, z } from "@hono/zod-openapi";
import {
  authErrorResponses,
  conflictResponse,
  errorResponses,
  jsonBody,
  jsonContent,
  notFoundResponse,
} from "../../lib/openapi.ts";
import { IdParamSchema, pageSchema, ProblemSchema } from "../../lib/schemas.ts";
import { BookingCreateSchema, BookingListQuerySchema, BookingSchema } from "./bookings.schemas.ts";

const tags = ["Bookings"];
const security = [{ Bearer: [] }];

export const list = createRoute({
  method: "get",
  path: "/api/bookings",
  tags,
  summary: "Your bookings, newest first",
  security,
  request: { query: BookingListQuerySchema },
  responses: {
    200: jsonContent(pageSchema(BookingSchema, "BookingPage"), "A page of your bookings"),
    ...errorResponses,
    ...authErrorResponses,
    ...notFoundResponse,
  },
});

export const create = createRoute({
  method: "post",
  path: "/api/bookings",
  tags,
  summary: "Book a slot",
  description:
    "The booking starts `pending`; the total is the venue's hourly price times the duration. Start and end lie on the " +
    "hour grid inside the venue's hours, not in the past (venue time) and at most the horizon ahead. A taken slot is 409. " +
    "With an `Idempotency-Key`, a retry returns the first response instead of booking twice (kept 24 hours).",
  security,
  request: {
    headers: z.object({
      "idempotency-key": z
        .string()
        .min(1)
        .max(255)
        .regex(/^[\x21-\x7e]+$/)
        .optional()
        .openapi({ param: { name: "idempotency-key", in: "header" }, example: "3f9c2b0e-booking-1", description: "Idempotency-Key: any client-made string; a retry with the same key returns the first response" }),
    }),
    body: jsonBody(BookingCreateSchema),
  },
  responses: {
    201: jsonContent(BookingSchema, "Booked"),
    ...errorResponses,
    ...authErrorResponses,
    ...notFoundResponse,
    ...conflictResponse,
    422: { description: "The Idempotency-Key was used with a different request", content: { "application/problem+json": { schema: ProblemSchema } } },
  },
});

export const get = createRoute({
  method: "get",
  path: "/api/bookings/{id}",
  tags,
  summary: "One of your bookings (anyone else's is 404)",
  security,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(BookingSchema, "The booking"), ...errorResponses, ...authErrorResponses, ...notFoundResponse },
});

export const cancel = createRoute({
  method: "patch",
  path: "/api/bookings/{id}/cancel",
  tags,
  summary: "Cancel your pending or confirmed booking",
  security,
  request: { params: IdParamSchema },
  responses: {
    200: jsonContent(BookingSchema, "Cancelled"),
    ...errorResponses,
    ...authErrorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});
