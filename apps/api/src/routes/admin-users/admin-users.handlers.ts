import { DomainError } from "@venue-booking/core";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope } from "../../lib/paging.ts";
import { toUserJson } from "../users.schemas.ts";
import type { list, update } from "./admin-users.routes.ts";

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const { page, search } = c.req.valid("query");
  const result = await c.get("deps").repos.users.list({ page, search });
  return c.json(pageEnvelope(c.req.url, result, toUserJson), 200);
};

export const updateHandler: AppRouteHandler<typeof update> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const user = await c.get("deps").repos.users.update(id, {
    isActive: body.is_active,
    isVerified: body.is_verified,
    isAdmin: body.is_admin,
    name: body.name,
  });
  if (!user) throw new DomainError("USER_NOT_FOUND");
  return c.json(toUserJson(user), 200);
};
