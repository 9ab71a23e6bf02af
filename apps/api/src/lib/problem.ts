// RFC 9457 problem details in the caller's language, and the one table from codes to statuses.
import { errorText } from "@venue-booking/contract";
import type { ErrorCode, FieldError, Problem } from "@venue-booking/contract";
import type { DomainError, ErrorParams, Lang } from "@venue-booking/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every code the API answers with, and the status it comes with. */
const STATUS_OF = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  NOT_FOUND: 404,
  PAGE_NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
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
  TOO_LONG: 400,
  TOO_SOON: 400,
  DAY_CLOSED: 400,
  VENUE_CLOSED: 409,
  CLOSURE_CONFLICTS: 409,
  ALREADY_CLOSED: 409,
  CLOSURE_NOT_FOUND: 404,
  CANCEL_TOO_LATE: 409,
  INVALID_PRICE_RULE: 400,
  INVALID_DURATION_BOUNDS: 400,
  SLOT_TAKEN: 409,
  BAD_TRANSITION: 409,
  BOOKING_NOT_ENDED: 409,
  TOO_MANY_LIVE_BOOKINGS: 409,
  CANNOT_CHANGE_SELF: 409,
  LAST_ADMIN: 409,
  SLUG_TAKEN: 409,
  VENUE_NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  LAST_UNIT: 409,
  INVALID_CONTAINS: 400,
  PLACES_ON_EXCLUSIVE_UNIT: 400,
  PLACES_ABOVE_CAPACITY: 400,
  NOT_ENOUGH_PLACES: 409,
  CAPACITY_BELOW_SOLD: 409,
  UNIT_IN_USE: 409,
  TOTAL_TOO_HIGH: 400,
  SESSION_NOT_FOUND: 404,
  SESSION_FULL: 409,
  SESSION_STARTED: 400,
  SEATED_CAPACITY: 400,
  SESSION_UNIT_POOLED: 400,
  SEATS_REQUIRED: 400,
  NOT_SEATED: 400,
  SEAT_TAKEN: 409,
  UNKNOWN_SEAT: 400,
  ALREADY_BOOKED: 409,
  BOOKING_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  USER_INACTIVE: 401,
  OTP_INVALID: 400,
  OTP_TOO_MANY_ATTEMPTS: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  BOOKING_NOT_MOVABLE: 409,
  MOVE_TOO_LATE: 409,
  CUSTOMER_INACTIVE: 409,
  SERIES_CONFLICTS: 409,
  SERIES_EMPTY: 400,
  SERIES_TOO_LONG: 400,
  SERIES_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
  SLOT_AVAILABLE: 409,
  ALREADY_WAITING: 409,
  WAITLIST_NOT_FOUND: 404,
  NOT_OFFERED: 409,
  WEBHOOK_URL_NOT_ALLOWED: 400,
} as const satisfies Record<ErrorCode, number>;

export type ProblemStatus = (typeof STATUS_OF)[ErrorCode];

/** The codes that come with `status`, for the OpenAPI document. */
export function codesOf(status: ProblemStatus): ErrorCode[] {
  return (Object.keys(STATUS_OF) as ErrorCode[]).filter((code) => STATUS_OF[code] === status);
}

const TITLES: Record<ProblemStatus, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function problemType(code: ErrorCode): string {
  return `urn:venue-booking:problem:${code.toLowerCase().replace(/_/g, "-")}`;
}

export function problemOf(code: ErrorCode, lang: Lang, requestId: string, params: ErrorParams = {}, errors?: FieldError[]): Problem {
  const status = STATUS_OF[code];
  return {
    type: problemType(code),
    title: TITLES[status],
    status,
    detail: errorText(code, lang, params),
    code,
    request_id: requestId,
    ...(errors ? { errors } : {}),
  };
}

/** A domain error as a problem; rule errors that name a field also list it under `errors`. */
export function problemFromDomain(e: DomainError, lang: Lang, requestId: string): Problem {
  const p = { ...problemOf(e.code, lang, requestId, e.params), ...(typeof e.members === "function" ? e.members(lang) : e.members) };
  return e.field && p.status === 400 ? { ...p, errors: [{ field: e.field, message: p.detail }] } : p;
}

/**
 * The problem as the response of `c`, so the headers set on the context earlier (security headers,
 * Content-Language, the request id) come along.
 */
export function problemResponse(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    "content-type": "application/problem+json; charset=utf-8",
    ...headers,
  });
}
