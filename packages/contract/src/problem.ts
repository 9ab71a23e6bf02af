// RFC 9457 problem details: the one shape of every error response.
import { ClosureConflictSchema } from "./calendar.ts";
import { SkippedDateSchema } from "./series.ts";
import { z } from "./zod.ts";
import { ERROR_CODES } from "./errors.ts";
import type { ErrorCode } from "./errors.ts";

export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() });

const problemFields = {
  type: z.string().openapi({ example: "urn:venue-booking:problem:slot-taken" }),
  title: z.string().openapi({ example: "Conflict" }),
  status: z.number().int().openapi({ example: 409 }),
  detail: z.string().openapi({ example: "Это время уже забронировано." }),
  request_id: z.string().openapi({ example: "5b0f8a6e-3f0e-4a51-9d43-7c6f7f7f2d1a", description: "X-Request-Id of the request" }),
  errors: z
    .array(FieldErrorSchema)
    .optional()
    .openapi({ example: [{ field: "phone", message: "Неверный номер телефона: ожидается +998 и 9 цифр." }] }),
  conflicts: z
    .array(ClosureConflictSchema)
    .optional()
    .openapi({ description: "CLOSURE_CONFLICTS, ALREADY_CLOSED: the live bookings, sessions or closures in the way" }),
  dates: z
    .array(SkippedDateSchema)
    .optional()
    .openapi({ description: "SERIES_CONFLICTS: each date of the series that could not be booked, and why" }),
};

function codeEnum(codes: readonly ErrorCode[]) {
  return z.enum(codes as [ErrorCode, ...ErrorCode[]]);
}

/** Any problem the API can answer; clients parse error bodies with it. */
export const ProblemSchema = z
  .object({ ...problemFields, code: codeEnum(ERROR_CODES).openapi({ example: "SLOT_TAKEN" }) })
  .openapi("Problem");

/** A problem whose `code` is one of `codes` (the OpenAPI document narrows each status this way). */
export function problemSchemaOf(codes: readonly ErrorCode[], name: string) {
  return z.object({ ...problemFields, code: codeEnum(codes).openapi({ example: codes[0] }) }).openapi(name);
}

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = z.infer<typeof FieldErrorSchema>;
