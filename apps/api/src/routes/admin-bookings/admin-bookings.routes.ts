import { createRoute, z } from "@hono/zod-openapi";
import {
  adminErrorResponses,
  conflictResponse,
  errorResponses,
  jsonBody,
  jsonContent,
  notFoundResponse,
} from "../../lib/openapi.ts";
import { DateSchema, IdParamSchema, PageQuerySchema, pageSchema, PhoneSchema, StatusSchema } from "../../lib/schemas.ts";
import { AdminBookingDetailSchema, AdminBookingSchema } from "../bookings/bookings.schemas.ts";

const tags = ["Admin: bookings"];
const security = [{ Bearer: [] }];
const id = (name: string) => z.coerce.number().int().positive().max(2_147_483_647).optional().openapi({ param: { name, in: "query" } });

export const list = createRoute({
  method: "get",
  path: "/api/admin/bookings",
  tags,
  summary: "All bookings, newest first, with filters",
  security,
  request: {
    query: PageQuerySchema.extend({
      status: StatusSchema.optional().openapi({ param: { name: "status", in: "query" } }),
      venue_id: id("venue_id"),
      user_id: id("user_id"),
      date: DateSchema.optional().openapi({ param: { name: "date", in: "query" } }),
      phone: PhoneSchema.optional().openapi({ param: { name: "phone", in: "query" } }),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(AdminBookingSchema, "AdminBookingPage"), "A page of bookings"),
    ...errorResponses,
    ...adminErrorResponses,
    ...notFoundResponse,
  },
});

export const get = createRoute({
  method: "get",
  path: "/api/admin/bookings/{id}",
  tags,
  summary: "One booking with its status history",
  security,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(AdminBookingDetailSchema, "The booking"), ...errorResponses, ...adminErrorResponses, ...notFoundResponse },
});

export const setStatus = createRoute({
  method: "patch",
  path: "/api/admin/bookings/{id}",
  tags,
  summary: "Move a booking along the status machine",
  description: "pending → confirmed | cancelled; confirmed → cancelled | completed. Anything else is 409.",
  security,
  request: {
    params: IdParamSchema,
    body: jsonBody(
      z
        .strictObject({ status: StatusSchema, reason: z.string().trim().max(500).optional() })
        .openapi("AdminBookingStatus", { example: { status: "confirmed" } }),
    ),
  },
  responses: {
    200: jsonContent(AdminBookingDetailSchema, "The booking"),
    ...errorResponses,
    ...adminErrorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});
