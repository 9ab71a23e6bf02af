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

/** "ok" when `probe` answers within `timeoutMs`, "unavailable" otherwise. */
async function check(probe: () => Promise<void>, timeoutMs: number): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return "ok";
  } catch {
    return "unavailable";
  } finally {
    clearTimeout(timer);
  }
}

export function healthRouter() {
  return createRouter()
    .openapi(health, (c) => c.json({ status: "ok" as const }, 200))
    .openapi(ready, async (c) => {
      const { database, kv, config } = c.var.deps;
      // Each probe waits as long as its client would before giving up, plus a little.
      const [db, redis] = await Promise.all([
        check(() => database.ping(), config.databaseConnectTimeoutMs + 500),
        check(() => kv.ping(), config.redisTimeoutMs + 250),
      ]);
      const ok = db === "ok" && redis === "ok";
      return c.json({ status: ok ? ("ok" as const) : ("unavailable" as const), database: db, redis }, ok ? 200 : 503);
    });
}
