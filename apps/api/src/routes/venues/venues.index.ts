import { createRouter } from "../../lib/openapi.ts";
import * as h from "./venues.handlers.ts";
import * as r from "./venues.routes.ts";

export function venuesRouter() {
  return createRouter()
    .openapi(r.list, h.listHandler)
    .openapi(r.get, h.getHandler)
    .openapi(r.availability, h.availabilityHandler)
    .openapi(r.create, h.createHandler)
    .openapi(r.update, h.updateHandler)
    .openapi(r.remove, h.removeHandler)
    .openapi(r.importRows, h.importHandler)
    .openapi(r.createUnit, h.createUnitHandler)
    .openapi(r.updateUnit, h.updateUnitHandler)
    .openapi(r.removeUnit, h.removeUnitHandler)
    .openapi(r.createClosure, h.createClosureHandler)
    .openapi(r.listClosures, h.listClosuresHandler)
    .openapi(r.removeClosure, h.removeClosureHandler);
}
