import { createRoute } from "@hono/zod-openapi";
import { HealthSchema, ReadinessSchema } from "@venue-booking/contract";
import { createRouter, jsonContent } from "../../lib/openapi.ts";

const tags = ["Health"];

const health = createRoute({
  method: "get",
  path: "/health",
  tags,
  summary: "The process is up",
  responses: { 200: jsonContent(HealthSchema, "Up") },
});

const ready = createRoute({
  method: "get",
  path: "/ready",
  tags,
  summary: "The database and the key-value store answer",
  responses: {
    200: jsonContent(ReadinessSchema, "Ready"),
    503: jsonContent(ReadinessSchema, "Not ready"),
  },
});

/** "ok" when the probe answers, "unavailable" when it fails; each client bounds its own wait. */
const check = (probe: Promise<void>): Promise<string> =>
  probe.then(
    () => "ok",
    () => "unavailable",
  );

export function healthRouter() {
  return createRouter()
    .openapi(health, (c) => c.json({ status: "ok" as const }, 200))
    .openapi(ready, async (c) => {
      const { database, kv } = c.var.deps;
      // The database ping gives up after its connect and statement timeouts, Redis after its
      // command timeout, so /ready answers within those however the services fail.
      const [db, redis] = await Promise.all([check(database.ping()), check(kv.ping())]);
      const ok = db === "ok" && redis === "ok";
      return c.json({ status: ok ? ("ok" as const) : ("unavailable" as const), database: db, redis }, ok ? 200 : 503);
    });
}
