import { requireUser } from "../../lib/middleware.ts";
import { createRouter } from "../../lib/openapi.ts";
import * as h from "./bookings.handlers.ts";
import * as r from "./bookings.routes.ts";

export function bookingsRouter() {
  const router = createRouter();
  // "/api/bookings/*" also matches "/api/bookings" and "/api/bookings/"
  router.use("/api/bookings/*", requireUser);
  return router
    .openapi(r.list, h.listHandler)
    .openapi(r.create, h.createHandler)
    .openapi(r.get, h.getHandler)
    .openapi(r.cancel, h.cancelHandler);
}
