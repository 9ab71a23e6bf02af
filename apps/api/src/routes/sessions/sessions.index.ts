import { createRouter } from "../../lib/openapi.ts";
import * as h from "./sessions.handlers.ts";
import * as r from "./sessions.routes.ts";

export function sessionsRouter() {
  return createRouter()
    .openapi(r.list, h.listHandler)
    .openapi(r.get, h.getHandler)
    .openapi(r.create, h.createHandler)
    .openapi(r.update, h.updateHandler)
    .openapi(r.remove, h.removeHandler);
}
