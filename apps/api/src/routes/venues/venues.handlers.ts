import type { Context } from "hono";
import { assertAdmin } from "../../lib/auth.ts";
import type { AppEnv } from "../../lib/env.ts";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { linkOrigin, pageEnvelope, requestLink } from "../../lib/paging.ts";
import { toAdminUnitJson, toVenueAllJson, toVenueJson } from "../../mappers/venues.ts";
import { importVenues } from "../../services/import-venues.ts";
import {
  availabilityJson,
  createVenue,
  deactivateVenue,
  getVenue,
  listVenues,
  publicVenueJson,
  publicVenueListJson,
  updateVenue,
} from "../../services/venues.ts";
import { addUnit, removeUnit, updateUnit } from "../../services/units.ts";
import type {
  availability,
  create,
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
function renderedJson(c: Context<AppEnv>, body: string): never {
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
  if (includeInactive || all || q.slug !== undefined) {
    const page = await listVenues(deps, query);
    return c.json(
      pageEnvelope(requestLink(c), page, (v) => (all ? toVenueAllJson(v) : toVenueJson(v, lang))),
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
    return c.json(all ? toVenueAllJson(venue) : toVenueJson(venue, lang), 200);
  }
  return renderedJson(c, await publicVenueJson(deps, { id, lang }));
};

export const availabilityHandler: AppRouteHandler<typeof availability> = async (c) => {
  const { date, unit_id: unitId } = c.req.valid("query");
  return renderedJson(c, await availabilityJson(c.var.deps, { id: c.req.valid("param").id, date, unitId, lang: c.var.lang }));
};

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const venue = await createVenue(c.var.deps, c.req.valid("json"), { deadline: c.var.deadline });
  return c.json(toVenueJson(venue, c.var.lang), 201);
};

export const updateHandler: AppRouteHandler<typeof update> = async (c) => {
  const venue = await updateVenue(c.var.deps, { id: c.req.valid("param").id, body: c.req.valid("json"), deadline: c.var.deadline });
  return c.json(toVenueJson(venue, c.var.lang), 200);
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
