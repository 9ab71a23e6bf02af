import { optionalUser, requireAdmin } from "../../lib/middleware.ts";
import { createRouter } from "../../lib/openapi.ts";
import * as h from "./venues.handlers.ts";
import * as r from "./venues.routes.ts";

export function venuesRouter() {
  const router = createRouter();
  // "/api/venues/*" also matches "/api/venues" and "/api/venues/"
  router.on(["POST", "PATCH", "DELETE"], "/api/venues/*", requireAdmin);
  router.on("GET", "/api/venues/*", optionalUser);
  return router
    .openapi(r.list, h.listHandler)
    .openapi(r.get, h.getHandler)
    .openapi(r.availability, h.availabilityHandler)
    .openapi(r.create, h.createHandler)
    .openapi(r.update, h.updateHandler)
    .openapi(r.remove, h.removeHandler);
}
