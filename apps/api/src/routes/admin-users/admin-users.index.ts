import { createRouter } from "../../lib/openapi.ts";
import { requireAdmin } from "../../lib/middleware.ts";
import * as h from "./admin-users.handlers.ts";
import * as r from "./admin-users.routes.ts";

export function adminUsersRouter() {
  const router = createRouter();
  // "/api/admin/users/*" also matches "/api/admin/users" and "/api/admin/users/"
  router.use("/api/admin/users/*", requireAdmin);
  return router.openapi(r.list, h.listHandler).openapi(r.update, h.updateHandler);
}
