// Everything the app needs from outside, built once by the server (or a test) and handed to createApp.
import type { DatabaseHandle, Repositories } from "@venue-booking/db";
import { repositories } from "@venue-booking/db";
import type { Store } from "hono-rate-limiter";
import { MemoryStore as RateLimitMemoryStore, RedisStore as RateLimitRedisStore } from "hono-rate-limiter";
import type { Config } from "./config.ts";
import type { AppEnv } from "./lib/env.ts";
import type { KeyValueStore } from "./lib/kv.ts";
import type { Logger } from "./lib/logger.ts";
import { silentLogger } from "./lib/logger.ts";
import { createMetrics } from "./lib/metrics.ts";
import type { Metrics } from "./lib/metrics.ts";
import { RedisStore } from "./lib/kv.ts";
import { OtpService } from "./services/otp.ts";
import { ReadCache } from "./services/read-cache.ts";
import type { SmsSender } from "./services/sms.ts";
import { TokenService } from "./services/tokens.ts";

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  repos: Repositories;
  kv: KeyValueStore;
  sms: SmsSender;
  otp: OtpService;
  tokens: TokenService;
  /** Store of the per-IP limit on the auth endpoints. */
  rateLimitStore: Store<AppEnv>;
  clock: () => Date;
  metrics: Metrics;
  logger: Logger;
  cache: ReadCache;
};

export type DepsInput = {
  config: Config;
  database: DatabaseHandle;
  kv: KeyValueStore;
  sms: SmsSender;
  jwtSecret: string;
  clock?: () => Date;
  logger?: Logger;
};

/** hono-rate-limiter's own RedisStore over ioredis, or its MemoryStore without Redis. */
function rateLimitStore(kv: KeyValueStore): Store<AppEnv> {
  if (!(kv instanceof RedisStore)) return new RateLimitMemoryStore<AppEnv>();
  const redis = kv.client;
  return new RateLimitRedisStore<AppEnv>({
    prefix: `${kv.prefix}rl:`,
    client: {
      scriptLoad: (script) => redis.script("LOAD", script) as Promise<string>,
      evalsha: <TArgs extends unknown[], TData = unknown>(sha: string, keys: string[], args: TArgs) =>
        redis.evalsha(sha, keys.length, ...keys, ...(args as (string | number)[])) as Promise<TData>,
      decr: (key) => redis.decr(key),
      del: (key) => redis.del(key),
    },
  });
}

export function buildDeps(input: DepsInput): AppDeps {
  const clock = input.clock ?? (() => new Date());
  return {
    config: input.config,
    database: input.database,
    repos: repositories(input.database.db),
    kv: input.kv,
    sms: input.sms,
    otp: new OtpService(input.kv, input.sms, input.jwtSecret),
    tokens: new TokenService(input.jwtSecret, input.kv),
    rateLimitStore: rateLimitStore(input.kv),
    clock,
    metrics: createMetrics(() => input.database.poolStats()),
    logger: input.logger ?? silentLogger,
    cache: new ReadCache(input.kv),
  };
}
