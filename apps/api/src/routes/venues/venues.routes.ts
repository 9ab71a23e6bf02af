import {
  AvailabilityQuerySchema,
  AvailabilitySchema,
  ClosureCreateSchema,
  ClosureListQuerySchema,
  ClosureListSchema,
  ClosureParamsSchema,
  ClosureSchema,
  IdParamSchema,
  pageSchema,
  TranslationsQuerySchema,
  UnitCreateSchema,
  UnitParamsSchema,
  AdminUnitSchema,
  UnitUpdateSchema,
  VenueCreateSchema,
  VenueImportRequestSchema,
  VenueImportResultSchema,
  VenueListQuerySchema,
  VenueOutSchema,
  VenueSchema,
  VenueUpdateSchema,
} from "@venue-booking/contract";
import { adminRoute, jsonBody, jsonContent, notFoundResponse, optionalUserRoute, problem, publicRoute } from "../../lib/openapi.ts";

const tags = ["Venues"];
const adminTags = ["Admin: venues"];
const slugTaken = { 409: problem(409, "SLUG_TAKEN: another venue has this slug") };
const unitTags = ["Admin: units"];

export const list = optionalUserRoute({
  method: "get",
  path: "/api/venues",
  tags,
  summary: "Active venues, 10 a page; filter by price, search by name in any language; or where one can play at a time",
  description:
    'With `date`, `start_time` and `end_time` ("free at"), only the venues that can take such a booking now: open then ' +
    "(an end at or before the start is past midnight), not closed, on their grid and length bounds, within their notice " +
    "and horizon, with a unit a booking without `unit_id` would get (of `unit_kind`; a pool with `places` left) free for " +
    "the whole range. Each result says `free_units`.",
  request: { query: VenueListQuerySchema },
  responses: { 200: jsonContent(pageSchema(VenueOutSchema, "VenuePage"), "A page of venues"), ...notFoundResponse },
});

export const get = optionalUserRoute({
  method: "get",
  path: "/api/venues/{id}",
  tags,
  summary: "One venue (inactive ones only for admins)",
  request: { params: IdParamSchema, query: TranslationsQuerySchema },
  responses: { 200: jsonContent(VenueOutSchema, "The venue"), ...notFoundResponse },
});

export const availability = publicRoute({
  method: "get",
  path: "/api/venues/{id}/availability",
  tags,
  summary: "The day's slots, free or taken, per unit and overall, and the free ranges",
  description:
    "Slots that have started already (venue time) and taken slots are not available. A slot of the venue is available " +
    "when some unit can take a one-place booking of it; `free_units` says how many can, `places_left` (venues with " +
    "pooled units) how many pooled places are free. `units` has each active unit's own slots; `?unit_id=` shows one unit. " +
    "The slots follow the day's own hours (after midnight too, `next_day`), grid and prices; closed ones say so " +
    "(`closed`, `closed_reason`), and a weekday the venue does not open is `closed` with no slots.",
  request: { params: IdParamSchema, query: AvailabilityQuerySchema },
  responses: { 200: jsonContent(AvailabilitySchema, "The day"), ...notFoundResponse },
});

export const create = adminRoute({
  method: "post",
  path: "/api/venues",
  tags: adminTags,
  summary: "Create a venue",
  request: { body: jsonBody(VenueCreateSchema) },
  responses: { 201: jsonContent(VenueSchema, "The venue, in the caller's language"), ...slugTaken },
});

export const update = adminRoute({
  method: "patch",
  path: "/api/venues/{id}",
  tags: adminTags,
  summary: "Change some fields of a venue",
  request: { params: IdParamSchema, body: jsonBody(VenueUpdateSchema) },
  responses: { 200: jsonContent(VenueSchema, "The venue"), ...notFoundResponse, ...slugTaken },
});

export const remove = adminRoute({
  method: "delete",
  path: "/api/venues/{id}",
  tags: adminTags,
  summary: "Deactivate a venue (soft delete: its bookings stay)",
  request: { params: IdParamSchema },
  responses: { 204: { description: "Deactivated" }, ...notFoundResponse },
});

export const importRows = adminRoute({
  method: "post",
  path: "/api/admin/venues/import",
  tags: adminTags,
  summary: "Create or update many venues: each row updates the venue with its id, else its slug, else creates one",
  description:
    "A row that changes nothing is `unchanged` and not written. With `atomic`, every row is written in one " +
    "transaction or, when any row fails, none is (`committed: false`, the failed rows say why). Without it each " +
    "row stands alone. `dry_run` writes nothing and says what would happen. Two imports of one file at once " +
    "create each slug once: the unique slug index decides, and the later import updates that venue instead.",
  request: { body: jsonBody(VenueImportRequestSchema) },
  responses: { 200: jsonContent(VenueImportResultSchema, "What each row did (or would have done)") },
});

export const createUnit = adminRoute({
  method: "post",
  path: "/api/venues/{id}/units",
  tags: unitTags,
  summary: "Add a unit (a court, lane, pitch half, combined unit or pool of places) to a venue",
  description:
    "`capacity` 1 is an exclusive unit (the default), more is a pool of places sold one by one. `contains` makes a " +
    "combined unit of two or more exclusive units of the venue (a full pitch of halves A and B): booking it takes its " +
    "parts, booking a part blocks it.",
  request: { params: IdParamSchema, body: jsonBody(UnitCreateSchema) },
  responses: {
    201: jsonContent(AdminUnitSchema, "The unit, in the caller's language"),
    400: problem(400, "INVALID_CONTAINS: parts must be two or more plain exclusive units of the venue"),
    ...notFoundResponse,
  },
});

export const updateUnit = adminRoute({
  method: "patch",
  path: "/api/venues/{id}/units/{unit_id}",
  tags: unitTags,
  summary: "Change some fields of a unit",
  description:
    "Live bookings keep what they hold: a capacity below the places they hold is 409 CAPACITY_BELOW_SOLD; switching " +
    "between exclusive and pooled while they exist, or new parts that are taken at their times, is 409 UNIT_IN_USE.",
  request: { params: UnitParamsSchema, body: jsonBody(UnitUpdateSchema) },
  responses: {
    200: jsonContent(AdminUnitSchema, "The unit"),
    ...notFoundResponse,
    409: problem(409, "CAPACITY_BELOW_SOLD, UNIT_IN_USE, or LAST_UNIT when deactivating the last active unit"),
  },
});

export const removeUnit = adminRoute({
  method: "delete",
  path: "/api/venues/{id}/units/{unit_id}",
  tags: unitTags,
  summary: "Deactivate a unit (its bookings stand)",
  request: { params: UnitParamsSchema },
  responses: { 204: { description: "Deactivated" }, ...notFoundResponse, 409: problem(409, "LAST_UNIT: a venue keeps one active unit") },
});

const closureTags = ["Admin: closures"];

export const createClosure = adminRoute({
  method: "post",
  path: "/api/venues/{id}/closures",
  tags: closureTags,
  summary: "Close a venue, or one unit, for a day or part of it",
  description:
    "Without start_time and end_time the whole day is closed (its hours as they are now). The closure holds its time as a " +
    "booking does: the database refuses bookings in it. Over live bookings or sessions it is 409 CLOSURE_CONFLICTS, " +
    "listing them under `conflicts`, unless `cancel_bookings` is true: they are then cancelled in the same transaction, " +
    "with audit rows giving the closure's reason.",
  request: { params: IdParamSchema, body: jsonBody(ClosureCreateSchema) },
  responses: {
    201: jsonContent(ClosureSchema, "The closure, with what it cancelled"),
    400: problem(400, "DAY_CLOSED: the venue does not open that day"),
    ...notFoundResponse,
    409: problem(409, "CLOSURE_CONFLICTS: live bookings or sessions are in the way"),
  },
});

export const listClosures = adminRoute({
  method: "get",
  path: "/api/venues/{id}/closures",
  tags: closureTags,
  summary: "A venue's closures (those still to come, or all with include_past)",
  request: { params: IdParamSchema, query: ClosureListQuerySchema },
  responses: { 200: jsonContent(ClosureListSchema, "The closures, by date"), ...notFoundResponse },
});

export const removeClosure = adminRoute({
  method: "delete",
  path: "/api/venues/{id}/closures/{closure_id}",
  tags: closureTags,
  summary: "Remove a closure: its time is free to book again",
  request: { params: ClosureParamsSchema },
  responses: { 204: { description: "Removed" }, ...notFoundResponse },
});
