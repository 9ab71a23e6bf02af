import {
  IdParamSchema,
  pageSchema,
  WebhookCreatedSchema,
  WebhookCreateSchema,
  WebhookDeliverySchema,
  WebhookListQuerySchema,
  WebhookPingSchema,
  WebhookSchema,
  WebhookUpdateSchema,
} from "@venue-booking/contract";
import { adminRoute, jsonBody, jsonContent, notFoundResponse } from "../../lib/openapi.ts";

const tags = ["Admin: webhooks"];

export const create = adminRoute({
  method: "post",
  path: "/api/admin/webhooks",
  tags,
  summary: 'Register a webhook for some events (or all: ["*"])',
  description:
    "Every change of a booking or session is an event (booking.created, booking.confirmed, booking.cancelled, " +
    "booking.completed, booking.expired, booking.rescheduled, session.cancelled), written in the change's own " +
    "transaction and posted to each webhook that asked for it: JSON `{id, type, created_at, data}` with the Standard " +
    "Webhooks headers `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of " +
    '"id.timestamp.body">` keyed with the base64 part of `secret`. A 2xx within 10 s is delivered; anything else is ' +
    "tried again with growing delays for 24 hours. The answer's `secret` is shown only here.",
  request: { body: jsonBody(WebhookCreateSchema) },
  responses: { 201: jsonContent(WebhookCreatedSchema, "Registered") },
});

export const list = adminRoute({
  method: "get",
  path: "/api/admin/webhooks",
  tags,
  summary: "The webhooks",
  request: { query: WebhookListQuerySchema },
  responses: { 200: jsonContent(pageSchema(WebhookSchema, "WebhookPage"), "A page of webhooks"), ...notFoundResponse },
});

export const get = adminRoute({
  method: "get",
  path: "/api/admin/webhooks/{id}",
  tags,
  summary: "One webhook",
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(WebhookSchema, "The webhook"), ...notFoundResponse },
});

export const update = adminRoute({
  method: "patch",
  path: "/api/admin/webhooks/{id}",
  tags,
  summary: "Change a webhook's URL or events, or pause it (is_active: false)",
  request: { params: IdParamSchema, body: jsonBody(WebhookUpdateSchema) },
  responses: { 200: jsonContent(WebhookSchema, "The webhook"), ...notFoundResponse },
});

export const remove = adminRoute({
  method: "delete",
  path: "/api/admin/webhooks/{id}",
  tags,
  summary: "Remove a webhook and its delivery log",
  request: { params: IdParamSchema },
  responses: { 204: { description: "Removed" }, ...notFoundResponse },
});

export const ping = adminRoute({
  method: "post",
  path: "/api/admin/webhooks/{id}/test",
  tags,
  summary: "Send the webhook a `ping` event",
  request: { params: IdParamSchema },
  responses: { 202: jsonContent(WebhookPingSchema, "Queued; see deliveries"), ...notFoundResponse },
});

export const deliveries = adminRoute({
  method: "get",
  path: "/api/admin/webhooks/{id}/deliveries",
  tags,
  summary: "What was sent to the webhook, newest first, with each try (status code, error, time)",
  request: { params: IdParamSchema, query: WebhookListQuerySchema },
  responses: { 200: jsonContent(pageSchema(WebhookDeliverySchema, "WebhookDeliveryPage"), "A page of deliveries"), ...notFoundResponse },
});
