// Turns zod issues into the problem's `errors`, with messages in the caller's language.
import { issueText } from "@venue-booking/contract";
import type { FieldError, z } from "@venue-booking/contract";
import type { Lang } from "@venue-booking/core";

/** `input` is what was validated, for messages that name the wrong value's type. */
export function fieldErrors(error: z.ZodError, lang: Lang, prefix?: string, input?: unknown): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({ field: [...path, k].join("."), message: issueText(issue, lang, input) }));
    }
    const field = path.join(".") || prefix || "body";
    return [{ field, message: issueText(issue, lang, input) }];
  });
}
