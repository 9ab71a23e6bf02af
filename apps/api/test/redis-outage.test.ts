// Redis going away (refusing connections, or a connection that stops answering) and coming back,
// behind a breakable proxy so the real Redis other tests use is never touched.
import { randomBytes } from "node:crypto";
import { openTestPglite } from "@venue-booking/db/testing";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { buildDeps, redisState } from "../src/deps.ts";
import { createLogger } from "../src/infra/logger.ts";
import { MemorySmsSender } from "../src/infra/sms.ts";
import { TEST_JWT_SECRET } from "../src/testing.ts";
import { loadSwaggerAssets } from "../src/swagger-assets.ts";
import { bearer, json, newPhone, problem } from "./helpers.ts";
import { startTcpProxy } from "./tcp-proxy.ts";
import type { TcpProxy } from "./tcp-proxy.ts";

const REDIS_URL = process.env.REDIS_URL;
// Generous for a loaded 2-core machine; the point is "about a second", not the 10-15 s of before.
const FAST_MS = 2_500;

type LogLine = { level: string; msg: string } & Record<string, unknown>;

/** The real app over a Redis behind `proxy`, built once and never rebuilt, logging into `lines`. */
async function startBehindProxy(proxy: TcpProxy, opts: { ipLimit?: number } = {}) {
  const lines: LogLine[] = [];
  const logger = createLogger({ level: "debug", pretty: false, write: (line) => lines.push(JSON.parse(line) as LogLine) });
  const config = {
    ...loadConfig({ NODE_ENV: "test", AUTH_IP_LIMIT_PER_MINUTE: String(opts.ipLimit ?? 100_000) }),
    redisTimeoutMs: 500,
  };
  const database = await openTestPglite();
  const state = redisState(proxy.url(REDIS_URL!), `vb:test:outage:${randomBytes(6).toString("hex")}:`, { timeoutMs: 500 });
  const sms = new MemorySmsSender();
  const deps = buildDeps({ config, database, state, sms, jwtSecret: TEST_JWT_SECRET, logger });
  const app = createApp(deps, { swaggerAssets: loadSwaggerAssets() });
  const ip = `10.${randomBytes(3).join(".")}`;
  const request = async (path: string, init: RequestInit = {}) => app.request(path, init, { incoming: { socket: { remoteAddress: ip } } });
  const timed = async (path: string, init: RequestInit = {}) => {
    const started = performance.now();
    const res = await request(path, init);
    return { res, ms: performance.now() - started };
  };
  /** Resolves when the app has noticed that Redis answers again. */
  const recovered = () =>
    new Promise<void>((resolve) => {
      state.onAvailabilityChange((change) => {
        if (change.available) resolve();
      });
    });
  const redisLines = () => lines.filter((l) => /redis/i.test(l.msg));
  return {
    request,
    timed,
    sms,
    recovered,
    redisLines,
    async close() {
      await state.clear().catch(() => {});
      await state.close();
      await database.close();
    },
  };
}

async function signIn(t: Awaited<ReturnType<typeof startBehindProxy>>) {
  const phone = newPhone();
  expect((await t.request("/api/auth/send-otp/", json({ phone }))).status).toBe(200);
  const res = await t.request("/api/auth/verify-otp/", json({ phone, code: t.sms.lastCode(phone) }));
  expect(res.status).toBe(200);
  return (await res.json()) as { access: string; refresh: string };
}

async function expectUnavailable(res: Response, ms: number) {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await problem(res)).code).toBe("SERVICE_UNAVAILABLE");
  expect(ms).toBeLessThan(FAST_MS);
}

const outages: { name: string; breakIt: (p: TcpProxy) => Promise<void> }[] = [
  { name: "refuses connections", breakIt: (p) => p.refuse() },
  {
    name: "stops answering (a frozen connection)",
    breakIt: (p) => {
      p.freeze();
      return Promise.resolve();
    },
  },
];

describe.runIf(REDIS_URL).each(outages)("when Redis $name", ({ breakIt }) => {
  it("what needs Redis is a fast 503, the rest works, /ready is 503, and it recovers by itself", async () => {
    const { hostname, port } = new URL(REDIS_URL!);
    const proxy = await startTcpProxy(hostname, Number(port || 6379));
    const t = await startBehindProxy(proxy);
    try {
      const session = await signIn(t);
      expect((await t.request("/ready")).status).toBe(200);

      await breakIt(proxy);
      const phone = newPhone();
      const send = await t.timed("/api/auth/send-otp/", json({ phone }));
      await expectUnavailable(send.res, send.ms);
      const verify = await t.timed("/api/auth/verify-otp/", json({ phone, code: "123456" }));
      await expectUnavailable(verify.res, verify.ms);
      const refresh = await t.timed("/api/auth/refresh/", json({ refresh: session.refresh }));
      await expectUnavailable(refresh.res, refresh.ms);

      // Signed-in reads need only the database (and the per-IP limit, counted in-process meanwhile).
      const me = await t.timed("/api/auth/me/", bearer(session.access));
      expect(me.res.status).toBe(200);
      expect(me.ms).toBeLessThan(FAST_MS);

      const ready = await t.timed("/ready");
      expect(ready.res.status).toBe(503);
      expect(await ready.res.json()).toEqual({ status: "unavailable", database: "ok", redis: "unavailable" });
      expect(ready.ms).toBeLessThan(FAST_MS);

      // Many more failures, still fast, and still one log line for the whole outage.
      const more = await Promise.all(Array.from({ length: 10 }, () => t.timed("/api/auth/send-otp/", json({ phone: newPhone() }))));
      for (const { res, ms } of more) await expectUnavailable(res, ms);

      const back = t.recovered();
      await proxy.heal();
      await back;

      // The same app, not rebuilt: signing in, refreshing and readiness work again.
      const again = await signIn(t);
      expect((await t.request("/api/auth/refresh/", json({ refresh: again.refresh }))).status).toBe(200);
      expect((await t.request("/ready")).status).toBe(200);

      expect(t.redisLines().map(({ level, msg }) => ({ level, msg }))).toEqual([
        { level: "warn", msg: "redis unavailable" },
        { level: "info", msg: "redis available again" },
      ]);
      expect(t.redisLines()[0]).toMatchObject({ reason: expect.any(String) });
    } finally {
      await proxy.heal();
      await t.close();
      await proxy.close();
    }
  });
});

describe.runIf(REDIS_URL)("the per-IP limit while Redis is down", () => {
  it("keeps counting in this process instead of letting every request through", async () => {
    const { hostname, port } = new URL(REDIS_URL!);
    const proxy = await startTcpProxy(hostname, Number(port || 6379));
    const t = await startBehindProxy(proxy, { ipLimit: 4 });
    try {
      const session = await signIn(t); // 2 of the 4, counted in Redis
      await proxy.refuse();
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.request("/api/auth/me/", bearer(session.access))).status);
      // The in-process window starts from zero: 4 allowed, then 429.
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const limited = await t.request("/api/auth/me/", bearer(session.access));
      expect(limited.headers.get("retry-after")).not.toBeNull();
      expect((await problem(limited)).code).toBe("RATE_LIMITED");
    } finally {
      await proxy.heal();
      await t.close();
      await proxy.close();
    }
  });
});
