// Prometheus metrics of this process, behind METRICS_TOKEN when it is set.
import { Hono } from "hono";
import type { AppDeps } from "../../deps.ts";
import type { AppEnv } from "../../lib/env.ts";
import { HttpError } from "../../lib/errors.ts";

export function metricsRouter(deps: AppDeps) {
  return new Hono<AppEnv>().get("/metrics", async (c) => {
    const token = deps.config.metricsToken;
    if (token && c.req.header("authorization") !== `Bearer ${token}`) throw new HttpError("UNAUTHORIZED");
    return c.text(await deps.metrics.registry.metrics(), 200, { "content-type": deps.metrics.registry.contentType });
  });
}
