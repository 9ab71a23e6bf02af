import { createRouter } from "../../lib/openapi.ts";
import * as h from "./admin-users.handlers.ts";
import * as r from "./admin-users.routes.ts";

export function adminUsersRouter() {
  return createRouter().openapi(r.list, h.listHandler).openapi(r.update, h.updateHandler);
}
