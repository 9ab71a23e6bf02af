import { NotificationListQuerySchema, NotificationSchema, pageSchema } from "@venue-booking/contract";
import { adminRoute, jsonContent, notFoundResponse } from "../../lib/openapi.ts";

export const list = adminRoute({
  method: "get",
  path: "/api/admin/notifications",
  tags: ["Admin: messages"],
  summary: "Messages to players, newest first: confirmed, cancelled, moved, offered from the waitlist, reminders",
  description:
    "Each is owed in the transaction of the change it tells of (at most one per event, one reminder per booking) and " +
    "sent through the SMS sender in the player's language; a failed send is retried for a day.",
  request: { query: NotificationListQuerySchema },
  responses: { 200: jsonContent(pageSchema(NotificationSchema, "NotificationPage"), "A page of messages"), ...notFoundResponse },
});
