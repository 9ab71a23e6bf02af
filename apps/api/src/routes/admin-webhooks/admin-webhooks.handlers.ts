import type { AppRouteHandler } from "../../lib/openapi.ts";
import { pageEnvelope, requestLink } from "../../lib/paging.ts";
import { toDeliveryJson, toWebhookJson } from "../../mappers/webhooks.ts";
import {
  createWebhook,
  getWebhook,
  listWebhooks,
  pingWebhook,
  removeWebhook,
  updateWebhook,
  webhookDeliveries,
} from "../../services/webhooks.ts";
import type { create, deliveries, get, list, ping, remove, update } from "./admin-webhooks.routes.ts";

export const createHandler: AppRouteHandler<typeof create> = async (c) => {
  const hook = await createWebhook(c.var.deps, { adminId: c.var.user.id, request: c.req.valid("json") });
  return c.json({ ...toWebhookJson(hook), secret: hook.secret }, 201);
};

export const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const result = await listWebhooks(c.var.deps, { page: c.req.valid("query").page });
  return c.json(pageEnvelope(requestLink(c), result, toWebhookJson), 200);
};

export const getHandler: AppRouteHandler<typeof get> = async (c) => {
  return c.json(toWebhookJson(await getWebhook(c.var.deps, c.req.valid("param").id)), 200);
};

export const updateHandler: AppRouteHandler<typeof update> = async (c) => {
  return c.json(toWebhookJson(await updateWebhook(c.var.deps, c.req.valid("param").id, c.req.valid("json"))), 200);
};

export const removeHandler: AppRouteHandler<typeof remove> = async (c) => {
  await removeWebhook(c.var.deps, c.req.valid("param").id);
  return c.body(null, 204);
};

export const pingHandler: AppRouteHandler<typeof ping> = async (c) => {
  return c.json({ delivery_id: await pingWebhook(c.var.deps, c.req.valid("param").id) }, 202);
};

export const deliveriesHandler: AppRouteHandler<typeof deliveries> = async (c) => {
  const result = await webhookDeliveries(c.var.deps, c.req.valid("param").id, { page: c.req.valid("query").page });
  return c.json(pageEnvelope(requestLink(c), result, toDeliveryJson), 200);
};
