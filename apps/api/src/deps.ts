// The composition root: the one place that chooses implementations (Redis or in-process, the SMS
// sender, the clock) and wires them into what the app needs. Nothing else asks which it was given.
import type { DatabaseHandle, Repositories } from "@venue-booking/db";
import { repositories } from "@venue-booking/db";
import type { Store } from "hono-rate-limiter";
import type { Config } from "./config.ts";
import { localBus, redisBus } from "./infra/bus.ts";
import type { InvalidationBus } from "./infra/bus.ts";
import { MemoryStore, RedisStore } from "./infra/kv.ts";
import type { KeyValueStore } from "./infra/kv.ts";
import { silentLogger } from "./infra/logger.ts";
import type { Logger } from "./infra/logger.ts";
import { createMetrics } from "./infra/metrics.ts";
import type { Metrics } from "./infra/metrics.ts";
import { memoryRateLimitStore, redisRateLimitStore } from "./infra/rate-limit-store.ts";
import { ReadCache } from "./infra/read-cache.ts";
import { RedisAvailability, createRedisClient } from "./infra/redis-client.ts";
import type { AvailabilityChange } from "./infra/redis-client.ts";
import type { SmsSender } from "./infra/sms.ts";
import type { AppEnv } from "./lib/env.ts";
import { OtpService } from "./services/otp.ts";
import { TokenService } from "./services/tokens.ts";

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  /** Repositories over the database itself, for reads and single statements. */
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

/** What is shared with other replicas: the key-value store, rate-limit counters and invalidations. */
export type SharedState = {
  kind: "redis" | "memory";
  kv: KeyValueStore;
  rateLimitStore: Store<AppEnv>;
  bus: InvalidationBus;
  /** Tells `listener` when the shared store becomes unavailable and available again (never in memory). */
  onAvailabilityChange(listener: (change: AvailabilityChange) => void): void;
  /** Removes every key this state wrote (tests use a prefix of their own). */
  clear(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Redis at `url`, every key under `prefix`; every command answers (or fails as
 * SERVICE_UNAVAILABLE) within about `timeoutMs`, and the client reconnects by itself.
 */
export function redisState(url: string, prefix: string, opts: { timeoutMs?: number } = {}): SharedState {
  const timeoutMs = opts.timeoutMs ?? 500;
  const client = createRedisClient(url, timeoutMs);
  const availability = new RedisAvailability(client, Math.max(250, timeoutMs * 2));
  const kv = new RedisStore(client, availability, prefix);
  // v2: messages travel in batches, a message a line (a release that sent one a PUBLISH listens on
  // the old name, so neither misreads the other during a rolling deploy)
  const bus = redisBus(client, `${prefix}cache-invalidate:v2`);
  return {
    kind: "redis",
    kv,
    rateLimitStore: redisRateLimitStore<AppEnv>(client, availability, `${prefix}rl:`),
    bus,
    onAvailabilityChange: (listener) => availability.onChange(listener),
    async clear() {
      let cursor = "0";
      do {
        const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
        if (keys.length) await client.del(...keys);
        cursor = next;
      } while (cursor !== "0");
    },
    async close() {
      await bus.close();
      await kv.close();
    },
  };
}

/** A lone process: everything in memory. */
export function memoryState(): SharedState {
  const kv = new MemoryStore();
  return {
    kind: "memory",
    kv,
    rateLimitStore: memoryRateLimitStore<AppEnv>(),
    bus: localBus,
    onAvailabilityChange: () => {},
    clear: () => Promise.resolve(),
    close: () => kv.close(),
  };
}

export type DepsInput = {
  config: Config;
  database: DatabaseHandle;
  state: SharedState;
  sms: SmsSender;
  jwtSecret: string;
  clock?: () => Date;
  logger?: Logger;
};

export function buildDeps(input: DepsInput): AppDeps {
  const { kv } = input.state;
  const logger = input.logger ?? silentLogger;
  // One line when Redis goes and one when it is back, however many requests fail in between.
  input.state.onAvailabilityChange((change) => {
    if (change.available) logger.info("redis available again");
    else logger.warn("redis unavailable", { reason: change.reason, per_ip_limit: "counted in this process until redis is back" });
  });
  return {
    config: input.config,
    database: input.database,
    repos: repositories(input.database.db),
    kv,
    sms: input.sms,
    otp: new OtpService(kv, input.sms, input.jwtSecret),
    tokens: new TokenService(input.jwtSecret, kv, input.clock),
    rateLimitStore: input.state.rateLimitStore,
    clock: input.clock ?? (() => new Date()),
    metrics: createMetrics(() => input.database.poolStats()),
    logger,
    cache: new ReadCache(input.state.bus, { clock: input.clock }),
  };
}
