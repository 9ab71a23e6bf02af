// The CLI's own words in the admin's language (VENUE_ADMIN_LANG): t(lang, key, params), and the
// contract's schema complaints worded the way the API words them.
import { fillMessage } from "@venue-booking/core";
import type { ErrorParams, Lang } from "@venue-booking/core";
import { MESSAGES } from "./messages.ts";

export type MessageKey = keyof typeof MESSAGES;

/** The message in `lang`, its {placeholders} filled from params. */
export function t(lang: Lang, key: MessageKey, params: ErrorParams = {}): string {
  return fillMessage(MESSAGES[key][lang], params);
}

export { issueText } from "@venue-booking/contract";
export type { IssueLike as Issue } from "@venue-booking/contract";
