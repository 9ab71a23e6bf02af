// Webhooks and their deliveries as the contract shows them.
import type { Webhook as WebhookJson, WebhookDelivery } from "@venue-booking/contract";
import type { Delivery, Webhook } from "@venue-booking/db";

export function toWebhookJson(w: Webhook): WebhookJson {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    is_active: w.isActive,
    created_at: w.createdAt.toISOString(),
    updated_at: w.updatedAt.toISOString(),
  };
}

export function toDeliveryJson(d: Delivery): WebhookDelivery {
  return {
    id: d.id,
    event_id: d.eventId,
    event_type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    delivered_at: d.deliveredAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
    tries: d.tries.map((t) => ({ status_code: t.statusCode, error: t.error, duration_ms: t.durationMs, at: t.at.toISOString() })),
  };
}
