// One webhook as the webhooks commands read it, its events as flags, a checkbox and words, and a
// delivery's status and last answer as the tables show them.
import { WEBHOOK_EVENTS, WebhookSchema } from "@venue-booking/contract";
import type { Webhook, WebhookDelivery } from "@venue-booking/contract";
import { localDateTime } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";
import { commaList } from "../../args.ts";
import type { CliContext } from "../../context.ts";
import { UsageError } from "../../errors.ts";
import { t } from "../../i18n.ts";
import { formatLocal } from "../../output.ts";
import type { Output } from "../../output.ts";

export type EventFlags = { events?: string; all?: boolean };

const ALL = "*";
const known = (e: string): boolean => e === ALL || (WEBHOOK_EVENTS as readonly string[]).includes(e);

export function getWebhook(ctx: CliContext, id: number): Promise<Webhook> {
  return ctx.api.get(`/api/admin/webhooks/${id}/`, WebhookSchema);
}

/** "*" stands for every event, so a list that holds it is just ["*"]; each event once. */
const normalize = (events: string[]): string[] => (events.includes(ALL) ? [ALL] : [...new Set(events)]);

/** The events of --events a,b or --all; undefined when neither is given. */
export function parseEvents(f: EventFlags, lang: Lang): string[] | undefined {
  if (f.all && f.events !== undefined) throw new UsageError(t(lang, "usage.notBoth", { a: "--events", b: "--all" }));
  if (f.all) return [ALL];
  const events = commaList(f.events);
  if (events === undefined) return undefined;
  const wrong = events.length ? events.filter((e) => !known(e)) : [`"${f.events ?? ""}"`];
  if (wrong.length) throw new UsageError(t(lang, "usage.events", { value: wrong.join(", "), list: WEBHOOK_EVENTS.join(", ") }));
  return normalize(events);
}

/** A checkbox of the event types, `current` marked; at least one must be marked. */
export async function askEvents(ctx: CliContext, current: readonly string[] = []): Promise<string[]> {
  const l = ctx.lang;
  const chosen = await ctx.prompter.checkbox({
    message: t(l, "ask.webhookEvents"),
    choices: [
      { value: ALL, name: t(l, "event.all"), checked: current.includes(ALL) },
      ...WEBHOOK_EVENTS.map((e) => ({ value: e, name: `${e}: ${t(l, `event.${e}`)}`, checked: current.includes(e) })),
    ],
    validate: (marked) => marked.length > 0 || t(l, "answer.someEvents"),
  });
  return normalize(chosen);
}

/** "booking.created, booking.cancelled", or "every event" for ["*"]. */
export const eventsText = (events: readonly string[], lang: Lang): string =>
  events.includes(ALL) ? t(lang, "webhook.allEvents") : events.join(", ");

/** Active in green, paused in yellow. */
export const stateText = (out: Output, w: Webhook, lang: Lang): string =>
  w.is_active ? out.color.green(t(lang, "webhook.active")) : out.color.yellow(t(lang, "webhook.paused"));

/**
 * A delivery's time to the second on the venues' clock, the date left out when it is today's:
 * tries come seconds apart. Seconds are the same in every zone the venues can be in.
 */
export function deliveryTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const full = `${formatLocal(iso, timeZone)}:${String(at.getUTCSeconds()).padStart(2, "0")}`;
  return localDateTime(at, timeZone).date === localDateTime(new Date(), timeZone).date ? full.slice(11) : full;
}

/** What the receiver last answered: "HTTP 500", or why no answer came ("no answer in time"). */
export function lastAnswerText(d: WebhookDelivery): string {
  const code = d.last_status_code === null ? "" : `HTTP ${d.last_status_code}`;
  if (!d.last_error || d.last_error === code) return code;
  return code ? `${code}: ${d.last_error}` : d.last_error;
}

/** delivered in green, failed in red, pending in yellow with the time of its next try once one failed. */
export function deliveryStatusText(out: Output, d: WebhookDelivery, lang: Lang): string {
  const c = out.color;
  if (d.status === "delivered") return c.green(d.status);
  if (d.status === "failed") return c.red(d.status);
  const next =
    d.tries.length && d.next_attempt_at ? `, ${t(lang, "cell.nextTry", { at: deliveryTime(d.next_attempt_at, out.timeZone) })}` : "";
  return c.yellow(`${d.status}${next}`);
}
