import { requireAdmin } from "../../lib/middleware.ts";
import { createRouter } from "../../lib/openapi.ts";
import * as h from "./admin-bookings.handlers.ts";
import * as r from "./admin-bookings.routes.ts";

export function adminBookingsRouter() {
  const router = createRouter();
  // "/api/admin/bookings/*" also matches "/api/admin/bookings" and "/api/admin/bookings/"
  router.use("/api/admin/bookings/*", requireAdmin);
  return router.openapi(r.list, h.listHandler).openapi(r.get, h.getHandler).openapi(r.setStatus, h.setStatusHandler);
}
