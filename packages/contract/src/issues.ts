// A schema complaint worded for people in their language, the same for the API's problem details
// and the CLI's own checks: a rule code (params.code of a refinement) in the contract's words,
// anything else in zod's own translations.
import type { ErrorParams, Lang } from "@venue-booking/core";
import { errorText, fieldRuleText, isFieldRuleCode } from "./errors.ts";
import type { ErrorCode } from "./errors.ts";
import { z } from "./zod.ts";

const localeErrors = { en: z.locales.en().localeError, ru: z.locales.ru().localeError, uz: z.locales.uz().localeError };

const UNKNOWN_FIELD = { en: "Unknown field", ru: "Неизвестное поле", uz: "Noma'lum maydon" };

/** What a zod issue carries that the wording needs (a finished issue, or one of the CLI's own). */
export type IssueLike = { code?: string; path: PropertyKey[]; message: string; params?: unknown };

// zod leaves the offending value out of a finished issue, and its messages then say "received
// undefined" for any wrong type: the value is looked up again in what was validated.
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let cur = input;
  for (const key of path) cur = cur !== null && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
  return cur;
}

/** The issue in `lang`; `input` is what was validated, for messages that name a wrong value's type. */
export function issueText(issue: IssueLike, lang: Lang, input?: unknown): string {
  const params = (issue.params ?? {}) as ErrorParams & { code?: string };
  const code = params.code;
  if (issue.code === "custom" && code) {
    return isFieldRuleCode(code) ? fieldRuleText(code, lang, params) : errorText(code as ErrorCode, lang, params);
  }
  if (issue.code === "unrecognized_keys") return UNKNOWN_FIELD[lang];
  if (issue.code === undefined) return issue.message;
  const withInput = "input" in issue ? issue : { ...issue, input: valueAt(input, issue.path) };
  const out = localeErrors[lang](withInput as never);
  const text = typeof out === "string" ? out : out?.message;
  return text ?? issue.message;
}
