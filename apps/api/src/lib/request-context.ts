// Per-request context: dependencies, request id, language, client IP, the common headers, and one
// log line and one metrics sample per request.
import { parseAcceptLanguage } from "@venue-booking/core";
import { createMiddleware } from "hono/factory";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "./env.ts";

// Headers every response carries. They are set on the context before the handler runs, so Hono
// writes them into the response as it is made; setting them afterwards would make it rebuild the
// response (measurably slower under load).
const SECURITY_HEADERS: [string, string][] = [
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

const REQUEST_ID = /^[\w\-.:]{8,128}$/;

/**
 * Everything a request needs before its route, in one step: the dependencies, a request id (the
 * caller's X-Request-Id when it looks like one), the language, the client IP (the socket's; the
 * first X-Forwarded-For hop only with TRUST_PROXY), the common headers; and afterwards one log
 * line and one metrics sample labelled by the matched route, never by the raw path.
 */
export function requestContext(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    c.set("deps", deps);
    const incomingId = c.req.header("x-request-id");
    const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
    c.set("requestId", requestId);
    const lang = parseAcceptLanguage(c.req.header("accept-language"));
    c.set("lang", lang);
    let ip = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? "unknown";
    if (deps.config.trustProxy !== false) {
      const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
      if (forwarded) ip = forwarded;
    }
    c.set("clientIp", ip);
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    c.header("Content-Language", lang);
    c.header("Vary", "Accept-Language, Origin");
    c.header("X-Request-Id", requestId);
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const status = c.res.status;
      const route = c.req.routePath && c.req.routePath !== "*" && status !== 404 ? c.req.routePath : "unmatched";
      const labels = { method: c.req.method, route, status: String(status) };
      deps.metrics.httpRequests.inc(labels);
      deps.metrics.httpDuration.observe(labels, seconds);
      deps.logger.info("request", {
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        status,
        duration_ms: Math.round(seconds * 10_000) / 10,
        request_id: requestId,
        user_id: c.var.user?.id ?? null,
      });
    }
  });
}
