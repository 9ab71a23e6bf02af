import type { Context } from "hono";
import { assertAdmin } from "../../lib/auth.ts";
import type { AppEnv } from "../../lib/env.ts";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { linkOrigin, pageEnvelope, requestLink } from "../../lib/paging.ts";
import { toAdminUnitJson, toVenueAllJson, toVenueJson } from "../../mappers/venues.ts";
import { policyDefaults } from "../../services/calendar.ts";
import { importVenues } from "../../services/import-venues.ts";
import { availabilityJson } from "../../services/availability.ts";
import {
  createVenue,
  deactivateVenue,
  freeAtVenues,
  getVenue,
  publicFreeAtJson,
  listVenues,
  publicVenueJson,
  publicVenueListJson,
  updateVenue,
} from "../../services/venues.ts";
import { addUnit, removeUnit, updateUnit } from "../../services/units.ts";
import { createClosure, listClosures, removeClosure } from "../../services/closures.ts";
import type { CreatedClosure } from "../../services/closures.ts";
import type { Closure } from "@venue-booking/db";
import type {
  availability,
  create,
  createClosure as createClosureRoute,
  listClosures as listClosuresRoute,
  removeClosure as removeClosureRoute,
  createUnit,
  get,
  importRows,
  list,
  remove,
  removeUnit as removeUnitRoute,
  update,
  updateUnit as updateUnitRoute,
} from "./venues.routes.ts";

function wantsAll(c: Context<AppEnv>, translations: "all" | undefined): boolean {
  if (translations !== "all") return false;
  assertAdmin(c);
  return true;
}

/** A body the service rendered already, in the route's own response schema (typed handlers only know c.json). */
function renderedJson(c: Context<AppEnv>, body: string | Uint8Array<ArrayBuffer>): never {
  return c.body(body, 200, { "content-type": "application/json" }) as never;
}

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const q = c.req.valid("query");
  const all = wantsAll(c, q.translations);
  const includeInactive = q.include_inactive === "true";
  if (includeInactive || q.slug !== undefined) assertAdmin(c);
  const { deps, lang } = c.var;
  const query = {
    page: q.page ?? 1,
    search: q.search?.trim() || undefined,
    minPrice: q.min_price,
    maxPrice: q.max_price,
    includeInactive,
    slug: q.slug,
  };
  const defaults = policyDefaults(deps.config);
  if (q.date !== undefined && q.start_time !== undefined && q.end_time !== undefined) {
    const freeQuery = {
      ...query,
      date: q.date,
      startTime: q.start_time,
      endTime: q.end_time,
      places: q.places ?? 1,
      unitKind: q.unit_kind,
    };
    if (!all) return renderedJson(c, await publicFreeAtJson(deps, { query: freeQuery, lang, origin: linkOrigin(c) }));
    const page = await freeAtVenues(deps, freeQuery);
    return c.json(
      pageEnvelope(requestLink(c), page, (v) => ({ ...toVenueAllJson(v, defaults), free_units: v.freeUnits })),
      200,
    );
  }
  if (includeInactive || all || q.slug !== undefined) {
    const page = await listVenues(deps, query);
    return c.json(
      pageEnvelope(requestLink(c), page, (v) => (all ? toVenueAllJson(v, defaults) : toVenueJson(v, lang, defaults))),
      200,
    );
  }
  return renderedJson(c, await publicVenueListJson(deps, { query, lang, origin: linkOrigin(c) }));
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  const { id } = c.req.valid("param");
  const all = wantsAll(c, c.req.valid("query").translations);
  const { deps, lang, user } = c.var;
  if (user?.isAdmin === true) {
    const venue = await getVenue(deps, id);
    return c.json(all ? toVenueAllJson(venue, policyDefaults(deps.config)) : toVenueJson(venue, lang, policyDefaults(deps.config)), 200);
  }
  return renderedJson(c, await publicVenueJson(deps, { id, lang }));
};

export const availabilityHandler: AppRouteHandler<typeof availability> = async (c) => {
  const { date, unit_id: unitId } = c.req.valid("query");
  return renderedJson(c, await availabilityJson(c.var.deps, { id: c.req.valid("param").id, date, unitId, lang: c.var.lang }));
};

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const venue = await createVenue(c.var.deps, c.req.valid("json"), { deadline: c.var.deadline });
  return c.json(toVenueJson(venue, c.var.lang, policyDefaults(c.var.deps.config)), 201);
};

export const updateHandler: AppRouteHandler<typeof update> = async (c) => {
  const venue = await updateVenue(c.var.deps, { id: c.req.valid("param").id, body: c.req.valid("json"), deadline: c.var.deadline });
  return c.json(toVenueJson(venue, c.var.lang, policyDefaults(c.var.deps.config)), 200);
};

export const removeHandler: AppRouteHandler<typeof remove> = async (c) => {
  await deactivateVenue(c.var.deps, c.req.valid("param").id, { deadline: c.var.deadline });
  return c.body(null, 204);
};

export const importHandler: AppRouteHandler<typeof importRows> = async (c) => {
  return c.json(await importVenues(c.var.deps, { request: c.req.valid("json"), lang: c.var.lang, deadline: c.var.deadline }), 200);
};

export const createUnitHandler: AppRouteHandler<typeof createUnit> = async (c) => {
  const unit = await addUnit(c.var.deps, { venueId: c.req.valid("param").id, body: c.req.valid("json"), deadline: c.var.deadline });
  return c.json(toAdminUnitJson(unit, c.var.lang), 201);
};

export const updateUnitHandler: AppRouteHandler<typeof updateUnitRoute> = async (c) => {
  const { id, unit_id: unitId } = c.req.valid("param");
  const unit = await updateUnit(c.var.deps, { venueId: id, unitId, body: c.req.valid("json"), deadline: c.var.deadline });
  return c.json(toAdminUnitJson(unit, c.var.lang), 200);
};

export const removeUnitHandler: AppRouteHandler<typeof removeUnitRoute> = async (c) => {
  const { id, unit_id: unitId } = c.req.valid("param");
  await removeUnit(c.var.deps, { venueId: id, unitId, deadline: c.var.deadline });
  return c.body(null, 204);
};

function toClosureJson(c: Closure | CreatedClosure) {
  return {
    id: c.id,
    venue_id: c.venueId,
    unit_id: c.unitId,
    date: c.date,
    start_time: c.startTime,
    end_time: c.endTime,
    after_midnight: c.afterMidnight,
    whole_day: c.wholeDay,
    reason: c.reason,
    created_at: c.createdAt.toISOString(),
    ...("cancelledBookings" in c ? { cancelled_bookings: c.cancelledBookings, cancelled_sessions: c.cancelledSessions } : {}),
  };
}

export const createClosureHandler: AppRouteHandler<typeof createClosureRoute> = async (c) => {
  const closure = await createClosure(c.var.deps, {
    venueId: c.req.valid("param").id,
    adminId: c.var.user.id,
    body: c.req.valid("json"),
    deadline: c.var.deadline,
  });
  return c.json(toClosureJson(closure), 201);
};

export const listClosuresHandler: AppRouteHandler<typeof listClosuresRoute> = async (c) => {
  const closures = await listClosures(c.var.deps, {
    venueId: c.req.valid("param").id,
    includePast: c.req.valid("query").include_past === "true",
  });
  return c.json({ results: closures.map(toClosureJson) }, 200);
};

export const removeClosureHandler: AppRouteHandler<typeof removeClosureRoute> = async (c) => {
  const { id, closure_id: closureId } = c.req.valid("param");
  await removeClosure(c.var.deps, { venueId: id, id: closureId, deadline: c.var.deadline });
  return c.body(null, 204);
};
