import { createRouter } from "../../lib/openapi.ts";
import * as h from "./admin-webhooks.handlers.ts";
import * as r from "./admin-webhooks.routes.ts";

export function adminWebhooksRouter() {
  return createRouter()
    .openapi(r.create, h.createHandler)
    .openapi(r.list, h.listHandler)
    .openapi(r.get, h.getHandler)
    .openapi(r.update, h.updateHandler)
    .openapi(r.remove, h.removeHandler)
    .openapi(r.ping, h.pingHandler)
    .openapi(r.deliveries, h.deliveriesHandler);
}
