import {
  BookingSchema,
  IdParamSchema,
  pageSchema,
  WaitlistCreateSchema,
  WaitlistEntrySchema,
  WaitlistListQuerySchema,
} from "@venue-booking/contract";
import { adminRoute, jsonBody, jsonContent, notFoundResponse, problem, userRoute } from "../../lib/openapi.ts";

const tags = ["Waitlist"];

export const join = userRoute({
  method: "post",
  path: "/api/waitlist",
  tags,
  summary: "Wait for a time that is taken",
  description:
    "Only for a range that cannot be booked now (409 SLOT_AVAILABLE: book it instead); the range must be one a booking " +
    "could take. When a booking that held it is cancelled or expires, the earliest waiting player whose range is then " +
    "free gets a pending booking made for them in that same transaction, held for WAITLIST_HOLD_MINUTES (15): keep it " +
    "with POST /api/bookings/{id}/keep/, or let it go (cancel it); not kept in time, it is offered to the next. Nobody " +
    "else can book the time while it is offered. The player is told by SMS.",
  request: { body: jsonBody(WaitlistCreateSchema) },
  responses: {
    201: jsonContent(WaitlistEntrySchema, "Waiting"),
    ...notFoundResponse,
    409: problem(409, "SLOT_AVAILABLE or ALREADY_WAITING"),
  },
});

export const mine = userRoute({
  method: "get",
  path: "/api/waitlist",
  tags,
  summary: "Your waitlist entries, newest first",
  request: { query: WaitlistListQuerySchema },
  responses: { 200: jsonContent(pageSchema(WaitlistEntrySchema, "WaitlistPage"), "A page of entries"), ...notFoundResponse },
});

export const leave = userRoute({
  method: "delete",
  path: "/api/waitlist/{id}",
  tags,
  summary: "Stop waiting (an offer you hold is let go and goes to the next)",
  request: { params: IdParamSchema },
  responses: { 204: { description: "No longer waiting" }, ...notFoundResponse },
});

export const keep = userRoute({
  method: "post",
  path: "/api/bookings/{id}/keep",
  tags,
  summary: "Keep the booking the waitlist offered you",
  description: "It stays pending for the venue to confirm, like any booking; 409 NOT_OFFERED when it is not an offer still held for you.",
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(BookingSchema, "Kept"), 409: problem(409, "NOT_OFFERED") },
});

export const all = adminRoute({
  method: "get",
  path: "/api/admin/waitlist",
  tags: ["Admin: waitlist"],
  summary: "Everyone's waitlist entries, newest first",
  request: { query: WaitlistListQuerySchema },
  responses: { 200: jsonContent(pageSchema(WaitlistEntrySchema, "AdminWaitlistPage"), "A page of entries"), ...notFoundResponse },
});
