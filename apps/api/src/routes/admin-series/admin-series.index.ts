import { createRouter } from "../../lib/openapi.ts";
import * as h from "./admin-series.handlers.ts";
import * as r from "./admin-series.routes.ts";

export function adminSeriesRouter() {
  return createRouter()
    .openapi(r.create, h.createHandler)
    .openapi(r.list, h.listHandler)
    .openapi(r.get, h.getHandler)
    .openapi(r.cancel, h.cancelHandler);
}
