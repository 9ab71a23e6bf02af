import {
  AdminBookingDetailSchema,
  AdminBookingListQuerySchema,
  AdminBookingSchema,
  AdminBookingStatusSchema,
  IdParamSchema,
  pageSchema,
} from "@venue-booking/contract";
import { adminRoute, conflictResponse, jsonBody, jsonContent, notFoundResponse } from "../../lib/openapi.ts";

const tags = ["Admin: bookings"];

export const list = adminRoute({
  method: "get",
  path: "/api/admin/bookings",
  tags,
  summary: "All bookings, newest first, with filters",
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

export const setStatus = adminRoute({
  method: "patch",
  path: "/api/admin/bookings/{id}",
  tags,
  summary: "Move a booking along the status machine",
  description:
    "pending → confirmed | cancelled; confirmed → cancelled | completed, and completed only once the booking has ended " +
    "(venue time; BOOKING_NOT_ENDED). Anything else is 409.",
  request: { params: IdParamSchema, body: jsonBody(AdminBookingStatusSchema) },
  responses: { 200: jsonContent(AdminBookingDetailSchema, "The booking"), ...notFoundResponse, ...conflictResponse },
});
