// One session as the commands read it, and the few ways they word it: when it is, how many
// places it sells, how many are left.
import { SessionSchema } from "@venue-booking/contract";
import type { SessionJson } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";
import type { CliContext } from "../../context.ts";
import { t } from "../../i18n.ts";
import { formatDay } from "../../output.ts";
import type { Output } from "../../output.ts";

export function getSession(ctx: CliContext, id: number): Promise<SessionJson> {
  return ctx.api.get(`/api/sessions/${id}/`, SessionSchema, { public: true });
}

/** "Fri 2026-12-04 20:00-21:30" */
export const sessionWhen = (s: SessionJson) => `${formatDay(s.booking_date)} ${s.start_time}-${s.end_time}`;

/** "14 places", or "40 seats" for a seated session. */
export const sessionPlaces = (s: SessionJson, lang: Lang) => t(lang, s.seats?.length ? "cell.seats" : "cell.places", { n: s.capacity });

/** Places sold so far. */
export const placesSold = (s: SessionJson) => s.capacity - s.places_left;

/** "3 of 14 free", green while there are places left, red when full. */
export function placesLeftText(out: Output, s: SessionJson, lang: Lang): string {
  const text = t(lang, "avail.placesLeft", { left: s.places_left, capacity: s.capacity });
  return s.is_full || s.places_left <= 0 ? out.color.red(text) : out.color.green(text);
}

export function sessionStatusText(out: Output, s: SessionJson, lang: Lang): string {
  return s.status === "scheduled" ? out.color.green(t(lang, "session.scheduled")) : out.color.red(t(lang, "session.cancelled"));
}
