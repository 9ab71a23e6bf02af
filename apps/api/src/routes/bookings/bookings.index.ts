import { createRouter } from "../../lib/openapi.ts";
import * as h from "./bookings.handlers.ts";
import * as r from "./bookings.routes.ts";

export function bookingsRouter() {
  return createRouter()
    .openapi(r.list, h.listHandler)
    .openapi(r.create, h.createHandler)
    .openapi(r.get, h.getHandler)
    .openapi(r.move, h.moveHandler)
    .openapi(r.cancel, h.cancelHandler);
}
