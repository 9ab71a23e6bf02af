// Turns zod issues into the problem's `errors`, with messages in the caller's language.
import { errorText, fieldRuleText, isFieldRuleCode, z } from "@venue-booking/contract";
import type { ErrorCode, FieldError } from "@venue-booking/contract";
import { isLang } from "@venue-booking/core";
import type { Lang } from "@venue-booking/core";

const localeErrors = { en: z.locales.en().localeError, ru: z.locales.ru().localeError, uz: z.locales.uz().localeError };

type Issue = z.core.$ZodIssue;

/** Custom refinements carry a rule code in `params.code`; everything else zod words itself. */
// zod leaves the offending value out of a finished issue, and its messages then say "received
// undefined" for any wrong type: the value is looked up again in what was validated.
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let cur = input;
  for (const key of path) cur = cur !== null && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
  return cur;
}

function issueMessage(issue: Issue, lang: Lang, input: unknown): string {
  const params = (issue as { params?: Record<string, string> & { code?: string } }).params ?? {};
  const code = params.code;
  if (issue.code === "custom" && code) {
    return isFieldRuleCode(code) ? fieldRuleText(code, lang, params) : errorText(code as ErrorCode, lang, params);
  }
  if (issue.code === "unrecognized_keys") {
    return { en: "Unknown field", ru: "Неизвестное поле", uz: "Noma'lum maydon" }[lang];
  }
  const withInput = "input" in issue ? issue : { ...issue, input: valueAt(input, issue.path) };
  const out = localeErrors[isLang(lang) ? lang : "ru"](withInput as never);
  const text = typeof out === "string" ? out : out?.message;
  return text ?? issue.message;
}

/** `input` is what was validated, for messages that name the wrong value's type. */
export function fieldErrors(error: z.ZodError, lang: Lang, prefix?: string, input?: unknown): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({ field: [...path, k].join("."), message: issueMessage(issue, lang, input) }));
    }
    const field = path.join(".") || prefix || "body";
    return [{ field, message: issueMessage(issue, lang, input) }];
  });
}
