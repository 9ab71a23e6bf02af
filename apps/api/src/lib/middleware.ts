// Per-request context: the caller's language, IP, and the signed-in user where a route needs one.
import { DomainError, parseAcceptLanguage } from "@venue-booking/core";
import { createMiddleware } from "hono/factory";
import { rateLimiter } from "hono-rate-limiter";
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
    if (deps.config.trustProxy) {
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
        user_id: c.get("user")?.id ?? null,
      });
    }
  });
}

function bearer(header: string | undefined): string {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m?.[1]) throw new DomainError("UNAUTHORIZED");
  return m[1];
}

/** 401 unless a valid access token of an active user comes with the request. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const { tokens, repos } = c.get("deps");
  const { userId } = await tokens.verify(bearer(c.req.header("authorization")), "access");
  const user = await repos.users.get(userId);
  if (!user) throw new DomainError("UNAUTHORIZED");
  if (!user.isActive) throw new DomainError("USER_INACTIVE");
  c.set("user", user);
  await next();
});

/** Signs the user in when a token comes along (public routes that admins see more of). */
export const optionalUser = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.header("authorization") === undefined) return next();
  return requireUser(c, next);
});

/** Throws FORBIDDEN unless the (optional) user is an admin; UNAUTHORIZED without one. */
export function assertAdmin(user: AppEnv["Variables"]["user"] | undefined): void {
  if (!user) throw new DomainError("UNAUTHORIZED");
  if (!user.isAdmin) throw new DomainError("FORBIDDEN");
}

/** requireUser, then 403 unless the user is an admin. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  await requireUser(c, async () => {
    if (!c.get("user").isAdmin) throw new DomainError("FORBIDDEN");
    await next();
  });
});

/** AUTH_IP_LIMIT_PER_MINUTE requests a minute per client IP, counted in Redis when there is one. */
export function authIpLimit(deps: AppDeps) {
  return rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: deps.config.authIpLimitPerMinute,
    standardHeaders: "draft-6",
    keyGenerator: (c) => `auth:${c.get("clientIp")}`,
    store: deps.rateLimitStore,
    handler: (c) => {
      deps.metrics.otpRateLimited.inc({ limit: "ip" });
      const info = c.get("rateLimit" as never) as { resetTime?: Date } | undefined;
      const reset = info?.resetTime?.getTime() ?? Date.now() + 60_000;
      const seconds = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
      throw new DomainError("RATE_LIMITED", { params: { seconds } });
    },
  });
}
