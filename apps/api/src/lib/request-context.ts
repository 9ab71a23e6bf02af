// Per-request context: dependencies, request id, language, client IP, the common headers, and one
// log line and one metrics sample per request.
import type { IncomingMessage } from "node:http";
import { parseAcceptLanguage } from "@venue-booking/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import proxyaddr from "proxy-addr";
import type { TrustProxy } from "../config.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "./env.ts";

// Headers every response carries: the OWASP REST Security Cheat Sheet's set for a JSON API. The
// HTML-oriented ones (referrer, cross-origin isolation, old-IE switches) are sent on /docs only
// (configure-openapi.ts). They are set on the context before the handler runs, so Hono writes them
// into the response as it is made; setting them afterwards would make it rebuild the response
// (measurably slower under load).
const SECURITY_HEADERS: [string, string][] = [
  ["Content-Security-Policy", "frame-ancestors 'none'"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
];

/**
 * Answers no browser or proxy may keep: any to a request with credentials, and all of /api/auth/
 * (tokens, codes). Decided from the request, before the handler, which may still set its own.
 */
function isSensitive(c: Context): boolean {
  const path = c.req.path;
  return c.req.header("authorization") !== undefined || path === "/api/auth" || path.startsWith("/api/auth/");
}

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

const REQUEST_ID = /^[\w\-.:]{8,128}$/;

// Probes of the orchestrator: counted in the metrics, but not worth a log line each.
const UNLOGGED_ROUTES = new Set(["/health", "/ready"]);

type TrustFn = (addr: string, hop: number) => boolean;

const trustFns = new WeakMap<Exclude<TrustProxy, false>, TrustFn>();

/** Which addresses may speak for the client: the nearest `hops` proxies, or those at the given addresses/CIDRs. */
function trustFn(trust: TrustProxy): TrustFn | undefined {
  if (trust === false) return undefined;
  let fn = trustFns.get(trust);
  if (!fn) {
    if ("hops" in trust) {
      const { hops } = trust;
      fn = (_addr, hop) => hop < hops;
    } else fn = proxyaddr.compile(trust.addresses);
    trustFns.set(trust, fn);
  }
  return fn;
}

function socketAddress(c: Pick<Context, "env">): string | undefined {
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
}

/**
 * The client address: the socket's, or, when the socket is a trusted proxy, the address that the
 * nearest proxy not trusted any more (or the client itself) appears as in X-Forwarded-For. Hops the
 * client wrote itself sit further left and are never reached.
 */
function clientAddress(c: Context, trust: TrustFn | undefined): string {
  const socket = socketAddress(c);
  if (!socket) return "unknown";
  if (!trust) return socket;
  const forwardedFor = c.req.header("x-forwarded-for");
  const req = { socket: { remoteAddress: socket }, connection: { remoteAddress: socket }, headers: { "x-forwarded-for": forwardedFor } };
  return proxyaddr(req as unknown as IncomingMessage, trust);
}

/** The last value of a header that proxies may append to: the one the nearest proxy wrote. */
function nearestValue(value: string | undefined): string | undefined {
  return value?.split(",").at(-1)?.trim() || undefined;
}

const FORWARDED_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin the client used, as a trusted proxy reports it in X-Forwarded-Host (and
 * X-Forwarded-Proto); undefined unless the request came from a trusted proxy that said so.
 */
export function forwardedOrigin(c: Pick<Context<AppEnv>, "req" | "var" | "env">): string | undefined {
  const trust = trustFn(c.var.deps.config.trustProxy);
  const socket = socketAddress(c);
  if (!trust || !socket || !trust(socket, 0)) return undefined;
  const host = nearestValue(c.req.header("x-forwarded-host"));
  if (!host || !FORWARDED_HOST.test(host)) return undefined;
  const proto = nearestValue(c.req.header("x-forwarded-proto"))?.toLowerCase();
  const scheme = proto === "http" || proto === "https" ? proto : new URL(c.req.url).protocol.slice(0, -1);
  return `${scheme}://${host.toLowerCase()}`;
}

/** The registered path of the route that matched (a 404 a handler answered included); "unmatched" when none did. */
export function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const path = routes[i]?.path;
    if (path && !path.endsWith("*")) return path;
  }
  return "unmatched";
}

/**
 * Everything a request needs before its route, in one step: the dependencies, a request id (the
 * caller's X-Request-Id when it looks like one), the language, the client IP (see clientAddress),
 * the common headers (and Cache-Control: no-store on sensitive answers); and afterwards one log line
 * and one metrics sample labelled by the matched route, never by the raw path.
 */
export function requestContext(deps: AppDeps) {
  // Compiled at start, so a malformed TRUST_PROXY address fails here rather than on a request.
  trustFn(deps.config.trustProxy);
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    c.set("deps", deps);
    const incomingId = c.req.header("x-request-id");
    const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
    c.set("requestId", requestId);
    const lang = parseAcceptLanguage(c.req.header("accept-language"));
    c.set("lang", lang);
    c.set("clientIp", clientAddress(c, trustFn(deps.config.trustProxy)));
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    if (isSensitive(c)) c.header("Cache-Control", "no-store");
    c.header("Content-Language", lang);
    // The CORS middleware adds "Origin" itself when the request has one.
    c.header("Vary", c.req.header("origin") === undefined ? "Accept-Language, Origin" : "Accept-Language");
    c.header("X-Request-Id", requestId);
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const status = c.res.status;
      const route = routeLabel(c);
      const labels = { method: c.req.method, route, status: String(status) };
      deps.metrics.httpRequests.inc(labels);
      deps.metrics.httpDuration.observe(labels, seconds);
      if (!UNLOGGED_ROUTES.has(route)) {
        deps.logger.info("request", {
          method: c.req.method,
          path: new URL(c.req.url).pathname,
          status,
          duration_ms: Math.round(seconds * 10_000) / 10,
          request_id: requestId,
          user_id: c.var.user?.id ?? null,
        });
      }
    }
  });
}
