import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope, requestLink } from "../../lib/paging.ts";
import { toSeriesDetailJson, toSeriesJson } from "../../mappers/series.ts";
import { cancelSeries, createSeries, getSeries, listSeries, skippedJson } from "../../services/series.ts";
import type { cancel, create, get, list } from "./admin-series.routes.ts";

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const made = await createSeries(c.var.deps, {
    adminId: c.var.user.id,
    request: c.req.valid("json"),
    idempotencyKey: c.req.valid("header")["idempotency-key"],
    deadline: c.var.deadline,
  });
  const lang = c.var.lang;
  return c.json({ ...toSeriesDetailJson(made.series, made.bookings, lang), skipped: made.skipped.map((s) => skippedJson(s, lang)) }, 201);
};

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const q = c.req.valid("query");
  const result = await listSeries(c.var.deps, { page: q.page, phone: q.phone, venueId: q.venue_id });
  return c.json(pageEnvelope(requestLink(c), result, toSeriesJson), 200);
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  const { series, bookings } = await getSeries(c.var.deps, c.req.valid("param").id);
  return c.json(toSeriesDetailJson(series, bookings, c.var.lang), 200);
};

export const cancelHandler: AppRouteHandler<typeof cancel> = async (c) => {
  const done = await cancelSeries(c.var.deps, {
    adminId: c.var.user.id,
    id: c.req.valid("param").id,
    from: c.req.valid("query").from,
    deadline: c.var.deadline,
  });
  return c.json({ ...toSeriesDetailJson(done.series, done.bookings, c.var.lang), cancelled: done.cancelled }, 200);
};
