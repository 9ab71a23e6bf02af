// Builds the real app on test backends: PGlite + in-process store always, and PostgreSQL + Redis
// when DATABASE_URL and REDIS_URL are set. Every harness has its own database and key prefix.
import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@venue-booking/db";
import { openTestPglite, openTestPostgres } from "@venue-booking/db/testing";
import { Redis } from "ioredis";
import { createApp } from "./app.ts";
import type { App } from "./app.ts";
import { loadConfig } from "./config.ts";
import type { Config } from "./config.ts";
import { buildDeps } from "./deps.ts";
import type { AppDeps } from "./deps.ts";
import { MemoryStore, RedisStore } from "./lib/kv.ts";
import type { KeyValueStore } from "./lib/kv.ts";
import { MemorySmsSender } from "./services/sms.ts";
import { loadSwaggerAssets } from "./swagger-assets.ts";

export const TEST_JWT_SECRET = "test-secret-test-secret-test-secret!";

export type Harness = {
  app: App;
  deps: AppDeps;
  sms: MemorySmsSender;
  /** Moves the app's clock; `undefined` follows the real time again. */
  setNow(now: Date | undefined): void;
  /** A user (created when new) and a fresh token pair, without the OTP round trip. */
  tokensFor(phone: string, opts?: { admin?: boolean }): Promise<{ access: string; refresh: string; userId: number }>;
  /** app.request with a client IP (default: one per harness). */
  request(path: string, init?: RequestInit & { ip?: string }): Promise<Response>;
  close(): Promise<void>;
};

export type Backend = { name: string; start(config?: Partial<Config>): Promise<Harness> };

async function openRedisStore(url: string): Promise<KeyValueStore> {
  return new RedisStore(new Redis(url, { maxRetriesPerRequest: 2 }), `vb:test:${randomBytes(6).toString("hex")}:`);
}

async function clearRedis(kv: RedisStore): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await kv.client.scan(cursor, "MATCH", `${kv.prefix}*`, "COUNT", 500);
    if (keys.length) await kv.client.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

export async function startHarness(
  database: DatabaseHandle,
  kv: KeyValueStore,
  overrides: Partial<Config> = {},
): Promise<Harness> {
  const config: Config = { ...loadConfig({ NODE_ENV: "test", AUTH_IP_LIMIT_PER_MINUTE: "100000" }), ...overrides };
  const sms = new MemorySmsSender();
  let fixed: Date | undefined;
  const deps = buildDeps({ config, database, kv, sms, jwtSecret: TEST_JWT_SECRET, clock: () => fixed ?? new Date() });
  const app = createApp(deps, { swaggerAssets: loadSwaggerAssets() });
  const defaultIp = `10.${randomBytes(3).join(".")}`;
  return {
    app,
    deps,
    sms,
    setNow: (now) => {
      fixed = now;
    },
    async tokensFor(phone, opts = {}) {
      const { user } = await deps.repos.users.signIn(phone, { admin: opts.admin ?? false });
      return { ...(await deps.tokens.issue(user.id)), userId: user.id };
    },
    request: (path, init = {}) => {
      const { ip, ...rest } = init;
      return Promise.resolve(app.request(path, rest, { incoming: { socket: { remoteAddress: ip ?? defaultIp } } }));
    },
    async close() {
      try {
        if (kv instanceof RedisStore) await clearRedis(kv);
      } finally {
        await deps.cache.close();
        await kv.close();
        await database.close();
      }
    },
  };
}

export function testBackends(env: Record<string, string | undefined> = process.env): Backend[] {
  const backends: Backend[] = [
    { name: "embedded (PGlite + in-process store)", start: async (c) => startHarness(await openTestPglite(), new MemoryStore(), c) },
  ];
  const { DATABASE_URL: pgUrl, REDIS_URL: redisUrl } = env;
  if (pgUrl && redisUrl) {
    backends.push({
      name: "PostgreSQL + Redis",
      start: async (c) => startHarness(await openTestPostgres(pgUrl), await openRedisStore(redisUrl), c),
    });
  }
  return backends;
}
