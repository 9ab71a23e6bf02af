import { assertAdmin } from "../../lib/auth.ts";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope, requestLink } from "../../lib/paging.ts";
import { toSessionJson } from "../../mappers/sessions.ts";
import { cancelSession, createSession, getSession, listSessions, updateSession } from "../../services/sessions.ts";
import type { create, get, list, remove, update } from "./sessions.routes.ts";

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const q = c.req.valid("query");
  const includePast = q.include_past === "true";
  const includeCancelled = q.include_cancelled === "true";
  if (includePast || includeCancelled) assertAdmin(c);
  const page = await listSessions(c.var.deps, {
    includePast,
    includeCancelled,
    page: q.page,
    date: q.date,
    venueId: q.venue_id,
    from: q.from,
    to: q.to,
    available: q.available === "true",
  });
  return c.json(
    pageEnvelope(requestLink(c), page, (s) => toSessionJson(s, c.var.lang)),
    200,
  );
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  const admin = c.var.user?.isAdmin === true;
  return c.json(toSessionJson(await getSession(c.var.deps, c.req.valid("param").id, { admin }), c.var.lang), 200);
};

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const session = await createSession(c.var.deps, {
    venueId: c.req.valid("param").id,
    body: c.req.valid("json"),
    deadline: c.var.deadline,
  });
  return c.json(toSessionJson(session, c.var.lang), 201);
};

export const updateHandler: AppRouteHandler<typeof update> = async (c) => {
  const session = await updateSession(c.var.deps, { id: c.req.valid("param").id, body: c.req.valid("json"), deadline: c.var.deadline });
  return c.json(toSessionJson(session, c.var.lang), 200);
};

export const removeHandler: AppRouteHandler<typeof remove> = async (c) => {
  const adminId = c.var.user?.id;
  if (adminId === undefined) throw new Error("an admin route ran without its admin");
  await cancelSession(c.var.deps, { id: c.req.valid("param").id, adminId, deadline: c.var.deadline });
  return c.body(null, 204);
};
