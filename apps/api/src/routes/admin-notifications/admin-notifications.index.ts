import type { Notification as NotificationJson } from "@venue-booking/contract";
import type { Notification } from "@venue-booking/db";
import type { AppRouteHandler } from "../../lib/openapi.ts";
import { createRouter } from "../../lib/openapi.ts";
import { pageEnvelope, requestLink } from "../../lib/paging.ts";
import { list } from "./admin-notifications.routes.ts";

function toNotificationJson(n: Notification): NotificationJson {
  return {
    id: n.id,
    user_id: n.userId,
    booking_id: n.bookingId,
    kind: n.kind,
    status: n.status,
    attempts: n.attempts,
    phone: n.phone,
    text: n.text,
    last_error: n.lastError,
    sent_at: n.sentAt?.toISOString() ?? null,
    created_at: n.createdAt.toISOString(),
  };
}

const listHandler: AppRouteHandler<typeof list> = async (c) => {
  const q = c.req.valid("query");
  const result = await c.var.deps.repos.notifications.list({ page: q.page, userId: q.user_id, bookingId: q.booking_id });
  return c.json(pageEnvelope(requestLink(c), result, toNotificationJson), 200);
};

export function adminNotificationsRouter() {
  return createRouter().openapi(list, listHandler);
}
