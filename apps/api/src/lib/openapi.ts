// Route plumbing: the router factory with the shared validation hook, and the error responses
// that every route spreads into its OpenAPI description.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "./env.ts";
import { problemOf, problemResponse } from "./problem.ts";
import { ProblemSchema } from "./schemas.ts";
import { fieldErrors } from "./validation.ts";

export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = c.get("lang");
        const target = (result as { target?: string }).target;
        const errors = fieldErrors(result.error, lang, target === "json" ? "body" : target);
        return problemResponse(c, problemOf("VALIDATION_FAILED", lang, {}, errors));
      }
      return undefined;
    },
  });
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

export const errorResponses = {
  400: problem("The request is malformed or breaks a rule; `errors` lists the fields"),
  413: problem("The body is larger than 1 MB"),
  429: problem("Too many requests; see the Retry-After header"),
  500: problem("An unexpected error"),
} as const;

export const authErrorResponses = {
  401: problem("The bearer token is missing, invalid, expired, of the wrong type, or of a deactivated user"),
} as const;

export const adminErrorResponses = {
  ...authErrorResponses,
  403: problem("The user is not an admin"),
} as const;

export const notFoundResponse = { 404: problem("Not found") } as const;
export const conflictResponse = { 409: problem("A slot that is taken, or a status change the machine forbids") } as const;

export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T>(schema: T) {
  return { required: true, content: { "application/json": { schema } } } as const;
}

