// Route plumbing: the router factory with the shared validation hook, and the route declarations
// that put a route's auth (security, middleware, 401/403) and its error responses together.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { RouteConfig, RouteConfigToEnv, RouteHandler } from "@hono/zod-openapi";
import { problemSchemaOf } from "@venue-booking/contract";
import { optionalUser, requireAdmin, requireUser } from "./auth.ts";
import type { AppEnv } from "./env.ts";
import { codesOf, problemOf, problemResponse } from "./problem.ts";
import type { ProblemStatus } from "./problem.ts";
import { fieldErrors } from "./validation.ts";

export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv & RouteConfigToEnv<R>>;

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = c.var.lang;
        const target = (result as { target?: string }).target;
        const errors = fieldErrors(result.error, lang, target === "json" ? "body" : target, (result as { data?: unknown }).data);
        return problemResponse(c, problemOf("VALIDATION_FAILED", lang, c.var.requestId, {}, errors));
      }
      return undefined;
    },
  });
}

const schemas = new Map<ProblemStatus, ReturnType<typeof problemSchemaOf>>();

/** A problem response whose `code` is narrowed to the codes that come with `status`. */
export function problem(status: ProblemStatus, description: string) {
  let schema = schemas.get(status);
  if (!schema) {
    schema = problemSchemaOf(codesOf(status), `Problem${status}`);
    schemas.set(status, schema);
  }
  return { description, content: { "application/problem+json": { schema } } };
}

/** What any route can answer besides its own responses. */
const commonErrors = {
  400: problem(400, "The request is malformed or breaks a rule; `errors` lists the fields"),
  413: problem(413, "The body is larger than 1 MB"),
  429: problem(429, "Too many requests; see the Retry-After header"),
  500: problem(500, "An unexpected error"),
  503: problem(503, "A backing service (the database or the key-value store) is unavailable; see Retry-After"),
};

const unauthorized = { 401: problem(401, "The bearer token is missing, invalid, expired, of the wrong type, or of a deactivated user") };
const forbidden = { 403: problem(403, "The user is not an admin") };

export const notFoundResponse = { 404: problem(404, "Not found") };
export const conflictResponse = { 409: problem(409, "A slot that is taken, or a status change the machine forbids") };
export const idempotencyResponse = { 422: problem(422, "The Idempotency-Key was used with a different request") };

const BEARER = [{ Bearer: [] }];

/** A route anyone may call. */
export function publicRoute<const R extends RouteConfig>(route: R) {
  return createRoute({ ...route, responses: { ...commonErrors, ...route.responses } });
}

/** A public route that shows more to a signed-in admin: a token, when sent, must be valid. */
export function optionalUserRoute<const R extends RouteConfig>(route: R) {
  return createRoute({
    ...route,
    middleware: [optionalUser] as const,
    responses: { ...commonErrors, ...unauthorized, ...route.responses },
  });
}

/** A route for a signed-in, active user. */
export function userRoute<const R extends RouteConfig>(route: R) {
  return createRoute({
    ...route,
    security: BEARER,
    middleware: [requireUser] as const,
    responses: { ...commonErrors, ...unauthorized, ...route.responses },
  });
}

/** A route for admins. */
export function adminRoute<const R extends RouteConfig>(route: R) {
  return createRoute({
    ...route,
    security: BEARER,
    middleware: [requireAdmin] as const,
    responses: { ...commonErrors, ...unauthorized, ...forbidden, ...route.responses },
  });
}

export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T>(schema: T) {
  return { required: true, content: { "application/json": { schema } } } as const;
}
