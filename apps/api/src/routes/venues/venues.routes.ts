import { createRoute, z } from "@hono/zod-openapi";
import {
  adminErrorResponses,
  authErrorResponses,
  errorResponses,
  jsonBody,
  jsonContent,
  notFoundResponse,
} from "../../lib/openapi.ts";
import { DateSchema, IdParamSchema, pageSchema } from "../../lib/schemas.ts";
import {
  AvailabilitySchema,
  TranslationsQuerySchema,
  VenueCreateSchema,
  VenueListQuerySchema,
  VenueOutSchema,
  VenueSchema,
  VenueUpdateSchema,
} from "./venues.schemas.ts";

const tags = ["Venues"];
const adminTags = ["Admin: venues"];
const security = [{ Bearer: [] }];

export const list = createRoute({
  method: "get",
  path: "/api/venues",
  tags,
  summary: "Active venues, 10 a page; filter by price, search by name in any language",
  request: { query: VenueListQuerySchema },
  responses: {
    200: jsonContent(pageSchema(VenueOutSchema, "VenuePage"), "A page of venues"),
    ...errorResponses,
    ...authErrorResponses,
    ...notFoundResponse,
  },
});

export const get = createRoute({
  method: "get",
  path: "/api/venues/{id}",
  tags,
  summary: "One venue (inactive ones only for admins)",
  request: { params: IdParamSchema, query: TranslationsQuerySchema },
  responses: { 200: jsonContent(VenueOutSchema, "The venue"), ...errorResponses, ...authErrorResponses, ...notFoundResponse },
});

export const availability = createRoute({
  method: "get",
  path: "/api/venues/{id}/availability",
  tags,
  summary: "The day's slots, free or taken, and the free ranges",
  description: "Slots that have started already (venue time) and taken slots are not available.",
  request: {
    params: IdParamSchema,
    query: z.object({ date: DateSchema.openapi({ param: { name: "date", in: "query", required: true } }) }),
  },
  responses: { 200: jsonContent(AvailabilitySchema, "The day"), ...errorResponses, ...notFoundResponse },
});

export const create = createRoute({
  method: "post",
  path: "/api/venues",
  tags: adminTags,
  summary: "Create a venue",
  security,
  request: { body: jsonBody(VenueCreateSchema) },
  responses: { 201: jsonContent(VenueSchema, "The venue, in the caller's language"), ...errorResponses, ...adminErrorResponses },
});

export const update = createRoute({
  method: "patch",
  path: "/api/venues/{id}",
  tags: adminTags,
  summary: "Change some fields of a venue",
  security,
  request: { params: IdParamSchema, body: jsonBody(VenueUpdateSchema) },
  responses: { 200: jsonContent(VenueSchema, "The venue"), ...errorResponses, ...adminErrorResponses, ...notFoundResponse },
});

export const remove = createRoute({
  method: "delete",
  path: "/api/venues/{id}",
  tags: adminTags,
  summary: "Deactivate a venue (soft delete: its bookings stay)",
  security,
  request: { params: IdParamSchema },
  responses: { 204: { description: "Deactivated" }, ...errorResponses, ...adminErrorResponses, ...notFoundResponse },
});
