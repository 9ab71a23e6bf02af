import {
  IdParamSchema,
  pageSchema,
  SessionCreateSchema,
  SessionIdParamSchema,
  SessionListQuerySchema,
  SessionSchema,
  SessionUpdateSchema,
} from "@venue-booking/contract";
import { adminRoute, jsonBody, jsonContent, notFoundResponse, optionalUserRoute, problem } from "../../lib/openapi.ts";

const tags = ["Sessions"];
const adminTags = ["Admin: sessions"];

export const list = optionalUserRoute({
  method: "get",
  path: "/api/sessions",
  tags,
  summary: "Scheduled sessions that have not ended, in time order, 10 a page",
  description:
    "Filter by `date`, `venue_id`, a `from`-`to` range of dates, and `available=true` for sessions that have not started " +
    "and have places left. Admins add `include_past=true` and `include_cancelled=true`.",
  request: { query: SessionListQuerySchema },
  responses: { 200: jsonContent(pageSchema(SessionSchema, "SessionPage"), "A page of sessions"), ...notFoundResponse },
});

export const get = optionalUserRoute({
  method: "get",
  path: "/api/sessions/{id}",
  tags,
  summary: "One scheduled session, with its places left and, when seated, each seat free or taken (admins: any session)",
  request: { params: SessionIdParamSchema },
  responses: { 200: jsonContent(SessionSchema, "The session"), ...notFoundResponse },
});

export const create = adminRoute({
  method: "post",
  path: "/api/venues/{id}/sessions",
  tags: adminTags,
  summary: "Schedule a session on an exclusive unit: it holds the unit for its time and sells places (or seats) in it",
  description:
    "Its times lie inside the venue's hours and need not be on the hourly grid. Over a live booking or another session " +
    "of the unit it is 409 SLOT_TAKEN; while it is scheduled, hourly bookings of the unit at its time are refused. " +
    "Players book it with `POST /api/bookings/` and `session_id`.",
  request: { params: IdParamSchema, body: jsonBody(SessionCreateSchema) },
  responses: {
    201: jsonContent(SessionSchema, "The session, in the caller's language"),
    ...notFoundResponse,
    409: problem(409, "SLOT_TAKEN: the unit is booked at that time"),
  },
});

export const update = adminRoute({
  method: "patch",
  path: "/api/sessions/{id}",
  tags: adminTags,
  summary: "Change a session's title, price or capacity (never below the places sold: 409 CAPACITY_BELOW_SOLD)",
  request: { params: SessionIdParamSchema, body: jsonBody(SessionUpdateSchema) },
  responses: { 200: jsonContent(SessionSchema, "The session"), ...notFoundResponse, 409: problem(409, "CAPACITY_BELOW_SOLD") },
});

export const remove = adminRoute({
  method: "delete",
  path: "/api/sessions/{id}",
  tags: adminTags,
  summary: "Cancel a session and every live booking of it (each with an audit row, reason `session cancelled`)",
  request: { params: SessionIdParamSchema },
  responses: { 204: { description: "Cancelled" }, ...notFoundResponse },
});
