import {
  AvailabilityQuerySchema,
  AvailabilitySchema,
  IdParamSchema,
  pageSchema,
  TranslationsQuerySchema,
  VenueCreateSchema,
  VenueListQuerySchema,
  VenueOutSchema,
  VenueSchema,
  VenueUpdateSchema,
} from "@venue-booking/contract";
import { adminRoute, jsonBody, jsonContent, notFoundResponse, optionalUserRoute, publicRoute } from "../../lib/openapi.ts";

const tags = ["Venues"];
const adminTags = ["Admin: venues"];

export const list = optionalUserRoute({
  method: "get",
  path: "/api/venues",
  tags,
  summary: "Active venues, 10 a page; filter by price, search by name in any language",
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
  summary: "The day's slots, free or taken, and the free ranges",
  description: "Slots that have started already (venue time) and taken slots are not available.",
  request: { params: IdParamSchema, query: AvailabilityQuerySchema },
  responses: { 200: jsonContent(AvailabilitySchema, "The day"), ...notFoundResponse },
});

export const create = adminRoute({
  method: "post",
  path: "/api/venues",
  tags: adminTags,
  summary: "Create a venue",
  request: { body: jsonBody(VenueCreateSchema) },
  responses: { 201: jsonContent(VenueSchema, "The venue, in the caller's language") },
});

export const update = adminRoute({
  method: "patch",
  path: "/api/venues/{id}",
  tags: adminTags,
  summary: "Change some fields of a venue",
  request: { params: IdParamSchema, body: jsonBody(VenueUpdateSchema) },
  responses: { 200: jsonContent(VenueSchema, "The venue"), ...notFoundResponse },
});

export const remove = adminRoute({
  method: "delete",
  path: "/api/venues/{id}",
  tags: adminTags,
  summary: "Deactivate a venue (soft delete: its bookings stay)",
  request: { params: IdParamSchema },
  responses: { 204: { description: "Deactivated" }, ...notFoundResponse },
});
