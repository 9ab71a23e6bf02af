// RFC 9457 problem details: the one shape of every error response, in the caller's language.
import { errorMessage } from "@venue-booking/core";
import type { DomainError, ErrorCode, Lang } from "@venue-booking/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The one table from domain error codes to HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_DATE: 400,
  INVALID_TIME: 400,
  INVALID_MONEY: 400,
  INVALID_PRICE: 400,
  INVALID_PRICE_RANGE: 400,
  INVALID_PHONE: 400,
  INVALID_HOURS: 400,
  INVALID_RANGE: 400,
  TOO_SHORT: 400,
  OFF_GRID: 400,
  OUTSIDE_HOURS: 400,
  IN_THE_PAST: 400,
  TOO_FAR_AHEAD: 400,
  SLOT_TAKEN: 409,
  BAD_TRANSITION: 409,
  NOT_FOUND: 404,
  VENUE_NOT_FOUND: 404,
  BOOKING_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  PAGE_NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  USER_INACTIVE: 401,
  FORBIDDEN: 403,
  OTP_INVALID: 400,
  OTP_TOO_MANY_ATTEMPTS: 400,
  RATE_LIMITED: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  VENUE_INACTIVE: 400,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export type FieldError = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
};

export function problemType(code: ErrorCode): string {
  return `urn:venue-booking:problem:${code.toLowerCase().replace(/_/g, "-")}`;
}

export function problemOf(code: ErrorCode, lang: Lang, params: Record<string, string | number> = {}, errors?: FieldError[]): Problem {
  const status = STATUS_OF[code];
  return {
    type: problemType(code),
    title: TITLES[status] ?? "Error",
    status,
    detail: errorMessage(code, lang, params),
    code,
    ...(errors ? { errors } : {}),
  };
}

/** A domain error as a problem; rule errors that name a field also list it under `errors`. */
export function problemFromDomain(e: DomainError, lang: Lang): Problem {
  const detail = e.localized(lang);
  const p = problemOf(e.code, lang, e.params);
  return e.field && STATUS_OF[e.code] === 400 ? { ...p, detail, errors: [{ field: e.field, message: detail }] } : p;
}

/**
 * The problem as the response of `c`, so the headers set on the context earlier (security headers,
 * Content-Language, the request id) come along.
 */
export function problemResponse(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, { "content-type": "application/problem+json; charset=utf-8", ...headers });
}
