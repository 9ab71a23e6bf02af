import { createRouter } from "../../lib/openapi.ts";
import * as h from "./admin-bookings.handlers.ts";
import * as r from "./admin-bookings.routes.ts";

export function adminBookingsRouter() {
  return createRouter()
    .openapi(r.list, h.listHandler)
    .openapi(r.create, h.createHandler)
    .openapi(r.get, h.getHandler)
    .openapi(r.setStatus, h.setStatusHandler);
}
