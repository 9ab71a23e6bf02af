// The per-IP limit on the auth endpoints.
import { rateLimiter } from "hono-rate-limiter";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "./env.ts";
import { HttpError } from "./errors.ts";

/** AUTH_IP_LIMIT_PER_MINUTE requests a minute per client IP, counted in Redis when there is one. */
export function authIpLimit(deps: AppDeps) {
  return rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: deps.config.authIpLimitPerMinute,
    standardHeaders: "draft-6",
    keyGenerator: (c) => `auth:${c.var.clientIp}`,
    store: deps.rateLimitStore,
    handler: (c) => {
      deps.metrics.otpRateLimited.inc({ limit: "ip" });
      const info = c.get("rateLimit" as never) as { resetTime?: Date } | undefined;
      const reset = info?.resetTime?.getTime() ?? Date.now() + 60_000;
      const seconds = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
      throw new HttpError("RATE_LIMITED", { seconds });
    },
  });
}
