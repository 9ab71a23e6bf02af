import { openTestPglite } from "@venue-booking/db/testing";
import { describe, expect, it } from "vitest";
import { redisState } from "../src/deps.ts";
import { startHarness, testBackends } from "../src/testing.ts";

describe.each(testBackends())("health on $name", (backend) => {
  it("/health is up and /ready checks the database and the store", async () => {
    const h = await backend.start();
    try {
      expect(await (await h.request("/health")).json()).toEqual({ status: "ok" });
      const ready = await h.request("/ready");
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ok", database: "ok", redis: "ok" });
    } finally {
      await h.close();
    }
  });
});

describe("readiness when Redis is unreachable", () => {
  it("is 503 and says which part is down, without waiting long", async () => {
    const h = startHarness(await openTestPglite(), redisState("redis://127.0.0.1:1", "vb:test:unreachable:", { timeoutMs: 500 }));
    try {
      const started = performance.now();
      const res = await h.request("/ready");
      // Generous for a loaded machine; the point is the Redis timeout, not ioredis's 10 s default.
      expect(performance.now() - started).toBeLessThan(2_500);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable", database: "ok", redis: "unavailable" });
      expect((await h.request("/health")).status).toBe(200);
    } finally {
      await h.close().catch(() => {});
    }
  });
});
