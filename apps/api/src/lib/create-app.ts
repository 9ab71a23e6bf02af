// The bare app every deployment and test shares: request context, CORS, the body reader, and one
// shape (problem+json) for validation failures, unknown paths and errors of any kind.
import { isDomainError } from "@venue-booking/core";
import { isDatabaseUnreachable, sqlState } from "@venue-booking/db";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "../deps.ts";
import { readBody } from "./body-limit.ts";
import { errorLogFields } from "./error-log.ts";
import { HttpError } from "./errors.ts";
import { requestDeadline } from "./deadline.ts";
import { createRouter } from "./openapi.ts";
import { problemFromDomain, problemOf, problemResponse } from "./problem.ts";
import { requestContext, routeLabel } from "./request-context.ts";

const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

// Connection-level failures of PostgreSQL (class 08, admin shutdown 57P*, too many connections
// 53300), a statement stopped by statement_timeout (57014) or a lock wait by lock_timeout (55P03,
// a booking that waited out the request's time), the driver's own connect and read
// timeouts, the network's failures, and the request deadline: the database is not there or not
// answering in time, which is no fault of the request.
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|57014|55P03|53300)$/;
const UNAVAILABLE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);

function isUnavailable(err: unknown): boolean {
  if (err instanceof HTTPException && err.status === 503) return true;
  if (isDatabaseUnreachable(err)) return true;
  for (let cur: unknown = err, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_ERRNO.has(code)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  const state = sqlState(err);
  return state !== undefined && UNAVAILABLE_STATES.test(state);
}

export function createBaseApp(deps: AppDeps) {
  const app = createRouter();

  app.use("*", requestContext(deps));
  app.use("*", requestDeadline(deps.config.requestTimeoutMs));
  // CORS concerns browsers, which always send Origin; requests without one skip it.
  const corsMiddleware = cors({
    origin: (origin) => (deps.config.corsOrigins.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Accept-Language", "Idempotency-Key"],
    exposeHeaders: ["Content-Language", "Retry-After", "X-Request-Id"],
    maxAge: 600,
  });
  app.use("*", async (c, next) =>
    c.req.header("origin") === undefined ? next() : corsMiddleware(c as Parameters<typeof corsMiddleware>[0], next),
  );
  app.on(["POST", "PUT", "PATCH", "DELETE"], "*", readBody);

  app.notFound((c) => problemResponse(c, problemOf("NOT_FOUND", c.var.lang ?? "ru", c.var.requestId ?? "")));

  app.onError((err, c) => {
    const lang = c.var.lang ?? "ru";
    const requestId = c.var.requestId ?? "";
    if (isDomainError(err)) return problemResponse(c, problemFromDomain(err, lang, requestId));
    if (err instanceof HttpError) {
      const retry = err.code === "RATE_LIMITED" || err.code === "SERVICE_UNAVAILABLE";
      const headers: Record<string, string> = retry ? { "Retry-After": String(err.params.seconds ?? 60) } : {};
      return problemResponse(c, problemOf(err.code, lang, requestId, err.params), headers);
    }
    if (err instanceof HTTPException && err.status === 413)
      return problemResponse(c, problemOf("PAYLOAD_TOO_LARGE", lang, requestId, { limit: "1 MB" }));
    // Hono's body validator: unparsable JSON (400) or a body that is not JSON at all (415).
    if (err instanceof HTTPException && (err.status === 400 || err.status === 415))
      return problemResponse(c, problemOf("MALFORMED_JSON", lang, requestId));
    const where = { method: c.req.method, route: routeLabel(c), path: c.req.path, request_id: requestId };
    if (isUnavailable(err)) {
      deps.logger.warn("backing service unavailable", { ...where, ...errorLogFields(err) });
      return problemResponse(c, problemOf("SERVICE_UNAVAILABLE", lang, requestId), {
        "Retry-After": String(RETRY_AFTER_UNAVAILABLE_SECONDS),
      });
    }
    deps.logger.error("unexpected error", { ...where, ...errorLogFields(err) });
    return problemResponse(c, problemOf("INTERNAL", lang, requestId));
  });

  return app;
}

export type BaseApp = ReturnType<typeof createBaseApp>;
