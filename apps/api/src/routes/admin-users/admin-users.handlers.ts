import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope, requestLink } from "../../lib/paging.ts";
import { toUserJson } from "../../mappers/users.ts";
import { listUsers, updateUser } from "../../services/users.ts";
import type { list, update } from "./admin-users.routes.ts";

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const result = await listUsers(c.var.deps, c.req.valid("query"));
  return c.json(pageEnvelope(requestLink(c), result, toUserJson), 200);
};

export const updateHandler: AppRouteHandler<typeof update> = async (c) => {
  const body = c.req.valid("json");
  const user = await updateUser(c.var.deps, {
    adminId: c.var.user.id,
    id: c.req.valid("param").id,
    patch: { isActive: body.is_active, isVerified: body.is_verified, isAdmin: body.is_admin, name: body.name },
    deadline: c.var.deadline,
  });
  return c.json(toUserJson(user), 200);
};
