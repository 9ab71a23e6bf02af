import {
  IdempotencyHeaderSchema,
  IdParamSchema,
  pageSchema,
  SeriesCancelledSchema,
  SeriesCancelQuerySchema,
  SeriesCreatedSchema,
  SeriesCreateSchema,
  SeriesDetailSchema,
  SeriesListQuerySchema,
  SeriesSchema,
} from "@venue-booking/contract";
import { adminRoute, idempotencyResponse, jsonBody, jsonContent, notFoundResponse, problem } from "../../lib/openapi.ts";

const tags = ["Admin: series"];

export const create = adminRoute({
  method: "post",
  path: "/api/admin/series",
  tags,
  summary: "A weekly standing booking: the same hours on one weekday, for a number of weeks",
  description:
    "Books every `weekday` from the first one on or after `first_date`, `weeks` times or up to `last_date` (at most 52), " +
    "for the customer with `phone` (made when new). Each occurrence is an ordinary booking with `series_id`, checked by " +
    "the same rules and database constraints as any (staff pass the notice and the horizon). `on_conflict: fail` (the " +
    "default) creates nothing when any date cannot be booked: 409 SERIES_CONFLICTS with `dates` [{date, code, message}]; " +
    "`skip` books the rest and lists the refused dates under `skipped`. A unit or kind the venue does not offer is " +
    "404 UNIT_NOT_FOUND, a deactivated customer 409 CUSTOMER_INACTIVE, once for the series. The first date is at most " +
    "a year ahead. With an `Idempotency-Key` (kept per admin), a retry answers the series the first request made.",
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(SeriesCreateSchema) },
  responses: {
    201: jsonContent(SeriesCreatedSchema, "The series, its bookings and the dates skipped"),
    ...notFoundResponse,
    409: problem(409, "SERIES_CONFLICTS (with dates) or CUSTOMER_INACTIVE"),
    ...idempotencyResponse,
  },
});

export const list = adminRoute({
  method: "get",
  path: "/api/admin/series",
  tags,
  summary: "Weekly series, newest first, by customer phone and venue",
  request: { query: SeriesListQuerySchema },
  responses: { 200: jsonContent(pageSchema(SeriesSchema, "SeriesPage"), "A page of series"), ...notFoundResponse },
});

export const get = adminRoute({
  method: "get",
  path: "/api/admin/series/{id}",
  tags,
  summary: "One series with its bookings",
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(SeriesDetailSchema, "The series"), ...notFoundResponse },
});

export const cancel = adminRoute({
  method: "delete",
  path: "/api/admin/series/{id}",
  tags,
  summary: "Cancel a series' live bookings from a date on",
  description:
    "Cancels its pending and confirmed bookings on and after `from` (default: today, venue time) that have not started, in one statement, " +
    "each with a history row (reason `series cancelled`); earlier ones stay. Answers the series with `cancelled`: the " +
    "bookings this request cancelled (none on a repeat).",
  request: { params: IdParamSchema, query: SeriesCancelQuerySchema },
  responses: { 200: jsonContent(SeriesCancelledSchema, "The series after cancelling"), ...notFoundResponse },
});
